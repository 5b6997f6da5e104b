"""Note finding: the window and frame arithmetic, the batches with progress and cancel, and bad recordings."""

from __future__ import annotations

import numpy as np
import pytest

from playground import paths
from playground.core.card import parse_card
from playground.core.errors import Cancelled, InputError
from playground.core.media import AudioData
from playground.core.results import Note, Notes, note_name
from playground.tasks.notes import MAX_ROWS, NotesTask, Windowing, pooled, windowing_for

RATE = 22050
GRID = Windowing(sample_rate=RATE, window=43844, hop=36164, lead=3840, frame_hop=256, edge=15)


@pytest.fixture(scope="module")
def card():
    return parse_card(paths.models_dir() / "basic-pitch" / "model.toml")


# --- windows and frames -----------------------------------------------------------------------------
def test_the_card_gives_upstreams_windowing(card):
    assert windowing_for(card) == GRID
    assert (GRID.frames_per_window, GRID.kept_per_window) == (172, 142)


@pytest.mark.parametrize("n, windows", [(1, 1), (36164 - 3840, 1), (36164 - 3840 + 1, 2), (52920, 2), (44100, 2),
                                        (22050 * 60, 37)])
def test_windows_start_every_hop_until_the_padded_recording_is_covered(n, windows):
    assert GRID.count(n) == windows
    assert (GRID.count(n) - 1) * GRID.hop < n + GRID.lead <= GRID.count(n) * GRID.hop


def test_each_window_is_the_recording_after_3840_zeros_and_the_last_is_zero_padded():
    samples = np.arange(1, 80_001, dtype=np.float32)
    rows = GRID.windows(samples)[..., 0]
    assert rows.shape == (3, 43844)
    assert np.array_equal(GRID.windows(samples, 1, 2)[..., 0], rows[1:])
    assert not rows[0, :3840].any() and rows[0, 3840] == 1 and rows[0, -1] == 43844 - 3840
    assert rows[1, 0] == samples[36164 - 3840] and rows[2, 0] == samples[2 * 36164 - 3840]
    tail = 80_000 - (2 * 36164 - 3840)
    assert rows[2, tail - 1] == 80_000 and not rows[2, tail:].any()


@pytest.mark.parametrize("n", [1, 256, 257, 22050, 36164, 36165, 44100, 52920, 120 * RATE, 15 * 60 * RATE])
def test_the_joined_frames_cover_the_whole_recording_and_nothing_after_it(n):
    frames = GRID.frames(n)
    assert frames <= GRID.count(n) * GRID.kept_per_window
    centres = GRID.times(frames + 1) * RATE
    assert centres[-2] < n <= centres[-1]
    assert frames >= n * 86 // RATE  # never fewer than upstream's ⌊n · 86 / 22050⌋, which misses the end


def test_each_window_keeps_its_middle_frames_in_order():
    out = np.arange(2 * 172 * 3, dtype=np.float32).reshape(2, 172, 3)
    kept = GRID.middle(out)
    assert kept.shape == (284, 3)
    assert np.array_equal(kept[0], out[0, 15]) and np.array_equal(kept[141], out[0, 156])
    assert np.array_equal(kept[142], out[1, 15])


def test_frame_times_run_256_samples_apart_and_jump_to_the_next_window_at_its_start():
    t = GRID.times(300) * RATE
    assert t[0] == 0 and np.allclose(np.diff(t[:142]), 256)
    assert t[142] == 36164 and t[284] == 2 * 36164


class FakePitch:
    """Stands in for basic-pitch: every frame's activation is the window's sample at the frame's centre."""

    def __init__(self, card, cancel_after: int | None = None, listening: bool = True) -> None:
        self.card, self.cancel_after, self.listening = card, cancel_after, listening
        self.batches: list[int] = []
        self.checks = 0
        self.reports: list[tuple[float, object]] = []

    def run(self, feeds, outputs=None, role="main"):
        self.check()
        (x,) = feeds.values()
        assert x.dtype == np.float32 and x.shape[1:] == (43844, 1)
        self.batches.append(len(x))
        centres = x[:, np.minimum(np.arange(172) * 256, 43843), 0]  # (B, 172)
        bins = {"StatefulPartitionedCall:0": 264, "StatefulPartitionedCall:1": 88, "StatefulPartitionedCall:2": 88}
        return {name: np.repeat(centres[:, :, None], bins[name], axis=2) for name in outputs}

    def check(self):
        self.checks += 1
        if self.cancel_after is not None and self.checks > self.cancel_after:
            raise Cancelled()

    def report(self, fraction, partial=None):
        self.reports.append((fraction, partial))


def transcribe(card, samples, runner=None, rate=RATE, **params):
    task = NotesTask()
    values = {**card.defaults(), **params}
    feeds, ctx = task.preprocess(AudioData(samples, rate), card, values)
    runner = runner or FakePitch(card)
    outputs = task.infer(runner, feeds, ctx)
    return outputs, task.postprocess(outputs, ctx, card, values), runner


