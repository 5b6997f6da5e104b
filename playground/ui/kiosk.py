"""Kiosk lock: no menus, no file dialogs, no saving, and no single key that closes the window by accident."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from playground.ui.attract import AttractLoop
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
    commands.full_screen.setEnabled(False)  # F11 must not shrink the window to reveal the desktop
    commands.open.setEnabled(False)  # a file dialog can browse, rename and delete files
    commands.save_report.setEnabled(False)
    window.input_panel.open_button.hide()
    window.result_area.set_kiosk(True)
    # A visitor's screen, not an engineer's: the operator's models, the samples, the result, the graphs and
    # the explainer. Threads, optimisation, numeric knobs and the long model card wait behind the PIN.
    show_expert(window, False)
    models = window.settings.visitor_models
    allowed = {m for m in models if m in window.controller.catalog.ids} if models else None
    window.picker.show_only(allowed)
    window.attract = AttractLoop(window, window.controller) if window.settings.attract else None
    if window.attract is not None:
        window.attract.allowed = allowed
    # Last: hiding panels after going full screen can shrink the window out of it again.
    commands.full_screen.setChecked(True)
    window.showFullScreen()
    idle = window.settings.idle_seconds
    if idle:  # the next visitor starts afresh: nothing of the last one stays on screen
        window.idle = IdleReset(window, lambda: start_over(window), idle, on_touch=lambda: visitor_arrived(window))


def show_expert(window: MainWindow, on: bool) -> None:
    """The engineer's controls, which a kiosk's visitors do not see; the operator may show them for a while."""
    window.show_expert_controls(on)


def start_over(window: MainWindow) -> None:
    """Nobody touched it for a while: forget the last visitor, then invite the next one."""
    window.forget_visitor()
    if window.attract is not None:
        window.attract.start()


def visitor_arrived(window: MainWindow) -> None:
    """A touch while the models were showing themselves: the visit starts afresh, with nothing the loop ran."""
    if window.attract is not None and window.attract.running:
        window.attract.stop()
        window.forget_visitor()
