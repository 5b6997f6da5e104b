"""One batch from start to end: what is already done, the engine over the rest, each chunk kept as it lands,
and the results file written once every input has its row."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playground.batch.progress import Progress
from playground.batch.rows import path_text
from playground.batch.store import ResultStore
from playground.core.safe_output import json_text

Chunk = list[tuple[str, str | None]]  # files handed to an engine: (path, sha256 of a row that may stand for it)
MAX_CHUNK = 32  # files per part: a few seconds of work at most, so a stop loses little


@dataclass(frozen=True)
class Summary:
    total: int
    ran: int  # files run now
    kept: int  # rows an earlier run made for the same content, model and parameters
    errors: int  # rows with a sentence instead of a result (of all rows, kept ones included)
    left_out: int  # rows of an earlier run for files not among these inputs
    elapsed_s: float
    workers: int
    out: Path


def default_workers() -> int:
    """One worker per physical core: two hyper-threads of one core share its arithmetic units."""
    import psutil

    return psutil.cpu_count(logical=False) or os.cpu_count() or 1


def chunk_size(files: int, workers: int) -> int:
    """Small enough that every worker gets several chunks (they finish together), at most MAX_CHUNK."""
    return max(1, min(MAX_CHUNK, files // (workers * 4)))


def run_job(card: Any, params: dict[str, Any], files: list[Path], out: Path, workers: int,
            models_dir: Path, progress: Progress | None = None, chunk: int = 0, engine: str = "local",
            address: str | None = None, on_rows: Callable[[list[dict[str, Any]], int], None] | None = None,
            language: str = "en") -> Summary:
    """Run the batch on the local engine, or on Ray (`address`: a cluster's; None starts Ray here).
    on_rows(rows, kept) hears each chunk once its rows are on disk: the new rows, and how many files it skipped.
    `language`: the one the rows' answers and sentences are written in (the window's, for its batches)."""
    store = ResultStore(out, card.id, json_text(params, sort_keys=True))
    started = time.monotonic()
    with store.locked():
        index = store.done()
        order = [path_text(p) for p in files]
        wanted = set(order)
        left_out = sum(1 for path in index if path not in wanted)
        size = chunk or chunk_size(len(files), workers)
        chunks = [[(os.fspath(p), store.reusable(index.get(key))) for p, key in zip(files[i:i + size], order[i:i + size])]
                  for i in range(0, len(files), size)]
        shown = progress or Progress(len(files), 0)
        ran = 0

        def landed(new: list[dict[str, Any]], kept: int) -> None:
            nonlocal ran
            for row in new:
                row["model"], row["params"] = store.model, store.params
            index.update(store.write_part(new))  # on disk before it is counted
            ran += len(new)
            shown.add(len(new), sum(1 for row in new if row["error"]), kept)
            if on_rows is not None:
                on_rows(new, kept)

        try:
            if engine == "ray":
                from playground.batch.ray_engine import run_ray

                run_ray(card, params, models_dir, chunks, workers, landed, address, shown, language)
            else:
                from playground.batch.local import run_local

                run_local(card.id, params, models_dir, chunks, workers, landed, language)
        finally:
            shown.close()
        store.finish(order, index)
    errors = sum(1 for key in order if index[key].error)
    return Summary(len(files), ran, len(files) - ran, errors, left_out, time.monotonic() - started, workers,
                   store.out)
