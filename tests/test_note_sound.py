"""Notes played back as tones: the keys' pitches, in their places, without clicks, never too loud."""

from __future__ import annotations

import numpy as np
import pytest

from playground.core.results import Note
from playground.tasks.note_sound import PEAK, key_hz, synthesize

RATE = 22050


def test_keys_are_equal_tempered_from_a4():
    assert [round(key_hz(m), 2) for m in (60, 69, 72, 21)] == [261.63, 440.0, 523.25, 27.5]


def test_each_note_sounds_at_its_key_only_while_it_lasts():
    clip = synthesize([Note(0.5, 1.5, 69, 0.8, 448.0), Note(2.0, 2.5, 76, 0.4)], 3.0, RATE)
    assert len(clip) == 3 * RATE and clip.dtype == np.float32
    assert not clip[:int(0.5 * RATE)].any() and not clip[int(1.5 * RATE) + 1:int(2.0 * RATE)].any()
    held = clip[int(0.7 * RATE):int(0.7 * RATE) + 8192]
    spectrum = np.abs(np.fft.rfft(held * np.hanning(len(held))))
    assert np.fft.rfftfreq(len(held), 1 / RATE)[spectrum.argmax()] == pytest.approx(440, abs=3)  # the key, not 448


def test_notes_fade_in_and_out_so_they_do_not_click_and_the_clip_peaks_at_the_set_level():
    clip = synthesize([Note(0.0, 1.0, 60, 1.0), Note(0.0, 1.0, 64, 1.0), Note(0.0, 1.0, 67, 1.0)], 1.0, RATE)
    assert np.abs(clip).max() == pytest.approx(PEAK, rel=1e-4)
    assert abs(clip[0]) < 1e-6 and abs(clip[-1]) < 1e-6
    assert np.abs(np.diff(clip[:100])).max() < 0.05 and np.abs(np.diff(clip[-100:])).max() < 0.05


def test_no_notes_is_silence_of_the_recordings_length():
    assert not synthesize([], 2.0, RATE).any() and len(synthesize([], 2.0, RATE)) == 2 * RATE
