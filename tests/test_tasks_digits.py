"""The digit model: trained here to the accuracy its card promises, and right on digits drawn like a finger would."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from playground.core.built import build_facts
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


def drawn(digit: int, side: int = 280, ink: int = 255, paper: int = 0) -> np.ndarray:
    image = Image.new("L", (side, side), paper)
    draw = ImageDraw.Draw(image)
    for stroke in STROKES[digit]:
        draw.line([(x * side, y * side) for x, y in stroke], fill=ink, width=round(side * 0.085), joint="curve")
    return np.asarray(image.convert("RGB"))


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


@pytest.fixture(scope="module")
def run() -> Runs:
    return Runs()


@pytest.mark.models
def test_the_model_built_here_reached_the_accuracy_its_card_promises(require_model):
    facts = build_facts(require_model("digits"))
    assert facts["held_out"] == 1000 and facts["held_out_accuracy"] >= 0.97


@pytest.mark.models
def test_digits_drawn_with_a_finger_are_recognised(run):
    guesses = {digit: run("digits", drawn(digit)).result for digit in STROKES}
    right = [d for d, guess in guesses.items() if guess.digit == d]
    assert len(right) >= 9, {d: g.digit for d, g in guesses.items()}
    assert all(abs(float(g.probabilities.sum()) - 1.0) < 1e-5 and g.seen.shape == (28, 28) for g in guesses.values())
