"""`playground run MODEL INPUT...`: run a model on files or text and print the result and its timings."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from playground.cli import print_json
from playground.commands.common import (
    add_runtime_arguments,
    find_card,
    format_timings,
    parse_params,
    resolve_input,
    runtime_options,
)
from playground.commands.onnx_file import add_made_input_arguments, handle_run, is_onnx_file
from playground.core.errors import InputError
from playground.core.task import RunRequest


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="run a model on your input and print the result",
                       description="Run MODEL on each INPUT (a file; for text models also literal text, "
                                   "or - for standard input) and print the result with its stage timings. "
                                   "MODEL may also be any .onnx file: it then runs on inputs made from its "
                                   "signature, and each output is summed up (range, mean, first values, best "
                                   "scores).")
    p.add_argument("model", metavar="MODEL", help="model id, as `playground models list` shows, or an .onnx file")
    p.add_argument("inputs", metavar="INPUT", nargs="*")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="set a model parameter (see `playground models info MODEL`)")
    p.add_argument("--out", type=Path, metavar="FILE", help="save a picture or sound result (one input only)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_runtime_arguments(p)
    add_made_input_arguments(p)
    p.add_argument("--labels", type=Path, metavar="FILE",
                   help="for an .onnx FILE: names for a vector output's entries, one per line")
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from playground.core.export import check_target, save_result
    from playground.core.pipeline import Pipeline
    from playground.tasks.registry import get_task

    if is_onnx_file(args.model):
        return handle_run(args)
    card = find_card(args.model)
    task = get_task(card.task)
    made = task.entry == "made"  # a model a person added: its inputs are made from its signature for each run
    if made and args.inputs:
        raise InputError(f"{card.name} makes its own inputs from its signature: set them with --param (fill, seed, "
                         f"the sizes; see 'playground models info {card.id}'), not INPUT.")
    if not args.inputs and not made:
        raise InputError(f"Give the INPUT to run {args.model} on: a file, or text for a text model.")
    params = parse_params(card, args.param)
    options = runtime_options(args)
    if args.out:  # refused before any work is done, not after a long run
        if len(args.inputs) > 1:
            raise InputError("--out saves one result: give a single INPUT with it.")
        check_target(task.result_type, args.out)
    pipeline = Pipeline(options=options)
    reports = []
    for text in [""] if made else args.inputs:
        source = None if made else resolve_input(card, text)
        outcome = pipeline.run(RunRequest(card, task, source, params))
        saved = str(save_result(outcome.result, args.out)) if args.out else None
        if args.json:
            reports.append(_json_report(card.id, text, outcome, saved))
        else:
            _print_report(card.name, text, outcome, saved)
    if args.json:
        print_json(reports[0] if len(reports) == 1 else reports)
    return 0


def _json_report(model_id: str, text: str, outcome: Any, saved: str | None) -> dict[str, Any]:
    return {"model": model_id, "input": text, "result": outcome.result.to_dict(),
            "timings": outcome.record.to_dict(), "notes": list(getattr(outcome.decoded, "notes", ())),
            "saved": saved}


def _print_report(model_name: str, text: str, outcome: Any, saved: str | None) -> None:
    print(f"{model_name} on {getattr(outcome.decoded, 'label', '') or text}:")
    for note in getattr(outcome.decoded, "notes", ()):
        print(f"  note: {note}")
    print(outcome.result.summary())
    print(format_timings(outcome.record))
    if saved:
        print(f"saved {saved}")
