"""Kiosk lock: no menus, no file dialogs, no saving, and no single key that closes the window by accident."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from playground.ui.attract import AttractLoop
from playground.ui.main_window import MainWindow

# The person looking after the kiosk can still close it; a child mashing keys will not find this chord.
QUIT_KEYS = "Ctrl+Alt+Shift+Q"


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
    commands.open.setEnabled(False)  # a file dialog can browse, rename and delete files
    commands.save_report.setEnabled(False)
    window.input_panel.open_button.hide()
    window.result_area.set_kiosk(True)
    # A visitor's screen, not an engineer's: the operator's models, the samples, the result, the graphs and
    # the explainer. Threads, optimisation, numeric knobs and the long model card wait behind the PIN.
    window.show_expert_controls(False)
    models = window.settings.visitor_models
    allowed = {m for m in models if m in window.controller.catalog.ids} if models else None
    window.picker.show_only(allowed)
    visits = window.visits
    visits.attract = AttractLoop(window, window.controller) if window.settings.attract else None
    if visits.attract is not None:
        visits.attract.allowed = allowed
    visits.set_idle_seconds(window.settings.idle_seconds)  # the next visitor starts afresh
    # Last: hiding panels after going full screen can shrink the window out of it again.
    commands.full_screen.setChecked(True)
    window.showFullScreen()


