"""`playground run FILE.onnx` and `playground bench FILE.onnx`: any model, fed inputs made from its signature."""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Any

from playground.core.errors import InputError

PROFILED_RUNS = 4  # profiled runs after the timed ones: the profiler slows each node a little, so it times apart


def is_onnx_file(text: str) -> bool:
    """MODEL names a file rather than a catalog id: it ends in .onnx."""
    return text.lower().endswith(".onnx")


def add_made_input_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("for an .onnx FILE given as MODEL (inputs made from its signature)")
    group.add_argument("--fill", choices=("normal", "uniform", "zeros", "ones"), default="normal",
                       help="what the made inputs hold (default normal: random values around 0)")
    group.add_argument("--dim", action="append", default=[], metavar="NAME=SIZE",
                       help="the size of a symbolic dimension, e.g. batch=4 (default 1; repeatable)")
    group.add_argument("--seed", type=int, default=0, help="the random inputs' seed (default 0)")


def _opened(args: argparse.Namespace) -> tuple[Any, Any, Any, float]:
    """The model's facts, its session (timed, opened with the command's runtime options), and the inputs made."""
    from playground.anymodel.facts import read_facts
    from playground.anymodel.feeds import make_inputs, parse_dims
    from playground.anymodel.providers import CPU, chosen
    from playground.anymodel.runtime import open_session
    from playground.commands.common import runtime_options

    options = runtime_options(args)
    path = Path(args.model)
    providers = chosen(getattr(args, "provider", CPU))  # checked before the file is read
    facts = read_facts(path)
    made = make_inputs(facts.inputs, args.fill, parse_dims(args.dim), args.seed)
    start = time.perf_counter_ns()
    session = open_session(path, facts, options.session_options(), providers)
    return facts, session, made, (time.perf_counter_ns() - start) / 1e6


def _made_text(args: argparse.Namespace, made: Any) -> str:
    from playground.core.safe_output import terminal_text as shown

    dims = ", ".join(f"{shown(d)} = {n}" + (" (not given)" if d in made.defaulted else "") for d, n in made.dims.items())
    return f"inputs made: {args.fill}" + (f", seed {args.seed}" if args.fill in ("normal", "uniform") else "") + (
        f"; {dims}" if dims else "")


def _run(session: Any, feeds: dict[str, Any]) -> tuple[list[Any], float]:
    start = time.perf_counter_ns()
    try:
        values = session.run(None, feeds)
    except Exception as exc:  # noqa: BLE001 - a model that fails on made inputs says so in one sentence
        from playground.core.session import first_line

        raise InputError(f"The model stopped on the made inputs: {first_line(exc)}") from None
    return values, (time.perf_counter_ns() - start) / 1e6


def handle_run(args: argparse.Namespace) -> int:
    from playground.anymodel.keep import read_labels
    from playground.cli import print_json
    from playground.core.results.tensors import summary, text
    from playground.core.safe_output import terminal_text as shown

    if args.inputs:
        raise InputError("An .onnx file runs on inputs made from its signature (--fill, --dim, --seed): give no "
                         "INPUT with it.")
    labels = read_labels(args.labels) if args.labels else None
    facts, session, made, load_ms = _opened(args)
    values, run_ms = _run(session, made.feeds)
    names = [o.name for o in session.get_outputs()]
    outputs = [summary(name, value, labels) for name, value in zip(names, values)]
    if args.json:
        print_json({"model": facts.path, "fill": args.fill, "seed": args.seed, "dims": made.dims,
                    "inputs": {n: {"element": str(v.dtype), "shape": list(v.shape)} for n, v in made.feeds.items()},
                    "load_ms": round(load_ms, 3), "run_ms": round(run_ms, 3), "outputs": outputs})
        return 0
    print(f"{shown(Path(facts.path).name)} on {_made_text(args, made)}")
    print(f"  load {load_ms:.1f} ms, first run {run_ms:.2f} ms")
    for body in outputs:
        print(text(body))
    return 0


