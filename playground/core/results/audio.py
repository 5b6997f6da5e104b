"""Answers about sound: where speech is, what was said, the notes played, the recording cleaned."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.core import readable
from playground.core.words import QT_TRANSLATE_NOOP, translate


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
        head = (translate("SpeechSegments", "1 speech segment, {speech} s of speech in {duration} s") if n == 1 else
                translate("SpeechSegments", "{count} speech segments, {speech} s of speech in {duration} s")).format(
            count=n, speech=readable.local(f"{self.speech_seconds:.2f}"),
            duration=readable.local(f"{self.duration:.2f}"))
        return "\n".join([head] + [readable.local(f"  {s:.2f}–{e:.2f} s") for s, e in self.segments])

    def to_dict(self) -> dict[str, Any]:
        return {"type": "speech_segments", "duration": round(self.duration, 4),
                "segments": [[round(s, 3), round(e, 3)] for s, e in self.segments],
                "max_probability": round(float(self.probabilities.max(initial=0.0)), 6)}


@dataclass(frozen=True)
class Phrase:
    start: float  # seconds into the recording
    end: float
    text: str
    unsure: tuple[str, ...] = ()  # words in it the model was unsure of (tasks/whisper_decode.DOUBT)


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

    @property
    def unsure(self) -> tuple[str, ...]:
        """Every word the model was unsure of, in order."""
        return tuple(word for p in self.phrases if p.text for word in p.unsure)

    def summary(self) -> str:
        if not self.text:
            return translate("Transcript", "no words heard in {duration} s").format(
                duration=readable.local(f"{self.duration:.1f}"))
        unsure = translate("Transcript", "(unsure of: {words})")
        return "\n".join(f"[{p.start:5.1f}–{p.end:5.1f} s] {p.text}"
                         + ("  " + unsure.format(words=", ".join(p.unsure)) if p.unsure else "")
                         for p in self.phrases if p.text)

    def to_dict(self) -> dict[str, Any]:
        return {"type": "transcript", "text": self.text, "duration": round(self.duration, 3),
                "phrases": [{"start": round(p.start, 3), "end": round(p.end, 3), "text": p.text,
                             "unsure": list(p.unsure)} for p in self.phrases]}


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


# The columns of Notes.text(), a spreadsheet's header row.
COLUMNS = (QT_TRANSLATE_NOOP("Notes", "start (s)"), QT_TRANSLATE_NOOP("Notes", "end (s)"),
           QT_TRANSLATE_NOOP("Notes", "note"), "MIDI", QT_TRANSLATE_NOOP("Notes", "pitch (Hz)"),
           QT_TRANSLATE_NOOP("Notes", "amplitude"))


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
        rows = ["\t".join(translate("Notes", column) for column in COLUMNS)]
        rows += [f"{n.start:.3f}\t{n.end:.3f}\t{n.name}\t{n.midi}\t{n.hz:.1f}\t{n.amplitude:.2f}" for n in self.notes]
        return "\n".join(rows)

    def summary(self) -> str:
        n = len(self.notes)
        head = (translate("Notes", "1 note in {duration} s") if n == 1 else
                translate("Notes", "{count} notes in {duration} s")).format(
            count=n, duration=readable.local(f"{self.duration:.2f}"))
        row = translate("Notes", "{start}–{end} s  {name} {hz} Hz  amplitude {amplitude}")
        local = readable.local
        return "\n".join([head] + ["  " + row.format(start=local(f"{x.start:6.2f}"), end=local(f"{x.end:6.2f}"),
                                                     name=f"{x.name:<4}", hz=local(f"{x.hz:7.1f}"),
                                                     amplitude=local(f"{x.amplitude:.2f}"))
                                    for x in self.notes])

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
        lines = [translate("Denoised", "Noise removal on {duration} s at {khz} kHz (estimates by the model, without a "
                                       "clean recording to compare with):").format(
            duration=readable.local(f"{self.duration:.2f}"), khz=readable.local(f"{self.sample_rate / 1000:g}"))]
        if self.pause_reduction_db is not None:
            lines.append("  " + translate("Denoised", "in the pauses the sound is {db} dB quieter").format(
                db=readable.local(f"{self.pause_reduction_db:.1f}")))
        lines.append("  " + translate("Denoised", "{share} less sound energy after cleaning, mostly noise taken "
                                                  "away").format(share=f"{self.removed_share:.0%}"))
        if self.snr_before_db is not None:
            lines.append("  " + translate("Denoised", "before cleaning, speech was {db} dB above the noise").format(
                db=readable.local(f"{self.snr_before_db:.1f}")))
        return "\n".join(lines + [f"  {note}" for note in self.notes])

    def to_dict(self) -> dict[str, Any]:
        def rounded(value: float | None) -> float | None:
            return None if value is None else round(value, 3)

        return {"type": "denoised", "duration": round(self.duration, 4), "sample_rate": self.sample_rate,
                "removed_share": round(self.removed_share, 6), "snr_before_db": rounded(self.snr_before_db),
                "pause_reduction_db": rounded(self.pause_reduction_db), "notes": list(self.notes)}
