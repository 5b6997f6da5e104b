"""What a build measured, as lines of a model's card; every number in them reads through core.readable."""

from __future__ import annotations

from playground.core import readable


def measurement_line(key: str, value: object) -> str:
    """One number a build measured, as a line of the card: shares as per cent, seconds with a unit."""
    name = key.replace("_", " ").capitalize()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"{name}: {value}"
    value = value + 0.0 if isinstance(value, float) else value  # -0.0 reads as 0
    if any(word in key for word in ("accuracy", "agreement", "share")) and 0 <= value <= 1:
        return f"{name}: {readable.percent(value, 1)}"
    if key.endswith("_seconds"):
        return f"{name[: -len(' seconds')]}: {readable.duration(value)}"
    if key.endswith("_ms"):
        return f"{name[: -len(' ms')]}: {readable.ms(value)} ms"
    if key.endswith("_bytes"):
        return f"{name[: -len(' bytes')]}: {readable.size(value)}"
    return f"{name}: {value:,}" if isinstance(value, int) else f"{name}: {readable.sig(value, 4)}"
