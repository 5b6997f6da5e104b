"""`playground inspect FILE`: what an .onnx file is and whether onnxruntime here runs it, as text or JSON."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from playground.commands.onnx_file import add_made_input_arguments

EXIT_DOES_NOT_LOAD = 1  # the file was read, and onnxruntime cannot run it: a script can tell


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "inspect", help="what an .onnx file is, and whether it runs here",
        description="Read FILE, any ONNX model, and say what it is: its inputs and outputs with their element types "
                    "and shapes (symbolic dimensions named), opsets and domains, who made it, its metadata, its "
                    "parameters and external data files, how often each operator appears, and what onnx's checker "
                    "says; then whether onnxruntime on this computer can open it. External data is read only from "
                    "the model's own folder, and custom operator libraries are never loaded. Exits 1 when the model "
                    "was read but onnxruntime cannot open it.")
    p.add_argument("file", metavar="FILE", type=Path, help="an .onnx file")
    p.add_argument("--json", action="store_true", help="print everything as JSON")
    p.add_argument("--flops", action="store_true",
                   help="also the floating-point operations a run, at the shapes --dim sets (1 for each symbolic "
                        "dimension otherwise), from onnxruntime's profile of four runs on made inputs")
    add_made_input_arguments(p)
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    import onnxruntime as ort

    from playground.anymodel.facts import read_facts
    from playground.anymodel.providers import available
    from playground.anymodel.runtime import open_session
    from playground.cli import print_json
    from playground.core.errors import InputError

    facts = read_facts(args.file)
    try:
        session = open_session(args.file, facts)
        problem, providers = "", list(session.get_providers())
    except InputError as exc:
        problem, providers = str(exc), []
    flops = _flops(args, facts) if args.flops and not problem else None
    if args.json:
        print_json({**facts.to_dict(), "onnxruntime": {"version": ort.__version__, "loads": not problem,
                                                       "providers": providers, "offered": available(),
                                                       "problem": problem or None},
                    **({"flops": flops} if flops else {})})
    else:
        print(describe(facts, problem, ort.__version__))
        print(f"Execution providers here: {', '.join(available())} ('playground bench FILE --provider NAME "
              "--profile' says which ran which node)")
        if flops:
            from playground.core.safe_output import terminal_text

            dims = ", ".join(f"{terminal_text(name)} = {n}" for name, n in flops["dims"].items())
            print(f"Work a run: {flops['per_run'] / 1e9:.3g} GFLOPs" + (f" (at {dims})" if dims else ""))
    return EXIT_DOES_NOT_LOAD if problem else 0


def _flops(args: argparse.Namespace, facts: Any) -> dict[str, Any]:
    """The floating-point operations a run at the chosen shapes, counted from a profile of runs on made inputs."""
    from playground.anymodel.feeds import make_inputs, parse_dims
    from playground.commands.onnx_file import profile_ops
    from playground.core.session import RuntimeOptions

    made = make_inputs(facts.inputs, args.fill, parse_dims(args.dim), args.seed)
    ops, _ = profile_ops(args.file, RuntimeOptions(threads=1), made.feeds, ["CPUExecutionProvider"])
    return {"per_run": sum(row["flops"] for row in ops), "dims": made.dims}


def describe(facts: Any, problem: str, version: str) -> str:
    """The facts as a person reads them in a terminal; every name the model chose printed, never obeyed."""
    from playground.core.readable import size
    from playground.core.safe_output import terminal_text as shown

    lines = [f"{shown(Path(facts.path).name)}: {size(facts.size_bytes)}, ONNX IR {facts.ir_version}, opsets "
             + ", ".join(f"{shown(domain)} {version_}" for domain, version_ in facts.opsets.items())]
    if facts.producer:
        lines.append(f"Made by: {shown(facts.producer)} {shown(facts.producer_version)}".rstrip())
    for title, tensors in (("Inputs", facts.inputs), ("Outputs", facts.outputs)):
        lines.append(f"{title}:")
        width = max((len(shown(t.name)) for t in tensors), default=0)
        lines += [f"  {shown(t.name):<{width}}  {shown(t.element):<8} {shown(t.shape_text())}" for t in tensors]
    if facts.symbolic:
        lines.append("Symbolic dimensions: " + ", ".join(shown(d) for d in facts.symbolic))
    lines.append(f"Parameters: {facts.parameters:,} ({size(facts.parameter_bytes)})")
    for f in facts.external:
        lines.append(f"External data: {shown(f.name)} ({size(f.size)})")
    operators = ", ".join(f"{shown(op)} {count}" for op, count in facts.operators.items())
    lines.append(f"Operators ({facts.nodes:,} nodes): {operators}")
    if facts.functions:
        lines.append("Functions of its own: " + ", ".join(shown(f) for f in facts.functions))
    for key, value in facts.metadata.items():
        lines.append(f"Metadata: {shown(key)} = {shown(value)}")
    lines.append("onnx checker: " + (f"not valid: {shown(facts.checker)}" if facts.checker else "valid"))
    lines.append(f"onnxruntime {version}: " + (shown(problem) if problem else "opens it on the CPU"))
    return "\n".join(lines)
