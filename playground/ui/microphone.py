"""Microphone: captures the default sound input through PortAudio and hands out mono 16 kHz float blocks."""

from __future__ import annotations

import time
from typing import Any, Callable

from PySide6.QtCore import QObject, QTimer, Signal

from playground.tasks.listening import RATE
from playground.ui import sound
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.sound import NO_MICROPHONE
from playground.ui.sound_streams import Capture

__all__ = ["BLOCK_MS", "LOST", "NO_MICROPHONE", "Microphone", "microphone_problem"]  # NO_MICROPHONE: said here too

BLOCK_MS = 50  # how often the level meter moves: often enough to look alive, cheap enough to ignore
LOST = QT_TRANSLATE_NOOP("Microphone", "The microphone stopped working; plug it in again and press Record.")
# A sound server takes up to about 2 s to send the first block of a newly opened input (measured here on
# PulseAudio); no block for longer than this, first or later, means the device is gone or stuck.
STALL_S = 5.0


def microphone_problem(sd: Any) -> str:
    """One sentence saying why nothing can be recorded here, or ""."""
    return sound.problem(sd, "input", translate("Microphone", "Recording"))


class Microphone(QObject):
    """The default input device, opened on start() and closed on stop(); `block` carries the sound.

    PortAudio calls back on its own thread, which only queues the samples; a timer in this object's (the GUI)
    thread takes them from the queue, so `block` and `failed` are always emitted in the GUI thread.
    """

    block = Signal(object)  # np.ndarray, mono float32 at RATE
    failed = Signal(str)  # one sentence: the device stopped or refused

    def __init__(self, parent: QObject | None = None, library: Callable[[], Any] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._library = library or sound.library  # a test may give a stand-in
        self._sd: Any = None
        self._loaded = False
        self._clock = clock
        self._capture: Capture | None = None
        self._last_heard = 0.0
        self._poll = QTimer(self)
        self._poll.setInterval(BLOCK_MS)
        self._poll.timeout.connect(self._read)

    @property
    def sd(self) -> Any:
        """The sounddevice module (or None), loaded when first needed: PortAudio costs about 50 ms to start."""
        if not self._loaded:
            self._sd, self._loaded = self._library(), True
        return self._sd

    @sd.setter
    def sd(self, module: Any) -> None:
        self._sd, self._loaded = module, True

    @property
    def problem(self) -> str:
        return microphone_problem(self.sd)

    @property
    def recording(self) -> bool:
        return self._capture is not None

    def start(self) -> str:
        """Start capturing; "" or one sentence saying why it could not."""
        self.stop()
        problem = self.problem
        if problem:
            return problem
        capture = Capture(self.sd, RATE, BLOCK_MS)
        problem = capture.open()
        if problem:
            return problem
        self._capture = capture
        self._last_heard = self._clock()
        self._poll.start()
        return ""

    def stop(self) -> None:
        capture, self._capture = self._capture, None
        if capture is None:
            return
        self._poll.stop()
        rest = capture.close()  # what was captured up to the press of Stop belongs to the recording
        if len(rest):
            self.block.emit(rest)

    def _read(self) -> None:
        capture = self._capture
        if capture is None:
            return
        samples = capture.take()
        now = self._clock()
        if len(samples):
            self._last_heard = now
            self.block.emit(samples)
        if capture.ended.is_set() or now - self._last_heard > STALL_S:
            self.stop()  # closes the device and hands over what it sent before it went
            self.failed.emit(translate("Microphone", LOST))
