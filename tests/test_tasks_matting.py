"""MODNet portrait matting: its sizing rule, and its mattes next to U²-Net-p's on the same photos."""

from __future__ import annotations

import numpy as np
import pytest

from playground.tasks.matting import matting_size
from tests.known import Runs


@pytest.mark.parametrize(("size", "expected"), [
    ((512, 512), (512, 512)),      # already at the reference size
    ((451, 300), (768, 512)),      # long side below 512: short side scaled up to 512
    ((1200, 800), (768, 512)),     # short side above 512: scaled down to 512
    ((640, 480), (640, 480)),      # in between: kept, floored to 32
    ((1, 1), (512, 512)),          # a speck is blown up to the reference
    ((20000, 300), (1024, 32)),    # a strip is capped at 1024 and keeps at least one row of 32
    ((300, 20000), (32, 1024)),
])
def test_matting_size_follows_modnet_then_caps_the_long_side(size, expected):
    assert matting_size(*size, reference=512, max_side=1024, multiple=32) == expected


@pytest.fixture(scope="module")
def run() -> Runs:
    return Runs()


@pytest.mark.models
@pytest.mark.parametrize(("sample", "fraction"), [("astronaut.png", 0.53), ("grace_hopper.jpg", 0.58)])
def test_modnet_mattes_the_person_like_the_cutout_model_does(run, sample, fraction):
    matte = run("modnet", sample).result
    cutout = run("u2netp", sample).result
    assert matte.alpha.shape == matte.image.shape[:2]
    assert matte.foreground_fraction == pytest.approx(fraction, abs=0.02)
    person, subject = matte.alpha > 0.5, cutout.alpha > 0.5
    assert (person & subject).sum() / (person | subject).sum() > 0.9  # both find the same person


@pytest.mark.models
def test_modnet_keeps_only_part_of_the_cat_because_it_looks_for_people(run):
    matte = run("modnet", "chelsea.png").result
    # The face is kept, but the edges of the ears and fur are lost: a soft, partial matte.
    soft = ((matte.alpha > 0.05) & (matte.alpha < 0.95)).mean()
    assert 0.5 < matte.foreground_fraction < 0.8 and soft > 0.01
    assert np.isfinite(matte.alpha).all()
