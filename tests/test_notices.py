"""Every model file the app can bundle is credited in the third-party notices, with its licence text shipped."""

from __future__ import annotations

import re

import pytest

from playground import paths
from playground.core.catalog import load_catalog

NOTICES = (paths.root() / "packaging" / "THIRD_PARTY_NOTICES.md").read_text(encoding="utf-8")
LICENCES = paths.root() / "packaging" / "licenses"


@pytest.mark.parametrize("card", load_catalog().cards, ids=lambda c: c.id)
def test_each_built_file_is_named_in_the_notices(card):
    for f in card.files:
        assert f"`{f.path}`" in NOTICES, f"{f.path} of {card.id} is not credited in THIRD_PARTY_NOTICES.md"


def test_each_licence_the_notices_name_has_its_text_shipped():
    named = set(re.findall(r"`([A-Za-z0-9.-]+\.txt)`", NOTICES.split("\n\n")[1]))
    assert named and all((LICENCES / name).is_file() for name in named)
