"""Brings the model cards an installed copy shipped with into the person's models folder, where models are built.

An installed copy's cards sit read-only inside the package; its models are built in the person's data folder
(paths.models_dir). Each card is copied there beside its built files, so a card and its files stay in one folder
as in a checkout. A new version's card replaces the old one; its files are then rebuilt by `models fetch` only if
their hashes changed, which is what the `.built` manifest and the card's hashes already decide. A folder with no
shipped card (a model added by hand, a model an older version shipped) is left as it is.

A bundle also ships built models (all of them, or a starter set). Those are linked, file by file, into the
person's folder instead of copied: no disk is spent twice, the hash check at every open still reads them,
and a model the bundle lacks is downloaded into the same folder beside them. Where a link cannot be made
(a file system without them), the catalog reads everything where it was shipped, as before.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from playground.core.card import CARD_NAME, ModelCard

log = logging.getLogger(__name__)


def bring_cards(shipped: Path, store: Path, link_models: bool = False) -> bool:
    """Copy each shipped card into `store`/<id>/ where it differs; False (and a line in the log) if it cannot.
    With `link_models` (a bundle), link each built file shipped beside a card where `store` has none.

    Each card is written beside its target and renamed into place, so a crash never leaves half a card."""
    cards = sorted(shipped.glob(f"*/{CARD_NAME}")) if shipped.is_dir() else []
    try:
        for card in cards:
            target = store / card.parent.name / CARD_NAME
            data = card.read_bytes()
            if link_models:
                _link_built(card.parent, target.parent)
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


def _link_built(shipped: Path, folder: Path) -> None:
    """Each file shipped beside a card (its built files and their manifest) as a link in `folder`, where the
    folder has no file of that name; a link left dangling by an older version of the app is made again."""
    files = [f for f in shipped.iterdir() if f.is_file() and f.name != CARD_NAME]
    if not files:
        return  # a model the bundle does not carry: it is downloaded into the folder when asked for
    folder.mkdir(parents=True, exist_ok=True)
    for source in files:
        target = folder / source.name
        if target.is_symlink() and not target.exists():
            target.unlink()  # the app was updated or moved: the link pointed at its old copy
        if not target.exists():
            target.symlink_to(source)


def comes_with_app(card: ModelCard) -> bool:
    """Its built files are the installed app's own copy, linked into the person's folder: deleting the links
    frees nothing, and the next start would link them again."""
    return any((card.folder / f.path).is_symlink() for f in card.files)
