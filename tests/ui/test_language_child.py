"""A download the window starts says its sentences in the window's language: the window hands the language to
the process, and the command line speaks it with no window of its own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from playground import paths
from playground.core import readable, words
from playground.ui import fetcher, i18n
from tests.ui.test_language import compiled


@pytest.fixture
def restore_words():
    yield
    words.install(None)


def test_the_download_process_is_told_the_windows_language(restore_words):
    words.install(lambda context, text: text, "de")
    env = fetcher._child_environment()
    assert env[i18n.LANGUAGE_VARIABLE] == "de" and env["PATH"] == os.environ["PATH"]


def test_a_process_without_a_window_speaks_the_language_it_is_given(tmp_path: Path, monkeypatch, restore_words):
    compiled(tmp_path, "de", {"&Run": "&Ausführen"})  # a WindowActions message, enough to see the translator
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    monkeypatch.setattr(paths, "explainers_root", lambda: tmp_path)
    assert i18n.install_without_window("de") == "en"  # not offered: no explainers, so it stays English
    (tmp_path / "de").mkdir()
    assert i18n.install_without_window("de") == "de"
    assert words.translate("WindowActions", "&Run") == "&Ausführen" and words.language() == "de"
    assert words.translate("WindowActions", "not in the file") == "not in the file"
    assert readable.count(1234) == "1.234"
