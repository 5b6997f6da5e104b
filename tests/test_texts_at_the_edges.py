"""Every explainer, lesson sentence and card figure rendered with edge values (nothing, one, tiny, huge,
not a number, one core, one run, no sampler) still reads as a sentence a person would write."""

from __future__ import annotations

import math
import re
from types import SimpleNamespace

import numpy as np
import pytest

from playground.core import explainers
from playground.core.catalog import load_catalog
from playground.core.metrics import ResourceSampler, RunHistory
from playground.core.results import Generation, Labels, Picking
from playground.core.session import RuntimeOptions
from playground.core.timing import RunRecord
from playground.lab import lesson_batch, lesson_facts, lesson_model, lesson_post
from playground.lab.batch import BatchReport, BatchRow
from playground.lab.batch_sizes import BatchSizes, SizePoint
from playground.lab.cloud import CloudEstimate, CloudSetting
from playground.lab.compare import Comparison, Side
from playground.lab.cost import CostFigures
from playground.lab.graph_cost import ModelProfile, OpCost
from playground.lab.sweep import Sweep, SweepPoint
from playground.ui.formatting import measurement_line

# What a careful writer never lets through: e-notation, not-a-number, an em dash standing for a missing
# figure, a singular with a plural noun, a negative time or share, an empty emphasis, a placeholder left.
BAD = re.compile(r"\d[eE][+-]?\d|\bnan\b|\binf\b|—"
                 r"|(?<![\d.])1 (cores|threads|runs|warm runs|tokens|times|files|pieces|bytes|drawings|seconds|numbers|scores)\b"
                 r"|instead of [\d.,]+:|-\d[\d,.]* ?(ms|s|%|MB|kB|times)\b|\*\*\*\*|\{\w+\}|(?-i:\bNone\b)|\s[,.;]\s",
                 re.IGNORECASE)
HUGE_NS = 10**13  # almost three hours


def record(i: int, stage_ns: int, cpu_ns: int, threads: int = 1, runs: int = 1, load_ns: int = 0) -> RunRecord:
    stages = {"decode": stage_ns, "preprocess": stage_ns, "model": stage_ns, "postprocess": stage_ns,
              "render": stage_ns}
    return RunRecord("m", i, stages, (stage_ns,) * runs, cpu_ns, load_ns, threads, 0, "edge.png")


def histories() -> dict[str, RunHistory]:
    cases = {"one cold run of nothing": [record(0, 0, 0)],
             "a cold and a warm run, tiny": [record(0, 1, 1, load_ns=1), record(1, 1, 0)],
             "huge, many threads, 1503 runs": [record(i, HUGE_NS, 40 * HUGE_NS, 64, 1503, HUGE_NS) for i in range(3)],
             "one thread, cpu far above the wait": [record(0, 10**6, 10**9), record(1, 10**6, 9 * 10**8)]}
    out = {}
    for name, records in cases.items():
        history = RunHistory()
        for r in records:
            history.add(r)
        out[name] = history
    return out


def one_core_sampler() -> ResourceSampler:
    sampler = ResourceSampler()
    sampler.cores = 1
    sampler.sample()
    return sampler


def check(text: str, where: str) -> None:
    found = BAD.search(text)
    assert not found, f"{where}: {found.group(0)!r} in {text!r}"


def test_every_explainer_reads_well_at_the_edges():
    cards = {c.id: c for c in load_catalog().cards}
    topics = list(explainers.GENERAL_TOPICS) + [explainers.task_topic(t) for t in sorted({c.task for c in cards.values()})]
    card = next(iter(cards.values()))
    for history_name, history in histories().items():
        for sampler in (None, one_core_sampler()):
            values = explainers.facts(history, sampler, card, history.records[0].load_ns)
            for topic in topics:
                for files in (True, False):
                    text = explainers.render(topic, values, True, files=files)
                    check(" ".join(text.split()), f"{topic.id} with {history_name}, sampler {sampler is not None}")
    before = explainers.facts(None, None, None)
    for topic in topics:
        check(" ".join(explainers.render(topic, before, False).split()), f"{topic.id} before a run")


