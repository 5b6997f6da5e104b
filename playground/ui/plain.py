"""Text a person typed or a model wrote, shown as text: labels that never read it as HTML, escaped tooltips.

Qt guesses: a QLabel or tooltip whose text looks like HTML is rendered as HTML, so `<img src=/home/…>`
typed into the chat or read from a photo by the OCR would show a picture from this computer's disk.
Every label in the window is a PlainLabel (tests/test_architecture.py checks no other is made), and the
two that draw markup of their own say so with rich_label, escaping whatever text they put inside.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class PlainLabel(QLabel):
    """A QLabel that shows its text exactly as it is (takes QLabel's arguments: text, parent)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setTextFormat(Qt.TextFormat.PlainText)  # re-applies any text given to the constructor


def banner(parent: QWidget, name: str, style: str, text: str = "") -> PlainLabel:
    """A big centred message laid over `parent` (a kiosk's countdown, its invitation), hidden until placed."""
    label = PlainLabel(text, parent)
    label.setObjectName(name)
    label.setStyleSheet(style)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setAccessibleName(text or name.replace("_", " ").capitalize())
    label.hide()
    return label


def place_banner(label: QLabel, top: int, widest: int, height: int) -> None:
    """Centre `label` across its parent at `top` (negative: from the bottom), at most `widest` wide, in front."""
    parent = label.parentWidget()
    assert parent is not None, "a banner is made with its parent"
    width = min(parent.width() - 40, widest)
    label.setGeometry((parent.width() - width) // 2, top if top >= 0 else parent.height() + top, width, height)
    label.raise_()


def rich_label(markup: str, parent: QWidget | None = None) -> QLabel:
    """A label that draws `markup` as HTML: every piece of outside text in it must pass through escape()."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(markup)
    return label


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` as it is, on its own lines (tooltips guess at HTML as labels do)."""
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>" if text else ""
