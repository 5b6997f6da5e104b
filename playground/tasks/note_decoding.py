"""Note events from basic-pitch activations: upstream's polyphonic decoder ported to numpy, and pitch in Hz.

The decoder is `basic_pitch.note_creation.output_to_notes_polyphonic` of basic-pitch 0.4.0 (Apache-2.0,
Copyright 2022 Spotify AB), with the defaults its `predict` uses: onsets inferred from the frames,
the "melodia trick", an energy tolerance of 11 frames. Upstream needs scipy only for `argrelmax`, which
is three comparisons here. Where this port differs on purpose it says so next to the line. Run beside
upstream's own function on the model's activations for the music samples, speech, noise, silence and
five minutes of chords, at four settings, it gave the same notes in the same order with the same
amplitudes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MIDI_OFFSET = 21  # activation column 0 is A0, the lowest piano key
MAX_FREQ_IDX = 87  # the highest column (C8)
ENERGY_TOL = 11  # frames below the frame threshold that end a note
N_DIFF = 2  # frame differences looked at when inferring onsets
CONTOUR_BINS_PER_SEMITONE = 3
CONTOUR_BASE_HZ = 27.5  # contour bin b is 27.5 · 2^(b/36) Hz
PITCH_BEND_BINS = 25  # upstream get_pitch_bends looks this many contour bins either side of the note
PITCH_BEND_STD = 5.0
REFINE_BINS = 2  # neighbours either side of the contour's peak that share in the pitch estimate


@dataclass(frozen=True)
class NoteEvent:
    """A decoded note in activation frames: [start, end) frames, MIDI number, mean frame activation."""

    start: int
    end: int
    midi: int
    amplitude: float


def min_note_frames(milliseconds: float, frames_per_second: float) -> int:
    """The shortest note in frames, rounded as upstream's predict() does (127.7 ms → 11 frames)."""
    return int(np.round(milliseconds / 1000 * frames_per_second))


def inferred_onsets(onsets: np.ndarray, frames: np.ndarray, n_diff: int = N_DIFF) -> np.ndarray:
    """Upstream get_infered_onsets: the larger of the predicted onsets and sudden rises of the frames.

    Computed in place, in float64 as upstream's (its zero padding is float64): a quarter-hour recording
    has 6.8 million activations, and upstream's stacked copies of them would cost about 250 MB.
    """
    frame_diff = np.empty(frames.shape)  # the smallest rise over the last 1..n_diff frames
    step = np.empty(frames.shape) if n_diff > 1 else frame_diff
    for n in range(1, n_diff + 1):
        rise = frame_diff if n == 1 else step
        rise[:n] = frames[:n]  # frames before the first count as 0
        np.subtract(frames[n:], frames[:-n], out=rise[n:], dtype=np.float64)
        if n > 1:
            np.minimum(frame_diff, step, out=frame_diff)
    del step
    frame_diff[frame_diff < 0] = 0
    frame_diff[:n_diff, :] = 0
    top = np.max(frame_diff, initial=0.0)
    # Deviation: upstream divides by this maximum even when it is 0 (frames that never rise, such as
    # all-zero activations), which makes every onset NaN and so finds no onset at all. Here the
    # predicted onsets are simply kept; on any real model output the maximum is above 0 and both agree.
    if top > 0:
        frame_diff *= np.max(onsets)  # rescaled to the predicted onsets' maximum
        frame_diff /= top
    return np.maximum(frame_diff, onsets, out=frame_diff)


def time_peaks(values: np.ndarray) -> np.ndarray:
    """Mask of strict local maxima along time, the first and last frame never: scipy's argrelmax(axis=0)."""
    mask = np.zeros(values.shape, bool)
    if len(values) >= 3:
        middle = values[1:-1]
        mask[1:-1] = (middle > values[:-2]) & (middle > values[2:])
    return mask


def _clear(energy: np.ndarray, rows: slice | int, freq: int) -> None:
    """Zero a note's own column and both neighbours, so a semitone-wide smear is not decoded twice."""
    energy[rows, freq] = 0
    if freq < MAX_FREQ_IDX:
        energy[rows, freq + 1] = 0
    if freq > 0:
        energy[rows, freq - 1] = 0


def _onset_notes(frames: np.ndarray, onsets: np.ndarray, energy: np.ndarray, onset_thresh: float,
                 frame_thresh: float, min_note_len: int, energy_tol: int) -> list[NoteEvent]:
    """Notes that start at an onset peak, taken latest first, each held until the energy fades."""
    n_frames = len(frames)
    # Upstream keeps the onsets at their peaks, zeros elsewhere, and takes the cells at the threshold or
    # above; the same cells, picked without a float64 copy of the whole matrix:
    times, freqs = np.nonzero(np.where(time_peaks(onsets), onsets >= onset_thresh, 0.0 >= onset_thresh))
    notes = []
    for start, freq in zip(times[::-1].tolist(), freqs[::-1].tolist()):  # backwards in time, as upstream
        if start >= n_frames - 1:
            continue
        column = energy[:, freq]
        i, k = start + 1, 0  # k: frames since the energy dropped below the threshold
        while i < n_frames - 1 and k < energy_tol:
            k = k + 1 if column[i] < frame_thresh else 0
            i += 1
        i -= k  # back to the last frame above the threshold
        if i - start <= min_note_len:
            continue
        _clear(energy, slice(start, i), freq)
        notes.append(NoteEvent(start, i, freq + MIDI_OFFSET, float(np.mean(frames[start:i, freq]))))
    return notes


