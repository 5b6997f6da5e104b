"""Batch mode over a folder: which files run, a bad file as a row with its sentence, progress with
throughput, stopping midway, and the CSV and JSON written from it."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from playground.core.cancel import CancelToken
from playground.core.errors import InputError
from playground.core.pipeline import Pipeline
from playground.core.task import RunRequest
from playground.lab import batch
from playground.lab.batch import files_in, run_batch, to_csv, to_json
from tests.tiny_models import ScaleTask


@dataclass(frozen=True)
class Total:
    value: float

    def summary(self) -> str:
        return f"total {self.value:g}\nsecond line"

    def to_dict(self) -> dict:
        return {"type": "total", "value": self.value}


class SummingTask(ScaleTask):
    def postprocess(self, outputs, ctx, card, params):
        return Total(super().postprocess(outputs, ctx, card, params))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "b.txt").write_text("abcd")
    (tmp_path / "a.txt").write_text("ab")
    (tmp_path / "c.md").write_bytes("Chère".encode("latin-1"))  # not UTF-8: refused, the batch goes on
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")  # not text: not taken at all
    (tmp_path / "notes").mkdir()
    return tmp_path


def test_the_files_of_the_models_kind_are_taken_in_order(folder, tmp_path, monkeypatch):
    files, skipped = files_in(folder, "text")
    assert [p.name for p in files] == ["a.txt", "b.txt", "c.md"] and skipped == 0
    monkeypatch.setattr(batch, "MAX_FILES", 2)
    assert [p.name for p in files_in(folder, "text")[0]] == ["a.txt", "b.txt"] and files_in(folder, "text")[1] == 1
    with pytest.raises(InputError, match="holds no image files"):
        files_in(folder / "notes", "image")
    with pytest.raises(InputError, match="There is no folder called"):
        files_in(tmp_path / "nowhere", "text")


def test_each_file_becomes_a_row_and_a_bad_one_says_why(folder, scale_card):
    seen = []
    report = run_batch(RunRequest(scale_card, SummingTask(), folder, {"gain": 1.0}), Pipeline(), CancelToken(),
                       lambda f, partial: seen.append((f, partial.done, partial.per_second)))
    assert [(r.file, r.answer) for r in report.rows] == [("a.txt", "total 16"), ("b.txt", "total 32"), ("c.md", "")]
    assert report.rows[2].problem.startswith("c.md is not UTF-8 text") and report.failed == 1
    assert report.finished and report.done == report.total == 3
    assert [(f, done) for f, done, _ in seen] == [(pytest.approx(1 / 3), 1), (pytest.approx(2 / 3), 2), (1.0, 3)]
    assert all(rate > 0 for _, _, rate in seen) and report.eta_s == 0
    rows = list(csv.DictReader(io.StringIO(to_csv(report))))
    assert rows[0]["file"] == "a.txt" and float(rows[0]["model_ms"]) > 0 and rows[2]["problem"].startswith("c.md")
    body = json.loads(to_json(report))
    assert body["done"] == 3 and body["failed"] == 1 and body["rows"][1]["result"] == {"type": "total", "value": 32.0}


def test_a_stopped_batch_keeps_what_it_did(folder, scale_card):
    token = CancelToken()

    def stop_after_first(fraction, partial):
        token.cancel()

    report = run_batch(RunRequest(scale_card, SummingTask(), folder, {"gain": 1.0}), Pipeline(), token,
                       stop_after_first)
    assert report.done == 1 and not report.finished and report.total == 3


def test_batch_sizes_feed_the_same_input_many_times_in_one_run(scale_card):
    from playground.core.media import TextData
    from playground.core.session import RuntimeOptions
    from playground.lab.batch_sizes import SIZES, batch_feeds, time_batch_sizes

    seen = []
    sizes = time_batch_sizes(RunRequest(scale_card, ScaleTask(), TextData("abc"), {"gain": 1.0}, RuntimeOptions()),
                             CancelToken(), lambda f, _: seen.append(f))
    assert [p.size for p in sizes.points] == list(SIZES) and seen[-1] == 1.0
    assert all(p.per_second == pytest.approx(1000 * p.size / p.batch_ms) for p in sizes.points)
    assert batch_feeds(scale_card, {}).endswith("so it is not fed as one batch here.")


def test_the_batch_lesson_says_what_live_runs_missed_and_what_batching_did():
    import re

    from playground.core import explainers
    from playground.core.metrics import RunHistory
    from playground.core.timing import RunRecord
    from playground.lab import lesson_facts
    from playground.lab.batch import BatchReport, BatchRow
    from playground.lab.batch_sizes import BatchSizes, SizePoint

    history = RunHistory()
    for i, ms in enumerate((60.0, 20.0, 40.0, 25.0)):
        history.add(RunRecord("m", i, {"model": int(ms * 1e6)}, (), 0, 0, 1, 0))
    report = BatchReport("m", "/photos/holiday", 3, 0, [BatchRow("a.png", "1 face", "", {}, 30.0),
                                                         BatchRow("b.png", "", "b.png is empty.", {}, 0.0)], 0.5)
    fast = BatchSizes("m", (SizePoint(1, 0.04), SizePoint(32, 0.24)))
    values = {**explainers.facts(history), **lesson_facts.batch_facts(report, history, 33.0, fast)}
    text = " ".join(explainers.render(lesson_facts.BATCH, values, True).split())
    assert "With a deadline of **33.0 ms** (30.3 answers a second), 2 of the last 4 runs missed it." in text
    assert "has gone through 2 of 3 files of holiday in 500 ms: 4 files a second, 30.0 ms each; 1 could not" in text
    assert "Fed 32 at once, it answered 5.3 times as many a second. Each answer waited 0.24 ms instead" in text
    slow = BatchSizes("m", (SizePoint(1, 5.0), SizePoint(32, 200.0)))
    assert "it answered no more a second (160 against 200)" in lesson_facts.batch_facts(None, history, 33.0, slow)[
        "sizes_sentence"]
    for shown in (text, explainers.render(lesson_facts.BATCH, {}, False)):
        assert not re.search(r"\{\w+\}", shown) and 20 <= explainers.word_count(shown) <= explainers.MAX_WORDS
