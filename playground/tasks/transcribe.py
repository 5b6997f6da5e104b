"""Speech to text with Whisper, only where someone speaks: voice detection → pieces of up to 30 s → text.

Silero VAD (the card's `vad` companion) finds the speech first. Stretches without speech never reach
Whisper, which would invent words there ("You"). Speech is grouped into pieces of at most 30 s, cut in
the pauses, each widened a little at the start so no first syllable is lost; each piece is one log-mel,
one encoder run and greedy decoder steps with a cache (whisper_decode), giving its sentences with times.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from playground.core.card import ModelCard
from playground.core.card_schema import PreprocessTable, TableProblem, count, flag
from playground.core.errors import InputError, ModelCardError
from playground.core.media import AudioData
from playground.core.media.long_audio import LongAudio
from playground.core.results import Phrase, Transcript
from playground.core.task import Feeds, Outputs, Runner
from playground.core.words import translate
from playground.tasks.log_mel import RATE, log_mel
from playground.tasks.long_speech import speech_in_file
from playground.tasks.vad import NO_SOUND, VadPre, frames_with_context, rules_for, segments_of, speech_probabilities
from playground.tasks.whisper_decode import decode_piece
from playground.tasks.whisper_text import vocabulary

LEAD_S, TAIL_S = 0.3, 0.2  # widening of each piece: the detector's edges fall inside a word's first sound
PIECE_S = 29.0  # a piece with its widening stays inside Whisper's 30 s window


def pieces(segments: tuple[tuple[float, float], ...], duration: float) -> list[tuple[float, float]]:
    """Speech segments grouped, in order, into pieces of at most PIECE_S seconds, cut only in pauses
    (a single segment longer than that is cut into PIECE_S-long parts), each widened by LEAD_S / TAIL_S."""
    spans: list[tuple[float, float]] = []
    for start, end in segments:
        while end - start > PIECE_S:  # one long breathless stretch: cut it where it must be cut
            spans.append((start, start + PIECE_S))
            start += PIECE_S
        spans.append((start, end))
    out: list[tuple[float, float]] = []
    for start, end in spans:
        if out and end - out[-1][0] + LEAD_S + TAIL_S <= PIECE_S:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return [(max(0.0, s - LEAD_S), min(duration, e + TAIL_S)) for s, e in out]


def fit_to_speech(start: float, end: float, speech: tuple[tuple[float, float], ...]) -> tuple[float, float]:
    """A sentence's times tightened to the speech the detector found inside them, widened as pieces are.

    Whisper tiny's times come in steps of about a second and often begin in the pause before a word;
    the detector's edges are within a frame (32 ms), so clicking a sentence starts just before its words.
    """
    inside = [(s, e) for s, e in speech if s < end and e > start]
    if not inside:
        return start, end
    first = max(start, inside[0][0] - LEAD_S) if inside[0][0] >= start else start
    last = min(end, inside[-1][1] + TAIL_S) if inside[-1][1] <= end else end
    return (first, last) if last > first else (start, end)


@dataclass(frozen=True, kw_only=True)
class TranscribePre(PreprocessTable):
    """The card's [preprocess], read by the audio decoder: the rate to convert to, and whether to read long files in blocks."""

    sample_rate: int = count()  # playground.core.media.audio converts every recording to this rate
    long_audio: bool = flag(False)  # past five minutes, the recording is read from its file a minute at a time

    def __post_init__(self) -> None:
        if self.sample_rate != RATE:
            raise TableProblem("sample_rate", f"must be {RATE}, the rate Whisper hears, not {self.sample_rate}")


@dataclass(eq=False)
class TranscribeContext:
    """What preprocess hands to infer, and infer fills in for postprocess."""

    audio: AudioData | LongAudio
    phrases: list[Phrase] = field(default_factory=list)  # filled by infer, one per sentence
    # A long recording's waveform (time, low, high), drawn on the way; set once the file has been read.
    envelope: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None


