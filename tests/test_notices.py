"""Every model file the app can bundle is credited in the third-party notices, with its licence text shipped."""

from __future__ import annotations

import re

import pytest

from playground import paths
from playground.core.catalog import load_catalog
from playground.core.notices import notices_markdown

NOTICES = (paths.root() / "packaging" / "THIRD_PARTY_NOTICES.md").read_text(encoding="utf-8")
LICENCES = paths.root() / "packaging" / "licenses"


@pytest.mark.parametrize("card", load_catalog().cards, ids=lambda c: c.id)
def test_each_built_file_is_named_in_the_notices(card):
    for f in card.files:
        assert f"`{f.path}`" in NOTICES, f"{f.path} of {card.id} is not credited in THIRD_PARTY_NOTICES.md"


def test_each_licence_the_notices_name_has_its_text_shipped():
    named = set(re.findall(r"`([A-Za-z0-9.-]+\.txt)`", NOTICES.split("\n\n")[1]))
    assert named and all((LICENCES / name).is_file() for name in named)


def test_every_bundled_card_has_credits():
    missing = [card.id for card in load_catalog(paths.shipped_cards_dir()).cards if card.credits is None]
    assert missing == [], "a bundled model without [credits] would ship without its notice"


def test_the_notices_file_is_what_the_cards_make():
    """The file ships beside the app and the About box reads the cards: the two must say the same."""
    made = notices_markdown(load_catalog(paths.shipped_cards_dir()).cards)
    assert NOTICES == made, "run: python -m playground.core.notices > packaging/THIRD_PARTY_NOTICES.md"


def test_a_card_with_an_unknown_credits_key_is_refused(tmp_path):
    card = paths.shipped_cards_dir() / "magika" / "model.toml"
    (tmp_path / "magika").mkdir()
    (tmp_path / "magika" / "model.toml").write_text(
        card.read_text(encoding="utf-8").replace("model_by =", 'made_by = "x"\nmodel_by =', 1), encoding="utf-8")
    [error] = load_catalog(tmp_path).errors
    assert "key 'credits.made_by' is not a key a card has" in str(error)
