"""The bundled sample inputs a model can take, shared by the input panel's list and the result area's buttons."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from playground import paths
from playground.core import media, words
from playground.core.card import ModelCard

MAX_SAMPLES = 8
NAMES_FILE = "NAMES.toml"  # beside the samples: what each one is, in a few words ("A cat" for chelsea.png)


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


@lru_cache(maxsize=8)
def _names(folder: Path) -> dict[str, dict[str, str]]:
    """The names by language: "" for the English at the top of the file, a code for each table ([de])."""
    try:
        table = tomllib.loads((folder / NAMES_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}  # the samples still work, named by their files
    names = {"": {k: v for k, v in table.items() if isinstance(v, str) and v}}
    for code, words_of in table.items():
        if isinstance(words_of, dict):
            names[code] = {k: v for k, v in words_of.items() if isinstance(v, str) and v}
    return names


def sample_name(path: Path) -> str:
    """What the sample is, in a few words in the window's language ("A cat", "Eine Katze"), its English name
    where the language has none, or, for a sample not named, its file's name."""
    names = _names(path.parent)
    spoken = names.get(words.language(), {}).get(path.name)
    return spoken or names.get("", {}).get(path.name, path.name)
