"""Screenshots: build the real window offscreen, run a model on an input, and save the window as a PNG."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer, qInstallMessageHandler

from playground.core.errors import InputError, PlaygroundError
from playground.core.session import not_installed
from playground.tasks.registry import checked_catalog
from playground.ui import qt_messages
from playground.ui.settings import Settings
from playground.ui.views.base import write_png

DEFAULT_TIMEOUT_S = 120.0


class _Waiter:
    """Runs the event loop until the result is on screen, the run fails, or time is up."""

    def __init__(self, timeout_s: float) -> None:
        self.loop = QEventLoop()
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(timeout_s * 1000))
        self.timer.timeout.connect(self.loop.quit)
        self.shown = False
        self.failure = ""

    def on_shown(self, _outcome: object) -> None:
        self.shown = True
        self.loop.quit()

    def on_failed(self, sentence: str) -> None:
        self.failure = sentence
        self.loop.quit()

    def wait(self) -> None:
        self.shown, self.failure = False, ""
        self.timer.start()
        self.loop.exec()
        self.timer.stop()


def render_shot(model_id: str, input_path: Path, out_png: Path, size: tuple[int, int] = (1440, 900),
                runs: int = 3, timeout_s: float = DEFAULT_TIMEOUT_S, topic: str = "this_run",
                params: dict[str, Any] | None = None, language: str = "en") -> None:
    """Save a picture of the window after `runs` runs of the model on the input (the first one is cold), with
    the knobs in `params` (checked values) set first, in `language` (English where it is not offered)."""
    input_path, out_png = Path(input_path), Path(out_png)
    if not input_path.is_file():
        raise InputError(f"There is no file called {input_path}: give the path to an input file.")
    if not out_png.parent.is_dir():
        raise InputError(f"The folder {out_png.parent} does not exist: create it or choose another --out.")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from playground.ui import i18n
    from playground.ui.app import application

    application()
    if language not in i18n.offered():
        raise InputError(f"The window does not speak '{language}': choose one of {', '.join(i18n.offered())}.")
    i18n.install(language)  # before the cards are read: they speak it too
    catalog = checked_catalog()
    card = catalog.get(model_id)
    if not catalog.installed(card):
        raise not_installed(card)
    previous = qt_messages.install()
    try:
        _shoot(catalog, card, input_path, out_png, size, runs, timeout_s, topic, params or {})
    finally:
        qInstallMessageHandler(previous)
        i18n.install(i18n.ENGLISH)  # a caller in the same process goes on as it was


def _shoot(catalog: Any, card: Any, input_path: Path, out_png: Path, size: tuple[int, int], runs: int,
           timeout_s: float, topic: str, params: dict[str, Any]) -> None:
    from playground.ui.app import build

    with tempfile.TemporaryDirectory(prefix="playground-shot-") as tmp:
        # A shot must neither read nor change the person's own window layout and last model.
        controller, window = build(Settings(Path(tmp) / "settings.ini"), catalog, model_id=card.id)
        try:
            window.resize(*size)
            window.show()
            controller.auto_run = False  # the knobs are set before the first run, which then runs with them
            for name, value in params.items():
                controller.set_param(name, value)
            _run_until_shown(controller, window, card.name, input_path, runs, timeout_s)
            window.explainer.show_topic(topic)
            window.graphs.refresh()
            _settle()
            if not write_png(window.grab().toImage(), out_png):  # whole or not at all, as the window's saves
                raise InputError(f"The picture could not be written to {out_png}: check that the folder is "
                                 "writable and the disk has space.")
        finally:
            window.close()
            window.deleteLater()
            _settle()


def _run_until_shown(controller: Any, window: Any, name: str, input_path: Path, runs: int,
                     timeout_s: float) -> None:
    """Run `runs` times one after another, each time until the result is drawn; failures become errors."""
    controller.auto_run = False
    waiter = _Waiter(timeout_s)
    window.result_area.result_shown.connect(waiter.on_shown)
    controller.run_failed.connect(waiter.on_failed)
    controller.input_rejected.connect(waiter.on_failed)
    controller.set_input(input_path, input_path.name, "file")
    for _ in range(max(1, runs)):
        if waiter.failure or not controller.run():
            raise PlaygroundError(waiter.failure or f"{name} could not run on {input_path.name}.")
        waiter.wait()
        if waiter.failure:
            raise PlaygroundError(waiter.failure)
        if not waiter.shown:
            raise PlaygroundError(f"{name} did not finish on {input_path.name} within {timeout_s:g} seconds; "
                                  "try a smaller input.")


def _settle() -> None:
    """Let pending layout and paint events run before the window is grabbed or torn down."""
    loop = QEventLoop()
    QTimer.singleShot(50, loop.quit)
    loop.exec()
