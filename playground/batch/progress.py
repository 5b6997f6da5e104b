"""How far a batch is: files done of all, files a second, time left and errors; a bar on a terminal, plain
lines every few seconds otherwise (a log file should not fill with carriage returns)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

BAR = 24
LINE_EVERY_S = 10.0  # plain lines: one per this many seconds
DRAW_EVERY_S = 0.2  # the bar: at most five redraws a second


def clock(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    h, rest = divmod(seconds, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    def __init__(self, total: int, kept: int, stream: TextIO | None = None, tty: bool | None = None) -> None:
        self._stream = stream  # None: sys.stderr as it is at each line
        self.tty = self.stream.isatty() if tty is None else tty
        self.total, self.kept = total, kept  # kept: rows an earlier run made, reused without running
        self.ran = self.errors = 0
        self.started = time.monotonic()
        self._shown = 0.0

    @property
    def stream(self) -> TextIO:
        return self._stream or sys.stderr

    @contextmanager
    def kept_on(self, terminal: TextIO) -> Iterator[None]:
        """Lines that would go to sys.stderr go to `terminal` for the block: an engine that silences sys.stderr
        (Ray's messages) keeps the progress line on the terminal."""
        before = self._stream
        self._stream = before or terminal
        try:
            yield
        finally:
            self._stream = before

    @property
    def done(self) -> int:
        return self.kept + self.ran

    def rate(self) -> float:
        """Files run a second in this run (kept ones took no time, so they do not count)."""
        elapsed = time.monotonic() - self.started
        return self.ran / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        rate = self.rate()
        left = clock((self.total - self.done) / rate) if rate > 0 else "–"
        errors = f" · {self.errors} error{'s' if self.errors != 1 else ''}" if self.errors else ""
        return f"{self.done}/{self.total} files · {rate:.1f} files/s · {left} left{errors}"

    def add(self, ran: int, errors: int, kept: int = 0) -> None:
        self.ran, self.errors, self.kept = self.ran + ran, self.errors + errors, self.kept + kept
        self.show()

    def show(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._shown < (DRAW_EVERY_S if self.tty else LINE_EVERY_S):
            return
        self._shown = now
        if self.tty:
            filled = BAR * self.done // max(1, self.total)
            self.stream.write(f"\r[{'#' * filled}{'.' * (BAR - filled)}] {self.line()}\033[K")
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()

    def close(self) -> None:
        """The last state, and the cursor on a line of its own."""
        self.show(force=True)
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
