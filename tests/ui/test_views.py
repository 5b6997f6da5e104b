"""Result views on their own: what each shows for a realistic result, and what saving writes or says."""

from __future__ import annotations

import dataclasses
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from playground.core.results import RESULT_TYPES, Certainty, Cutout, Detection, Detections, Label, Labels, Part, SpeechSegments
from playground.core.results.certainty import CLOSE, PROBABLY, SURE
from playground.ui.views import VIEWS, create_view
from playground.ui.views.detections import BOX_COLOUR, LANDMARK_COLOURS
from playground.ui.views.labels import BEST, OTHER, bar_colour, percent_text
from playground.ui.views.speech import SPEECH, THRESHOLD
from playground.ui.widgets import audio
from playground.ui.widgets.images import rgba_from_qimage
from tests.ui.fake_sound import FakeSoundDevice

SKY = (40, 90, 160)
SUBJECT = (230, 60, 40)


def pixels(widget) -> np.ndarray:
    QApplication.processEvents()
    return rgba_from_qimage(widget.grab().toImage())[..., :3].astype(int)


def near(rgb: np.ndarray, colour: QColor | tuple[int, int, int], tol: int = 40) -> np.ndarray:
    c = (colour.red(), colour.green(), colour.blue()) if isinstance(colour, QColor) else colour
    return np.abs(rgb - np.array(c)).max(axis=-1) <= tol


def press(view, label: str) -> None:
    """Click the button under the result whose label starts with `label`, as a person would."""
    button, = (b for b in view.action_buttons() if b.text().startswith(label))
    button.click()


def shown(qtbot, view, w: int = 720, h: int = 540):
    qtbot.addWidget(view)
    view.resize(w, h)
    view.show()
    qtbot.waitExposed(view)
    return view


def texts(view) -> list[str]:
    QApplication.processEvents()  # rows added to a shown view appear on the next turn of the event loop
    return [label.text() for label in view.findChildren(QLabel) if label.isVisible()]


# --- registry --------------------------------------------------------------------------------------
def test_every_result_type_has_a_view_that_names_it(qtbot):
    assert set(VIEWS) == set(RESULT_TYPES)
    for result_type in RESULT_TYPES:
        view = create_view(result_type)
        qtbot.addWidget(view)
        assert view.result_type is result_type
        assert callable(view.show_result) and callable(view.clear)


def test_a_type_without_a_view_is_refused_by_name():
    with pytest.raises(LookupError, match="int"):
        create_view(int)


# --- labels ----------------------------------------------------------------------------------------
def magika_like() -> Labels:
    return Labels((Label("python", 0.874, "Python source"), Label("txt", 0.081, "Generic text document"),
                   Label("ruby", 0.032, "Ruby source"), Label("perl", 0.0004, "Perl source")))


