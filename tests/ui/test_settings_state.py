"""State on disk: settings survive a kill mid-write, a damaged settings file gives the defaults with a notice and is
kept, and every file written at a person's request is whole or not there, whatever fails halfway."""

from __future__ import annotations

import configparser
import errno
import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QByteArray

from playground.cli import main
from playground.core import export
from playground.core.errors import InputError
from playground.core.results import Cutout, Denoised, Transcript
from playground.ui import settings as settings_module
from playground.ui.settings import Settings, damage
from tests.test_model_faults import fill, small_disk

ROOT = Path(__file__).resolve().parents[2]
WRITER = """
import os, sys
from PySide6.QtCore import QByteArray
from playground.ui.settings import Settings
s = Settings(sys.argv[1])
gen = int(s.lesson_value("gen", 0, 0, 1e9))
pad = os.urandom(300_000)  # a big value, so that most of the loop's time is spent writing
print("ready", gen, flush=True)
while True:
    gen += 1
    s.last_model = f"model-{gen}"
    for key in ("a", "b", "c", "gen"):
        s.set_lesson_value(key, gen)
    s.set_splitter("main", QByteArray(pad + str(gen).encode()))
    print("begin", gen, flush=True)
    s.sync()
    print("end", gen, flush=True)
"""


def _lines_until_killed(proc: subprocess.Popen, delay: float) -> list[str]:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], 60)
    assert ready and proc.stdout.readline().startswith("ready"), "the writer did not start"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    return proc.stdout.read().split("\n")[:-1]  # whole lines only: the kill may cut the last one short


def test_settings_killed_at_random_moments_mid_write_always_hold_the_old_or_the_new_values(tmp_path):
    """QSettings writes a new file and renames it over the old one: a SIGKILL at any moment leaves one or the other,
    never a mixture or half a file, and the next start writes again (the kill leaves a stale lock behind)."""
    path = tmp_path / "playground.ini"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    rng = random.Random(20241207)
    committed, mid_write = 0, 0
    for _ in range(10):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True, env=env)
        lines = [line.split() for line in _lines_until_killed(proc, rng.uniform(0.05, 0.6)) if line]
        ended = [int(n) for word, n in lines if word == "end"]
        mid_write += bool(lines) and lines[-1][0] == "begin"
        assert damage(path) == "", path.read_bytes()[:200]
        configparser.ConfigParser(interpolation=None).read_string(path.read_text(encoding="utf-8"))
        after = Settings(path)
        gen = int(after.lesson_value("gen", -1, -1, 1e9))
        last = ended[-1] if ended else committed
        assert gen in (last, last + 1), (gen, last)  # the last finished write, or the one the kill interrupted
        assert after.problem == "" and after.last_model == (f"model-{gen}" if gen else "")
        assert [after.lesson_value(k, -1, -1, 1e9) for k in "abc"] == [gen] * 3 if gen else True
        assert bytes(after.splitter("main")).endswith(str(gen).encode()) if gen else True
        assert sorted(p.name for p in tmp_path.iterdir()) in (["playground.ini"], ["playground.ini",
                                                                                  "playground.ini.lock"])
        committed = gen
    assert committed > 10 and mid_write >= 3, (committed, mid_write)  # the kills did land while writing


# --- a damaged settings file ---------------------------------------------------------------------------------

def _written(path: Path) -> bytes:
    s = Settings(path)
    s.last_model, s.threads, s.opt_level = "u2netp", 2, "basic"
    s.geometry = QByteArray(bytes(range(256)) * 4)
    s.sync()
    return path.read_bytes()


def _cut_inside_the_geometry(path: Path) -> str:
    data = _written(path)
    path.write_bytes(data[: data.index(b"geometry=") + 40])
    return "the value of window/geometry is cut short"


def _cut_inside_a_key(path: Path) -> str:
    data = _written(path)
    path.write_bytes(data[: data.index(b"opt_level") + 4])
    return "is not a setting"


