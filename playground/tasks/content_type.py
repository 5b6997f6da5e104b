"""Content type with Magika: pasted text in, the most likely kinds of file or code it is out."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from playground.core import readable
from playground.core.card import ModelCard
from playground.core.card_schema import PostprocessTable, PreprocessTable, TableProblem, count, number
from playground.core.errors import InputError, ModelCardError, ModelMissingError
from playground.core.media import TextData
from playground.core.results import Certainty, Label, Labels
from playground.core.results.certainty import GUESS, percent_text
from playground.core.session import not_installed
from playground.core.task import Feeds, Outputs, Runner
from playground.core.words import translate
from playground.tasks.knobs import param
from playground.tasks.labels import describe

TEXT = "txt"  # what an unsure guess falls back to: whatever it is, it arrived as text
# The bytes Python's bytes.strip() removes (ASCII whitespace), as the model's own feature extractor does.
_WHITESPACE = b" \t\n\r\x0b\x0c"


@dataclass(frozen=True, kw_only=True)
class Preprocess(PreprocessTable):
    """The card's [preprocess], as Magika's config.min.json has it: the first beg_size bytes of the first
    block_size and the last end_size of the last block_size, padded with padding_token; below
    min_size_for_model meaningful bytes the model is not run."""

    beg_size: int = count()
    end_size: int = count()
    block_size: int = count()
    padding_token: int = count()
    min_size_for_model: int = count()

    def __post_init__(self) -> None:
        # The too-short test looks at byte min_size_for_model of the beginning part.
        if self.min_size_for_model > self.beg_size:
            raise TableProblem("min_size_for_model", f"({self.min_size_for_model}) must not exceed "
                                                     f"'preprocess.beg_size' ({self.beg_size})")


@dataclass(frozen=True, kw_only=True)
class Postprocess(PostprocessTable):
    """The card's [postprocess]: how sure a guess must be when config.min.json names no threshold."""

    default_threshold: float = number(default=0.5)

    def __post_init__(self) -> None:
        if not 0.0 <= self.default_threshold <= 1.0:
            raise TableProblem("default_threshold", f"must be between 0 and 1, not {self.default_threshold}")


@dataclass(frozen=True)
class MagikaConfig:
    """What the model's config.min.json says about its labels and how sure each must be."""

    labels: tuple[str, ...]
    thresholds: dict[str, float]
    default_threshold: float
    overwrite_map: dict[str, str]

    def threshold(self, label: str) -> float:
        return self.thresholds.get(label, self.default_threshold)


@dataclass(frozen=True, eq=False)
class ContentContext:
    config: MagikaConfig
    size: int  # bytes of UTF-8 text
    short: bool  # too little content for the model: it is not run


@dataclass(frozen=True)
class ContentTypeTask:
    """Magika reads the first and last kilobyte of the bytes and rates 214 content types."""

    input_kind = "text"
    entry = "file"
    result_type = Labels
    card_tables = (Preprocess, Postprocess)

    def preprocess(self, data: TextData, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, ContentContext]:
        config = load_config(card)
        raw = data.text.encode("utf-8", errors="replace")
        if not raw.strip(_WHITESPACE):
            raise InputError(translate("ContentTypeTask", "There is no text to look at: type or paste a few lines "
                                                          "first."))
        pre = Preprocess.of(card)
        pad_token = pre.padding_token
        features = byte_features(raw, beg_size=pre.beg_size, end_size=pre.end_size, block_size=pre.block_size,
                                 padding=pad_token)
        min_size = pre.min_size_for_model
        # Fewer than min_size meaningful bytes (after stripping spaces) is too little to judge.
        short = len(raw) < min_size or int(features[min_size - 1]) == pad_token
        return {card.inputs[0].name: features[None]}, ContentContext(config, len(raw), short)

    def infer(self, runner: Runner, feeds: Feeds, ctx: ContentContext) -> Outputs:
        return {} if ctx.short else runner.run(feeds)

    def postprocess(self, outputs: Outputs, ctx: ContentContext, card: ModelCard, params: dict[str, Any]) -> Labels:
        if ctx.short:
            verdict_said = translate("Certainty", "Too short to judge: taken as plain text.")
            return Labels((Label(TEXT, 1.0, describe(TEXT)),),
                          note=translate("ContentTypeTask", "Too short for the model to judge, so it is plain text: "
                                                            "give it a few lines."),
                          certainty=Certainty(GUESS, verdict_said))
        probs = np.asarray(outputs[card.outputs[0].name], dtype=np.float64).reshape(-1)
        if len(probs) != len(ctx.config.labels):
            raise ModelCardError(f"{card.name}: the model rates {len(probs)} types, but its config lists "
                                 f"{len(ctx.config.labels)}; run 'playground models fetch {card.id}'.")
        top_k = int(param(card, params, "top_k"))
        order = np.argsort(-probs, kind="stable")[:top_k]
        items = tuple(Label(ctx.config.labels[i], float(probs[i]), describe(ctx.config.labels[i])) for i in order)
        unsure = items[0].score < ctx.config.threshold(items[0].name)
        # Magika's own thresholds per type decide; below one, its answer is plain text, as the tool says.
        certainty = (Certainty(GUESS, translate("Certainty", "Not sure: taken as plain text (the best guess, {name}, "
                                                             "has {top}).").format(
            name=items[0].shown, top=percent_text(items[0].score))) if unsure else None)
        return Labels(items, note=verdict(items[0], ctx.config), certainty=certainty)


