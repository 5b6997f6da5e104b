"""A kiosk nobody is using shows its models at work under an invitation, and stops at the first touch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest

from playground.lab.lesson_facts import POST
from playground.ui.app import build
from playground.ui.attract import INVITATION
from playground.ui.settings import Settings


@pytest.mark.models
def test_after_the_reset_the_models_take_turns_until_a_touch_starts_the_visit_afresh(qtbot, require_model,
                                                                                     private_settings):
    require_model("centerface")
    require_model("langid")
    settings = Settings()
    settings.kiosk = True
    controller, window = build(settings, model_id="langid")
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    try:
        attract = window.visits.attract
        attract.allowed = {"centerface", "langid"}
        turns = attract.turns()
        assert [m for m, sample in turns if sample is not None] == [c.id for c in controller.catalog.cards
                                                                    if c.id in attract.allowed]
        assert turns[-1] == (POST.id, None)  # a lesson takes its turn after the models
        with qtbot.waitSignal(window.result_area.result_shown, timeout=60_000):
            window.visits.start_over()  # what the idle reset does when its time is up
        assert attract.running and attract.banner.isVisible() and attract.banner.text() == INVITATION
        shown = controller.card.id
        with qtbot.waitSignal(window.result_area.result_shown, timeout=60_000):
            attract.step()  # the next model's turn
        assert controller.card.id != shown and controller.input.origin == "sample"
        idle = window.visits.idle
        idle._last -= 10 * idle.idle_s  # long past the idle time, but nobody is there to count down to
        idle.tick()
        assert attract.running and not idle.banner.isVisible()
        attract.step()  # the lesson's turn: over the window, the invitation still in front
        lessons = window.lessons
        assert lessons is not None and lessons.isVisible() and lessons.current.topic == POST
        assert attract.banner.isVisible()
        QTest.mouseMove(window, QPoint(300, 300))  # someone walks up and moves the mouse
        QTest.mouseMove(window, QPoint(320, 310))
        assert not attract.running and not attract.banner.isVisible()
        assert controller.input is None and controller.history.records == []  # the loop's runs are not theirs
        assert controller.card.id == window.visits.home_model == "langid"
        assert window.lessons is None  # the lesson the loop showed is gone with the rest
    finally:
        controller.shutdown(10.0)


def test_a_kiosk_file_may_turn_the_show_off(tmp_path, qapp):
    path = tmp_path / "kiosk.ini"
    path.write_text("[kiosk]\nlocked=true\nattract=false\n", encoding="utf-8")
    assert Settings(path).attract is False and Settings(tmp_path / "none.ini", kiosk=True).attract is True
