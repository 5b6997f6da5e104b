"""What a batch runs over: files, folders searched to the bottom for the model's kind of file, and manifests.

A manifest lists one path per line (any other name), or has a `path` column (`.csv`, `.parquet`); a relative
path in it is taken from the manifest's own folder, so a manifest moves with its files. Every path comes out
absolute and once, in the order given (a folder's files sorted), which is also the order of the results.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from pathlib import Path

from playground.core.errors import InputError
from playground.core.media import SUPPORTED

PATH_COLUMN = "path"
MANIFEST_SUFFIXES = (".parquet",)  # an INPUT with this name is always a manifest; others need --manifest


def expand(inputs: Iterable[str], manifests: Iterable[str], modality: str) -> list[Path]:
    """Every file to run, absolute, each once. Raises InputError naming the first INPUT that is not there, a
    manifest that cannot be read, or an empty result."""
    found: list[Path] = []
    for text in inputs:
        path = Path(text)
        if path.suffix.lower() in MANIFEST_SUFFIXES and path.is_file():
            found += manifest_paths(path)
        elif path.is_dir():
            found += files_under(path, modality)
        elif path.is_file():
            found.append(path.absolute())
        else:
            raise InputError(f"There is no file or folder called {text}: check the name.")
    for text in manifests:
        found += manifest_paths(Path(text))
    unique = list(dict.fromkeys(found))
    if not unique:
        raise InputError(f"No {modality} files were found in what was given ({', '.join(SUPPORTED.get(modality, ()))}): "
                         f"give files, folders that hold some, or a manifest.")
    return unique


def files_under(folder: Path, modality: str) -> list[Path]:
    """The folder's files of the model's kind, by name, in every subfolder (links to folders are not followed:
    they may loop), sorted by path."""
    suffixes = SUPPORTED.get(modality, ())
    out = []
    for root, dirs, files in os.walk(folder.absolute(), followlinks=False):
        dirs.sort()
        out += [Path(root) / name for name in sorted(files)
                if Path(name).suffix.lower() in suffixes and (Path(root) / name).is_file()]  # no pipes or devices
    return out


def manifest_paths(manifest: Path) -> list[Path]:
    """The paths a manifest lists, absolute (relative ones from the manifest's folder)."""
    try:
        if manifest.suffix.lower() == ".parquet":
            names = _parquet_paths(manifest)
        else:
            text = manifest.read_text(encoding="utf-8")
            names = _csv_paths(text, manifest) if manifest.suffix.lower() == ".csv" else text.splitlines()
    except FileNotFoundError:
        raise InputError(f"There is no manifest called {manifest}: check the name.") from None
    except UnicodeDecodeError:
        raise InputError(f"The manifest {manifest} is not UTF-8 text: save it as UTF-8 and try again.") from None
    base = manifest.absolute().parent
    return [base / name.strip() for name in names if name.strip()]


def _csv_paths(text: str, manifest: Path) -> list[str]:
    rows = csv.DictReader(io.StringIO(text))
    if PATH_COLUMN not in (rows.fieldnames or ()):
        raise InputError(f"The manifest {manifest} has no column called {PATH_COLUMN}: name the column of file "
                         f"paths {PATH_COLUMN} in its first line.")
    return [row[PATH_COLUMN] or "" for row in rows]


def _parquet_paths(manifest: Path) -> list[str]:
    from playground.batch.formats import need_pyarrow

    pq = need_pyarrow("reading a Parquet manifest")
    try:
        schema = pq.read_schema(manifest)
    except Exception as exc:  # noqa: BLE001 - pyarrow's errors have no common base worth naming
        raise InputError(f"The manifest {manifest} is not a Parquet file pyarrow can read ({exc}).") from None
    if PATH_COLUMN not in schema.names:
        raise InputError(f"The manifest {manifest} has no column called {PATH_COLUMN}: name the column of file "
                         f"paths {PATH_COLUMN}.")
    return [str(p) for p in pq.read_table(manifest, columns=[PATH_COLUMN]).column(PATH_COLUMN).to_pylist() if p]
