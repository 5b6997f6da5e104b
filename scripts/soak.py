"""The long soak (`make soak`): thousands of repeat runs across models in the real window, with switch and Stop bursts.

The window, built as the app builds it (offscreen, shown, graphs live), runs a fast model of each kind in repeat
mode, switching model every hundred runs, and now and then takes a burst of rapid switches, new inputs and Stops.
Every so often it records resident memory, threads, live QTimers, open files, Python objects and the event loop's
lag (a 10 ms timer timing its own lateness). After each burst nothing may still be working, and the answer on
screen must be the shown model's. Writes the samples as CSV and a plot as PNG, prints a summary, and exits 1 if a
bound failed (the lag is reported against the issue's goal, not enforced). tests/ui/test_soak.py is the short one.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/soak.py [--runs 10000] [--models ID,ID] [--png docs/soak.png]
"""

from __future__ import annotations

import argparse
import csv
import ctypes
import gc
import os
import random
import sys
import tempfile
import threading
import time
from array import array
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any, Callable, Iterable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psutil  # noqa: E402
from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from playground.core.media.image import image_from_array  # noqa: E402
from playground.lab import report  # noqa: E402
from playground.lab.report import MAX_LOGGED  # noqa: E402
from playground.ui import collector  # noqa: E402
from playground.ui.samples import sample_files  # noqa: E402

# A fast model of each kind the window draws differently: labels, boxes, cutout, speech, language, type, similarity, digit.
MODELS = ("efficientnet-lite0", "centerface", "u2netp", "silero-vad", "langid", "magika", "minilm-l6", "digits")
DIGIT_STROKE = [(0.5, 0.15), (0.5, 0.85)]  # a "1" on the drawing board, for the model that takes a drawing
RSS_GROWTH = 0.05  # after warm-up, at most 5 % more resident memory at the end
OBJECT_GROWTH = 0.01  # and at most 1 % more Python objects (what is on screen differs a little by model)
PASSING_THREADS = {"socket-look"}  # started and ended on a timer by design (ui/privacy.py), never kept
LAG_GOAL_MS = (10.0, 25.0)  # the goal for the event loop in repeat mode with the graphs live: p99, max
STALL_S = 120.0  # no run finishing for this long is a hang
SETTLE_S = 30.0  # after a burst's last Stop, everything is quiet within this


@dataclass
class Sample:
    """One row of the CSV: the figures after `runs` finished runs."""
    seconds: float
    runs: int
    model: str
    rss_mb: float
    py_threads: int
    os_threads: int
    timers: int
    fds: int
    objects: int  # gc-tracked Python objects, less those the run records hold (below)
    py_blocks: int  # Python's allocated memory blocks: every object, gc-tracked or not (ints, strings), less the records'
    record_objects: int  # held by the run records: the session log's (at most MAX_LOGGED) and the history's (200)
    lag_p99_ms: float
    lag_max_ms: float
    ticks: int
    load: float  # the computer's 1-minute load average: other work on a shared machine shows in the lag


