"""The command-line face: `playground` opens the window; subcommands list, fetch, run, bench and shoot."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from playground import __version__
from playground.core.errors import PlaygroundError
from playground.core.safe_output import json_text

# What a shell reports for a program ended by SIGINT and SIGPIPE (128 + the signal number).
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141


def build_parser() -> argparse.ArgumentParser:
    from playground.commands import batch, bench, inspect, kiosk, models, run, shot

    parser = argparse.ArgumentParser(
        prog="playground",
        description="Run bundled ONNX models on your own input, on this computer. "
                    "Without a subcommand the window opens.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--kiosk", action="store_true",
                        help="open the window as a public kiosk: full screen, no files, no saving, no way out "
                             "but the operator's; locked even if its settings file is missing or damaged")
    parser.add_argument("--config", metavar="FILE",
                        help="the settings file to read (a kiosk's is read, never written)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (models, run, batch, bench, inspect, shot, kiosk):
        module.add_parser(sub)
    return parser


def print_json(value: Any) -> None:
    """What every --json prints: UTF-8 whatever the terminal's encoding, a file name's undecodable bytes escaped."""
    text = json_text(value, indent=2) + "\n"
    raw = getattr(sys.stdout, "buffer", None)
    if raw is None:  # a stream of text only (a test's StringIO): it takes the text as it is
        sys.stdout.write(text)
        return
    sys.stdout.flush()  # whatever was printed before comes first
    raw.write(text.encode("utf-8"))


def _dispatch(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from playground.launch import launch_window

        return launch_window(kiosk=args.kiosk, config=args.config)
    code = int(args.handler(args) or 0)
    sys.stdout.flush()  # a full disk or a closed pipe shows up here, where it can still be reported
    return code


def _fail(sentence: str) -> int:
    print(f"playground: {sentence}", file=sys.stderr)
    return 2


def _speak_as_the_window() -> None:
    """A download the window started says its sentences in the window's language (ui/fetcher.py sets it)."""
    code = os.environ.get("PLAYGROUND_LANGUAGE", "")
    if code:
        from playground.ui import i18n  # Qt's translator, only for the window's own helper processes

        i18n.install_without_window(code)


def main(argv: list[str] | None = None) -> int:
    """Run the command; every failure is one sentence on stderr and exit code 2, never a traceback."""
    _speak_as_the_window()
    try:
        return _dispatch(argv)
    except PlaygroundError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        print("playground: stopped.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`playground models list | head -1`): nothing is wrong, so say nothing,
        # and keep Python from complaining again when it flushes stdout on the way out.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(f"the operating system reported a problem ({where}{exc.strerror or exc}): fix it and try again.")
    except MemoryError:
        return _fail("this computer ran out of memory: try a smaller input, or close other programs.")
    except Exception as exc:  # noqa: BLE001 - a bug still gets one sentence, with what to report
        from playground.core.session import first_line

        kind, said = type(exc).__name__, first_line(exc)
        detail = kind if said == kind else f"{kind}: {said}"
        return _fail(f"something unexpected went wrong ({detail}); please report it with the command that "
                     "caused it.")


if __name__ == "__main__":
    sys.exit(main())
