"""A settings write cut off midway leaves QSettings' temporary copy beside the file; the next start removes it,
unless another window holds the file's lock and may be writing that very copy."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from playground.ui.settings import Settings

HOLDER = """
import sys, time
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1] + ".lock")
assert lock.tryLock(1000)
print("locked", flush=True)
time.sleep(30)
"""


def folder_with_leftovers(tmp_path: Path) -> Path:
    path = tmp_path / "playground.ini"
    path.write_text("[model]\nlast=langid\n", encoding="utf-8")
    (tmp_path / "playground.ini.okeMAA").write_text("[model]\nla", encoding="utf-8")  # a write killed midway
    (tmp_path / "playground.ini.broken").write_text("kept for the person", encoding="utf-8")  # set aside on purpose
    return path


def test_a_start_removes_what_a_killed_write_left_and_keeps_the_file_and_what_was_set_aside(tmp_path: Path):
    path = folder_with_leftovers(tmp_path)
    settings = Settings(path)
    assert settings.last_model == "langid" and settings.problem == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["playground.ini", "playground.ini.broken"]


def test_while_another_window_holds_the_lock_its_copy_is_left_alone(tmp_path: Path):
    path = folder_with_leftovers(tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().startswith("locked")
        started = time.monotonic()
        Settings(path)
        assert time.monotonic() - started < 5  # a short wait for the lock, never a hang
        assert (tmp_path / "playground.ini.okeMAA").exists()
    finally:
        holder.kill()
        holder.wait(10)
