"""Result types that tasks return and views show: plain values with a text summary and JSON form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class Result(Protocol):
    """What every answer a task returns can do: say itself as text (the command line, the lab report) and
    as JSON (`run --json`). Each type below is one task's answer; its view in ui/views draws it."""

    def summary(self) -> str: ...

    def to_dict(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Label:
    name: str
    score: float
    description: str = ""


@dataclass(frozen=True, eq=False)
class Labels:
    """Ranked labels with confidences, best first (content type, classes, languages ...)."""

    items: tuple[Label, ...]
    note: str = ""  # e.g. "below the confidence threshold, shown as plain text"
    softmax: bool = False  # the app made the chances from raw scores; else the model gave them itself

    def summary(self) -> str:
        lines = [f"{i + 1}. {lab.name} {lab.score:.3f}" + (f"  ({lab.description})" if lab.description else "")
                 for i, lab in enumerate(self.items)]
        return "\n".join(([self.note] if self.note else []) + lines)

    def to_dict(self) -> dict[str, Any]:
        return {"type": "labels", "note": self.note,
                "labels": [{"name": lab.name, "score": round(lab.score, 6), "description": lab.description}
                           for lab in self.items]}


@dataclass(frozen=True)
class Detection:
    box: tuple[float, float, float, float]  # x1, y1, x2, y2 in original image pixels
    score: float
    landmarks: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True, eq=False)
class Detections:
    """Boxes (with optional landmarks) found on an image, in the image's own pixel coordinates."""

    image: np.ndarray  # H×W×3 uint8 RGB, the decoded input
    items: tuple[Detection, ...]
    what: str = "object"  # singular noun for the summary: "face"

    def summary(self) -> str:
        n = len(self.items)
        head = f"{n} {self.what}{'' if n == 1 else 's'} found"
        rows = [f"  {self.what} {i + 1}: score {d.score:.3f}, box "
                + ", ".join(f"{v:.0f}" for v in d.box) for i, d in enumerate(self.items)]
        return "\n".join([head] + rows)

    def to_dict(self) -> dict[str, Any]:
        return {"type": "detections", "what": self.what,
                "size": [int(self.image.shape[1]), int(self.image.shape[0])],
                "items": [{"box": [round(v, 2) for v in d.box], "score": round(d.score, 6),
                           "landmarks": [[round(x, 2), round(y, 2)] for x, y in d.landmarks]}
                          for d in self.items]}


@dataclass(frozen=True, eq=False)
class Cutout:
    """An image with a soft foreground mask (alpha 0..1) predicted by the model."""

    image: np.ndarray  # H×W×3 uint8 RGB
    alpha: np.ndarray  # H×W float32 in [0, 1]
    threshold: float = 0.5  # alpha above this counts as foreground in the figures

    @property
    def foreground_fraction(self) -> float:
        return float((self.alpha > self.threshold).mean())

    def rgba(self) -> np.ndarray:
        a = np.clip(self.alpha * 255.0 + 0.5, 0, 255).astype(np.uint8)
        return np.dstack([self.image, a])

    def summary(self) -> str:
        h, w = self.alpha.shape
        return f"foreground {self.foreground_fraction:.0%} of {w}×{h} pixels"

    def to_dict(self) -> dict[str, Any]:
        h, w = self.alpha.shape
        return {"type": "cutout", "size": [int(w), int(h)],
                "foreground_fraction": round(self.foreground_fraction, 6)}


