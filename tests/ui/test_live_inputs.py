"""Live inputs: the drawing board, the newest-first feeder behind it and the camera, with and without one."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from playground.ui.live import LiveFeeder
from playground.ui.multimedia import NOT_INSTALLED
from playground.ui.panels.camera_panel import NO_CAMERA, CameraPanel
from playground.ui.widgets.draw_pad import DrawPad


class FakeController(QObject):
    """Busy or not, and the inputs it was given: all a live source needs to know of the controller."""

    busy_changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.busy = False
        self.given: list[tuple[object, str, str]] = []

    def set_input(self, source, label="", origin="file") -> None:
        self.given.append((source, label, origin))
        self.busy = True  # as the real one: a new input starts a run at once

    def finish(self) -> None:
        self.busy = False
        self.busy_changed.emit(False)


# --- the board ----------------------------------------------------------------------------------------
def test_a_stroke_becomes_white_ink_on_black_and_undo_takes_it_back(qtbot):
    pad = DrawPad()
    qtbot.addWidget(pad)
    pad.draw_stroke([(0.5, 0.2), (0.5, 0.8)])  # a "1"
    pixels = pad.render_pixels(280)
    assert pixels.shape == (280, 280, 3) and pixels.dtype == np.uint8
    column, row = pixels[:, 140, 0], pixels[140, :, 0]
    assert column[70:210].min() > 200 and column[:40].max() == 0  # ink from 20 % to 80 % of the height
    assert (row > 128).sum() == pytest.approx(280 * 0.085, abs=4)  # a finger-wide line
    pad.undo()
    assert pad.empty and pad.render_pixels(28).max() == 0


def test_drawing_with_the_mouse_reports_while_drawing_and_when_done(qtbot):
    pad = DrawPad()
    qtbot.addWidget(pad)
    pad.resize(300, 300)
    pad.show()
    qtbot.waitExposed(pad)
    news: list[bool] = []
    pad.changed.connect(news.append)
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(150, 60))
    QTest.mouseMove(pad, QPoint(150, 240))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(150, 240))
    assert news[0] is True and news[-1] is False
    assert len(pad.strokes) == 1 and pad.render_pixels()[:, 140:160].max() == 255


# --- newest first ---------------------------------------------------------------------------------------
def test_while_the_model_is_busy_only_the_newest_input_waits_and_the_rest_are_counted_as_dropped(qtbot):
    controller = FakeController()
    feeder = LiveFeeder(controller, "camera frame", "camera")
    feeder.start()
    for frame in range(5):
        feeder.offer(frame)
    assert [g[0] for g in controller.given] == [0]  # the first went at once; 1, 2, 3 were replaced by 4
    assert feeder.dropped == 3 and feeder.offered == 5
    controller.finish()
    assert [g[0] for g in controller.given] == [0, 4]
    assert controller.given[-1][1:] == ("camera frame", "camera")
    controller.finish()
    assert len(controller.given) == 2  # nothing left waiting: nothing more is run


def test_a_stopped_feeder_sends_nothing(qtbot):
    controller = FakeController()
    feeder = LiveFeeder(controller, "your drawing", "drawing")
    feeder.offer("ignored")
    feeder.start()
    controller.busy = True
    feeder.offer("waiting")
    feeder.stop()
    controller.finish()
    assert controller.given == []


# --- the camera ---------------------------------------------------------------------------------------
class _Part:
    """A camera, capture session or video sink that accepts every call and sends no frame: tests send them."""

    def __init__(self, *args) -> None:
        self.videoFrameChanged = self.errorOccurred = SimpleNamespace(connect=lambda slot: None)

    def __getattr__(self, name: str):
        return lambda *args: None


def fake_multimedia(cameras: list) -> SimpleNamespace:
    devices = SimpleNamespace(videoInputs=lambda: cameras, defaultVideoInput=lambda: cameras[0] if cameras else None)
    return SimpleNamespace(QMediaDevices=devices, QCamera=_Part, QMediaCaptureSession=_Part, QVideoSink=_Part)


@pytest.mark.parametrize(("module", "sentence"), [
    (lambda: None, NOT_INSTALLED.format(what="The camera")),
    (lambda: fake_multimedia([]), NO_CAMERA),
])
def test_without_a_camera_the_panel_says_why_and_offers_nothing_to_press(qtbot, module, sentence):
    panel = CameraPanel(FakeController(), module=module)
    qtbot.addWidget(panel)
    assert panel.problem == sentence
    assert not panel.open_camera()
    assert panel.status.text() == sentence
    assert not panel.snap_button.isEnabled() and not panel.live_box.isEnabled()


def frame(colour: tuple[int, int, int]) -> QImage:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(*colour))
    return image


def test_camera_frames_preview_and_live_mode_runs_on_the_newest_frame(qtbot):
    controller = FakeController()
    panel = CameraPanel(controller, module=lambda: fake_multimedia(["a camera"]))
    qtbot.addWidget(panel)
    panel.frame_arrived(frame((255, 0, 0)))
    assert panel.snap_button.isEnabled() and not panel.preview.image().isNull()
    panel.snap_button.click()
    (source, label, origin), = controller.given
    assert source.label == "camera frame"  # named for what it is, not "pasted image"
    assert source.pixels.shape == (48, 64, 3) and tuple(source.pixels[0, 0]) == (255, 0, 0)
    assert (label, origin) == ("camera frame", "camera")
    controller.finish()
    panel.live_box.setChecked(True)
    for colour in ((0, 255, 0), (0, 0, 255), (255, 255, 255)):
        panel.frame_arrived(frame(colour))
    controller.finish()
    assert [tuple(g[0].pixels[0, 0]) for g in controller.given[1:]] == [(0, 255, 0), (255, 255, 255)]
    assert panel.feeder.dropped == 1
    assert "1 frames skipped while it was busy" in panel.status.text()


def test_no_camera_is_said_on_the_button_of_an_image_model_and_the_button_is_absent_for_text(
        make_window, require_model):
    require_model("centerface")
    controller, window = make_window(model_id="centerface")
    button = window.input_panel.camera_button
    assert button.isVisible() and not button.isEnabled()  # this machine has no camera
    assert button.text() == "No camera" and button.toolTip() in (NO_CAMERA, NOT_INSTALLED.format(what="The camera"))
    require_model("magika")
    controller.select_model("magika")
    assert not button.isVisible()


def test_drawing_on_the_board_answers_while_drawing_and_each_stroke_lands_on_the_latency_graph(
        qtbot, make_window, require_model):
    require_model("digits")
    controller, window = make_window(model_id="digits")
    panel = window.input_panel.draw_panel
    assert panel.isVisible() and not window.input_panel.text_box.isVisible()
    assert window.input_panel.samples.count() == 0  # a board instead of sample files
    panel.pad.draw_stroke([(0.5, 0.15), (0.5, 0.85)])  # a "1"
    qtbot.waitUntil(lambda: controller.last_outcome is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not controller.busy, timeout=10_000)
    view = window.result_area.current_view
    assert view.headline.text().startswith("1")
    assert window.input_panel.current.text().startswith("Input: your drawing: 280 × 280 pixels")
    panel.pad.draw_stroke([(0.5, 0.15), (0.3, 0.3)])  # the flag of a "1"
    qtbot.waitUntil(lambda: len(controller.history.records) == 2 and not controller.busy, timeout=10_000)
    assert controller.history.records[-1].input_label == "your drawing"
    panel.clear_button.click()
    assert controller.input is None and not panel.undo_button.isEnabled()


def test_a_reopened_camera_wakes_its_buttons_with_the_first_new_frame_and_a_press_is_never_lost(qtbot):
    controller = FakeController()
    panel = CameraPanel(controller, module=lambda: fake_multimedia(["a camera"]))
    qtbot.addWidget(panel)
    panel.frame_arrived(frame((255, 0, 0)))
    panel.close_camera()
    assert not panel.snap_button.isEnabled()
    assert panel.open_camera()  # the camera starts again: the buttons wait for its first frame
    assert not panel.snap_button.isEnabled()
    panel.frame_arrived(frame((0, 255, 0)))
    assert panel.snap_button.isEnabled()
    controller.busy = True  # a run still going: the press goes through anyway (the controller stops the old run)
    panel.snap_button.click()
    assert tuple(controller.given[-1][0].pixels[0, 0]) == (0, 255, 0)
