"""`playground bench`: stage timings of a model against a bare onnxruntime loop in the same process."""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from playground.cli import print_json
from playground.commands.common import (
    add_runtime_arguments,
    find_card,
    parse_params,
    resolve_input,
    runtime_options,
    shown,
)
from playground.commands.onnx_file import add_made_input_arguments, handle_bench, is_onnx_file
from playground.core.errors import InputError
from playground.core.results import Generation
from playground.core.session import RuntimeOptions
from playground.core.task import RunRequest
from playground.core.timing import STAGES, percentile


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="time a model against a bare onnxruntime loop",
                       description="Time MODEL on INPUT: load, cold run, p50/p95/mean per stage, and the "
                                   "same session.run calls replayed in a bare onnxruntime loop, with the ratio.")
    p.add_argument("model", metavar="MODEL", help="model id, or any .onnx file (timed on inputs made from its "
                                                  "signature)")
    p.add_argument("input", metavar="INPUT", nargs="?")
    p.add_argument("--runs", type=int, default=20, help="timed runs (default 20)")
    p.add_argument("--warmup", type=int, default=3, help="untimed runs after the cold run (default 3)")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="set a model parameter (see `playground models info MODEL`)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_runtime_arguments(p)
    add_made_input_arguments(p)
    p.add_argument("--provider", default="CPUExecutionProvider", metavar="NAME",
                   help="for an .onnx FILE: the execution provider to run it on (see 'playground inspect FILE'); "
                        "--profile then says which nodes fell back to the CPU")
    p.add_argument("--profile", action="store_true",
                   help="for an .onnx FILE: also the time and floating-point operations a run, by operator type, "
                        "from onnxruntime's profile")
    p.set_defaults(handler=handle)


def _stats(values_ms: list[float]) -> dict[str, float]:
    return {"p50": percentile(values_ms, 50), "p95": percentile(values_ms, 95),
            "mean": statistics.fmean(values_ms) if values_ms else 0.0}


class _BareLoop:
    """The model's own session.run calls, replayed with plain onnxruntime: the baseline to beat.

    Its sessions are opened with the same options, and it replays the very feeds and output lists the
    task passed (state carried between frames included), so both sides do the same inference work.
    """

    def __init__(self, card: Any, roles: list[str], options: RuntimeOptions, companions: dict | None = None) -> None:
        import onnxruntime as ort

        start = time.perf_counter_ns()
        paths = {role: card.path(role) for role in roles}
        paths.update({role: other.path() for role, other in (companions or {}).items()})
        self.sessions = {role: ort.InferenceSession(str(path), sess_options=options.session_options(),
                                                    providers=["CPUExecutionProvider"]) for role, path in paths.items()}
        self.load_ms = (time.perf_counter_ns() - start) / 1e6
        self.calls: list[tuple[str, dict, Any]] = []

    def tap(self, role: str, feeds: dict, outputs: Any) -> None:
        self.calls.append((role, {k: v.copy() for k, v in feeds.items()}, outputs))

    def once(self) -> float:
        sessions, calls = self.sessions, self.calls
        bindings = self._bind_caches()
        start = time.perf_counter_ns()
        for role, feeds, outputs in calls:
            binding = bindings.get(role)
            if binding is None:
                sessions[role].run(outputs, feeds)
                continue
            for name, value in feeds.items():
                binding.bind_cpu_input(name, value)
            sessions[role].run_with_iobinding(binding)
        return (time.perf_counter_ns() - start) / 1e6

    def _bind_caches(self) -> dict[str, Any]:
        """A decoder that kept its key/value cache in place (its calls feed no past_*) gets the same here:
        one buffer per layer bound as past and present, as long as the longest call needs."""
        import numpy as np
        import onnxruntime as ort

        bindings = {}
        for role, session in self.sessions.items():
            past = [i for i in session.get_inputs() if i.name.startswith("past_")]
            masks = [feeds["attention_mask"].shape[1] for r, feeds, _ in self.calls
                     if r == role and "attention_mask" in feeds and not any(p.name in feeds for p in past)]
            if not past or not masks:
                continue
            binding = session.io_binding()
            for spec in past:
                buffer = ort.OrtValue.ortvalue_from_numpy(
                    np.zeros((1, int(spec.shape[1]), max(masks), int(spec.shape[3])), np.float32))
                binding.bind_ortvalue_input(spec.name, buffer)
                binding.bind_ortvalue_output("present_" + spec.name[len("past_"):], buffer)
            binding.bind_output(session.get_outputs()[0].name)
            bindings[role] = binding
        return bindings


def measure(card: Any, source: Any, params: dict, runs: int, warmup: int, options: RuntimeOptions) -> dict:
    """Cold run, then `runs` runs of the playground and of the bare loop, interleaved so that drift on a
    shared machine hits both sides alike."""
    from playground.core.pipeline import Pipeline
    from playground.tasks.registry import get_task

    task = get_task(card.task)
    pipeline = Pipeline(options=options)
    cold = pipeline.run(RunRequest(card, task, source, params)).record  # first: it checks the model files and the input
    bare = _BareLoop(card, pipeline.roles(card), options, pipeline.companions(card))
    pipeline.run(RunRequest(card, task, source, params), tap=bare.tap)  # untimed: copying the feeds is not the model's time
    for _ in range(warmup):
        pipeline.run(RunRequest(card, task, source, params))
        bare.once()
    records, bare_ms, writing = [], [], []
    for _ in range(runs):
        outcome = pipeline.run(RunRequest(card, task, source, params))
        records.append(outcome.record)
        bare_ms.append(bare.once())
        if isinstance(outcome.result, Generation):
            writing.append(outcome.result)
    figures = _figures(card, options, runs, warmup, cold, records, bare, bare_ms)
    if writing:
        figures["generation"] = _writing(writing)
    return figures