@dataclass(frozen=True, eq=False)
class SpeechSegments:
    """Per-frame speech probability of an audio clip and the speech segments found in it."""

    samples: np.ndarray  # mono float32 at sample_rate
    sample_rate: int
    probabilities: np.ndarray  # one per frame
    frame_seconds: float
    segments: tuple[tuple[float, float], ...]  # (start, end) in seconds
    threshold: float = 0.5  # the speech threshold the segments were cut with

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate

    @property
    def speech_seconds(self) -> float:
        return float(sum(e - s for s, e in self.segments))

    def speech_only(self) -> np.ndarray:
        """The samples inside the segments, joined: what a speech recogniser would be given."""
        parts = [self.samples[int(s * self.sample_rate):int(e * self.sample_rate)] for s, e in self.segments]
        return np.concatenate(parts) if parts else np.zeros(0, np.float32)

    def summary(self) -> str:
        n = len(self.segments)
        head = (f"{n} speech segment{'' if n == 1 else 's'}, {self.speech_seconds:.2f} s of speech "
                f"in {self.duration:.2f} s")
        return "\n".join([head] + [f"  {s:.2f}–{e:.2f} s" for s, e in self.segments])

    def to_dict(self) -> dict[str, Any]:
        return {"type": "speech_segments", "duration": round(self.duration, 4),
                "segments": [[round(s, 3), round(e, 3)] for s, e in self.segments],
                "max_probability": round(float(self.probabilities.max(initial=0.0)), 6)}


@dataclass(frozen=True, eq=False)
class Upscaled:
    """A picture and the model's larger version of it (super-resolution)."""

    image: np.ndarray  # H×W×3 uint8 RGB, the input
    result: np.ndarray  # (scale·H)×(scale·W)×3 uint8 RGB
    scale: int
    tiles: int = 1  # how many overlapping tiles the model ran on

    def summary(self) -> str:
        h, w = self.image.shape[:2]
        oh, ow = self.result.shape[:2]
        tiled = f" in {self.tiles} tiles" if self.tiles > 1 else ""
        return f"{w}×{h} → {ow}×{oh} pixels ({self.scale}× larger){tiled}"

    def to_dict(self) -> dict[str, Any]:
        h, w = self.image.shape[:2]
        oh, ow = self.result.shape[:2]
        return {"type": "upscaled", "size": [int(w), int(h)], "result_size": [int(ow), int(oh)],
                "scale": self.scale, "tiles": self.tiles}


@dataclass(frozen=True)
class TextLine:
    quad: tuple[tuple[float, float], ...]  # 4 corners in image pixels: top-left, top-right, bottom-right, bottom-left
    text: str
    score: float  # mean probability of the recognised characters
    flipped: bool = False  # the line was upside down and was turned before reading


@dataclass(frozen=True, eq=False)
class TextLines:
    """Lines of text found and read on an image, in reading order."""

    image: np.ndarray  # H×W×3 uint8 RGB
    lines: tuple[TextLine, ...]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def summary(self) -> str:
        n = len(self.lines)
        head = f"{n} line{'' if n == 1 else 's'} of text found"
        return "\n".join([head] + [f"  {line.score:.2f}  {line.text}" for line in self.lines])

    def to_dict(self) -> dict[str, Any]:
        return {"type": "text_lines", "size": [int(self.image.shape[1]), int(self.image.shape[0])],
                "lines": [{"text": line.text, "score": round(line.score, 6), "flipped": line.flipped,
                           "quad": [[round(x, 2), round(y, 2)] for x, y in line.quad]} for line in self.lines]}


@dataclass(frozen=True, eq=False)
class DigitGuess:
    """A drawn digit's ten probabilities (index = digit) and the small picture the model actually saw."""

    probabilities: np.ndarray  # 10 floats summing to 1
    seen: np.ndarray  # 28×28 float32 in [0, 1], white ink on black

    @property
    def digit(self) -> int:
        return int(np.argmax(self.probabilities))

    @property
    def confidence(self) -> float:
        return float(self.probabilities[self.digit])

    def summary(self) -> str:
        ranked = np.argsort(-self.probabilities)[:3]
        return f"{self.digit} ({self.confidence:.0%} sure); then " + ", ".join(
            f"{int(d)} {self.probabilities[d]:.0%}" for d in ranked[1:])

    def to_dict(self) -> dict[str, Any]:
        return {"type": "digit", "digit": self.digit,
                "probabilities": [round(float(p), 6) for p in self.probabilities]}


@dataclass(frozen=True)
class Phrase:
    start: float  # seconds into the recording
    end: float
    text: str


