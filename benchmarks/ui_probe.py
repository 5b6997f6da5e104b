"""Measures the window: time from process start to the first paint, its idle CPU, and event-loop lag during repeat runs.

Run by benchmarks/overhead.py in a fresh process (PROBE_T0 = the parent's time.time() just before it
started this process); prints one JSON line. Idle CPU is the process's CPU seconds ÷ wall seconds over
PROBE_IDLE_CPU_S seconds (default 10, 0 skips it) with the model selected, the graphs shown and nothing run,
after a settling pause of PROBE_SETTLE_S (default 2). For experiments: PROBE_THREADS sets the onnxruntime
threads, PROBE_IDLE=1 measures the lag with repeat off, PROBE_SWITCH sets Python's thread switch interval.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

T0 = float(os.environ.get("PROBE_T0", time.time()))

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer  # noqa: E402  (imports are part of what is timed)
from PySide6.QtWidgets import QApplication  # noqa: E402


class FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seconds = 0.0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if not self.seconds and event.type() == QEvent.Type.Paint:
            self.seconds = time.time() - T0
        return False


class LagMeter(QObject):
    """A 5 ms timer: how late each tick arrives is how long the event loop was busy elsewhere."""

    def __init__(self, period_ms: int = 5) -> None:
        super().__init__()
        self.period = period_ms / 1000
        self.lags: list[float] = []
        self.last = time.perf_counter()
        self.timer = QTimer(self)
        self.timer.setInterval(period_ms)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        now = time.perf_counter()
        self.lags.append(max(0.0, now - self.last - self.period) * 1000)
        self.last = now


def wait(seconds: float) -> None:
    """Run the real event loop (not a processEvents poll) for `seconds`."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def cpu_seconds() -> float:
    """User and system CPU time of this process, every thread counted."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def idle_cpu(seconds: float) -> float:
    """Percent of one core the process uses while the event loop runs for `seconds` with nothing to do."""
    cpu, wall = cpu_seconds(), time.perf_counter()
    wait(seconds)
    return 100.0 * (cpu_seconds() - cpu) / (time.perf_counter() - wall)


def main() -> int:
    model, sample, seconds = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3])
    if os.environ.get("PROBE_SWITCH"):
        sys.setswitchinterval(float(os.environ["PROBE_SWITCH"]))
    app = QApplication(sys.argv[:1])
    first = FirstPaint()
    app.installEventFilter(first)
    from playground.ui.app import build
    from playground.ui.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        controller, window = build(Settings(Path(tmp) / "settings.ini"), model_id=model)
        window.resize(1440, 900)
        window.show()
        while not first.seconds:
            app.processEvents()
        idle_s = float(os.environ.get("PROBE_IDLE_CPU_S", "10"))
        idle = {}
        if idle_s > 0:
            wait(float(os.environ.get("PROBE_SETTLE_S", "2")))
            idle = {"idle_cpu_pct": idle_cpu(idle_s), "idle_s": idle_s, "idle_runs": len(controller.history),
                    "graphs_visible": window.graphs.isVisible()}
        if os.environ.get("PROBE_THREADS"):
            controller.set_threads(int(os.environ["PROBE_THREADS"]))
        controller.set_input(sample, sample.name, "file")
        wait(0.5)
        meter = LagMeter()
        controller.set_repeat(not os.environ.get("PROBE_IDLE"))
        meter.last = time.perf_counter()
        meter.timer.start()
        wait(seconds)
        meter.timer.stop()
        runs = len(controller.history)
        controller.set_repeat(False)
        controller.shutdown()
        lags = sorted(meter.lags)
        p99 = lags[min(len(lags) - 1, int(len(lags) * 0.99))] if lags else 0.0
        print(json.dumps({"first_paint_s": first.seconds, "lag_p99_ms": p99, "lag_max_ms": lags[-1] if lags else 0,
                          "ticks": len(lags), "runs": runs, "platform": app.platformName(), **idle}))
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
