"""The one worker thread: runs a job at a time, cancels the old one for new work, drops stale results.

A plain daemon thread with a queue is enough here and simpler than QThreadPool: a job that onnxruntime
will not let go of cannot keep the app from quitting. Everything the worker reports travels through
one signal connected to a bound slot of this object, which lives in the GUI thread, so Qt queues it
across threads (a lambda would run in the worker: STACK.md).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal, Slot

from playground.core.cancel import CancelToken
from playground.core.errors import Cancelled
from playground.core.results import STREAMING_TYPES

log = logging.getLogger(__name__)

Progress = Callable[[float, Any], None]
Job = Callable[[CancelToken, Progress], Any]
# Loops report every step; ten updates a second fill a view in smoothly, and a partial result
# supersedes the one before it, so the ones in between are dropped rather than queued.
PROGRESS_INTERVAL_S = 0.1
STREAM_INTERVAL_S = 1 / 30  # results that grow a token at a time (results.STREAMING_TYPES) are shown more often


class Measurement(QObject):
    """One lesson measurement's own answer (a sweep, a profile, a batch …): only the page that started it
    connects to it, so no page sorts the news of another's work."""

    progressed = Signal(float, object)  # a fraction done, and a partial report the page may show
    finished = Signal(object)  # what the measurement gave
    failed = Signal(str)  # why it stopped, as one sentence; the answer on screen stays the last run's


class JobRunner(QObject):
    """Single flight: submit() cancels the current job and bumps the generation; late news is ignored."""

    job_started = Signal(int)
    job_progressed = Signal(int, float, object)
    job_finished = Signal(int, object)
    job_failed = Signal(int, object)  # the exception; the controller turns it into a sentence
    job_cancelled = Signal(int)
    busy_changed = Signal(bool)

    _delivered = Signal(int, str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.SimpleQueue[tuple[int, CancelToken, Job] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._generation = 0
        self._token: CancelToken | None = None
        self._busy = False
        self._closed = False
        # (generation, count) of the worker's last report, written by the worker before it sends one: a partial
        # answer that arrives with a newer report already sent behind it (a later partial, the final answer) is
        # stale before it is drawn, so the GUI thread skips it.
        self._sent = (0, 0)
        self._delivered.connect(self._on_delivered)

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def busy(self) -> bool:
        return self._busy

    def submit(self, job: Job) -> int:
        """Queue `job(token, progress)`; whatever ran before is cancelled and its results dropped."""
        if self._closed:
            raise RuntimeError("the worker has been shut down")
        self.cancel()
        self._generation += 1
        self._token = CancelToken()
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="inference-worker", daemon=True)
            self._thread.start()
        self._queue.put((self._generation, self._token, job))
        self._set_busy(True)
        return self._generation

    def cancel(self) -> None:
        """Stop the current job, even in the middle of a session.run (the token terminates it)."""
        if self._token is not None:
            self._token.cancel()

    def discard(self) -> None:
        """Cancel the current job and drop all its news, even news already on its way (a result, a cancel).

        For when what it was working on has gone (another model, an emptied text box): unlike Stop, nothing
        about it may reach the screen any more, so it is not busy from now on.
        """
        self.cancel()
        self._generation += 1
        self._set_busy(False)

    def shutdown(self, timeout: float = 2.0) -> bool:
        """Cancel, ask the thread to end and wait up to `timeout`; True when it did end."""
        self._closed = True
        self.cancel()
        if self._thread is None:
            return True
        self._queue.put(None)
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    # --- worker thread -------------------------------------------------------------------------------

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            generation, token, job = item
            if token.cancelled:
                self._deliver(generation, "cancelled", None)
            else:
                self._deliver(generation, "started", None)
                self._run(generation, token, job)
            # Let go of the finished job while waiting for the next: it holds the input (a pasted photo
            # can be tens of megabytes) and the sessions it ran on.
            del item, job, token

    def _run(self, generation: int, token: CancelToken, job: Job) -> None:
        last = [0.0]

        def progress(fraction: float, partial: Any = None) -> None:
            now = time.monotonic()
            interval = STREAM_INTERVAL_S if isinstance(partial, STREAMING_TYPES) else PROGRESS_INTERVAL_S
            if fraction >= 1.0 or now - last[0] >= interval:
                last[0] = now
                self._deliver(generation, "progress", (fraction, partial, self._sent[1] + 1))

        try:
            result = job(token, progress)
        except Exception as exc:  # noqa: BLE001 - every failure must reach the person as a sentence
            if token.cancelled or isinstance(exc, Cancelled):
                self._deliver(generation, "cancelled", None)
            else:
                self._deliver(generation, "failed", exc)
        else:
            self._deliver(generation, "finished", result)

    def _deliver(self, generation: int, kind: str, payload: Any) -> None:
        if self._closed:
            return
        self._sent = (generation, self._sent[1] + 1)
        try:
            self._delivered.emit(generation, kind, payload)
        except RuntimeError:  # the window (and this object) went away while the job ran
            log.debug("dropped a %s report after shutdown", kind)

    # --- GUI thread ----------------------------------------------------------------------------------

    @Slot(int, str, object)
    def _on_delivered(self, generation: int, kind: str, payload: Any) -> None:
        if generation != self._generation:
            return  # a superseded job: its news is stale
        if kind == "started":
            self.job_started.emit(generation)
        elif kind == "progress":
            partial = payload[1]
            if partial is not None and self._sent != (generation, payload[2]):
                partial = None  # newer news of this job is queued behind it: the fraction still counts
            self.job_progressed.emit(generation, float(payload[0]), partial)
        else:
            self._set_busy(False)
            if kind == "finished":
                self.job_finished.emit(generation, payload)
            elif kind == "failed":
                self.job_failed.emit(generation, payload)
            else:
                self.job_cancelled.emit(generation)
