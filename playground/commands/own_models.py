"""`playground models add FILE`, `models int8 ID` and the removal of a model added so: a person's own .onnx file
kept with a card, and its int8 twin."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from playground.cli import print_json
from playground.core.card import ModelCard


def add_parser(actions: Any) -> None:
    add = actions.add_parser("add", help="keep an .onnx file of yours among the models, with a card",
                             description="Copy FILE (and its external data files) into your models folder with a "
                                         "card that pins every file's sha256, so it is listed, run and timed like "
                                         "the bundled models: 'playground run ID' runs it on inputs made from its "
                                         "signature. 'playground models remove ID' deletes it again.")
    add.add_argument("file", type=Path, metavar="FILE", help="an .onnx file")
    add.add_argument("--name", default="", help="the name it is listed under (by default the file's name)")
    add.add_argument("--labels", type=Path, metavar="FILE",
                     help="names for a vector output's entries, one per line, kept with it")
    add.add_argument("--rate", type=int, default=16000, metavar="HZ",
                     help="for a model that takes a mono waveform: the sample rate it was trained at (default 16000)")
    add.add_argument("--json", action="store_true", help="print the new card's id and folder as JSON")
    add.set_defaults(handler=cmd_add)
    twin = actions.add_parser("int8", help="make an int8 twin of a model you added, kept beside it",
                              description="Quantise the MatMul and Gemm weights of a model you added to int8 "
                                          "(onnxruntime's dynamic quantisation; convolutions stay float32, where it "
                                          "runs slower) and keep it as ID-int8, named beside ID so the window and "
                                          "'playground bench' compare them.")
    twin.add_argument("id", metavar="ID", help="the id of a model you added")
    twin.set_defaults(handler=cmd_int8)


def cmd_add(args: argparse.Namespace) -> int:
    from playground.anymodel.keep import keep
    from playground.core.safe_output import terminal_text as shown
    from playground.tasks.registry import checked_catalog

    card = keep(args.file, args.name, args.labels, taken=checked_catalog().ids, rate=args.rate)
    if args.json:
        print_json({"id": card.id, "name": card.name, "folder": str(card.folder)})
    else:
        print(f"added {card.id} ({shown(card.name)}) in {card.folder}: run it with 'playground run {card.id}', "
              f"time it with 'playground bench {card.id}'.")
    return 0


def cmd_int8(args: argparse.Namespace) -> int:
    from playground.anymodel.twin import int8_twin
    from playground.core.safe_output import terminal_text as shown
    from playground.tasks.registry import checked_catalog

    card = checked_catalog().get(args.id)
    twin = int8_twin(card)
    print(f"made {twin.id} ({shown(twin.name)}): {twin.size_bytes / 1e6:.1f} MB against {card.size_bytes / 1e6:.1f} MB; "
          f"time both with 'playground bench {card.id}' and 'playground bench {twin.id}'.")
    return 0


def remove_own(card: ModelCard) -> None:
    from playground.anymodel.keep import forget

    forget(card)
    print(f"removed {card.id}: its card and files are deleted (the file you added it from is untouched).")
