"""One visitor after another: what the window does between them (a kiosk's reset, a presenter's Forget),
and the kiosk operator's way in (the PIN pad and the operator screen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from playground.ui.attract import AttractLoop
from playground.ui.idle import IdleReset
from playground.ui.operator import OperatorScreen, PinPad

if TYPE_CHECKING:
    from playground.ui.main_window import MainWindow

UNREADABLE = ("The kiosk's settings file could not be read, so no PIN can be checked here: stop the kiosk "
              "from its service (systemctl --user stop inference-playground-kiosk) or a terminal.")


class Visits(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window, self.controller = window, window.controller
        self.home_model = ""  # what a new visitor is shown first (a kiosk's starting model)
        self.idle: IdleReset | None = None  # a kiosk's idle reset
        self.attract: AttractLoop | None = None  # a kiosk's show while nobody is there
        self.pin_failures: list[float] = []  # wrong operator PINs, kept across openings of the pad
        self._clipboard_touched = False  # the app copied to or pasted from the clipboard this visit
        QGuiApplication.clipboard().dataChanged.connect(self._on_clipboard_changed)
        window.commands.paste.triggered.connect(self._on_clipboard_changed)
        self.controller.forget_requested.connect(self._forget_on_request)

    def forget(self, keep_model: bool = False) -> None:
        """Everything of the last visitor gone: input, answers, runs, lessons, and what they left on the clipboard.
        A kiosk goes back to its first model; a presenter's Forget (keep_model) stays on the current one."""
        window = self.window
        if window.lessons is not None:
            window.lessons.hide()
            window.lessons.deleteLater()  # its pages hold that visitor's measurements
            window.lessons = None
        if self._clipboard_touched:
            QGuiApplication.clipboard().clear()
            self._clipboard_touched = False
        card = self.controller.card
        self.controller.forget_visitor(card.id if keep_model and card is not None else self.home_model)

    def start_over(self) -> None:
        """Nobody touched the kiosk for a while: forget the last visitor, then invite the next one."""
        self.forget()
        if self.attract is not None:
            self.attract.start()

    def arrived(self) -> None:
        """A touch while the models were showing themselves: the visit starts afresh, with nothing the loop ran."""
        if self.attract is not None and self.attract.running:
            self.attract.stop()
            self.forget()

    def set_idle_seconds(self, seconds: int) -> None:
        """The idle time for this run of the kiosk (0: never start over by itself)."""
        if self.idle is None and seconds:
            self.idle = IdleReset(self.window, self.start_over, seconds, on_touch=self.arrived)
        elif self.idle is not None:
            self.idle.set_idle(seconds)

    def open_operator(self) -> QDialog:
        """A kiosk's quit keys: the PIN pad, then the operator screen (straight to it where no PIN is set)."""
        settings = self.window.settings
        if settings.problem:  # fail closed: a PIN that cannot be read cannot be checked, so none opens
            pad = PinPad("", self.window, failures=self.pin_failures)
            pad.message.setText(UNREADABLE)
            pad.open()
            return pad
        stored = settings.operator_pin
        if not stored:
            return self._open_operator_screen(False)
        pad = PinPad(stored, self.window, failures=self.pin_failures)
        pad.accepted.connect(self._open_operator_screen)
        pad.open()
        return pad

    def _open_operator_screen(self, pin_set: bool = True) -> OperatorScreen:
        window = self.window
        screen = OperatorScreen(window.leave, self.forget, self.idle.idle_s if self.idle else 0,
                                self.set_idle_seconds, pin_set, window, window.params.isVisible(),
                                window.show_expert_controls)
        screen.open()
        return screen

    def _forget_on_request(self, confirmation: str) -> None:
        """The privacy lesson's button: everything forgotten as at a kiosk's reset, the lessons left open
        (their measurements are the visitor's too, so the pages are made anew) on the same idea."""
        window = self.window
        was_open = window.lessons is not None and window.lessons.isVisible()
        topic = window.lessons.current.topic.id if was_open else ""
        self.forget(keep_model=True)
        if was_open:
            page = window.show_lessons(topic).current
            if hasattr(page, "confirm"):
                page.confirm(confirmation)

    def _on_clipboard_changed(self) -> None:
        self._clipboard_touched = True
