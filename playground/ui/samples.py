"""The bundled sample inputs a model can take, shared by the input panel's list and the result area's buttons."""

from __future__ import annotations

from pathlib import Path

from playground import paths
from playground.core import media
from playground.core.card import ModelCard

MAX_SAMPLES = 8


def sample_files(card: ModelCard, folder: Path | None = None) -> list[Path]:
    """The samples the card suggests (in its order), else every bundled sample of its modality by name."""
    folder = folder or paths.samples_dir()
    allowed = media.SUPPORTED.get(card.modality, ())
    if not folder.is_dir():
        return []
    if card.samples is not None:  # the card's own choice, even when it is "none" (a drawing board instead)
        return [folder / name for name in card.samples
                if (folder / name).is_file() and (folder / name).suffix.lower() in allowed][:MAX_SAMPLES]
    # SOURCES.md, README.md and the like describe the samples; they are not samples themselves.
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in allowed and not p.stem.isupper())[:MAX_SAMPLES]
