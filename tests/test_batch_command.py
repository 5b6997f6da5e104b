"""`playground batch`: every file a row, bad ones with their sentence; stopped at any moment, the same command
goes on and ends with the very rows an uninterrupted batch writes, none twice and none missing."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from playground.batch.formats import read_rows
from playground.batch.inputs import expand
from playground.batch.progress import Progress
from playground.batch.store import ResultStore
from playground.cli import main
from playground.core.errors import InputError

SAMPLES = Path(__file__).resolve().parent.parent / "assets" / "samples"
PICTURES = ("coffee.png", "chelsea.png", "astronaut.png", "rocket.jpg", "grace_hopper.jpg")
SAME = ("path", "size", "sha256", "answer", "result", "error", "notes", "model", "params")  # all but timings and worker


@pytest.fixture
def photos(tmp_path: Path) -> Path:
    """Five pictures, a copy of one in a subfolder, a text file posing as a JPEG, and a file of another kind."""
    folder = tmp_path / "photos"
    (folder / "more").mkdir(parents=True)
    for name in PICTURES:
        shutil.copy(SAMPLES / name, folder / name)
    shutil.copy(SAMPLES / "coffee.png", folder / "more" / "copy.png")
    (folder / "more" / "broken.jpg").write_text("not a picture")
    (folder / "notes.txt").write_text("not the model's kind")
    return folder


def batch(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["batch", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_folder_is_searched_to_the_bottom_for_the_models_kind_of_file(photos):
    files = expand([str(photos)], [], "image")
    assert [p.relative_to(photos).as_posix() for p in files] == [
        "astronaut.png", "chelsea.png", "coffee.png", "grace_hopper.jpg", "rocket.jpg", "more/broken.jpg",
        "more/copy.png"]
    assert all(p.is_absolute() for p in files)
    # A file given twice, once by itself and once in its folder, runs once.
    assert len(expand([str(photos / "coffee.png"), str(photos)], [], "image")) == 7


def test_manifests_list_paths_from_their_own_folder(photos, tmp_path):
    (photos / "list.txt").write_text("coffee.png\n\nmore/copy.png\n")
    (photos / "list.csv").write_text("id,path\n1,chelsea.png\n2,/abs/elsewhere.png\n")
    assert expand([], [str(photos / "list.txt")], "image") == [photos / "coffee.png", photos / "more" / "copy.png"]
    assert expand([], [str(photos / "list.csv")], "image") == [photos / "chelsea.png", Path("/abs/elsewhere.png")]
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"path": ["rocket.jpg"]}), photos / "list.parquet")
    assert expand([str(photos / "list.parquet")], [], "image") == [photos / "rocket.jpg"]


def test_what_is_not_there_is_named(tmp_path):
    with pytest.raises(InputError, match="There is no file or folder called .*/missing-folder: check the name"):
        expand([str(tmp_path / "missing-folder")], [], "image")
    with pytest.raises(InputError, match="There is no manifest called .*/nowhere.txt: check the name"):
        expand([], [str(tmp_path / "nowhere.txt")], "image")


def test_a_csv_manifest_without_a_path_column_says_which_column_it_needs(tmp_path):
    (tmp_path / "m.csv").write_text("file\na.png\n")
    with pytest.raises(InputError, match="no column called path"):
        expand([], [str(tmp_path / "m.csv")], "image")


def test_a_device_or_a_pipe_is_a_row_not_a_hang(tmp_path):
    from playground.batch.inputs import files_under
    from playground.batch.rows import run_file

    os.mkfifo(tmp_path / "pipe.png")  # opening it to read would wait for a writer forever
    assert files_under(tmp_path, "image") == []  # a folder's pipes are not its files
    (tmp_path / "list.txt").write_text(f"/dev/zero\n{tmp_path / 'pipe.png'}\n")  # a manifest may name anything
    for path in expand([], [str(tmp_path / "list.txt")], "image"):
        row = run_file(None, None, path, None, "w")  # never reaches the model
        assert row is not None and "is not a regular file (a device, a pipe or a folder)" in row["error"]


def test_the_results_name_says_the_format(capsys, photos, tmp_path):
    code, _, err = batch(capsys, "efficientnet-lite0", str(photos), "--out", str(tmp_path / "out.csv"))
    assert code == 2 and "--out must end in .parquet or .jsonl" in err and not (tmp_path / "out.csv.parts").exists()


def test_parquet_without_pyarrow_says_how_to_get_it(capsys, photos, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)  # what a missing package looks like to import
    code, _, err = batch(capsys, "efficientnet-lite0", str(photos), "--out", str(tmp_path / "out.parquet"))
    assert code == 2 and "needs pyarrow: install the batch extra" in err and "--out NAME.jsonl" in err


@pytest.mark.models
def test_every_file_is_a_row_and_a_bad_one_says_why(capsys, photos, tmp_path, require_model):
    require_model("efficientnet-lite0")
    out = tmp_path / "results.jsonl"
    code, said, _ = batch(capsys, "efficientnet-lite0", str(photos), "--out", str(out), "--param", "top_k=3")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert code == 0 and "Done: 7 files (7 run; 1 refused" in said
    assert [Path(r["path"]).name for r in rows] == ["astronaut.png", "chelsea.png", "coffee.png", "grace_hopper.jpg",
                                                     "rocket.jpg", "broken.jpg", "copy.png"]
    broken = rows[5]
    assert broken["result"] is None and "broken.jpg is not a picture the playground can open" in broken["error"]
    coffee = rows[2]
    assert coffee["sha256"] == rows[6]["sha256"] and coffee["size"] == (SAMPLES / "coffee.png").stat().st_size
    assert coffee["model"] == "efficientnet-lite0" and coffee["params"] == {"top_k": 3}
    assert coffee["timings"]["stages_ms"]["model"] > 0 and coffee["worker"].count(":") == 1
    # The result is what `playground run --json` prints for the same file.
    assert main(["run", "efficientnet-lite0", str(photos / "coffee.png"), "--param", "top_k=3", "--json"]) == 0
    assert coffee["result"] == json.loads(capsys.readouterr().out)["result"]
    assert coffee["result"]["labels"][0]["name"] == "espresso" and len(coffee["result"]["labels"]) == 3
    assert "espresso" in coffee["answer"] and broken["answer"] is None  # the first line the window shows
    assert oct(out.stat().st_mode & 0o777) == oct(0o666 & ~_umask())  # as any new file, not private
    assert not (tmp_path / "results.jsonl.parts").exists()


@pytest.mark.models
def test_parquet_holds_the_same_rows_as_json_lines(capsys, photos, tmp_path, require_model):
    require_model("efficientnet-lite0")
    pytest.importorskip("pyarrow")
    for name in ("r.jsonl", "r.parquet"):
        assert batch(capsys, "efficientnet-lite0", str(photos), "--out", str(tmp_path / name), "--workers", "1")[0] == 0
    as_json, as_parquet = read_rows(tmp_path / "r.jsonl"), read_rows(tmp_path / "r.parquet")
    assert [{k: r[k] for k in SAME} for r in as_json] == [{k: r[k] for k in SAME} for r in as_parquet]


@pytest.mark.models
def test_a_second_run_keeps_what_is_done_and_reruns_what_changed(capsys, photos, tmp_path, require_model):
    require_model("efficientnet-lite0")
    out = tmp_path / "r.jsonl"
    batch(capsys, "efficientnet-lite0", str(photos), "--out", str(out))
    shutil.copy(SAMPLES / "chelsea.png", photos / "coffee.png")  # new content under an old name
    shutil.copy(SAMPLES / "rocket.jpg", photos / "new.jpg")
    code, said, _ = batch(capsys, "efficientnet-lite0", str(photos), "--out", str(out))
    rows = {Path(r["path"]).name: r for r in read_rows(out)}
    assert code == 0 and "Done: 8 files (2 run, 6 kept from an earlier run" in said
    assert json.loads(rows["coffee.png"]["result"])["labels"][0]["name"] == "tiger cat"
    # Other parameters make other rows: nothing is kept.
    code, said, _ = batch(capsys, "efficientnet-lite0", str(photos), "--out", str(out), "--param", "top_k=2")
    assert "Done: 8 files (8 run;" in said


@pytest.mark.models
def test_a_killed_batch_goes_on_and_ends_as_an_uninterrupted_one(photos, tmp_path, require_model):
    require_model("efficientnet-lite0")
    for i in range(12):  # enough work that the kill lands midway
        shutil.copy(SAMPLES / PICTURES[i % len(PICTURES)], photos / f"extra{i:02d}{Path(PICTURES[i % 5]).suffix}")
    whole, resumed = tmp_path / "whole.jsonl", tmp_path / "resumed.jsonl"
    command = [sys.executable, "-m", "playground", "batch", "efficientnet-lite0", str(photos), "--workers", "2",
               "--chunk", "1"]
    subprocess.run([*command, "--out", str(whole)], check=True, capture_output=True)
    parts = tmp_path / "resumed.jsonl.parts"
    process = subprocess.Popen([*command, "--out", str(resumed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    deadline = time.monotonic() + 60
    while not (parts.is_dir() and len(list(parts.glob("part-*"))) >= 3) and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)  # the batch and its workers, as a power cut would
    process.wait()
    assert not resumed.exists(), "the batch ended before it could be stopped"
    kept = len(list(parts.glob("part-*")))
    (parts / ".part-0001-000099.jsonl.x.tmp").write_text('{"path": "half-writ')  # a part cut short mid-write
    done = subprocess.run([*command, "--out", str(resumed)], check=True, capture_output=True, text=True)
    assert f"{kept} kept from an earlier run" in done.stdout
    first, second = read_rows(whole), read_rows(resumed)
    assert [{k: r[k] for k in SAME} for r in first] == [{k: r[k] for k in SAME} for r in second]
    assert len({r["path"] for r in second}) == len(second) == 19 and not parts.exists()


@pytest.mark.models
def test_the_ray_engine_gives_the_local_engines_rows(capsys, photos, tmp_path, require_model, monkeypatch, request):
    require_model("efficientnet-lite0")
    pytest.importorskip("ray")
    # Ray's session files in a folder of their own, with a short path: its sockets' names must fit in 107 bytes.
    short = Path(tempfile.mkdtemp(prefix="ray-", dir="/tmp"))
    request.addfinalizer(lambda: shutil.rmtree(short, ignore_errors=True))
    monkeypatch.setenv("RAY_TMPDIR", str(short))
    monkeypatch.setenv("HOME", str(tmp_path))  # where Ray would write a token of its own, ~/.ray/auth_token
    for engine in ("local", "ray"):
        code, said, err = batch(capsys, "efficientnet-lite0", str(photos), "--out", str(tmp_path / f"{engine}.jsonl"),
                                "--engine", engine, "--workers", "2", "--param", "top_k=2")
        assert code == 0 and "Done: 7 files (7 run; 1 refused" in said, err
    local, ray = read_rows(tmp_path / "local.jsonl"), read_rows(tmp_path / "ray.jsonl")
    assert [{k: r[k] for k in SAME} for r in local] == [{k: r[k] for k in SAME} for r in ray]
    # Ray decoded each picture in a stage of its own; the row still says how long that took.
    assert all(json.loads(r["timings"])["stages_ms"]["decode"] > 0 for r in ray if r["result"])
    assert os.environ["RAY_USAGE_STATS_ENABLED"] == "0"  # nothing reported to Ray's makers
    # Its servers took this batch's own token: none was written for later, none is left in the environment.
    assert not (tmp_path / ".ray").exists() and "RAY_AUTH_TOKEN" not in os.environ


def test_workers_are_between_one_and_the_cores_here(capsys, photos, tmp_path):
    for workers in ("0", str((os.cpu_count() or 1) + 1)):
        code, _, err = batch(capsys, "efficientnet-lite0", str(photos), "--out", str(tmp_path / "r.jsonl"),
                             "--workers", workers)
        assert code == 2 and f"--workers must be between 1 and {os.cpu_count()}" in err


def test_an_address_is_for_the_ray_engine(capsys, photos, tmp_path):
    code, _, err = batch(capsys, "efficientnet-lite0", str(photos), "--out", str(tmp_path / "r.jsonl"),
                         "--address", "10.0.0.1:6379")
    assert code == 2 and "--address names a Ray cluster: give it with --engine ray." in err


def test_a_results_file_another_batch_is_writing_is_refused(tmp_path):
    store = ResultStore(tmp_path / "r.jsonl", "m", "{}")
    with store.locked():
        other = ResultStore(tmp_path / "r.jsonl", "m", "{}")
        with pytest.raises(InputError, match="Another batch is writing r.jsonl now"), other.locked():
            pass


def _fake_rows(paths: list[str]) -> list[dict]:
    """Rows as an engine makes them, numbered by their file's name."""
    numbers = [int(Path(p).stem) if Path(p).stem.isdigit() else -1 for p in paths]
    return [{"path": p, "size": 1, "sha256": f"{n:064x}", "result": '{"n": %d}' % n, "error": None, "total_ms": 1.0,
             "model_ms": 1.0, "timings": "{}", "notes": "[]", "worker": "w", "model": "m", "params": "{}"}
            for n, p in zip(numbers, paths)]