def handle_bench(args: argparse.Namespace) -> int:
    from playground.cli import print_json
    from playground.core.safe_output import terminal_text as shown
    from playground.core.timing import percentile

    if args.input:
        raise InputError("An .onnx file is timed on inputs made from its signature (--fill, --dim, --seed): give no "
                         "INPUT with it.")
    facts, session, made, load_ms = _opened(args)
    _, cold_ms = _run(session, made.feeds)
    for _ in range(args.warmup):
        _run(session, made.feeds)
    times = [_run(session, made.feeds)[1] for _ in range(args.runs)]
    figures = {"model": facts.path, "threads": args.threads, "opt_level": args.opt_level, "runs": args.runs,
               "warmup": args.warmup, "dims": made.dims, "load_ms": load_ms, "cold_ms": cold_ms,
               "p50": percentile(times, 50), "p95": percentile(times, 95), "mean": statistics.fmean(times),
               "min": min(times), "runs_per_second": 1000.0 / statistics.fmean(times) if times else 0.0}
    if args.profile:
        from playground.anymodel.providers import available, chosen
        from playground.commands.common import runtime_options

        figures["operators"], ran = profile_ops(Path(args.model), runtime_options(args), made.feeds,
                                                chosen(args.provider))
        figures["flops"] = sum(row["flops"] for row in figures["operators"])
        figures["providers"] = {"offered": available(), "asked": args.provider, "ran": ran}
    if args.json:
        print_json(figures)
        return 0
    print(f"{shown(Path(facts.path).name)} on {_made_text(args, made)}: {args.threads} thread"
          f"{'s' if args.threads != 1 else ''}, optimisation '{args.opt_level}', {args.runs} timed runs after "
          f"{args.warmup} warm-up")
    print(f"  load      {load_ms:9.2f} ms\n  cold run  {cold_ms:9.2f} ms")
    print(f"  {'':<10}{'p50':>9}{'p95':>9}{'mean':>9}{'min':>9}  ms")
    print(f"  {'run':<10}{figures['p50']:9.2f}{figures['p95']:9.2f}{figures['mean']:9.2f}{figures['min']:9.2f}"
          f"   = {figures['runs_per_second']:.1f} runs a second")
    if args.profile:
        print(_profile_text(figures))
    return 0


def _profile_text(figures: dict[str, Any]) -> str:
    from playground.anymodel.providers import provider_lines
    from playground.core.safe_output import terminal_text as shown

    rows = figures["operators"]
    width = max((len(shown(row["op"])) for row in rows), default=2)
    lines = [f"  by operator type, a run ({PROFILED_RUNS} profiled runs):",
             f"  {'':<{width}}{'nodes':>7}{'ms':>9}{'MFLOPs':>11}"]
    lines += [f"  {shown(row['op']):<{width}}{row['nodes']:7.0f}{row['ms']:9.3f}{row['flops'] / 1e6:11.3f}" for row in rows]
    speed = figures["flops"] / (figures["p50"] / 1000.0) / 1e9 if figures["p50"] else 0.0
    lines.append(f"  {figures['flops'] / 1e9:.3g} GFLOPs a run; at the p50 of {figures['p50']:.2f} ms, "
                 f"{speed:.3g} GFLOP/s")
    providers = figures["providers"]
    lines.append(f"  providers: onnxruntime here offers {', '.join(providers['offered'])}; "
                 + "; ".join(provider_lines(providers["asked"], providers["ran"])))
    return "\n".join(lines)


def profile_ops(path: Path, options: Any, feeds: dict[str, Any],
                providers: list[str]) -> tuple[list[dict[str, Any]], dict[str, dict[str, int]]]:
    """Per operator type: nodes, milliseconds and floating-point operations a run, from onnxruntime's profile
    of runs on the same inputs (the lessons' graph-cost reading), slowest first; and which provider ran which
    operators, how many nodes of each a run."""
    import dataclasses
    import functools
    import tempfile

    import onnxruntime as ort

    from playground.anymodel.providers import nodes_by_provider
    from playground.lab.graph_cost import conv_work, read_profile

    with tempfile.TemporaryDirectory(prefix="playground-profile-") as tmp:
        profiled = dataclasses.replace(options, profile_prefix=str(Path(tmp) / "run"))
        session = ort.InferenceSession(str(path), sess_options=profiled.session_options(), providers=providers)
        for _ in range(PROFILED_RUNS):
            _run(session, feeds)
        profile = Path(session.end_profiling())
        ops, _ = read_profile(profile, PROFILED_RUNS, functools.cache(lambda: conv_work([path])))
        ran = nodes_by_provider(profile, PROFILED_RUNS)
    rows = [{"op": op, "nodes": nodes, "ms": us / 1000.0, "flops": flops} for op, (nodes, us, flops) in ops.items()]
    return sorted(rows, key=lambda row: -row["ms"]), ran
