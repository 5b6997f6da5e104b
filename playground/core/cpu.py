"""What this processor offers for 8-bit arithmetic, read from the operating system (Linux /proc/cpuinfo)."""

from __future__ import annotations

import functools
from pathlib import Path

from playground.core.words import QT_TRANSLATE_NOOP, translate

# Flag in /proc/cpuinfo -> the name people find in a processor's specification.
DOT_PRODUCT = {"avx512_vnni": "AVX-512 VNNI", "avx_vnni": "AVX-VNNI", "asimddp": "Arm dot product"}

NO_DOT_PRODUCT = QT_TRANSLATE_NOOP(
    "Cpu", "This processor lacks the 8-bit dot-product instructions (VNNI) that int8 models lean on: here an int8 "
    "model may gain less speed over float32, and since onnxruntime adds its 8-bit products another way, its "
    "answers can differ from those on a processor with VNNI; the float32 version answers alike on every processor.")


@functools.lru_cache(maxsize=1)
def cpu_flags(path: str = "/proc/cpuinfo") -> frozenset[str] | None:
    """Every flag the processor reports, or None where the system does not say (not Linux)."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    flags: set[str] = set()
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip() in ("flags", "Features"):  # x86 says "flags", Arm "Features"
            flags.update(value.split())
    return frozenset(flags)


def int8_dot_product(flags: frozenset[str] | None = None) -> str | None:
    """The name of the 8-bit dot-product instructions found, "" when there are none, None when unknown."""
    flags = cpu_flags() if flags is None else flags
    if flags is None:
        return None
    return next((name for flag, name in DOT_PRODUCT.items() if flag in flags), "")


def int8_caution(tags: tuple[str, ...] | list[str], flags: frozenset[str] | None = None) -> str:
    """The sentence to show beside an int8 model on a processor without dot-product instructions, or ""
    (also where the system does not say what the processor has: no warning on a guess)."""
    return translate("Cpu", NO_DOT_PRODUCT) if "int8" in tags and int8_dot_product(flags) == "" else ""
