"""Files two models share: a built file the same, byte for byte, as one another model already has is linked to
it (a hard link), so it is on disk once (the two SmolLM2 builds' 118 MB of weights)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from playground.core.built import MANIFEST


def same_file_elsewhere(folder: Path, sha256: str, size: int) -> Path | None:
    """A file with this hash and size that another model's build recorded (its `.built` manifest) and that is
    still there and still that size; None when no model has one."""
    for manifest in sorted(folder.parent.glob(f"*/{MANIFEST}")):
        if manifest.parent == folder:
            continue
        try:
            files = json.loads(manifest.read_text(encoding="utf-8")).get("files", {})
        except (OSError, ValueError):
            continue
        for entry in files.values() if isinstance(files, dict) else ():
            if not isinstance(entry, dict) or entry.get("sha256") != sha256 or entry.get("size") != size:
                continue
            candidate = manifest.parent / str(entry.get("path", ""))
            if candidate.parent == manifest.parent and candidate.is_file() and candidate.stat().st_size == size:
                return candidate
    return None


def link_if_shared(built: Path, folder: Path, sha256: str) -> bool:
    """Replace the freshly built `built` by a hard link to the same file another model has; False (and `built`
    left as it is) when none has it or the file system cannot link (another disk, no hard links)."""
    twin = same_file_elsewhere(folder, sha256, built.stat().st_size)
    if twin is None:
        return False
    staged = built.with_name(built.name + ".link")
    try:
        staged.unlink(missing_ok=True)
        os.link(twin, staged)
        os.replace(staged, built)
    except OSError:
        staged.unlink(missing_ok=True)
        return False
    return True
