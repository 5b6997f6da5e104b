"""The one place that knows where assets/, models/ and the download cache live; creates nothing at import."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _checkout_root() -> Path | None:
    """The repository root when running from a checkout (assets/ and models/ beside playground/)."""
    root = _PACKAGE_DIR.parent
    return root if (root / "assets").is_dir() and (root / "models").is_dir() else None


def _frozen_root() -> Path | None:
    """A PyInstaller bundle unpacks data beside the executable in sys._MEIPASS."""
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) if getattr(sys, "frozen", False) and base else None


def _data_home() -> Path:
    """$XDG_DATA_HOME/inference-playground: the person's own models and logs."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "inference-playground"


def root() -> Path:
    """Folder holding the read-only assets/ and the model cards under models/."""
    for candidate in (_frozen_root(), _checkout_root()):
        if candidate is not None:
            return candidate
    return _PACKAGE_DIR / "_data"  # an installed wheel carries its data inside the package


def assets_dir() -> Path:
    return Path(os.environ["PLAYGROUND_ASSETS"]) if os.environ.get("PLAYGROUND_ASSETS") else root() / "assets"


def installed_copy() -> bool:
    """An installed wheel: its cards and assets are read-only inside the package, not beside a checkout."""
    return _frozen_root() is None and _checkout_root() is None


def shipped_cards_dir() -> Path:
    """The model cards this version came with (read-only in an installed copy)."""
    return root() / "models"


def bundled() -> bool:
    """Running from a PyInstaller bundle (a .deb's /opt folder, an installer's Program Files): read-only."""
    return _frozen_root() is not None


def models_dir() -> Path:
    """Model cards and their built files, together, one folder per model. A checkout keeps them in models/;
    an installed copy and a bundle in the person's data folder, where they may write (core/catalog.py brings
    the shipped cards there, and a bundle's shipped models as links), so an install never writes into
    site-packages or /opt, and a model downloaded later sits beside those that came with the app."""
    if os.environ.get("PLAYGROUND_MODELS"):
        return Path(os.environ["PLAYGROUND_MODELS"])
    return _data_home() / "models" if installed_copy() or bundled() else shipped_cards_dir()


def cards_to_bring() -> Path | None:
    """The shipped cards, when they live apart from the models folder and must be brought there first."""
    if os.environ.get("PLAYGROUND_MODELS") or not (installed_copy() or bundled()):
        return None
    return shipped_cards_dir()


def samples_dir() -> Path:
    return assets_dir() / "samples"


def explainers_root() -> Path:
    """One folder per language (`en`, `de`, ...), each holding the same explainers and lesson tours."""
    return assets_dir() / "explainers"


def explainers_dir(language: str | None = None) -> Path:
    """The explainers in `language`, by default the one the window speaks (core/words.py)."""
    from playground.core import words  # paths is imported before the core: no cycle at start

    return explainers_root() / (language or words.language())


def cache_dir() -> Path:
    """Downloaded source packages, shared by every checkout: each file is checked by sha256 before use."""
    if os.environ.get("PLAYGROUND_CACHE"):
        return Path(os.environ["PLAYGROUND_CACHE"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "inference-playground" / "sources"


def batches_dir() -> Path:
    """Where a batch started from the window keeps its rows, so a stopped one goes on the next time."""
    return _data_home() / "batches"


def own_models_dir() -> Path:
    """The models a person added from their own .onnx files, a folder each with its card, kept apart from the
    shipped ones so an update never touches them (anymodel/keep.py)."""
    if os.environ.get("PLAYGROUND_OWN_MODELS"):
        return Path(os.environ["PLAYGROUND_OWN_MODELS"])
    return _data_home() / "my-models"


def log_dir() -> Path:
    return _data_home() / "logs"