DAMAGE = {
    "garbage": (lambda p: p.write_bytes(random.Random(1).randbytes(3000)), "is not UTF-8 text"),
    "zeros": (lambda p: p.write_bytes(b"\0" * 4096), "line 1 is not a setting"),  # what a crash can leave
    "cut in a value": (_cut_inside_the_geometry, None),
    "cut in a key": (_cut_inside_a_key, None),
    "bad UTF-8": (lambda p: p.write_bytes(b"[model]\nlast=caf\xe9\n[runtime]\nthreads=2\n"), "byte 16 is not UTF-8 text"),
    "empty": (lambda p: p.write_bytes(b""), "it is empty"),
    "a folder": (lambda p: (p.mkdir(), (p / "inside.txt").write_text("kept")), "it is a folder"),
}


@pytest.mark.parametrize("kind", DAMAGE)
def test_a_damaged_settings_file_gives_the_defaults_with_a_notice_and_is_kept_as_broken(tmp_path, qapp, kind):
    path = tmp_path / "playground.ini"
    make, words = DAMAGE[kind]
    words = make(path) if words is None else (make(path), words)[1]
    before = None if path.is_dir() else path.read_bytes()
    settings = Settings(path)
    kept = tmp_path / "playground.ini.broken"
    assert settings.problem.startswith(f"The settings file {path} could not be read (")
    assert settings.problem.endswith("), so the defaults are used; the damaged file was kept as playground.ini.broken.")
    assert words in settings.problem and settings.problem.count(". ") == 0
    assert (settings.last_model, settings.threads, settings.opt_level) == ("", 1, "all")
    assert settings.geometry.isEmpty() and not settings.kiosk
    assert (kept / "inside.txt").read_text() == "kept" if before is None else kept.read_bytes() == before
    assert not path.exists()  # nothing is written until there is something to write
    settings.last_model = "magika"
    settings.sync()
    again = Settings(path)
    assert again.problem == "" and again.last_model == "magika" and damage(path) == ""
    assert (kept / "inside.txt").exists() if before is None else kept.read_bytes() == before


def test_an_unreadable_file_is_kept_and_a_second_damaged_one_does_not_replace_the_first(tmp_path, qapp, monkeypatch):
    path = tmp_path / "playground.ini"
    path.write_bytes(b"[model]\nlast=u2netp\n")
    (tmp_path / "playground.ini.broken").write_bytes(b"from last week")

    def refuse(file: Path) -> bytes:  # root reads any file: chmod 000 would prove nothing here
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))

    monkeypatch.setattr(settings_module, "_read", refuse)
    settings = Settings(path)
    assert settings.problem == (f"The settings file {path} could not be read (Permission denied), so the defaults are "
                                "used; the damaged file was kept as playground.ini.broken-2.")
    assert settings.last_model == "" and (tmp_path / "playground.ini.broken").read_bytes() == b"from last week"
    assert (tmp_path / "playground.ini.broken-2").read_bytes() == b"[model]\nlast=u2netp\n"


def test_a_damaged_file_that_cannot_be_set_aside_is_never_written(tmp_path, qapp, monkeypatch):
    path = tmp_path / "playground.ini"
    path.write_bytes(b"\0" * 100)

    def read_only(src: object, dst: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(src))

    monkeypatch.setattr(os, "rename", read_only)
    settings = Settings(path)
    assert settings.problem == (f"The settings file {path} could not be read (line 1 is not a setting), so the "
                                "defaults are used and changes are not saved, as it could not be set aside (Read-only "
                                "file system): move it away and start the playground again.")
    settings.last_model, settings.threads = "magika", 2
    settings.sync()
    assert (settings.last_model, settings.threads) == ("magika", 2)  # kept for this session
    assert path.read_bytes() == b"\0" * 100 and not settings.kiosk


def test_a_kiosks_damaged_file_is_left_where_it_is(tmp_path, qapp):
    path = tmp_path / "kiosk.ini"
    path.write_bytes(b"[kiosk]\nlocked=true\n[runtime\n")
    settings = Settings(path)
    assert settings.kiosk and "is damaged" in settings.problem
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kiosk.ini"]


def test_the_window_shows_the_notice_in_its_status_bar(tmp_path, make_window, monkeypatch, qtbot):
    path = tmp_path / "playground.ini"
    path.write_bytes(b"\xff\xfe garbage")
    monkeypatch.setenv("PLAYGROUND_SETTINGS", str(path))
    _, window = make_window()
    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()))
    assert not window.status.isVisible()  # the notice is not drawn under the status line's own words
    message = window.statusBar().currentMessage()
    assert message.startswith(f"The settings file {path} could not be read (byte 0 is not UTF-8 text)")
    assert message.endswith("kept as playground.ini.broken.")


