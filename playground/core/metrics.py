"""Metrics: fixed-size numpy ring buffers, the run history, and a psutil resource sampler."""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from playground.core.timing import STAGES, RunRecord, percentile


class Ring:
    """A fixed-capacity float64 ring buffer; view() returns the values oldest first as a fresh array."""

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError(f"a ring needs room for at least one value, not {capacity}")
        self._data = np.zeros(capacity, dtype=np.float64)
        self._start = 0
        self._size = 0

    @property
    def capacity(self) -> int:
        return len(self._data)

    def __len__(self) -> int:
        return self._size

    def append(self, value: float) -> None:
        cap = len(self._data)
        self._data[(self._start + self._size) % cap] = value
        if self._size < cap:
            self._size += 1
        else:
            self._start = (self._start + 1) % cap

    def view(self) -> np.ndarray:
        """A copy: graphs keep the arrays they are given, and a later append must not rewrite them."""
        end = self._start + self._size
        if end <= len(self._data):
            return self._data[self._start:end].copy()
        return np.concatenate([self._data[self._start:], self._data[:end - len(self._data)]])

    def set_last(self, value: float) -> None:
        """Overwrite the newest value (a figure that arrives after the rest of its sample)."""
        if self._size:
            self._data[(self._start + self._size - 1) % len(self._data)] = value

    def last(self, default: float = 0.0) -> float:
        return float(self._data[(self._start + self._size - 1) % len(self._data)]) if self._size else default

    def clear(self) -> None:
        self._start = self._size = 0


class RunHistory:
    """The last N runs as per-stage ring buffers (milliseconds), plus the records themselves."""

    def __init__(self, capacity: int = 200) -> None:
        self.capacity = capacity
        self.stage_ms = {stage: Ring(capacity) for stage in STAGES}
        self.total_ms = Ring(capacity)
        self.cold = Ring(capacity)  # 1.0 where the run was a cold run
        self.index = Ring(capacity)  # running number of the run, for the x axis
        self.records: list[RunRecord] = []
        self._count = 0

    def __len__(self) -> int:
        return len(self.total_ms)

    def add(self, record: RunRecord) -> None:
        for stage in STAGES:
            self.stage_ms[stage].append(record.ms(stage))
        self.total_ms.append(record.total_ns / 1e6)
        self.cold.append(1.0 if record.cold else 0.0)
        self.index.append(self._count)
        self._count += 1
        self.records.append(record)
        del self.records[:-self.capacity]

    def update_last(self, record: RunRecord) -> None:
        """Replace the newest record (the UI adds the render time after drawing)."""
        if not self.records:
            return
        self.records[-1] = record
        for stage in STAGES:
            self.stage_ms[stage].set_last(record.ms(stage))
        self.total_ms.set_last(record.total_ns / 1e6)

    def warm_totals(self) -> list[float]:
        return self.total_ms.view()[self.cold.view() == 0.0].tolist()

    def p50(self) -> float:
        return percentile(self.warm_totals(), 50)

    def p95(self) -> float:
        return percentile(self.warm_totals(), 95)

    def clear(self) -> None:
        for ring in (*self.stage_ms.values(), self.total_ms, self.cold, self.index):
            ring.clear()
        self.records.clear()
        self._count = 0


def token_steps_ms(record: RunRecord) -> list[float]:
    """A reply's time per written token: its decoder steps after the first, which read the whole prompt."""
    return [ns / 1e6 for ns in record.session_runs_ns[1:]]


class TokenHistory(RunHistory):
    """A chat's replies as time per token: a reply's time depends on its length (13 tokens or 200), so
    "p95 6,744 ms per reply" says nothing; each reply's bar is its median step, and p50/p95 are taken over
    every written token of the warm replies, the pauses a reader sees while the reply appears."""

    def __init__(self, history: RunHistory) -> None:
        super().__init__(history.capacity)
        self.first_token_ms: list[float] = []
        self._steps: list[float] = []
        indices = history.index.view()
        self._count = int(indices[0]) if len(indices) else 0
        for record in history.records:
            steps = token_steps_ms(record)
            each = percentile(steps, 50) if steps else record.ms("model")
            self.add(RunRecord(record.model_id, record.run_index, {"model": round(each * 1e6)}, (), record.cpu_ns,
                               record.load_ns, record.threads, record.started_ns, record.input_label))
            self.first_token_ms.append(record.session_runs_ns[0] / 1e6 if record.session_runs_ns else 0.0)
            if not record.cold:
                self._steps.extend(steps)

    def warm_totals(self) -> list[float]:
        return self._steps

    def p50(self) -> float:
        return percentile(self._steps, 50)

    def p95(self) -> float:
        return percentile(self._steps, 95)


@dataclass(frozen=True)
class ResourceSample:
    t: float  # seconds since the sampler started
    process_cpu: float  # percent, summed over cores (up to 100 × cores)
    system_cpu: float  # percent of the whole machine (0–100)
    rss_mb: float


class ResourceSampler:
    """Samples this process's CPU % and RSS and the system CPU % into ring buffers.

    psutil's first cpu_percent() call returns 0.0, so the constructor primes both counters.
    The caller (a UI timer, or a test) decides the rate by calling sample().
    """

    def __init__(self, capacity: int = 600, pid: int | None = None) -> None:
        import psutil

        self._psutil = psutil
        self._process = psutil.Process(pid)
        self._process.cpu_percent(None)
        psutil.cpu_percent(None)
        self._t0 = time.monotonic()
        self.cores = psutil.cpu_count() or 1
        self.t, self.process_cpu, self.system_cpu, self.rss_mb = (Ring(capacity) for _ in range(4))

    def sample(self) -> ResourceSample:
        s = ResourceSample(time.monotonic() - self._t0, self._process.cpu_percent(None),
                           self._psutil.cpu_percent(None), self._process.memory_info().rss / 2**20)
        self.t.append(s.t)
        self.process_cpu.append(s.process_cpu)
        self.system_cpu.append(s.system_cpu)
        self.rss_mb.append(s.rss_mb)
        return s

    def smoothed(self, ring: Ring, seconds: float = 1.0) -> float:
        """Mean over the last `seconds`: single 10 Hz samples jitter by ±10 points."""
        t = self.t.view()
        values = ring.view()
        if not len(values):
            return 0.0
        return float(values[t >= t[-1] - seconds].mean())