def suppress_ids(card: ModelCard) -> list[int]:
    path = card.path("config")
    try:
        return list(json.loads(Path(path).read_text(encoding="utf-8"))["suppress_ids"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelCardError(translate("TranscribeTask", "{name} has no readable suppress_ids ({reason}); fetch the "
                                                         "model again.").format(name=path.name, reason=exc)) from None


class TranscribeTask:
    input_kind = "audio"
    entry = "file"
    result_type = Transcript
    card_tables = (TranscribePre,)
    companion_roles = ("vad",)  # the voice detector it listens with (runner.companions["vad"])

    def preprocess(self, data: AudioData | LongAudio, card: ModelCard,
                   params: dict[str, Any]) -> tuple[Feeds, TranscribeContext]:
        if isinstance(data, LongAudio):
            return {}, TranscribeContext(data)
        samples = np.asarray(getattr(data, "samples", np.zeros(0)), np.float32)
        if data.sample_rate != RATE:
            raise InputError(translate("TranscribeTask", "The recording is at {rate} Hz where {needed} Hz is needed; "
                                                         "open it again.").format(rate=data.sample_rate, needed=RATE))
        if not len(samples):
            raise InputError(translate("Tasks", NO_SOUND))
        return {}, TranscribeContext(data)

    def infer(self, runner: Runner, feeds: Feeds, ctx: TranscribeContext) -> Outputs:
        if isinstance(ctx.audio, LongAudio):
            long = ctx.audio
            # The detector's pass over the file is cheap next to Whisper: a tenth of the progress bar.
            speech, ctx.envelope = speech_in_file(runner, long, lambda f: runner.report(0.1 * f))
            spans, read = pieces(speech, long.seconds), lambda s, e: long.read(s, e - s)
        else:
            samples = np.asarray(ctx.audio.samples, np.float32)
            speech = self._speech(runner, samples)
            spans = pieces(speech, len(samples) / RATE)
            read = lambda s, e: samples[int(s * RATE):int(e * RATE)]  # noqa: E731
        vocab = vocabulary(str(runner.card.path("tokenizer")))
        suppress = suppress_ids(runner.card)
        phrases: list[Phrase] = []
        heard = None
        picked: list[int] = []
        base = 0.1 if isinstance(ctx.audio, LongAudio) else 0.2  # of the progress bar, for the detector
        for done, (start, end) in enumerate(spans):
            piece = read(start, end)
            heard = decode_piece(runner, log_mel(piece)[None], suppress, vocab, end - start)
            picked += heard.picked
            for sentence in heard.sentences:
                said_from, said_to = fit_to_speech(start + sentence.start, start + sentence.end, speech)
                phrases.append(Phrase(said_from, said_to, sentence.text, sentence.doubtful))
            if runner.listening and done + 1 < len(spans):
                runner.report(base + (1 - base) * (done + 1) / len(spans), self._transcript(ctx, phrases))
        ctx.phrases.extend(phrases)
        # The last decoder run's scores are the model's raw answer; the pieces chosen from them are the app's.
        return {} if heard is None else {"scores": heard.scores, "picked": np.asarray(picked, np.int64)}

    @staticmethod
    def _speech(runner: Runner, samples: np.ndarray) -> tuple[tuple[float, float], ...]:
        """Silero's speech segments, in seconds (the frames run on the `vad` companion)."""
        vad = runner.companions["vad"]
        rules = rules_for(vad, {})
        if len(samples) < rules.frame:
            return ()
        frames = frames_with_context(samples, rules.frame, VadPre.of(vad).context)
        probs = speech_probabilities(runner, vad, frames, rules.sample_rate, role="vad")
        return segments_of(probs, rules, len(samples))

    @staticmethod
    def _transcript(ctx: TranscribeContext, phrases: list[Phrase]) -> Transcript:
        said = tuple(p for p in phrases if p.text)
        if isinstance(ctx.audio, LongAudio):
            return Transcript(np.zeros(0, np.float32), ctx.audio.sample_rate, said, ctx.audio, ctx.envelope)
        return Transcript(ctx.audio.samples, ctx.audio.sample_rate, said)

    def postprocess(self, outputs: Outputs, ctx: TranscribeContext, card: ModelCard,
                    params: dict[str, Any]) -> Transcript:
        return self._transcript(ctx, ctx.phrases)