def test_what_the_window_writes_is_never_taken_for_damage(make_window, private_settings):
    controller, window = make_window()
    window.settings.set_lesson_value("price", 0.25)
    window.save_layout()  # geometry, state and splitters: Qt's binary values, written as @ByteArray(...)
    assert "@ByteArray(" in private_settings.read_text(encoding="utf-8")
    assert damage(private_settings) == "" and Settings().problem == ""


def test_settings_written_on_a_full_disk_keep_the_old_file(tmp_path, qapp):
    disk = tmp_path / "disk"
    with small_disk(disk, "256k"):
        path = disk / "playground.ini"
        before = _written(path)
        settings = Settings(path)
        filler = fill(disk, 4096)
        settings.geometry = QByteArray(os.urandom(100_000))
        settings.sync()
        assert path.read_bytes() == before and damage(path) == ""
        assert {p.name for p in disk.iterdir()} - {"playground.ini.lock"} == {"filler", "playground.ini"}
        filler.unlink()


# --- every file saved at a person's request: whole or not at all ----------------------------------------------

def _half_then_full(target: Path) -> None:
    with open(target, "ab") as out:
        out.write(b"\x89PNG half of it")
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _fail_at(step: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if step == "write":
        monkeypatch.setattr(export, "_write", lambda result, tmp: _half_then_full(tmp))
    elif step == "sound":  # soundfile raises its own error, "System error.", when the disk fills
        def sound_fails(result: object, tmp: Path) -> None:
            tmp.write_bytes(b"RIFF half")
            raise RuntimeError("System error.")

        monkeypatch.setattr(export, "_write", sound_fails)
    elif step == "sync":
        monkeypatch.setattr(export, "_to_disk", lambda name: _half_then_full(Path(name)))
    else:
        def no_rename(src: object, dst: object) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))

        monkeypatch.setattr(os, "replace", no_rename)


@pytest.mark.parametrize("step", ["write", "sound", "sync", "rename"])
def test_a_saved_result_fails_whole_at_every_step_and_leaves_the_old_file(tmp_path, monkeypatch, step):
    target = tmp_path / "holiday.png"
    target.write_bytes(b"the picture saved yesterday")
    _fail_at(step, monkeypatch)
    with pytest.raises(InputError) as caught:
        export.save_result(Cutout(np.zeros((4, 6, 3), np.uint8), np.ones((4, 6), np.float32)), target)
    sentence = str(caught.value)
    assert sentence.startswith(f"Could not save to {target}: ") and sentence.endswith(".") and "\n" not in sentence
    assert ("the sound could not be written (System error.)" if step == "sound" else "the disk is full") in sentence
    assert target.read_bytes() == b"the picture saved yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["holiday.png"]


@pytest.mark.parametrize("result, name", [
    (Denoised(*(np.random.default_rng(0).uniform(-1, 1, 16000 * 20).astype(np.float32),) * 2, 16000,
              np.zeros(3, np.float32), 0.01, 0.1, None, None), "cleaned.flac"),
    (Cutout(np.random.default_rng(0).integers(0, 255, (300, 300, 3), np.uint8), np.ones((300, 300), np.float32)),
     "cut.png"),
    (Transcript(np.zeros(16000, np.float32), 16000, ()), "said.txt"),
])
def test_a_real_full_disk_never_leaves_half_a_result(tmp_path, result, name):
    disk = tmp_path / "disk"
    with small_disk(disk, "512k"):
        target = disk / name
        target.write_bytes(b"saved yesterday")
        filler = fill(disk, 0 if name.endswith(".txt") else 16 * 1024)
        with pytest.raises(InputError, match=rf"^Could not save to {target}: .*(free some space|check the disk)"):
            export.save_result(result if not name.endswith(".txt") else Transcript(result.samples, 16000, ()), target)
        assert target.read_bytes() == b"saved yesterday" and sorted(p.name for p in disk.iterdir()) == sorted(["filler", name])
        filler.unlink()


