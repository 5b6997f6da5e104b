"""The bundled sample inputs a model can take, shared by the input panel's list and the result area's buttons."""

from __future__ import annotations

from pathlib import Path

from playground import paths
from playground.core import media

MAX_SAMPLES = 8


def sample_files(modality: str, folder: Path | None = None) -> list[Path]:
    """Bundled samples a model of this modality can take, by extension, in name order."""
    folder = folder or paths.samples_dir()
    allowed = media.SUPPORTED.get(modality, ())
    if not folder.is_dir():
        return []
    # SOURCES.md, README.md and the like describe the samples; they are not samples themselves.
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in allowed and not p.stem.isupper())[:MAX_SAMPLES]