def test_labels_rank_with_bars_whose_painted_widths_follow_the_scores(qtbot):
    view = shown(qtbot, create_view(Labels))
    view.show_result(magika_like(), None)
    assert view.headline.text() == "Most likely: Python source — 87 %"
    assert [percent_text(s) for s in (0.874, 0.081, 0.032, 0.0004)] == ["87 %", "8.1 %", "3.2 %", "<0.1 %"]
    for wanted in ("87 %", "8.1 %", "3.2 %", "<0.1 %"):
        assert wanted in texts(view)
    widths = []
    for bar in view.bars:
        img = pixels(bar)
        row = img[img.shape[0] // 2]
        filled = near(row, bar_colour(bar.colour), 12)
        widths.append(int(filled.sum()))
        assert abs(widths[-1] - bar.width() * bar.score) <= 4  # the fill is the score's share of the track
    assert widths[0] > widths[1] > widths[2] > 0
    assert view.bars[0].colour == BEST and view.bars[1].colour == OTHER
    assert not view.note.isVisible()


def test_labels_show_the_note_and_replace_old_rows(qtbot):
    view = shown(qtbot, create_view(Labels))
    view.show_result(magika_like(), None)
    note = "Not sure enough to name a type, so this is treated as plain text."
    view.show_result(Labels((Label("txt", 0.41, "Generic text document"),), note=note), None)
    assert view.note.isVisible() and view.note.text() == note
    assert len(view.bars) == 1
    QApplication.processEvents()
    assert "Python source" not in " ".join(texts(view))


def test_labels_copy_puts_the_ranked_list_on_the_clipboard(qtbot):
    view = shown(qtbot, create_view(Labels))
    view.show_result(magika_like(), None)
    copy = next(b for b in view.findChildren(QPushButton) if b.text() == "Copy as text")
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    # The verdict first, as the view's headline says it, then the ranked list.
    assert QApplication.clipboard().text().startswith("Most likely: Python source — 87 %\n1. python 0.874")
    assert view.message.text() == "Copied the list."


# --- detections ------------------------------------------------------------------------------------
def test_labels_show_the_verdict_and_each_sentence_as_plain_text_with_the_ranking_kept_short(qtbot):
    view = shown(qtbot, create_view(Labels))
    verdict = Certainty(CLOSE, "Mixed: its 2 sentences are 1 negative, 1 positive.")
    parts = (Part("<b>Awful</b> &amp; slow.", Label("negative", 0.91), SURE),
             Part("Lovely staff!", Label("positive", 0.55), PROBABLY))
    view.show_result(Labels((Label("neutral", 0.5), Label("negative", 0.3)), certainty=verdict, parts=parts,
                            parts_title="Sentence by sentence"), None)
    assert view.headline.text() == verdict.headline
    table = view.parts
    assert table.isVisible() and table.rowCount() == 2
    cells = [[table.item(r, c).text() for c in range(3)] for r in range(2)]
    assert cells == [["negative", "91 %", "<b>Awful</b> &amp; slow."], ["positive", "55 %, probably", "Lovely staff!"]]
    assert table.horizontalHeaderItem(2).text() == "Sentence by sentence"
    assert view._scroll.maximumHeight() < 200  # three ranked rows take their own height, the sentences the rest
    view.show_result(magika_like(), None)  # a result without pieces hides the table again
    assert not table.isVisible() and table.rowCount() == 0 and view._scroll.maximumHeight() > 10_000


def two_faces() -> Detections:
    image = np.zeros((300, 400, 3), np.uint8)
    image[:] = SKY
    big = Detection((60, 40, 220, 240), 0.93, ((110, 110), (170, 110), (140, 150), (115, 195), (165, 195)))
    small = Detection((280, 150, 350, 230), 0.61, ((300, 180), (330, 180), (315, 195), (303, 212), (327, 212)))
    return Detections(image, (big, small), "face")


def test_detections_draw_each_box_and_landmark_where_it_is_at_any_size(qtbot):
    view = shown(qtbot, create_view(Detections))
    result = two_faces()
    view.show_result(result, None)
    assert view.headline.text() == "2 faces found"
    for size in ((720, 540), (420, 360)):
        view.resize(*size)
        img = pixels(view.canvas)
        for det in result.items:
            edge = view.canvas.map_to_widget(det.box[0], (det.box[1] + det.box[3]) / 2)
            x, y = round(edge.x()), round(edge.y())
            assert near(img[y - 3:y + 4, x - 3:x + 4], BOX_COLOUR).any(), f"no box edge at {x},{y} for {size}"
            dot = view.canvas.map_to_widget(*det.landmarks[2])  # the nose
            x, y = round(dot.x()), round(dot.y())
            assert near(img[y - 1:y + 2, x - 1:x + 2], LANDMARK_COLOURS[2], 30).any()
        centre = view.canvas.map_to_widget(240, 100)  # sky between the faces
        assert near(img[round(centre.y()), round(centre.x())], SKY, 20)


def test_detections_with_no_faces_say_so_and_suggest_what_to_try(qtbot):
    view = shown(qtbot, create_view(Detections))
    image = np.full((120, 160, 3), 200, np.uint8)
    view.show_result(Detections(image, (), "face"), None)
    assert view.headline.text() == "No faces found"
    assert "Try a picture" in view.hint.text()
    assert not near(pixels(view.canvas), BOX_COLOUR).any()


def test_detections_save_a_full_size_annotated_png(qtbot, tmp_path):
    view = shown(qtbot, create_view(Detections))
    result = two_faces()
    view.show_result(result, None)
    assert view.save_to(str(tmp_path / "faces")) is True  # the .png is added
    saved = np.asarray(Image.open(tmp_path / "faces.png").convert("RGB")).astype(int)
    assert saved.shape == result.image.shape
    x1, y1, _, y2 = (round(v) for v in result.items[0].box)
    assert near(saved[(y1 + y2) // 2, x1 - 2:x1 + 3], BOX_COLOUR).any()
    assert near(saved[5, 390], SKY, 0)  # far from every box the photo is untouched
    assert view.message.text() == "Saved the picture to “faces.png”."


def test_saving_into_a_missing_folder_says_what_to_do(qtbot, tmp_path):
    view = shown(qtbot, create_view(Detections))
    view.show_result(two_faces(), None)
    assert view.save_to(str(tmp_path / "nowhere" / "faces.png")) is False
    assert view.message.isVisible()
    assert "does not exist; choose another folder." in view.message.text()
    assert not (tmp_path / "nowhere").exists()
    assert view.save_to(str(tmp_path)) is False  # a folder picked as the file name
    assert view.message.text() == f"“{tmp_path.name}” is a folder; type a file name to save the picture as."
    assert list(tmp_path.parent.glob(tmp_path.name + ".png")) == []


# --- cut-out ---------------------------------------------------------------------------------------
def disc_cutout() -> Cutout:
    h, w = 200, 300
    image = np.zeros((h, w, 3), np.uint8)
    image[:] = SKY
    yy, xx = np.mgrid[:h, :w]
    inside = (xx - 150) ** 2 + (yy - 100) ** 2 < 60 ** 2
    image[inside] = SUBJECT
    return Cutout(image, inside.astype(np.float32))


def test_cutout_wipes_between_the_photo_and_the_cutout_over_a_checkerboard(qtbot):
    view = shown(qtbot, create_view(Cutout))
    result = disc_cutout()
    view.show_result(result, None)
    assert view.headline.text() == f"The subject covers {result.foreground_fraction * 100:.0f} % of the picture"
    view.slider.setValue(500)
    img = pixels(view.canvas)
    left, right = view.canvas.map_to_widget(20, 100), view.canvas.map_to_widget(280, 100)
    assert near(img[round(left.y()), round(left.x())], SKY, 10)  # "Before": the original background
    patch = img[round(right.y()) - 12:round(right.y()) + 12, round(right.x()) - 12:round(right.x()) + 8]
    assert near(patch, (255, 255, 255), 8).any() and near(patch, (204, 204, 204), 8).any()  # "After": squares
    subject = view.canvas.map_to_widget(170, 100)
    assert near(img[round(subject.y()), round(subject.x())], SUBJECT, 10)  # the cut-out keeps the subject
    view.slider.setValue(1000)  # all "Before"
    img = pixels(view.canvas)
    assert near(img[round(right.y()), round(right.x())], SKY, 10)


def test_clicking_on_the_picture_moves_the_split_and_the_slider(qtbot):
    view = shown(qtbot, create_view(Cutout))
    view.show_result(disc_cutout(), None)
    target = view.canvas.image_rect()
    at = QPoint(round(target.left() + 0.25 * target.width()), round(target.center().y()))
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=at)
    assert view.canvas.wipe == pytest.approx(0.25, abs=0.01)
    assert view.slider.value() == pytest.approx(250, abs=10)
    # The slider lies under the picture, so its middle is under the picture's middle.
    picture_middle = view.canvas.mapTo(view, target.center().toPoint()).x()
    assert view.slider.mapTo(view, view.slider.rect().center()).x() == pytest.approx(picture_middle, abs=3)


def test_cutout_saves_a_png_with_a_transparent_background(qtbot, tmp_path):
    view = shown(qtbot, create_view(Cutout))
    view.show_result(disc_cutout(), None)
    assert view.save_to(str(tmp_path / "cut.png"))
    saved = Image.open(tmp_path / "cut.png")
    assert saved.mode == "RGBA" and saved.size == (300, 200)
    rgba = np.asarray(saved)
    assert rgba[100, 150, 3] == 255 and tuple(rgba[100, 150, :3]) == SUBJECT
    assert rgba[5, 5, 3] == 0


def test_saving_before_any_result_explains_instead_of_failing(qtbot, tmp_path):
    view = shown(qtbot, create_view(Cutout))
    assert view.save_to(str(tmp_path / "x.png")) is False
    assert view.message.text() == "There is no cut-out to save yet; run the model first."
    assert not any(button.isEnabled() for button in view.action_buttons() if button.text().startswith("Save"))


# --- speech ----------------------------------------------------------------------------------------
RATE = 16000
FRAME_S = 512 / RATE


def vad_like(segments=((1.54, 2.08), (2.21, 5.02), (7.27, 8.77), (8.87, 10.17))) -> SpeechSegments:
    t = np.arange(int(12.03 * RATE)) / RATE
    speech = np.zeros(len(t), bool)
    for start, end in ((1.5, 5.3), (7.3, 10.5)):
        speech |= (t >= start) & (t < end)
    samples = np.where(speech, 0.4 * np.sin(2 * np.pi * 200 * t), 0.0).astype(np.float32)
    frames = np.arange(int(np.ceil(len(t) / 512))) * FRAME_S
    probs = np.where(((frames > 1.5) & (frames < 5.3)) | ((frames > 7.3) & (frames < 10.5)), 0.97, 0.02)
    return SpeechSegments(samples, RATE, probs.astype(np.float32), FRAME_S, tuple(segments))


def plot_pixel(view, plot, x: float, y: float) -> QPoint:
    scene = plot.vb.mapViewToScene(QPointF(x, y))
    return view.plots.mapFromScene(scene)


def test_speech_view_shades_segments_lists_them_and_draws_the_threshold(qtbot):
    view = shown(qtbot, create_view(SpeechSegments), 900, 520)
    view.show_result(vad_like(), None)
    assert view.headline.text() == "4 speech segments: 6.2 s of speech in 12.0 s"
    rows = [view.segment_list.item(i).text() for i in range(view.segment_list.count())]
    assert rows[0].startswith("1.  1.54 – 2.08 s") and rows[3].startswith("4.  8.87 – 10.17 s")
    QApplication.processEvents()
    img = pixels(view.plots)
    shade = QColor(SPEECH.red(), SPEECH.green(), SPEECH.blue())
    inside, outside = plot_pixel(view, view.prob_plot, 3.5, 0.3), plot_pixel(view, view.prob_plot, 6.2, 0.3)
    assert not near(img[inside.y(), inside.x()], (255, 255, 255), 10)
    assert np.abs(img[inside.y(), inside.x()] - [shade.red(), shade.green(), shade.blue()]).sum() < \
        np.abs(img[outside.y(), outside.x()] - [shade.red(), shade.green(), shade.blue()]).sum()
    line = plot_pixel(view, view.prob_plot, 6.2, 0.5)
    assert near(img[line.y() - 2:line.y() + 3, line.x() - 6:line.x() + 6], THRESHOLD, 40).any()
    assert view.threshold_line.value() == pytest.approx(0.5)
    view.show_result(dataclasses.replace(vad_like(), threshold=0.7), None)
    assert view.threshold_line.value() == pytest.approx(0.7)


def test_speech_view_fills_in_while_running_then_enables_its_buttons(qtbot):
    view = shown(qtbot, create_view(SpeechSegments), 900, 520)
    full = vad_like()
    partial = SpeechSegments(full.samples, RATE, full.probabilities[:120], FRAME_S, full.segments[:1])
    view.show_partial(partial)
    assert view.headline.text().startswith("Listening… 3.8 of 12.0 s")
    assert view.segment_list.count() == 1
    assert not view.action_buttons()[1].isEnabled()
    xs, _ = view.prob_curve.getData()
    assert xs[-1] == pytest.approx(120 * FRAME_S)
    view.show_result(full, None)
    assert view.segment_list.count() == 4
    assert view.action_buttons()[1].isEnabled()


def test_speech_view_stopped_while_listening_says_where_it_stopped(qtbot):
    view = shown(qtbot, create_view(SpeechSegments), 900, 520)
    full = vad_like()
    view.show_partial(SpeechSegments(full.samples, RATE, full.probabilities[:120], FRAME_S, full.segments[:1]))
    view.show_stopped()
    assert view.headline.text() == f"Stopped after {120 * FRAME_S:.1f} of 12.0 s: 1 speech segment found by then"
    view.show_result(full, None)
    view.show_stopped()
    assert view.headline.text().startswith("4 speech segments")


def test_speech_view_with_no_speech_says_so(qtbot):
    view = shown(qtbot, create_view(SpeechSegments))
    view.show_result(vad_like(segments=()), None)
    assert view.headline.text() == "No speech found in 12.0 s"
    assert view.segment_list.item(0).text() == "No speech found"


@pytest.mark.parametrize("library, sentence", [(lambda: None, audio.NO_LIBRARY),
                                               (lambda: FakeSoundDevice(speaker=False), audio.NO_DEVICE)])
def test_play_is_disabled_with_the_reason_when_sound_cannot_play(qtbot, monkeypatch, library, sentence):
    monkeypatch.setattr(audio, "_library", library)
    view = shown(qtbot, create_view(SpeechSegments))
    view.show_result(vad_like(), None)
    assert not view.play_button.isEnabled()
    assert view.play_button.toolTip() == sentence
    view._play_clicked()  # a stray call (keyboard shortcut) must not crash either
    assert view.message.text() == sentence


def test_clear_empties_every_view(qtbot):
    results = {Labels: magika_like(), Detections: two_faces(), Cutout: disc_cutout(), SpeechSegments: vad_like()}
    for result_type, result in results.items():
        view = shown(qtbot, create_view(result_type))
        view.show_result(result, None)
        view.clear()
        assert view.headline.text() == ""
        assert not any(b.isEnabled() for b in view.action_buttons())
