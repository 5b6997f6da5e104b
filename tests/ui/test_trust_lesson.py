"""The trust lesson in the window: each answer can be marked right or wrong once, the tally follows the
model, and a new visitor starts with none."""

from __future__ import annotations

import pytest

from playground.lab import lesson_facts
from tests.ui.test_lessons import SENTENCE, text_of
from tests.ui.test_main_window import wait_for_result

pytestmark = pytest.mark.models


def test_marking_answers_builds_the_persons_own_tally_beside_the_claim(make_window, require_model, qtbot):
    require_model("langid")
    controller, window = make_window(model_id="langid")
    page = window.show_lessons(lesson_facts.TRUST.id).current
    assert not page.right_button.isEnabled()  # nothing to check before an answer
    controller.set_text(SENTENCE)
    wait_for_result(qtbot, window)
    assert page.right_button.isEnabled() and "it answered: German" in page.latest.text()
    page.right_button.click()
    assert not page.wrong_button.isEnabled()  # one mark per answer
    controller.set_text("Ceci est un test.")
    wait_for_result(qtbot, window)
    page.wrong_button.click()
    page.refresh()
    text = text_of(page)
    assert "You checked 2 answers of langid.py language identifier: 1 right, 1 wrong (50 % right)." in text
    assert "Where it missed: on" in text and "Judge a model by how it does on yours" in text
    assert [page.checked.item(i).text()[0] for i in range(page.checked.count())] == ["✗", "✓"]
    controller.select_model("magika")  # another model: its own tally, none yet
    assert page.checked.count() == 0 and "You checked" not in text_of(page)
    controller.select_model("langid")
    assert page.checked.count() == 2
    controller.forget_visitor()  # a kiosk's next visitor sees nothing of the last one's inputs
    assert page.checked.count() == 0 and page.marks == {}