class _RowMaxima:
    """The argmax of a matrix in row-major order, kept up to date as rows are zeroed.

    Upstream takes np.argmax over the whole remaining-energy matrix once per melodia note, which for a
    15-minute recording is millions of cells per note. Keeping each row's maximum and refreshing only the
    rows a note touched finds the same cell (the first row holding the maximum, then its first column).
    """

    def __init__(self, energy: np.ndarray) -> None:
        self.energy = energy
        self.row_max = energy.max(axis=1) if energy.size else np.zeros(len(energy))

    def peak(self) -> tuple[int, int, float]:
        row = int(np.argmax(self.row_max))
        col = int(np.argmax(self.energy[row]))
        return row, col, float(self.row_max[row])

    def refresh(self, first: int, last: int) -> None:
        self.row_max[first:last + 1] = self.energy[first:last + 1].max(axis=1)


def _melodia_notes(frames: np.ndarray, energy: np.ndarray, frame_thresh: float, min_note_len: int,
                   energy_tol: int) -> list[NoteEvent]:
    """Upstream's melodia trick: notes grown both ways from the strongest energy left, without an onset."""
    n_frames = len(frames)
    notes: list[NoteEvent] = []
    if not energy.size:
        return notes
    maxima = _RowMaxima(energy)
    while True:
        i_mid, freq, top = maxima.peak()
        if not top > frame_thresh:
            break
        energy[i_mid, freq] = 0
        column = energy[:, freq]
        i, k = i_mid + 1, 0
        while i < n_frames - 1 and k < energy_tol:
            k = k + 1 if column[i] < frame_thresh else 0
            _clear(energy, i, freq)
            i += 1
        last_touched, i_end = i - 1, i - 1 - k
        i, k = i_mid - 1, 0
        while i > 0 and k < energy_tol:
            k = k + 1 if column[i] < frame_thresh else 0
            _clear(energy, i, freq)
            i -= 1
        first_touched, i_start = i + 1, i + 1 + k
        maxima.refresh(min(first_touched, i_mid), max(last_touched, i_mid))
        if i_end - i_start <= min_note_len:
            continue
        notes.append(NoteEvent(i_start, i_end, freq + MIDI_OFFSET, float(np.mean(frames[i_start:i_end, freq]))))
    return notes


def decode_notes(frames: np.ndarray, onsets: np.ndarray, onset_thresh: float, frame_thresh: float,
                 min_note_len: int, infer_onsets: bool = True, melodia_trick: bool = True,
                 energy_tol: int = ENERGY_TOL) -> list[NoteEvent]:
    """Upstream output_to_notes_polyphonic on (frames, 88) note and onset activations.

    Notes come in upstream's order: those with an onset (latest first), then the melodia notes. No
    frequency limits: upstream's predict() passes none by default.
    """
    frames = np.asarray(frames, np.float32)
    onsets = np.asarray(onsets, np.float32)
    if infer_onsets and len(frames):
        onsets = inferred_onsets(onsets, frames)
    energy = frames.astype(np.float64)  # upstream's remaining_energy: a float64 copy that notes use up
    notes = _onset_notes(frames, onsets, energy, onset_thresh, frame_thresh, min_note_len, energy_tol)
    if melodia_trick:
        notes += _melodia_notes(frames, energy, frame_thresh, min_note_len, energy_tol)
    return notes


def contour_bin_hz(bins: np.ndarray | float) -> np.ndarray:
    return CONTOUR_BASE_HZ * 2.0 ** (np.asarray(bins, np.float64) / (12 * CONTOUR_BINS_PER_SEMITONE))


def _note_bin(midi: int) -> int:
    """Upstream midi_pitch_to_contour_bin, rounded: A4 (MIDI 69) is bin 144."""
    hz = 440.0 * 2.0 ** ((midi - 69) / 12)
    return int(np.round(12 * CONTOUR_BINS_PER_SEMITONE * np.log2(hz / CONTOUR_BASE_HZ)))


def note_contour_bins(contour: np.ndarray, note: NoteEvent, offset: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Per frame of the note: the contour's strongest bin near the note, and that bin refined.

    The bin is chosen as upstream get_pitch_bends chooses it (±25 bins around the note, weighted by a
    Gaussian of 5 bins so a neighbouring note's contour does not win), around the note's bin plus
    `offset`: this model's contour peaks one bin above 36·log2(f / 27.5) for a pure tone of f Hz
    (measured from 110 Hz to 1 kHz), which upstream leaves in as a third-of-a-semitone pitch bend. The
    refinement is the activation-weighted average of that bin and two neighbours either side: a third of
    a semitone is 2 %, too coarse to tell a tuned string from a slightly flat one (measured on sine
    tones from 110 Hz to 1 kHz: 8 cents rms error, where the peak bin alone is 13 cents off).
    """
    n_bins = contour.shape[1]
    centre = _note_bin(note.midi) + offset
    lo, hi = max(centre - PITCH_BEND_BINS, 0), min(n_bins, centre + PITCH_BEND_BINS + 1)
    offsets = np.arange(lo, hi) - centre
    weights = np.exp(-0.5 * (offsets / PITCH_BEND_STD) ** 2)
    part = np.asarray(contour[note.start:note.end, lo:hi], np.float64)
    if not len(part):
        return np.zeros(0), np.zeros(0)
    peak = np.argmax(part * weights, axis=1) + lo
    rows = np.arange(len(part))
    near = np.clip(peak[:, None] + np.arange(-REFINE_BINS, REFINE_BINS + 1), 0, n_bins - 1)
    mass = np.asarray(contour[note.start:note.end], np.float64)[rows[:, None], near]
    total = mass.sum(axis=1)
    refined = np.where(total > 0, (mass * near).sum(axis=1) / np.where(total > 0, total, 1), peak)
    return peak.astype(np.float64), refined
