"""Batch mode: one model over every file of a folder, one after another, with throughput and an ETA as it
goes, every file's answer and timings kept, and the whole written out as CSV or JSON."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

from playground.core.cancel import CancelToken
from playground.core.errors import Cancelled, InputError, PlaygroundError
from playground.core.media import SUPPORTED
from playground.core.pipeline import Pipeline
from playground.core.safe_output import csv_lines, csv_text, json_text
from playground.core.task import RunRequest
from playground.core.timing import STAGES
from playground.core.words import translate

MAX_FILES = 10_000  # a folder larger than this is named, and its first files are run


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
    rows: list[BatchRow] = field(default_factory=list)
    elapsed_s: float = 0.0
    finished: bool = False  # False while running, and when stopped early

    @property
    def done(self) -> int:
        return len(self.rows)

    @property
    def per_second(self) -> float:
        """Files finished per second of wall time so far."""
        return self.done / self.elapsed_s if self.elapsed_s > 0 else 0.0

    @property
    def eta_s(self) -> float:
        return (self.total - self.done) / self.per_second if self.per_second > 0 else 0.0

    @property
    def failed(self) -> int:
        return sum(1 for row in self.rows if row.problem)

    def snapshot(self) -> BatchReport:
        """A copy for the window while the batch goes on (the list keeps growing in the worker)."""
        return BatchReport(self.model_id, self.folder, self.total, self.skipped, list(self.rows), self.elapsed_s,
                           self.finished)


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


def run_batch(request: RunRequest, pipeline: Pipeline, token: CancelToken,
              progress: Callable[[float, Any], None]) -> BatchReport:
    """Each file of the folder that is the request's source, in turn; a file the model cannot take is a row
    with its sentence, and the batch goes on. Stopped midway, it returns what it did (finished False): those
    rows are worth keeping and exporting."""
    card, folder = request.card, Path(request.source)
    files, skipped = files_in(folder, card.modality)
    report = BatchReport(card.id, str(folder), len(files), skipped)
    start = time.perf_counter()
    for path in files:
        if token.cancelled:
            break
        try:
            outcome = pipeline.run(replace(request, source=path), token)
        except Cancelled:
            break
        except PlaygroundError as exc:
            report.rows.append(BatchRow(path.name, "", str(exc), {}, 0.0))
        else:
            record = outcome.record
            summary = outcome.result.summary().strip().splitlines()
            report.rows.append(BatchRow(path.name, summary[0] if summary else "",
                                        "", {s: record.ms(s) for s in STAGES if s in record.stages_ns},
                                        record.total_ns / 1e6, outcome.result.to_dict()))
        report.elapsed_s = time.perf_counter() - start
        progress(report.done / report.total, report.snapshot())
    report.finished = report.done == report.total
    return report


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
