"""Kiosk lock: no menus, no file dialogs, no saving, and no single key that closes the window by accident."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from playground.ui.idle import IdleReset
from playground.ui.main_window import MainWindow

# The person looking after the kiosk can still close it; a child mashing keys will not find this chord.
QUIT_KEYS = "Ctrl+Alt+Shift+Q"


def lock(window: MainWindow) -> None:
    """Turn a window into a kiosk: the samples, pasted or dropped pictures and text stay; the file system
    and the exits go."""
    commands = window.commands
    window.locked = True  # close requests from the window manager are refused; the quit chord still leaves
    window.input_panel.files = False  # pasted or dropped paths stay text: a visitor reads no file by naming it
    window.drops.files = False
    window.menuBar().hide()
    commands.quit.setShortcuts([QKeySequence(QUIT_KEYS)])
    commands.quit.triggered.disconnect(window.leave)  # the keys open the operator's PIN pad instead
    commands.quit.triggered.connect(window.open_operator)
    commands.full_screen.setChecked(True)
    commands.full_screen.setEnabled(False)  # F11 must not shrink the window to reveal the desktop
    commands.open.setEnabled(False)  # a file dialog can browse, rename and delete files
    commands.save_report.setEnabled(False)
    window.input_panel.open_button.hide()
    window.result_area.set_kiosk(True)
    idle = window.settings.idle_seconds
    if idle:  # the next visitor starts afresh: nothing of the last one stays on screen
        window.idle = IdleReset(window, window.forget_visitor, idle)