@pytest.mark.parametrize("name", ["r.jsonl", "r.parquet"])
def test_the_results_are_read_back_from_the_parts_in_the_inputs_order(tmp_path, name):
    if name.endswith(".parquet"):
        pytest.importorskip("pyarrow")
    order = [f"/data/{i:05d}.png" for i in range(25_000)]  # more than one row group
    store = ResultStore(tmp_path / name, "m", "{}")
    with store.locked():
        index = store.done()
        for start in range(0, len(order), 1000):  # parts land in another order than the inputs'
            index.update(store.write_part(_fake_rows(order[::-1][start:start + 1000])))
        store.finish(order, index)
    rows = read_rows(tmp_path / name)
    assert [r["path"] for r in rows] == order and [json.loads(r["result"])["n"] for r in rows] == list(range(len(order)))
    assert not store.parts.exists()
    # The next run finds every row in the results file, copied into parts of its own; a copy cut short (parts
    # there, the mark not yet) is begun again rather than trusted.
    again = ResultStore(tmp_path / name, "m", "{}")
    with again.locked():
        again.parts.mkdir()
        (again.parts / "part-0000-000001.jsonl").write_text(json.dumps(_fake_rows(["/data/other.png"])[0]) + "\n")
        index = again.done()
    assert set(index) == set(order) and again.reusable(index[order[3]]) == f"{3:064x}"
    assert ResultStore(tmp_path / name, "other model", "{}").reusable(index[order[3]]) is None


def test_progress_is_a_bar_on_a_terminal_and_plain_lines_in_a_log():
    bar, log = io.StringIO(), io.StringIO()
    for stream, tty in ((bar, True), (log, False)):
        progress = Progress(total=10, kept=4, stream=stream, tty=tty)
        progress.started -= 2.0  # two seconds in
        progress.add(ran=2, errors=1)
        progress.close()
    assert bar.getvalue().startswith("\r[##############..........] 6/10 files · 1.0 files/s · 0:04 left · 1 error")
    assert bar.getvalue().endswith("\n") and "\r" not in log.getvalue()
    assert log.getvalue().splitlines()[0].startswith("6/10 files · 1.0 files/s · 0:04 left · 1 error")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
