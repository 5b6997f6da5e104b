"""A kiosk's idle reset: after a while with no touch, key or mouse, a countdown, then a fresh start for the next visitor.

The last visitor's photo, recording, chat and results must not greet the next one. After `idle_s`
seconds without input a banner counts the last `warn_s` seconds down ("Still there? Touch to keep
going"); any input hides it; at zero the window forgets the visitor (Controller.forget_visitor, the
panels' forget, the lessons closed, the clipboard emptied if the app touched it).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from playground.ui.i18n import translate
from playground.ui.plain import banner, place_banner

# What a person does: touching, typing, moving or clicking the mouse, scrolling.
INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                          QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
                          QEvent.Type.TabletPress})
DEFAULT_IDLE_S, WARN_S = 90, 15
BANNER_STYLE = ("background: #0072b2; color: white; font-size: 28px; font-weight: bold; padding: 28px;"
                "border-radius: 12px;")


class IdleReset(QObject):
    """Watches the whole application for input; calls `reset` after idle_s quiet seconds."""

    def __init__(self, window: QWidget, reset: Callable[[], None], idle_s: int = DEFAULT_IDLE_S,
                 warn_s: int = WARN_S, clock: Callable[[], float] = time.monotonic,
                 on_touch: Callable[[], None] | None = None, quiet: Callable[[], bool] | None = None) -> None:
        super().__init__(window)
        self.idle_s, self.warn_s = idle_s, min(warn_s, idle_s)
        self._reset, self._clock, self._on_touch = reset, clock, on_touch
        # While the attract loop runs nobody is there: no countdown to nobody, and nothing of theirs to wipe.
        self._quiet = quiet or (lambda: False)
        self._last = clock()
        self._window = window
        self.banner = banner(window, "starting_over_soon", BANNER_STYLE)
        self.banner.setAccessibleName(translate("IdleReset", "Starting over soon"))
        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        _application().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in INPUT_EVENTS:
            self.touched()
        return False  # the input goes on to where it was meant for

    def touched(self) -> None:
        self._last = self._clock()
        if self.banner.isVisible():
            self.banner.hide()
        if self._on_touch is not None:
            self._on_touch()

    def tick(self) -> None:
        if self._quiet():
            self._last = self._clock()
            return
        left = self.idle_s - (self._clock() - self._last)
        if left <= 0:
            self.banner.hide()
            self._last = self._clock()
            self._reset()
        elif left <= self.warn_s:
            self._show_countdown(math.ceil(left))

    def _show_countdown(self, seconds: int) -> None:
        self.banner.setText(translate("IdleReset", "Still there? Touch to keep going.\nStarting over for the next "
                                                   "visitor in {seconds} s.").format(seconds=seconds))
        place_banner(self.banner, self._window.height() // 3, 900, 160)
        self.banner.show()

    def set_idle(self, seconds: int) -> None:
        """A new quiet time from now on; 0 stops starting over by itself."""
        self.banner.hide()
        self._last = self._clock()
        self.idle_s, self.warn_s = max(seconds, 0), min(WARN_S, max(seconds, 0))
        if seconds <= 0:
            self.timer.stop()  # the filter stays: a touch still ends the attract loop
            return
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        _application().removeEventFilter(self)


def _application() -> QCoreApplication:
    """The running application, whose every input event an IdleReset watches (there is one: it has a window)."""
    app = QGuiApplication.instance()
    assert app is not None, "an IdleReset needs the application running"
    return app