def test_playground_run_out_on_a_full_disk_is_one_line_and_keeps_the_old_file(require_model, tmp_path, capfd,
                                                                                monkeypatch):
    require_model("u2netp")
    target = tmp_path / "cut.png"
    target.write_bytes(b"saved yesterday")
    _fail_at("write", monkeypatch)
    code = main(["run", "u2netp", "astronaut.png", "--out", str(target)])
    out, err = capfd.readouterr()
    assert code == 2 and err == f"playground: Could not save to {target}: the disk is full; free some space or " \
                                "choose another folder.\n"
    assert target.read_bytes() == b"saved yesterday" and sorted(p.name for p in tmp_path.iterdir()) == ["cut.png"]


def test_the_windows_saves_on_a_full_disk_say_so_and_keep_the_old_files(make_window, require_model, qtbot, tmp_path):
    """A result view's Save, the batch's CSV and the lab report: each through ui/views/base.py's QSaveFile writers."""
    from playground.lab import lesson_facts
    from playground.lab.batch import BatchReport, BatchRow
    from playground.ui.views.base import ResultView
    from tests.ui.test_main_window import wait_for_result

    require_model("magika")
    controller, window = make_window(model_id="magika")
    controller.set_text("print('hello')\n")
    wait_for_result(qtbot, window)
    disk = tmp_path / "disk"
    with small_disk(disk, "256k"):
        old = {disk / n: f"old {n}".encode() for n in ("report.html", "report.csv", "report.json", "b.csv", "t.txt")}
        for path, data in old.items():
            path.write_bytes(data)
        filler = fill(disk, 0)
        assert window.save_report(disk / "report.html").startswith("The report could not be written to ")
        page = window.show_lessons(lesson_facts.BATCH.id).current
        page.report = BatchReport("magika", str(tmp_path), 500, rows=[BatchRow(f"file{n}.py", "python", "", {}, 1.0)
                                                                       for n in range(500)], finished=True)
        assert page.save_to(disk / "b.csv", "csv") is False and "could not be written" in page.status.text()
        view = ResultView()
        qtbot.addWidget(view)
        assert view.save_text("words " * 50_000, disk / "t.txt", "text") is False
        assert view.message.text() == f"The text could not be written to “{disk / 't.txt'}”; check the disk has " \
                                      "space and try another folder."
        assert {path: path.read_bytes() for path in old} == old
        assert sorted(p.name for p in disk.iterdir()) == sorted(["filler", *(p.name for p in old)])
        filler.unlink()
        window.hide_lessons()


def test_playground_shot_on_a_full_disk_keeps_the_old_picture(require_model, tmp_path, qapp, monkeypatch):
    import playground.ui.shot as shot

    require_model("magika")
    monkeypatch.setattr(shot, "_run_until_shown", lambda *args: None)  # the window as it opens is enough here
    disk = tmp_path / "disk"
    with small_disk(disk, "256k"):
        target = disk / "shot.png"
        target.write_bytes(b"the shot taken yesterday")
        filler = fill(disk, 16 * 1024)
        try:
            with pytest.raises(InputError):
                shot.render_shot("magika", ROOT / "assets" / "samples" / "fibonacci.py", target, size=(1000, 700))
            assert target.read_bytes() == b"the shot taken yesterday"
            assert sorted(p.name for p in disk.iterdir()) == sorted(["filler", "shot.png"])
        finally:
            filler.unlink()


def test_kiosk_pin_on_a_full_disk_keeps_the_old_file_and_leaves_no_staged_one(tmp_path, monkeypatch):
    import io

    target = tmp_path / "kiosk.ini"
    target.write_text("[kiosk]\nlocked=true\n", encoding="utf-8")
    real = Path.write_text

    def half(self: Path, text: str, *args: object, **kwargs: object) -> int:
        real(self, text[: len(text) // 2], *args, **kwargs)  # type: ignore[arg-type]
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))

    monkeypatch.setattr(Path, "write_text", half)
    monkeypatch.setattr(sys, "stdin", io.StringIO("2468\n"))
    assert main(["kiosk-pin", "--config", str(target)]) == 2
    monkeypatch.setattr(Path, "write_text", real)
    assert target.read_text(encoding="utf-8") == "[kiosk]\nlocked=true\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kiosk.ini"]
