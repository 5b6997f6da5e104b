"""What this process wrote to disk at a person's request this session: the privacy lesson lists every file.

The playground writes a file only when someone asks (Save, a lab report, a batch's CSV); each of those
goes through one of two all-or-nothing writers (core/export.py, ui/views/base.py), which record it here.
One record per process, like the network watch: a presenter asks "what did it write?" of the program.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Written:
    when: float
    path: Path


class DiskLog:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._written: list[Written] = []
        self.started = time.time()

    def record(self, path: Path | str) -> None:
        with self._lock:
            self._written.append(Written(time.time(), Path(path)))

    @property
    def written(self) -> tuple[Written, ...]:
        with self._lock:
            return tuple(self._written)


_LOG = DiskLog()


def disk_log() -> DiskLog:
    return _LOG
