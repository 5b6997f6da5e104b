"""Language identification in the window: names with bars, the short-text note, and every awkward text."""

from __future__ import annotations

import pytest

from playground.ui.views.labels import LabelsView
from tests.ui.test_main_window import choose_sample, wait_for_result

pytestmark = pytest.mark.models


@pytest.fixture
def window(make_window, require_model):
    require_model("langid")
    return make_window(model_id="langid")[1]


def test_a_sample_shows_language_names_with_bars_and_the_task_explainer(qtbot, window):
    assert [window.input_panel.samples.itemText(i) for i in range(window.input_panel.samples.count())] == \
        ["French (hello_fr.txt)", "German (hello_de.txt)", "Portuguese (hello_pt.txt)", "Russian (hello_ru.txt)",
         "Arabic (hello_ar.txt)", "Japanese (hello_ja.txt)"]  # what each is, and the file
    choose_sample(window, "hello_ar.txt")
    outcome = wait_for_result(qtbot, window)
    view = window.result_area.current_view
    assert isinstance(view, LabelsView) and len(view.bars) == 5
    assert view.headline.text() == "Most likely: Arabic — 100 %"
    assert not view.note.isVisible()
    assert view.bars[0].score > 0.99 and outcome.result.items[1].description == "Persian"
    window.explainer.show_topic("task:language")  # the model's own topic, shown from the start
    browser = window.explainer.browser
    qtbot.waitUntil(lambda: "naive Bayes" in browser.toPlainText(), timeout=10_000)  # refreshed after the run
    text = browser.toPlainText()
    assert text.startswith("Language identification") and "naive Bayes" in text and "Slovak" in text
    assert "—" not in text.split("in all")[0]  # the run's own numbers are filled in


def test_typing_a_few_words_says_it_is_a_guess(qtbot, window):
    window.input_panel.text_box.setPlainText("Olá, tudo bem?")
    outcome = wait_for_result(qtbot, window)
    view = window.result_area.current_view
    assert outcome.result.items[0].name == "sk" and view.headline.text().startswith("A guess: Slovak")
    assert view.note.isVisible() and view.note.text().startswith("Only 10 letters to go on")


@pytest.mark.parametrize("text, words", [
    ("😀🎉👍", "There are no words here"),
    ("Hello", "None of the letter groups the model knows"),
])
def test_typed_text_with_nothing_to_judge_is_one_sentence_and_the_next_text_runs(qtbot, window, text, words):
    window.input_panel.text_box.setPlainText(text)
    error = window.input_panel.error
    qtbot.waitUntil(error.isVisible, timeout=30_000)
    assert error.text().startswith(words) and error.text().endswith(".") and "\n" not in error.text()
    window.input_panel.text_box.setPlainText("Dies ist ein Test der Spracherkennung.")
    outcome = wait_for_result(qtbot, window)
    assert outcome.result.items[0].name == "de" and not error.isVisible()


def test_a_file_that_is_not_utf8_is_one_sentence(qtbot, window, tmp_path):
    bad = tmp_path / "lettre.txt"
    bad.write_bytes("Chère Madame, voici la lettre écrite en Latin-1.".encode("latin-1"))
    window.input_panel.open_path(bad)
    error = window.input_panel.error
    qtbot.waitUntil(error.isVisible, timeout=30_000)
    assert error.text().startswith("lettre.txt is not UTF-8 text") and error.text().endswith("try again.")
    choose_sample(window, "hello_ja.txt")
    assert wait_for_result(qtbot, window).result.items[0].name == "ja" and not error.isVisible()


def test_a_megabyte_file_is_cut_and_the_input_line_says_so(qtbot, window, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Dit is een lange Nederlandse tekst over het weer van vandaag.\n" * 17_000, encoding="utf-8")
    assert path.stat().st_size > 1_000_000
    window.input_panel.open_path(path)
    outcome = wait_for_result(qtbot, window)
    assert outcome.result.items[0].name == "nl"
    assert "only the first 256 KB were kept" in window.input_panel.current.text()
