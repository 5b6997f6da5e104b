"""Pieces the run, bench and shot commands share: finding the model, reading inputs, parsing --param."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from playground.core.card import ModelCard
from playground.core.errors import InputError, ModelCardError


def find_card(model_id: str) -> ModelCard:
    from playground.core.catalog import load_catalog

    return load_catalog().get(model_id)


def resolve_input(card: ModelCard, text: str) -> Any:
    """A command-line INPUT: a file, '-' for standard input, or for text models the text itself."""
    if text == "-":
        return sys.stdin.buffer.read()  # bytes: the decoder names bad UTF-8 by its byte offset
    path = Path(text)
    if path.is_file():
        return path
    if card.modality == "text":
        return text
    if path.is_dir():
        raise InputError(f"{text} is a folder: give one {card.modality} file.")
    raise InputError(f"There is no file called {text}: check the name, or give the path to an {card.modality} file.")


def parse_params(card: ModelCard, pairs: list[str]) -> dict[str, Any]:
    """--param NAME=VALUE pairs, each checked against the card's declared knobs."""
    values: dict[str, Any] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not name:
            raise ModelCardError(f"Write parameters as NAME=VALUE, not '{pair}'.")
        values[name] = card.param(name).coerce(raw)
    return values


def format_timings(record: Any) -> str:
    """One readable line of stage times, with the load and cold-run note."""
    from playground.core.timing import STAGES

    parts = [f"{stage} {record.ms(stage):.1f} ms" for stage in STAGES if stage in record.stages_ns]
    runs = len(record.session_runs_ns)
    if runs > 1:
        parts[-2 if "postprocess" in record.stages_ns else -1] += f" ({runs} session runs)"
    tail = f"total {record.total_ns / 1e6:.1f} ms, CPU {record.cpu_ns / 1e6:.1f} ms, {record.threads} thread"
    tail += "" if record.threads == 1 else "s"
    if record.cold:
        tail += f"; cold run (model load {record.load_ns / 1e6:.1f} ms before it)"
    return " · ".join(parts) + "\n" + tail