def verdict(best: Label, config: MagikaConfig) -> str:
    """'' when the best guess stands as the answer; otherwise one sentence saying what is shown instead."""
    threshold = config.threshold(best.name)
    if best.score < threshold:
        return translate("ContentTypeTask", "Not sure enough to name a type: the best guess, {name}, scored {score} "
                                            "but needs {threshold}, so this is treated as plain text.").format(
            name=best.description or best.name, score=readable.local(f"{best.score:.2f}"),
            threshold=readable.local(f"{threshold:.2f}"))
    shown = config.overwrite_map.get(best.name, best.name)
    if shown != best.name:
        return translate("ContentTypeTask", "Shown as {shown}: the model's best guess was {name}.").format(
            shown=describe(shown) or shown, name=best.description or best.name)
    return ""


def byte_features(raw: bytes, *, beg_size: int, end_size: int, block_size: int, padding: int) -> np.ndarray:
    """The model's input: [first beg_size bytes | last end_size bytes] as int32, padded with `padding`.

    Only the first and last block_size bytes are read; the start is left-stripped and the end
    right-stripped of ASCII whitespace first, so indentation and trailing newlines do not count.
    """
    beg = raw[:block_size].lstrip(_WHITESPACE)[:beg_size]
    end = raw[-block_size:].rstrip(_WHITESPACE)
    end = end[len(end) - end_size:] if len(end) > end_size else end
    features = np.full(beg_size + end_size, padding, dtype=np.int32)
    features[:len(beg)] = np.frombuffer(beg, dtype=np.uint8)
    features[beg_size + end_size - len(end):] = np.frombuffer(end, dtype=np.uint8)
    return features


def load_config(card: ModelCard) -> MagikaConfig:
    """Read config.min.json and check it agrees with the card's [preprocess] values."""
    path = card.path("config")
    try:
        data = _read_json(str(path), path.stat().st_mtime_ns)
    except OSError:
        raise not_installed(card) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelMissingError(translate("ContentTypeTask", "{path} is damaged ({reason}); {fix}.").format(
            path=path, reason=exc, fix=_fetch(card))) from None
    pre = Preprocess.of(card)
    for config_key, card_key in (("beg_size", "beg_size"), ("end_size", "end_size"), ("block_size", "block_size"),
                                 ("padding_token", "padding_token"), ("min_file_size_for_dl", "min_size_for_model")):
        if config_key in data and data[config_key] != getattr(pre, card_key):
            raise ModelCardError(f"{card.folder / 'model.toml'}: key 'preprocess.{card_key}' is "
                                 f"{getattr(pre, card_key)}, but {path.name} says {data[config_key]}.")
    try:
        default = float(data.get("medium_confidence_threshold", Postprocess.of(card).default_threshold))
        return MagikaConfig(labels=tuple(str(x) for x in data["target_labels_space"]),
                            thresholds={str(k): float(v) for k, v in data.get("thresholds", {}).items()},
                            default_threshold=default,
                            overwrite_map={str(k): str(v) for k, v in data.get("overwrite_map", {}).items()})
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ModelMissingError(translate("ContentTypeTask", "{path} lacks the label list or thresholds ({reason}); "
                                                             "{fix}.").format(path=path, reason=exc,
                                                                              fix=_fetch(card))) from None


def _fetch(card: ModelCard) -> str:
    """The command that puts the model's files right: English in every language, since the window puts its own
    buttons in its place (ui/inputs.said_in_window)."""
    return f"run 'playground models fetch {card.id}'"


@functools.lru_cache(maxsize=4)
def _read_json(path: str, version: int) -> dict[str, Any]:
    """Parsed once per version of the file: the config is read inside every run's timed preprocess stage."""
    return json.loads(Path(path).read_text(encoding="utf-8"))
