"""Notes with basic-pitch: a recording in, the notes played (when, which key, how loud, exact pitch) out.

The recording is cut into overlapping 2-second windows that run in batches; the middle frames of each
window are joined back into one activation matrix per output, and upstream's decoder (note_decoding)
turns the note and onset activations into notes, with the pitch in Hz read from the contour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.core import readable
from playground.core.card import ModelCard
from playground.core.card_schema import PostprocessTable, PreprocessTable, count, number, text, whole
from playground.core.errors import InputError, ModelCardError
from playground.core.media import AudioData
from playground.core.results import Note, Notes
from playground.core.task import Feeds, Outputs, Runner
from playground.core.words import translate
from playground.tasks.knobs import param
from playground.tasks.note_decoding import NoteEvent, contour_bin_hz, decode_notes, min_note_frames, note_contour_bins
from playground.tasks.vad import mono_at

MIN_SECONDS = 0.25  # two notes' worth of the shortest default note: less holds no note to find
# The view draws the activations as a picture: more rows than a screen has pixels only cost memory
# (a 15-minute recording has 77,000 frames); beyond this, neighbouring frames are merged by their maximum.
MAX_ROWS = 12_000
ROLES = ("note", "onset", "contour")


@dataclass(frozen=True, kw_only=True)
class NotesPre(PreprocessTable):
    """The card's [preprocess]: windows of `window` samples at sample_rate, `hop` apart after `lead` zeros, `batch` a run."""

    sample_rate: int = count()
    window: int = count()
    hop: int = count()
    lead: int = count()
    batch: int = count()


@dataclass(frozen=True, kw_only=True)
class NotesPost(PostprocessTable):
    """The card's [postprocess]: the model's output names, its frame grid, and how the notes are decoded."""

    note_output: str = text()
    onset_output: str = text()
    contour_output: str = text()
    frame_hop: int = count()  # samples between output frames inside a window
    edge_frames: int = count()  # frames dropped at each end of a window's output
    contour_offset_bins: int = whole(0)
    quiet_dbfs: float = number(-200.0)  # notes heard in quieter stretches than this are dropped


