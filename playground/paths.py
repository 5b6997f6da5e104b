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
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "inference-playground"


def root() -> Path:
    """Folder holding the read-only assets/ and the model cards under models/."""
    for candidate in (_frozen_root(), _checkout_root()):
        if candidate is not None:
            return candidate
    return _PACKAGE_DIR / "_data"  # an installed wheel carries its data inside the package


def assets_dir() -> Path:
    return Path(os.environ["PLAYGROUND_ASSETS"]) if os.environ.get("PLAYGROUND_ASSETS") else root() / "assets"


def models_dir() -> Path:
    """Model cards and their built files. A checkout keeps both in models/; an installed copy that
    cannot write beside its cards is pointed elsewhere with PLAYGROUND_MODELS."""
    return Path(os.environ["PLAYGROUND_MODELS"]) if os.environ.get("PLAYGROUND_MODELS") else root() / "models"


def samples_dir() -> Path:
    return assets_dir() / "samples"


def explainers_dir() -> Path:
    return assets_dir() / "explainers"


def cache_dir() -> Path:
    """Downloaded source packages, shared by every checkout: each file is checked by sha256 before use."""
    if os.environ.get("PLAYGROUND_CACHE"):
        return Path(os.environ["PLAYGROUND_CACHE"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "inference-playground" / "sources"


def log_dir() -> Path:
    return _data_home() / "logs"
