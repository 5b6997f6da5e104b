"""Starting the window: no display gives one sentence and exit 2, missing Qt libraries are named, never a trace."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from playground import launch, system

HEADLESS = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}


@pytest.mark.parametrize("env, expected", [
    ({}, False),
    ({"DISPLAY": ":0"}, True),
    ({"WAYLAND_DISPLAY": "wayland-0"}, True),
    ({"QT_QPA_PLATFORM": "offscreen"}, True),
    ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, True),
    ({"QT_QPA_PLATFORM": "xcb"}, False),
    ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":1"}, True),
    ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":1"}, False),
])
def test_has_display(env, expected):
    assert launch.has_display(env, platform="linux") is expected


def test_other_systems_always_have_a_display():
    assert launch.has_display({}, platform="win32") and launch.has_display({}, platform="darwin")


def test_no_display_prints_one_sentence_and_exits_2_without_loading_qt():
    code = ("import sys; from playground.cli import main; rc = main([]); "
            "print(rc, any(m.startswith('PySide6') for m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], env=HEADLESS, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["2", "False"]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert "no display" in lines[0] and "xvfb-run -a playground" in lines[0]
    assert "playground shot --model ID --input FILE --out shot.png" in lines[0]


def test_missing_qt_libraries_are_named_with_their_packages(monkeypatch, capsys):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":5")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(system, "missing_packages", lambda libraries: ["libxcb-cursor0"])
    assert launch.launch_window() == 2
    err = capsys.readouterr().err
    assert "sudo apt-get install libxcb-cursor0" in err and err.count("\n") == 1


def test_kiosk_and_its_settings_file_reach_the_window(monkeypatch):
    from playground import cli

    asked = []
    monkeypatch.setattr(launch, "launch_window", lambda **kw: asked.append(kw) or 0)
    assert cli.main(["--kiosk", "--config", "/srv/kiosk.ini"]) == 0 and cli.main([]) == 0
    assert asked == [{"kiosk": True, "config": "/srv/kiosk.ini"}, {"kiosk": False, "config": None}]
