"""MicPanel: record from the microphone with a live level meter and speech probability; run the model when
the person stops (push-to-talk), or live on each utterance as soon as they pause."""

from __future__ import annotations

from collections import deque
from typing import Any, Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QListWidget, QProgressBar, QPushButton, QVBoxLayout, QWidget

from playground.core import readable
from playground.core.errors import PlaygroundError
from playground.core.media import AudioData
from playground.core.media.types import MAX_AUDIO_SECONDS
from playground.tasks.listening import RATE, Heard, Listener
from playground.ui.controller import Controller
from playground.ui.i18n import translate
from playground.ui.microphone import Microphone
from playground.ui.plain import PlainLabel
from playground.ui.widgets.plots import make_plot

PROBABILITY_WINDOW_S = 8.0  # the speech graph shows the last few seconds, scrolling
FRAME_S = 512 / RATE
FLOOR_DB = -60.0  # the meter's left end: quieter than a quiet room
CLIPPING = 0.99


def clock(seconds: float) -> str:
    minutes, secs = divmod(seconds, 60)
    return readable.local(f"{int(minutes)}:{secs:04.1f}")


class MicPanel(QWidget):
    """Opens the microphone only while recording; the recording stays in memory, never on disk."""

    def __init__(self, controller: Controller, parent: QWidget | None = None,
                 library: Callable[[], Any] | None = None, microphone: Microphone | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        # The input panel's own, when it asked the microphone whether there is one before building this panel.
        self.microphone = microphone or Microphone(self, library)
        self.microphone.block.connect(self.heard)
        self.microphone.failed.connect(self._failed)
        self.listener: Listener | None = None
        self._queue: deque[AudioData] = deque()  # live utterances waiting for the model, in order
        self._live_labels: dict[str, float] = {}  # label of an utterance sent -> its start in the recording
        self._probs: deque[float] = deque(maxlen=int(PROBABILITY_WINDOW_S / FRAME_S))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.record_button = QPushButton(translate("MicPanel", "● Record"), self)
        self.record_button.setCheckable(True)
        self.record_button.setToolTip(translate("MicPanel", "Start recording; press again to stop and run the model on what "
                                                     "you said."))
        self.record_button.toggled.connect(self._record_toggled)
        self.live_box = QCheckBox(translate("MicPanel", "Live: run on each sentence as soon as you pause"), self)
        self.live_box.setToolTip(translate("MicPanel", "While you keep recording, every finished utterance goes to the model at "
                                                "once."))
        self.time_label = PlainLabel("", self)
        row.addWidget(self.record_button)
        row.addWidget(self.live_box)
        row.addStretch(1)
        row.addWidget(self.time_label)
        layout.addLayout(row)
        meters = QHBoxLayout()
        self.level = QProgressBar(self)
        self.level.setRange(0, int(-FLOOR_DB))
        self.level.setAccessibleName(translate("MicPanel", "Loudness"))
        self.level.setFormat(translate("MicPanel", "quiet"))
        meters.addWidget(PlainLabel(translate("MicPanel", "Loudness"), self))
        meters.addWidget(self.level, 1)
        self.speech = QProgressBar(self)
        self.speech.setRange(0, 100)
        self.speech.setAccessibleName(translate("MicPanel", "Speech probability"))
        self.speech.setFormat(translate("MicPanel", "speech %p %"))
        meters.addWidget(PlainLabel(translate("MicPanel", "Speech"), self))
        meters.addWidget(self.speech, 1)
        layout.addLayout(meters)
        self.graph = make_plot(translate("MicPanel", "Speech probability over the last seconds"), translate("MicPanel", "speech"),
                               translate("MicPanel", "seconds ago"), self)
        self.graph.setMinimumHeight(90)
        self.graph.setMaximumHeight(120)
        self.graph.setYRange(0, 1, padding=0.05)
        self.graph.setXRange(-PROBABILITY_WINDOW_S, 0, padding=0)
        self.curve = self.graph.plot(pen=pg.mkPen((0, 114, 178), width=2), fillLevel=0, brush=(0, 114, 178, 45))
        self.threshold = pg.InfiniteLine(0.5, angle=0, pen=pg.mkPen((213, 94, 0), width=1, style=Qt.PenStyle.DashLine))
        self.graph.addItem(self.threshold)
        layout.addWidget(self.graph)
        self.live_list = QListWidget(self)
        self.live_list.setAccessibleName(translate("MicPanel", "What the model made of each utterance"))
        self.live_list.setMaximumHeight(110)
        self.live_list.hide()
        layout.addWidget(self.live_list)
        self.status = PlainLabel("", self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("MicPanel", "Microphone status"))
        layout.addWidget(self.status)
        controller.result_ready.connect(self._on_result)
        controller.busy_changed.connect(self._on_busy_changed)
        self._idle()

    @property
    def problem(self) -> str:
        return self.microphone.problem

    # --- recording ------------------------------------------------------------------------------
    def start(self) -> bool:
        """Start recording (the Record button does this); False with the reason shown when it cannot."""
        vad = self._controller.catalog.get("silero-vad") if "silero-vad" in self._controller.catalog.ids else None
        try:
            self.listener = Listener(vad if vad is not None and self._controller.installed(vad) else None)
        except PlaygroundError as exc:
            self.listener = Listener(None)  # the meter still works; only live utterances need the detector
            self.status.setText(str(exc))
        problem = self.microphone.start()
        if problem:
            self.listener = None
            self.status.setText(problem)
            self.record_button.setChecked(False)
            return False
        if self.listener.rules is not None:
            self.threshold.setValue(self.listener.rules.threshold)
        self._probs.clear()
        self.live_list.clear()
        self.live_list.setVisible(self.live_box.isChecked())
        self.live_box.setEnabled(self.listener.vad is not None)
        self.record_button.setText(translate("MicPanel", "■ Stop"))
        self.status.setText(translate("MicPanel", "Recording… speak now.") if not self.live_box.isChecked() else
                            translate("MicPanel", "Recording… each sentence is run as soon as you pause."))
        self._set_checked(True)
        return True

    def stop(self, hand_over: bool = True) -> None:
        """Stop recording; the recording (or its last utterance, live) goes to the model unless told not to."""
        if self.listener is None:
            return
        self.microphone.stop()
        listener, self.listener = self.listener, None
        self._set_checked(False)
        self._idle()
        if not hand_over:
            return
        if self.live_box.isChecked() and listener.vad is not None:
            for span in listener.finish():
                self._send_utterance(listener, span)
            return
        samples = listener.samples().copy()
        if not len(samples):
            self.status.setText(translate("MicPanel", "Nothing was recorded; check that the microphone is not muted and try "
                                               "again."))
            return
        self.status.setText(translate("MicPanel", "Recorded {length}.").format(length=clock(len(samples) / RATE)))
        label = translate("MicPanel", "your recording")
        self._controller.set_input(AudioData(samples, RATE, label), label, "microphone")

    def heard(self, block: np.ndarray) -> None:
        """A block of sound from the microphone (or a test)."""
        if self.listener is None:
            return
        heard = self.listener.feed(block)
        self._show(heard)
        for span in heard.utterances:
            if self.live_box.isChecked():
                self._send_utterance(self.listener, span)
        if heard.full:
            self.stop()
            self.status.setText(translate("MicPanel", "Recording stopped after {minutes} minutes, the longest recording the "
                                               "playground takes; what was recorded went to the model.").format(
                minutes=MAX_AUDIO_SECONDS // 60))

    def _show(self, heard: Heard) -> None:
        db = max(heard.level_db, FLOOR_DB)
        self.level.setValue(int(round(db - FLOOR_DB)))
        self.level.setFormat(translate("MicPanel", "too loud: it clips") if heard.peak >= CLIPPING else
                             (translate("MicPanel", "quiet") if heard.level_db <= FLOOR_DB else f"{heard.level_db:.0f} dB"))
        if heard.probabilities:
            self._probs.extend(heard.probabilities)
            p = np.fromiter(self._probs, float)
            self.curve.setData((np.arange(len(p)) - len(p) + 1) * FRAME_S, p)
        if heard.probability is not None:
            self.speech.setValue(int(round(100 * heard.probability)))
        if self.listener is not None:
            self.time_label.setText(clock(self.listener.seconds))

    # --- live utterances ------------------------------------------------------------------------
    def _send_utterance(self, listener: Listener, span: tuple[float, float]) -> None:
        start, end = span
        piece = listener.samples()[int(start * RATE):int(end * RATE)].copy()
        label = translate("MicPanel", "what you said at {time}").format(time=clock(start))
        self._live_labels[label] = start
        self._queue.append(AudioData(piece, RATE, label))
        self._next()

    def _next(self) -> None:
        if self._queue and not self._controller.busy:
            data = self._queue.popleft()
            self._controller.set_input(data, data.label, "microphone")

    def _on_busy_changed(self, busy: bool) -> None:
        if not busy:
            self._next()

    def _on_result(self, outcome: Any) -> None:
        label = getattr(outcome.decoded, "label", "")
        if label not in self._live_labels:
            return
        start = self._live_labels.pop(label)
        result = outcome.result
        text = getattr(result, "text", None)
        said = text if isinstance(text, str) else (result.summary() if hasattr(result, "summary") else "")
        self.live_list.show()
        nothing = translate("MicPanel", "(no words)")
        self.live_list.addItem(f"{clock(start)}   {said or nothing}")
        self.live_list.scrollToBottom()

    # --- state ----------------------------------------------------------------------------------
    def _record_toggled(self, on: bool) -> None:
        if on and self.listener is None:
            self.start()
        elif not on and self.listener is not None:
            self.stop()

    def _set_checked(self, on: bool) -> None:
        self.record_button.blockSignals(True)
        self.record_button.setChecked(on)
        self.record_button.blockSignals(False)

    def _idle(self) -> None:
        self.record_button.setText(translate("MicPanel", "● Record"))
        self.live_box.setEnabled(True)
        self.level.setValue(0)
        self.level.setFormat(translate("MicPanel", "quiet"))
        self.speech.setValue(0)

    def _failed(self, sentence: str) -> None:
        self.stop()
        self.status.setText(sentence)

    def hideEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        # Hidden (another model, the panel closed): the microphone is released and its light goes off;
        # what was recorded is handed over only if the model shown still takes sound.
        card = self._controller.card
        self.stop(hand_over=card is not None and card.modality == "audio")
        super().hideEvent(event)
