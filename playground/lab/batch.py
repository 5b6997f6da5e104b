"""The batch lesson's batch: one model over every file of a folder through a batch engine (the local one, or
Ray), in a child process, with throughput and an ETA as it goes; stopped, it goes on where it stopped the
next time; every file's answer and timings kept, and the whole written out as CSV or JSON."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from playground.batch.detached import run_detached
from playground.batch.formats import iter_rows
from playground.batch.job import default_workers  # noqa: F401 - the batch page offers it
from playground.core import words
from playground.core.cancel import CancelToken
from playground.core.errors import Cancelled, InputError
from playground.core.media import SUPPORTED
from playground.core.safe_output import csv_lines, csv_text, json_text
from playground.core.timing import STAGES
from playground.core.words import translate

MAX_FILES = 10_000  # a folder larger than this is named, and its first files are run
ENGINES = ("local", "ray")


@dataclass(frozen=True)
class BatchRow:
    file: str
    answer: str  # the first line of the result's summary, or "" when the file was refused
    problem: str  # the sentence that refused the file, or ""
    stages_ms: dict[str, float]
    total_ms: float
    result: dict[str, Any] | None = None  # the full result, as the command line's --json gives it


@dataclass
class BatchReport:
    model_id: str
    folder: str
    total: int  # files found (at most MAX_FILES)
    skipped: int = 0  # files past MAX_FILES
    rows: list[BatchRow] = field(default_factory=list)  # this run's so far; once finished, every file's in order
    elapsed_s: float = 0.0
    finished: bool = False  # False while running, and when stopped early
    engine: str = "local"
    workers: int = 1
    kept: int = 0  # files a stopped run of the same batch had done: not run again
    first_s: float = 0.0  # from the start until the first answers landed: the engine's start-up, and one chunk
    first_rows: int = 0  # how many landed then

    @property
    def ran(self) -> int:
        """Files run in this run."""
        return len(self.rows) - (self.kept if self.finished else 0)

    @property
    def done(self) -> int:
        return self.ran + self.kept

    @property
    def per_second(self) -> float:
        """Files run per second of wall time so far, the engine's start-up included."""
        return self.ran / self.elapsed_s if self.elapsed_s > 0 else 0.0

    @property
    def steady_per_second(self) -> float:
        """Files run per second after the first answers: the engine's pace once started (the overall pace when
        they all came at once)."""
        after_s, after = self.elapsed_s - self.first_s, self.ran - self.first_rows
        return after / after_s if after > 0 and after_s > 0 else self.per_second

    @property
    def eta_s(self) -> float:
        return (self.total - self.done) / self.per_second if self.per_second > 0 and not self.finished else 0.0

    @property
    def failed(self) -> int:
        return sum(1 for row in self.rows if row.problem)

    def snapshot(self) -> BatchReport:
        """A copy for the window while the batch goes on (the list keeps growing in the worker)."""
        return BatchReport(self.model_id, self.folder, self.total, self.skipped, list(self.rows), self.elapsed_s,
                           self.finished, self.engine, self.workers, self.kept, self.first_s, self.first_rows)


def files_in(folder: Path, modality: str) -> tuple[list[Path], int]:
    """The folder's files of the model's kind (by name; each is still checked when decoded), sorted, and how
    many more there were past MAX_FILES."""
    if not folder.is_dir():
        raise InputError(translate("BatchReport", "There is no folder called {folder}: choose a folder of files to "
                                   "run.").format(folder=folder))
    suffixes = SUPPORTED.get(modality, ())
    found = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in suffixes)
    if not found:
        empty = {"image": translate("BatchReport", "{folder} holds no image files ({suffixes}): choose another "
                                    "folder."),
                 "audio": translate("BatchReport", "{folder} holds no audio files ({suffixes}): choose another "
                                    "folder."),
                 "text": translate("BatchReport", "{folder} holds no text files ({suffixes}): choose another "
                                   "folder.")}
        sentence = empty.get(modality) or translate("BatchReport", "{folder} holds no files of the kind this model "
                                                    "reads ({suffixes}): choose another folder.")
        raise InputError(sentence.format(folder=folder.name, suffixes=", ".join(suffixes)))
    return found[:MAX_FILES], max(0, len(found) - MAX_FILES)


