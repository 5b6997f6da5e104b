"""The explainers' own sentences (the status line, the clauses filled into the texts, the titles) speak the
language the window speaks: translated as whole templates, the figures set in that language's way."""

from __future__ import annotations

import pytest

from playground.core import explainers, words
from tests.test_explainers import MS, history  # noqa: F401 - a fixture


@pytest.fixture
def bracketing():
    words.install(lambda context, text: f"⟦{text}⟧", "de")
    yield
    words.install(None)


def test_the_status_line_is_translated_whole_with_german_figures(history, bracketing):  # noqa: F811
    line = explainers.status_line(history, 27 * MS)
    # The templates come back bracketed with their placeholders filled: the figures in German's way.
    assert line == ("⟦Last run 42,0 ms (warm)⟧ · ⟦typical 25,0 ms over 4 ⟦warm runs⟧⟧ · ⟦first (cold) run 52,0 ms⟧ · "
                    "⟦model loaded in 27,0 ms⟧ · 1 ⟦thread⟧")


def test_the_clauses_filled_into_a_text_are_translated(history, bracketing):  # noqa: F811
    facts = explainers.facts(history, None, None, 27 * MS)
    for key in ("model_name", "run_kind", "step_sentence", "warm_lines", "cold_note", "cold_compare", "load_sentence",
                "cores_sentence"):
        assert facts[key].startswith(("⟦", " ⟦")) and facts[key].endswith("⟧"), (key, facts[key])
    assert "25,0" in facts["warm_lines"]  # the figure inside, in German


def test_a_topics_title_is_its_files_heading_in_the_language_spoken(tmp_path, monkeypatch):
    from playground import paths

    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "inference.md").write_text("# Was ist Inferenz?\n\nText.\n", encoding="utf-8")
    monkeypatch.setattr(paths, "explainers_root", lambda: tmp_path)
    topic = explainers.GENERAL_TOPICS[0]
    words.install(lambda context, text: text, "de")
    try:
        assert topic.title == "Was ist Inferenz?"
        assert explainers.GENERAL_TOPICS[1].title == "This run, stage by stage"  # no file: the English title
    finally:
        words.install(None)
    assert topic.title == "What is inference?"
