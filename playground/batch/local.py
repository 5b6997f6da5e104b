"""The local engine: the fastest way through many files on one computer.

One process per physical core, each with its own session at one onnxruntime thread: files are independent, so
whole runs side by side scale better than one run's layers split across threads, and one process's
decoding overlaps another's model. Work goes out in chunks of files; each chunk that comes back is one
part on disk (store.py) before the next is counted. Processes are started fresh (spawn), never forked from
a parent that may hold onnxruntime's threads.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from playground.batch.job import Chunk
from playground.core.errors import PlaygroundError

_worker: dict[str, Any] = {}


class WorkerLost(PlaygroundError):
    """A worker process ended without answering: killed, or out of memory."""


def _start(model_id: str, params: dict[str, Any], models_dir: str, language: str) -> None:
    """In each worker: open the model once, at one thread, speaking the batch's language; Ctrl-C is the parent's
    to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from playground.batch.rows import worker_name
    from playground.core import words
    from playground.core.pipeline import Pipeline
    from playground.core.session import RuntimeOptions
    from playground.core.task import RunRequest
    from playground.tasks.registry import checked_catalog, get_task

    words.speak(language)
    card = checked_catalog(Path(models_dir)).get(model_id)
    _worker["pipeline"] = Pipeline(options=RuntimeOptions(threads=1))
    _worker["request"] = RunRequest(card, get_task(card.task), None, params)
    _worker["name"] = worker_name()


def _run_chunk(chunk: Chunk) -> tuple[list[dict[str, Any]], int]:
    """Rows for the chunk's files, and how many were skipped (their rows stand)."""
    from playground.batch.rows import run_file

    rows, kept = [], 0
    for path, sha256 in chunk:
        row = run_file(_worker["pipeline"], _worker["request"], Path(path), sha256, _worker["name"])
        if row is None:
            kept += 1
        else:
            rows.append(row)
    return rows, kept


def run_local(model_id: str, params: dict[str, Any], models_dir: Path, chunks: list[Chunk], workers: int,
              on_chunk: Callable[[list[dict[str, Any]], int], None], language: str = "en") -> None:
    """Run every chunk on `workers` processes; on_chunk(rows, kept) hears each as it finishes, in the parent.
    Ctrl-C stops the workers at once (what they were doing is redone next time)."""
    pending = deque(chunks)
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start,
                               initargs=(model_id, params, str(models_dir), language))
    running: dict[Future, Chunk] = {}
    try:
        while pending or running:
            while pending and len(running) < 2 * workers:  # one waiting per worker: none ever idles
                chunk = pending.popleft()
                running[pool.submit(_run_chunk, chunk)] = chunk
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                chunk = running.pop(future)
                try:
                    rows, kept = future.result()
                except BrokenProcessPool:
                    raise WorkerLost(f"A worker stopped without answering while it ran {Path(chunk[0][0]).name} or "
                                     "the files after it (killed, or out of memory): run the same command again to go "
                                     "on from there, with fewer --workers if memory is short.") from None
                on_chunk(rows, kept)
    finally:
        _stop(pool)


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the workers now, not after their current chunk: a stopped batch should stop."""
    processes = list(getattr(pool, "_processes", {}).values())  # the executor has no public kill
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
