"""Sweeps over runtime settings: one timed series per setting, the fastest named, cancel honoured, and the
latency lesson's figures and text built from them."""

from __future__ import annotations

import re

import pytest

from playground.core import explainers
from playground.core.cancel import CancelToken
from playground.core.errors import Cancelled
from playground.core.media import TextData
from playground.core.metrics import RunHistory
from playground.core.session import OPT_LEVELS, RuntimeOptions
from playground.core.task import RunRequest
from playground.core.timing import RunRecord
from playground.lab import lesson_facts
from playground.lab.sweep import MAX_THREADS_SWEPT, Sweep, SweepPoint, optimisation_settings, run_sweep, thread_settings
from tests.tiny_models import ScaleTask

MS = 1_000_000


def test_the_settings_swept_are_every_thread_count_and_every_level():
    current = RuntimeOptions(1, "basic")
    assert [o for _, o in thread_settings(current, cores=3)] == [RuntimeOptions(n, "basic") for n in (1, 2, 3)]
    assert [label for label, _ in thread_settings(current, cores=2)] == ["1 thread", "2 threads"]
    assert len(thread_settings(current, cores=64)) == MAX_THREADS_SWEPT
    assert [o.opt_level for _, o in optimisation_settings(RuntimeOptions(2))] == list(OPT_LEVELS)
    assert {o.threads for _, o in optimisation_settings(RuntimeOptions(2))} == {2}


def test_each_setting_is_timed_after_a_warm_up_and_progress_reaches_the_end(scale_card):
    seen = []
    sweep = run_sweep("threads", thread_settings(RuntimeOptions(), cores=2),
                      RunRequest(scale_card, ScaleTask(), TextData("abc"), {"gain": 1.0}), CancelToken(),
                      lambda f, _: seen.append(f), runs=3)
    assert [p.label for p in sweep.points] == ["1 thread", "2 threads"] and sweep.model_id == "scale"
    assert all(len(p.runs_ms) == 3 and p.median_ms > 0 for p in sweep.points)
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0) and len(seen) == 8
    assert sweep.best() is min(sweep.points, key=lambda p: p.median_ms)
    assert sweep.point(RuntimeOptions(2)) is sweep.points[1]


def test_a_cancelled_sweep_stops(scale_card):
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        run_sweep("optimisation", optimisation_settings(RuntimeOptions()),
                  RunRequest(scale_card, ScaleTask(), TextData("abc"), {"gain": 1.0}), token, lambda *_: None)


def _history(*totals_ms: float) -> RunHistory:
    history = RunHistory()
    for i, total in enumerate(totals_ms):
        stages = {"decode": MS, "preprocess": MS, "model": int((total - 2) * MS)}
        history.add(RunRecord("centerface", i, stages, (stages["model"],), cpu_ns=MS, load_ns=0, threads=1,
                              started_ns=0, input_label="astronaut.png"))
    return history


def test_the_latency_lesson_quotes_percentiles_the_start_and_the_sweep():
    history = _history(90.0, *[30.0 + i for i in range(20)])
    sweep = Sweep("threads", "centerface", (SweepPoint("1 thread", RuntimeOptions(1), (26.0, 27.0, 25.0)),
                                            SweepPoint("2 threads", RuntimeOptions(2), (14.0, 13.0, 15.0))))
    facts = lesson_facts.latency_facts(history, 29 * MS, {"threads": sweep}, "CenterFace")
    values = {**explainers.facts(history), **facts}
    text = " ".join(explainers.render(lesson_facts.LATENCY, values, True).split())
    # Nearest rank: each percentile is one of the runs, so "at most"; 20 runs support p95, not p99.
    assert ("Of the last 20 warm runs of CenterFace, half took at most **39.0 ms** (the median, p50) and 95 in "
            "100 at most 48.0 ms (p95). With 100 runs this page gives p99 too.") in text
    assert "Loading the model took 29.0 ms and the first, cold run 90.0 ms, 2.3 times a warm one" in text
    assert "with 1 to 2 threads: **2 threads** was fastest at 14.0 ms in the model, against 26.0 ms with 1 thread" in text
    for shown in (text, explainers.render(lesson_facts.LATENCY, {}, False),
                  explainers.render(lesson_facts.LATENCY, {**values, **lesson_facts.latency_facts(history, 0, {})},
                                    True)):
        assert not re.search(r"\{\w+\}", shown) and 20 <= explainers.word_count(shown) <= explainers.MAX_WORDS
    assert lesson_facts.latency_facts(_history(90.0, 30.0), 0, {}) == {}  # one warm run is no distribution


def test_percentiles_are_quoted_only_where_the_runs_support_them():
    few = lesson_facts.percentile_sentence([30.0, 31.0, 45.0], "m")
    assert "half took at most **31.0 ms**" in few and "the slowest took 45.0 ms" in few and "(p95)" not in few
    many = lesson_facts.percentile_sentence([float(v) for v in range(1, 101)], "m")
    assert "95 in 100 at most 95.0 ms (p95) and 99 in 100 at most 99.0 ms (p99)." in many
    quick = lesson_facts.latency_facts(_history(30.0, 31.0, 33.0), 29 * MS, {})  # the cold run was no slower
    assert "cold run 30.0 ms, about as long as a warm one." in quick["start_sentence"]
