"""The kiosk's launcher: a window that crashes or is killed comes back, after a pause that grows; 0 ends it."""

from __future__ import annotations

import logging
import subprocess
import sys

from playground.keepalive import keep_running


class Clock:
    def __init__(self) -> None:
        self.now = 0.0
        self.pauses: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.pauses.append(seconds)
        self.now += seconds


def test_quick_failures_pause_longer_each_time_and_a_steady_run_starts_over(caplog):
    clock = Clock()
    endings = iter([(-9, 2), (1, 2), (-11, 2), (1, 120), (1, 3), (0, 5)])  # (exit code, seconds it stayed up)

    def run(command):
        code, lasted = next(endings)
        clock.now += lasted
        return code

    with caplog.at_level(logging.INFO, logger="playground.keepalive"):
        assert keep_running(["window"], run=run, sleep=clock.sleep, clock=lambda: clock.now) == 0
    assert clock.pauses == [1.0, 2.0, 4.0, 1.0, 2.0]  # doubled on quick failures, reset after two minutes up
    assert "ended with signal 9 after 2 s; starting it again in 1 s" in caplog.text
    assert "ended with exit code 1 after 120 s" in caplog.text
    assert caplog.records[-1].getMessage() == "the window was closed by its operator; the kiosk stops"


def test_the_pause_never_grows_past_a_minute():
    clock = Clock()
    keep_running(["window"], run=lambda c: 1, sleep=clock.sleep, clock=lambda: clock.now, max_starts=10)
    assert clock.pauses[-3:] == [60.0, 60.0, 60.0] and max(clock.pauses) == 60.0


def test_a_real_process_that_dies_is_started_again(tmp_path):
    """A child that is killed twice, then ends normally: three starts, as the marks it leaves show."""
    marks = tmp_path / "starts"
    child = (f"import os, signal, pathlib; p = pathlib.Path({str(marks)!r}); n = len(p.read_text()) if p.exists() else 0\n"
             "p.write_text('x' * (n + 1))\n"
             "os.kill(os.getpid(), signal.SIGKILL) if n < 2 else None")
    assert keep_running([sys.executable, "-c", child], sleep=lambda s: None) == 0
    assert marks.read_text() == "xxx"


def test_the_kiosk_command_runs_the_window_as_a_kiosk(monkeypatch):
    from playground import cli, keepalive

    started = []
    monkeypatch.setattr(keepalive, "keep_running", lambda command: started.append(command) or 0)
    monkeypatch.setattr("playground.app_log.configure_file_logging", lambda: None)
    assert cli.main(["kiosk", "--config", "/srv/kiosk.ini"]) == 0
    assert started == [[sys.executable, "-m", "playground", "--kiosk", "--config", "/srv/kiosk.ini"]]
    assert subprocess.run([sys.executable, "-m", "playground", "kiosk", "--help"], capture_output=True,
                          text=True).stdout.count("--config") >= 1
