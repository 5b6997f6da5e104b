"""ClipPlayer: plays a numpy clip through QtMultimedia when it is installed and a speaker exists."""

from __future__ import annotations

import time
from typing import Any, Callable

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QElapsedTimer, QIODevice, QObject, QTimer, Signal

from playground.ui.multimedia import multimedia, not_installed

NO_ADDON = not_installed("Playing sound")
STALL_GRACE_MS = 1500
# Asking the sound system for its devices on every shown result would cost a round trip to it each run in
# repeat mode; a speaker plugged in is noticed within a few seconds, which is soon enough.
PROBLEM_TTL_S = 5.0
NO_DEVICE = "No speakers or headphones were found, so the recording cannot be played."


def _multimedia() -> Any:
    return multimedia()


def playback_problem() -> str:
    """One sentence saying why sound cannot be played here, or "" when it can."""
    mm = _multimedia()
    if mm is None:
        return NO_ADDON
    if not mm.QMediaDevices.audioOutputs():
        return NO_DEVICE
    return ""


def to_device_format(samples: np.ndarray, rate: int, fmt: Any, mm: Any) -> bytes:
    """Mono float samples → raw PCM in the device's own rate, channel count and sample type."""
    x = np.clip(np.asarray(samples, dtype=np.float32), -1.0, 1.0)
    out_rate = fmt.sampleRate()
    if out_rate != rate and len(x):
        n = max(1, round(len(x) * out_rate / rate))
        x = np.interp(np.arange(n) * (rate / out_rate), np.arange(len(x)), x).astype(np.float32)
    x = np.repeat(x[:, None], max(1, fmt.channelCount()), axis=1)
    kind = fmt.sampleFormat()
    sf = mm.QAudioFormat.SampleFormat
    if kind == sf.Float:
        return x.astype("<f4").tobytes()
    if kind == sf.Int32:
        return (x * 2147483520.0).astype("<i4").tobytes()
    if kind == sf.UInt8:
        return (x * 127.0 + 128.0).astype(np.uint8).tobytes()
    return (x * 32767.0).astype("<i2").tobytes()


class ClipPlayer(QObject):
    """Plays one clip at a time from memory; `playing_changed` tells the button what to show.

    The sink's state is polled rather than connected: PySide6 6.11 cannot pass the QAudio::State
    argument of stateChanged to a Python slot. The same poll drives `position_changed` for a playhead.
    """

    playing_changed = Signal(bool)
    position_changed = Signal(float)  # seconds into the clip being played

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] | None = None) -> None:
        super().__init__(parent)
        self._clock_s = clock or time.monotonic
        self._problem: tuple[float, str] | None = None  # (when asked, the answer)
        self._sink: Any = None
        self._buffer: QBuffer | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(40)
        self._poll.timeout.connect(self._check)
        self._clock = QElapsedTimer()
        self._seconds = 0.0

    @property
    def playing(self) -> bool:
        return self._sink is not None

    def problem(self) -> str:
        """playback_problem(), asked again only when the last answer is more than PROBLEM_TTL_S old."""
        now = self._clock_s()
        if self._problem is None or now - self._problem[0] > PROBLEM_TTL_S:
            self._problem = (now, playback_problem())
        return self._problem[1]

    def play(self, samples: np.ndarray, rate: int) -> str:
        """Starts playback; returns "" or one sentence saying why it could not start."""
        self.stop()
        self._problem = None  # the person is asking to play now: check the devices afresh
        problem = self.problem()
        if problem:
            return problem
        mm = _multimedia()
        device = mm.QMediaDevices.defaultAudioOutput()
        fmt = mm.QAudioFormat()
        fmt.setSampleRate(int(rate))
        fmt.setChannelCount(1)
        fmt.setSampleFormat(mm.QAudioFormat.SampleFormat.Int16)
        if not device.isFormatSupported(fmt):
            fmt = device.preferredFormat()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(to_device_format(samples, rate, fmt, mm)))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._sink = mm.QAudioSink(device, fmt, self)
        self._sink.start(self._buffer)
        if self._sink.error() != mm.QtAudio.Error.NoError:
            self.stop()
            return "The sound device refused to play; check that speakers are connected."
        self._seconds = len(samples) / float(rate)
        self._clock.start()
        self._poll.start()
        self.playing_changed.emit(True)
        return ""

    def stop(self) -> None:
        sink, self._sink = self._sink, None
        if sink is None:
            return
        self._poll.stop()
        sink.stop()
        sink.deleteLater()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        self.playing_changed.emit(False)

    def _check(self) -> None:
        mm = _multimedia()
        if self._sink is None or mm is None:
            return
        self.position_changed.emit(min(self._sink.processedUSecs() / 1e6, self._seconds))
        finished = self._sink.state() in (mm.QtAudio.State.IdleState, mm.QtAudio.State.StoppedState)
        # A sound server that stops taking data leaves the sink "active" for ever; the button must not stick.
        overdue = self._clock.elapsed() > 1000 * self._seconds + STALL_GRACE_MS
        if finished or overdue:
            self.stop()
