"""`playground kiosk`: the kiosk window, started again whenever it crashes or is killed (see keepalive.py);
`playground kiosk-pin`: set the operator's PIN in a kiosk's settings file."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("kiosk", help="run the window as a public kiosk, restarting it if it ever stops",
                       description="Open the window as a kiosk (playground --kiosk) and open it again after a "
                                   "crash or a kill, pausing longer after each quick failure. Only the "
                                   "operator's way out ends it.")
    p.add_argument("--config", metavar="FILE", help="the kiosk's settings file (read, never written)")
    p.set_defaults(handler=handle)
    pin = sub.add_parser("kiosk-pin", help="set the PIN that opens a kiosk's operator screen",
                         description="Ask for a PIN (4 to 12 digits) twice and store its salted scrypt hash under "
                                     "[kiosk] in FILE; the PIN itself is kept nowhere. Without a terminal, the "
                                     "PIN is read from the first line of standard input.")
    pin.add_argument("--config", metavar="FILE", required=True, type=Path, help="the kiosk's settings file")
    pin.set_defaults(handler=set_pin)


def set_pin(args: argparse.Namespace) -> int:
    from playground.core.errors import InputError
    from playground.core.pin import hash_pin, pin_problem, with_pin

    if sys.stdin.isatty():
        first, again = getpass.getpass("New operator PIN: "), getpass.getpass("The same PIN again: ")
        if first != again:
            raise InputError("The two PINs differ; nothing was changed.")
    else:
        first = sys.stdin.readline().strip()
    problem = pin_problem(first)
    if problem:
        raise InputError(f"{problem} Nothing was changed.")
    target: Path = args.config
    staged = target.with_name(f".{target.name}.new")
    try:
        old = target.read_text(encoding="utf-8") if target.exists() else ""
        staged.write_text(with_pin(old, hash_pin(first)), encoding="utf-8")
        os.chmod(staged, target.stat().st_mode & 0o777 if target.exists() else 0o600)
        os.replace(staged, target)  # whole or not at all: a kiosk never reads half a file
    except OSError as exc:
        staged.unlink(missing_ok=True)  # a half-written copy must not stay beside the operator's file
        raise InputError(f"The PIN could not be written to {target}: {exc.strerror or exc}.") from exc
    print(f"The operator PIN is set in {target}; restart the kiosk to use it.")
    return 0


def handle(args: argparse.Namespace) -> int:
    from playground.app_log import configure_file_logging
    from playground.keepalive import keep_running

    configure_file_logging()
    logging.getLogger("playground").addHandler(logging.StreamHandler(sys.stderr))  # the journal, under systemd
    command = [sys.executable, "-m", "playground", "--kiosk"] + (["--config", args.config] if args.config else [])
    return keep_running(command)
