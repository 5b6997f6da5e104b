"""Screenshots of the real window rendered offscreen by render_shot: the result is drawn, bad requests are refused."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from playground import paths
from playground.core.errors import InputError, ModelMissingError
from playground.ui.shot import render_shot

SAMPLES = paths.samples_dir()


def colourful(pixels: np.ndarray) -> int:
    """Distinct colours in a region: a flat or blank area has a handful, a photo thousands."""
    return len(np.unique(pixels.reshape(-1, pixels.shape[-1]), axis=0))


@pytest.mark.models
def test_render_shot_saves_the_window_with_the_result_drawn(require_model, tmp_path, qapp):
    require_model("centerface")
    out = tmp_path / "shot.png"
    render_shot("centerface", SAMPLES / "astronaut.png", out, size=(1440, 900), runs=2)
    pixels = np.asarray(Image.open(out).convert("RGB"))
    assert pixels.shape == (900, 1440, 3)
    left, centre, right = pixels[:, :280], pixels[150:800, 300:950], pixels[:, 1000:]
    assert colourful(centre) > 5000, "the photo with its face box is not in the result area"
    assert colourful(left) > 20 and colourful(right) > 50, "the model list or the graphs are missing"
    # The face box is drawn in a saturated colour; the photo itself has little of that.
    assert (np.abs(centre.astype(int) - centre.mean(axis=-1, keepdims=True)).max(axis=-1) > 100).any()


def test_render_shot_refuses_bad_requests_with_a_sentence(tmp_path, qapp):
    with pytest.raises(InputError, match="There is no file called"):
        render_shot("centerface", tmp_path / "nothing.png", tmp_path / "out.png")
    with pytest.raises(ModelMissingError, match="no model called 'nope'"):
        render_shot("nope", SAMPLES / "astronaut.png", tmp_path / "out.png")
    with pytest.raises(InputError, match="does not exist"):
        render_shot("centerface", SAMPLES / "astronaut.png", tmp_path / "missing" / "out.png")
