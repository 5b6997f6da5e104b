"""One visitor after another: what the window does between them (a kiosk's reset, a presenter's Forget),
and the kiosk operator's way in (the PIN pad and the operator screen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.idle import IdleReset
from playground.ui.operator import OperatorScreen, PinPad

if TYPE_CHECKING:
    from playground.ui.attract import AttractLoop  # made by ui/kiosk.py, only on a kiosk
    from playground.ui.main_window import MainWindow

UNREADABLE = QT_TRANSLATE_NOOP("PinPad", "The kiosk's settings file could not be read, so no PIN can be checked here: "
                                        "stop the kiosk from its service (systemctl --user stop "
                                        "inference-playground-kiosk) or a terminal.")


class Visits(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window, self.controller = window, window.controller
        self.home_model = ""  # what a new visitor is shown first (a kiosk's starting model)
        self.idle: IdleReset | None = None  # a kiosk's idle reset
        self.attract: AttractLoop | None = None  # a kiosk's show while nobody is there
        self.show_attract = False  # whether the show runs (the kiosk file's choice, then the operator's)
        self.allowed: set[str] | None = None  # the models visitors see (the file's, then the operator's); None: all
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
        self.welcome()

    def welcome(self) -> None:
        """A kiosk has just started: nobody is there yet, so the models show themselves (if the operator wants)."""
        if self.attract is not None and self.show_attract and not self.attract.running:
            self.attract.start()

    def set_attract(self, on: bool) -> None:
        """The operator's switch for the show while nobody is there; it begins at the next start over."""
        self.show_attract = on
        if not on and self.attract is not None and self.attract.running:
            self.attract.stop()
            self.forget()

    def arrived(self) -> None:
        """A touch while the models were showing themselves: the visit starts afresh, with nothing the loop ran."""
        if self.attract is not None and self.attract.running:
            self.attract.stop()
            self.forget()

    def set_idle_seconds(self, seconds: int) -> None:
        """The idle time for this run of the kiosk (0: never start over by itself)."""
        if self.idle is None:  # made even for 0: it is also what notices a visitor arriving during the show
            self.idle = IdleReset(self.window, self.start_over, max(seconds, 1), on_touch=self.arrived,
                                  quiet=lambda: self.attract is not None and self.attract.running)
        self.idle.set_idle(seconds)

    def open_operator(self) -> QDialog:
        """A kiosk's quit keys: the PIN pad, then the operator screen (straight to it where no PIN is set)."""
        settings = self.window.settings
        if settings.problem:  # fail closed: a PIN that cannot be read cannot be checked, so none opens
            pad = PinPad("", self.window, failures=self.pin_failures)
            pad.message.setText(translate("PinPad", UNREADABLE))
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
        screen = OperatorScreen(self, pin_set, self.window)
        screen.open()
        return screen

    # What the operator screen changes (operator.Operated); all of it lasts until the kiosk next starts.
    def leave(self) -> None:
        self.window.leave()

    def idle_seconds(self) -> int:
        return self.idle.idle_s if self.idle is not None else 0

    def expert_shown(self) -> bool:
        return self.window.params.isVisible()

    def show_expert(self, on: bool) -> None:
        self.window.show_expert_controls(on)

    def visitor_models(self) -> list[tuple[str, str, bool]]:
        """Every installed model as (id, name, whether visitors see it), in the picker's order."""
        shown = self.allowed
        return [(card.id, card.name, shown is None or card.id in shown) for card in self.controller.catalog.cards
                if self.controller.installed(card)]

    def show_only(self, allowed: set[str] | None) -> None:
        """The list and the attract loop offer only these models (None: all)."""
        self.allowed = allowed
        self.window.picker.show_only(allowed)
        if self.attract is not None:
            self.attract.allowed = allowed

    def set_visitor_models(self, model_ids: list[str]) -> None:
        """Visitors see only these; a visitor on a model taken away, and the next visitor, start on the first."""
        self.show_only(set(model_ids) if model_ids else None)
        if self.allowed is not None and self.home_model not in self.allowed:
            self.home_model = next(c.id for c in self.controller.catalog.cards if c.id in self.allowed)
        card = self.controller.card
        if self.allowed is not None and (card is None or card.id not in self.allowed):
            self.controller.select_model(self.home_model)

    def _forget_on_request(self, confirmation: str) -> None:
        """The privacy lesson's button: everything forgotten as at a kiosk's reset, the lessons left open
        (their measurements are the visitor's too, so the pages are made anew) on the same idea."""
        window = self.window
        shown = window.lessons if window.lessons is not None and window.lessons.isVisible() else None
        was_open = shown is not None
        topic = shown.current.topic.id if shown is not None else ""
        self.forget(keep_model=True)
        if was_open:
            page = window.show_lessons(topic).current
            if hasattr(page, "confirm"):
                page.confirm(confirmation)

    def _on_clipboard_changed(self) -> None:
        self._clipboard_touched = True
