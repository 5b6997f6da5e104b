"""The guided tour: every step read from its file, Back and Next, and each step ticked off by doing it in the
main window, with the sentence quoting what changed."""

from __future__ import annotations

import pytest

from playground import paths
from playground.core.guide import CHECKS, GUIDE, load_guide
from tests.ui.test_main_window import make_window, wait_for_result  # noqa: F401 (fixture)


def text_of(page) -> str:
    return " ".join(page.browser.toPlainText().split())


def test_the_tour_file_names_only_checks_that_exist_and_every_step_reads_briefly():
    steps = load_guide()
    assert len(steps) == 6 and all(step.done in CHECKS for step in steps)
    assert all(len(step.text.split()) < 60 and step.title for step in steps)


def test_back_and_next_walk_the_steps_and_say_where_you_are(make_window):
    _, window = make_window()
    page = window.show_lessons(GUIDE.id).current
    assert page.progress.text() == "Step 1 of 6" and not page.back_button.isEnabled()
    assert text_of(page).startswith("Step 1 of 6: Pick a model") and page.tick.text() == ""
    for _ in range(5):
        page.next_button.click()
    assert page.progress.text() == "Step 6 of 6" and not page.next_button.isEnabled()
    assert page.tick.text() == "✓ Done"  # the last step is reading, and always done
    page.back_button.click()
    assert text_of(page).startswith("Step 5 of 6: Switch to int8")


@pytest.mark.models
def test_each_step_is_ticked_off_by_doing_it(make_window, require_model, qtbot):
    require_model("efficientnet-lite0")
    require_model("efficientnet-lite0-int8")
    controller, window = make_window()
    page = window.show_lessons(GUIDE.id).current
    controller.select_model("efficientnet-lite0")
    page.refresh()
    assert page.tick.text() == "✓ Done" and "You picked EfficientNet-Lite0 photo classifier." in text_of(page)
    page.next_button.click()
    assert page.tick.text() == ""
    controller.set_input(paths.samples_dir() / "grace_hopper.jpg", "grace_hopper.jpg", "sample")
    wait_for_result(qtbot, window)
    page.refresh()
    assert "It answered in" in text_of(page)
    page.next_button.click()
    controller.run()
    wait_for_result(qtbot, window)
    page.refresh()
    assert "That was warm-up." in text_of(page)
    page.next_button.click()
    controller.set_threads(2)
    controller.run()
    wait_for_result(qtbot, window)
    page.refresh()
    assert "With 2 threads this run took" in text_of(page)
    controller.set_threads(1)
    page.next_button.click()
    controller.select_model("efficientnet-lite0-int8")  # the card's "Try the same input with …" does this
    wait_for_result(qtbot, window)
    page.refresh()
    said = text_of(page)
    assert page.tick.text() == "✓ Done" and ("said the same as before" in said or "The answer changed" in said)
    assert page.answers["efficientnet-lite0"] in said