def engine_problem(engine: str, kiosk: bool) -> str:
    """Why the engine cannot run here, as one sentence; "" when it can."""
    if engine != "ray":
        return ""
    if kiosk:
        return translate("BatchReport", "Not on a public kiosk: Ray starts servers that run whatever code they are "
                         "sent.")
    if importlib.util.find_spec("ray") is None:
        return translate("BatchReport", "Ray is not installed here: install the ray extra (pip install "
                         "'inference-playground[ray]') to compare it.")
    return ""


def results_file(results_dir: Path, model_id: str, folder: Path, engine: str) -> Path:
    """Where the batch of this model, folder and engine keeps its rows (one file each: the engines' figures are
    compared, so one engine's rows must not stand for another's)."""
    key = hashlib.sha256(str(folder.absolute()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return results_dir / f"{model_id}-{engine}-{key}.jsonl"


def stopped_before(out: Path) -> bool:
    """A batch with this results file was stopped before it finished: its kept rows wait in the parts."""
    return out.with_name(out.name + ".parts").is_dir()


def run_folder(card: Any, params: dict[str, Any], folder: Path, engine: str, workers: int, results_dir: Path,
               models_dir: Path, token: CancelToken, progress: Callable[[float, Any], None]) -> BatchReport:
    """Every file of the folder through the engine; a file the model cannot take is a row with its sentence,
    and the batch goes on. A batch stopped before goes on where it stopped; a finished one runs again (its
    figures are what the lesson compares). Stopped midway, it returns what it did (finished False)."""
    files, skipped = files_in(folder, card.modality)
    results_dir.mkdir(parents=True, exist_ok=True)
    out = results_file(results_dir, card.id, folder, engine)
    if not stopped_before(out):
        out.unlink(missing_ok=True)
    report = BatchReport(card.id, str(folder), len(files), skipped, engine=engine, workers=workers)
    start = time.perf_counter()

    def landed(rows: list[dict[str, Any]], kept: int) -> None:
        if rows and not report.first_s:
            report.first_s, report.first_rows = time.perf_counter() - start, len(rows)
        report.rows.extend(row_of(row) for row in rows)
        report.kept += kept
        report.elapsed_s = time.perf_counter() - start
        progress(report.done / report.total, report.snapshot())

    try:
        run_detached(card.id, params, files, out, workers, engine, models_dir, lambda: token.cancelled, landed,
                     language=words.language())
    except Cancelled:
        report.elapsed_s = time.perf_counter() - start
        return report
    report.elapsed_s = time.perf_counter() - start
    report.rows = [row_of(row) for row in iter_rows(out)]  # kept rows too, in the folder's order
    report.finished = True
    return report


def row_of(row: dict[str, Any]) -> BatchRow:
    """A results file's row as the lesson shows it."""
    timings = json.loads(row["timings"]) if row.get("timings") else {}
    return BatchRow(Path(row["path"]).name, row.get("answer") or "", row.get("error") or "",
                    timings.get("stages_ms", {}), row.get("total_ms") or 0.0,
                    json.loads(row["result"]) if row.get("result") else None)


def to_csv(report: BatchReport) -> str:
    """One row per file: its name, the answer or the problem, and each stage's milliseconds (text cells never
    read as formulas: a file may be called =HYPERLINK(...).png)."""
    rows = [["file", "answer", "problem", "total_ms", *(f"{s}_ms" for s in STAGES)]]
    for row in report.rows:
        rows.append([csv_text(row.file), csv_text(row.answer), csv_text(row.problem), f"{row.total_ms:.3f}",
                     *(f"{row.stages_ms[s]:.3f}" if s in row.stages_ms else "" for s in STAGES)])
    return csv_lines(rows)


def to_json(report: BatchReport) -> str:
    """The whole batch: what ran on what, how fast, and every file's full result."""
    body = {"model": report.model_id, "folder": report.folder, "files": report.total, "skipped": report.skipped,
            "done": report.done, "failed": report.failed, "finished": report.finished,
            "elapsed_s": round(report.elapsed_s, 3), "files_per_second": round(report.per_second, 3),
            "rows": [{"file": r.file, "answer": r.answer, "problem": r.problem, "total_ms": round(r.total_ms, 3),
                      "stages_ms": {s: round(v, 3) for s, v in r.stages_ms.items()}, "result": r.result}
                     for r in report.rows]}
    return json_text(body, indent=1, default=str)
