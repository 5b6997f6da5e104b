"""Kiosk lock: no menus, no file dialogs, no saving, and no single key that closes the window by accident."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QSplitter, QWidget

from playground.ui.attract import AttractLoop
from playground.ui.main_window import MainWindow

# The person looking after the kiosk can still close it; a child mashing keys will not find this chord.
QUIT_KEYS = "Ctrl+Alt+Shift+Q"
KIOSK_COLUMNS = (24, 44, 32)  # the models, the input and result, the graphs and explainer: shares of the width


class _KeepColumns(QObject):
    """Whatever size the full screen turns out to be (it arrives after the window is built), the columns
    take their shares of it."""

    def __init__(self, columns: QSplitter, parent: QObject) -> None:
        super().__init__(parent)
        self._columns = columns

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # Installed on the window only; the splitter itself still has its old width at this point.
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self._columns.setSizes([watched.width() * share // 100 for share in KIOSK_COLUMNS])
        return False


def lock(window: MainWindow) -> None:
    """Turn a window into a kiosk: the samples, pasted or dropped pictures and text stay; the file system
    and the exits go."""
    commands = window.commands
    # window.locked and input_panel.files follow window.settings.kiosk: close requests from the window
    # manager are refused, and pasted or dropped paths stay text (a visitor reads no file by naming it).
    window.menuBar().hide()
    commands.quit.setShortcuts([QKeySequence(QUIT_KEYS)])
    commands.quit.triggered.disconnect(window.leave)  # the keys open the operator's PIN pad instead
    commands.quit.triggered.connect(window.visits.open_operator)
    commands.full_screen.setEnabled(False)  # F11 must not shrink the window to reveal the desktop
    commands.projector.setEnabled(False)  # the kiosk's size is its operator's (scale= under [kiosk])
    commands.text_sizes.setEnabled(False)  # likewise: a visitor's Ctrl+= must not outlast the visit
    commands.themes.setEnabled(False)  # the colours are the operator's (theme= under [display])
    window.shortcuts_action.setEnabled(False)  # it lists a desktop's keys, most of them off on a kiosk
    commands.open.setEnabled(False)  # a file dialog can browse, rename and delete files
    commands.open_model.setEnabled(False)  # likewise; and a visitor's model would stay for the next visitor
    commands.save_report.setEnabled(False)
    window.input_panel.open_button.hide()
    window.result_area.set_kiosk(True)
    # A visitor's screen, not an engineer's: the operator's models, the samples, the result, the graphs and
    # the explainer. Threads, optimisation, numeric knobs and the long model card wait behind the PIN.
    window.show_expert_controls(False)
    visits = window.visits
    visits.attract = AttractLoop(window, window.controller, show_lesson=window.show_lessons,
                                 hide_lessons=window.hide_lessons)
    visits.show_attract = window.settings.attract
    # The operator's models, or every one that is there: a visitor cannot fetch one that is missing.
    installed = [card.id for card in window.controller.catalog.cards if window.controller.installed(card)]
    models = window.settings.visitor_models
    visits.show_only({m for m in installed if models is None or m in models} or None)
    visits.set_idle_seconds(window.settings.idle_seconds)  # the next visitor starts afresh
    # A visitor's eye goes to the result: the list and the graphs give it room (the splitter keeps the ratio).
    window.installEventFilter(_KeepColumns(window.splitters["main"], window))
    # Last: hiding panels after going full screen can shrink the window out of it again.
    commands.full_screen.setChecked(True)
    window.showFullScreen()


