"""View → Language: shown once a second language is complete, the choice kept, and a restart offered to speak it."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from playground.ui import i18n, language_menu
from playground.ui.settings import Settings


@pytest.fixture
def two_languages(monkeypatch):
    monkeypatch.setattr(i18n, "offered", lambda: {"en": "English", "de": "Deutsch"})


def answer(monkeypatch, button_text: str | None) -> list[str]:
    """Answers the question by the button with this text (None: closes it); returns what it asked."""
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        chosen = next((b for b in box.buttons() if b.text() == button_text), None)
        if chosen is not None:
            chosen.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def test_no_menu_while_english_is_the_only_language(qtbot, monkeypatch):
    monkeypatch.setattr(i18n, "offered", lambda: {"en": "English"})
    parent = QWidget()
    qtbot.addWidget(parent)
    assert language_menu.build(parent, Settings()) is None


def test_the_menu_offers_the_desktops_choice_and_each_language(qtbot, two_languages):
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = language_menu.build(parent, Settings())
    items = [(a.text(), a.isChecked()) for a in menu.actions()]
    assert items == [("As the desktop", True), ("English", False), ("Deutsch", False)]


def test_a_choice_is_kept_and_later_leaves_the_window_as_it_is(qtbot, two_languages, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    settings = Settings()
    started = []
    monkeypatch.setattr(language_menu.QProcess, "startDetached", lambda *a: started.append(a))
    asked = answer(monkeypatch, "Later")
    assert language_menu.choose(parent, settings, "de") is False
    assert settings.language == "de" and Settings().language == "de"  # kept for the next start
    assert asked == ["Inference Playground speaks Deutsch from its next start. Start it again now?"]
    assert started == []
    assert language_menu.choose(parent, settings, "de") is False and len(asked) == 1  # the same choice: no question


def test_start_again_now_closes_the_window_and_starts_the_same_command(qtbot, two_languages, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    started = []
    monkeypatch.setattr(language_menu.QProcess, "startDetached", lambda program, args: started.append([program, *args]))
    answer(monkeypatch, "Start again now")
    assert language_menu.choose(parent, Settings(), "en") is True
    assert not parent.isVisible() and started == [list(sys.orig_argv)]
