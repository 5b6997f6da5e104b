"""The device-or-cloud lesson: the last run's time here beside the same request sent to a service, whose
connection and server a person sets, and what each means for privacy."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from playground.lab import cloud, lesson_facts
from playground.ui.controller import Controller
from playground.ui.experiments import Experiments
from playground.ui.i18n import translate
from playground.ui.lessons.page import LessonPage
from playground.ui.lessons.time_bars import TimeBars
from playground.ui.settings import Settings


class CloudPage(LessonPage):
    topic = lesson_facts.CLOUD

    def __init__(self, controller: Controller, settings: Settings, experiments: Experiments,
                 parent: QWidget | None = None) -> None:
        super().__init__(controller, settings, experiments, parent)
        self.upload = self.knob("upload_mbps", translate("CloudPage", "Upload speed"), cloud.DEFAULT_UPLOAD_MBPS, 0.1,
                                10_000.0, " Mbit/s",
                                translate("CloudPage", "How fast this computer's connection sends (a speed test's "
                                                       "'upload')."), 1)
        self.download = self.knob("download_mbps", translate("CloudPage", "Download speed"),
                                  cloud.DEFAULT_DOWNLOAD_MBPS, 0.1, 10_000.0, " Mbit/s",
                                  translate("CloudPage", "How fast the answer comes back (a speed test's "
                                                         "'download')."), 1)
        self.round_trip = self.knob("round_trip_ms", translate("CloudPage", "Round trip"), cloud.DEFAULT_ROUND_TRIP_MS,
                                    0.0, 2000.0, " ms",
                                    translate("CloudPage", "Time for a message to reach the service and come back (a "
                                                           "speed test's 'ping'), connection set-up included."))
        self.queue = self.knob("queue_ms", translate("CloudPage", "Waiting in the queue"), cloud.DEFAULT_QUEUE_MS, 0.0,
                               10_000.0, " ms",
                               translate("CloudPage", "Time spent behind other people's requests on a busy service."))
        self.speedup = self.knob("server_speedup", translate("CloudPage", "Server speed"),
                                 cloud.DEFAULT_SERVER_SPEEDUP, 0.1, 1000.0, " ×",
                                 translate("CloudPage", "How many times faster than this computer the server does the "
                                                        "same work."), 1)
        self.bars = TimeBars(self)
        self.figure_slot.addWidget(self.bars)
        self._sizes: dict[str, tuple[Any, int]] = {}  # what was measured last, so a knob does not re-encode

    def setting(self) -> cloud.CloudSetting:
        return cloud.CloudSetting(self.upload.value(), self.download.value(), self.round_trip.value(),
                                  self.queue.value(), self.speedup.value())

    def _size(self, kind: str, thing: Any, measure: Any) -> int:
        """Bytes of the input or answer, measured once per object (a camera frame or a picture is encoded)."""
        kept = self._sizes.get(kind)
        if kept is None or kept[0] is not thing:
            kept = self._sizes[kind] = (thing, measure(thing))
        return kept[1]

    def estimate(self) -> cloud.CloudEstimate | None:
        c = self.controller
        outcome = c.last_outcome
        if outcome is None or c.input is None:
            return None
        sent = self._size("input", c.input.source, cloud.upload_bytes)
        back = self._size("answer", outcome.result, cloud.result_bytes)
        return cloud.estimate(sent, back, lesson_facts.device_ms(outcome.record), self.setting())

    def lesson_facts(self) -> dict[str, str]:
        c = self.controller
        record = c.last_outcome.record if c.last_outcome is not None else None
        return lesson_facts.cloud_facts(record, self.estimate(), self.setting(), c.card.modality if c.card else "")

    def update_figure(self) -> None:
        c = self.controller
        estimate, outcome = self.estimate(), c.last_outcome
        if estimate is None or outcome is None:  # an estimate needs an outcome: both or neither
            self.bars.set_rows(())
            return
        here = lesson_facts.device_ms(outcome.record)
        self.bars.set_rows(((translate("CloudPage", "This computer"), (("on this computer", here),)),
                            (translate("CloudPage", "A cloud service"), estimate.parts())))
