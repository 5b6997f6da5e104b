"""The card's extras: facts its build measured, recorded hashes, and one click to compare with a sibling model."""

from __future__ import annotations

import json
import re

from playground import paths
from playground.core.card import parse_card
from playground.ui.formatting import measurement_line
from playground.ui.panels.card_view import card_markdown
from tests.ui.test_main_window import wait_for_result


def test_facts_read_as_a_person_would_say_them():
    assert measurement_line("held_out_accuracy", 0.9784) == "Held out accuracy: 97.8 %"
    assert measurement_line("training_seconds", 71.234) == "Training: 1.2 minutes"
    assert measurement_line("int8_p50_ms", 3.456) == "Int8 p50: 3.5 ms"
    assert measurement_line("top1_agreement", 0.9999) == "Top1 agreement: over 99.9 %"
    assert measurement_line("held_out", 1000) == "Held out: 1,000"
    assert measurement_line("note", "calibrated on 6 photos") == "Note: calibrated on 6 photos"


def test_the_card_lists_what_the_build_measured_and_the_hash_it_recorded(tmp_path):
    folder = tmp_path / "digits"
    folder.mkdir()
    text = (paths.models_dir() / "u2netp" / "model.toml").read_text(encoding="utf-8").replace('id = "u2netp"',
                                                                                              'id = "digits"')
    # Whatever hash the shipped card pins (a rebuild of the model changes it), this one is built here instead.
    text = re.sub(r'path = "u2netp.onnx"\nsha256 = "[0-9a-f]{64}"', 'path = "u2netp.onnx"\nreproducible = false', text)
    assert "reproducible = false" in text
    (folder / "model.toml").write_text(text, encoding="utf-8")
    # Written as earlier versions wrote it, with the measurements under "facts": they are still shown.
    (folder / ".built").write_text(json.dumps({"model": "digits", "files": {"main": {"sha256": "ab" * 32}},
                                               "facts": {"held_out_accuracy": 0.978, "headline": "x"}}))
    card = parse_card(folder / "model.toml")
    page = card_markdown(card, installed=True)
    assert "#### Measured when it was built on this computer\n\n- Held out accuracy: 97.8 %\n" in page
    assert "Headline" not in page  # the picker's line, not a fact of its own
    assert f"sha256 `{'ab' * 32}` as built here (trained or calibrated on this computer" in page


def test_one_click_runs_the_same_photo_on_the_sibling_model(make_window, require_model, qtbot):
    require_model("u2netp")
    require_model("modnet")
    controller, window = make_window(model_id="u2netp")
    controller.set_input(paths.samples_dir() / "astronaut.png", "astronaut.png", "sample")
    wait_for_result(qtbot, window)
    (button,) = window.card_view.compare_buttons
    assert button.full_text == "Try the same input with\nMODNet portrait matting"
    button.click()
    outcome = wait_for_result(qtbot, window)
    assert controller.card.id == "modnet" and outcome.record.model_id == "modnet"
    assert outcome.decoded.label == "astronaut.png"
    assert [b.full_text for b in window.card_view.compare_buttons] == [
        "Try the same input with\nU²-Net-p background remover"]
