"""The batch lesson's batch over a folder: which files run, a bad file as a row with its sentence, progress with
throughput, stopping midway and going on, and the CSV and JSON written from it."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from playground import paths
from playground.core.cancel import CancelToken
from playground.core.catalog import load_catalog
from playground.core.errors import InputError
from playground.core.task import RunRequest
from playground.lab import batch
from playground.lab.batch import files_in, results_file, run_folder, to_csv, to_json
from tests.tiny_models import ScaleTask

SAMPLES = paths.samples_dir()


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


GREETINGS = {"hello_de.txt": "German", "hello_fr.txt": "French", "hello_pt.txt": "Portuguese",
             "hello_ru.txt": "Russian"}


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    """Twelve texts in four languages, and one that is not UTF-8 (refused: the batch goes on)."""
    folder = tmp_path / "texts"
    folder.mkdir()
    for i in range(3):
        for name in GREETINGS:
            shutil.copy(SAMPLES / name, folder / f"{i}-{name}")
    (folder / "3-broken.txt").write_bytes("Chère".encode("latin-1"))
    return folder


def _run(card, folder, results, token=None, seen=None, engine="local", workers=1):
    return run_folder(card, {}, folder, engine, workers, results, load_catalog().folder, token or CancelToken(),
                      lambda f, partial: (seen if seen is not None else []).append((f, partial.done)))


@pytest.mark.models
def test_each_file_becomes_a_row_and_a_bad_one_says_why(texts, tmp_path, require_model):
    card = require_model("langid")
    seen: list = []
    report = _run(card, texts, tmp_path / "results", seen=seen)
    names = sorted(p.name for p in texts.iterdir())
    assert [r.file for r in report.rows] == names and report.finished and report.done == report.total == 13
    for row in report.rows[:-1]:
        assert GREETINGS[row.file[2:]] in row.answer and row.stages_ms["model"] > 0 and row.result["type"]
    broken = report.rows[-1]
    assert broken.problem.startswith("3-broken.txt is not UTF-8 text") and report.failed == 1 and not broken.answer
    assert seen[-1] == (1.0, 13) and [done for _, done in seen] == sorted(done for _, done in seen)
    assert report.ran == 13 and report.kept == 0 and report.first_s > 0 and report.eta_s == 0
    rows = list(csv.DictReader(io.StringIO(to_csv(report))))
    assert rows[0]["file"] == names[0] and float(rows[0]["model_ms"]) > 0 and rows[-1]["problem"].startswith("3-b")
    body = json.loads(to_json(report))
    assert body["done"] == 13 and body["failed"] == 1 and body["rows"][1]["result"] == report.rows[1].result
    # Run again once finished: run afresh (the lesson compares engines' figures), not "nothing to do".
    again = _run(card, texts, tmp_path / "results")
    assert again.ran == 13 and again.kept == 0


@pytest.mark.models
def test_a_stopped_batch_keeps_what_it_did_and_goes_on_from_there(texts, tmp_path, require_model):
    card = require_model("langid")
    token = CancelToken()
    stopped = _run(card, texts, tmp_path / "results", token, seen=_Stopper(token))
    assert 1 <= stopped.done < stopped.total == 13 and not stopped.finished
    assert results_file(tmp_path / "results", "langid", texts, "local").name.startswith("langid-local-")
    resumed = _run(card, texts, tmp_path / "results")
    # Kept: at least what the window heard of; more when a chunk reached the disk just as the stop came.
    assert resumed.finished and resumed.kept >= stopped.done and resumed.ran == 13 - resumed.kept
    whole = _run(card, texts, tmp_path / "other")
    assert [(r.file, r.answer, r.problem) for r in resumed.rows] == [(r.file, r.answer, r.problem) for r in whole.rows]


@pytest.mark.models
def test_the_rows_speak_the_windows_language(texts, tmp_path, require_model):
    from playground.core import words

    card = require_model("langid")
    words.speak("de")  # as the window does with Qt's translator; the batch's processes read the same file
    try:
        report = _run(card, texts, tmp_path / "results", workers=2)
    finally:
        words.install(None)
    assert all("Deutsch" in row.answer for row in report.rows if row.file.endswith("hello_de.txt"))
    assert report.rows[0].answer.startswith("Am wahrscheinlichsten: Deutsch")


def test_a_process_without_qt_speaks_from_the_translation_file():
    from playground.core import words

    try:
        words.speak("de")
        assert words.language() == "de" and words.translate("LessonFacts", "the local engine") == "die lokale Engine"
        assert words.translate("LessonFacts", "no such text") == "no such text"
        words.speak("xx")  # no file: the text as written
        assert words.language() == "en" and words.translate("LessonFacts", "the local engine") == "the local engine"
    finally:
        words.install(None)


class _Stopper(list):
    """A progress list that presses Stop at the first news."""

    def __init__(self, token: CancelToken) -> None:
        super().__init__()
        self.token = token

    def append(self, item) -> None:
        super().append(item)
        self.token.cancel()


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
    from playground.lab import lesson_batch, lesson_facts
    from playground.lab.batch import BatchReport, BatchRow
    from playground.lab.batch_sizes import BatchSizes, SizePoint

    history = RunHistory()
    for i, ms in enumerate((60.0, 20.0, 40.0, 25.0)):
        history.add(RunRecord("m", i, {"model": int(ms * 1e6)}, (), 0, 0, 1, 0))
    report = BatchReport("m", "/photos/holiday", 3, 0, [BatchRow("a.png", "1 face", "", {}, 30.0),
                                                         BatchRow("b.png", "", "b.png is empty.", {}, 0.0)], 0.5)
    fast = BatchSizes("m", (SizePoint(1, 0.04), SizePoint(32, 0.24)))
    rows = [BatchRow(f"{i}.png", "cat", "", {}, 10.0) for i in range(100)]
    # Local: 10 files in the first 0.5 s, then 90 in 0.9 s (100 a second); Ray: 8 s to start, then 60 a second.
    local = BatchReport("m", "/photos/holiday", 100, 0, rows, 1.4, True, "local", 2, 0, 0.5, 10)
    ray = BatchReport("m", "/photos/holiday", 100, 0, rows, 9.5, True, "ray", 2, 0, 8.0, 10)
    values = {**explainers.facts(history), **lesson_batch.batch_facts(report, history, 33.0, fast)}
    text = " ".join(explainers.render(lesson_facts.BATCH, values, True).split())
    assert "With a deadline of **33.0 ms** (30.3 answers a second), 2 of the last 4 runs missed it." in text
    assert "has gone through 2 of 3 files of holiday in 500 ms: 4 files a second, 30.0 ms each; 1 could not" in text
    assert "Fed 32 at once, it answered 5.3 times as many a second. Each answer waited 0.24 ms instead" in text
    side_by_side = lesson_batch.engines_sentence((local, ray))
    assert side_by_side == ("Side by side on this folder: the local engine, 2 workers, the first answers after 500 ms, "
                            "then 100 files a second; Ray, 2 workers, the first answers after 8 s, then 60 files a "
                            "second.")
    # The fastest pace, 100 files a second: a million files take 2.8 hours here. A core's best, 50 a second: 2.1
    # minutes on 160 cores, and 1e6 / 50 / 3600 = 5.6 core-hours, $0.28 at $0.05 each.
    beyond = lesson_batch.beyond_sentence((local, ray))
    assert beyond.startswith("A million files would take 2.8 hours here at the fastest pace measured, and about 2.1 "
                             "minutes on 10 hired computers of 16 cores at 50 files a second per core: $0.28 of "
                             "computing (at $0.05 a core-hour)")
    assert "Beyond one computer, an engine like Ray must also move each file" in beyond
    assert lesson_batch.beyond_sentence(()).startswith("Beyond one computer")
    assert lesson_batch.engines_sentence(()).startswith("Run the same folder through the local engine and then")
    slow = BatchSizes("m", (SizePoint(1, 5.0), SizePoint(32, 200.0)))
    assert "it answered no more a second (160 against 200)" in lesson_batch.batch_facts(None, history, 33.0, slow)[
        "sizes_sentence"]
    for shown in (text, explainers.render(lesson_facts.BATCH, {}, False)):
        assert not re.search(r"\{\w+\}", shown) and 20 <= explainers.word_count(shown) <= explainers.MAX_WORDS
