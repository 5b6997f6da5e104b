"""Metrics: ring buffers, the run history behind the latency graph, percentiles, and the resource sampler."""

from __future__ import annotations

import time

import numpy as np
import psutil
import pytest

from playground.core.metrics import ResourceSampler, Ring, RunHistory
from playground.core.timing import STAGES, RunRecord, percentile


def record(run_index: int, decode_ms: float = 1.0, model_ms: float = 10.0, model_id: str = "m") -> RunRecord:
    stages = {"decode": int(decode_ms * 1e6), "preprocess": 2_000_000, "model": int(model_ms * 1e6),
              "postprocess": 500_000}
    return RunRecord(model_id, run_index, stages, (int(model_ms * 1e6),), cpu_ns=0, load_ns=0, threads=1,
                     started_ns=0)


def test_ring_keeps_the_newest_values_oldest_first():
    ring = Ring(3)
    assert len(ring) == 0 and ring.view().tolist() == [] and ring.last(-1.0) == -1.0
    for value in (1, 2):
        ring.append(value)
    assert ring.view().tolist() == [1.0, 2.0] and ring.last() == 2.0
    for value in (3, 4, 5):
        ring.append(value)
    assert ring.view().tolist() == [3.0, 4.0, 5.0] and len(ring) == 3 == ring.capacity
    ring.append(6)  # wrapped all the way round once more
    assert ring.view().tolist() == [4.0, 5.0, 6.0] and ring.last() == 6.0
    ring.clear()
    assert len(ring) == 0 and ring.view().tolist() == []
    ring.append(7)
    assert ring.view().tolist() == [7.0]


def test_set_last_rewrites_only_the_newest_value_even_after_wrapping():
    ring = Ring(2)
    ring.set_last(9.0)  # empty: nothing to rewrite, and nothing appears
    assert len(ring) == 0
    for value in (1, 2, 3):
        ring.append(value)
    ring.set_last(30.0)
    assert ring.view().tolist() == [2.0, 30.0] and ring.last() == 30.0


@pytest.mark.parametrize("filled", [2, 3, 4])
def test_a_view_handed_to_a_graph_is_not_rewritten_by_later_appends(filled):
    ring = Ring(3)
    for value in range(filled):
        ring.append(value)
    shown = ring.view()
    before = shown.tolist()
    ring.append(99)
    assert shown.tolist() == before


def test_a_ring_needs_room():
    with pytest.raises(ValueError):
        Ring(0)


def test_history_rings_hold_stage_milliseconds_and_flag_the_cold_run():
    history = RunHistory(capacity=10)
    history.add(record(0, model_ms=40.0))
    history.add(record(1, model_ms=10.0))
    assert len(history) == 2
    assert history.stage_ms["model"].view().tolist() == [40.0, 10.0]
    assert history.stage_ms["decode"].view().tolist() == [1.0, 1.0]
    assert history.stage_ms["render"].view().tolist() == [0.0, 0.0]
    assert history.total_ms.view().tolist() == pytest.approx([43.5, 13.5])
    assert history.cold.view().tolist() == [1.0, 0.0]
    assert history.index.view().tolist() == [0.0, 1.0]


def test_history_forgets_the_oldest_runs_beyond_its_capacity():
    history = RunHistory(capacity=3)
    for i in range(5):
        history.add(record(i, model_ms=float(i + 1)))
    assert len(history) == 3 and len(history.records) == 3
    assert [r.run_index for r in history.records] == [2, 3, 4]
    assert history.stage_ms["model"].view().tolist() == [3.0, 4.0, 5.0]
    assert history.index.view().tolist() == [2.0, 3.0, 4.0]


def test_render_time_is_added_to_the_newest_run_only():
    history = RunHistory(capacity=2)
    history.update_last(record(0))  # nothing yet: no effect, no error
    assert len(history) == 0
    for i in range(3):  # wraps, so the newest run is not at the end of the buffer
        history.add(record(i))
    history.update_last(history.records[-1].with_render(4_000_000))
    assert history.stage_ms["render"].view().tolist() == [0.0, 4.0]
    assert history.total_ms.view().tolist() == pytest.approx([13.5, 17.5])
    assert history.records[-1].ms("render") == 4.0 and history.records[0].ms("render") == 0.0


