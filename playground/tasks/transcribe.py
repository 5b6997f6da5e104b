"""Speech to text with Whisper: log-mel → encoder once → greedy decoder steps with a cache → text."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from playground.core.card import ModelCard
from playground.core.errors import InputError, ModelCardError
from playground.core.media import AudioData
from playground.core.results import Phrase, Transcript
from playground.tasks.base import Feeds, Outputs, Runner
from playground.tasks.log_mel import RATE, WINDOW_SAMPLES, log_mel
from playground.tasks.whisper_text import (BEGIN_SUPPRESS, EOT, NO_TIMESTAMPS, SOT, detokenize, suppression,
                                           vocabulary)

MAX_TOKENS = 224  # half the decoder's 448 positions, as the reference decoder allows


@dataclass(frozen=True, eq=False)
class TranscribeContext:
    audio: AudioData


def _suppress_ids(card: ModelCard) -> list[int]:
    path = card.path("config")
    try:
        return list(json.loads(Path(path).read_text(encoding="utf-8"))["suppress_ids"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelCardError(f"{path.name} has no readable suppress_ids ({exc}); fetch the model again.") from None


class TranscribeTask:
    input_kind = "audio"
    result_type = Transcript

    def preprocess(self, data: AudioData, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, TranscribeContext]:
        samples = np.asarray(getattr(data, "samples", np.zeros(0)), np.float32)
        if data.sample_rate != RATE:
            raise InputError(f"The recording is at {data.sample_rate} Hz where {RATE} Hz is needed; open it again.")
        if len(samples) > WINDOW_SAMPLES:
            raise InputError(f"The recording is {len(samples) / RATE:.0f} s long; this version transcribes up to "
                             "30 s at a time: cut it shorter, or pick a shorter one.")
        return {"mel": log_mel(samples)[None]}, TranscribeContext(data)

    def infer(self, runner: Runner, feeds: Feeds, ctx: TranscribeContext) -> Outputs:
        card = runner.card
        cross_k, cross_v = runner.run(feeds, ["cross_k", "cross_v"]).values()
        layers = cross_k.shape[0]
        empty = np.zeros((layers, 1, 0, cross_k.shape[-1]), np.float32)
        self_k, self_v = empty, empty
        mask = None
        new, picked = [SOT, NO_TIMESTAMPS], []
        vocab = vocabulary(str(card.path("tokenizer")))
        for step in range(MAX_TOKENS):
            runner.check()
            out = runner.run({"tokens": np.array([new], np.int64), "self_k": self_k, "self_v": self_v,
                              "cross_k": cross_k, "cross_v": cross_v}, role="decoder")
            logits, self_k, self_v = out["logits"][0, -1], out["new_self_k"], out["new_self_v"]
            if mask is None:
                mask = suppression(_suppress_ids(card), logits.shape[-1])
            logits = logits + mask
            if step == 0:
                logits[list(BEGIN_SUPPRESS)] = -np.inf
            token = int(np.argmax(logits))
            if token == EOT:
                break
            picked.append(token)
            new = [token]
            if runner.listening:
                runner.report(min(0.99, len(picked) / 40), self._transcript(ctx, detokenize(picked, vocab)))
        return {"text": np.array(detokenize(picked, vocab))}

    @staticmethod
    def _transcript(ctx: TranscribeContext, text: str) -> Transcript:
        audio = ctx.audio
        duration = len(audio.samples) / audio.sample_rate
        return Transcript(audio.samples, audio.sample_rate, (Phrase(0.0, duration, text),) if text else ())

    def postprocess(self, outputs: Outputs, ctx: TranscribeContext, card: ModelCard,
                    params: dict[str, Any]) -> Transcript:
        return self._transcript(ctx, str(outputs["text"]))
