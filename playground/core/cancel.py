"""Cancel token: stops task loops between steps and terminates an in-flight session.run."""

from __future__ import annotations

import threading
from typing import Any

from playground.core.errors import Cancelled


class CancelToken:
    """Thread-safe flag shared by the GUI (which cancels) and the worker (which checks).

    onnxruntime's RunOptions.terminate is the only way to stop a session.run midway, so the
    token keeps the RunOptions of every run in flight and flips them when cancelled.
    """

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._in_flight: set[Any] = set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        with self._lock:
            self._event.set()
            for options in self._in_flight:
                options.terminate = True

    def check(self) -> None:
        """Raise Cancelled if cancel() was called; tasks call this between steps."""
        if self._event.is_set():
            raise Cancelled()

    def attach(self, run_options: Any) -> None:
        """Terminate these RunOptions' session.run on cancel (at once if already cancelled)."""
        with self._lock:
            if self._event.is_set():
                run_options.terminate = True
            self._in_flight.add(run_options)

    def detach(self, run_options: Any) -> None:
        with self._lock:
            self._in_flight.discard(run_options)
