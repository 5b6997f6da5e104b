"""Removes a model's built files to free the disk; its card stays, so it can be fetched again in one step."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playground.core.built import MANIFEST
from playground.core.card import ModelCard
from playground.core.errors import FetchError
from playground.core.session import fetch_advice
from playground.core.shipped_cards import comes_with_app
from playground.core.words import translate
from playground.zoo import locks
from playground.zoo.fetch import BUILD_PREFIX, LOCK_FILE, READ_ONLY


@dataclass(frozen=True)
class Removed:
    model_id: str
    files: int  # built files deleted (the manifest not counted)
    freed: int  # bytes
    with_app: bool = False  # its files are the app's own (a bundle's, linked in): nothing was removed


def remove_model(card: ModelCard) -> Removed:
    """Delete the card's built files and its manifest, under the model's fetch lock (a fetch of it waits, and
    a remove never deletes what a fetch is writing). The manifest goes first: a remove cut short leaves the
    model plainly not installed, never looking installed with a file missing."""
    if not card.folder.is_dir():
        return Removed(card.id, 0, 0)
    if comes_with_app(card):
        return Removed(card.id, 0, 0, with_app=True)
    try:
        with locks.hold(card.folder / LOCK_FILE):
            (card.folder / MANIFEST).unlink(missing_ok=True)
            locks.remove_abandoned(card.folder, BUILD_PREFIX)
            files = freed = 0
            for f in card.files:
                path = card.folder / f.path
                if path.is_file():
                    info = path.stat()
                    path.unlink()
                    # A file another model shares (zoo/share.py) stays on disk for it: nothing is freed.
                    files, freed = files + 1, freed + (info.st_size if info.st_nlink == 1 else 0)
                    _prune_empty(path.parent, card)
    except OSError as exc:
        # The manifest may be gone already: the model then counts as not installed, and a fetch puts it back.
        if exc.errno in READ_ONLY:
            said = translate("Remove", "{name} could not be removed from {folder} (it cannot be written); {fix}, or "
                                       "make the folder writable and remove it again.")
        else:
            said = translate("Remove", "{name} could not be removed from {folder} ({reason}); {fix}, or make the "
                                       "folder writable and remove it again.")
        raise FetchError(said.format(name=card.name, folder=card.folder, reason=exc.strerror,
                                     fix=fetch_advice(card, " to put it back whole"))) from exc
    return Removed(card.id, files, freed)


def _prune_empty(here: Path, card: ModelCard) -> None:
    """A file kept in a sub-folder of the model's (tokenizer/…) leaves no empty folder behind."""
    while here != card.folder and here.is_relative_to(card.folder) and not any(here.iterdir()):
        here.rmdir()
        here = here.parent
