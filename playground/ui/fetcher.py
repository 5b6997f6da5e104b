"""Downloads models for the window: `playground models fetch --progress json` in a process of its own.

A process, not a thread: the download and the build (pip, a conversion, a minute of training) can then be
stopped at any moment. Cancel sends SIGTERM to the fetch and its pip together (their own process group); the
fetch unwinds as on Ctrl-C and removes its work folders, so nothing half-built is left. It also keeps the
window's own promise: the window process never opens a connection (core/netwatch.py counts it); the fetcher
does, and only when asked, and the privacy lesson lists what it downloaded.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from typing import IO, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from playground.core import words
from playground.ui import i18n
from playground.ui.i18n import translate
from playground.ui.inputs import said_in_window

log = logging.getLogger(__name__)
KILL_AFTER_MS = 10_000  # a fetch that ignores SIGTERM this long is killed outright


@dataclass(frozen=True)
class FetchState:
    """Where a fetch of one or more models is: which model, which step, how many bytes."""

    model_id: str = ""
    index: int = 0  # 1-based, of `total`
    total: int = 0
    step: str = "starting"
    done_bytes: int = 0
    of_bytes: int = 0  # 0 while nothing is being downloaded

    @property
    def downloading(self) -> bool:
        return self.step == "download" and self.of_bytes > 0


@dataclass(frozen=True)
class Download:
    """A fetch asked for from the window, for the privacy lesson: what, when, and how it ended."""

    model_ids: tuple[str, ...]
    started: float  # time.time()
    outcome: str = "running"  # running, done, failed, cancelled


def fetch_command(model_ids: tuple[str, ...], action: str = "fetch") -> list[str]:
    """The same `playground models fetch` (or `remove`) a person would type; a bundle is its own `playground`."""
    program = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "playground"]
    progress = ["--progress", "json"] if action == "fetch" else []
    return [*program, "models", action, *progress, *model_ids]


def _child_environment() -> dict[str, str]:
    """This process's environment, with the window's language for the sentences the download says."""
    return {**os.environ, i18n.LANGUAGE_VARIABLE: words.language()}


class Fetcher(QObject):
    """One fetch at a time. Its news reaches the GUI thread through `_news`, a signal to a bound slot (queued)."""

    changed = Signal(object)  # FetchState
    finished = Signal(tuple)  # the model ids, all installed
    removed = Signal(tuple)  # the model ids, their files deleted
    failed = Signal(str)  # one sentence: why it stopped
    cancelled = Signal()
    _news = Signal(int, str, object)  # generation, kind ("event" | "end"), payload

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state: FetchState | None = None
        self.downloads: list[Download] = []
        self._process: subprocess.Popen[str] | None = None
        self._generation = 0
        self._cancelling = False
        self._action = "fetch"  # what the process in flight does ("fetch" or "remove"), and to which models
        self._ids: tuple[str, ...] = ()
        self._kill = QTimer(self, singleShot=True, interval=KILL_AFTER_MS)
        self._kill.timeout.connect(lambda: self._signal(signal.SIGKILL))
        self._news.connect(self._on_news)

    @property
    def busy(self) -> bool:
        return self._process is not None

    def fetch(self, model_ids: tuple[str, ...]) -> bool:
        """Start downloading and building; False when a fetch or a remove is already running."""
        return self._start(model_ids, "fetch")

    def remove(self, model_ids: tuple[str, ...]) -> bool:
        """Start deleting the models' built files (`models remove`); False when something already runs."""
        return self._start(model_ids, "remove")

    def _start(self, model_ids: tuple[str, ...], action: str) -> bool:
        """One process at a time: a remove never races a fetch of the same model, and the disk and line stay calm."""
        if self.busy or not model_ids:
            return False
        self._action, self._ids = action, model_ids
        self._generation += 1
        self._cancelling = False
        errors = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")
        try:
            process = subprocess.Popen(fetch_command(model_ids, action), stdout=subprocess.PIPE, stderr=errors,
                                       stdin=subprocess.DEVNULL, text=True, encoding="utf-8", errors="replace",
                                       start_new_session=True, env=_child_environment())
        except OSError as exc:
            errors.close()
            said = (translate("Fetcher", "The download could not start ({reason}).") if action == "fetch" else
                    translate("Fetcher", "Removing the model could not start ({reason})."))
            self.failed.emit(said.format(reason=exc.strerror or exc))
            return False
        self._process = process
        if action == "fetch":
            self.downloads.append(Download(model_ids, time.time()))
        self.state = FetchState(model_ids[0], 1, len(model_ids), "starting" if action == "fetch" else "remove")
        self.changed.emit(self.state)
        threading.Thread(target=self._read, args=(process, errors, self._generation), daemon=True,
                         name="model fetch").start()
        return True

    def cancel(self) -> None:
        """Stop the fetch and its pip; what it was building is removed on its way out."""
        if self._process is None or self._cancelling:
            return
        self._cancelling = True
        self._signal(signal.SIGTERM)
        self._kill.start()

    def _signal(self, which: int) -> None:
        if self._process is not None:
            try:
                os.killpg(self._process.pid, which)
            except (ProcessLookupError, PermissionError):
                pass  # already gone

    def _read(self, process: subprocess.Popen[str], errors: IO[str], generation: int) -> None:
        """In the reading thread: each JSON line as it comes, then how the process ended."""
        assert process.stdout is not None
        for line in process.stdout:
            try:
                event = json.loads(line)
            except ValueError:
                continue  # not a progress line: a library's own print
            if isinstance(event, dict):
                self._news.emit(generation, "event", event)
        code = process.wait()
        errors.seek(0)
        said = errors.read()[-4000:]
        errors.close()
        self._news.emit(generation, "end", (code, said))

    @Slot(int, str, object)
    def _on_news(self, generation: int, kind: str, payload: Any) -> None:
        if generation != self._generation or self.state is None:
            return
        if kind == "event":
            self.state = _advance(self.state, payload)
            self.changed.emit(self.state)
            return
        code, said = payload
        self._process = None
        self._kill.stop()
        ids = self._ids
        self.state = None  # before the news goes out: whoever hears it sees the fetch over
        outcome = "cancelled" if self._cancelling else "done" if code == 0 else "failed"
        if self._action == "fetch":
            self.downloads[-1] = replace(self.downloads[-1], outcome=outcome)
        if outcome == "cancelled":
            self.cancelled.emit()
        elif outcome == "done":
            (self.removed if self._action == "remove" else self.finished).emit(ids)
        else:
            self.failed.emit(_sentence(said, code))

    def shutdown(self) -> None:
        """On quit: a fetch in flight is stopped, so no process is left downloading behind a closed window."""
        if self._process is not None:
            self._cancelling = True
            self._signal(signal.SIGTERM)
            try:
                self._process.wait(timeout=KILL_AFTER_MS / 1000)
            except subprocess.TimeoutExpired:
                self._signal(signal.SIGKILL)


def _advance(state: FetchState, event: dict[str, Any]) -> FetchState:
    if "model" in event:
        return FetchState(str(event["model"]), int(event.get("index", 1)), int(event.get("total", 1)))
    if "step" in event:
        return replace(state, step=str(event["step"]), done_bytes=0, of_bytes=0)
    if "bytes" in event:
        return replace(state, done_bytes=int(event["bytes"]), of_bytes=int(event.get("of", 0)))
    return state


def _sentence(said: str, code: int) -> str:
    """The fetch's own one sentence (`playground: …` on stderr), or, failing that, a plain one."""
    for line in reversed(said.strip().splitlines()):
        if line.startswith("playground: "):
            # The command's sentence names the command; in the window the same thing is the Download button.
            return said_in_window(line.removeprefix("playground: ").strip(), translate("Fetcher", "press Download"))
    log.warning("model fetch ended with code %s: %s", code, said.strip()[-1000:])
    return translate("Fetcher", "The download stopped unexpectedly (exit code {code}); the log has the details. "
                                "Try again.").format(code=code)
