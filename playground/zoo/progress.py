"""Progress of a fetch: steps per model and bytes downloaded, drawn as a one-line bar on a terminal."""

from __future__ import annotations

import json
from typing import Protocol, TextIO

_BAR_WIDTH = 24


class Progress(Protocol):
    def model_started(self, index: int, total: int, model_id: str) -> None: ...

    def step(self, name: str) -> None: ...

    def transfer(self, done: int, total: int) -> None: ...

    def model_finished(self) -> None: ...

    def detail(self, text: str) -> None:
        """Extra text worth showing only because something failed (e.g. pip's own output)."""


class NullProgress:
    """Shows nothing; the default when no one is watching."""

    def model_started(self, index: int, total: int, model_id: str) -> None:
        pass

    def step(self, name: str) -> None:
        pass

    def transfer(self, done: int, total: int) -> None:
        pass

    def model_finished(self) -> None:
        pass

    def detail(self, text: str) -> None:
        pass


def _mb(count: int) -> str:
    return f"{count / 1e6:.1f}"


class TextProgress:
    """On a terminal, one line redrawn in place; elsewhere (a log, CI) one plain line per step."""

    def __init__(self, stream: TextIO, live: bool | None = None) -> None:
        self.stream = stream
        self.live = stream.isatty() if live is None else live
        self._prefix = ""
        self._step = ""
        self._shown = -1  # last percentage drawn, so a fast download does not flood the terminal

    def _draw(self, tail: str = "") -> None:
        line = f"{self._prefix} {self._step}{tail}"
        if self.live:
            self.stream.write(f"\r\x1b[K{line}")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def model_started(self, index: int, total: int, model_id: str) -> None:
        self._prefix = f"[{index}/{total}] {model_id}:"
        self._step, self._shown = "", -1

    def step(self, name: str) -> None:
        self._step, self._shown = name, -1
        self._draw()

    def transfer(self, done: int, total: int) -> None:
        if not self.live or total <= 0:
            return
        done = min(done, total)
        percent = done * 100 // total
        if percent == self._shown:
            return
        self._shown = percent
        filled = done * _BAR_WIDTH // total
        self._draw(f" [{'#' * filled}{'.' * (_BAR_WIDTH - filled)}] {_mb(done)}/{_mb(total)} MB")

    def model_finished(self) -> None:
        if self.live:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def detail(self, text: str) -> None:
        if self.live:
            self.stream.write("\r\x1b[K")
        for line in text.rstrip().splitlines():
            self.stream.write(f"  | {line}\n")
        self.stream.flush()


class JsonProgress:
    """One JSON object a line, for a program that shows the fetch itself (the window's Download button):
    {"model": id, "index": i, "total": n}, {"step": name}, {"bytes": done, "of": total}, {"finished": id},
    {"detail": text}. Bytes are said at most once per percent, so a fast download does not flood the reader."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._model = ""
        self._shown = -1

    def _say(self, **event: object) -> None:
        self.stream.write(json.dumps(event, ensure_ascii=True) + "\n")
        self.stream.flush()

    def model_started(self, index: int, total: int, model_id: str) -> None:
        self._model, self._shown = model_id, -1
        self._say(model=model_id, index=index, total=total)

    def step(self, name: str) -> None:
        self._say(step=name)

    def transfer(self, done: int, total: int) -> None:
        percent = min(done, total) * 100 // total if total > 0 else -1
        if percent != self._shown:
            self._shown = percent
            self._say(bytes=min(done, total) if total > 0 else done, of=total)

    def model_finished(self) -> None:
        self._say(finished=self._model)

    def detail(self, text: str) -> None:
        self._say(detail=text.rstrip())
