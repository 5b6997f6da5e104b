"""A kiosk reads from two metres and is pressed with a finger; a projector's size fits 1280 × 720."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from playground.ui import scale
from playground.ui.app import build
from playground.ui.settings import Settings
from playground.ui.widgets.plots import left_axis_width


@pytest.fixture
def desktop_afterwards(qapp):
    yield
    scale.apply(scale.DESKTOP)  # the application's font is everyone's: the next test gets the desktop's


def test_a_scale_resizes_the_text_the_titles_the_graphs_and_what_a_finger_presses(qtbot, desktop_afterwards):
    desktop_points = QApplication.font().pointSizeF()
    controller, window = build(Settings(), model_id="langid")
    qtbot.addWidget(window)
    try:
        title = window.graphs.findChildren(type(window.status))[0]
        cpu_axis = window.graphs.cpu_plot.getPlotItem().getAxis("left")
        assert title.font().pointSizeF() == pytest.approx(desktop_points + 1.5) and title.font().bold()
        scale.apply(scale.KIOSK)
        assert QApplication.font().pointSizeF() == 18
        assert title.font().pointSizeF() == pytest.approx(19.5) and title.font().bold()  # a title stays a title
        assert cpu_axis.style["tickFont"].pointSizeF() == 18 and cpu_axis.labelStyle["font-size"] == "19pt"
        assert cpu_axis.fixedWidth == left_axis_width() > 64  # room for the bigger tick numbers
        assert "min-height: 56px" in QApplication.instance().styleSheet()
        scale.apply(scale.DESKTOP)
        assert QApplication.font().pointSizeF() == desktop_points
        assert title.font().pointSizeF() == pytest.approx(desktop_points + 1.5)
        assert QApplication.instance().styleSheet() == ""
    finally:
        controller.shutdown(10.0)


def test_the_view_menu_switches_a_running_window_to_the_projector_size_and_back(qtbot, tmp_path, desktop_afterwards):
    settings = Settings(tmp_path / "playground.ini")
    controller, window = build(settings, model_id="langid")
    qtbot.addWidget(window)
    window.show()
    try:
        window.commands.projector.trigger()
        assert QApplication.font().pointSizeF() == scale.PROJECTOR.points
        assert (window.width(), window.height()) == scale.PROJECTOR_SIZE
        assert not window.params.isVisible() and not window.run_bar.threads.isVisible()  # unreadable from afar
        for card in controller.catalog.cards:  # everything still fits on the projector's picture, any model
            if controller.installed(card):
                controller.select_model(card.id)
                QApplication.processEvents()  # layouts learn their new sizes from posted events
                hint = window.minimumSizeHint()
                assert hint.width() <= 1280 and hint.height() <= 720, (card.id, hint)
        settings.sync()
        assert "scale=projector" in (tmp_path / "playground.ini").read_text()  # kept for next time
        window.commands.projector.trigger()
        assert settings.scale == "desktop" and QApplication.instance().styleSheet() == ""
        assert window.params.isVisible() and window.run_bar.threads.isVisible()
    finally:
        controller.shutdown(10.0)


def test_a_kiosk_is_at_the_kiosk_size_unless_its_file_says_otherwise_and_visitors_cannot_change_it(qtbot, tmp_path,
                                                                                               desktop_afterwards):
    path = tmp_path / "kiosk.ini"
    path.write_text("[kiosk]\nlocked=true\nattract=false\n", encoding="utf-8")
    assert Settings(path).scale == "kiosk"
    path.write_text("[kiosk]\nlocked=true\nscale=Projector\n", encoding="utf-8")
    assert Settings(path).scale == "projector"
    assert scale.named("no such size") is scale.DESKTOP
    scale.apply(scale.KIOSK)
    controller, window = build(Settings(path), model_id="langid")
    qtbot.addWidget(window)
    try:
        assert window.locked and not window.commands.projector.isEnabled()
        assert not any(action.isEnabled() for action in window.commands.text_size.values())
        assert not window.shortcuts_action.isEnabled()
        window.resize(1920, 1080)
        window.show()
        qtbot.waitExposed(window)
        assert window.run_bar.run_button.height() >= scale.KIOSK.touch_px
        for card in controller.catalog.cards:
            if controller.installed(card):
                controller.select_model(card.id)
                QApplication.processEvents()
                hint = window.minimumSizeHint()
                assert hint.width() <= 1920 and hint.height() <= 1080, (card.id, hint)
    finally:
        controller.shutdown(10.0)


def test_a_person_chooses_small_normal_or_large_text_and_it_is_kept(qtbot, tmp_path, desktop_afterwards):
    desktop_points = QApplication.font().pointSizeF()
    settings = Settings(tmp_path / "playground.ini")
    controller, window = build(settings, model_id="langid")
    qtbot.addWidget(window)
    window.show()
    try:
        sizes = window.commands.text_size
        assert sizes["desktop"].isChecked() and [a.text() for a in sizes.values()] == [
            "Small text", "Normal text", "Large text"]
        view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
        assert all(action in view_menu.actions() for action in sizes.values())
        title = window.graphs.latency_title
        axis = window.graphs.cpu_plot.getPlotItem().getAxis("left")
        sizes["large"].trigger()
        assert QApplication.font().pointSizeF() == pytest.approx(desktop_points * 1.3)
        assert title.font().pointSizeF() == pytest.approx(desktop_points * 1.3 + 1.5)  # titles stay titles
        assert axis.style["tickFont"].pointSizeF() == pytest.approx(desktop_points * 1.3)  # graphs too
        assert sizes["large"].isChecked() and not sizes["desktop"].isChecked()
        settings.sync()
        assert "scale=large" in (tmp_path / "playground.ini").read_text()
        window.commands.projector.trigger()  # the projector is a size of its own: no text size is ticked
        assert not any(action.isChecked() for action in sizes.values())
        sizes["small"].trigger()  # and a text size leaves it, knobs back
        assert not window.commands.projector.isChecked() and window.params.isVisible()
        assert QApplication.font().pointSizeF() == pytest.approx(desktop_points * 0.85)
        assert [QKeySequence(k).toString() for k in ("Ctrl+-", "Ctrl+0", "Ctrl+=")] == [
            sizes[n].shortcut().toString() for n in ("small", "desktop", "large")]
    finally:
        controller.shutdown(10.0)