@dataclass(frozen=True, eq=False)
class Transcript:
    """What was said in a recording, piece by piece with times."""

    samples: np.ndarray  # mono float32 at sample_rate, the recording as the model heard it (empty when `long`)
    sample_rate: int
    phrases: tuple[Phrase, ...]
    # A recording too long to keep in memory (media.LongAudio): read again from its file to be played.
    long: Any = None
    envelope: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None  # time, min, max: its waveform, drawn

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.phrases if p.text).strip()

    @property
    def duration(self) -> float:
        if self.long is not None:
            return float(self.long.seconds)
        return len(self.samples) / self.sample_rate if self.sample_rate else 0.0

    def subtitles(self) -> str:
        """The sentences as SubRip (.srt) subtitles, which video players and editors read."""
        def stamp(seconds: float) -> str:
            ms = int(round(max(seconds, 0.0) * 1000))
            return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"

        cues = [p for p in self.phrases if p.text]
        return "".join(f"{i}\n{stamp(p.start)} --> {stamp(p.end)}\n{p.text}\n\n" for i, p in enumerate(cues, 1))

    def summary(self) -> str:
        if not self.text:
            return f"no words heard in {self.duration:.1f} s"
        return "\n".join(f"[{p.start:5.1f}–{p.end:5.1f} s] {p.text}" for p in self.phrases if p.text)

    def to_dict(self) -> dict[str, Any]:
        return {"type": "transcript", "text": self.text, "duration": round(self.duration, 3),
                "phrases": [{"start": round(p.start, 3), "end": round(p.end, 3), "text": p.text} for p in self.phrases]}


NOTE_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")


def note_name(midi: int) -> str:
    """Scientific pitch notation: MIDI 60 is "C4", 69 is "A4" (440 Hz), 61 is "C#4"."""
    return f"{NOTE_NAMES[midi % 12]}{midi // 12 - 1}"


@dataclass(frozen=True)
class Note:
    start: float  # seconds into the recording
    end: float
    midi: int  # 21 (A0) to 108 (C8)
    amplitude: float  # mean activation of the note's frames, 0..1: how clearly it sounds
    hz: float = 0.0  # the pitch actually heard (0 when unknown), finer than the semitone of `midi`

    @property
    def name(self) -> str:
        return note_name(self.midi)


@dataclass(frozen=True, eq=False)
class Notes:
    """Notes heard in a recording, in order of their start, with the activations they were decoded from."""

    samples: np.ndarray  # mono float32 at sample_rate, the recording as the model heard it
    sample_rate: int
    notes: tuple[Note, ...]
    activation: np.ndarray  # rows × 88 (MIDI 21-108): how sure the model is that each key sounds, 0..1
    onsets: np.ndarray  # rows × 88: how sure it is that a note starts there
    row_seconds: float  # time per row of the activations (a long recording keeps the maximum of several frames)
    heard: float = -1.0  # seconds of the recording read so far; below the duration while still running

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate if self.sample_rate else 0.0

    @property
    def finished(self) -> bool:
        return self.heard < 0 or self.heard >= self.duration

    def text(self) -> str:
        """One line per note, tab-separated, ready to paste into a spreadsheet."""
        rows = ["start (s)\tend (s)\tnote\tMIDI\tpitch (Hz)\tamplitude"]
        rows += [f"{n.start:.3f}\t{n.end:.3f}\t{n.name}\t{n.midi}\t{n.hz:.1f}\t{n.amplitude:.2f}" for n in self.notes]
        return "\n".join(rows)

    def summary(self) -> str:
        n = len(self.notes)
        head = f"{n} note{'' if n == 1 else 's'} in {self.duration:.2f} s"
        return "\n".join([head] + [f"  {x.start:6.2f}–{x.end:6.2f} s  {x.name:<4} {x.hz:7.1f} Hz  "
                                    f"amplitude {x.amplitude:.2f}" for x in self.notes])

    def to_dict(self) -> dict[str, Any]:
        return {"type": "notes", "duration": round(self.duration, 4),
                "notes": [{"start": round(x.start, 3), "end": round(x.end, 3), "name": x.name, "midi": x.midi,
                           "hz": round(x.hz, 2), "amplitude": round(x.amplitude, 4)} for x in self.notes]}


