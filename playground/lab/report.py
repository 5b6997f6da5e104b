"""The lab report: everything run in a session — the machine and its software, each model's files and their
hashes, every run's timings, the answers, the graphs as pictures — as one HTML file, with CSV and JSON."""

from __future__ import annotations

import base64
import html
import os
import platform
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from playground.core import readable
from playground.core.built import expected_sha256, read_manifest
from playground.core.card import ModelCard
from playground.core.cpu import int8_dot_product
from playground.core.safe_output import csv_lines, csv_text, json_text
from playground.core.timing import STAGES, RunRecord, percentile
from playground.core.words import QT_TRANSLATE_NOOP, language, translate

MAX_LOGGED = 20_000  # runs kept for the report; repeat mode for an afternoon stays well under this
# The machine's details are keyed in English (the JSON keeps them so); the page names them in the window's
# language. Keys not here (the software's own names) are shown as they are.
MACHINE_WORDS = {"processor": QT_TRANSLATE_NOOP("LabReport", "processor"),
                 "cores": QT_TRANSLATE_NOOP("LabReport", "cores"),
                 "memory": QT_TRANSLATE_NOOP("LabReport", "memory"),
                 "8-bit dot product": QT_TRANSLATE_NOOP("LabReport", "8-bit dot product"),
                 "system": QT_TRANSLATE_NOOP("LabReport", "system"),
                 "threads now": QT_TRANSLATE_NOOP("LabReport", "threads now"),
                 "graph optimisation now": QT_TRANSLATE_NOOP("LabReport", "graph optimisation now"),
                 "none": QT_TRANSLATE_NOOP("LabReport", "none"), "unknown": QT_TRANSLATE_NOOP("LabReport", "unknown")}


@dataclass(frozen=True)
class LoggedRun:
    record: RunRecord
    model_name: str
    answer: str  # the first line of the result's summary


@dataclass
class SessionLog:
    """Every finished run of the session, whatever the model (the window's history keeps only the current one)."""

    started: datetime = field(default_factory=datetime.now)
    runs: list[LoggedRun] = field(default_factory=list)

    def add(self, record: RunRecord, model_name: str, answer: str) -> None:
        self.runs.append(LoggedRun(record, model_name, answer))
        del self.runs[:-MAX_LOGGED]

    def model_ids(self) -> list[str]:
        return list(dict.fromkeys(run.record.model_id for run in self.runs))


def _processor() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_details(versions: dict[str, str]) -> dict[str, str]:
    """The computer and the software the figures were measured with."""
    import numpy
    import onnxruntime
    import psutil

    dots = int8_dot_product()
    return {"processor": _processor(), "cores": str(os.cpu_count() or 1),
            "memory": f"{psutil.virtual_memory().total / 2**30:.1f} GiB",
            "8-bit dot product": dots or ("none" if dots == "" else "unknown"),
            "system": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
            "onnxruntime": onnxruntime.__version__, "numpy": numpy.__version__, **versions}


def runs_csv(log: SessionLog) -> str:
    """One row per run; its text cells (model, input, answer) never read as formulas in a spreadsheet."""
    rows: list[list[object]] = [["model", "run", "cold", "threads", "input", "total_ms", "cpu_ms", "load_ms",
                                 *(f"{s}_ms" for s in STAGES), "answer"]]
    for run in log.runs:
        r = run.record
        rows.append([csv_text(r.model_id), r.run_index, r.cold, r.threads, csv_text(r.input_label),
                     f"{r.total_ns / 1e6:.3f}", f"{r.cpu_ns / 1e6:.3f}", f"{r.load_ns / 1e6:.3f}",
                     *(f"{r.ms(s):.3f}" for s in STAGES), csv_text(run.answer)])
    return csv_lines(rows)


def runs_json(log: SessionLog, machine: dict[str, str], cards: dict[str, ModelCard]) -> str:
    body = {"started": log.started.isoformat(timespec="seconds"), "machine": machine,
            "models": {m: _files(cards[m]) for m in log.model_ids() if m in cards},
            "runs": [{**run.record.to_dict(), "input": run.record.input_label, "answer": run.answer}
                     for run in log.runs]}
    return json_text(body, indent=1)


def _files(card: ModelCard) -> dict[str, str]:
    manifest = read_manifest(card)
    return {f.path: expected_sha256(card, f, manifest) for f in card.files}