class LagMeter(QObject):
    """A precise 10 ms timer: how late each tick comes is how long the event loop was busy elsewhere."""

    def __init__(self, period_ms: int = 10) -> None:
        super().__init__()
        self.period_s = period_ms / 1000
        self.window, self.every = array("d"), array("d")  # lags (ms) since the last sample, and all of them
        self._last = 0.0
        self.timer = QTimer(self, interval=period_ms, timerType=Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)

    def resume(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def take(self) -> array:
        lags, self.window = self.window, array("d")
        self.every.extend(lags)
        return lags

    def _tick(self) -> None:
        now = time.perf_counter()
        self.window.append(max(0.0, now - self._last - self.period_s) * 1000)
        self._last = now


def p99(values: Iterable[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] if ordered else 0.0


def wait(ms: int) -> None:
    """Run the real event loop (timers, queued signals, paints) for `ms` milliseconds."""
    loop, timer = QEventLoop(), QTimer(singleShot=True, interval=max(0, ms))  # freed on return, unlike singleShot()'s
    timer.timeout.connect(loop.quit)
    timer.start()
    loop.exec()


def wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        wait(20)
    return condition()


class Soak:
    """Drives a built window (controller, window) through the soak and keeps its figures."""

    def __init__(self, controller: Any, window: Any, models: tuple[str, ...] = MODELS, seed: int = 7,
                 say: Callable[[str], None] = print) -> None:
        self.controller, self.window, self.say = controller, window, say
        catalog = controller.catalog
        self.models = [m for m in models if m in catalog.ids and catalog.installed(catalog.get(m))]
        self.samples_of = {m: sample_files(catalog.get(m)) for m in self.models}
        self.random, self.process, self.meter, self.started = random.Random(seed), psutil.Process(), LagMeter(), 0.0
        self.runs = self.failures = self.stale = self.switches = self.stops = self.stops_midrun = 0
        self.bursts = self.stray = self.warm_from = 0
        self.busy_thread = ""
        self.aborted = ""  # why the soak stopped early, if it did
        self.lag_by_model: dict[str, array] = {}  # the soak's own figures in arrays: no object per number
        self.pace: dict[str, list[float]] = {}  # model -> [runs, seconds] in repeat mode
        self.switch_ms = array("d")
        self.problems: list[str] = []
        self.samples: list[Sample] = []
        self._goal, self._loop = 0, None  # type: int, QEventLoop | None
        self._stall = QTimer(singleShot=True, interval=int(STALL_S * 1000))  # one timer, not one per wait
        self._drawn: tuple[str, str] | None = None  # (model, input) of the last answer or part of one drawn
        controller.result_ready.connect(self._on_result)
        controller.run_failed.connect(self._on_failed)
        controller.run_progressed.connect(self._on_partial)
        window.result_area.result_shown.connect(self._on_shown)

    # --- what the window says ----------------------------------------------------------------------
    def _on_result(self, _outcome: object) -> None:
        self.runs += 1
        if self._loop is not None and self.runs >= self._goal:
            self._loop.quit()

    def _on_failed(self, sentence: str) -> None:
        self.failures += 1
        self.problems.append(f"a run failed on {self.card_id()}: {sentence}")
        if self._loop is not None:
            self._loop.quit()

    def _on_shown(self, outcome: Any) -> None:
        """An answer drawn while another model (or another input) is shown is a stale result."""
        self._drawn = (outcome.record.model_id, outcome.record.input_label)
        why = self.stale_reason(*self._drawn)
        if why:
            self.stale += 1
            self.problems.append(why)

    def _on_partial(self, _fraction: float, partial: object) -> None:
        if partial is not None:  # an answer drawn while it grows (speech found so far): the shown model's
            self._drawn = (self.card_id(), self.controller.input.label if self.controller.input else "")

    def card_id(self) -> str:
        return self.controller.card.id if self.controller.card is not None else ""

    def stale_reason(self, model_id: str, input_label: str) -> str:
        choice = self.controller.input
        if model_id != self.card_id():
            return f"an answer of {model_id} was drawn while {self.card_id()} was shown"
        if choice is None:
            return f"an answer of {model_id} was drawn with no input chosen"
        if input_label and input_label != choice.label:
            return f"an answer for {input_label} was drawn while the input was {choice.label}"
        return ""

    # --- commands, as a person gives them ------------------------------------------------------------
    def show(self, model: str, sample: int = 0) -> None:
        """Pick `model` and give it one of its bundled samples (or draw a digit), timing the GUI thread."""
        started = time.perf_counter()
        self.controller.select_model(model)
        self.switches += 1
        files = self.samples_of[model]
        if files:
            path = files[sample % len(files)]
            self.controller.set_input(path, path.name, "sample")
        else:
            pad = self.window.input_panel.draw_panel.pad
            pad.clear()
            self.controller.clear_input()  # a photo kept from an image model would run first
            pad.draw_stroke(DIGIT_STROKE)
            if self.controller.input is None:  # the board feeds the model only while shown
                self.controller.set_input(image_from_array(pad.render_pixels(), "your drawing"), "your drawing", "drawing")
        self.switch_ms.append((time.perf_counter() - started) * 1000)

    def stop(self) -> None:
        self.stops += 1
        self.stops_midrun += self.controller.busy
        self.controller.cancel()

    def repeat_until(self, goal: int) -> None:
        """Repeat mode on the shown model until `goal` runs have finished in all (the lag meter running)."""
        while self.runs < goal:
            if not self.controller.repeat:
                self.controller.set_repeat(True)
            if not self.controller.repeat:
                raise RuntimeError(f"repeat would not start on {self.card_id()}: {self.problems[-1:]}")
            self._goal, self._loop = goal, QEventLoop()
            before = self.runs
            self._stall.timeout.connect(self._loop.quit)
            self._stall.start()
            len_before, started = len(self.meter.window), time.perf_counter()
            self.meter.resume()
            self._loop.exec()
            self.meter.timer.stop()
            self.lag_by_model.setdefault(self.card_id(), array("d")).extend(self.meter.window[len_before:])
            pace = self.pace.setdefault(self.card_id(), [0, 0.0])
            pace[0], pace[1] = pace[0] + self.runs - before, pace[1] + time.perf_counter() - started
            self._stall.stop()
            self._stall.timeout.disconnect(self._loop.quit)
            self._loop = None
            if self.runs == before and self.controller.repeat:
                raise RuntimeError(f"no run finished on {self.card_id()} in {STALL_S:.0f} s")

    def burst(self, size: int) -> None:
        """`size` rapid switches, new inputs and Stops with 0-120 ms between them, then all must be quiet."""
        self.bursts += 1
        moves = {lambda: self.show(self.random.choice(self.models), self.random.randrange(8)): 0.45, self.stop: 0.25,
                 lambda: self.controller.set_repeat(True): 0.15,
                 lambda: self.show(self.card_id(), self.random.randrange(8)): 0.15}  # another sample, same model
        for _ in range(size):
            self.random.choices(list(moves), list(moves.values()))[0]()
            wait(self.random.choice((0, 0, 1, 5, 20, 50, 120)))
        self.stop()
        self.check_quiet()

    def check_quiet(self) -> None:
        """Nothing running, no thread but the GUI thread at work, and the answer on screen the shown model's."""
        for settled, what in ((lambda: not self.controller.busy, f"still busy {SETTLE_S:.0f} s after the last Stop"),
                              (self.threads_idle, "a thread kept working after everything stopped: {}")):
            if not wait_until(settled, SETTLE_S):
                self.stray += 1
                self.problems.append(what.format(self.busy_thread))
        view = self.window.result_area.current_view
        why = self.stale_reason(*self._drawn) if view is not None and self._drawn is not None else ""
        if why:
            self.stale += 1
            self.problems.append(f"after a burst: {why}")

    def threads_idle(self, seconds: float = 0.5) -> bool:
        """True when the threads but the GUI thread used under a tenth of a core in `seconds` (the kernel counts in
        10 ms ticks; a run left going uses a whole core). The busiest is named in self.busy_thread."""
        names = {t.native_id: t.name for t in threading.enumerate()}
        before = {t.id: t.user_time + t.system_time for t in self.process.threads()}
        wait(int(seconds * 1000))
        used = {t.id: t.user_time + t.system_time - before.get(t.id, 0.0) for t in self.process.threads()
                if t.id != threading.main_thread().native_id}
        top = max(used, key=lambda i: used[i], default=0)
        comm = Path(f"/proc/self/task/{top}/comm")  # the name the thread gave itself, where it is not Python's
        name = names.get(top) or (comm.read_text().strip() if comm.exists() else "")
        self.busy_thread = f"{name} (thread {top}) used {used.get(top, 0) * 1000:.0f} ms in {seconds:g} s"
        return sum(used.values()) < seconds / 10

    # --- figures -------------------------------------------------------------------------------------
    def rss_trimmed_mb(self) -> float:
        """RSS once glibc has handed its free heap back (malloc_trim): memory in use, not kept for reuse. Run last."""
        getattr(ctypes.CDLL(None), "malloc_trim", lambda _pad: 0)(0)  # glibc's; elsewhere nothing to hand back
        return self.process.memory_info().rss / 2**20

    def timers(self) -> int:
        """QTimers alive: children of the window, its dialogs and the controller, and any held by Python."""
        found = {id(t) for w in [*QApplication.topLevelWidgets(), self.controller] for t in w.findChildren(QTimer)}
        found |= {id(o) for o in gc.get_objects() if isinstance(o, QTimer)}
        return len(found - {id(self.meter.timer), id(self._stall)})

    def records_held(self) -> tuple[int, int, float]:
        """(gc-tracked objects, objects of any kind, MB) the run records hold: the session log's (every run, up to
        MAX_LOGGED), the history's (the shown model's last 200) and the soak's own samples: counted apart."""
        held: dict[int, object] = {}
        for item in (*self.controller.session_log.runs, *self.controller.history.records, *self.samples):
            record = getattr(item, "record", item)  # a logged run's, a history record or the soak's own Sample
            # getattr, not vars(): vars() would give each instance a dict of its own, which is what it counts
            for o in (item, *(getattr(x, f.name) for x in ((item,) if record is item else (item, record)) for f in fields(x)),
                      *getattr(record, "stages_ns", {}).values(), *getattr(record, "session_runs_ns", ())):
                if o is not None and not (type(o) is int and -5 <= o <= 256):  # not Python's shared small ints
                    held[id(o)] = o
        return sum(map(gc.is_tracked, held.values())), len(held), sum(map(sys.getsizeof, held.values())) / 2**20

    def sample(self) -> Sample:
        lags = self.meter.take()
        gc.collect()
        # Frozen objects (what the window's start made alive: ui/collector.py) are outside gc.get_objects()
        blocks, objects = sys.getallocatedblocks(), len(gc.get_objects()) + gc.get_freeze_count()
        tracked, held, _ = self.records_held()
        # The network badge looks at the sockets every few seconds on a thread that lives tens of milliseconds
        # (ui/privacy.py): caught alive by a sample on a busy machine, it is not a thread the window kept.
        passing = sum(1 for t in threading.enumerate() if t.name in PASSING_THREADS)
        row = Sample(round(time.monotonic() - self.started, 1), self.runs, self.card_id(),
                     round(self.process.memory_info().rss / 2**20, 1), threading.active_count() - passing,
                     self.process.num_threads() - passing, self.timers(), self.process.num_fds(), objects - tracked,
                     blocks - held, tracked, round(p99(lags), 2), round(max(lags, default=0.0), 2), len(lags),
                     os.getloadavg()[0])
        self.samples.append(row)
        return row

    def soak(self, runs: int, switch_every: int, sample_every: int, burst_every: int, burst_size: int) -> None:
        """Repeat mode across the models until `runs` have finished, with a burst every `burst_every` runs."""
        self.started = time.monotonic()
        self.sample()
        turn, next_sample, next_burst = 0, sample_every, burst_every // 2
        while self.runs < runs:
            self.show(self.models[turn % len(self.models)])
            turn += 1
            goal = min(runs, self.runs + switch_every)
            while self.runs < goal:
                self.repeat_until(min(goal, next_sample))
                if self.runs >= next_sample:
                    self.controller.set_repeat(False)  # sampled while quiet: no input half-read, no run in flight
                    wait_until(lambda: not self.controller.busy, SETTLE_S)
                    row = self.sample()
                    next_sample += sample_every
                    self.say(f"{row.runs:6d} runs {row.seconds:7.0f} s  {row.model:<18} RSS {row.rss_mb:6.0f} MB  "
                             f"threads {row.os_threads}  timers {row.timers}  fds {row.fds}  objects {row.objects}  "
                             f"lag p99 {row.lag_p99_ms:.1f} max {row.lag_max_ms:.1f} ms")
            if self.runs >= next_burst and burst_size:
                self.burst(burst_size)
                next_burst += burst_every
            if not self.warm_from and turn >= len(self.models) and (self.bursts or not burst_size):
                self.warm_from = self.runs  # every model loaded and drawn, and a burst through them
        self.controller.set_repeat(False)
        self.stop()
        self.check_quiet()
        if self.samples[-1].runs != self.runs:
            self.sample()

    def warm(self, fraction: float = 0.1) -> Sample:
        """The first sample after `fraction` of the runs, and after each model's first time (which grows the figures)."""
        start = max(self.samples[-1].runs * fraction, self.warm_from)
        return next((s for s in self.samples if s.runs >= start), self.samples[-1])

    def verdicts(self) -> list[tuple[str, bool]]:
        """(what was checked, whether it held) for every bound of the soak."""
        warm, end = self.warm(), self.samples[-1]
        growth = (end.rss_mb - warm.rss_mb) / warm.rss_mb
        return [(f"RSS {warm.rss_mb:.0f} → {end.rss_mb:.0f} MB after warm-up ({growth:+.1%}, bound +{RSS_GROWTH:.0%})",
                 growth < RSS_GROWTH),
                (f"threads {warm.os_threads} → {end.os_threads} (Python {warm.py_threads} → {end.py_threads})",
                 end.os_threads <= warm.os_threads and end.py_threads <= warm.py_threads),
                (f"QTimers {warm.timers} → {end.timers}", end.timers <= warm.timers),
                (f"open files {warm.fds} → {end.fds}", end.fds <= warm.fds),
                (f"Python objects {warm.objects} → {end.objects} "
                 f"({(end.objects - warm.objects) / warm.objects:+.2%}, bound +{OBJECT_GROWTH:.0%})",
                 end.objects <= warm.objects * (1 + OBJECT_GROWTH)),
                (f"Python memory blocks {warm.py_blocks} → {end.py_blocks} "
                 f"({(end.py_blocks - warm.py_blocks) / warm.py_blocks:+.2%}, bound +{OBJECT_GROWTH:.0%})",
                 end.py_blocks <= warm.py_blocks * (1 + OBJECT_GROWTH)),
                (f"stale results seen: {self.stale}", self.stale == 0),
                (f"work left running after a burst: {self.stray}", self.stray == 0),
                (f"failed runs: {self.failures}", self.failures == 0),
                (f"the soak ran to the end{': ' + self.aborted if self.aborted else ''}", not self.aborted)]

    def summary(self) -> list[str]:
        first, warm, end = self.samples[0], self.warm(), self.samples[-1]
        lags, sw = self.meter.every, sorted(self.switch_ms)
        (tracked, held, records_mb), log = self.records_held(), self.controller.session_log.runs
        collected = collector.install()  # the window's own, already running: this only reads its counts
        return [f"{end.runs} runs in {end.seconds / 60:.1f} min across {', '.join(self.models)}",
                f"start → warm-up (after {warm.runs} runs) → end: RSS {first.rss_mb:.0f} → {warm.rss_mb:.0f} → "
                f"{end.rss_mb:.0f} MB, threads {first.os_threads} → {warm.os_threads} → {end.os_threads}, QTimers "
                f"{first.timers} → {warm.timers} → {end.timers}, open files {first.fds} → {warm.fds} → {end.fds}, "
                f"objects {first.objects} → {warm.objects} → {end.objects}, Python memory blocks {first.py_blocks} → "
                f"{warm.py_blocks} → {end.py_blocks}",
                f"the session log's {len(log)} runs (kept for the lab report: {report.MAX_LOGGED} at most in the soak, "
                f"{MAX_LOGGED} in the app) and the history's {len(self.controller.history.records)} hold {tracked} "
                f"gc-tracked objects, {held} in all, about {records_mb:.1f} MB (a full log: about "
                f"{records_mb / max(1, len(log)) * MAX_LOGGED:.0f} MB): counted apart",
                f"event-loop lag in repeat mode with the graphs live ({len(lags)} ticks of a 10 ms timer): "
                f"p99 {p99(lags):.1f} ms, max {max(lags, default=0):.1f} ms (goal ≤ {LAG_GOAL_MS[0]:g} / "
                f"≤ {LAG_GOAL_MS[1]:g} ms; worst window p99 {max(s.lag_p99_ms for s in self.samples):.1f} ms)",
                "  by model (p99/max): " + ", ".join(
                    f"{m} {p99(v):.1f}/{max(v, default=0):.1f} ms at {self.pace[m][0] / self.pace[m][1]:.0f} runs/s"
                    for m, v in self.lag_by_model.items()),
                "garbage collected in the GUI thread only: {} / {} / {} collections of generations 0 / 1 / 2 "
                "(at most one full a minute), the slowest {:.1f} ms".format(*collected.collections, collected.slowest_ms),
                f"model switches {self.switches} (GUI thread p50 {sw[len(sw) // 2] if sw else 0:.0f} ms, max "
                f"{sw[-1] if sw else 0:.0f} ms), Stops {self.stops} ({self.stops_midrun} during a run), "
                f"{self.bursts} bursts",
                f"stale results seen: {self.stale}; work left running: {self.stray}; failed runs: {self.failures}"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10_000, help="finished runs in all (default 10000)")
    parser.add_argument("--models", default=",".join(MODELS), help="comma-separated model ids")
    parser.add_argument("--switch-every", type=int, default=100, help="runs on a model before the next (100)")
    parser.add_argument("--sample-every", type=int, default=0, help="runs between samples (default: runs / 100)")
    parser.add_argument("--burst-every", type=int, default=1000, help="runs between bursts of switches (1000)")
    parser.add_argument("--burst-size", type=int, default=50, help="switches, inputs and Stops per burst (50)")
    parser.add_argument("--csv", type=Path, default=ROOT / "build" / "soak.csv")
    parser.add_argument("--png", type=Path, default=ROOT / "docs" / "soak.png")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--log-cap", type=int, default=1000, help="runs the session log keeps (1000; 0: the app's own "
                        f"{MAX_LOGGED}): full by warm-up, as after hours of use, so its filling does not read as growth")
    args = parser.parse_args()
    from playground.ui import qt_messages
    from playground.ui.app import application, build
    from playground.ui.settings import Settings
    from scripts.soak_plot import plot

    app = application()
    qt_messages.install()  # the offscreen plugin's complaint that it cannot resize a frame is noise here
    report.MAX_LOGGED = args.log_cap or MAX_LOGGED
    with tempfile.TemporaryDirectory() as folder:
        models = tuple(m for m in args.models.split(",") if m)
        controller, window = build(Settings(Path(folder) / "playground.ini"), model_id=models[0])
        window.resize(1440, 900)
        window.show()
        wait(500)
        if not window.graphs.isVisible():
            sys.exit("the graphs are not visible: the soak is meant to run with them live")
        soak = Soak(controller, window, models, args.seed, say=lambda line: print(line, flush=True))
        print(f"not installed, left out: {', '.join(sorted(set(models) - set(soak.models))) or 'none'}", flush=True)
        try:
            soak.soak(args.runs, args.switch_every, args.sample_every or max(1, args.runs // 100), args.burst_every,
                      args.burst_size)
        except RuntimeError as exc:
            soak.aborted = str(exc)
            print(f"the soak stopped: {exc}", flush=True)
            soak.sample()
        finally:
            controller.shutdown(10.0)
        args.csv.parent.mkdir(parents=True, exist_ok=True)
        with args.csv.open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, [f.name for f in fields(Sample)])
            writer.writeheader()
            writer.writerows(asdict(s) for s in soak.samples)
        plot(soak.samples, soak.warm().runs, args.png, LAG_GOAL_MS[0],
             f"Soak: {soak.samples[-1].runs} runs across {len(soak.models)} models, repeat mode, graphs live")
        window.close()
    print("\n".join(soak.summary()))
    print(f"RSS at the end once glibc handed its free heap back (malloc_trim): {soak.rss_trimmed_mb():.0f} MB")
    verdicts = soak.verdicts()
    for text, held in verdicts:
        print(f"  {'ok  ' if held else 'FAIL'} {text}")
    for problem in dict.fromkeys(soak.problems):
        print(f"  problem: {problem}")
    print(f"samples: {args.csv}; plot: {args.png}")
    return 0 if all(held for _, held in verdicts) and app is not None else 1


if __name__ == "__main__":
    sys.exit(main())
