"""Turns what is dropped on the window or pasted from the clipboard into an input for the controller."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDragMoveEvent, QDropEvent, QImage

from playground.ui.i18n import translate
from playground.ui.widgets.images import rgba_from_qimage


@dataclass(frozen=True)
class Offer:
    """One input found in mime data: a local file, pixels, or text."""

    source: Any  # Path | numpy RGBA pixels | str
    label: str
    origin: str


def offer_from_mime(mime: QMimeData | None, origin: str, files: bool = True) -> Offer | None:
    """Files first (a copied file also carries its name as text), then a picture, then text.

    files=False (a public kiosk) takes pixels and text only: a visitor who could open no file on this
    computer must not have one read by pasting or dropping its path, so a path stays text."""
    if mime is None:
        return None
    if files and mime.hasUrls():
        local = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        if local:
            return Offer(local[0], local[0].name, origin)
    if mime.hasImage():
        image = mime.imageData()
        if isinstance(image, QImage) and not image.isNull():
            # "pasted image" and "pasted text" are the core's own names for pasted data (core/media/types.PASTED),
            # under its context: its sentences recognise the name to say "The pasted image" whole.
            label = (translate("Media", "pasted image") if origin == "paste" else
                     translate("DropCatcher", "dropped image"))
            return Offer(rgba_from_qimage(image), label, origin)
    if mime.hasText() and mime.text().strip():
        text = mime.text()
        candidate = Path(text.strip()) if files and "\n" not in text.strip() and len(text) < 4096 else None
        if candidate is not None and candidate.is_absolute() and _is_file(candidate):
            return Offer(candidate, candidate.name, origin)
        label = translate("Media", "pasted text") if origin == "paste" else translate("DropCatcher", "dropped text")
        return Offer(text, label, origin)
    return None


def _is_file(path: Path) -> bool:
    """Text that only looks like a path (a part over 255 bytes, a NUL) is text, not an error."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def nothing_usable(origin: str) -> str:
    if origin == "paste":
        return translate("DropCatcher", "The clipboard holds nothing the playground can use: copy a picture, some "
                                        "text or a file, then paste again.")
    return translate("DropCatcher", "That cannot be used as an input: drop a picture, a recording or a text file.")


class DropCatcher(QObject):
    """An event filter that lets a whole window accept drops and hands them to a callback."""

    def __init__(self, accept: Any, files: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._accept = accept  # callable(Offer | None, origin) on the GUI thread
        self._files = files  # callable() -> bool: False on a kiosk (see offer_from_mime)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(event, QDragMoveEvent):
            mime = event.mimeData()
            if mime.hasUrls() or mime.hasImage() or mime.hasText():
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            event.acceptProposedAction()
            self._accept(offer_from_mime(event.mimeData(), "drop", self._files()), "drop")
            return True
        return False