def _profiles() -> list[ModelProfile]:
    return [ModelProfile("m", 1, (OpCost("Conv", 0, 0.0, 0.0),), 0.0, 0.0, 0.0),
            ModelProfile("m", 1, (OpCost("QLinearConv", 1, 1e-6, 1.0),), 1e-6, 1e-6, 1e-3),
            ModelProfile("m", 64, (OpCost("MatMulNBits", 1e6, 1e7, 1e15),), 1e7, 1e6, 1e5)]


def _lesson_facts() -> list[tuple[str, dict[str, str]]]:
    """(what, facts) for every lesson, each with its edge values."""
    out: list[tuple[str, dict[str, str]]] = []
    for runs, cpu_s in ((1, 0.0), (1, 1e-9), (2, 1e5)):
        for price, measured in ((0.0, None), (0.05, 0.0), (1e9, 1e7)):
            out.append(("cost", lesson_facts.cost_facts(CostFigures(runs, cpu_s, cpu_s, price, 10.0, measured))))
    for ms in (0.0, 1e-6, 1e7):
        rec = record(1, int(ms * 1e6), 0)
        for estimate in (CloudEstimate(0, 0, 0.0, 0.0, 0.0, 0.0, 0.0), CloudEstimate(10**10, 10**9, 1e7, 1e3, 1e3, 1e-9, 1e6)):
            out.append(("cloud", lesson_facts.cloud_facts(rec, estimate, CloudSetting(server_speedup=0.1), "image")))
    for profile in _profiles():
        for parameters in (0, 1, 10**12):
            for speed, whole in ((0.0, 0.0), (1e-3, 0.0), (0.0, 1e-6), (1e6, 1e9)):
                out.append(("model", lesson_model.model_facts(profile, parameters, "", speed, whole)))
    sizes = (None, BatchSizes("m", (SizePoint(1, 0.0), SizePoint(64, 0.0))),
             BatchSizes("m", (SizePoint(1, 1e-6), SizePoint(2, 1e7))))
    reports = (None, BatchReport("m", "/x", 1), BatchReport("m", "/", 1, 0, [BatchRow("a", "", "bad", {}, 0.0)], 0.0, True),
               BatchReport("m", "/x", 10**6, 5, [BatchRow("a", "ok", "", {}, 1e9)] * 3, 1e-9))
    for history in histories().values():
        for report in reports:
            for size in sizes:
                out.append(("batch", lesson_batch.batch_facts(report, history, 1e-3, size)))
        out.append(("latency", lesson_facts.latency_facts(history, 1, {})))
    two = RunHistory()
    for i, ms in enumerate((0.0, 0.0, 0.0)):
        two.add(record(i, int(ms), 0))
    one_point = Sweep("threads", "m", (SweepPoint("1 thread", RuntimeOptions(1), (0.0,)),))
    out.append(("latency", lesson_facts.latency_facts(two, 1, {"threads": one_point})))
    for base_ms, twin_ms, dots in ((0.0, 0.0, ""), (1e-9, 1e9, None), (1e9, 1e-9, "AVX-512 VNNI")):
        comparison = Comparison(Side("a", "A", 0.0, (base_ms,), None), Side("b", "B", 1e5, (twin_ms,), None), 0.0,
                                "They agree.", dots)
        out.append(("int8", lesson_facts.int8_facts(comparison, "")))
    net = SimpleNamespace(parameters=1, trained_on=1, result=SimpleNamespace(epochs=1), cpu_s=0.0,
                          held_out_accuracy=0.0, held_labels=np.zeros(1))
    tuned = SimpleNamespace(cpu_s=1e-9, before=0.0, after=1.0, held_out_after=0.999)
    answers = (None, SimpleNamespace(seconds=0.0, logits=np.zeros(10), probabilities=np.full(10, 0.1), digit=0),
               SimpleNamespace(seconds=1e-9, logits=np.full(10, 1e-7), probabilities=np.full(10, 0.1), digit=1))
    for answer in answers:
        for examples in (0, 1):
            out.append(("training", lesson_facts.training_facts(net, tuned if examples else None, answer, examples)))
    for attempts, written in ((0, []), (1, ["a.png"]), (3, ["a.png", "b [x](y).txt"])):
        out.append(("privacy", lesson_facts.privacy_facts("Your photo is held in memory only.", attempts,
                                                          "1 connection to example.org", written)))
    generation = Generation("hi", "", 0, 1, 0.0, 0.0, (), "end", "", Picking(1e-3, 1e-3, 1.0))
    for raw, result in (({}, Labels(())), ({"x": np.array([math.nan, math.inf])}, Labels(())),
                        ({"scores": np.array([1e-9, 1e9], np.float32), "picked": np.zeros(0, np.int64)}, generation),
                        ({"scores": np.zeros(1, np.float32), "picked": np.zeros(1, np.int64)}, generation)):
        out.append(("post", lesson_post.post_facts(raw, result, "")))
    return out


