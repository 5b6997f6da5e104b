"""Language identification with langid.py: text → byte-sequence counts (numpy) → naive Bayes (ONNX) → languages.

The counting is langid's own: its automaton reads the UTF-8 bytes one at a time, and every state it
enters adds one to each byte sequence (feature) that ends there. The model then weighs the 7,480 counts
for each of 97 languages in a single MatMul.
"""

from __future__ import annotations

import functools
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from playground import paths
from playground.core import words
from playground.core.card import ModelCard
from playground.core.card_schema import PostprocessTable, count, stem
from playground.core.errors import InputError, ModelCardError, ModelMissingError
from playground.core.media import TextData
from playground.core.results import Label, Labels, Part, Rule
from playground.core.results.certainty import CLOSE, Certainty, a_guess, judge
from playground.core.session import not_installed
from playground.core.task import Feeds, Outputs, Runner
from playground.core.words import QT_TRANSLATE_NOOP, translate
from playground.tasks.knobs import param
from playground.tasks.pieces import sentences

BYTES = 256
# The languages the names file has a column for, in order after the code: the names are the app's own words.
NAME_COLUMNS = ("en", "de")
# Judged one by one: past this many pieces the text's mix of languages is clear from the first ones.
MAX_PIECES = 200
PARTS_TITLE = QT_TRANSLATE_NOOP("LanguageTask", "Sentence by sentence")
# langid's chances are naive Bayes ones: a paragraph in one language scores 100 %, and so does a text in
# ten, for whichever language holds most letters. So a mix is found from the pieces, not from the score:
# when the pieces in other languages than the winner's hold this share of the letters or more, the text
# is in several languages (one misread line among ten does not make a mix).
MIXED_SHARE = 0.25
# With the mix ruled out, a long text's winner is a sure answer; the rule catches the short and the odd.
RULE = Rule(sure=0.9, low=0.5, close=0.5,
            guess_reason=QT_TRANSLATE_NOOP("Certainty", "the text may be in a language the model does not know, or in several"))


@dataclass(frozen=True, eq=False)
class Tables:
    """langid's automaton: the next state per (state, byte), and the features each state counts (CSR)."""

    nextmove: np.ndarray  # uint16 [states · 256]
    out_state: np.ndarray  # int32 [states]: a row of indptr, or −1 when the state counts nothing
    indptr: np.ndarray  # int32 [rows + 1]
    indices: np.ndarray  # int32: feature ids
    features: int

    @property
    def states(self) -> int:
        return len(self.out_state)


@dataclass(frozen=True, kw_only=True)
class Postprocess(PostprocessTable):
    """The card's [postprocess]: the list of language names, and how many letters make more than a guess."""

    names: str = stem()  # assets/labels/<names>.tsv: code, then its name in each of NAME_COLUMNS, tab-separated
    few_letters: int = count()


@dataclass(frozen=True, eq=False)
class LanguageContext:
    letters: int  # letters in the text (any script), counted up to postprocess.few_letters
    pieces: tuple[str, ...] = ()  # the lines (or sentences) with enough letters to judge on their own
    weights: tuple[int, ...] = ()  # their letters, counted in full
    features: np.ndarray | None = None  # [pieces, features], fed in one batch


def featurise(raw: bytes, tables: Tables) -> np.ndarray:
    """The counts of langid's 7,480 byte sequences in raw, as float32 (langid's instance2fv)."""
    moves = memoryview(tables.nextmove.data)  # indexing a memoryview gives plain ints: 3× faster than numpy's
    state = 0
    visits: list[int] = []
    visit = visits.append
    for byte in raw:
        state = moves[(state << 8) + byte]
        visit(state)
    counts = np.bincount(np.asarray(visits, np.int64), minlength=tables.states)
    entered = np.flatnonzero(counts)
    rows = tables.out_state[entered]
    entered, rows = entered[rows >= 0], rows[rows >= 0]
    starts, lengths = tables.indptr[rows], tables.indptr[rows + 1] - tables.indptr[rows]
    # Every feature id of every entered state, gathered at once: position k of a state's run is start + k.
    runs = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(int(lengths.sum()))
    weights = np.repeat(counts[entered], lengths).astype(np.float64)
    return np.bincount(tables.indices[runs], weights=weights, minlength=tables.features).astype(np.float32)


def count_letters(text: str, enough: int) -> int:
    """Letters of any script in text, counted up to `enough`: past that the exact number changes nothing."""
    found = 0
    for ch in text:
        if ch.isalpha():
            found += 1
            if found >= enough:
                break
    return found


