"""Where a batch keeps what it has done, so an interrupted one goes on where it stopped and loses nothing.

Finished rows go, a few at a time, into parts: small JSON Lines files in `RESULTS.parts/`, each written whole
or not at all (formats.write_atomically). Killed at any moment (Ctrl-C, a lost worker, a power cut), a batch
has lost at most the rows not yet in a part. The next run with the same --out reads the parts, and a
results file already there (last night's, first copied into parts of its own), and skips each file whose
row was made by the same model and parameters from the same content (sha256). When every file has a row, the
results file is written in one go, in the order of the inputs, and the parts are removed: the results file
is whole, or not there yet.

Memory holds an index, not the rows: for each path its hash, how it was made, and where its row lies in
which part, a few hundred bytes; the results file is written by reading each row back from its part.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playground.batch.formats import ROW_GROUP, format_of, iter_rows, line_of, write_atomically, write_rows
from playground.core.errors import InputError

_PART = re.compile(r"part-(\d{4})-(\d{6})\.jsonl")
_COPIED = "earlier-results-copied"  # a mark, written once an earlier results file is wholly in parts of run 0


@dataclass(frozen=True)
class Kept:
    """Where one path's latest row lies, and what reusing it depends on."""

    sha256: str | None
    model: str | None
    params: str | None
    error: bool
    part: Path
    offset: int
    length: int


class ResultStore:
    def __init__(self, out: Path, model: str, params: str) -> None:
        self.out = out.absolute()
        self.kind = format_of(self.out)
        self.parts = self.out.with_name(self.out.name + ".parts")
        self.model, self.params = model, params  # a row made otherwise is redone, not reused
        self.run = 0  # this run's number among the runs that wrote parts (their names sort by it)
        self._seq = 0

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the results' lock for the block: two batches writing the same file would each lose the other's rows."""
        from playground.zoo.locks import hold

        def taken() -> None:
            raise InputError(f"Another batch is writing {self.out.name} now: wait for it to finish, or choose another "
                             "--out.")

        if not self.out.parent.is_dir():
            raise InputError(f"There is no folder {self.out.parent} to write {self.out.name} in: create it first.")
        with hold(self.out.with_name(f".{self.out.name}.lock"), on_wait=taken):
            yield

    def done(self) -> dict[str, Kept]:
        """Every row kept so far, by path, the latest for each; opens the parts folder for this run's rows."""
        self.parts.mkdir(exist_ok=True)
        for leftover in self.parts.glob(".*.tmp"):  # a part whose writing was cut short: never renamed, never used
            leftover.unlink(missing_ok=True)
        copied = self._copy_earlier_results() if self.out.is_file() and not (self.parts / _COPIED).is_file() else {}
        index: dict[str, Kept] = dict(copied)
        names = sorted(p.name for p in self.parts.iterdir() if _PART.fullmatch(p.name))
        for name in names:
            if not (copied and name.startswith("part-0000-")):  # just written: their places are known
                index.update(_index(self.parts / name))
        self.run = 1 + max((int(_PART.fullmatch(n).group(1)) for n in names), default=0)  # type: ignore[union-attr]
        return index

    def _copy_earlier_results(self) -> dict[str, Kept]:
        """An earlier run's results file into parts of run 0, so that every kept row is read back the same way;
        where each row now lies. A copy cut short is begun again (the mark is written last)."""
        for part in self.parts.glob("part-0000-*.jsonl"):
            part.unlink()
        batch: list[dict[str, Any]] = []
        index: dict[str, Kept] = {}
        seq = 0
        try:
            for row in iter_rows(self.out):
                batch.append(row)
                if len(batch) == ROW_GROUP:
                    seq += 1
                    index.update(_write_part(self.parts / f"part-0000-{seq:06d}.jsonl", batch))
                    batch = []
        except (ValueError, KeyError, OSError) as exc:
            raise InputError(f"{self.out} is not a batch's results file ({exc}): move it away, or choose another "
                             "--out.") from None
        if batch:
            index.update(_write_part(self.parts / f"part-0000-{seq + 1:06d}.jsonl", batch))
        write_atomically(self.parts / _COPIED, lambda f: None)
        return index

    def reusable(self, kept: Kept | None) -> str | None:
        """The sha256 under which a kept row may stand for its file, or None when it must be made again (another
        model or other parameters, or the file could not even be read then)."""
        if kept is None or kept.model != self.model or kept.params != self.params:
            return None
        return kept.sha256

    def write_part(self, rows: list[dict[str, Any]]) -> dict[str, Kept]:
        """Keep rows on disk; where each lies."""
        if not rows:
            return {}
        self._seq += 1
        return _write_part(self.parts / f"part-{self.run:04d}-{self._seq:06d}.jsonl", rows)

    def finish(self, order: list[str], index: dict[str, Kept]) -> None:
        """Write the results file, one row per input in `order`, read back from the parts; remove the parts."""
        missing = [path for path in order if path not in index]
        if missing:
            raise RuntimeError(f"{len(missing)} inputs have no row, the first {missing[0]}")
        write_rows(self.out, _read_back(index[path] for path in order), self.kind)
        shutil.rmtree(self.parts, ignore_errors=True)


def _write_part(path: Path, rows: list[dict[str, Any]]) -> dict[str, Kept]:
    lines = [line_of(row) for row in rows]
    write_atomically(path, lambda f: f.writelines(lines))
    index, offset = {}, 0
    for row, line in zip(rows, lines):
        index[row["path"]] = _kept(row, path, offset, len(line))
        offset += len(line)
    return index


def _kept(row: dict[str, Any], part: Path, offset: int, length: int) -> Kept:
    return Kept(row.get("sha256"), row.get("model"), row.get("params"), bool(row.get("error")), part, offset, length)


def _index(part: Path) -> dict[str, Kept]:
    index, offset = {}, 0
    try:
        with part.open("rb") as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    index[row["path"]] = _kept(row, part, offset, len(line))
                offset += len(line)
    except (ValueError, KeyError, OSError) as exc:
        raise InputError(f"{part} is not a part of a batch's results ({exc}): remove {part.parent.name} to begin "
                         "the batch again.") from None
    return index


def _read_back(entries: Iterable[Kept]) -> Iterator[dict[str, Any]]:
    """Each row from its part, one at a time (one part open at once: rows mostly come in the parts' order)."""
    current: Path | None = None
    f: Any = None
    try:
        for entry in entries:
            if entry.part != current:
                if f is not None:
                    f.close()
                current, f = entry.part, entry.part.open("rb")
            f.seek(entry.offset)
            yield json.loads(f.read(entry.length))
    finally:
        if f is not None:
            f.close()
