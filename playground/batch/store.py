"""Where a batch keeps what it has done, so an interrupted one goes on where it stopped and loses nothing.

Finished rows go, a few at a time, into parts: small JSON Lines files in `RESULTS.parts/`, each written whole
or not at all (formats.write_atomically). Killed at any moment (Ctrl-C, a lost worker, a power cut), a batch
has lost at most the rows not yet in a part. The next run with the same --out reads the parts, and a
results file already there (last night's), and skips each file whose row was made by the same model and
parameters from the same content (sha256). When every file has a row, the results file is written in one
go, in the order of the inputs, and the parts are removed: the results file is whole, or not there yet.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playground.batch.formats import format_of, read_rows, write_rows
from playground.core.errors import InputError

_PART = re.compile(r"part-(\d{4})-(\d{6})\.jsonl")


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

    def done(self) -> dict[str, dict[str, Any]]:
        """Every row kept so far, by path, the latest for each; opens the parts folder for this run's rows."""
        rows: dict[str, dict[str, Any]] = {}
        if self.out.is_file():
            for row in _readable(self.out):
                rows[row["path"]] = row
        self.parts.mkdir(exist_ok=True)
        for leftover in self.parts.glob(".*.tmp"):  # a part whose writing was cut short: never renamed, never used
            leftover.unlink(missing_ok=True)
        names = sorted(p.name for p in self.parts.iterdir() if _PART.fullmatch(p.name))
        for name in names:
            for row in _readable(self.parts / name):
                rows[row["path"]] = row
        self.run = 1 + max((int(_PART.fullmatch(n).group(1)) for n in names), default=0)  # type: ignore[union-attr]
        return rows

    def reusable(self, row: dict[str, Any] | None) -> str | None:
        """The sha256 under which a kept row may stand for its file, or None when it must be made again (another
        model or other parameters, or the file could not even be read then)."""
        if row is None or row.get("model") != self.model or row.get("params") != self.params:
            return None
        return row.get("sha256")

    def write_part(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        self._seq += 1
        write_rows(self.parts / f"part-{self.run:04d}-{self._seq:06d}.jsonl", rows, "jsonl", nested=False)

    def finish(self, order: list[str], rows: dict[str, dict[str, Any]]) -> None:
        """Write the results file, one row per input in `order`, and remove the parts."""
        missing = [path for path in order if path not in rows]
        if missing:
            raise RuntimeError(f"{len(missing)} inputs have no row, the first {missing[0]}")
        write_rows(self.out, [rows[path] for path in order], self.kind)
        shutil.rmtree(self.parts, ignore_errors=True)


def _readable(path: Path) -> list[dict[str, Any]]:
    try:
        return read_rows(path)
    except (ValueError, KeyError, OSError) as exc:
        raise InputError(f"{path} is not a batch's results file ({exc}): move it away, or choose another --out."
                         ) from None

