"""Plot styling shared by graphs and views: the theme's ink on its paper, readable fonts, no surprise mouse menus."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QGraphicsItem, QWidget

from playground.core import readable
from playground.ui import theme

# pyqtgraph is first loaded with this module (every graph uses it): its defaults take the theme from here on.
theme.configure_graphs()


def ink() -> QColor:
    """Axes, ticks, playheads and labels: the theme's ink (ui/theme.py), dark on light paper, light on dark."""
    return theme.colour("ink")


def muted() -> QColor:
    return theme.colour("muted")


def label_fill() -> pg.QtGui.QBrush:
    """Behind a label on a graph: the paper, nearly opaque, so the label reads over a line or a bar."""
    paper = theme.colour("paper")
    paper.setAlpha(215)
    return pg.mkBrush(paper)


def tick_font() -> QFont:
    """Ticks as big as the application's text (it grows with a kiosk's or a projector's scale)."""
    return QFont(QApplication.font())


def label_style() -> dict[str, str]:
    return {"color": theme.current().ink, "font-size": f"{QApplication.font().pointSizeF() + 1:g}pt"}


def left_axis_width() -> int:
    """Wide enough for five digits and the turned label; stacked plots line up only when these are equal."""
    return max(64, round(6.4 * QApplication.font().pointSizeF()))


def style_plot(item: pg.PlotItem, left: str, bottom: str, interactive: bool = False) -> None:
    """Axis labels with units, dark ticks and a faint grid; mouse panning only where asked for.

    On a kiosk a stray drag or right-click must not leave a graph zoomed into nothing.
    """
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        # The axis draws the grid too, so it lies under every curve and bar: each new run's bars repainted it,
        # tick labels and all, half of every graph's repaint. Kept as a picture, it is redrawn only when its
        # range or font changes, and the window's repaints take half as long (scripts/soak.py, the lag).
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        axis.setPen(pg.mkPen(ink()))
        axis.setTextPen(pg.mkPen(ink()))
        axis.enableAutoSIPrefix(False)  # units are written in the label; "(x0.001)" puzzles people
    item.setLabel("left", left)
    item.setLabel("bottom", bottom)
    _size_text(item)
    item.showGrid(x=True, y=True, alpha=0.18)
    item.setMenuEnabled(False)
    item.hideButtons()
    item.setMouseEnabled(x=interactive, y=False)
    if not interactive:
        item.vb.setMouseEnabled(False, False)


def _size_text(item: pg.PlotItem) -> None:
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setTickFont(tick_font())
        # Bigger numbers need more room each: fewer of them, or a short graph's overlap into a smear.
        axis.setTickDensity(min(1.0, 11.0 / QApplication.font().pointSizeF()))
        if axis.labelText:
            axis.setLabel(axis.labelText, axis.labelUnits, **label_style())
    item.getAxis("left").setWidth(left_axis_width())


def restyle_plot(widget: QWidget) -> None:
    """After the application's font changed (ui/scale.py): a graph's ticks, labels and axis width follow it."""
    if isinstance(widget, pg.PlotWidget):
        _size_text(widget.getPlotItem())
    elif isinstance(widget, pg.GraphicsLayoutWidget):
        for item in widget.ci.items:
            if isinstance(item, pg.PlotItem):
                _size_text(item)


def no_keyboard_focus(widget: QWidget) -> None:
    """Graphs have nothing to do with keys: Tab must not stop on them (or their viewport) on its way."""
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    viewport = getattr(widget, "viewport", None)
    if callable(viewport):
        viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)


class LocalAxis(pg.AxisItem):
    """An axis whose tick numbers are written as the window's language writes them (0,5 in German)."""

    def tickStrings(self, values, scale, spacing):  # noqa: ANN001, ANN201, N802 - pyqtgraph's name and types
        return [readable.local(text) for text in super().tickStrings(values, scale, spacing)]


def local_axes() -> dict[str, pg.AxisItem]:
    """The two axes of a plot, for `axisItems=` wherever a plot is made (make_plot, addPlot)."""
    return {"left": LocalAxis("left"), "bottom": LocalAxis("bottom")}


def make_plot(accessible_name: str, left: str, bottom: str, parent: QWidget | None = None,
              interactive: bool = False) -> pg.PlotWidget:
    """A white PlotWidget with the house style and an accessible name for screen readers."""
    widget = pg.PlotWidget(parent=parent, background=theme.current().paper, axisItems=local_axes())
    theme.plot(widget)
    widget.setAccessibleName(accessible_name)
    no_keyboard_focus(widget)
    style_plot(widget.getPlotItem(), left, bottom, interactive)
    widget.setMinimumHeight(140)
    return widget



def nice_ceiling(value: float) -> float:
    """The next of 1, 2, 2.5, 5 × 10^k at or above `value`.

    Axis ranges snap to these so they change rarely: pyqtgraph re-renders an axis's tick text
    whenever its range moves, and that text is most of what a live plot costs to paint.
    """
    if value <= 0:
        return 1.0
    scale = 10.0 ** math.floor(math.log10(value))
    return next(step * scale for step in (1.0, 2.0, 2.5, 5.0, 10.0) if step * scale >= value * (1 - 1e-9))


def say_empty(item: pg.PlotItem, text: str) -> bool:
    """A graph with nothing to show yet says, in one sentence, what will fill it, instead of blank 0.1–0.9 axes.

    Call after `item.clear()` with the sentence while there is nothing to draw, or "" once there is; True
    while the graph is empty. The axes come back with the first data."""
    empty = bool(text)
    for name in ("left", "bottom"):
        item.showAxis(name, not empty)
    item.showGrid(x=not empty, y=not empty, alpha=0.18)
    if empty:
        item.setXRange(0, 1, padding=0)
        item.setYRange(0, 1, padding=0)
        note = pg.TextItem(text, color=muted(), anchor=(0.5, 0.5))
        font = tick_font()
        font.setPointSizeF(font.pointSizeF() + 2)  # a sentence to read, larger than the ticks it stands in for
        note.setFont(font)
        note.setPos(0.5, 0.5)
        item.addItem(note)
        item.setProperty("empty_note", text)  # what it says, for a screen reader's description and the tests
    else:
        item.enableAutoRange()  # the empty page fixed the ranges; data scales them again
        item.setProperty("empty_note", "")
    return empty
