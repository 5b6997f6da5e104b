"""Keeps a kiosk's window up: starts it, and starts it again whenever it crashes or is killed, with a back-off.

Only the operator's own way out ends the window with exit code 0, so 0 ends the loop too; anything else
(a crash, a kill, a missing display) is written to the log and the window comes back after a pause that
doubles on each quick failure (1, 2, 4 … 60 s) and starts over once the window has stayed up a minute.
No Qt here: the launcher must outlive whatever broke the window.
"""

from __future__ import annotations

import logging
import subprocess
import time
from collections.abc import Callable, Sequence

log = logging.getLogger("playground.keepalive")

FIRST_PAUSE_S, LONGEST_PAUSE_S = 1.0, 60.0
STEADY_S = 60.0  # a window up this long was not failing at start: the next pause is the first again


def keep_running(command: Sequence[str], *, run: Callable[[Sequence[str]], int] | None = None,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
                 max_starts: int | None = None) -> int:
    """Run `command` until it exits 0 (or max_starts runs, for tests); returns the last exit code."""
    run = run or (lambda cmd: subprocess.call(list(cmd)))
    pause, starts, code = FIRST_PAUSE_S, 0, 0
    while max_starts is None or starts < max_starts:
        starts += 1
        began = clock()
        code = run(command)
        if code == 0:
            log.info("the window was closed by its operator; the kiosk stops")
            return 0
        lasted = clock() - began
        if lasted >= STEADY_S:
            pause = FIRST_PAUSE_S
        log.warning("the window ended with %s after %.0f s; starting it again in %.0f s",
                    _ending(code), lasted, pause)
        sleep(pause)
        pause = min(pause * 2, LONGEST_PAUSE_S)
    return code


def _ending(code: int) -> str:
    return f"signal {-code}" if code < 0 else f"exit code {code}"