class LanguageTask:
    """langid.py rates 97 languages from the byte sequences of the text; short texts are flagged as guesses."""

    input_kind = "text"
    entry = "file"
    result_type = Labels
    card_tables = (Postprocess,)

    def preprocess(self, data: TextData, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, LanguageContext]:
        text = data.text.replace("\x00", " ")  # a NUL is no part of any language; langid would count it
        if not text.strip():
            raise InputError(translate("LanguageTask", "There is no text to look at: type or paste a sentence in any "
                                                       "language."))
        letters = count_letters(text, Postprocess.of(card).few_letters)
        if not letters:
            raise InputError(translate("LanguageTask", "There are no words here, only digits, signs or emoji: type "
                                                       "or paste a sentence in any language."))
        tables = load_tables(card)
        features = featurise(text.encode("utf-8", "replace"), tables)
        if not features.any():
            # The model would answer from its priors alone (English 17 %), which says nothing about the text.
            raise InputError(translate("LanguageTask", "None of the letter groups the model knows is in this text yet, "
                                                       "so it cannot tell the language: type a few more words."))
        return {card.inputs[0].name: features[None]}, judged_pieces(text, letters, tables, card)

    def infer(self, runner: Runner, feeds: Feeds, ctx: LanguageContext) -> Outputs:
        outputs = runner.run(feeds)
        if ctx.features is not None:
            pieces = runner.run({next(iter(feeds)): ctx.features})
            outputs.update({f"piece_{name}": value for name, value in pieces.items()})
        return outputs

    def postprocess(self, outputs: Outputs, ctx: LanguageContext, card: ModelCard, params: dict[str, Any]) -> Labels:
        probs = np.asarray(outputs["probabilities"], dtype=np.float64).reshape(-1)
        # Past the winner the probabilities of a long text are all 0 in float32; the log-probabilities
        # still rank the runners-up (for French: Occitan, Breton, Aragonese), so they set the order.
        log_prob = np.asarray(outputs["log_prob"], dtype=np.float64).reshape(-1)
        names = language_names(card)
        if not len(probs) == len(log_prob) == len(names):
            raise ModelCardError(f"{card.name}: the model rates {len(probs)} languages, but its list of names has "
                                 f"{len(names)}; the card names the wrong list in 'postprocess.names'.")
        top_k = min(int(param(card, params, "top_k")), len(names))
        order = np.argsort(-log_prob, kind="stable")[:top_k]
        codes = list(names)
        items = tuple(Label(codes[i], float(probs[i]), names[codes[i]]) for i in order)
        parts = _parts(outputs, ctx, codes, names)
        return Labels(items, note=_note(ctx, card), certainty=_certainty(items, parts, ctx, card),
                      parts=parts, parts_title=translate("LanguageTask", PARTS_TITLE) if parts else "")


def judged_pieces(text: str, letters: int, tables: Tables, card: ModelCard) -> LanguageContext:
    """The context, with the text's sentences featurised when two or more are long enough to judge."""
    enough = Postprocess.of(card).few_letters
    pieces = sentences(text)
    kept = [(piece, sum(ch.isalpha() for ch in piece)) for piece in pieces[:MAX_PIECES]]
    kept = [(piece, n) for piece, n in kept if n >= enough]
    if len(kept) < 2:
        return LanguageContext(letters)
    features = np.stack([featurise(piece.encode("utf-8", "replace"), tables) for piece, _ in kept])
    return LanguageContext(letters, tuple(p for p, _ in kept), tuple(n for _, n in kept), features)


def _parts(outputs: Outputs, ctx: LanguageContext, codes: list[str], names: dict[str, str]) -> tuple[Part, ...]:
    if not ctx.pieces or "piece_log_prob" not in outputs:
        return ()
    log_prob = np.asarray(outputs["piece_log_prob"], dtype=np.float64).reshape(len(ctx.pieces), -1)
    probs = np.asarray(outputs["piece_probabilities"], dtype=np.float64).reshape(len(ctx.pieces), -1)
    parts = []
    for piece, row, chances in zip(ctx.pieces, log_prob, probs):
        best = int(np.argmax(row))
        top_two = np.sort(chances)[::-1][:2]
        level = judge([(codes[best], float(top_two[0])), ("", float(top_two[1]))], RULE).level
        parts.append(Part(piece, Label(codes[best], float(chances[best]), names[codes[best]]), level))
    return tuple(parts)


