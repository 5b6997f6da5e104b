"""The starter bundle carries the welcome page's models and every model they run: a newcomer's first four clicks
work with the network unplugged; everything else is one Download away."""

from __future__ import annotations

from playground import paths
from playground.core.catalog import load_catalog
from playground.ui.widgets.welcome import STARTS


def starter_models() -> set[str]:
    listed = (paths.root() / "packaging" / "starter-models.txt").read_text(encoding="utf-8").splitlines()
    return {line.split("#")[0].strip() for line in listed} - {""}


def test_the_starter_list_is_the_welcome_pages_models_and_what_they_run():
    catalog = load_catalog()
    welcome = [catalog.get(start.model_id) for start in STARTS]
    needed = {card.id for card in catalog.with_companions(welcome)}
    assert starter_models() == needed
    assert {"silero-vad", "minilm-l6"} <= needed  # Whisper's voice detector, the sentiment head's MiniLM
