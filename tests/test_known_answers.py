"""Known answers of the bundled models on the bundled samples, run through the timed pipeline.

The expected figures are the reference measurements of each model on these exact files (faces, cut-out
fractions, speech segments), and for Magika the label and score the magika 1.0.3 library itself gives.
"""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf

from playground import paths
from playground.core.media import AudioData
from playground.core.session import RuntimeOptions, SessionCache
from playground.tasks.content_type import load_config
from playground.tasks.note_decoding import contour_bin_hz
from playground.tasks.note_sound import key_hz
from playground.tasks.registry import get_task
from playground.tasks.vad import FRAMES_PER_RUN
from tests.known import Runs, installed

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def run() -> Runs:
    return Runs()




def test_centerface_finds_the_astronauts_face_with_landmarks(run):
    (face,) = run("centerface", "astronaut.png").result.items
    assert np.asarray(face.box) == pytest.approx(np.array([182, 58, 270, 178]), abs=3)
    assert face.score == pytest.approx(0.929, abs=0.01)
    (lx, ly), (rx, ry), (nx, ny), (mlx, mly), (mrx, mry) = face.landmarks
    x1, y1, x2, y2 = face.box
    assert all(x1 < x < x2 and y1 < y < y2 for x, y in face.landmarks)
    assert lx < nx < rx and max(ly, ry) < ny < min(mly, mry) and mlx < mrx  # eyes, nose, mouth in order


def test_centerface_finds_grace_hopper_and_no_face_on_the_cat(run):
    (face,) = run("centerface", "grace_hopper.jpg").result.items
    assert face.score == pytest.approx(0.865, abs=0.01)
    assert run("centerface", "chelsea.png").result.items == ()


@pytest.mark.parametrize("sample, fraction", [("astronaut.png", 0.55), ("grace_hopper.jpg", 0.58),
                                              ("chelsea.png", 0.68)])
def test_u2netp_cuts_out_the_known_share_of_each_photo(run, sample, fraction):
    outcome = run("u2netp", sample)
    assert outcome.result.alpha.shape == outcome.result.image.shape[:2]
    assert outcome.result.foreground_fraction == pytest.approx(fraction, abs=0.01)


