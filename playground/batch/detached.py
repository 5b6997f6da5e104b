"""A batch run for another program (the window): the same job as `playground batch`, in a child process of its
own, its rows sent back as each chunk lands on disk.

A child of its own because an engine brings processes, threads and signal handlers (Ray's above all) that
have no place in the window's process, and because a stop then needs no engine's cooperation: the child and
everything it started are killed at once, even while Ray is still starting. Nothing is lost by it: a row is
sent here only once it is on disk, where the next run of the same batch finds it (store.py, and the command's
test that kills a batch midway).
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playground.batch.job import Summary
from playground.core.errors import Cancelled, PlaygroundError

POLL_S = 0.1  # how often the parent looks for a stop while it waits for rows
END_WAIT_S = 20.0  # a child that said all has this long to end by itself (Ray shuts its processes down)


class BatchFailed(PlaygroundError):
    """The child said why the batch could not go on, or ended without saying."""


def run_detached(model_id: str, params: dict[str, Any], files: list[Path], out: Path, workers: int, engine: str,
                 models_dir: Path, stopped: Callable[[], bool],
                 on_rows: Callable[[list[dict[str, Any]], int], None], chunk: int = 0, language: str = "en") -> Summary:
    """Run the batch in a child; on_rows(rows, kept) hears each chunk, here. Cancelled once stopped() is true
    (the rows kept so far stay on disk for the next run). The rows speak `language` (the window's)."""
    context = multiprocessing.get_context("spawn")  # never a fork of a process holding Qt's and onnxruntime's threads
    news: Any = context.Queue()
    child = context.Process(target=_child, name="playground-batch", daemon=False,  # a daemon may start no workers
                            args=(news, model_id, params, [os.fspath(f) for f in files], os.fspath(out), workers,
                                  engine, os.fspath(models_dir), chunk, language))
    child.start()
    said_all = False
    try:
        while True:
            if stopped():
                raise Cancelled()
            try:
                kind, *body = news.get(timeout=POLL_S)
            except queue.Empty:
                if not child.is_alive() and news.empty():
                    raise BatchFailed("The batch ended without finishing (killed, or out of memory): run it again to "
                                      "go on where it stopped.") from None
                continue
            if kind == "rows":
                on_rows(*body)
            elif kind == "done":
                said_all = True
                return body[0]
            elif kind == "failed":
                said_all = True
                raise BatchFailed(body[0])
    finally:
        _end(child, wait=said_all)
        news.close()


def _end(child: Any, wait: bool) -> None:
    """Let a child that said all end by itself (or kill it if it lingers); kill one stopped at work, with all it
    started (the local engine's workers; Ray's processes)."""
    if wait:
        child.join(END_WAIT_S)
    if child.is_alive():
        child.kill()
    child.join()
    try:
        os.killpg(child.pid, signal.SIGKILL)  # its process group (_child): whatever it started and left behind
    except (ProcessLookupError, PermissionError):
        pass


def _end_with(parent: int) -> None:
    """End this process's group when the parent is gone (a window closed or killed before it could stop the batch):
    no batch goes on alone. What finished is kept, as after any stop."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os.killpg(0, signal.SIGKILL)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _child(news: Any, model_id: str, params: dict[str, Any], files: list[str], out: str, workers: int, engine: str,
           models_dir: str, chunk: int, language: str) -> None:
    os.setpgrp()  # a group of its own: whatever its engine starts ends with it (_end), and no terminal's Ctrl-C
    _end_with(os.getppid())
    from playground.batch.job import run_job
    from playground.batch.progress import Progress
    from playground.tasks.registry import checked_catalog

    try:
        card = checked_catalog(Path(models_dir)).get(model_id)
        with open(os.devnull, "w", encoding="utf-8") as nowhere:  # the parent shows the progress
            summary = run_job(card, params, [Path(f) for f in files], Path(out), workers, Path(models_dir),
                              Progress(len(files), 0, stream=nowhere, tty=False), chunk, engine,
                              on_rows=lambda rows, kept: news.put(("rows", rows, kept)), language=language)
    except PlaygroundError as exc:
        news.put(("failed", str(exc)))
    except Exception as exc:  # noqa: BLE001 - the window shows one sentence, whatever broke in here
        news.put(("failed", f"The batch stopped: something unexpected went wrong ({type(exc).__name__}: {exc}); "
                            "please report it."))
    else:
        news.put(("done", summary))
    news.close()
    news.join_thread()  # everything said reaches the parent before this process ends