def _writing(replies: list[Generation]) -> dict:
    """A language model's own figures: time to first token, the prompt's run, and tokens per second."""
    steps = [ms for g in replies for ms in g.step_ms]
    step_p50 = percentile(steps, 50) if steps else 0.0
    return {"prompt_tokens": replies[0].prompt_tokens, "reply_tokens": statistics.median(g.tokens for g in replies),
            "first_token_ms": _stats([g.first_token_ms for g in replies]),
            "prefill_ms": _stats([g.prefill_ms for g in replies]),
            "step_ms": _stats(steps), "tokens_per_second": 1000.0 / step_p50 if step_p50 else 0.0}


def _figures(card: Any, options: RuntimeOptions, runs: int, warmup: int, cold: Any, records: list,
             bare: _BareLoop, bare_ms: list[float]) -> dict:
    stages = {s: _stats([r.ms(s) for r in records]) for s in STAGES if s in cold.stages_ns}
    stages["total"] = _stats([r.total_ns / 1e6 for r in records])
    bare_stats = _stats(bare_ms)
    model = stages["model"]
    return {"model": card.id, "threads": options.threads, "opt_level": options.opt_level, "runs": runs,
            "warmup": warmup, "load_ms": cold.load_ns / 1e6, "cold_ms": cold.total_ns / 1e6,
            "cold_model_ms": cold.ms("model"), "session_runs_per_run": len(bare.calls),
            "cpu_ms_mean": statistics.fmean(r.cpu_ns / 1e6 for r in records),
            "stages": stages, "bare": {**bare_stats, "load_ms": bare.load_ms},
            "ratio_p50": model["p50"] / bare_stats["p50"] if bare_stats["p50"] else 0.0,
            "ratio_mean": model["mean"] / bare_stats["mean"] if bare_stats["mean"] else 0.0}


def report(card: Any, label: str, m: dict) -> str:
    lines = [f"{card.name} on {label}: {m['threads']} thread{'s' if m['threads'] != 1 else ''}, "
             f"optimisation '{m['opt_level']}', {m['runs']} timed runs after {m['warmup']} warm-up",
             f"  load      {m['load_ms']:9.2f} ms",
             f"  cold run  {m['cold_ms']:9.2f} ms (model {m['cold_model_ms']:.2f} ms)",
             f"  {'stage':<12}{'p50':>9}{'p95':>9}{'mean':>9}  ms"]
    for stage, s in m["stages"].items():
        lines.append(f"  {stage:<12}{s['p50']:9.2f}{s['p95']:9.2f}{s['mean']:9.2f}")
    b = m["bare"]
    lines += [f"  bare onnxruntime loop, same {m['session_runs_per_run']} session.run call(s) and options:",
              f"  {'bare':<12}{b['p50']:9.2f}{b['p95']:9.2f}{b['mean']:9.2f}   (load {b['load_ms']:.2f} ms)",
              f"  playground model stage / bare loop: {m['ratio_p50']:.3f} at p50, {m['ratio_mean']:.3f} on the mean"]
    w = m.get("generation")
    if w:
        lines += [f"  writing: a {w['prompt_tokens']}-token prompt, {w['reply_tokens']:g} tokens written (median)",
                  f"  {'first token':<12}{w['first_token_ms']['p50']:9.2f}{w['first_token_ms']['p95']:9.2f}"
                  f"{w['first_token_ms']['mean']:9.2f}   (from the start of the run)",
                  f"  {'prefill':<12}{w['prefill_ms']['p50']:9.2f}{w['prefill_ms']['p95']:9.2f}"
                  f"{w['prefill_ms']['mean']:9.2f}   (the run that read the prompt)",
                  f"  {'per token':<12}{w['step_ms']['p50']:9.2f}{w['step_ms']['p95']:9.2f}"
                  f"{w['step_ms']['mean']:9.2f}   = {w['tokens_per_second']:.1f} tokens per second at p50"]
    return "\n".join(lines)


def handle(args: argparse.Namespace) -> int:
    from playground.tasks.registry import get_task

    if args.runs < 1 or args.warmup < 0:
        raise InputError(f"--runs must be at least 1 and --warmup at least 0, not {args.runs} and {args.warmup}.")
    if is_onnx_file(args.model):
        runtime_options(args)  # --threads checked before any work
        return handle_bench(args)
    options = runtime_options(args)
    card = find_card(args.model)
    made = get_task(card.task).entry == "made"  # a model a person added makes its inputs from its signature
    if made and args.input is not None:
        raise InputError(f"{card.name} makes its own inputs from its signature: set them with --param, not INPUT.")
    if args.input is None and not made:
        raise InputError(f"Give the INPUT to time {args.model} on: a file, or text for a text model.")
    params = parse_params(card, args.param)
    source = None if made else resolve_input(card, args.input)
    m = measure(card, source, params, args.runs, args.warmup, options)
    if args.json:
        print_json(m)
    else:
        print(report(card, shown(args.input or "made inputs"), m))
    return 0