@dataclass(frozen=True, eq=False)
class Denoised:
    """A recording and its cleaned version, with the model's own estimates of how much noise it took away.

    There is no clean recording to compare with, so every figure is an estimate: what was taken away is
    counted as noise, and pauses are the moments the model itself rated as having no speech.
    """

    samples: np.ndarray  # mono float32 at sample_rate, the recording as the model heard it
    cleaned: np.ndarray  # the same length and rate
    sample_rate: int
    lsnr: np.ndarray  # the model's speech-to-noise estimate of the recording, dB, one per frame
    frame_seconds: float
    removed_share: float  # share of the sound energy less after cleaning, net of any band raised (0 for silence)
    snr_before_db: float | None  # estimated speech-to-noise ratio before cleaning; None for silence
    pause_reduction_db: float | None  # how much quieter the sound became in the pauses; None without pauses
    notes: tuple[str, ...] = ()  # plain sentences about this recording (silent, clipped, telephone quality)

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate if self.sample_rate else 0.0

    def summary(self) -> str:
        lines = [f"Noise removal on {self.duration:.2f} s at {self.sample_rate / 1000:g} kHz "
                 "(estimates by the model, without a clean recording to compare with):"]
        if self.pause_reduction_db is not None:
            lines.append(f"  in the pauses the sound is {self.pause_reduction_db:.1f} dB quieter")
        lines.append(f"  {self.removed_share:.0%} less sound energy after cleaning, mostly noise taken away")
        if self.snr_before_db is not None:
            lines.append(f"  before cleaning, speech was {self.snr_before_db:.1f} dB above the noise")
        return "\n".join(lines + [f"  {note}" for note in self.notes])

    def to_dict(self) -> dict[str, Any]:
        def rounded(value: float | None) -> float | None:
            return None if value is None else round(value, 3)

        return {"type": "denoised", "duration": round(self.duration, 4), "sample_rate": self.sample_rate,
                "removed_share": round(self.removed_share, 6), "snr_before_db": rounded(self.snr_before_db),
                "pause_reduction_db": rounded(self.pause_reduction_db), "notes": list(self.notes)}


@dataclass(frozen=True, eq=False)
class Similarities:
    """How alike in meaning sentences are, as the cosine of their embeddings (−1 to 1): every pair with every
    other (a grid), or, when searching, each sentence with one query (a ranking)."""

    sentences: tuple[str, ...]
    matrix: np.ndarray | None  # n × n cosine similarities with a diagonal of 1; None when searching
    tokens: tuple[int, ...]  # word pieces read per sentence, [CLS] and [SEP] included
    cut: tuple[bool, ...]  # True where a sentence was longer than the model reads and was cut
    note: str = ""  # e.g. "the first 64 of 80 lines were compared"
    query: str = ""  # what was searched for, as the model read it ("" when comparing every pair)
    scores: np.ndarray | None = None  # each sentence's cosine with the query, when searching

    @property
    def searching(self) -> bool:
        return self.scores is not None

    def most_alike(self) -> tuple[int, int, float] | None:
        """The two different sentences closest in meaning, or None with fewer than two (or when searching)."""
        n = len(self.sentences)
        if n < 2 or self.matrix is None:
            return None
        scores = np.where(np.eye(n, dtype=bool), -np.inf, self.matrix)
        i, j = np.unravel_index(int(np.argmax(scores)), scores.shape)
        return int(min(i, j)), int(max(i, j)), float(self.matrix[i, j])

    def ranked(self) -> list[tuple[int, float]]:
        """(sentence index, score) closest to the query first; ties keep the order of the lines."""
        if self.scores is None:
            return []
        order = np.argsort(-self.scores, kind="stable")
        return [(int(i), float(self.scores[i])) for i in order]

    def summary(self) -> str:
        if self.searching:
            head = f"closest in meaning to: {self.query}"
            rows = [f"{score:6.3f}  {i + 1}. {self.sentences[i]}" for i, score in self.ranked()]
            return "\n".join(([self.note] if self.note else []) + [head] + rows)
        best = self.most_alike()
        head = (f"most alike: {best[0] + 1} and {best[1] + 1} ({best[2]:.3f})" if best
                else "one sentence: nothing to compare it with")
        rows = [f"{i + 1}. {s}" for i, s in enumerate(self.sentences)]
        grid = ["    " + " ".join(f"{j + 1:>6}" for j in range(len(self.sentences)))]
        grid += [f"{i + 1:>3} " + " ".join(f"{v:6.3f}" for v in row) for i, row in enumerate(self.matrix)]
        return "\n".join(([self.note] if self.note else []) + [head] + rows + grid)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "similarities", "note": self.note, "sentences": list(self.sentences),
                               "tokens": list(self.tokens), "cut": list(self.cut)}
        if self.searching:
            out["query"] = self.query
            out["ranking"] = [{"line": i + 1, "sentence": self.sentences[i], "score": round(score, 6)}
                              for i, score in self.ranked()]
        else:
            out["matrix"] = [[round(float(v), 6) for v in row] for row in self.matrix]
        return out