def _certainty(items: tuple[Label, ...], parts: tuple[Part, ...], ctx: LanguageContext,
               card: ModelCard) -> Certainty:
    """Short texts are guesses; a text whose pieces are in several languages says so; else the score's rule."""
    if ctx.letters < Postprocess.of(card).few_letters:
        return a_guess(items[0].shown, translate("Certainty", "There are too few letters to be sure (see the note)."))
    shares: dict[str, int] = {}
    for part, weight in zip(parts, ctx.weights):
        shares[part.best.shown] = shares.get(part.best.shown, 0) + weight
    total = sum(shares.values())
    others = total - shares.get(items[0].shown, 0)
    if total and others >= MIXED_SHARE * total and len(shares) > 1:
        ranked = sorted(shares, key=lambda name: -shares[name])
        more = translate("Certainty", "{named} and {more} more").format(named=", ".join(ranked[:3]),
                                                                        more=len(ranked) - 3)
        named = more if len(ranked) > 3 else ", ".join(ranked)
        return Certainty(CLOSE, translate("Certainty", "Several languages: {named}. Each sentence's language is listed "
                                                       "below; the ranking treats the text as one.").format(named=named))
    return judge([(lab.shown, lab.score) for lab in items[:2]], RULE)


def _note(ctx: LanguageContext, card: ModelCard) -> str:
    """Short texts are where langid goes wrong ("Olá, tudo bem?" comes out Slovak): say so beside the answer."""
    enough = Postprocess.of(card).few_letters
    if ctx.letters >= enough:
        return ""
    if ctx.letters == 1:
        return translate("LanguageTask", "Only 1 letter to go on: with so few, take this as a guess, and give it a "
                                         "sentence or two to be sure.")
    return translate("LanguageTask", "Only {count} letters to go on: with so few, take this as a guess, and give it "
                                     "a sentence or two to be sure.").format(count=ctx.letters)


def names_path(card: ModelCard) -> Path:
    return paths.assets_dir() / "labels" / f"{Postprocess.of(card).names}.tsv"


def language_names(card: ModelCard) -> dict[str, str]:
    """Language code → its name in the window's language (English where the file has none), in the model's order."""
    path = names_path(card)
    try:
        return _read_names(str(path), words.language())
    except (OSError, UnicodeDecodeError, ValueError):
        raise ModelMissingError(translate("LanguageTask", "The language names of {model} ({path}) are missing or "
                                                          "damaged; reinstall the playground.").format(
            model=card.name, path=path)) from None


@functools.lru_cache(maxsize=4)
def _read_names(path: str, language: str = words.ENGLISH) -> dict[str, str]:
    """Read once per language: the names are looked up inside every run's timed postprocess stage. A language
    without a column, or an empty cell, gives the English name."""
    rows = [line.split("\t") for line in Path(path).read_text(encoding="utf-8").splitlines() if line]
    if not rows or any(not 2 <= len(row) <= 1 + len(NAME_COLUMNS) or not row[0] or not row[1] for row in rows):
        raise ValueError(path)
    column = 1 + NAME_COLUMNS.index(language) if language in NAME_COLUMNS else 1
    return {row[0]: (row[column] if column < len(row) and row[column] else row[1]) for row in rows}


def load_tables(card: ModelCard) -> Tables:
    """The automaton's tables from the model's .npz, read once per version of the file."""
    path = card.path("tables")
    try:
        return _read_tables(str(path), path.stat().st_mtime_ns)
    except OSError:
        raise not_installed(card) from None
    except (ValueError, KeyError, zipfile.BadZipFile, EOFError) as exc:
        # The command stays English in every language: the window puts its own buttons in its place.
        raise ModelMissingError(translate("LanguageTask", "{path} is damaged ({reason}); {fix}.").format(
            path=path, reason=exc, fix=f"run 'playground models fetch {card.id}'")) from None


@functools.lru_cache(maxsize=2)
def _read_tables(path: str, version: int) -> Tables:
    with np.load(path, allow_pickle=False) as npz:
        tables = Tables(npz["nextmove"], npz["out_state"], npz["indptr"], npz["indices"], int(npz["features"][0]))
    if (tables.nextmove.dtype != np.uint16 or len(tables.nextmove) != tables.states * BYTES
            or int(tables.nextmove.max()) >= tables.states or int(tables.out_state.max()) >= len(tables.indptr) - 1
            or tables.indptr[-1] != len(tables.indices) or int(tables.indices.max()) >= tables.features):
        raise ValueError("its tables do not fit together")
    return tables
