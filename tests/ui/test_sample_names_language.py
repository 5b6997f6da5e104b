"""The bundled samples are named in the window's language ("Eine Katze"), in English where it has no name."""

from __future__ import annotations

from pathlib import Path

import pytest

from playground import paths
from playground.core import words
from playground.ui.samples import _names, sample_name

BUTTON_CHARACTERS = 16  # a start page's button shows about this many characters beside its symbol


@pytest.fixture
def german():
    words.install(lambda _context, text: text, "de")
    yield
    words.install(None)


def test_samples_are_named_in_german_when_the_window_speaks_it(german):
    folder = paths.samples_dir()
    assert sample_name(folder / "chelsea.png") == "Eine Katze"
    assert sample_name(folder / "sent16k.wav") == "Jemand spricht"
    words.install(None)
    assert sample_name(folder / "chelsea.png") == "A cat"


def test_every_named_sample_has_a_short_german_name():
    names = _names(paths.samples_dir())
    assert set(names["de"]) == set(names[""])  # none falls back to English on a German screen
    too_long = {file: name for file, name in names["de"].items() if len(name) > BUTTON_CHARACTERS}
    assert not too_long, f"longer than a sample button shows: {too_long}"


def test_a_language_without_a_name_falls_back_to_the_english_one_then_to_the_file(german, tmp_path: Path):
    _names.cache_clear()
    try:
        (tmp_path / "NAMES.toml").write_text('"a.wav" = "A beep"\n"b.wav" = "A hum"\n\n[de]\n"a.wav" = "Ein Piepton"\n',
                                             encoding="utf-8")
        assert [sample_name(tmp_path / f) for f in ("a.wav", "b.wav", "c.wav")] == ["Ein Piepton", "A hum", "c.wav"]
    finally:
        _names.cache_clear()
