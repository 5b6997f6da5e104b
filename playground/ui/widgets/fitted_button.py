"""FittedButton: a push button whose lines are shortened with "…" to the width it gets, instead of holding its
column as wide as its longest line (a model's long name must not move the window's columns)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

MIN_WIDTH = 120  # enough for "Try the same…" and the start of a name


class FittedButton(QPushButton):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._full = text
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(text.replace("\n", " "))  # a screen reader reads the whole of it, never "…"

    @property
    def full_text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        return QSize(MIN_WIDTH, hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        return QSize(min(hint.width(), MIN_WIDTH), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        room = max(10, self.width() - 16)  # the button's own frame and padding
        metrics = self.fontMetrics()
        fitted = "\n".join(metrics.elidedText(line, Qt.TextElideMode.ElideRight, room)
                           for line in self._full.split("\n"))
        if fitted != self.text():
            super().setText(fitted)
