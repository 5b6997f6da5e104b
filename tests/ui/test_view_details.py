"""Result view details people notice: all-or-nothing saving, no needless redraws, no device polling."""

from __future__ import annotations

import os
from types import SimpleNamespace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PIL import Image
from PySide6.QtCore import QIODevice
from PySide6.QtGui import QImage

from playground.core.results import Cutout, Detection, Detections, SpeechSegments
from playground.ui.views import create_view
from playground.ui.views.base import write_png
from playground.ui.views.detections import BOX_COLOUR
from playground.ui.widgets import audio
from tests.ui.test_views import SKY, disc_cutout, near, pixels, shown, two_faces, vad_like


class _FailsHalfway:
    """Writes the start of a file, then fails, as a full disk or a pulled USB stick does."""

    def save(self, device: QIODevice, _fmt: str) -> bool:
        device.write(b"\x89PNG half of a picture")
        return False


def test_a_failed_save_leaves_the_old_file_whole_and_no_half_written_one(tmp_path):
    target = tmp_path / "holiday-faces.png"
    target.write_bytes(b"the picture saved yesterday")
    assert write_png(_FailsHalfway(), target) is False
    assert target.read_bytes() == b"the picture saved yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["holiday-faces.png"]
    image = QImage(8, 6, QImage.Format.Format_ARGB32)
    image.fill(0x80FF0000)
    assert write_png(image, target) is True
    with Image.open(target) as saved:
        assert saved.size == (8, 6) and saved.mode == "RGBA"


def test_the_same_photo_again_keeps_its_scaled_copy_but_new_boxes_are_drawn(qtbot):
    view = shown(qtbot, create_view(Detections))
    first = two_faces()
    view.show_result(first, None)
    pixels(view.canvas)
    key = view.canvas.image().cacheKey()
    moved = Detection((200, 60, 300, 160), 0.8, ((230, 100), (270, 100), (250, 120), (235, 140), (265, 140)))
    view.show_result(Detections(first.image.copy(), (moved,), "face"), None)  # a repeat run decodes afresh
    assert view.canvas.image().cacheKey() == key
    img = pixels(view.canvas)
    edge = view.canvas.map_to_widget(200, 110)  # the new box's left edge
    assert near(img[round(edge.y()), round(edge.x()) - 1:round(edge.x()) + 2], BOX_COLOUR, 60).any()
    old_edge = view.canvas.map_to_widget(60, 140)  # where the first result's big box was
    assert near(img[round(old_edge.y()), round(old_edge.x())], SKY, 30)
    other = first.image.copy()
    other[:10] = 0
    view.show_result(Detections(other, (moved,), "face"), None)
    assert view.canvas.image().cacheKey() != key  # another picture is shown, not the old one


def test_a_new_threshold_on_the_same_photo_updates_the_cut_out(qtbot):
    view = shown(qtbot, create_view(Cutout))
    first = disc_cutout()
    view.show_result(first, None)
    view.canvas.set_wipe(0.0)  # all "after"
    centre = view.canvas.map_to_widget(150, 100)
    assert not near(pixels(view.canvas)[round(centre.y()), round(centre.x())], (255, 255, 255), 30)
    view.show_result(Cutout(first.image.copy(), np.zeros_like(first.alpha)), None)  # nothing kept now
    cell = pixels(view.canvas)[round(centre.y()) - 12:round(centre.y()) + 12, round(centre.x()) - 12:round(centre.x()) + 12]
    assert near(cell, (255, 255, 255), 10).any() and near(cell, (204, 204, 204), 10).any()  # checkerboard


def test_speakers_are_looked_for_once_in_a_while_not_on_every_result(qtbot, monkeypatch):
    asked: list[int] = []
    now = [100.0]
    monkeypatch.setattr(audio, "playback_problem", lambda: asked.append(1) or audio.NO_DEVICE)
    monkeypatch.setattr(audio, "time", SimpleNamespace(monotonic=lambda: now[0]))
    view = shown(qtbot, create_view(SpeechSegments))
    result = vad_like()
    for _ in range(30):  # repeat mode: a result every few tens of milliseconds
        view.show_result(result, None)
    assert len(asked) == 1
    now[0] += audio.PROBLEM_TTL_S + 0.1  # headphones plugged in since are noticed soon after
    view.show_result(result, None)
    assert len(asked) == 2
    assert view.play_note.isVisible() and view.play_note.text() == audio.NO_DEVICE
    view._play_clicked()  # pressing Play asks afresh, whatever the last answer's age
    assert len(asked) == 3


def test_a_repeat_run_with_the_same_cut_out_builds_no_new_picture(qtbot, monkeypatch):
    view = shown(qtbot, create_view(Cutout))
    view.show_result(disc_cutout(), None)
    built: list[int] = []
    full_size = Cutout.rgba
    monkeypatch.setattr(Cutout, "rgba", lambda self: built.append(1) or full_size(self))
    again = disc_cutout()  # a repeat run decodes the photo afresh: equal pixels, new arrays
    view.show_result(again, None)
    assert built == []
    assert view.headline.text() == "The subject covers 19 % of the picture"
    assert view.canvas.accessibleDescription() == again.summary() == "foreground 19% of 300×200 pixels"
    view.show_result(Cutout(again.image, np.zeros_like(again.alpha)), None)
    assert built == [1] and view.headline.text() == "The subject covers 0 % of the picture"
