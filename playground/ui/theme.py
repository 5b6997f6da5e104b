"""Light and dark: the window's palette and every colour text and graphs are drawn in, by role, re-applied live.

Widgets never name a colour for text or paper; they name a role ("muted", "error", "paper" ...) through
`themed()` or `colour()`, and `apply()` repaints every themed widget and graph when the theme changes (the
View menu, or the desktop switching to dark at sunset when the choice is "follow the system"). Data colours
(the Okabe–Ito stage colours, the amber boxes) stay the same in both: they were chosen to read on white and on
near-black alike, and for colour-blind eyes; only what sits on the paper (ink, grid, labels) changes.
"""

from __future__ import annotations

import sys
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from playground.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # pyqtgraph loads with the first graph (ui/widgets/plots.py), not with the first screen
    import pyqtgraph as pg

# Widget properties: a text role and its extra rules (themed), a style sheet maker (themed_sheet), and a
# graph's own repaint (plot). Kept on the widget, so nothing outlives it.
ROLE, EXTRA, SHEET, RECOLOUR = "theme_role", "theme_extra", "theme_sheet", "theme_recolour"
# The View menu's words, marked for translation here and translated where the menu is made.
CHOICES = {"system": QT_TRANSLATE_NOOP("WindowActions", "Follow the system"),
           "light": QT_TRANSLATE_NOOP("WindowActions", "Light"), "dark": QT_TRANSLATE_NOOP("WindowActions", "Dark")}


@dataclass(frozen=True)
class Theme:
    name: str
    dark: bool
    window: str  # the window's background (the palette's)
    text: str  # ordinary text on it
    paper: str  # graphs, canvases and lists: where data is drawn
    ink: str  # axes, ticks, playheads and labels on the paper
    muted: str  # secondary text: at least 4.5 : 1 on the window, as WCAG asks of small text
    error: str
    ok: str
    remark: str  # a note, not an error: dark amber on light, light amber on dark
    warn_back: str
    warn_border: str
    track: str  # the empty part of a bar
    bar_best: str  # the leading bar: told from the others by lightness too (about 2 : 1), not by hue alone
    bar_other: str  # the other bars: at least 3 : 1 on the track, as WCAG asks of shapes
    chosen_back: str  # a pressed toggle (Repeat)
    button_back: str
    highlight: str  # the selection
    link: str

    def colour(self, role: str) -> QColor:
        return QColor(getattr(self, role))


LIGHT = Theme("light", False, window="#efefef", text="#1a1a1a", paper="#ffffff", ink="#212121", muted="#555555",
              error="#a00000", ok="#1b5e20", remark="#7a4a00", warn_back="#fff4e5", warn_border="#f0c36d",
              track="#e2e6eb", bar_best="#005ea2", bar_other="#4a86c5", chosen_back="#cfe5f7", button_back="#f4f4f4",
              highlight="#005a9c", link="#0b57a4")
DARK = Theme("dark", True, window="#1f2124", text="#e8e8e8", paper="#17181a", ink="#e0e0e0", muted="#b0b0b0",
             error="#ff8a80", ok="#81c995", remark="#f0c36d", warn_back="#3a2c12", warn_border="#8a6a2a",
             track="#2f3338", bar_best="#a6d1f5", bar_other="#5a8cc2", chosen_back="#1e4a6e", button_back="#2c2f33",
             highlight="#2a6faa", link="#8ab4f8")
THEMES = {theme.name: theme for theme in (LIGHT, DARK)}

_current = LIGHT
_plots: weakref.WeakSet = weakref.WeakSet()  # graphs to repaint: their paper and axes follow the theme
_light_palette: QPalette | None = None  # the desktop's own light palette, kept to go back to


def current() -> Theme:
    return _current


def colour(role: str) -> QColor:
    return _current.colour(role)


def style(role: str, extra: str = "") -> str:
    """A style sheet giving the text this role's colour in the current theme, with `extra` rules after it."""
    return f"color: {getattr(_current, role)}; {extra}".strip()


def themed(widget: QWidget, role: str, extra: str = "") -> None:
    """Text in `role`'s colour now and after every change of theme (extra: more style rules, e.g. bold)."""
    widget.setProperty(ROLE, role)
    widget.setProperty(EXTRA, extra)
    widget.setStyleSheet(style(role, extra))


