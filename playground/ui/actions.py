"""The window's commands as QActions with their standard shortcuts, shared by menus, buttons and keys."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QStyle

from playground.ui import scale, theme
from playground.ui.controller import Controller


def _action(parent: QObject, text: str, tip: str, *keys: QKeySequence | QKeySequence.StandardKey | str) -> QAction:
    action = QAction(text, parent)
    action.setShortcuts([QKeySequence(k) for k in keys])
    shown = ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
    action.setToolTip(f"{tip} ({shown})" if shown else tip)
    action.setStatusTip(tip)
    return action


class WindowActions(QObject):
    """Open, paste, save the report, run, repeat, stop, full screen and quit; the window wires open, paste and
    the report to its panels."""

    def __init__(self, controller: Controller, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.open = _action(self, self.tr("&Open file…"), self.tr("Open a picture, recording or text file"),
                            QKeySequence.StandardKey.Open)
        self.open_model = _action(self, self.tr("Open &model…"), self.tr(
            "Open an .onnx model of yours: it is checked, kept among your models, and run on inputs made from its "
            "signature"), "Ctrl+Shift+O")
        self.paste = _action(self, self.tr("&Paste"), self.tr("Use the picture or text on the clipboard"),
                             QKeySequence.StandardKey.Paste)
        self.run = _action(self, self.tr("&Run"), self.tr("Run the model on the current input"), "Ctrl+R", "F5")
        self.repeat = _action(self, self.tr("Re&peat"), self.tr("Run the current input again and again until stopped"),
                              "Ctrl+Shift+R")
        self.repeat.setCheckable(True)
        self.stop = _action(self, self.tr("&Stop"), self.tr("Stop the run and the repeat"), "Esc")
        self.save_report = _action(self, self.tr("Save lab &report…"), self.tr(
            "Save everything run so far as one HTML report, with the runs as CSV and JSON"))
        self.full_screen = _action(self, self.tr("&Full screen"), self.tr("Fill the whole screen"), "F11")
        self.full_screen.setCheckable(True)
        self.projector = _action(self, self.tr("P&rojector size"), self.tr(
            "Big text in a 1280 × 720 window, readable from the back of a room: the result, graphs and explainer, "
            "without the knobs"),
                                 "Ctrl+Shift+P")
        self.projector.setCheckable(True)
        # Text size: three choices, one checked; the usual zoom keys pick the smaller or larger one.
        self.text_sizes = QActionGroup(self)
        self.text_size: dict[str, QAction] = {}
        for size, keys in ((scale.SMALL, "Ctrl+-"), (scale.DESKTOP, "Ctrl+0"), (scale.LARGE, "Ctrl+=")):
            title = self.tr(size.title)
            action = _action(self, title, self.tr("{title} in the whole window, graphs included").format(title=title),
                             keys)
            action.setCheckable(True)
            self.text_sizes.addAction(action)
            self.text_size[size.name] = action
        self.text_size[scale.LARGE.name].setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        # Colours: the desktop's light or dark, or either whatever the desktop does.
        self.themes = QActionGroup(self)
        self.theme: dict[str, QAction] = {}
        for name, title in theme.CHOICES.items():
            title = self.tr(title)
            action = _action(self, title, self.tr("{title}: the colours of the whole window, graphs included").format(
                title=title))
            action.setCheckable(True)
            self.themes.addAction(action)
            self.theme[name] = action
        self.get_models = _action(self, self.tr("&Get all models…"), self.tr(
            "Download every model that is not on this computer yet, from PyPI, once"))
        self.quit = _action(self, self.tr("&Quit"), self.tr("Close the playground"), QKeySequence.StandardKey.Quit)
        # The usual media symbols, so the three buttons read at a glance, before their words do.
        style = QApplication.style()
        for action, icon in ((self.run, QStyle.StandardPixmap.SP_MediaPlay),
                             (self.repeat, QStyle.StandardPixmap.SP_BrowserReload),
                             (self.stop, QStyle.StandardPixmap.SP_MediaStop),
                             (self.open, QStyle.StandardPixmap.SP_DialogOpenButton)):
            action.setIcon(style.standardIcon(icon))
        self.run.triggered.connect(controller.run)
        self.repeat.toggled.connect(controller.set_repeat)
        self.stop.triggered.connect(controller.cancel)
        controller.repeat_changed.connect(self._on_repeat_changed)
        controller.busy_changed.connect(self._on_busy_changed)
        self.stop.setEnabled(False)
        self.get_models.triggered.connect(
            lambda: controller.download(tuple(card.id for card in controller.missing_cards())))
        for news in (controller.installed_changed, controller.fetcher.changed, controller.fetcher.finished,
                     controller.fetcher.failed, controller.fetcher.cancelled):
            news.connect(self._update_get_models)
        self._update_get_models()

    def _update_get_models(self, *_news: object) -> None:
        """Offered while models are missing and none is downloading; never on a kiosk (its operator installs)."""
        c = self._controller
        self.get_models.setEnabled(not c.settings.kiosk and not c.fetcher.busy and bool(c.missing_cards()))

    def all(self) -> tuple[QAction, ...]:
        return (self.open, self.open_model, self.paste, self.save_report, self.get_models, self.run, self.repeat, self.stop,
                self.full_screen, self.projector, *self.text_size.values(), self.quit)

    def _on_repeat_changed(self, on: bool) -> None:
        if self.repeat.isChecked() != on:
            self.repeat.blockSignals(True)
            self.repeat.setChecked(on)
            self.repeat.blockSignals(False)
        self.stop.setEnabled(on or self._controller.busy)

    def _on_busy_changed(self, busy: bool) -> None:
        self.stop.setEnabled(busy or self._controller.repeat)
