"""Choosing the next token: the repetition penalty's direction, top-p's nucleus, greedy and seeded sampling."""

from __future__ import annotations

import numpy as np
import pytest

from playground.tasks.sampling import choose, nucleus, penalise


def test_the_penalty_lowers_a_written_token_whatever_its_sign():
    logits = np.array([2.0, -2.0, 1.0, 0.5], np.float32)
    out = penalise(logits, [0, 1, 1], 2.0)
    assert out.tolist() == [1.0, -4.0, 1.0, 0.5]
    assert logits.tolist() == [2.0, -2.0, 1.0, 0.5]  # the model's own array is not changed
    assert penalise(logits, [], 2.0) is logits and penalise(logits, [0], 1.0) is logits


def test_the_nucleus_is_the_smallest_set_reaching_top_p():
    probs = np.array([0.05, 0.5, 0.3, 0.15])
    ids, p = nucleus(probs, 0.75)
    assert ids.tolist() == [1, 2] and p == pytest.approx([0.5 / 0.8, 0.3 / 0.8])
    ids, _ = nucleus(probs, 0.01)
    assert ids.tolist() == [1]  # never empty
    ids, _ = nucleus(probs, 1.0)
    assert sorted(ids.tolist()) == [0, 1, 2, 3]


def test_temperature_zero_is_the_likeliest_token_after_the_penalty():
    logits = np.array([3.0, 2.9, 0.0], np.float32)
    rng = np.random.default_rng(0)
    assert choose(logits, [], temperature=0.0, top_p=0.9, penalty=1.0, rng=rng) == 0
    assert choose(logits, [0], temperature=0.0, top_p=0.9, penalty=1.2, rng=rng) == 1


def test_sampling_follows_the_probabilities_and_repeats_for_a_seed():
    logits = np.log(np.array([0.6, 0.3, 0.1]))
    picks = [choose(logits, [], temperature=1.0, top_p=1.0, penalty=1.0, rng=np.random.default_rng(7))
             for _ in range(3)]
    assert len(set(picks)) == 1  # the same seed, the same choice
    rng = np.random.default_rng(0)
    counts = np.bincount([choose(logits, [], temperature=1.0, top_p=1.0, penalty=1.0, rng=rng)
                          for _ in range(3000)], minlength=3) / 3000
    assert counts == pytest.approx([0.6, 0.3, 0.1], abs=0.03)
    # A low temperature sharpens the choice; top-p 0.5 leaves only the likeliest.
    rng = np.random.default_rng(0)
    assert {choose(logits, [], temperature=1.0, top_p=0.5, penalty=1.0, rng=rng) for _ in range(50)} == {0}
    sharp = [choose(logits, [], temperature=0.2, top_p=1.0, penalty=1.0, rng=rng) for _ in range(500)]
    assert np.mean(np.asarray(sharp) == 0) > 0.95
