"""The guided tours in the real window: a tour per kind of input, chosen by the model shown or by hand; Back
and Next; each step ticked off by doing it in the main window, with sentences quoting what was measured."""

from __future__ import annotations

import os

import pytest

from playground.core.readable import ms as ms_text
from playground.lab.guide import CHECKS, GUIDE, answer_of, figure, load_guide
from tests.ui.test_main_window import choose_sample, wait_for_result


def text_of(page) -> str:
    return " ".join(page.browser.toPlainText().split())


def last_ms(controller, k: int = -1) -> str:
    return ms_text(controller.history.records[k].total_ns / 1e6)


def run_and_wait(qtbot, window, times: int = 1) -> None:
    for _ in range(times):
        window.controller.run()
        wait_for_result(qtbot, window, 120_000)


def test_every_step_reads_briefly():
    for tour in load_guide():
        assert all(step.done in CHECKS and step.title and len(step.text.split()) < 60 for step in tour.steps)


def test_back_and_next_walk_the_chosen_tour_and_say_where_you_are(make_window):
    _, window = make_window(model_id="efficientnet-lite0")
    page = window.show_lessons(GUIDE.id).current
    assert page.tour_buttons["photo"].isChecked()
    assert page.progress.text() == "Step 1 of 6" and not page.back_button.isEnabled()
    assert text_of(page).startswith("Photo tour · Step 1 of 6: Pick a model")
    for _ in range(5):
        page.next_button.click()
    assert page.progress.text() == "Step 6 of 6" and not page.next_button.isEnabled()
    assert page.tick.text() == "✓ Done"  # the last step is reading, and always done
    page.back_button.click()
    assert text_of(page).startswith("Photo tour · Step 5 of 6: Switch to int8")


@pytest.mark.parametrize("model_id, tour", [("whisper-tiny-en", "sound"), ("minilm-l6", "text"),
                                            ("efficientnet-lite0", "photo")])
def test_the_page_opens_on_the_tour_for_the_model_shown(make_window, model_id, tour):
    controller, window = make_window(model_id=model_id)
    page = window.show_lessons(GUIDE.id).current
    assert page.tour.id == tour and page.tour_buttons[tour].isChecked()
    assert text_of(page).startswith(f"{page.tour.title} tour · Step 1 of")
    assert page.tick.text() == "✓ Done" and f"You picked {controller.card.name}." in text_of(page)


def test_a_tour_chosen_by_hand_stays_and_each_tour_keeps_its_step(make_window):
    controller, window = make_window(model_id="whisper-tiny-en")
    lessons = window.show_lessons(GUIDE.id)
    page = lessons.current
    page.next_button.click()
    page.tour_buttons["text"].click()
    assert page.tour.id == "text" and page.progress.text() == "Step 1 of 6"
    assert text_of(page).startswith("Text tour · Step 1 of 6: Pick a model") and page.tick.text() == ""
    lessons.hide()
    lessons.show()  # opening the page again follows the model only until a tour is picked by hand
    assert page.tour.id == "text"
    page.tour_buttons["sound"].click()
    assert text_of(page).startswith("Sound tour · Step 2 of 6: Give it a recording")


def test_on_one_core_the_threads_step_asks_for_nothing(make_window, monkeypatch):
    monkeypatch.setattr("playground.ui.lessons.guide_page.os.cpu_count", lambda: 1)
    _, window = make_window(model_id="minilm-l6")
    page = window.show_lessons(GUIDE.id).current
    page.go(3)
    said = text_of(page)
    assert "this computer has only one core" in said and "more threads cannot help" in said
    assert "Set Threads to 2" not in said and page.tick.text() == "✓ Done"


