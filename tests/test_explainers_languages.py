"""Every language's explainers, lessons and tours say the same things as the English ones: the same files, the
same texts before and after a run and for a kiosk, the same live values in each, the same Markdown shape, within
the same word limits; the tours have the same steps, checks and values."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from playground import paths
from playground.core import explainers

ENGLISH = "en"
LANGUAGES = sorted(p.name for p in paths.explainers_root().iterdir() if p.is_dir())
PLACEHOLDER = re.compile(r"\{(\w+)\}")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# The Markdown a translation keeps: table rows, list items, headings, links, bold and italic spans.
SHAPES = {"table rows": re.compile(r"^\|", re.MULTILINE), "list items": re.compile(r"^\s*(?:[-*+]|\d+\.) ", re.MULTILINE),
          "headings": re.compile(r"^#+ ", re.MULTILINE), "links": re.compile(r"\]\("),
          "bold": re.compile(r"\*\*[^*]+\*\*"), "italic": re.compile(r"(?<!\*)\*[^*\s][^*]*\*(?!\*)")}


def _folder(language: str) -> Path:
    return paths.explainers_dir(language)


def _markdown_names(language: str) -> list[str]:
    return sorted(p.name for p in _folder(language).glob("*.md"))


def _sections(text: str) -> list[str]:
    """The text after a run, before the first run and for a kiosk (empty where the file has none)."""
    after, _, before = text.partition(explainers.BEFORE_FIRST_RUN)
    before, _, kiosk = before.partition(explainers.WITHOUT_FILES)
    return [after, before, kiosk]


def _words(section: str) -> int:
    """Words a person reads in a section, without the values filled in later."""
    return explainers.word_count(PLACEHOLDER.sub(" ", section))


def _pairs(language: str):
    for name in _markdown_names(ENGLISH):
        english = (_folder(ENGLISH) / name).read_text(encoding="utf-8")
        translated = (_folder(language) / name).read_text(encoding="utf-8")
        yield name, english, translated


def test_english_is_there_to_compare_with():
    assert ENGLISH in LANGUAGES and len(_markdown_names(ENGLISH)) >= 30


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_same_files_as_english(language):
    names = {p.name for p in _folder(language).iterdir()}
    assert names == {p.name for p in _folder(ENGLISH).iterdir()}, names ^ {p.name for p in _folder(ENGLISH).iterdir()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_same_markers_and_a_title(language):
    for name, english, translated in _pairs(language):
        assert COMMENT.findall(translated) == COMMENT.findall(english), name
        first = translated.lstrip().splitlines()[0]
        assert re.fullmatch(r"# \S.*", first), f"{name} does not begin with its title: {first!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_text_uses_the_same_live_values_as_english(language):
    for name, english, translated in _pairs(language):
        for which, (mine, theirs) in zip(("after a run", "before the first run", "kiosk"),
                                         zip(_sections(translated), _sections(english))):
            assert set(PLACEHOLDER.findall(mine)) == set(PLACEHOLDER.findall(theirs)), (name, which)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_text_keeps_the_markdown_of_english(language):
    for name, english, translated in _pairs(language):
        for which, (mine, theirs) in zip(("after a run", "before the first run", "kiosk"),
                                         zip(_sections(translated), _sections(english))):
            for shape, pattern in SHAPES.items():
                if name == "glossary.md" and shape == "bold":
                    continue  # each language defines the words its own texts use (tests/test_glossary.py)
                assert len(pattern.findall(mine)) == len(pattern.findall(theirs)), (name, which, shape)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_text_stays_within_the_word_limits(language):
    """At most MAX_WORDS before the values are filled in; at least 20 where English has that many."""
    for name, english, translated in _pairs(language):
        if name == "glossary.md":
            continue  # a page of its own, read as a list
        for which, (mine, theirs) in zip(("after a run", "before the first run", "kiosk"),
                                         zip(_sections(translated), _sections(english))):
            words = _words(mine)
            assert words <= explainers.MAX_WORDS, (name, which, words)
            assert words >= min(20, _words(theirs)), (name, which, words)


def _tours(language: str) -> list[dict]:
    return tomllib.loads((_folder(language) / "guide.toml").read_text(encoding="utf-8"))["tour"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_tours_have_the_same_steps_checks_and_values(language):
    english, translated = _tours(ENGLISH), _tours(language)
    assert [(t["id"], t["modality"]) for t in translated] == [(t["id"], t["modality"]) for t in english]
    for mine, theirs in zip(translated, english):
        assert set(mine) == set(theirs) and mine["title"].strip(), mine["id"]
        assert [s["done"] for s in mine["step"]] == [s["done"] for s in theirs["step"]], mine["id"]
        for number, (step, original) in enumerate(zip(mine["step"], theirs["step"]), start=1):
            assert set(step) == set(original), (mine["id"], number)
            for key in ("title", "text", "done_text"):
                assert step[key].strip(), (mine["id"], number, key)
                assert set(PLACEHOLDER.findall(step[key])) == set(PLACEHOLDER.findall(original[key])), \
                    (mine["id"], number, key)
                assert _words(step[key]) <= explainers.MAX_WORDS, (mine["id"], number, key)
