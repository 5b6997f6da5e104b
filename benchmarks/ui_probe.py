"""Measures the window: time from process start to the first paint, its idle CPU, and event-loop lag during repeat runs.

Run by benchmarks/overhead.py in a fresh process (PROBE_T0 = the parent's time.time() just before it
started this process); prints one JSON line. Idle CPU is the process's CPU seconds ÷ wall seconds over
PROBE_IDLE_CPU_S seconds (default 10, 0 skips it) with the model selected, the graphs shown and nothing run,
after a settling pause of PROBE_SETTLE_S (default 2). For experiments: PROBE_THREADS sets the onnxruntime
threads, PROBE_IDLE=1 measures the lag with repeat off, PROBE_SWITCH sets Python's thread switch interval,
PROBE_STACKS=1 prints (to stderr) where the GUI thread was whenever a tick came more than 8 ms late, PROBE_SLOW=1
the events that took the GUI thread more than 5 ms, by receiver and event type.
"""

from __future__ import annotations

import collections
import json
import os
import resource
import sys
import tempfile
import threading
import time
import traceback
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


class StallSampler:
    """A thread that looks at the GUI thread's stack every 2 ms while the lag meter's tick is overdue: a
    py-spy of the stalls only, so the places that hold the event loop show up by how often they are seen."""

    def __init__(self, meter: LagMeter, late_s: float = 0.008) -> None:
        self.meter, self.late = meter, late_s
        self.main = threading.main_thread().ident
        self.seen: collections.Counter[str] = collections.Counter()
        self.running = True
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        while self.running:
            time.sleep(0.002)
            if time.perf_counter() - self.meter.last > self.meter.period + self.late:
                frame = sys._current_frames().get(self.main)
                if frame is not None:
                    stack = traceback.extract_stack(frame)[-12:]
                    self.seen[" < ".join(f"{Path(f.filename).name}:{f.lineno}:{f.name}" for f in reversed(stack))] += 1

    def report(self) -> None:
        self.running = False
        for stack, count in self.seen.most_common(25):
            print(f"{count:5d}  {stack}", file=sys.stderr)


def _name(obj: QObject) -> str:
    """A receiver by its class and its first few parents' (a pyqtgraph scene by the widget showing it)."""
    views = getattr(obj, "views", None)
    if callable(views) and views():
        obj = views()[0]
    names = []
    try:
        while obj is not None and len(names) < 4:
            said = obj.accessibleName() if hasattr(obj, "accessibleName") else ""
            names.append(type(obj).__name__ + (f"({said})" if said and not names else ""))
            obj = obj.parent()
    except RuntimeError:  # deleted while its event was delivered
        names.append("(deleted)")
    return "<".join(names)


class TimedApplication(QApplication):
    """Times every event it delivers during the lag measurement; the slow ones are counted by whom and what."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.timing = False
        self.threshold_ms = 5.0
        self.depth = 0
        self.slow: collections.defaultdict[str, list[float]] = collections.defaultdict(list)

    def notify(self, receiver: QObject, event: QEvent) -> bool:  # noqa: D102 - Qt's
        if not self.timing or self.depth:
            return super().notify(receiver, event)
        self.depth += 1
        start = time.perf_counter()
        try:
            return super().notify(receiver, event)
        finally:
            self.depth -= 1
            ms = (time.perf_counter() - start) * 1000
            if ms > self.threshold_ms:
                what = event.type().name if hasattr(event.type(), "name") else str(event.type())
                self.slow[f"{_name(receiver)} {what}"].append(ms)

    def report(self, title: str) -> None:
        print(f"{title}: events over {self.threshold_ms:g} ms", file=sys.stderr)
        for key, times in sorted(self.slow.items(), key=lambda kv: -sum(kv[1]))[:25]:
            print(f"{len(times):5d} x, max {max(times):6.1f} ms, total {sum(times):7.1f} ms  {key}", file=sys.stderr)


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
    split = {"qt_imported_s": time.time() - T0}  # where the first paint's time goes, each since the process started
    app = TimedApplication(sys.argv[:1]) if os.environ.get("PROBE_SLOW") else QApplication(sys.argv[:1])
    first = FirstPaint()
    app.installEventFilter(first)
    split["app_made_s"] = time.time() - T0
    from playground.ui.app import build
    from playground.ui.settings import Settings

    split["imported_s"] = time.time() - T0
    with tempfile.TemporaryDirectory() as tmp:
        controller, window = build(Settings(Path(tmp) / "settings.ini"), model_id=model)
        split["built_s"] = time.time() - T0
        window.resize(1440, 900)
        window.show()
        split["shown_s"] = time.time() - T0
        # What the first screen loaded: the graphs' and the runtime's libraries should come after it.
        split["loaded_at_paint"] = sorted(name for name in ("pyqtgraph", "onnxruntime", "PIL", "numpy",
                                                            "playground.ui.lessons.window") if name in sys.modules)
        while not first.seconds:
            app.processEvents()
        # An application-wide filter brings every later event through Python: the window measured has none.
        app.removeEventFilter(first)
        idle_s = float(os.environ.get("PROBE_IDLE_CPU_S", "10"))
        idle = {}
        if idle_s > 0:
            wait(float(os.environ.get("PROBE_SETTLE_S", "2")))
            if isinstance(app, TimedApplication):  # every event while idle: which timers wake the window
                app.timing, app.threshold_ms = True, 0.0
            idle = {"idle_cpu_pct": idle_cpu(idle_s), "idle_s": idle_s, "idle_runs": len(controller.history),
                    "graphs_visible": window.graphs.isVisible()}
            if isinstance(app, TimedApplication):
                app.report("idle")
                app.timing, app.threshold_ms = False, 5.0
                app.slow.clear()
        if os.environ.get("PROBE_THREADS"):
            controller.set_threads(int(os.environ["PROBE_THREADS"]))
        controller.set_input(sample, sample.name, "file")
        # The first run loads the model and builds its result view, once: repeat mode is measured after it, however
        # long a busy machine takes over it, not from a fixed half second that a slow start may overrun.
        deadline = time.monotonic() + 60
        while (not controller.history.records or controller.busy) and time.monotonic() < deadline:
            wait(0.05)
        wait(0.5)
        meter = LagMeter()
        controller.set_repeat(not os.environ.get("PROBE_IDLE"))
        meter.last = time.perf_counter()
        meter.timer.start()
        stalls = StallSampler(meter) if os.environ.get("PROBE_STACKS") else None
        if isinstance(app, TimedApplication):
            app.timing = True
        wait(seconds)
        meter.timer.stop()
        if isinstance(app, TimedApplication):
            app.timing = False
            app.report("repeat mode")
        if stalls is not None:
            stalls.report()
        runs = len(controller.history)
        controller.set_repeat(False)
        controller.shutdown()
        lags = sorted(meter.lags)
        p99 = lags[min(len(lags) - 1, int(len(lags) * 0.99))] if lags else 0.0
        print(json.dumps({"first_paint_s": first.seconds, "lag_p99_ms": p99, "lag_max_ms": lags[-1] if lags else 0,
                          "ticks": len(lags), "runs": runs, "platform": app.platformName(), **idle, **split}))
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
