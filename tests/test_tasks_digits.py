"""The digit model: trained here to the accuracy its card promises, and right on digits drawn like a finger would."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from playground.core.built import measured_at_build
from playground.core.errors import InputError
from playground.tasks.digits import EMPTY_CANVAS, to_mnist
from tests.known import Runs

# One finger-drawn path per digit, in board fractions (0..1), as a child might draw them.
STROKES = {
    0: [[(0.5, 0.15), (0.3, 0.3), (0.27, 0.6), (0.4, 0.85), (0.6, 0.85), (0.72, 0.6), (0.7, 0.3), (0.5, 0.15)]],
    1: [[(0.4, 0.25), (0.52, 0.15), (0.52, 0.85)]],
    2: [[(0.3, 0.3), (0.45, 0.15), (0.65, 0.2), (0.68, 0.38), (0.3, 0.85), (0.72, 0.85)]],
    3: [[(0.3, 0.2), (0.6, 0.15), (0.68, 0.32), (0.45, 0.48), (0.7, 0.62), (0.62, 0.83), (0.3, 0.82)]],
    4: [[(0.6, 0.85), (0.6, 0.15), (0.25, 0.62), (0.75, 0.62)]],
    5: [[(0.7, 0.15), (0.35, 0.15), (0.32, 0.45), (0.6, 0.45), (0.7, 0.65), (0.58, 0.85), (0.3, 0.82)]],
    6: [[(0.65, 0.15), (0.4, 0.35), (0.3, 0.65), (0.45, 0.85), (0.65, 0.75), (0.62, 0.55), (0.35, 0.58)]],
    7: [[(0.28, 0.18), (0.72, 0.18), (0.45, 0.85)]],
    8: [[(0.62, 0.25), (0.5, 0.15), (0.35, 0.25), (0.62, 0.62), (0.5, 0.85), (0.35, 0.7), (0.62, 0.3), (0.62, 0.25)]],
    9: [[(0.65, 0.35), (0.5, 0.18), (0.33, 0.32), (0.45, 0.48), (0.65, 0.38), (0.62, 0.85)]],
}


FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def drawn(digit: int, side: int = 280, ink: int = 255, paper: int = 0, width: float = 0.085,
          angle: float = 0.0) -> np.ndarray:
    """The digit's path drawn with a round pen `width` (board fraction) thick, turned `angle` degrees."""
    image = Image.new("L", (side, side), paper)
    draw = ImageDraw.Draw(image)
    pen = max(1, round(side * width))
    for stroke in STROKES[digit]:
        points = [(x * side, y * side) for x, y in stroke]
        draw.line(points, fill=ink, width=pen, joint="curve")
        for x, y in (points[0], points[-1]):  # round ends, as a finger leaves them
            draw.ellipse([x - pen / 2, y - pen / 2, x + pen / 2, y + pen / 2], fill=ink)
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=paper)
    return np.asarray(image.convert("RGB"))


def typed(digit: int, angle: float = 0.0) -> np.ndarray:
    """The digit in DejaVu Sans at 160 pt, dark on white: a typeface, not handwriting."""
    image = Image.new("L", (220, 220), 255)
    ImageDraw.Draw(image).text((110, 110), str(digit), font=ImageFont.truetype(str(FONT), 160), fill=0, anchor="mm")
    return np.asarray(image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255).convert("RGB"))


def test_an_empty_board_asks_for_a_digit():
    with pytest.raises(InputError, match=f"^{EMPTY_CANVAS}$"):
        to_mnist(np.zeros((280, 280, 3), np.uint8))


def test_dark_ink_on_paper_becomes_white_ink_on_black_centred_like_mnist():
    on_board = to_mnist(drawn(7))
    on_paper = to_mnist(drawn(7, ink=20, paper=235))
    assert on_board.shape == (28, 28) and on_board.max() == pytest.approx(1.0)
    assert np.abs(on_board - on_paper).max() < 0.05  # a photo of a drawing reads like the drawing
    ys, xs = np.indices(on_board.shape)
    centre = (float((ys * on_board).sum() / on_board.sum()), float((xs * on_board).sum() / on_board.sum()))
    assert centre == pytest.approx((13.5, 13.5), abs=0.6)
    rows, cols = np.nonzero(on_board > 0.1)
    assert max(np.ptp(rows), np.ptp(cols)) <= 21  # fitted into MNIST's 20-pixel box


def test_paper_grain_alone_counts_as_an_empty_board():
    grain = np.random.default_rng(0).integers(228, 256, (200, 200, 3)).astype(np.uint8)
    with pytest.raises(InputError, match=f"^{EMPTY_CANVAS}$"):
        to_mnist(grain)


def test_a_faint_pencil_is_stretched_to_full_strength_ink():
    faint = to_mnist(drawn(3, ink=190, paper=235))
    strong = to_mnist(drawn(3, ink=0, paper=255))
    assert faint.max() == pytest.approx(1.0) and np.abs(faint - strong).max() < 0.05


def test_a_long_flat_stroke_keeps_its_shape_inside_the_box():
    board = np.full((120, 300, 3), 255, np.uint8)
    board[58:62, 20:280] = 0  # a dash: 260 × 4 pixels
    seen = to_mnist(board)
    rows, cols = np.nonzero(seen > 0.1)
    assert np.ptp(cols) + 1 == 20 and np.ptp(rows) + 1 <= 2 and abs(rows.mean() - 13.5) <= 1


@pytest.fixture(scope="module")
def run() -> Runs:
    return Runs()


@pytest.mark.models
def test_the_model_built_here_reached_the_accuracy_its_card_promises(require_model):
    facts = measured_at_build(require_model("digits"))
    assert facts["held_out"] == 1000 and facts["held_out_accuracy"] >= 0.97


@pytest.mark.models
def test_digits_drawn_with_a_finger_are_recognised(run):
    guesses = {digit: run("digits", drawn(digit)).result for digit in STROKES}
    right = [d for d, guess in guesses.items() if guess.digit == d]
    assert len(right) >= 9, {d: g.digit for d, g in guesses.items()}
    assert all(abs(float(g.probabilities.sum()) - 1.0) < 1e-5 and g.seen.shape == (28, 28) for g in guesses.values())


@pytest.mark.models
@pytest.mark.parametrize(("width", "angle"), [(0.03, 0.0), (0.15, 0.0), (0.085, -10.0), (0.085, 10.0)],
                         ids=["thin pen", "thick finger", "turned left", "turned right"])
def test_thin_thick_and_slanted_drawings_are_recognised(run, width: float, angle: float):
    """Measured here: 9/10 with the thin pen (its 6 reads as 5), 10/10 for the others; a model trained on
    another CPU has slightly different weights, hence the margin."""
    guesses = {digit: run("digits", drawn(digit, width=width, angle=angle)).result.digit for digit in STROKES}
    assert sum(guess == digit for digit, guess in guesses.items()) >= 8, guesses


@pytest.mark.models
def test_typed_digits_mostly_read_although_a_typeface_is_not_handwriting(run):
    """MODELS.md §2.1.7 counts 7 of 10 for DejaVu Sans turned ±10°; its 1 (with a foot) and 6 are the hard ones."""
    if not FONT.is_file():
        pytest.skip(f"{FONT} is not installed (Debian package fonts-dejavu-core)")
    for angle in (-10.0, 0.0, 10.0):
        guesses = [run("digits", typed(digit, angle)).result.digit for digit in range(10)]
        assert sum(guess == digit for digit, guess in enumerate(guesses)) >= 7, (angle, guesses)