def test_silero_finds_the_four_spoken_phrases_and_streams_its_progress(run):
    reports = []
    outcome = run("silero-vad", "vad_test16k.wav", progress=lambda fraction, partial: reports.append(partial))
    expected = [(1.54, 2.08), (2.21, 5.02), (7.27, 8.77), (8.87, 10.17)]
    assert np.asarray(outcome.result.segments) == pytest.approx(np.asarray(expected), abs=0.02)
    frames = -(-len(outcome.result.samples) // 512)
    assert outcome.record.steps == frames == len(outcome.result.probabilities)
    assert len(outcome.record.session_runs_ns) == -(-frames // FRAMES_PER_RUN)  # about a second of frames a run
    assert len(reports) > 10 and len(reports[-1].segments) == 4


@pytest.mark.parametrize("sample", ["tone1k.wav", "noise16k.wav"])
def test_silero_hears_no_speech_in_a_tone_or_noise(run, sample):
    result = run("silero-vad", sample).result
    assert result.segments == () and result.probabilities.max() < 0.05


# Label and score from magika 1.0.3's own identify_bytes() on the same files.
MAGIKA = [("fibonacci.py", "python", 0.999943), ("weather.json", "json", 0.9798), ("page.html", "html", 0.610754),
          ("library.sql", "sql", 0.999968), ("prose.txt", "txt", 0.828536), ("recipe.md", "markdown", 0.998379),
          ("shapes.rs", "rust", 0.999999)]


@pytest.mark.parametrize("sample, label, score", MAGIKA, ids=[m[0] for m in MAGIKA])
def test_magika_names_each_snippet_like_the_reference_library(run, sample, label, score):
    result = run("magika", sample).result
    best = result.items[0]
    assert best.name == label and result.note == ""
    assert best.score == pytest.approx(score, abs=1e-3)
    assert best.score >= load_config(installed("magika")).threshold(label)
    assert len(result.items) == 5 and best.description


# basic-pitch on SoX sines (MODELS.md §5.4). The model's frames are 11.6 ms apart and a note's edges fall
# within a frame or two of the sound's, so times are checked to ±0.03 s.
MELODY = [("C4", 0.00, 0.58), ("E4", 0.58, 1.16), ("G4", 1.18, 1.78), ("C5", 1.79, 2.39)]


def cents(hz: float, midi: int) -> float:
    return 1200 * float(np.log2(hz / key_hz(midi)))


def test_basic_pitch_writes_down_the_four_note_melody(run):
    result = run("basic-pitch", "melody22k.wav").result
    assert [n.name for n in result.notes] == [name for name, *_ in MELODY]
    assert np.asarray([(n.start, n.end) for n in result.notes]) == pytest.approx(
        np.asarray([times for _, *times in MELODY]), abs=0.03)
    assert all(abs(cents(n.hz, n.midi)) < 10 for n in result.notes)  # sines tuned to the keys read as tuned


def test_basic_pitch_hears_one_a4_in_the_440_hz_tone(run):
    (note,) = run("basic-pitch", "tone440.wav").result.notes
    assert (note.midi, note.name) == (69, "A4")
    assert (note.start, note.end) == pytest.approx((0.0, 2.0), abs=0.03)
    assert note.hz == pytest.approx(440.0, abs=2.0)


class SessionRunner:
    """A task's runner over a bare session, to look at the model's raw outputs before the decoder."""

    listening = False

    def __init__(self, card) -> None:
        self.card = card
        self.session = SessionCache.open(card, RuntimeOptions()).session

    def run(self, feeds, outputs=None, role="main"):
        return dict(zip(outputs, self.session.run(outputs, feeds)))

    def check(self):
        pass


def test_basic_pitchs_contour_peaks_at_448_6_hz_for_the_440_hz_tone():
    """The reference figure, read from the raw contour: the bin above 440 Hz, which the note's pitch corrects."""
    card = installed("basic-pitch")
    task = get_task(card.task)
    samples, rate = sf.read(paths.samples_dir() / "tone440.wav", dtype="float32")
    feeds, ctx = task.preprocess(AudioData(samples, rate), card, card.defaults())
    outputs = task.infer(SessionRunner(card), feeds, ctx)
    (note,) = task.postprocess(outputs, ctx, card, card.defaults()).notes
    times = ctx.grid.times(len(outputs["contour"]))
    held = outputs["contour"][(times >= note.start) & (times < note.end)]
    assert float(np.median(contour_bin_hz(held.argmax(axis=1)))) == pytest.approx(448.6, abs=0.05)


def clean_speech_of_noisy48k(noisy: np.ndarray) -> np.ndarray:
    """The sentence under noisy48k's noise: the file minus the seeded noise, whose gain g is the one that
    puts it exactly 5 dB below the speech, |noisy − g·z|² = 10^0.5 · g²·|z|² (scripts/make_samples.py)."""
    z = np.random.default_rng(0).standard_normal(len(noisy))
    a, b, c, k = z @ z, noisy @ z, noisy @ noisy, 10 ** 0.5 - 1
    return noisy - (np.sqrt(b * b + k * a * c) - b) / (k * a) * z


def snr_db(reference: np.ndarray, x: np.ndarray) -> float:
    return float(10 * np.log10(np.sum(reference ** 2) / np.sum((x - reference) ** 2)))


def si_sdr_db(reference: np.ndarray, x: np.ndarray) -> float:
    target = (x @ reference) / (reference @ reference) * reference
    return float(10 * np.log10(np.sum(target ** 2) / np.sum((x - target) ** 2)))


def test_deepfilternet_lifts_noisy48k_from_5_to_16_db(run):
    import soundfile as sf

    result = run("deepfilternet3", "noisy48k.wav").result
    noisy = sf.read(paths.samples_dir() / "noisy48k.wav", dtype="float64")[0]
    clean = clean_speech_of_noisy48k(noisy)
    sent = sf.read(paths.samples_dir() / "sent16k.wav", dtype="float64")[0]
    assert np.corrcoef(clean[::3][:len(sent)], sent)[0, 1] > 0.9  # it really is the sentence
    assert snr_db(clean, noisy) == pytest.approx(5.00, abs=0.01)
    cleaned = result.cleaned.astype(np.float64)
    assert snr_db(clean, cleaned) == pytest.approx(16.36, abs=0.05)
    assert si_sdr_db(clean, cleaned) == pytest.approx(16.34, abs=0.05)
    # The model's own estimates, with nothing to compare with, come close to the truth.
    assert result.snr_before_db == pytest.approx(5.0, abs=0.5) and result.pause_reduction_db > 10
    assert result.notes == ()


def test_deepfilternet_in_many_short_chunks_stays_near_the_figure(run, monkeypatch):
    import soundfile as sf

    from playground.tasks import denoise

    # Three seams in 8 s (the app makes one every 20 s): each chunk starts afresh 2 s early.
    monkeypatch.setattr(denoise, "CHUNK_FRAMES", 250)
    reports = []
    result = run("deepfilternet3", "noisy48k.wav", progress=lambda fraction, partial: reports.append(fraction)).result
    noisy = sf.read(paths.samples_dir() / "noisy48k.wav", dtype="float64")[0]
    assert snr_db(clean_speech_of_noisy48k(noisy), result.cleaned.astype(np.float64)) > 16.36 - 0.3
    assert reports == pytest.approx([250 / 815, 500 / 815, 750 / 815])
