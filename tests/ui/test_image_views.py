"""Zoom and pan on every picture, the upscaler's before/after view and the OCR view."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from playground.core.results import TextLine, TextLines, Upscaled
from playground.ui.views import create_view
from playground.ui.widgets.canvas import ImageCanvas
from playground.ui.widgets.images import qimage_from_rgb
from tests.ui.test_views import pixels as grab
from tests.ui.test_views import press, shown


def quadrants(w: int = 400, h: int = 300) -> np.ndarray:
    """Red top-left, green top-right, blue bottom-left, white bottom-right."""
    image = np.zeros((h, w, 3), np.uint8)
    image[: h // 2, : w // 2] = (255, 0, 0)
    image[: h // 2, w // 2:] = (0, 255, 0)
    image[h // 2:, : w // 2] = (0, 0, 255)
    image[h // 2:, w // 2:] = (255, 255, 255)
    return image


# --- zoom and pan -----------------------------------------------------------------------------------
def test_scrolling_zooms_around_the_pointer_and_double_click_fits_again(qtbot):
    canvas = shown(qtbot, ImageCanvas(), 600, 450)
    canvas.set_image(qimage_from_rgb(quadrants()))
    fitted = canvas.image_rect()
    anchor = QPointF(fitted.left() + fitted.width() * 0.25, fitted.top() + fitted.height() * 0.25)
    canvas.zoom_by(4.0, anchor)
    zoomed = canvas.image_rect()
    assert zoomed.width() == pytest.approx(fitted.width() * 4) and canvas.zoom == pytest.approx(4.0)
    # The picture point under the pointer stayed under it: the middle of the red quarter fills the view.
    assert (anchor.x() - zoomed.left()) / zoomed.width() == pytest.approx(0.25, abs=0.01)
    rgb = grab(canvas)
    assert (np.abs(rgb[rgb.shape[0] // 2, rgb.shape[1] // 2] - (255, 0, 0)) < 30).all()
    QTest.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(300, 200))
    assert canvas.zoom == 1.0 and canvas.image_rect() == fitted


def test_dragging_pans_but_never_loses_the_picture_off_screen(qtbot):
    canvas = shown(qtbot, ImageCanvas(), 600, 450)
    canvas.set_image(qimage_from_rgb(quadrants()))
    canvas.zoom_by(3.0)
    canvas.pan_by(10_000, 10_000)  # a wild drag towards the bottom right
    rect = canvas.image_rect()
    assert rect.left() <= 6 and rect.top() <= 6  # the picture's corner stops at the view's corner
    assert rect.right() >= canvas.width() - 6 and rect.bottom() >= canvas.height() - 6
    rgb = grab(canvas)
    assert (np.abs(rgb[20, 20] - (255, 0, 0)) < 30).all()  # the top-left quarter is what we see


def test_keys_zoom_and_the_zoom_is_said_on_screen(qtbot):
    canvas = shown(qtbot, ImageCanvas(), 600, 450)
    canvas.set_image(qimage_from_rgb(quadrants()))
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_Plus)
    QTest.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.zoom == pytest.approx(1.5625)
    QTest.keyClick(canvas, Qt.Key.Key_0)
    assert canvas.zoom == 1.0
    QTest.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.zoom == 1.0  # "fit" is as far out as it goes


def test_a_focused_picture_shows_a_ring_where_the_keys_go(qtbot):
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    from playground.ui import theme

    window = QWidget()
    layout = QVBoxLayout(window)
    field, canvas = QLineEdit(window), ImageCanvas(window)
    layout.addWidget(field)
    layout.addWidget(canvas)
    shown(qtbot, window, 600, 500)
    canvas.set_image(qimage_from_rgb(quadrants()))
    ring = theme.colour("highlight")
    wanted = [ring.red(), ring.green(), ring.blue()]
    edge = lambda img: np.concatenate([img[1, 10:-10], img[-2, 10:-10], img[10:-10, 1], img[10:-10, -2]])  # noqa: E731
    field.setFocus()  # the keys go elsewhere: no ring
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    assert not (np.abs(edge(grab(canvas)) - wanted).max(axis=-1) <= 30).any()
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus, timeout=2000)
    assert (np.abs(edge(grab(canvas)) - wanted).max(axis=-1) <= 30).mean() > 0.95


def test_far_zoom_shows_real_pixels_and_paints_only_what_is_visible(qtbot):
    big = np.zeros((3000, 4000, 3), np.uint8)
    big[::2, ::2] = 255  # a one-pixel checker: only crisp pixels keep it black and white
    canvas = shown(qtbot, ImageCanvas(), 400, 300)
    canvas.set_image(qimage_from_rgb(big))
    canvas.zoom_by(32.0)
    rgb = grab(canvas)[40:-40, 40:-40]
    assert ((rgb < 40) | (rgb > 215)).mean() > 0.95  # no grey smear between the pixels


def test_a_new_picture_starts_whole_but_the_same_size_answer_keeps_the_zoom(qtbot):
    canvas = shown(qtbot, ImageCanvas(), 600, 450)
    canvas.set_image(qimage_from_rgb(quadrants()))
    canvas.zoom_by(2.0)
    canvas.set_image(qimage_from_rgb(quadrants()[::-1].copy()))  # the next repeat run's answer
    assert canvas.zoom == 2.0
    canvas.set_image(qimage_from_rgb(quadrants(200, 200)))
    assert canvas.zoom == 1.0


# --- upscaled ---------------------------------------------------------------------------------------
def upscaled() -> Upscaled:
    small = quadrants(40, 30)
    return Upscaled(image=small, result=np.repeat(np.repeat(small, 4, axis=0), 4, axis=1), scale=4, tiles=2)


def test_upscaled_view_says_the_sizes_and_saves_and_copies_the_big_picture(qtbot, tmp_path):
    view = shown(qtbot, create_view(Upscaled))
    view.show_result(upscaled(), None)
    assert view.headline.text() == "4× larger: 40 × 30 → 160 × 120 pixels"
    assert "2 overlapping tiles" in view.hint.text()
    assert view.save_to(str(tmp_path / "big"))
    from PIL import Image
    with Image.open(tmp_path / "big.png") as saved:
        assert saved.size == (160, 120)
    press(view, "Copy enlarged picture")
    assert QGuiApplication.clipboard().image().size().width() == 160


def test_upscaled_view_fills_in_while_tiles_are_done(qtbot):
    view = shown(qtbot, create_view(Upscaled))
    view.show_partial(upscaled())
    assert view.headline.text().startswith("Enlarging…")
    assert not view.wipe.canvas.image().isNull()


# --- text lines -------------------------------------------------------------------------------------
def page() -> TextLines:
    image = np.full((200, 400, 3), 255, np.uint8)
    return TextLines(image=image, lines=(
        TextLine(((20, 20), (300, 20), (300, 60), (20, 60)), "Offline OCR demo", 0.99),
        TextLine(((20, 100), (380, 110), (378, 150), (18, 140)), "a tilted line", 0.81, flipped=True)))


def test_text_view_lists_the_lines_and_copies_all_text_in_one_click(qtbot):
    view = shown(qtbot, create_view(TextLines))
    view.show_result(page(), None)
    assert view.headline.text() == "2 lines of text found"
    rows = [view.list.item(i).text() for i in range(view.list.count())]
    assert rows == ["Offline OCR demo\n99 % sure", "a tilted line\n81 % sure  (was upside down)"]
    view.copy_button.click()
    assert QGuiApplication.clipboard().text() == "Offline OCR demo\na tilted line"


def test_clicking_a_box_on_the_picture_picks_its_line(qtbot):
    view = shown(qtbot, create_view(TextLines))
    view.show_result(page(), None)
    QApplication.processEvents()
    point = view.canvas.map_to_widget(200, 128).toPoint()
    QTest.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=point)
    assert view.list.currentRow() == 1 and view.canvas.chosen == 1


def test_text_view_saves_the_text_and_the_picture_with_boxes(qtbot, tmp_path):
    view = shown(qtbot, create_view(TextLines))
    view.show_result(page(), None)
    assert view.save_text_to(str(tmp_path / "lines"))
    assert (tmp_path / "lines.txt").read_text(encoding="utf-8") == "Offline OCR demo\na tilted line\n"
    assert view.save_picture_to(str(tmp_path / "boxes.png"))
    from PIL import Image
    with Image.open(tmp_path / "boxes.png") as saved:
        rgb = np.asarray(saved.convert("RGB")).astype(int)
    assert saved.size == (400, 200)
    assert (np.abs(rgb[20, 150] - (255, 176, 0)) < 60).all()  # the amber box edge is on the saved picture


def test_a_picture_without_text_says_so_and_offers_nothing_to_copy(qtbot):
    view = shown(qtbot, create_view(TextLines))
    view.show_result(TextLines(image=np.zeros((50, 50, 3), np.uint8), lines=()), None)
    assert view.headline.text() == "No text found"
    assert "found no printed text" in view.empty.text()
    assert not view.copy_button.isEnabled()


# --- labels of a picture ------------------------------------------------------------------------------
def test_a_pictures_labels_sit_with_the_picture_and_save_as_text(qtbot, tmp_path):
    from playground.core.media import ImageData
    from playground.core.results import Label, Labels

    view = shown(qtbot, create_view(Labels))
    labels = Labels((Label("espresso", 0.96), Label("cup", 0.01)))
    view.show_result(labels, ImageData(pixels=quadrants(), label="coffee.png"))
    assert view.picture.isVisible() and view.picture.image().width() == 400
    assert view.save_to(str(tmp_path / "coffee-labels"))
    assert (tmp_path / "coffee-labels.txt").read_text(encoding="utf-8") == (
        "Most likely: espresso — 96 %\n1. espresso 0.960\n2. cup 0.010\n")  # the verdict, then the ranking
    view.show_result(labels, None)  # text has no picture to show
    assert not view.picture.isVisible()


# --- digits -----------------------------------------------------------------------------------------
def test_digit_view_names_the_digit_and_keeps_the_bars_in_digit_order(qtbot):
    from playground.core.results import DigitGuess

    view = shown(qtbot, create_view(DigitGuess))
    probabilities = np.full(10, 0.01, np.float32)
    probabilities[7], probabilities[1] = 0.82, 0.09
    seen = np.zeros((28, 28), np.float32)
    seen[4:24, 13:16] = 1.0
    view.show_result(DigitGuess(probabilities, seen), None)
    assert view.headline.text() == "7   (82 % sure)"
    said = view.bars.accessibleDescription()
    assert said.startswith("0: 1.0 %, 1: 9.0 %") and said.endswith("best 7")
    rgb = grab(view.bars)
    slot = rgb.shape[1] / 10

    def filled(digit: int, colour: tuple[int, int, int]) -> int:
        return int((np.abs(rgb[:, int(slot * (digit + 0.5))] - colour) < 30).all(axis=1).sum())

    assert filled(7, (0, 94, 162)) > 4 * filled(1, (86, 150, 210)) > 0  # the 7's bar is tall, the 1's short
    shown_seen = view.seen.pixmap().toImage()
    assert shown_seen.width() == 28 and shown_seen.pixelColor(14, 14).red() == 255
    unsure = np.full(10, 0.05, np.float32)
    unsure[3], unsure[8] = 0.35, 0.25
    view.show_result(DigitGuess(unsure, seen), None)
    assert view.headline.text() == "3 — a wild guess   (35 % sure)"


def test_digit_view_saves_the_drawing_the_guess_was_made_on(qtbot, tmp_path):
    from playground.core.media import ImageData
    from playground.core.results import DigitGuess

    view = shown(qtbot, create_view(DigitGuess))
    drawing = np.zeros((280, 280, 3), np.uint8)
    drawing[50:230, 130:150] = 255
    probabilities = np.full(10, 0.01, np.float32)
    probabilities[1] = 0.91
    view.show_result(DigitGuess(probabilities, np.zeros((28, 28), np.float32)), ImageData(drawing, "your drawing"))
    assert view.save_to(str(tmp_path / "one.png"))
    from PIL import Image
    with Image.open(tmp_path / "one.png") as saved:
        assert saved.size == (280, 280) and saved.convert("L").getpixel((140, 140)) == 255


def test_the_input_line_says_the_size_of_the_persons_photo_even_when_it_was_decoded_reduced(tmp_path):
    from PIL import Image

    from playground import paths
    from playground.core import media
    from playground.core.catalog import load_catalog
    from playground.ui.panels.input_panel import describe

    with Image.open(paths.samples_dir() / "rocket.jpg") as image:
        image.convert("RGB").resize((2592, 1750)).save(tmp_path / "big.jpg", quality=90)
    decoded = media.decode("image", tmp_path / "big.jpg", load_catalog().get("efficientnet-lite0"))
    assert decoded.pixels.shape[:2] == (438, 648)  # read at a quarter of the size: the classifier needs no more
    assert describe(decoded) == "big.jpg: 2592 × 1750 pixels"