@dataclass(frozen=True)
class Picking:
    """How each next token was chosen from the model's scores (MODELS.md §2.3.3's sampling settings)."""

    temperature: float = 0.0  # 0: always the likeliest
    top_p: float = 1.0  # draw only among the likeliest tokens that together hold this share of the chance
    penalty: float = 1.0  # CTRL's repetition penalty: above 1, a token already written is less likely


@dataclass(frozen=True, eq=False)
class Generation:
    """What a language model wrote in reply to a message, and how long each part of the writing took."""

    message: str  # what the person wrote, as the model read it
    text: str  # the reply so far (all of it once finished)
    tokens: int  # tokens of the reply so far
    prompt_tokens: int  # tokens of the whole prompt: the model's instructions and the message
    first_token_ms: float  # from the start of the run until the first token of the reply was chosen
    prefill_ms: float  # the one run that read the whole prompt
    step_ms: tuple[float, ...]  # each later token's run
    stop: str = ""  # "end" (the model finished), "length" (the token limit), "" while still writing
    note: str = ""  # e.g. "only the first 1,024 tokens of the message were read"
    picking: Picking = Picking()
    streams = True  # partial results come with every token: the window shows them more often

    @property
    def tokens_per_second(self) -> float:
        """Writing speed after the first token: steps per second of model time (0 before the second token)."""
        total = sum(self.step_ms)
        return len(self.step_ms) * 1000.0 / total if total > 0 else 0.0

    def summary(self) -> str:
        figures = (f"{self.tokens} tokens; first token after {self.first_token_ms:.0f} ms (the prompt's "
                   f"{self.prompt_tokens} tokens read in {self.prefill_ms:.0f} ms), then "
                   f"{self.tokens_per_second:.0f} tokens per second")
        ending = {"end": "", "length": " (stopped at the token limit)"}.get(self.stop, " (still writing)")
        return "\n".join(([self.note] if self.note else []) + [self.text, "", figures + ending])

    def to_dict(self) -> dict[str, Any]:
        return {"type": "generation", "message": self.message, "text": self.text, "stop": self.stop,
                "note": self.note, "tokens": self.tokens, "prompt_tokens": self.prompt_tokens,
                "first_token_ms": round(self.first_token_ms, 3), "prefill_ms": round(self.prefill_ms, 3),
                "step_ms": [round(v, 3) for v in self.step_ms],
                "tokens_per_second": round(self.tokens_per_second, 2)}


RESULT_TYPES: tuple[type, ...] = (Labels, Detections, Cutout, SpeechSegments, Upscaled, TextLines, DigitGuess,
                                  Transcript, Notes, Denoised, Similarities, Generation)
