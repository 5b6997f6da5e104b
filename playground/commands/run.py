"""`playground run MODEL INPUT...`: run a model on files or text and print the result and its timings."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from playground.commands.common import find_card, format_timings, parse_params, resolve_input
from playground.core.errors import InputError
from playground.core.session import DEFAULT_THREADS, OPT_LEVELS, RuntimeOptions


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="run a model on your input and print the result",
                       description="Run MODEL on each INPUT (a file; for text models also literal text, "
                                   "or - for standard input) and print the result with its stage timings.")
    p.add_argument("model", metavar="MODEL", help="model id, as `playground models list` shows")
    p.add_argument("inputs", metavar="INPUT", nargs="+")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="set a model parameter (see `playground models info MODEL`)")
    p.add_argument("--out", type=Path, metavar="FILE", help="save a picture or sound result (one input only)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--threads", type=int, default=DEFAULT_THREADS, help="onnxruntime intra-op threads")
    p.add_argument("--opt-level", choices=OPT_LEVELS, default="all", help="graph optimisation level")
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from playground.core.export import check_target, save_result
    from playground.core.pipeline import Pipeline
    from playground.tasks.registry import get_task

    card = find_card(args.model)
    task = get_task(card.task)
    params = parse_params(card, args.param)
    if args.out:
        if len(args.inputs) > 1:
            raise InputError("--out saves one result: give a single INPUT with it.")
        check_target(task.result_type, args.out)
    if args.threads < 1:
        raise InputError("--threads must be 1 or more.")
    pipeline = Pipeline(options=RuntimeOptions(threads=args.threads, opt_level=args.opt_level))
    reports = []
    for text in args.inputs:
        outcome = pipeline.run(card, task, resolve_input(card, text), params)
        saved = str(save_result(outcome.result, args.out)) if args.out else None
        notes = list(getattr(outcome.decoded, "notes", ()))
        if args.json:
            reports.append({"model": card.id, "input": text, "result": outcome.result.to_dict(),
                            "timings": outcome.record.to_dict(), "notes": notes, "saved": saved})
            continue
        print(f"{card.name} on {getattr(outcome.decoded, 'label', '') or text}:")
        for note in notes:
            print(f"  note: {note}")
        print(outcome.result.summary())
        print(format_timings(outcome.record))
        if saved:
            print(f"saved {saved}")
    if args.json:
        print(json.dumps(reports[0] if len(reports) == 1 else reports, indent=2, ensure_ascii=False))
    return 0
