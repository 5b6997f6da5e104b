"""What a window leaves until it has been painted once: a person sees the window before anything else is done."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    """Waits for the widget's first paint, then runs the callback once the event loop is free again."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget, self._callback = widget, callback
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            # A zero timer runs after this paint is on screen, not inside it.
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        self._callback()
        self.deleteLater()


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Run `callback` just after `widget` is first painted (never, if it is never shown: callers build on demand)."""
    _FirstPaint(widget, callback)
