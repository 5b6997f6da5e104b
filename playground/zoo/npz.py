"""Writing .npz files whose bytes depend only on the arrays: fixed member dates, order and no compression.

numpy's own savez stamps each member with the current time, so two builds would never match a pinned
sha256. Members are stored, not deflated: deflate's output may differ between zlib builds, stored bytes
cannot. np.load reads the result as usual.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from pathlib import Path

import numpy as np

_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold


def write_npz(path: Path, arrays: Mapping[str, np.ndarray]) -> None:
    """Save arrays as path (an .npz), each as <name>.npy in the order given."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        for name, value in arrays.items():
            info = zipfile.ZipInfo(f"{name}.npy", date_time=_EPOCH)
            info.create_system, info.external_attr = 3, 0o644 << 16  # the same on Windows and whatever the umask
            with zf.open(info, "w", force_zip64=True) as member:
                little = np.ascontiguousarray(value, dtype=np.asarray(value).dtype.newbyteorder("<"))
                np.lib.format.write_array(member, little, allow_pickle=False)
