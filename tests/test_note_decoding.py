"""The ported basic-pitch decoder on hand-made activations: onsets, sustain, the melodia trick, pitch in Hz."""

from __future__ import annotations

import numpy as np
import pytest

from playground.tasks.note_decoding import (
    ENERGY_TOL,
    NoteEvent,
    _RowMaxima,
    contour_bin_hz,
    decode_notes,
    inferred_onsets,
    min_note_frames,
    note_contour_bins,
    time_peaks,
)

FRAMES, KEYS = 200, 88
A4 = 69 - 21  # activation column of MIDI 69


def empty() -> tuple[np.ndarray, np.ndarray]:
    return np.zeros((FRAMES, KEYS), np.float32), np.zeros((FRAMES, KEYS), np.float32)


def held(frames: np.ndarray, onsets: np.ndarray, key: int, start: int, end: int, level: float = 0.8,
         onset: float = 0.9) -> None:
    """A key sounding over [start, end) with a one-frame onset peak at its start (0 for none)."""
    frames[start:end, key] = level
    onsets[start, key] = onset


def decode(frames, onsets, **kw):
    args = dict(onset_thresh=0.5, frame_thresh=0.3, min_note_len=11)
    args.update(kw)
    return sorted(decode_notes(frames, onsets, **args), key=lambda e: (e.start, e.midi))


def test_the_default_shortest_note_is_11_frames_as_upstream_rounds_it():
    assert min_note_frames(127.7, 22050 / 256) == 11


def test_a_held_key_with_an_onset_is_one_note_from_onset_to_fade():
    frames, onsets = empty()
    held(frames, onsets, A4, 40, 90)
    (note,) = decode(frames, onsets)
    assert (note.start, note.end, note.midi) == (40, 90, 69)
    assert note.amplitude == pytest.approx(0.8)


def test_a_chord_gives_one_note_per_key():
    frames, onsets = empty()
    for key in (39, 43, 46):  # C4, E4, G4
        held(frames, onsets, key, 20, 80)
    assert [(n.start, n.end, n.midi) for n in decode(frames, onsets)] == [(20, 80, 60), (20, 80, 64), (20, 80, 67)]


def test_the_neighbouring_keys_smear_is_used_up_by_the_note_not_decoded_again():
    frames, onsets = empty()
    held(frames, onsets, A4, 40, 90)
    frames[40:90, A4 + 1] = 0.4  # the model often lights the semitone next door more faintly
    assert [n.midi for n in decode(frames, onsets)] == [69]
    frames[:, A4] = 0
    assert [n.midi for n in decode(frames, onsets)] == [70]  # alone, the same smear would be a note


def test_notes_no_longer_than_the_minimum_are_dropped():
    frames, onsets = empty()
    held(frames, onsets, A4, 40, 51)  # 11 frames
    held(frames, onsets, A4 + 12, 40, 52)  # 12 frames
    assert [n.midi for n in decode(frames, onsets, melodia_trick=False)] == [81]
    assert [n.midi for n in decode(frames, onsets, melodia_trick=False, min_note_len=5)] == [69, 81]


def test_a_dip_shorter_than_the_energy_tolerance_does_not_end_a_note_but_a_longer_one_does():
    frames, onsets = empty()
    held(frames, onsets, A4, 20, 100)
    frames[50:50 + ENERGY_TOL - 1, A4] = 0.1
    plain = dict(melodia_trick=False, infer_onsets=False)  # the sound's return would otherwise be a new onset
    (note,) = decode(frames, onsets, **plain)
    assert (note.start, note.end) == (20, 100)
    frames[50:50 + ENERGY_TOL, A4] = 0.1
    (note,) = decode(frames, onsets, **plain)
    assert (note.start, note.end) == (20, 50)


def test_a_key_struck_again_after_a_short_dip_is_a_new_note():
    frames, onsets = empty()
    held(frames, onsets, A4, 20, 100)
    frames[50:55, A4] = 0.1
    assert [(n.start, n.end) for n in decode(frames, onsets)] == [(20, 50), (55, 100)]


