"""The chat: the reply streams into the view with its speed, Stop keeps it, and a message runs only when sent."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from playground.core.results import Generation
from playground.tasks.chat import NO_MESSAGE
from playground.ui.views import create_view
from playground.ui.views.chat import WARNING, figures_line, speed_curve
from tests.ui.test_main_window import wait_for_result
from tests.ui.test_views import shown


def generation(text: str, steps: int, stop: str = "") -> Generation:
    return Generation(message="Write a haiku about the sea.", text=text, tokens=steps + 1, prompt_tokens=38,
                      first_token_ms=146.0, prefill_ms=142.0, step_ms=(10.0,) * steps, stop=stop)


def test_the_reply_streams_in_with_its_speed_and_a_warning(qtbot):
    view = shown(qtbot, create_view(Generation), 800, 600)
    view.show_partial(generation("The waves", 1))
    assert view.headline.text() == "Writing…" and view.warning.text() == WARNING and view.warning.isVisible()
    assert view.reply.toPlainText() == "The waves" and view.asked.text() == "You: Write a haiku about the sea."
    view.show_result(generation("The waves of the sea,", 5, "end"), None)
    assert view.headline.text() == "Reply" and view.reply.toPlainText() == "The waves of the sea,"
    assert view.figures.text() == ("First word after 146 ms · your message and the instructions (38 tokens) "
                                   "read in 142 ms · then 100 tokens per second (10.0 ms each) · 6 tokens written")
    x, y = view.curve.getData()
    assert list(x) == [2, 3, 4, 5, 6] and list(y) == pytest.approx([100.0] * 5)
    view.copy_button.click()
    assert QGuiApplication.clipboard().text() == "The waves of the sea,"


def test_stop_keeps_the_unfinished_reply_and_says_so(qtbot):
    view = shown(qtbot, create_view(Generation))
    view.show_partial(generation("Once upon a", 3))
    view.show_stopped()
    assert view.headline.text() == "Stopped after 4 tokens" and view.reply.toPlainText() == "Once upon a"
    assert view.copy_button.isEnabled()
    view.show_result(generation("", 0, "end"), None)
    assert view.headline.text().startswith("The model ended its reply without writing anything")
    assert not view.copy_button.isEnabled()


def test_speed_is_smoothed_over_the_last_tokens():
    x, y = speed_curve((10.0,) * 8 + (20.0,) * 8)
    assert y[0] == pytest.approx(100.0) and y[-1] == pytest.approx(50.0)
    assert speed_curve(())[0].size == 0
    assert "then" not in figures_line(generation("Hi", 0, "end"))


@pytest.mark.models
def test_a_message_runs_when_sent_not_while_typing(qtbot, make_window, require_model):  # noqa: F811
    require_model("smollm2-135m")
    controller, window = make_window(model_id="smollm2-135m")
    panel = window.input_panel
    assert panel.send_button.isVisible() and "press Enter to send" in panel.text_box.placeholderText()
    # One way to send: no Run button beside Send; Repeat (to measure) and Stop stay.
    bar = window.run_bar
    assert not bar.run_button.isVisible() and bar.repeat_button.isVisible() and bar.stop_button.isVisible()
    assert window.graphs.latency_title.text() == "Time per token"
    controller.set_param("temperature", 0.0)
    controller.set_param("max_tokens", 4)
    panel.send_button.click()
    assert panel.error.text() == NO_MESSAGE and controller.input is None
    qtbot.keyClicks(panel.text_box, "Name a fruit.")
    qtbot.wait(800)  # longer than the pause that runs other text models
    assert controller.input is None and not controller.busy
    qtbot.keyClick(panel.text_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert panel.text_box.toPlainText() == "Name a fruit.\n" and controller.input is None
    qtbot.keyClick(panel.text_box, Qt.Key.Key_Return)
    outcome = wait_for_result(qtbot, window)
    assert outcome.result.message == "Name a fruit." and outcome.result.tokens >= 1
    view = window.result_area.current_view
    assert view.reply.toPlainText() == outcome.result.text and "tokens" in view.figures.text()
    controller.select_model("langid")  # any model that is not a chat: Run is back, and time per run
    assert bar.run_button.isVisible() and window.graphs.latency_title.text() == "Time per run"


def test_save_reply_writes_the_reply_where_the_person_chose(qtbot, tmp_path, monkeypatch):
    view = shown(qtbot, create_view(Generation))
    view.show_result(generation("The waves of the sea,", 5, "end"), None)
    target = tmp_path / "haiku.txt"
    monkeypatch.setattr(view, "ask_save_path", lambda caption, name, filters: str(target))
    view.save_button.click()
    assert target.read_text(encoding="utf-8") == "The waves of the sea,"
    assert "haiku.txt" in view.message.text()
