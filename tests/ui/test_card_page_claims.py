"""The card page shows what the build measured on this computer right under the card's own words, which
defer to it: an int8 twin's agreement, size and speed are the record's, not a sentence written elsewhere."""

from __future__ import annotations

import json

from playground import paths
from playground.core.built import measured_at_build
from playground.core.card import parse_card
from playground.ui.panels.card_view import card_markdown

HEADLINE = "Same first answer as float32 on 4 of 5 sample photos; 3.7× smaller, 1.4× as fast here."


def test_the_build_headline_follows_the_description(tmp_path):
    folder = tmp_path / "efficientnet-lite0-int8"
    folder.mkdir()
    source = paths.models_dir() / "efficientnet-lite0-int8" / "model.toml"
    (folder / "model.toml").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / ".built").write_text(json.dumps({"model": "efficientnet-lite0-int8", "measured": {
        "headline": HEADLINE, "top1_agreement": 0.8, "fp32_p50_ms": 14.0, "int8_p50_ms": 10.0}}))
    card = parse_card(folder / "model.toml")
    page = card_markdown(card, installed=True)
    shown = f"**Measured when it was built here:** {HEADLINE}"
    assert page.index(card.description) < page.index(shown) < page.index("#### Measured when it was built on")
    assert "- Top1 agreement: 80.0 %" in page
    assert "twice as fast" not in page and "agree with the float32" not in page
    assert shown not in card_markdown(card, installed=False)  # nothing was measured before it is built


def test_the_installed_int8_card_shows_its_own_record(require_model):
    card = require_model("efficientnet-lite0-int8")
    facts = measured_at_build(card)
    page = card_markdown(card, installed=True)
    assert f"**Measured when it was built here:** {facts['headline']}" in page
    agree = round(facts["top1_agreement"] * facts["calibration_images"])
    assert f"on {agree} of {facts['calibration_images']} sample photos" in facts["headline"]
    assert f"{facts['fp32_p50_ms'] / facts['int8_p50_ms']:.1f}× as fast here" in facts["headline"]