def test_sound_without_an_onset_is_found_by_the_melodia_trick_only():
    frames, onsets = empty()
    held(frames, onsets, A4, 30, 120, onset=0.0)
    frames[30:120, A4] = np.linspace(0.6, 0.8, 90)  # a slow swell: no frame jumps enough to infer an onset
    assert decode(frames, onsets, melodia_trick=False) == []
    (note,) = decode(frames, onsets)
    # Upstream's melodia end is the last frame above the threshold, where onset notes end one frame later.
    assert (note.start, note.end, note.midi) == (30, 119, 69)


def test_a_sudden_rise_of_the_frames_counts_as_an_onset():
    frames, onsets = empty()
    held(frames, onsets, A4, 30, 120, onset=0.0)
    onsets[5, 10] = 0.9  # elsewhere, so the predicted onsets have a maximum to rescale to
    inferred = inferred_onsets(onsets, frames)
    assert inferred[30, A4] == pytest.approx(0.9) and inferred[31, A4] == 0  # rescaled to the onsets' maximum
    notes = decode(frames, onsets, melodia_trick=False)
    assert [(n.start, n.end, n.midi) for n in notes] == [(30, 120, 69)]
    assert decode(frames, onsets, melodia_trick=False, infer_onsets=False) == []


def test_onsets_count_only_at_their_peak_in_time_and_never_on_the_first_or_last_frame():
    values = np.array([[0.9], [0.2], [0.6], [0.7], [0.7], [0.3], [0.8]])
    assert time_peaks(values)[:, 0].tolist() == [False, False, False, False, False, False, False]
    values[4, 0] = 0.65
    assert time_peaks(values)[:, 0].tolist() == [False, False, False, True, False, False, False]


def test_silence_and_empty_activations_give_no_notes():
    frames, onsets = empty()
    assert decode(frames, onsets) == []
    assert decode(frames[:0], onsets[:0]) == []


def test_the_row_maxima_find_the_same_cell_as_a_whole_matrix_argmax():
    rng = np.random.default_rng(0)
    energy = np.round(rng.random((300, 88)), 2)  # rounded, so equal values (ties) occur
    maxima = _RowMaxima(energy)
    for _ in range(200):
        row, col, top = maxima.peak()
        assert (row, col) == np.unravel_index(np.argmax(energy), energy.shape) and top == energy.max()
        lo, hi = max(0, row - 5), min(len(energy), row + 7)
        energy[lo:hi, max(0, col - 1):col + 2] = 0
        maxima.refresh(lo, hi - 1)


def contour_with_peak(bin_position: float, frames: int = 30) -> np.ndarray:
    """A contour whose salience is a bump around a fractional bin, as a steady tone gives."""
    bins = np.arange(264)
    bump = np.exp(-0.5 * ((bins - bin_position) / 0.8) ** 2)
    return np.tile(bump.astype(np.float32), (frames, 1))


def test_the_pitch_is_read_between_contour_bins_and_corrected_for_the_models_offset():
    a4_bin = 144  # 27.5 Hz · 2^(144/36) = 440 Hz
    note = NoteEvent(0, 30, 69, 0.8)
    peak, refined = note_contour_bins(contour_with_peak(a4_bin + 1 + 0.3), note, offset=1)
    assert set(peak.tolist()) == {a4_bin + 1}
    assert refined == pytest.approx(np.full(30, a4_bin + 1.3), abs=0.1)
    assert contour_bin_hz(a4_bin) == pytest.approx(440.0)
    assert contour_bin_hz(np.median(refined) - 1) == pytest.approx(440 * 2 ** (0.3 / 36), rel=0.002)


def test_a_neighbouring_notes_contour_does_not_steal_the_pitch():
    note = NoteEvent(0, 30, 69, 0.8)
    contour = contour_with_peak(145) * 0.6 + contour_with_peak(145 + 12)  # the fifth above is louder
    peak, _ = note_contour_bins(contour, note, offset=1)
    assert set(peak.tolist()) == {145}
