"""Small text formats the panels share (sizes, counts), kept apart so panels never import each other."""

from __future__ import annotations


def size_text(n: int) -> str:
    """Bytes as a person reads them: 4.6 MB, 97 kB."""
    return f"{n / 1e6:.1f} MB" if n >= 1e5 else f"{n / 1e3:.0f} kB"


def count_text(n: int) -> str:
    """1.8 million, 310 thousand, 12."""
    if n >= 1_000_000:
        return f"{n / 1e6:.1f} million"
    return f"{n / 1e3:.0f} thousand" if n >= 1000 else str(n)


def fact_text(key: str, value: object) -> str:
    """One fact a build measured, as a line of the card: shares as per cent, seconds with a unit."""
    name = key.replace("_", " ").capitalize()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"{name}: {value}"
    if any(word in key for word in ("accuracy", "agreement", "share")) and 0 <= value <= 1:
        return f"{name}: {value * 100:.1f} %"
    if key.endswith("_seconds"):
        return f"{name[: -len(' seconds')]}: {value:.1f} s"
    if key.endswith("_ms"):
        return f"{name[: -len(' ms')]}: {value:.2f} ms"
    return f"{name}: {value:,}" if isinstance(value, int) else f"{name}: {value:.4g}"
