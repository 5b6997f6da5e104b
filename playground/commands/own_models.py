"""`playground models add FILE` and the removal of a model added so: a person's own .onnx file kept with a card."""

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
    add.add_argument("--json", action="store_true", help="print the new card's id and folder as JSON")
    add.set_defaults(handler=cmd_add)


def cmd_add(args: argparse.Namespace) -> int:
    from playground.anymodel.keep import keep
    from playground.core.safe_output import terminal_text as shown
    from playground.tasks.registry import checked_catalog

    card = keep(args.file, args.name, args.labels, taken=checked_catalog().ids)
    if args.json:
        print_json({"id": card.id, "name": card.name, "folder": str(card.folder)})
    else:
        print(f"added {card.id} ({shown(card.name)}) in {card.folder}: run it with 'playground run {card.id}', "
              f"time it with 'playground bench {card.id}'.")
    return 0


def remove_own(card: ModelCard) -> None:
    from playground.anymodel.keep import forget

    forget(card)
    print(f"removed {card.id}: its card and files are deleted (the file you added it from is untouched).")
