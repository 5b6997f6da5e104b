"""The files that start a kiosk at login: a systemd user unit and an XDG autostart entry, both well formed."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

KIOSK = Path(__file__).resolve().parent.parent / "packaging" / "kiosk"


def _read(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in both formats
    parser.read_string((KIOSK / name).read_text(encoding="utf-8"))
    return parser


def test_the_unit_brings_a_crashed_kiosk_back_but_lets_the_operator_leave():
    unit = _read("inference-playground-kiosk.service")
    assert unit["Service"]["Restart"] == "on-failure"  # exit 0 is the operator's way out
    assert unit["Unit"]["StartLimitIntervalSec"] == "0"
    assert "--kiosk --config " in unit["Service"]["ExecStart"]
    assert unit["Install"]["WantedBy"] == "graphical-session.target"


def test_the_autostart_entry_runs_the_restarting_launcher():
    entry = _read("inference-playground-kiosk.desktop")["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Exec"].split()[0].startswith("/")  # autostart needs a full path
    assert entry["Exec"].split()[1:3] == ["kiosk", "--config"]
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    done = subprocess.run([validate, str(KIOSK / "inference-playground-kiosk.desktop")], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == "", done.stdout
