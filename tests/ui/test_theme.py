"""Light and dark: readable contrasts by WCAG's measure, the whole window and its graphs repainted live, and the
choice remembered (a kiosk's is its operator's)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from playground.ui import theme
from playground.ui.app import build
from playground.ui.settings import Settings
from playground.ui.theme import DARK, LIGHT, contrast

TEXT_ROLES = ("text", "muted", "error", "ok", "remark")


@pytest.fixture
def light_afterwards(qapp):
    yield
    theme.apply("light")  # the application's palette is everyone's: the next test gets the light one


@pytest.mark.parametrize("now", [LIGHT, DARK], ids=lambda t: t.name)
def test_every_colour_reads_on_what_it_is_drawn_on(now):
    for role in TEXT_ROLES:  # small text: 4.5 : 1 at least
        assert contrast(getattr(now, role), now.window) >= 4.5, role
    assert contrast(now.ink, now.paper) >= 7 and contrast(now.muted, now.paper) >= 4.5
    assert contrast(now.remark, now.warn_back) >= 4.5  # the chat's warning box
    # Bars are shapes: 3 : 1 on their track, and the leading one told from the rest by lightness, not hue alone.
    assert contrast(now.bar_other, now.track) >= 3 and contrast(now.bar_best, now.track) >= 3
    assert contrast(now.bar_best, now.bar_other) >= 1.7
    assert contrast("#ffffff", now.highlight) >= 4.5  # selected rows' white text


def test_contrast_is_wcags_ratio():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#123456", "#123456") == pytest.approx(1.0)


def test_dark_repaints_the_window_its_text_and_its_graphs_live_and_is_remembered(qtbot, tmp_path, light_afterwards):
    settings = Settings(tmp_path / "playground.ini")
    controller, window = build(settings, model_id="langid")
    qtbot.addWidget(window)
    window.show()
    try:
        actions = window.commands.theme
        assert [a.text() for a in actions.values()] == ["Follow the system", "Light", "Dark"]
        assert actions["system"].isChecked() and settings.theme == "system"
        error_label = window.input_panel.error
        cpu = window.graphs.cpu_plot
        actions["dark"].trigger()
        assert theme.current() is DARK and settings.theme == "dark"
        assert QApplication.palette().color(QPalette.ColorRole.Window).name() == DARK.window
        assert DARK.error in error_label.styleSheet()  # a themed text role, re-styled in place
        assert cpu.backgroundBrush().color().name() == DARK.paper
        assert cpu.getPlotItem().getAxis("left").textPen().color().name() == DARK.ink
        latency = window.graphs.latency
        assert latency.p50_line.pen.color().name() == DARK.ink  # lines drawn in ink follow too
        settings.sync()
        assert "theme=dark" in (tmp_path / "playground.ini").read_text()
        actions["light"].trigger()
        assert theme.current() is LIGHT and cpu.backgroundBrush().color().name() == LIGHT.paper
        assert LIGHT.error in error_label.styleSheet()
    finally:
        controller.shutdown(10.0)


def test_following_the_system_takes_the_desktops_scheme(qapp, light_afterwards, monkeypatch):
    from PySide6.QtCore import Qt

    hints = QApplication.styleHints()
    monkeypatch.setattr(type(hints), "colorScheme", lambda self: Qt.ColorScheme.Dark)
    assert theme.resolve("system") is DARK and theme.resolve("light") is LIGHT
    monkeypatch.setattr(type(hints), "colorScheme", lambda self: Qt.ColorScheme.Light)
    assert theme.resolve("system") is LIGHT and theme.resolve("dark") is DARK
    assert Settings().theme in ("system", "light", "dark")


def test_a_kiosk_visitor_cannot_change_the_colours(qtbot, tmp_path, light_afterwards):
    path = tmp_path / "kiosk.ini"
    path.write_text("[kiosk]\nlocked=true\nattract=false\n[display]\ntheme=dark\n", encoding="utf-8")
    settings = Settings(path)
    assert settings.theme == "dark"
    controller, window = build(settings, model_id="langid")
    qtbot.addWidget(window)
    try:
        assert not any(action.isEnabled() for action in window.commands.theme.values())
    finally:
        controller.shutdown(10.0)


def test_a_black_symbol_is_drawn_in_the_themes_text_colour_on_a_dark_tile(qapp, light_afterwards):
    from PySide6.QtGui import QColor, QIcon, QPixmap

    from playground.ui.widgets.welcome import readable_on_theme

    black = QPixmap(32, 32)
    black.fill(QColor("black"))
    icon = QIcon(black)
    assert readable_on_theme(icon, 32) is icon  # light: black reads on a light tile
    theme.apply("dark")
    shown = readable_on_theme(icon, 32).pixmap(32, 32).toImage().pixelColor(16, 16)
    assert shown.name() == DARK.text
    red = QPixmap(32, 32)
    red.fill(QColor("#e0301e"))
    coloured = QIcon(red)
    assert readable_on_theme(coloured, 32) is coloured  # a coloured symbol keeps its colours
