"""How big the window draws: the desktop's own size (or the person's smaller or larger text), a kiosk's (read
from two metres, touched), a projector's.

A scale sets the application's font, the least height of everything a finger presses, and the width of
scroll bars. Titles and headlines are sized relative to the application's font (`relative_font`), and
graphs' ticks and labels follow it too (`ui/widgets/plots.py`), so one call resizes a running window:
a presenter can switch to the projector size in front of the room.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from playground.ui.i18n import QT_TRANSLATE_NOOP

RELATIVE_POINTS, RELATIVE_BOLD = "relative_points", "relative_bold"  # widget properties relative_font sets


@dataclass(frozen=True)
class Scale:
    name: str
    points: float  # the application's font size; 0: the desktop's own
    touch_px: int  # the least height of buttons, fields and list rows; 0: the style's own
    scroll_px: int  # scroll bar width; 0: the style's own
    title: str  # as the View menu and the settings file name it
    factor: float = 1.0  # with points 0: the desktop's own font size times this


# The titles are the View menu's words: marked for translation here, translated where the menu is made.
DESKTOP = Scale("desktop", 0, 0, 0, QT_TRANSLATE_NOOP("WindowActions", "Normal text"))
# A person's own choice of text size, relative to the desktop's: smaller to see more at once, larger for
# tired or weak eyes. Everything follows the font, graphs included, so one choice resizes the whole window.
SMALL = Scale("small", 0, 0, 0, QT_TRANSLATE_NOOP("WindowActions", "Small text"), factor=0.85)
LARGE = Scale("large", 0, 0, 0, QT_TRANSLATE_NOOP("WindowActions", "Large text"), factor=1.3)
TEXT_SIZES = (SMALL, DESKTOP, LARGE)
# 18 pt is 24 px at 96 dpi: letters about 5 mm high on a 24-inch 1080p screen, readable from two metres;
# 56 px (15 mm) is a comfortable target for a child's finger.
KIOSK = Scale("kiosk", 18, 56, 32, "Kiosk size")
# On a 1280 × 720 projector 14 pt (19 px) is about 1/38 of the picture's height: readable from the back of
# a room, while the three columns still fit side by side.
PROJECTOR = Scale("projector", 14, 36, 18, "Projector size")
SCALES = {scale.name: scale for scale in (*TEXT_SIZES, KIOSK, PROJECTOR)}
PROJECTOR_SIZE = (1280, 720)

_desktop_font: QFont | None = None  # the platform's own font, kept to go back to


def relative_font(widget: QWidget, points: float = 0.0, bold: bool = False) -> None:
    """Give `widget` the application's font `points` larger (and bold), now and after every change of scale."""
    widget.setProperty(RELATIVE_POINTS, float(points))
    widget.setProperty(RELATIVE_BOLD, bool(bold))
    _apply_relative(widget)


def _apply_relative(widget: QWidget) -> None:
    font = QFont(QApplication.font())
    font.setPointSizeF(font.pointSizeF() + float(widget.property(RELATIVE_POINTS)))
    font.setBold(bool(widget.property(RELATIVE_BOLD)))
    widget.setFont(font)


def style_sheet(scale: Scale) -> str:
    """What a finger needs beyond the font: tall buttons, fields and rows, and wide scroll bars."""
    rules = []
    if scale.touch_px:
        rules.append(f"QPushButton, QToolButton, QComboBox, QLineEdit, QSpinBox, QDoubleSpinBox "
                     f"{{ min-height: {scale.touch_px}px; }}")
        rules.append(f"QComboBox QAbstractItemView::item {{ min-height: {scale.touch_px}px; }}")
    if scale.scroll_px:
        rules.append(f"QScrollBar:vertical {{ width: {scale.scroll_px}px; }}")
        rules.append(f"QScrollBar:horizontal {{ height: {scale.scroll_px}px; }}")
    return "\n".join(rules)


def apply(scale: Scale) -> None:
    """Resize the whole application: its font, every relative font, touch sizes and the graphs' text."""
    global _desktop_font
    app = QApplication.instance()
    assert isinstance(app, QApplication), "a scale is applied to the running window's application"
    if _desktop_font is None:
        _desktop_font = QFont(app.font())
    font = QFont(_desktop_font)
    if scale.points:
        font.setPointSizeF(scale.points)
    elif scale.factor != 1.0:
        font.setPointSizeF(_desktop_font.pointSizeF() * scale.factor)
    app.setFont(font)
    app.setStyleSheet(style_sheet(scale))
    # No graph exists before their module is loaded: the first screen need not load pyqtgraph for this.
    plots = sys.modules.get("playground.ui.widgets.plots")
    for widget in app.allWidgets():
        if widget.property(RELATIVE_POINTS) is not None:
            _apply_relative(widget)
        if plots is not None:
            plots.restyle_plot(widget)


def named(name: str) -> Scale:
    return SCALES.get(name, DESKTOP)