@pytest.mark.models
def test_the_sound_tour_quotes_the_recording_and_its_times(make_window, require_model, qtbot):
    require_model("whisper-tiny-en")
    controller, window = make_window(model_id="whisper-tiny-en")
    page = window.show_lessons(GUIDE.id).current
    assert page.tour.id == "sound" and "You picked Whisper tiny.en speech to text." in text_of(page)
    page.next_button.click()
    assert page.tick.text() == "" and "Waiting for you" in text_of(page)
    choose_sample(window, "en_gb16k.wav")
    wait_for_result(qtbot, window, 120_000)
    page.refresh()
    said, result = text_of(page), controller.last_outcome.result
    assert page.tick.text() == "✓ Done"
    assert f"It answered in {last_ms(controller)} ms: “{result.text}”" in said
    work = controller.history.records[-1].total_ns / 1e9
    assert f"The recording lasts {figure(result.duration)} s and this run took {figure(work)} s" in said
    assert ("times faster than the sound plays" in said) == (work * 1.1 <= result.duration)
    page.next_button.click()
    assert page.tick.text() == ""
    run_and_wait(qtbot, window)
    page.refresh()
    said = text_of(page)
    assert page.tick.text() == "✓ Done"
    assert f"The first run took {last_ms(controller, 0)} ms, a typical later one {last_ms(controller)} ms" in said
    assert ("That was warm-up." in said) == (controller.history.records[0].total_ns >
                                             1.1 * controller.history.records[-1].total_ns)


@pytest.mark.models
def test_the_text_tour_counts_tokens_and_compares_the_int8_twin(make_window, require_model, qtbot):
    require_model("minilm-l6")
    twin = require_model("minilm-l6-int8")
    controller, window = make_window(model_id="minilm-l6")
    page = window.show_lessons(GUIDE.id).current
    assert page.tour.id == "text" and page.tick.text() == "✓ Done"
    page.next_button.click()
    choose_sample(window, "sentences.txt")
    wait_for_result(qtbot, window)
    page.refresh()
    said, result = text_of(page), controller.last_outcome.result
    assert page.tick.text() == "✓ Done" and f"It answered in {last_ms(controller)} ms: {answer_of(result)}." in said
    assert f"It read the text as {sum(result.tokens)} tokens" in said
    page.next_button.click()
    run_and_wait(qtbot, window)
    page.refresh()
    assert page.tick.text() == "✓ Done" and "The first run took" in text_of(page)
    page.next_button.click()
    two_cores = (os.cpu_count() or 1) >= 2
    assert ("between the two cores" in text_of(page) or "cores of this computer" in text_of(page)) == two_cores
    if two_cores:
        assert page.tick.text() == ""
        controller.set_threads(2)
        run_and_wait(qtbot, window, 2)  # the first run with a new thread count is cold again
        page.refresh()
        assert page.tick.text() == "✓ Done" and "With 2 threads a warm run took" in text_of(page)
        controller.set_threads(1)
    page.next_button.click()
    base_answer = answer_of(result)
    controller.select_model("minilm-l6-int8")  # the card's "Try the same input with …" does this
    wait_for_result(qtbot, window)
    page.refresh()
    assert page.tick.text() == "" and "Waiting for you" in text_of(page)  # its first run is cold
    run_and_wait(qtbot, window)
    page.refresh()
    said = text_of(page)
    assert page.tick.text() == "✓ Done" and base_answer in said
    base = require_model("minilm-l6")
    assert f"Its files take {figure(twin.size_bytes / 1e6)} MB on disk, the other version's " \
           f"{figure(base.size_bytes / 1e6)} MB" in said
    assert f"A warm run took {last_ms(controller)} ms" in said and "(both with 1 thread)" in said


@pytest.mark.models
def test_the_photo_tour_is_ticked_off_step_by_step(make_window, require_model, qtbot):
    require_model("efficientnet-lite0")
    require_model("efficientnet-lite0-int8")
    controller, window = make_window(model_id="efficientnet-lite0")
    page = window.show_lessons(GUIDE.id).current
    assert page.tick.text() == "✓ Done" and "You picked EfficientNet-Lite0 photo classifier." in text_of(page)
    page.next_button.click()
    choose_sample(window, "grace_hopper.jpg")
    wait_for_result(qtbot, window)
    page.refresh()
    assert f"It answered in {last_ms(controller)} ms" in text_of(page)
    page.next_button.click()
    run_and_wait(qtbot, window)
    page.refresh()
    assert f"The first run took {last_ms(controller, 0)} ms" in text_of(page)
    page.go(4)
    answer = page.seen[-1].answer
    controller.select_model("efficientnet-lite0-int8")
    wait_for_result(qtbot, window)
    run_and_wait(qtbot, window)
    page.refresh()
    said = text_of(page)
    assert page.tick.text() == "✓ Done" and answer in said
    assert "gave the same answer" in said or "The answer changed" in said
