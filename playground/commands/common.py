"""Pieces the run, bench and shot commands share: finding the model, reading inputs, options and --param."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, BinaryIO

from playground import paths
from playground.core.card import ModelCard
from playground.core.errors import InputError, ModelCardError
from playground.core.session import DEFAULT_OPT_LEVEL, DEFAULT_THREADS, OPT_LEVELS, RuntimeOptions

# Standard input is read whole before decoding; past this, a file name is the better way to give it.
STDIN_LIMIT = 256 * 1024 * 1024
_SHOWN_MAX = 60  # characters of an unknown INPUT repeated in a sentence


def find_card(model_id: str) -> ModelCard:
    from playground.tasks.registry import checked_catalog

    return checked_catalog().get(model_id)


def add_runtime_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--threads", type=int, default=DEFAULT_THREADS,
                        help=f"onnxruntime intra-op threads (default {DEFAULT_THREADS})")
    parser.add_argument("--opt-level", choices=OPT_LEVELS, default=DEFAULT_OPT_LEVEL,
                        help=f"graph optimisation level (default {DEFAULT_OPT_LEVEL})")


def runtime_options(args: argparse.Namespace) -> RuntimeOptions:
    """--threads and --opt-level, checked: more threads than cores only slows onnxruntime down (and a
    huge number makes it reserve memory for each until the system stops it)."""
    cores = os.cpu_count() or 1
    if not 1 <= args.threads <= cores:
        raise InputError(f"--threads must be between 1 and {cores}, the number of processor cores here, "
                         f"not {args.threads}.")
    return RuntimeOptions(threads=args.threads, opt_level=args.opt_level)


def shown(text: str) -> str:
    """An INPUT as it may appear in a sentence: printable, and cut short when long (literal text can be)."""
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= _SHOWN_MAX else f"{text[:_SHOWN_MAX - 1]}…"


def resolve_input(card: ModelCard, text: str, stdin: BinaryIO | None = None) -> Any:
    """A command-line INPUT: a file, '-' for standard input, a bundled sample's name (`sent16k.wav`), or for
    text models the text itself.

    Anything that exists on disk is handed to the decoder as a path, so a folder, a device or an
    unreadable file gets the decoder's own sentence instead of being mistaken for text.
    """
    if text == "-":
        return read_stdin(stdin or sys.stdin.buffer)
    path = Path(text)
    sample = paths.samples_dir() / text
    try:
        on_disk = path.exists() or path.is_symlink()
        is_sample = not on_disk and path.name == text and text not in (".", "..") and sample.is_file()
    except (OSError, ValueError):  # a name too long for the file system is not a file
        on_disk = is_sample = False
    if on_disk:
        return path
    if is_sample:
        return sample
    if card.modality == "text":
        return text
    raise InputError(f"There is no file called {shown(text)}: check the name, or give the path to an "
                     f"{card.modality} file.")


def read_stdin(stream: BinaryIO) -> bytes:
    """Everything on standard input as bytes (the decoder names bad UTF-8 by its byte offset), up to a limit."""
    data = stream.read(STDIN_LIMIT + 1)
    if len(data) > STDIN_LIMIT:
        raise InputError(f"Standard input holds more than {STDIN_LIMIT // 2**20} MB: save it to a file and give "
                         "the file's name instead.")
    return data


def parse_params(card: ModelCard, pairs: list[str]) -> dict[str, Any]:
    """--param NAME=VALUE pairs, each checked against the card's declared knobs."""
    values: dict[str, Any] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not name.strip():
            raise InputError(f"Write parameters as NAME=VALUE, not '{shown(pair)}'.")
        try:
            values[name.strip()] = card.param(name.strip()).coerce(raw)
        except ModelCardError as exc:  # an unknown name here is a typo on the command line
            raise InputError(str(exc)) from None
    return values


def format_timings(record: Any) -> str:
    """One readable line of stage times, with the load and cold-run note."""
    from playground.core.timing import STAGES

    runs = len(record.session_runs_ns)
    loop = f" ({runs} session runs)" if runs > 1 else ""
    parts = [f"{stage} {record.ms(stage):.1f} ms" + (loop if stage == "model" else "")
             for stage in STAGES if stage in record.stages_ns]
    tail = f"total {record.total_ns / 1e6:.1f} ms, CPU {record.cpu_ns / 1e6:.1f} ms, {record.threads} thread"
    tail += "" if record.threads == 1 else "s"
    if record.cold:
        tail += f"; cold run (model load {record.load_ns / 1e6:.1f} ms before it)"
    return " · ".join(parts) + "\n" + tail
