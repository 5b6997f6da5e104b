"""A newcomer's first window: one line on what the app is and four big ways in; after that, the last model."""

from __future__ import annotations

import pytest

from playground.ui.app import build
from playground.ui.samples import sample_name
from playground.ui.settings import Settings


def tiles(window) -> dict[str, object]:
    return {tile.text().splitlines()[0]: tile for tile in window.result_area.welcome.tiles}


@pytest.mark.models
def test_a_first_start_welcomes_and_a_tile_runs_its_model_on_its_named_sample(qtbot, tmp_path, require_model):
    require_model("efficientnet-lite0")
    settings = Settings(tmp_path / "fresh.ini")
    controller, window = build(settings)
    qtbot.addWidget(window)
    try:
        window.show()
        assert controller.card is None
        assert window.result_area.showing(window.result_area.welcome)
        assert window.result_area.welcome.title.text().startswith("Watch a trained model answer your own photo")
        shown = tiles(window)
        assert list(shown) == ["A photo", "A voice", "A sentence", "Draw a digit"]
        assert shown["A photo"].text().splitlines()[1] == "A cat"  # what it is, not chelsea.png
        with qtbot.waitSignal(window.result_area.result_shown, timeout=60_000) as drawn:
            shown["A photo"].click()
        assert drawn.args[0].record.model_id == "efficientnet-lite0"
        assert "tiger cat" in drawn.args[0].result.summary()
        assert settings.last_model == "efficientnet-lite0"
    finally:
        controller.shutdown(10.0)
    again, window2 = build(settings)  # the next start opens where the person left off
    qtbot.addWidget(window2)
    try:
        assert again.card is not None and again.card.id == "efficientnet-lite0"
        assert not window2.result_area.showing(window2.result_area.welcome)
    finally:
        again.shutdown(10.0)


def test_samples_are_named_by_what_they_are_and_unknown_ones_by_their_file(tmp_path):
    from playground import paths

    assert sample_name(paths.samples_dir() / "sent16k.wav") == "Someone speaking"
    (tmp_path / "mine.wav").write_bytes(b"")
    assert sample_name(tmp_path / "mine.wav") == "mine.wav"


def test_a_kiosk_never_shows_the_welcome_it_opens_on_a_model(qtbot, tmp_path):
    controller, window = build(Settings(tmp_path / "kiosk.ini", kiosk=True))
    qtbot.addWidget(window)
    try:
        assert controller.card is not None
        assert not window.result_area.showing(window.result_area.welcome)
    finally:
        controller.shutdown(10.0)