TOPICS = {t.filename.removeprefix("lesson_").removesuffix(".md"): t for t in lesson_facts.LESSON_TOPICS}


def test_every_lesson_reads_well_at_the_edges():
    base = explainers.facts(histories()["one cold run of nothing"], None, None)
    for what, facts in _lesson_facts():
        if what == "latency" and not facts:
            continue  # fewer than two warm runs: the page keeps its text from before a run
        assert facts, what
        for key, value in facts.items():
            check(value, f"{what}: {key}")
        text = explainers.render(TOPICS[what], {**base, **facts}, True)
        check(" ".join(text.split()), what)


@pytest.mark.parametrize("value", [0, 1, 0.0, 1e-9, 2.5e-5, 0.999, 1.0, 1e12, math.nan, -0.0])
def test_every_card_figure_reads_well_at_the_edges(value):
    for key in ("top1_agreement", "held_out_accuracy", "training_seconds", "fp32_p50_ms", "parameters",
                "mean_abs_prob_diff", "size_bytes"):
        check(measurement_line(key, value), key)


def test_the_batch_sentence_follows_the_model_name_as_a_sentence():
    facts = lesson_batch.batch_facts(None, RunHistory(), 33.0)
    text = " ".join(explainers.render(lesson_facts.BATCH, {**explainers.facts(None), **facts}, True).split())
    assert "**In a batch**, the model is waiting for a folder. Choose one above" in text


def sentences(markdown: str) -> list[str]:
    """The sentences a person reads, paragraph by paragraph: tables, lists and headings are not prose."""
    markdown = re.sub(r"<!--.*?-->", "\n\n", markdown, flags=re.DOTALL)
    paragraphs, current = [], []
    for line in markdown.splitlines():
        if not line.strip() or line.startswith(("|", "#", "- ")):
            paragraphs.append(" ".join(current))
            current = []
        else:
            current.append(line.strip())
    paragraphs.append(" ".join(current))
    return [s for p in paragraphs for s in re.split(r"(?<=[.!?])\s+(?=[A-Z*“])", p) if s.strip()]


def test_no_sentence_on_a_lesson_or_an_explainer_runs_past_thirty_words():
    base = explainers.facts(histories()["a cold and a warm run, tiny"], None, None)
    shown = [(what, explainers.render(TOPICS[what], {**base, **facts}, True)) for what, facts in _lesson_facts()
             if facts]
    cards = load_catalog().cards
    topics = (list(explainers.GENERAL_TOPICS) + [explainers.task_topic(t) for t in sorted({c.task for c in cards})]
              + list(lesson_facts.LESSON_TOPICS))
    shown += [(t.id, explainers.render(t, base, has_run)) for t in topics for has_run in (True, False)]
    for what, markdown in shown:
        for sentence in sentences(markdown):
            if "{" in sentence:
                continue  # a lesson's text before its own facts exist is never shown
            words = re.findall(r"[\w’'.,%-]+", sentence)
            assert len(words) <= 30, f"{what}: {len(words)} words: {sentence}"
