"""`playground kiosk`: the kiosk window, started again whenever it crashes or is killed (see keepalive.py)."""

from __future__ import annotations

import argparse
import logging
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("kiosk", help="run the window as a public kiosk, restarting it if it ever stops",
                       description="Open the window as a kiosk (playground --kiosk) and open it again after a "
                                   "crash or a kill, pausing longer after each quick failure. Only the "
                                   "operator's way out ends it.")
    p.add_argument("--config", metavar="FILE", help="the kiosk's settings file (read, never written)")
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from playground.app_log import configure_file_logging
    from playground.keepalive import keep_running

    configure_file_logging()
    logging.getLogger("playground").addHandler(logging.StreamHandler(sys.stderr))  # the journal, under systemd
    command = [sys.executable, "-m", "playground", "--kiosk"] + (["--config", args.config] if args.config else [])
    return keep_running(command)
