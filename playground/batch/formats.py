"""A batch's rows on disk: JSON Lines (parts, and results named .jsonl) and Parquet (results named .parquet).

Both are written whole or not at all: to a temporary file in the same folder, flushed to the disk, then
renamed over the target, which a power cut cannot leave half-done.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from playground.core.errors import InputError
from playground.core.safe_output import json_text, utf8

FORMATS = {".parquet": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl"}
# The columns, in order, with their Parquet types (pyarrow's names); answer is the result's first line as the
# window shows it; result, timings and notes hold the JSON that `playground run --json` prints for them, so one
# reader serves both commands.
COLUMNS = {"path": "string", "size": "int64", "sha256": "string", "answer": "string", "result": "string",
           "error": "string", "total_ms": "float64", "model_ms": "float64", "timings": "string", "notes": "string",
           "worker": "string", "model": "string", "params": "string"}
JSON_COLUMNS = ("result", "timings", "notes", "params")
ROW_GROUP = 10_000  # rows read or written at a time: memory stays flat however long the file


def format_of(out: Path) -> str:
    """'parquet' or 'jsonl', from the results file's name; checked before any work is done."""
    kind = FORMATS.get(out.suffix.lower())
    if kind is None:
        raise InputError(f"--out must end in .parquet or .jsonl (JSON Lines), not {out.name!r}: the name says which "
                         "format to write.")
    if kind == "parquet":
        need_pyarrow("writing Parquet")
    return kind


def need_pyarrow(purpose: str) -> Any:
    """pyarrow.parquet, or one sentence on how to get it (it is the batch extra, not part of the desktop app)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(f"{purpose[0].upper()}{purpose[1:]} needs pyarrow: install the batch extra "
                         "(pip install 'inference-playground[batch]'), or write JSON Lines with --out NAME.jsonl."
                         ) from None
    return pq


def write_atomically(path: Path, write: Any) -> None:
    """Call write(file) on a temporary file beside `path`, make it durable, then rename it to `path`."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # as any new file: mkstemp's is private to its owner
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX); other systems have no folder handles to flush."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def nested(row: dict[str, Any]) -> dict[str, Any]:
    """The row with its JSON columns as objects: what a reader of a JSON Lines results file wants (a part keeps
    them as text, as Parquet does)."""
    return {k: json.loads(v) if k in JSON_COLUMNS and isinstance(v, str) else v for k, v in row.items()}


def line_of(row: dict[str, Any]) -> bytes:
    return utf8(json_text(row) + "\n")


def write_rows(path: Path, rows: Iterable[dict[str, Any]], kind: str) -> None:
    """A results file from rows that may come one at a time (a million need not be in memory at once)."""
    if kind == "jsonl":
        write_atomically(path, lambda f: f.writelines(line_of(nested(row)) for row in rows))
        return
    import pyarrow as pa

    pq = need_pyarrow("writing Parquet")
    schema = pa.schema([(name, getattr(pa, kind_)()) for name, kind_ in COLUMNS.items()])

    def write(f: Any) -> None:
        with pq.ParquetWriter(f, schema, compression="zstd") as writer:
            batch: list[dict[str, Any]] = []
            written = 0
            for row in rows:
                batch.append({k: row.get(k) for k in COLUMNS})
                if len(batch) == ROW_GROUP:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    written, batch = written + len(batch), []
            if batch or not written:  # the last rows; or none at all, which is still a file with its columns
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))

    write_atomically(path, write)


def iter_rows(path: Path) -> Iterator[dict[str, Any]]:
    """The rows of a results file or a part, one at a time, each with its JSON columns as text."""
    if FORMATS.get(path.suffix.lower()) == "parquet":
        for batch in need_pyarrow("reading Parquet results").ParquetFile(path).iter_batches(ROW_GROUP):
            yield from batch.to_pylist()
        return
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield as_text(json.loads(line))


def as_text(row: dict[str, Any]) -> dict[str, Any]:
    return {k: json_text(v) if k in JSON_COLUMNS and v is not None and not isinstance(v, str) else v
            for k, v in row.items()}


def read_rows(path: Path) -> list[dict[str, Any]]:
    """The rows of a results file or a part, as a list (a test's or a small file's way)."""
    return list(iter_rows(path))
