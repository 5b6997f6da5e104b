"""What the app writes for others stays safe: CSV cells are never formulas, --json is always UTF-8, saving leaves
the umask alone, and a settings file never asks for more threads than there are cores."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from playground.core import export
from playground.core.results import Upscaled
from playground.core.safe_output import csv_text, json_text
from playground.core.timing import RunRecord
from playground.lab.batch import BatchReport, BatchRow, to_csv, to_json
from playground.lab.report import SessionLog, runs_csv, runs_json

ROOT = Path(__file__).resolve().parent.parent
LINK = '=HYPERLINK("http://x","y").png'
RISKY = [LINK, "+1+2", "-2+3", "@SUM(A1)", "\tfoo", "\rbar"]
UNDECODABLE = b"\xff-\xfe.json"  # no UTF-8 decodes these bytes: Python holds the name as '\udcff-\udcfe.json'


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_a_text_cell_that_a_spreadsheet_would_run_gets_a_quote_and_others_stay_as_they_are():
    assert [csv_text(cell) for cell in RISKY] == ["'" + cell for cell in RISKY]
    assert [csv_text(cell) for cell in ("cat.png", "", "1. tabby 0.81", "'quoted")] == \
        ["cat.png", "", "1. tabby 0.81", "'quoted"]


def test_the_batch_csv_never_holds_a_formula_but_keeps_its_numbers():
    rows = [BatchRow(name, "-5 dB", "=cmd|' /C calc'!A0", {"model": -1.25}, -3.5) for name in RISKY]
    rows.append(BatchRow("cat.png", "tabby", "", {"model": 2.0}, 2.5))
    report = BatchReport("magika", "/data", len(rows), rows=rows)
    head, *body = _cells(to_csv(report))
    for row in body:
        cells = dict(zip(head, row, strict=True))
        assert not cells["file"].startswith(tuple("=+-@\t\r")) and not cells["answer"].startswith("-")
        assert not cells["problem"].startswith("=")
    first, last = dict(zip(head, body[0], strict=True)), dict(zip(head, body[-1], strict=True))
    assert [row[0] for row in body] == ["'" + name for name in RISKY] + ["cat.png"]
    assert (first["answer"], first["problem"]) == ("'-5 dB", "'=cmd|' /C calc'!A0")
    assert (first["total_ms"], first["model_ms"]) == ("-3.500", "-1.250")  # numbers the app writes stay numbers
    assert (last["file"], last["answer"], last["problem"], last["total_ms"]) == ("cat.png", "tabby", "", "2.500")


def test_a_carriage_return_inside_a_name_cannot_start_a_row_of_its_own():
    name = 'x\r=HYPERLINK("http://x","y")\n@cmd.png'
    text = to_csv(BatchReport("magika", "/data", 1, rows=[BatchRow(name, "a\rb", "", {}, 1.0)]))
    assert len(_cells(text)) == 2 and _cells(text)[1][:3] == [name, "a\rb", ""]
    assert text.count("\n") == 3 and text.endswith(",\n")  # a line feed ends each row, as before


def test_the_lab_report_csv_never_holds_a_formula_but_keeps_its_numbers():
    session = SessionLog()
    for i, label in enumerate(RISKY):
        record = RunRecord("-model", i, {"model": 2_000_000}, (2_000_000,), cpu_ns=-1_000_000, load_ns=0,
                           threads=2, started_ns=0, input_label=label)
        session.add(record, "A model", "+answer" if i else "1. tabby")
    head, *body = _cells(runs_csv(session))
    cells = [dict(zip(head, row, strict=True)) for row in body]
    assert [c["input"] for c in cells] == ["'" + label for label in RISKY]
    assert [c["answer"] for c in cells] == ["1. tabby"] + ["'+answer"] * (len(RISKY) - 1)
    assert {c["model"] for c in cells} == {"'-model"}
    assert cells[0]["cpu_ms"] == "-1.000" and cells[0]["threads"] == "2" and cells[1]["run"] == "1"


def test_json_text_escapes_lone_surrogates_keeps_other_letters_and_reads_back_the_same():
    value = {"input": os.fsdecode(UNDECODABLE), "name": "U²-Net-p ×4", "pair": "😀"}
    text = json_text(value, indent=2)
    text.encode("utf-8")  # strict: raises on a lone surrogate
    assert '"\\udcff-\\udcfe.json"' in text and "U²-Net-p ×4" in text and "😀" in text
    assert json.loads(text) == value and os.fsencode(json.loads(text)["input"]) == UNDECODABLE


def test_the_batch_and_report_json_encode_as_utf8_whatever_the_file_names():
    name = os.fsdecode(UNDECODABLE)
    report = BatchReport("magika", "/data", 1, rows=[BatchRow(name, "json", "", {}, 1.0)])
    assert json.loads(to_json(report).encode("utf-8"))["rows"][0]["file"] == name
    session = SessionLog()
    session.add(RunRecord("magika", 0, {}, (), 0, 0, 1, 0, input_label=name), "Magika", "json")
    assert json.loads(runs_json(session, {}, {}).encode("utf-8"))["runs"][0]["input"] == name


def _cli(*argv: str, cwd: Path, **env: str) -> tuple[int, object, str]:
    """Runs `python -m playground ARGV` and reads its standard output strictly as UTF-8 JSON."""
    done = subprocess.run([sys.executable, "-m", "playground", *argv], capture_output=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **env}, timeout=300)
    return done.returncode, json.loads(done.stdout.decode("utf-8", errors="strict")), done.stderr.decode(errors="replace")


@pytest.mark.models
@pytest.mark.skipif(sys.platform == "win32", reason="Windows file names are Unicode, never undecodable bytes")
def test_run_and_bench_json_are_utf8_for_a_file_name_with_undecodable_bytes(tmp_path, require_model):
    require_model("magika")
    path = os.path.join(os.fsencode(tmp_path), UNDECODABLE)
    with open(path, "wb") as out:
        out.write(b'{"weather": "sunny", "degrees": 21}\n')
    name = os.fsdecode(UNDECODABLE)
    code, report, err = _cli("run", "magika", name, "--json", cwd=tmp_path)
    assert code == 0, err
    assert isinstance(report, dict) and os.fsencode(report["input"]) == UNDECODABLE
    assert report["result"]["labels"][0]["name"] == "json"
    code, figures, err = _cli("bench", "magika", name, "--json", "--runs", "1", "--warmup", "0", cwd=tmp_path)
    assert code == 0 and isinstance(figures, dict) and figures["model"] == "magika", err


@pytest.mark.models
@pytest.mark.skipif(sys.platform == "win32", reason="Windows file names are Unicode, never undecodable bytes")
def test_models_json_is_utf8_for_a_models_folder_with_undecodable_bytes_and_any_terminal(tmp_path, require_model):
    card = require_model("u2netp")
    models = os.path.join(os.fsencode(tmp_path), b"models-\xff")
    os.mkdir(models)
    os.symlink(os.fsencode(card.folder), os.path.join(models, b"u2netp"))
    os.mkdir(os.path.join(models, b"broken\xfe"))
    with open(os.path.join(models, b"broken\xfe", b"model.toml"), "w", encoding="utf-8") as out:
        out.write("id = \n")
    env = {"PLAYGROUND_MODELS": os.fsdecode(models), "PYTHONIOENCODING": "latin-1"}  # a terminal that is not UTF-8
    code, info, err = _cli("models", "info", "u2netp", "--json", cwd=tmp_path, **env)
    assert code == 0, err
    assert isinstance(info, dict) and info["name"].startswith("U²-Net-p") and os.fsencode(info["folder"]).endswith(
        b"models-\xff/u2netp")
    code, listing, _ = _cli("models", "list", "--json", cwd=tmp_path, **env)
    assert code == 1 and isinstance(listing, dict) and [m["id"] for m in listing["models"]] == ["u2netp"]
    assert "broken\udcfe" in listing["errors"][0]
    code, verified, _ = _cli("models", "verify", "--json", cwd=tmp_path, **env)
    assert code == 1 and isinstance(verified, dict) and "broken\udcfe" in verified["errors"][0]


@pytest.fixture
def umask_027():
    umask = os.umask  # kept: the test replaces os.umask before this puts the umask back
    old = umask(0o027)  # the test's own thread, before anything runs: the one place it may be set
    yield 0o027
    umask(old)


def _refuse(*args: object) -> int:
    raise AssertionError("os.umask changes the umask of every thread: saving must not call it")


@pytest.mark.parametrize("proc", [True, False], ids=["read-from-proc", "seen-on-a-new-file"])
def test_saving_leaves_the_umask_alone_and_gives_the_file_the_usual_mode(tmp_path, monkeypatch, umask_027, proc):
    monkeypatch.setattr(os, "umask", _refuse)
    if not proc:  # a system without /proc/self/status (macOS, the BSDs)
        monkeypatch.setattr(export, "PROC_STATUS", str(tmp_path / "no-such-status"))
    saved = export.save_result(Upscaled(np.zeros((3, 5, 3), np.uint8), np.zeros((12, 20, 3), np.uint8), 4),
                               tmp_path / "big.png")
    assert saved.stat().st_mode & 0o777 == 0o666 & ~umask_027 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.png"]  # no temporary or probe file left


def test_a_settings_file_never_sets_more_threads_than_there_are_cores(tmp_path, monkeypatch):
    pytest.importorskip("PySide6")
    from playground.ui.settings import Settings

    path = tmp_path / "big-machine.ini"
    path.write_text("[runtime]\nthreads=64\n", encoding="utf-8")
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert Settings(path).threads == 2
    path.write_text("[runtime]\nthreads=1\n", encoding="utf-8")
    assert Settings(path).threads == 1
    monkeypatch.setattr(os, "cpu_count", lambda: None)  # the system does not say: one core
    path.write_text("[runtime]\nthreads=8\n", encoding="utf-8")
    assert Settings(path).threads == 1
