"""Reading a card's [preprocess]/[postprocess] facts with typed checks, so tasks hard-code none of them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playground import paths
from playground.core.card import ModelCard
from playground.core.errors import ModelCardError


def fact(card: ModelCard, section: str, key: str, kind: type | tuple[type, ...], default: Any = ...) -> Any:
    """card.<section>[key], checked against `kind`; a missing or mistyped fact names the file and key."""
    table: dict[str, Any] = getattr(card, section)
    where = f"{card.folder / 'model.toml'}: key '{section}.{key}'"
    if key not in table:
        if default is ...:
            raise ModelCardError(f"{where} is missing; the {card.task} task needs it.")
        return default
    value = table[key]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, bool) and bool not in kinds or not isinstance(value, kinds):
        names = " or ".join(k.__name__ for k in kinds)
        raise ModelCardError(f"{where} must be a {names}, not {type(value).__name__}.")
    return value


def positive_int(card: ModelCard, section: str, key: str, default: Any = ...) -> int:
    value = fact(card, section, key, int, default)
    if value <= 0:
        raise ModelCardError(f"{card.folder / 'model.toml'}: key '{section}.{key}' must be above 0, not {value}.")
    return int(value)


def float_list(card: ModelCard, section: str, key: str, length: int) -> tuple[float, ...]:
    values = fact(card, section, key, list)
    if len(values) != length or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        raise ModelCardError(f"{card.folder / 'model.toml'}: key '{section}.{key}' must list {length} numbers.")
    return tuple(float(v) for v in values)


def param(card: ModelCard, params: dict[str, Any], name: str) -> Any:
    """A knob's value: the given one (checked against the card's range) or the card's default."""
    spec = card.param(name)
    return spec.coerce(params[name]) if name in params else spec.default


def label_file(card: ModelCard, key: str, suffix: str, example: str) -> Path:
    """assets/labels/<postprocess.key><suffix>; the name is a plain file stem, never a path."""
    name = fact(card, "postprocess", key, str)
    if not name or any(c in name for c in "/\\") or name.startswith("."):
        raise ModelCardError(f"{card.folder / 'model.toml'}: key 'postprocess.{key}' must name a list in "
                             f"assets/labels (like \"{example}\"), not '{name}'.")
    return paths.assets_dir() / "labels" / f"{name}{suffix}"
