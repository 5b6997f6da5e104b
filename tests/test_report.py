"""The lab report: every run of the session as CSV and JSON, and one HTML page with the machine, each model's
files and hashes, percentiles, answers (escaped) and embedded pictures."""

from __future__ import annotations

import csv
import io
import json

from playground.core.catalog import load_catalog
from playground.core.timing import RunRecord
from playground.lab.report import SessionLog, machine_details, report_html, runs_csv, runs_json

MS = 1_000_000


def log() -> SessionLog:
    session = SessionLog()
    for i, ms in enumerate((40.0, 20.0, 22.0, 21.0)):
        record = RunRecord("efficientnet-lite0", i, {"model": int(ms * MS)}, (int(ms * MS),), cpu_ns=int(ms * MS),
                           load_ns=int(50 * MS) if i == 0 else 0, threads=1, started_ns=0, input_label="cat.png")
        session.add(record, "EfficientNet-Lite0 photo classifier", "1. tabby <b>cat</b> 0.81")
    return session


def test_every_run_is_a_csv_row_and_a_json_entry_with_the_models_hashes():
    session, cards = log(), {card.id: card for card in load_catalog().cards}
    rows = list(csv.DictReader(io.StringIO(runs_csv(session))))
    assert [r["total_ms"] for r in rows] == ["40.000", "20.000", "22.000", "21.000"] and rows[0]["cold"] == "True"
    body = json.loads(runs_json(session, {"cores": "2"}, cards))
    assert body["machine"] == {"cores": "2"} and len(body["runs"]) == 4 and body["runs"][1]["answer"].startswith("1.")
    card = cards["efficientnet-lite0"]
    assert body["models"]["efficientnet-lite0"] == {card.files[0].path: card.files[0].sha256}


def test_the_page_holds_the_machine_the_percentiles_escaped_answers_and_pictures():
    session, cards = log(), {card.id: card for card in load_catalog().cards}
    machine = machine_details({"PySide6": "6.11.2"})
    assert {"processor", "cores", "memory", "onnxruntime", "8-bit dot product"} <= set(machine)
    page = report_html(session, cards, machine, {"Graphs": b"\x89PNG fake"})
    assert "<td>onnxruntime</td>" in page and "<td>PySide6</td><td>6.11.2</td>" in page
    assert "<td>warm runs p50</td><td>21.0 ms</td>" in page and "<td>first (cold) run</td><td>40.0 ms</td>" in page
    assert "tabby &lt;b&gt;cat&lt;/b&gt;" in page and "<b>cat</b>" not in page
    assert cards["efficientnet-lite0"].files[0].sha256 in page
    assert "src='data:image/png;base64,iVBORyBmYWtl'" in page and page.startswith("<!doctype html>")


def test_the_log_keeps_the_newest_runs_and_the_order_models_came_in(monkeypatch):
    from playground.lab import report

    monkeypatch.setattr(report, "MAX_LOGGED", 3)
    session = log()
    assert len(session.runs) == 3 and session.runs[0].record.run_index == 1
    assert session.model_ids() == ["efficientnet-lite0"]
