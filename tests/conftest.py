"""Shared test setup: Qt offscreen before it loads, private settings and data folders per test, and model-gated
tests."""

from __future__ import annotations

import os

# Must happen before any PySide6 import anywhere in the session: Qt picks its platform once.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from playground.core.card import ModelCard  # noqa: E402
from playground.core.catalog import load_catalog  # noqa: E402


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own settings file, so no test sees another's (or the person's) last model."""
    path = tmp_path_factory.mktemp("settings") / "playground.ini"
    monkeypatch.setenv("PLAYGROUND_SETTINGS", str(path))
    return path


@pytest.fixture(autouse=True)
def private_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """What the app keeps in the person's data folder (a batch's rows, logs) goes to a test's own folder (a checkout's
    models stay in models/, which this does not move)."""
    path = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("XDG_DATA_HOME", str(path))
    return path


@pytest.fixture
def require_model():
    """require_model("centerface") -> its card, or skip saying how to fetch it."""
    catalog = load_catalog()

    def need(model_id: str) -> ModelCard:
        if model_id not in catalog.ids:
            pytest.skip(f"there is no card for {model_id} in {catalog.folder}")
        card = catalog.get(model_id)
        if not catalog.installed(card):
            pytest.skip(f"{model_id} is not fetched yet: run 'playground models fetch {model_id}'")
        return card

    return need


@pytest.fixture
def scale_card(tmp_path: Path) -> ModelCard:
    """A card for the tiny y = 2x model (tests.tiny_models), which ScaleTask runs: the pipeline's own test model."""
    from playground.core.card import parse_card
    from tests.tiny_models import scale_model, write_card

    return parse_card(write_card(tmp_path, "scale", scale_model()))
