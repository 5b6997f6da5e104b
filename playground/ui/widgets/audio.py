"""ClipPlayer: plays a numpy clip through PortAudio (the sounddevice library) when a speaker exists."""

from __future__ import annotations

import time
from typing import Any, Callable

import numpy as np
from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

from playground.ui import sound
from playground.ui.i18n import translate
from playground.ui.sound_streams import Playback

NO_LIBRARY = sound.missing("Playing sound")
NO_DEVICE = sound.NO_SPEAKER
STALL_GRACE_MS = 1500
# Asking the sound system for its devices on every shown result would cost a round trip to it each run in
# repeat mode; a speaker plugged in is noticed within a few seconds, which is soon enough.
PROBLEM_TTL_S = 5.0


def _library() -> Any:
    return sound.library()


def playback_problem() -> str:
    """One sentence saying why sound cannot be played here, or "" when it can."""
    return sound.problem(_library(), "output", translate("ClipPlayer", "Playing sound"))


class ClipPlayer(QObject):
    """Plays one clip at a time from memory; `playing_changed` tells the button what to show.

    PortAudio's thread only copies the clip into its buffers and counts; a timer here, in the GUI thread,
    reads the count for `position_changed` (a playhead) and notices the end, so signals leave from this thread.
    """

    playing_changed = Signal(bool)
    position_changed = Signal(float)  # seconds into the clip being played

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] | None = None) -> None:
        super().__init__(parent)
        self._clock_s = clock or time.monotonic
        self._problem: tuple[float, str] | None = None  # (when asked, the answer)
        self._sink: Playback | None = None  # where the clip is going; None when nothing plays
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
        if not rate or rate <= 0:
            return translate("ClipPlayer", "This recording has no sample rate, so it cannot be played.")
        playback = Playback(_library(), samples, int(rate))
        problem = playback.open()
        if problem:
            return problem
        self._sink = playback
        self._seconds = len(samples) / float(rate)
        self._clock.start()
        self._poll.start()
        self.playing_changed.emit(True)
        return ""

    def stop(self) -> None:
        playback, self._sink = self._sink, None
        if playback is None:
            return
        self._poll.stop()
        playback.close()
        self.playing_changed.emit(False)

    def _check(self) -> None:
        playback = self._sink
        if playback is None:
            return
        # Asked before the position, so a clip that just ended shows its last position, not one a tick earlier.
        finished = playback.finished.is_set()
        self.position_changed.emit(min(playback.seconds, self._seconds))
        # A sound server that stops taking data never ends the stream; the button must not stick.
        overdue = self._clock.elapsed() > 1000 * self._seconds + STALL_GRACE_MS
        if finished or overdue:
            self.stop()