def test_p50_and_p95_leave_out_cold_runs_and_clear_starts_over():
    history = RunHistory(capacity=50)
    history.add(record(0, model_ms=500.0))  # the cold run is far slower and must not count
    for i in range(1, 21):
        history.add(record(i, model_ms=float(i)))
    warm = sorted(t for t in history.warm_totals())
    assert len(warm) == 20 and history.p50() == warm[9] and history.p95() == warm[18]
    assert history.p50() == pytest.approx(13.5)
    history.clear()
    assert len(history) == 0 and history.records == [] and history.p50() == 0.0
    history.add(record(0))
    assert history.index.view().tolist() == [0.0]


def test_percentile_is_nearest_rank():
    values = [5.0, 1.0, 4.0, 2.0, 3.0]
    assert percentile(values, 50) == 3.0
    assert percentile(values, 0) == 1.0 and percentile(values, 100) == 5.0
    assert percentile(values, 20) == 1.0 and percentile(values, 21) == 2.0
    assert percentile(tuple(values), 95) == 5.0
    assert percentile([], 50) == 0.0
    assert values == [5.0, 1.0, 4.0, 2.0, 3.0]  # the caller's list is left alone


def test_percentile_rank_is_exact_where_floats_are_not():
    values = [float(v) for v in range(1, 251)]
    assert percentile(values, 64.4) == 161.0  # 250 × 0.644 = 161 exactly: rank 161, not 162
    assert percentile([float(v) for v in range(1, 1001)], 99.9) == 999.0


@pytest.mark.parametrize("q", [-1, 100.5])
def test_percentile_outside_0_to_100_is_refused(q):
    with pytest.raises(ValueError):
        percentile([1.0], q)


def test_record_totals_and_render():
    rec = record(0)
    assert rec.cold and rec.total_ns == 13_500_000
    with_render = rec.with_render(2_000_000)
    assert with_render.total_ns == 15_500_000 and rec.total_ns == 13_500_000
    assert [s for s in STAGES if s in with_render.to_dict()["stages_ms"]] == list(STAGES)


def test_sampler_is_primed_so_the_first_sample_sees_real_work():
    sampler = ResourceSampler(capacity=8)
    start = time.process_time()
    while time.process_time() - start < 0.05:  # burn CPU, not wall time: the figure is CPU time used
        sum(range(1000))
    sample = sampler.sample()
    assert sample.process_cpu > 0.0  # an unprimed psutil counter would say 0.0 here
    assert 0.0 <= sample.system_cpu <= 100.0
    rss = psutil.Process().memory_info().rss / 2**20
    assert 0.5 * rss < sample.rss_mb < 2 * rss
    assert sampler.cores == psutil.cpu_count()
    second = sampler.sample()
    assert second.t >= sample.t >= 0.0
    assert len(sampler.t) == len(sampler.process_cpu) == len(sampler.rss_mb) == 2
    assert sampler.rss_mb.last() == second.rss_mb


def test_smoothed_is_the_mean_over_the_last_second():
    sampler = ResourceSampler(capacity=64)
    assert sampler.smoothed(sampler.process_cpu) == 0.0
    for ring in (sampler.t, sampler.process_cpu):
        ring.clear()
    for i in range(21):  # 10 Hz for two seconds: 0 % until 1.5 s, then 10 %
        sampler.t.append(i / 10)
        sampler.process_cpu.append(0.0 if i < 15 else 10.0)
    # The last second is t = 1.0 … 2.0: eleven samples, six of them at 10 %.
    assert sampler.smoothed(sampler.process_cpu) == pytest.approx(60 / 11)
    assert sampler.smoothed(sampler.process_cpu, seconds=0.25) == pytest.approx(10.0)
    assert sampler.smoothed(sampler.process_cpu, seconds=5) == pytest.approx(np.mean([10.0] * 6 + [0.0] * 15))
