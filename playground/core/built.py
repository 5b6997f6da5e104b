"""The `.built` manifest a fetch leaves in a model's folder: recorded hashes and what the build measured."""

from __future__ import annotations

import json
from typing import Any

from playground.core.card import BuiltFile, ModelCard

MANIFEST = ".built"


def read_manifest(card: ModelCard) -> dict[str, Any]:
    """The manifest of the last successful build, or {} when there is none or it cannot be read."""
    try:
        data = json.loads((card.folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("model") == card.id else {}


def expected_sha256(card: ModelCard, built: BuiltFile, manifest: dict[str, Any] | None = None) -> str:
    """The hash a built file must have: the card's own, or for a file trained or calibrated on this
    machine (its bytes differ from one CPU to the next) the hash recorded when it was built here.
    "" means nothing was recorded, so the file is not installed.
    """
    if built.reproducible:
        return built.sha256
    entry = (manifest if manifest is not None else read_manifest(card)).get("files", {}).get(built.role, {})
    recorded = entry.get("sha256", "") if isinstance(entry, dict) else ""
    return recorded if isinstance(recorded, str) else ""


def measured_at_build(card: ModelCard) -> dict[str, Any]:
    """What the build measured (held-out accuracy, int8 agreement ...), as recorded in the manifest."""
    return measured_in(read_manifest(card))


def measured_in(manifest: dict[str, Any]) -> dict[str, Any]:
    # Manifests written by earlier versions keep the same numbers under "facts".
    measured = manifest.get("measured", manifest.get("facts", {}))
    return measured if isinstance(measured, dict) else {}
