"""Regression guard for the PySide6 pin: 6.12.0 drops references to None/True/False on Python 3.11."""

from __future__ import annotations

import sys

import pytest

pytest.importorskip("PySide6")


def test_pinned_pyside6_version_on_python_311():
    import PySide6

    if sys.version_info[:2] == (3, 11):
        assert PySide6.__version__ == "6.11.2", "PySide6 6.12.0 crashes Python 3.11 within seconds: keep 6.11.2"


def test_void_methods_and_bool_signals_do_not_drop_references(qtbot):
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QWidget

    class Emitter(QObject):
        toggled = Signal(bool)

    widget = QWidget()
    qtbot.addWidget(widget)
    emitter = Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(20_000):
        widget.hide()  # returns None: the broken build loses one reference to None per call
        emitter.toggled.emit(i % 2 == 0)
    # Other threads may hold a few more or fewer references meanwhile; a leak of 20 000 is the bug.
    assert sys.getrefcount(None) > none_before - 1000
    assert sys.getrefcount(True) > true_before - 1000
