"""What a task may read from a card's [preprocess] and [postprocess] tables: each key's type, range and default,
checked when the catalog loads the card, so a misspelt or ill-typed key is refused naming the file and the key.

A task declares one frozen dataclass per table it reads, with a field per key:

    @dataclass(frozen=True, kw_only=True)
    class FacesPre(PreprocessTable):
        max_side: int = count()
        resample: str = choice(RESAMPLING, default="bilinear")

and reads it typed at run time with `FacesPre.of(card).max_side`. `check_tables` refuses a key that no table
of the card's task declares, and a value of the wrong kind, before any picture or recording is touched.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import MISSING, dataclass, field
from typing import Any, ClassVar, Self

from playground.core.card import ModelCard
from playground.core.errors import ModelCardError

SECTIONS = ("preprocess", "postprocess")
RESAMPLING = ("nearest", "box", "bilinear", "hamming", "bicubic", "lanczos")  # Pillow's filters, by name
_KEY = "card_key"


class TableProblem(ValueError):
    """A value that is well typed but wrong together with another: `key` names it, the message says why."""

    def __init__(self, key: str, why: str) -> None:
        super().__init__(why)
        self.key = key


@dataclass(frozen=True)
class Key:
    """How one key is read: its kind, and for some kinds a length or the allowed words."""

    kind: str  # count (whole number above 0), whole, number, text, flag, numbers, texts, stem, note
    length: int | None = None  # numbers: exactly this many
    choices: tuple[str, ...] = ()  # text: one of these (compared in lower case)

    def read(self, value: Any) -> Any:
        """The value converted to its Python type, or TypeError/ValueError with the end of a sentence."""
        if self.kind in ("count", "whole"):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"must be a whole number, not {_kind_of(value)}")
            if self.kind == "count" and value <= 0:
                raise ValueError(f"must be above 0, not {value}")
            return value
        if self.kind == "number":
            return _number(value)
        if self.kind == "flag":
            if not isinstance(value, bool):
                raise TypeError(f"must be true or false, not {_kind_of(value)}")
            return value
        if self.kind == "numbers":
            if not isinstance(value, list) or len(value) != self.length:
                raise TypeError(f"must list {self.length} numbers")
            return tuple(_number(v) for v in value)
        if self.kind == "texts":
            if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
                raise TypeError("must list one or more words")
            return tuple(value)
        if not isinstance(value, str):
            raise TypeError(f"must be text, not {_kind_of(value)}")
        if self.kind == "stem" and (not value or any(c in value for c in "/\\") or value.startswith(".")):
            raise ValueError(f"must be a plain file name without folders, not '{value}'")
        if self.choices and value.lower() not in self.choices:
            raise ValueError(f"must be one of {', '.join(self.choices)}, not '{value}'")
        return value.lower() if self.choices else value


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"must be a number, not {_kind_of(value)}")
    return float(value)


def _kind_of(value: Any) -> str:
    return {bool: "true/false", int: "a whole number", float: "a number", str: "text", list: "a list",
            dict: "a table"}.get(type(value), type(value).__name__)


def _key(kind: str, default: Any = MISSING, **extra: Any) -> Any:
    # The dataclass default is the converted default, so a table built from an empty card equals the defaults.
    return field(default=default, metadata={_KEY: Key(kind, **extra)})


def count(default: int | Any = MISSING) -> Any:
    """A whole number above 0 (a size, a rate, a number of frames)."""
    return _key("count", default)


def whole(default: int | Any = MISSING) -> Any:
    """Any whole number, 0 and below included (an offset)."""
    return _key("whole", default)


def number(default: float | Any = MISSING) -> Any:
    """Any number; whole numbers are read as floats."""
    return _key("number", default)


def flag(default: bool | Any = MISSING) -> Any:
    return _key("flag", default)


def text(default: str | Any = MISSING) -> Any:
    return _key("text", default)


def choice(words: Iterable[str], default: str | Any = MISSING) -> Any:
    """One of a few words, in any case; read in lower case."""
    return _key("text", default, choices=tuple(words))


def numbers(length: int) -> Any:
    """Exactly `length` numbers, read as a tuple of floats."""
    return _key("numbers", length=length)


def texts(default: tuple[str, ...] | Any = MISSING) -> Any:
    """A non-empty list of words, read as a tuple (a card with none leaves the key out, where it has a default)."""
    return _key("texts", default)


def stem() -> Any:
    """The name of a file in one of the app's own folders: a plain name, never a path."""
    return _key("stem")


def note() -> Any:
    """Words for the person reading the card (how the pixels are scaled, say) that no code reads."""
    return _key("text", None)


class CardTable:
    """Base of a task's typed view of one card table; subclasses are frozen, keyword-only dataclasses."""

    section: ClassVar[str]

    @classmethod
    def keys(cls) -> dict[str, Key]:
        return {f.name: f.metadata[_KEY] for f in dataclasses.fields(cls) if _KEY in f.metadata}  # type: ignore[arg-type]

    @classmethod
    def of(cls, card: ModelCard) -> Self:
        """The card's table read and checked; a missing, ill-typed or inconsistent key names the file and key."""
        table: dict[str, Any] = getattr(card, cls.section)
        values: dict[str, Any] = {}
        for name, key in cls.keys().items():
            if name not in table:
                continue  # the field's default applies; a required key is caught by the constructor below
            try:
                values[name] = key.read(table[name])
            except (TypeError, ValueError) as exc:
                raise ModelCardError(f"{_where(card, cls.section, name)} {exc}.") from None
        missing = [f.name for f in dataclasses.fields(cls)  # type: ignore[arg-type]
                   if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            raise ModelCardError(f"{_where(card, cls.section, missing[0])} is missing; the {card.task} task needs it.")
        try:
            return cls(**values)
        except TableProblem as exc:
            raise ModelCardError(f"{_where(card, cls.section, exc.key)} {exc}.") from None


class PreprocessTable(CardTable):
    section = "preprocess"


class PostprocessTable(CardTable):
    section = "postprocess"


def check_tables(card: ModelCard, tables: Iterable[type[CardTable]]) -> None:
    """Refuse a key no table declares, then read every table: the catalog calls this once per card."""
    tables = tuple(tables)
    for section in SECTIONS:
        known = {name for t in tables if t.section == section for name in t.keys()}
        for name in getattr(card, section):
            if name not in known:
                listed = ", ".join(sorted(known)) if known else "none"
                raise ModelCardError(f"{_where(card, section, name)} is not one the {card.task} task reads "
                                     f"(it reads: {listed}).")
    for table in tables:
        table.of(card)


def _where(card: ModelCard, section: str, key: str) -> str:
    return f"{card.folder / 'model.toml'}: key '{section}.{key}'"