def themed_sheet(widget: QWidget, make: Callable[[Theme], str]) -> None:
    """A whole style sheet made from the theme (a warning box, a pressed toggle), made again on a change."""
    widget.setProperty(SHEET, make)
    widget.setStyleSheet(make(_current))


def plot(widget: pg.GraphicsView, recolour: Callable[[Theme], None] | None = None) -> None:
    """A graph whose paper, axes and grid follow the theme; `recolour(theme)` repaints what else it drew in ink
    (a playhead, the percentile lines)."""
    _plots.add(widget)
    if recolour is not None:
        widget.setProperty(RECOLOUR, recolour)
    _paint_plot(widget, _current)


def configure_graphs() -> None:
    """pyqtgraph's own defaults in the current theme's paper and ink, once it is loaded: until a graph is made,
    nothing needs them, and importing it for them would hold back the first screen."""
    pg = sys.modules.get("pyqtgraph")
    if pg is not None:
        pg.setConfigOptions(background=_current.paper, foreground=_current.ink)


def resolve(choice: str) -> Theme:
    """"light", "dark", or the desktop's own scheme for anything else ("system")."""
    if choice in THEMES:
        return THEMES[choice]
    app = QGuiApplication.instance()
    scheme = app.styleHints().colorScheme() if isinstance(app, QGuiApplication) else Qt.ColorScheme.Unknown
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def apply(choice: str) -> Theme:
    """Make `choice` ("system", "light" or "dark") the window's theme: palette, themed text, graphs."""
    global _current, _light_palette
    app = QApplication.instance()
    assert isinstance(app, QApplication), "a theme is applied to the running window's application"
    theme = resolve(choice)
    if _light_palette is None:
        _light_palette = QPalette(app.palette())
    if theme.dark:
        app.setStyle(QStyleFactory.create("Fusion"))  # the platform style may ignore a dark palette
    app.setPalette(palette(theme) if theme.dark else _light_palette)
    _current = theme
    configure_graphs()
    for widget in app.allWidgets():
        role, make = widget.property(ROLE), widget.property(SHEET)
        if role:
            widget.setStyleSheet(style(str(role), str(widget.property(EXTRA) or "")))
        elif callable(make):
            widget.setStyleSheet(make(theme))
        widget.update()  # what paints itself reads the theme in paintEvent
    for widget in list(_plots):
        if shiboken6.isValid(widget):  # a graph closed with its window may outlive its wrapper a moment
            _paint_plot(widget, theme)
        else:
            _plots.discard(widget)
    return theme


def palette(theme: Theme) -> QPalette:
    """The whole window in the theme's colours (Fusion draws every control from these)."""
    p = QPalette()
    roles = QPalette.ColorRole
    for role, value in ((roles.Window, theme.window), (roles.WindowText, theme.text), (roles.Base, theme.paper),
                        (roles.AlternateBase, theme.button_back), (roles.ToolTipBase, theme.button_back),
                        (roles.ToolTipText, theme.text), (roles.PlaceholderText, theme.muted),
                        (roles.Text, theme.text), (roles.Button, theme.button_back), (roles.ButtonText, theme.text),
                        (roles.BrightText, theme.error), (roles.Link, theme.link), (roles.Highlight, theme.highlight),
                        (roles.HighlightedText, "#ffffff")):
        p.setColor(role, QColor(value))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.muted).darker(130 if theme.dark else 70))
    return p


def _paint_plot(widget: pg.GraphicsView, theme: Theme) -> None:
    import pyqtgraph as pg  # loaded already: only graphs come here

    widget.setBackground(theme.paper)
    recolour = widget.property(RECOLOUR)
    if callable(recolour):
        recolour(theme)
    items = [widget.getPlotItem()] if isinstance(widget, pg.PlotWidget) else [
        item for item in getattr(getattr(widget, "ci", None), "items", {}) if isinstance(item, pg.PlotItem)]
    for item in items:
        for name in ("left", "bottom", "right", "top"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(theme.ink))
            axis.setTextPen(pg.mkPen(theme.ink))
            if axis.labelText:
                axis.setLabel(axis.labelText, axis.labelUnits, color=theme.ink)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21): 4.5 is the least for small text, 3 for shapes."""
    def luminance(name: str) -> float:
        c = QColor(name)
        channels = []
        for v in (c.redF(), c.greenF(), c.blueF()):
            channels.append(v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4)
        r, g, b_ = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
