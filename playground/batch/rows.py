"""One batch row: a file's path, size and sha256, then its result (as `playground run --json` gives it) and
timings, or the one sentence that refused it. A bad file is a row, never the end of the batch."""

from __future__ import annotations

import hashlib
import os
import socket
import stat
from pathlib import Path
from typing import Any

from playground.core.errors import Cancelled, InputError, PlaygroundError
from playground.core.safe_output import json_text

_CHUNK = 1 << 20


def path_text(path: Path | str) -> str:
    """A path as text any file format can hold: a name's undecodable bytes (lone surrogates in Python) are
    written as their \\udcXX escape. Results are keyed by this text, so both formats agree on it."""
    return str(path).encode("utf-8", "backslashreplace").decode("utf-8")


def worker_name() -> str:
    """Which machine and process made a row: enough to find the log of a node that answered oddly."""
    return f"{socket.gethostname()}:{os.getpid()}"


def content_of(path: Path) -> tuple[int, str]:
    """The file's size and sha256, read in pieces (memory stays small whatever the file's size). Only a regular
    file is read: a device or a pipe named in a manifest (/dev/zero) would never end, or block the worker."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise InputError(f"{path.name} is not a regular file (a device, a pipe or a folder): list files only.")
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as f:
        while block := f.read(_CHUNK):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()


def result_row(path: Path, size: int, sha256: str, outcome: Any, worker: str,
               decode_ms: float | None = None) -> dict[str, Any]:
    """`decode_ms`: the file was decoded in a stage of its own (the Ray engine), which took this long."""
    record = outcome.record
    timings = record.to_dict()
    total_ms = record.total_ns / 1e6
    if decode_ms is not None:
        timings["stages_ms"]["decode"] = round(decode_ms, 3)
        total_ms += decode_ms
        timings["total_ms"] = round(total_ms, 3)
    lines = outcome.result.summary().strip().splitlines()
    return {"path": path_text(path), "size": size, "sha256": sha256, "answer": lines[0] if lines else "",
            "result": json_text(outcome.result.to_dict()), "error": None, "total_ms": round(total_ms, 3),
            "model_ms": round(record.stages_ns.get("model", 0) / 1e6, 3), "timings": json_text(timings),
            "notes": json_text(list(getattr(outcome.decoded, "notes", ()))), "worker": worker}


def error_row(path: Path, size: int | None, sha256: str | None, sentence: str, worker: str) -> dict[str, Any]:
    return {"path": path_text(path), "size": size, "sha256": sha256, "answer": None, "result": None,
            "error": sentence, "total_ms": None, "model_ms": None, "timings": None, "notes": None, "worker": worker}


def run_file(pipeline: Any, request: Any, path: Path, done_sha256: str | None, worker: str) -> dict[str, Any] | None:
    """The row for one file, or None when a finished row already holds this very content (`done_sha256`)."""
    try:
        size, sha256 = content_of(path)
    except OSError as exc:
        return error_row(path, None, None, unreadable(path, exc), worker)
    except InputError as exc:
        return error_row(path, None, None, str(exc), worker)
    if sha256 == done_sha256:
        return None
    return answer(pipeline, request, path, path, size, sha256, worker)


def unexpected(path: Path, exc: Exception) -> str:
    return f"Something unexpected went wrong with {path.name} ({type(exc).__name__}: {exc}); please report it with this file."


def unreadable(path: Path, exc: OSError) -> str:
    return f"{path.name} could not be read ({exc.strerror or exc}): check that it is there and readable."


def answer(pipeline: Any, request: Any, source: Any, path: Path, size: int, sha256: str, worker: str,
           decode_ms: float | None = None) -> dict[str, Any]:
    """Run the request on `source` (the file, or what an earlier stage decoded from it in `decode_ms`)."""
    from dataclasses import replace

    try:
        outcome = pipeline.run(replace(request, source=source))
    except Cancelled:
        raise
    except PlaygroundError as exc:
        return error_row(path, size, sha256, str(exc), worker)
    except MemoryError:
        return error_row(path, size, sha256, f"{path.name} needed more memory than this computer has: scale it "
                                             "down and run it again.", worker)
    except Exception as exc:  # noqa: BLE001 - one odd file must not end a night's batch; its row says what broke
        return error_row(path, size, sha256, unexpected(path, exc), worker)
    return result_row(path, size, sha256, outcome, worker, decode_ms)
