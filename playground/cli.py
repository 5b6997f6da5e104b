"""The command-line face: `playground` opens the window; subcommands list, fetch, run, bench and shoot."""

from __future__ import annotations

import argparse
import sys

from playground import __version__
from playground.core.errors import PlaygroundError


def build_parser() -> argparse.ArgumentParser:
    from playground.commands import bench, models, run, shot

    parser = argparse.ArgumentParser(
        prog="playground",
        description="Run bundled ONNX models on your own input, on this computer. "
                    "Without a subcommand the window opens.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (models, run, bench, shot):
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from playground.launch import launch_window

        return launch_window()
    try:
        return int(args.handler(args) or 0)
    except PlaygroundError as exc:
        print(f"playground: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("playground: stopped.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
