"""The `.built` manifest a fetch leaves in a model's folder: recorded hashes and what the build measured."""

from __future__ import annotations

import json
from typing import Any

from playground.core import readable
from playground.core.card import BuiltFile, ModelCard
from playground.core.words import translate

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


# The sentences a build writes (its headline, why it chose a scheme) are recorded in English for the command
# line, and under SAYS as a template and its figures, so a window in another language says them in its own.
SAYS = "says"


def with_sentences(measured: dict[str, Any], **sentences: tuple[str, dict[str, Any]]) -> dict[str, Any]:
    """`measured` plus each sentence, given as (template marked for the "Build" context, its figures)."""
    out = dict(measured)
    for key, (template, values) in sentences.items():
        out[key] = template.format(**values)
        out.setdefault(SAYS, {})[key] = [template, values]
    return out


def measured_words(card: ModelCard) -> dict[str, Any]:
    """What the build measured, its sentences in the language spoken (English where a build recorded only
    the English, as earlier versions did)."""
    measured = dict(measured_at_build(card))
    says = measured.pop(SAYS, {})
    for key, said in (says.items() if isinstance(says, dict) else ()):
        try:
            template, values = said
            measured[key] = readable.fill(translate("Build", template), **values)
        except (TypeError, ValueError, KeyError, IndexError, AttributeError):
            pass  # a record this version cannot read: its English stays
    return measured
