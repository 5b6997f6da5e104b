"""`playground shot`: render the window offscreen with a model's result shown, and save it as a PNG."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from playground.commands.common import find_card, parse_params
from playground.core.errors import InputError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("shot", help="save a picture of the window showing a result (no display needed)",
                       description="Render the window offscreen after MODEL has run on INPUT and save a PNG.")
    p.add_argument("--model", required=True, metavar="ID")
    p.add_argument("--input", required=True, type=Path, metavar="FILE")
    p.add_argument("--out", required=True, type=Path, metavar="PNG")
    p.add_argument("--size", default="1440x900", metavar="WxH", help="window size (default 1440x900)")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="set a model parameter first (see `playground models info MODEL`)")
    p.add_argument("--language", default="en", metavar="CODE",
                   help="the window's language, as View → Language offers it (default en)")
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        raise InputError(f"--size takes WIDTHxHEIGHT such as 1440x900, not '{args.size}'.") from None
    if args.out.suffix.lower() != ".png":
        raise InputError(f"--out must name a .png file, not '{args.out.name}'.")
    params = parse_params(find_card(args.model), args.param)
    # Offscreen unless the caller chose a platform: a screenshot needs no display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from playground.ui.shot import render_shot

    render_shot(args.model, args.input, args.out, size=(width, height), params=params, language=args.language)
    print(f"saved {args.out}")
    return 0
