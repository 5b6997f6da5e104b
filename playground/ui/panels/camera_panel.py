"""CameraPanel: a live camera preview for image models: run on one frame, or live on every frame it can."""

from __future__ import annotations

import time
from collections import deque
from typing import Any, Callable

import numpy as np
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from playground.core import readable
from playground.core.media.image import image_from_array
from playground.ui.controller import Controller
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.live import LiveFeeder, rate_of
from playground.ui.multimedia import multimedia, not_installed
from playground.ui.plain import PlainLabel
from playground.ui.widgets.canvas import ImageCanvas
from playground.ui.widgets.images import rgba_from_qimage

NO_CAMERA = QT_TRANSLATE_NOOP("CameraPanel", "No camera was found on this computer; plug one in, or open a photo instead.")
PREVIEW_INTERVAL_MS = 33  # the preview repaints at most 30 times a second, whatever the camera sends
STATS_INTERVAL_MS = 500


def camera_problem(mm: Any) -> str:
    """One sentence saying why there is no camera here, or ""."""
    if mm is None:
        return not_installed(translate("CameraPanel", "The camera"))
    return "" if mm.QMediaDevices.videoInputs() else translate("CameraPanel", NO_CAMERA)


def frame_pixels(image: QImage) -> np.ndarray:
    """A camera frame as H×W×3 uint8 RGB, a copy the worker thread may keep."""
    return np.ascontiguousarray(rgba_from_qimage(image)[..., :3])


class CameraPanel(QWidget):
    """Opens the first camera while shown and closes it when hidden, so the light goes off with it."""

    def __init__(self, controller: Controller, parent: QWidget | None = None,
                 module: Callable[[], Any] = multimedia) -> None:
        super().__init__(parent)
        self._controller = controller
        self._mm = module()
        self._camera: Any = None
        self._session: Any = None
        self._sink: Any = None
        self._latest = QImage()
        self.frames = 0
        self._waiting_for_frame = True  # the buttons wake up with the first frame after opening
        self._frame_times: deque[float] = deque(maxlen=256)
        self.feeder = LiveFeeder(controller, translate("CameraPanel", "camera frame"), "camera", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.preview = ImageCanvas(self, placeholder=translate("CameraPanel", "The camera picture appears here."))
        self.preview.setAccessibleName(translate("CameraPanel", "Camera preview"))
        self.preview.setMinimumSize(240, 180)
        layout.addWidget(self.preview, 1)
        row = QHBoxLayout()
        self.snap_button = QPushButton(translate("CameraPanel", "Run on this frame"), self)
        self.snap_button.setToolTip(translate("CameraPanel", "Give the model the picture the camera shows right now."))
        self.snap_button.clicked.connect(self.use_frame)
        self.live_box = QCheckBox(translate("CameraPanel", "Live: run on every frame it can"), self)
        self.live_box.setToolTip(translate("CameraPanel", "The model runs again as soon as it finishes, always on the "
                                                          "newest frame; frames that arrive while it is busy are "
                                                          "skipped and counted."))
        self.live_box.toggled.connect(self._live_toggled)
        row.addWidget(self.snap_button)
        row.addWidget(self.live_box)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = PlainLabel("", self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("CameraPanel", "Camera status"))
        layout.addWidget(self.status)
        self._paint_clock = QElapsedTimer()
        self._stats = QTimer(self, interval=STATS_INTERVAL_MS)
        self._stats.timeout.connect(self._show_stats)
        self.feeder.stats_changed.connect(self._maybe_show_stats)
        self._set_enabled(False)

    @property
    def problem(self) -> str:
        return camera_problem(self._mm)

    # --- opening and closing --------------------------------------------------------------------------
    def open_camera(self) -> bool:
        """Start the first camera; False (with the reason shown) when there is none."""
        problem = self.problem
        if problem:
            self.status.setText(problem)
            self._set_enabled(False)
            return False
        mm = self._mm
        if self._camera is None:
            self._camera = mm.QCamera(mm.QMediaDevices.defaultVideoInput(), self)
            self._session = mm.QMediaCaptureSession(self)
            self._sink = mm.QVideoSink(self)
            self._session.setCamera(self._camera)
            self._session.setVideoSink(self._sink)
            self._sink.videoFrameChanged.connect(self._on_video_frame)
            self._camera.errorOccurred.connect(self._on_camera_error)
        self._waiting_for_frame = True
        self._camera.start()
        self.status.setText(translate("CameraPanel", "Starting the camera…"))
        self._stats.start()
        return True

    def close_camera(self) -> None:
        self.live_box.setChecked(False)
        self._stats.stop()
        if self._camera is not None:
            self._camera.stop()
        self._set_enabled(False)

    def _on_camera_error(self, _error: Any, text: str) -> None:
        self.live_box.setChecked(False)
        self._set_enabled(False)
        why = text or translate("CameraPanel", "no reason given")
        self.status.setText(translate("CameraPanel", "The camera stopped working ({why}); unplug it and try again.")
                            .format(why=why))

    # --- frames -----------------------------------------------------------------------------------------
    def _on_video_frame(self, frame: Any) -> None:
        self.frame_arrived(frame.toImage())

    def frame_arrived(self, image: QImage) -> None:
        """A new camera frame (the real camera, or a test)."""
        if image.isNull():
            return
        self.frames += 1
        self._frame_times.append(time.monotonic())
        self._latest = image
        if self._waiting_for_frame:
            self._waiting_for_frame = False
            self._set_enabled(True)
        if not self._paint_clock.isValid() or self._paint_clock.elapsed() >= PREVIEW_INTERVAL_MS:
            self._paint_clock.restart()
            self.preview.set_image(image)
        if self.live_box.isChecked():
            self.feeder.offer(frame_pixels(image))

    def use_frame(self) -> None:
        """A deliberate press: this frame now, even if it means stopping a run still going."""
        if not self._latest.isNull():
            label = translate("CameraPanel", "camera frame")
            frame = image_from_array(frame_pixels(self._latest), label)
            self._controller.set_input(frame, label, "camera")

    def _live_toggled(self, on: bool) -> None:
        self.feeder.start() if on else self.feeder.stop()
        self._show_stats()

    def _set_enabled(self, enabled: bool) -> None:
        self.snap_button.setEnabled(enabled)
        self.live_box.setEnabled(enabled)

    # --- figures ----------------------------------------------------------------------------------------
    def _maybe_show_stats(self) -> None:
        if not self._stats.isActive():
            self._show_stats()

    def _show_stats(self) -> None:
        if self.problem and not self.frames:
            return
        camera = readable.fill(translate("CameraPanel", "Camera: {rate:.1f} frames/s"), rate=rate_of(self._frame_times))
        if not self.feeder.active:
            self.status.setText(translate("CameraPanel", "{camera}. Press “Run on this frame”, or tick Live.").format(
                camera=camera))
            return
        self.status.setText(readable.fill(
            translate("CameraPanel", "{camera} · the model answered {rate:.1f} times/s · {dropped} frames "
                                     "skipped while it was busy"),
            camera=camera, rate=self.feeder.run_rate(), dropped=self.feeder.dropped))

    def hideEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        self.close_camera()
        super().hideEvent(event)
