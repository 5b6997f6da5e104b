"""A card's knobs as a run sees them: the value a person set, checked against the card's range, or its default."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from playground.core.card import ModelCard


def param(card: ModelCard, params: Mapping[str, Any], name: str) -> Any:
    """A knob's value: the given one (checked against the card's range) or the card's default."""
    spec = card.param(name)
    return spec.coerce(params[name]) if name in params else spec.default
