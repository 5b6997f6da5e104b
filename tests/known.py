"""Helpers for known-answer tests: the installed card of a model, and one pipeline per test module."""

from __future__ import annotations

import pytest

from playground import paths
from playground.core.card import ModelCard, parse_card
from playground.core.pipeline import Outcome, Pipeline
from playground.tasks.registry import get_task


def installed(model_id: str) -> ModelCard:
    card = parse_card(paths.models_dir() / model_id / "model.toml")
    missing = [f.path for f in card.files if not (card.folder / f.path).is_file()]
    if missing:
        pytest.skip(f"{card.name} is not installed ({', '.join(missing)} missing): "
                    f"run 'playground models fetch {model_id}'.")
    return card


class Runs:
    """One pipeline (and so one session per model) for the whole module, as the app would keep it."""

    def __init__(self) -> None:
        self.pipeline = Pipeline()

    def __call__(self, model_id: str, sample, progress=None, **params) -> Outcome:
        """`sample` is a bundled sample's file name, or an input in memory (pixels, text)."""
        card = installed(model_id)
        source = paths.samples_dir() / sample if isinstance(sample, str) else sample
        return self.pipeline.run(card, get_task(card.task), source, params, progress=progress)
