"""Brings the model cards an installed copy shipped with into the person's models folder, where models are built.

An installed copy's cards sit read-only inside the package; its models are built in the person's data folder
(paths.models_dir). Each card is copied there beside its built files, so a card and its files stay in one folder
as in a checkout. A new version's card replaces the old one; its files are then rebuilt by `models fetch` only if
their hashes changed, which is what the `.built` manifest and the card's hashes already decide. A folder with no
shipped card (a model added by hand, a model an older version shipped) is left as it is.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from playground.core.card import CARD_NAME

log = logging.getLogger(__name__)


def bring_cards(shipped: Path, store: Path) -> bool:
    """Copy each shipped card into `store`/<id>/ where it differs; False (and a line in the log) if it cannot.

    Each card is written beside its target and renamed into place, so a crash never leaves half a card."""
    cards = sorted(shipped.glob(f"*/{CARD_NAME}")) if shipped.is_dir() else []
    try:
        for card in cards:
            target = store / card.parent.name / CARD_NAME
            data = card.read_bytes()
            if target.is_file() and target.read_bytes() == data:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, staged = tempfile.mkstemp(dir=target.parent, prefix=".card-", suffix=".toml")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                os.replace(staged, target)
            except BaseException:
                Path(staged).unlink(missing_ok=True)
                raise
    except OSError as exc:
        log.warning("could not bring the model cards into %s, so they are read where they were shipped: %s",
                    store, exc)
        return False
    return True