@dataclass(frozen=True)
class Windowing:
    """Where the 2-second windows sit in a recording, and which frames of each window's output are kept.

    The model frames its window from a centred transform, so a window of 43,844 samples gives
    1 + 43,844 // 256 = 172 frames, frame j centred on sample 256·j. The lead of zeros (15 frames)
    puts the first kept frame of the first window on the recording's first sample; every window
    keeps its frames 15 to 156, so consecutive windows (a hop of 36,164 samples) continue each other.
    """

    sample_rate: int
    window: int
    hop: int
    lead: int
    frame_hop: int
    edge: int  # frames dropped at each end of a window's output

    @property
    def frames_per_window(self) -> int:
        return 1 + self.window // self.frame_hop

    @property
    def kept_per_window(self) -> int:
        return self.frames_per_window - 2 * self.edge

    @property
    def frame_seconds(self) -> float:
        """The joined frames' average spacing (11.55 ms): 256 samples within a window, more where one ends."""
        return self.hop / self.kept_per_window / self.sample_rate

    def count(self, n_samples: int) -> int:
        """Windows upstream cuts: one starting every hop until the padded recording is covered."""
        return -(-(n_samples + self.lead) // self.hop)

    def windows(self, samples: np.ndarray, first: int = 0, count: int | None = None) -> np.ndarray:
        """Windows first .. first + count - 1 as (count, window, 1), the model's input: the recording after
        `lead` zeros, zero-padded at the end. Cut a batch at a time, so a long recording is never copied."""
        count = self.count(len(samples)) - first if count is None else count
        out = np.zeros((count, self.window, 1), np.float32)
        for row in range(count):
            start = (first + row) * self.hop - self.lead
            part = samples[max(start, 0):max(start + self.window, 0)]
            at = max(-start, 0)
            out[row, at:at + len(part), 0] = part
        return out

    def frames(self, n_samples: int) -> int:
        """Joined frames centred inside the recording: the ones kept.

        Deviation from upstream, which keeps ⌊samples · 86 / 22050⌋ frames: the joined frames come 142
        per 36,164 samples (86.6 a second), so that count stops short of the end by 0.7 % of the
        length, and the last 1.2 s of a three-minute song would never be transcribed.
        """
        starts = np.arange(-(-n_samples // self.hop)) * self.hop
        return int(np.minimum(self.kept_per_window, -(-(n_samples - starts) // self.frame_hop)).sum())

    def middle(self, output: np.ndarray) -> np.ndarray:
        """(batch, 172, bins) → (batch · 142, bins): the frames each window keeps, in order."""
        if output.ndim != 3 or output.shape[1] != self.frames_per_window:
            raise ModelCardError(f"The model gave {output.shape[1:2]} frames per window where the card's "
                                 f"window of {self.window} samples makes {self.frames_per_window}.")
        kept = output[:, self.edge:output.shape[1] - self.edge]
        return kept.reshape(-1, output.shape[2])

    def times(self, n_frames: int) -> np.ndarray:
        """Seconds of each joined frame, from where its window starts.

        Deviation from upstream, which times frame i as i·256/22050 minus a fitted 10.3 ms per 172
        frames (model_frames_to_time): the joined frames are 256 samples apart within a window but a
        window's 142 frames span 36,352 samples where windows start 36,164 apart. Timing each frame
        from its own window is exact; upstream's fit agrees within about 10 ms.
        """
        i = np.arange(n_frames)
        window, row = np.divmod(i, self.kept_per_window)
        return (window * self.hop + row * self.frame_hop) / self.sample_rate


@dataclass(frozen=True)
class DecodeRules:
    onset_threshold: float
    frame_threshold: float
    min_note_frames: int
    contour_offset: int  # the contour bin that peaks for a note's exact pitch, above 36·log2(f / 27.5)
    quiet: float  # a note whose stretch of the recording has a lower RMS than this (full scale 1) is dropped


@dataclass(frozen=True, eq=False)
class NotesContext:
    samples: np.ndarray  # mono float32 at the model's rate
    grid: Windowing
    rules: DecodeRules
    batch: int
    names: dict[str, str]  # role (note, onset, contour) -> the model's output name


def windowing_for(card: ModelCard) -> Windowing:
    pre, post = NotesPre.of(card), NotesPost.of(card)
    return Windowing(sample_rate=pre.sample_rate, window=pre.window, hop=pre.hop, lead=pre.lead,
                     frame_hop=post.frame_hop, edge=post.edge_frames)


def rules_for(card: ModelCard, params: dict[str, Any]) -> DecodeRules:
    grid, post = windowing_for(card), NotesPost.of(card)
    return DecodeRules(onset_threshold=float(param(card, params, "onset_threshold")),
                       frame_threshold=float(param(card, params, "frame_threshold")),
                       min_note_frames=min_note_frames(float(param(card, params, "min_note_ms")),
                                                       grid.sample_rate / grid.frame_hop),
                       contour_offset=post.contour_offset_bins, quiet=10 ** (post.quiet_dbfs / 20))


class NotesTask:
    """Runs the windows in batches (cancel checked and progress reported between them), then decodes."""

    input_kind = "audio"
    entry = "file"
    result_type = Notes
    card_tables = (NotesPre, NotesPost)

    def preprocess(self, data: AudioData, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, NotesContext]:
        grid = windowing_for(card)
        samples = mono_at(data, grid.sample_rate)
        if len(samples) < MIN_SECONDS * grid.sample_rate:
            ms = 1000 * len(samples) / grid.sample_rate
            raise InputError(translate("NotesTask", "The recording is only {ms} ms long; finding notes needs at least "
                                                    "{least} s of sound (a few seconds work best).").format(
                ms=f"{ms:.0f}", least=readable.local(f"{MIN_SECONDS:g}")))
        post = NotesPost.of(card)
        names = {"note": post.note_output, "onset": post.onset_output, "contour": post.contour_output}
        ctx = NotesContext(samples, grid, rules_for(card, params), NotesPre.of(card).batch, names)
        return {}, ctx  # the windows are cut in infer, a batch at a time

    def infer(self, runner: Runner, feeds: Feeds, ctx: NotesContext) -> Outputs:
        windows = ctx.grid.count(len(ctx.samples))
        input_name = runner.card.inputs[0].name
        wanted = [ctx.names[role] for role in ROLES]
        total = ctx.grid.frames(len(ctx.samples))
        joined: dict[str, np.ndarray] = {}  # each output's frames, filled in place as the batches come back
        live = _LiveNotes(ctx, total) if runner.listening else None
        filled = 0
        for first in range(0, windows, ctx.batch):
            runner.check()
            chunk = ctx.grid.windows(ctx.samples, first, min(ctx.batch, windows - first))
            out = runner.run({input_name: chunk}, wanted)
            for role in ROLES:
                kept = ctx.grid.middle(out[ctx.names[role]])
                if role not in joined:
                    joined[role] = np.zeros((windows * ctx.grid.kept_per_window, kept.shape[1]), np.float32)
                joined[role][filled:filled + len(kept)] = kept
            filled += len(chunk) * ctx.grid.kept_per_window
            done = first + len(chunk)
            if live is not None and done < windows:
                runner.report(done / windows, live.update(joined, min(filled, total)))
        return {role: joined[role][:total] for role in ROLES}

    def postprocess(self, outputs: Outputs, ctx: NotesContext, card: ModelCard, params: dict[str, Any]) -> Notes:
        return notes_result(ctx, outputs)


class _LiveNotes:
    """Partial results while a long recording is read: the activations so far and a preview of the notes.

    Decoding everything heard so far at every report would cost the whole recording each time. The
    preview decodes only the frames that arrived since the last report, so a note held across that
    border shows as two until the final result, which is decoded in one piece as upstream does.
    """

    def __init__(self, ctx: NotesContext, total: int) -> None:
        self.ctx, self.total = ctx, total
        self.times = ctx.grid.times(total + 1)
        self.pool = pool_for(total)
        self.notes: list[Note] = []
        self.upto = 0

    def update(self, joined: dict[str, np.ndarray], frames: int) -> Notes:
        part = {role: joined[role][self.upto:frames] for role in ROLES}
        self.notes += notes_in(self.ctx, part, self.times[self.upto:frames + 1])
        self.upto = frames
        so_far = {role: joined[role][:frames] for role in ROLES}
        heard = min(float(self.times[frames]), len(self.ctx.samples) / self.ctx.grid.sample_rate)
        return _result(self.ctx, so_far, self.notes, self.pool, heard)


def notes_in(ctx: NotesContext, outputs: Outputs, times: np.ndarray) -> list[Note]:
    """The decoded notes of `outputs` (frames from 0), timed by `times` (one more than the frames)."""
    frames, onsets, contour = (outputs[role] for role in ROLES)
    rules = ctx.rules
    events = decode_notes(frames, onsets, rules.onset_threshold, rules.frame_threshold, rules.min_note_frames)
    notes = [Note(float(times[e.start]), float(times[e.end]), e.midi, e.amplitude,
                  note_hz(contour, e, rules.contour_offset)) for e in events]
    return [n for n in notes if not _silent(ctx, n)]


def _silent(ctx: NotesContext, note: Note) -> bool:
    """Deviation from upstream: notes heard in (near) digital silence are dropped.

    The model scales each 2-second window to its own loudest sound before listening, so a window
    holding nothing but the last bit of a 16-bit file's rounding noise (-90 dBFS) is heard as loud,
    and now and then it finds a note there. No instrument is that quiet in a recording.
    """
    rate = ctx.grid.sample_rate
    first = int(note.start * rate)
    part = ctx.samples[first:max(int(note.end * rate), first + 1)]
    if not len(part):
        return True
    return float(np.sqrt(np.mean(np.square(part, dtype=np.float64)))) < ctx.rules.quiet


def notes_result(ctx: NotesContext, outputs: Outputs) -> Notes:
    total = len(outputs["note"])
    notes = notes_in(ctx, outputs, ctx.grid.times(total + 1))
    return _result(ctx, outputs, notes, pool_for(total))


def _result(ctx: NotesContext, outputs: Outputs, notes: list[Note], pool: int, heard: float = -1.0) -> Notes:
    return Notes(samples=ctx.samples, sample_rate=ctx.grid.sample_rate,
                 notes=tuple(sorted(notes, key=lambda n: (n.start, n.midi))),
                 activation=pooled(outputs["note"], pool), onsets=pooled(outputs["onset"], pool),
                 row_seconds=pool * ctx.grid.frame_seconds, heard=heard)


def pool_for(frames: int) -> int:
    return max(1, -(-frames // MAX_ROWS))


def note_hz(contour: np.ndarray, event: NoteEvent, offset: int) -> float:
    """The note's pitch: the median over its frames of the contour peak, refined between bins."""
    _, refined = note_contour_bins(contour, event, offset)
    return float(contour_bin_hz(np.median(refined) - offset)) if len(refined) else 0.0


def pooled(values: np.ndarray, factor: int) -> np.ndarray:
    """Rows merged `factor` at a time by their maximum, so a short loud note still shows when shrunk."""
    values = np.asarray(values, np.float32)
    if factor <= 1:
        return values
    rows = -(-len(values) // factor)
    padded = np.zeros((rows * factor, values.shape[1]), np.float32)
    padded[:len(values)] = values
    return padded.reshape(rows, factor, -1).max(axis=1)
