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