def test_joined_frames_line_up_with_the_recording_across_windows(card):
    ramp = np.linspace(0.0, 1.0, 20 * RATE, dtype=np.float32)  # each sample says where it is
    outputs, _, runner = transcribe(card, ramp)
    frames = outputs["note"][:, 0]
    assert len(frames) == GRID.frames(len(ramp)) and outputs["contour"].shape == (len(frames), 264)
    at = np.round(GRID.times(len(frames)) * RATE).astype(int)
    assert np.array_equal(frames, ramp[at])
    batch = card.preprocess["batch"]
    assert runner.batches == [batch] * (13 // batch) + [13 % batch] * (13 % batch > 0)  # 13 windows
    assert runner.checks >= 2 * len(runner.batches)


def test_long_recordings_report_progress_with_the_frames_heard_so_far(card):
    _, result, runner = transcribe(card, np.zeros(60 * RATE, np.float32))
    fractions = [f for f, _ in runner.reports]
    assert len(fractions) == len(runner.batches) - 1 and fractions == sorted(fractions) and fractions[-1] < 1
    partials = [p for _, p in runner.reports]
    assert all(isinstance(p, Notes) and not p.finished for p in partials)
    heard = [p.heard for p in partials]
    assert heard == sorted(heard) and heard[-1] < result.duration
    assert [len(p.activation) for p in partials] == sorted(len(p.activation) for p in partials)
    assert result.finished and len(result.activation) == GRID.frames(60 * RATE)


def test_without_a_listener_no_partial_results_are_built(card):
    _, result, runner = transcribe(card, np.zeros(30 * RATE, np.float32), FakePitch(card, listening=False))
    assert runner.reports == [] and result.notes == ()


def test_cancel_stops_between_batches(card):
    runner = FakePitch(card, cancel_after=3)
    with pytest.raises(Cancelled):
        transcribe(card, np.zeros(60 * RATE, np.float32), runner)
    assert len(runner.batches) <= 2


def test_other_rates_and_stereo_are_brought_to_22050_hz_mono(card):
    _, result, _ = transcribe(card, np.zeros((8000, 2), np.float32), rate=8000)
    assert result.sample_rate == RATE and len(result.samples) == pytest.approx(RATE, abs=2)


@pytest.mark.parametrize("samples, message", [
    (np.zeros(22, np.float32), "only 1 ms long"),
    (np.zeros(0, np.float32), "no sound"),
    (np.array([0.1, np.nan] * 8000, np.float32), "damaged"),
])
def test_unusable_audio_gets_a_sentence(card, samples, message):
    with pytest.raises(InputError, match=message):
        transcribe(card, samples)


def test_long_activations_are_shrunk_by_their_maximum_so_short_notes_stay_visible():
    values = np.zeros((MAX_ROWS * 3 + 5, 88), np.float32)
    values[7, 40] = 0.9
    small = pooled(values, 4)
    assert small.shape == (-(-len(values) // 4), 88) and small[1, 40] == pytest.approx(0.9)
    assert pooled(values, 1) is values


# --- the result --------------------------------------------------------------------------------------
def test_note_names_follow_scientific_pitch_notation():
    assert [note_name(m) for m in (21, 60, 61, 69, 72, 108)] == ["A0", "C4", "C#4", "A4", "C5", "C8"]


def test_the_notes_copy_as_a_table_and_summarise_in_order():
    notes = (Note(0.0, 0.58, 60, 0.64, 261.7), Note(0.58, 1.16, 64, 0.63, 329.9))
    result = Notes(np.zeros(RATE, np.float32), RATE, notes, np.zeros((86, 88), np.float32),
                   np.zeros((86, 88), np.float32), 256 / RATE)
    lines = result.text().splitlines()
    assert lines[0].split("\t") == ["start (s)", "end (s)", "note", "MIDI", "pitch (Hz)", "amplitude"]
    assert lines[1].split("\t") == ["0.000", "0.580", "C4", "60", "261.7", "0.64"]
    assert result.summary().splitlines()[0] == "2 notes in 1.00 s"
    assert [n["name"] for n in result.to_dict()["notes"]] == ["C4", "E4"]


def test_notes_heard_in_near_silence_are_dropped(card):
    """The model scales each window to its loudest sound, so rounding noise alone can look like a note."""
    t = np.arange(4 * RATE) / RATE
    samples = np.where(t < 2, 0.3 * np.sin(2 * np.pi * 440 * t), 0).astype(np.float32)
    samples[t >= 2] = np.random.default_rng(0).choice([-1, 0, 1], (t >= 2).sum()) / 32768  # one 16-bit step
    task = NotesTask()
    _, ctx = task.preprocess(AudioData(samples, RATE), card, card.defaults())
    frames = np.zeros((4 * 86, 88), np.float32)
    onsets = np.zeros_like(frames)
    for start in (20, 200):  # an A4 in the tone, another in the noise
        frames[start:start + 100, 69 - 21] = 0.8
        onsets[start, 69 - 21] = 0.9
    outputs = {"note": frames, "onset": onsets, "contour": np.zeros((len(frames), 264), np.float32)}
    result = task.postprocess(outputs, ctx, card, card.defaults())
    assert [round(n.start, 1) for n in result.notes] == [0.2]


@pytest.mark.parametrize("seconds", [2.4, 60.0, 150.0])  # 150 s has more frames than MAX_ROWS: rows are merged
def test_the_activation_rows_span_the_recording_so_the_roll_lines_up_with_the_notes(card, seconds):
    _, result, _ = transcribe(card, np.zeros(int(seconds * RATE), np.float32), FakePitch(card, listening=False))
    assert len(result.activation) <= MAX_ROWS
    assert len(result.activation) * result.row_seconds == pytest.approx(seconds, abs=2 * result.row_seconds)