def _table(rows: list[list[str]], head: list[str] | None = None) -> str:
    """A table of text, every cell escaped; no header row for a list of name and value."""
    top = "<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in head) + "</tr>" if head else ""
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table>{top}{body}</table>"


def _said(word: str) -> str:
    """A machine detail's name (or a "none"/"unknown" value) as the page shows it."""
    return translate("LabReport", MACHINE_WORDS[word]) if word in MACHINE_WORDS else word


def _opening(log: SessionLog) -> str:
    values = {"started": readable.date_time(log.started), "runs": readable.local(f"{len(log.runs):,}"),
              "models": readable.local(f"{len(log.model_ids()):,}")}
    if len(log.runs) == 1:
        text = translate("LabReport", "Session started {started}; 1 run of 1 model, all on this computer: no input "
                         "left it.")
    elif len(log.model_ids()) == 1:
        text = translate("LabReport", "Session started {started}; {runs} runs of 1 model, all on this computer: no "
                         "input left it.")
    else:
        text = translate("LabReport", "Session started {started}; {runs} runs of {models} models, all on this "
                         "computer: no input left it.")
    return text.format(**values)


def report_html(log: SessionLog, cards: dict[str, ModelCard], machine: dict[str, str],
                images: dict[str, bytes]) -> str:
    """One self-contained page: pictures are embedded, so the file can be mailed or printed as it is."""
    heading = translate("LabReport", "Inference Playground — lab report")
    computer = translate("LabReport", "The computer")
    parts = [f"<h1>{html.escape(heading)}</h1><p>{html.escape(_opening(log))}</p>", f"<h2>{html.escape(computer)}</h2>",
             _table([[_said(k), _said(v) if k == "8-bit dot product" else readable.local(v) if k == "memory" else v]
                     for k, v in machine.items()])]
    cold_word, warm_word = translate("LabReport", "cold"), translate("LabReport", "warm")
    for model_id in log.model_ids():
        runs = [run for run in log.runs if run.record.model_id == model_id]
        card = cards.get(model_id)
        warm = [run.record.total_ns / 1e6 for run in runs if not run.record.cold]
        cold = next((run.record for run in runs if run.record.cold), None)
        figures = [[translate("LabReport", "runs"), readable.local(f"{len(runs):,}")],
                   [translate("LabReport", "threads"), ", ".join(sorted({str(r.record.threads) for r in runs}))]]
        if cold is not None:
            figures += [[translate("LabReport", "model load"), f"{readable.ms(cold.load_ns / 1e6)} ms"],
                        [translate("LabReport", "first (cold) run"), f"{readable.ms(cold.total_ns / 1e6)} ms"]]
        if warm:
            figures += [[translate("LabReport", "warm runs {percentile}").format(percentile=f"p{q}"),
                         f"{readable.ms(percentile(warm, q))} ms"] for q in (50, 95, 99)]
        parts += [f"<h2>{html.escape(runs[0].model_name)}</h2>",
                  f"<p>{html.escape(card.license)} · {html.escape(card.attribution)}</p>" if card else "",
                  _table(figures)]
        if card is not None:
            parts.append(_table([[p, h] for p, h in _files(card).items()], [translate("LabReport", "file"), "sha256"]))
        parts.append(_table([[r.record.input_label, cold_word if r.record.cold else warm_word,
                              readable.ms(r.record.total_ns / 1e6), r.answer] for r in runs[-20:]],
                            [translate("LabReport", "input"), translate("LabReport", "run"), "ms",
                             translate("LabReport", "answer (the last 20 runs)")]))
    for picture, png in images.items():
        data = base64.b64encode(png).decode("ascii")
        parts.append(f"<h2>{html.escape(picture)}</h2><img alt='{html.escape(picture)}' "
                     f"src='data:image/png;base64,{data}'>")
    style = ("body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#212121}"
             "table{border-collapse:collapse;margin:.5em 0 1em}td,th{border:1px solid #ccc;padding:.2em .5em;"
             "text-align:left;font-size:.9em}img{max-width:100%;border:1px solid #ccc}")
    title = translate("LabReport", "Lab report")
    return (f"<!doctype html><html lang='{html.escape(language())}'><head><meta charset='utf-8'>"
            f"<title>{html.escape(title)}</title>"
            f"<style>{style}</style></head><body>{''.join(parts)}</body></html>")
