"""LabelsView: ranked labels with a confidence bar, the score in per cent, the model's note, and the
input piece by piece (a sentence's mood, a line's language) when the task judged its pieces too."""

from __future__ import annotations

import html
from typing import Any

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHeaderView,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from playground.core.results import Label, Labels, Part
from playground.core.results.certainty import CLOSE, GUESS, PROBABLY, SURE, percent_text
from playground.ui import theme
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.plain import PlainLabel, plain_tip, rich_label
from playground.ui.scale import relative_font
from playground.ui.views.base import ResultView, suggested_name
from playground.ui.widgets.canvas import ImageCanvas
from playground.ui.widgets.images import qimage_from_rgb, same_pixels
from playground.ui.widgets.room import picture_above, visible_height

# Bars: the leading one a deep blue (light blue on dark paper), the others a softer blue, both told apart by
# lightness as well as hue, so colour-blind eyes see the same ranking (ui/theme.py).
BEST, OTHER = "bar_best", "other"
# Beside the list, the picture gives way first: in a 1024-pixel window the list keeps its names and numbers.
PICTURE_MIN_WIDTH = 120
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no limit" for a widget's size
# How sure the model is of a piece, as the table says it (the levels themselves are keys the code compares).
LEVEL_WORDS = {PROBABLY: QT_TRANSLATE_NOOP("LabelsView", "probably"),
               CLOSE: QT_TRANSLATE_NOOP("LabelsView", "close call"),
               GUESS: QT_TRANSLATE_NOOP("LabelsView", "guess")}


def _name_html(label: Label) -> str:
    """The readable description first, the model's own short name under it in grey."""
    if not label.description or label.description == label.name:
        return html.escape(label.name)
    muted = theme.current().muted
    return f"{html.escape(label.description)}<br><span style='color:{muted}'>{html.escape(label.name)}</span>"


def bar_colour(which: str) -> QColor:
    """The leading bar's colour or the others', in the current theme."""
    return theme.colour("bar_best" if which == BEST else "bar_other")


class ScoreBar(QWidget):
    """A horizontal bar whose filled part is the score (0..1) of the whole width."""

    def __init__(self, score: float, best: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score = max(0.0, min(1.0, float(score)))
        self.colour = BEST if best else OTHER
        self.setMinimumSize(80, 18)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(translate("ScoreBar", "confidence {percent}").format(percent=percent_text(self.score)))

    def sizeHint(self) -> QSize:
        return QSize(240, 20)

    def fill_width(self) -> float:
        """Filled pixels; at least 2 so a tiny score is still visibly a bar."""
        return max(2.0, self.width() * self.score) if self.score > 0 else 0.0

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.colour("track"))
        track = QRectF(self.rect())
        painter.drawRoundedRect(track, 4, 4)
        if self.score > 0:
            painter.setBrush(bar_colour(self.colour))
            painter.drawRoundedRect(QRectF(0, 0, self.fill_width(), track.height()), 4, 4)
        painter.end()


class LabelsView(ResultView):
    """Shows a Labels result: the best guess as the headline, then every label ranked with its bar."""

    result_type = Labels

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("LabelsView", "Ranked labels"))
        self.note = PlainLabel("", self)
        self.note.setWordWrap(True)
        theme.themed(self.note, "muted", "font-style: italic;")
        self.note.hide()
        self.body.addWidget(self.note)
        self._rows = QWidget()
        self._grid = QGridLayout(self._rows)
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(10)
        self._grid.setColumnStretch(2, 1)
        scroll = self._scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._rows)
        # A picture's labels sit beside it or under it, whichever shows the picture larger (_arrange), so the
        # eye can check the answer against it and the picture fills the room the list leaves.
        row = self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.picture = ImageCanvas(self, placeholder="")
        self.picture.setAccessibleName(translate("LabelsView", "The picture the labels are for"))
        self.picture.align_top = True
        self.picture.hide()
        self.picture.setMinimumWidth(PICTURE_MIN_WIDTH)
        row.addWidget(self.picture, 1)
        row.addWidget(scroll, 1)
        self._arranging = QTimer(self)
        self._arranging.setSingleShot(True)
        self._arranging.timeout.connect(self._arrange)
        self.body.addLayout(row, 1)
        self.parts = _parts_table(self)
        self.body.addWidget(self.parts, 1)
        self.bars: list[ScoreBar] = []
        self._result: Labels | None = None
        self._decoded: object = None
        self._pixels: np.ndarray | None = None  # the picture shown, an (H, W, 3) array
        self._shown: tuple = ()
        self.add_action(translate("LabelsView", "Copy as text"), self._copy,
                        translate("LabelsView", "Copy the ranked list to the clipboard."))
        self.add_action(translate("LabelsView", "Save as text…"), self._save_clicked,
                        translate("LabelsView", "Save the ranked list as a text file."), saves=True)
        self.finish_actions()

    def show_result(self, result: Labels, decoded: Any = None) -> None:
        self._decoded = decoded
        self._show_picture(getattr(decoded, "pixels", None))
        shown = (result.headline, result.note, [(label.name, percent_text(label.score)) for label in result.items],
                 [(part.text, part.best.name, percent_text(part.best.score)) for part in result.parts])
        if self._result is not None and shown == self._shown:
            self._result = result  # repeat runs give the same answer: rebuilding rows would only cost time
            return
        self._shown = shown
        self._clear_rows()
        self._result = result
        items = result.items
        self.headline.setText(result.headline)
        self.note.setText(result.note)
        self.note.setVisible(bool(result.note))
        for rank, label in enumerate(items):
            self._add_row(rank, label)
        self._grid.setRowStretch(len(items), 1)
        _fill_parts(self.parts, result.parts, result.parts_title)
        self._arrange()
        self._arranging.start(0)  # again once the layout has placed the new rows
        # The list keeps room for its names and percentages; the picture beside it gives way (big text, a
        # narrow column) rather than the percentages disappearing behind a scroll bar.
        self._scroll.setMinimumWidth(self._rows.minimumSizeHint().width()
                                     + self._scroll.verticalScrollBar().sizeHint().width())
        self.set_actions_enabled(bool(items))
        self.say("")

    def clear(self) -> None:
        super().clear()
        self._clear_rows()
        self._result = None
        self._decoded = None  # the input it was given: a person's photo or recording
        self.note.hide()
        _fill_parts(self.parts, (), "")
        self._show_picture(None)
        self._arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._arranging.start(0)  # after the layout has given the row its new size

    def _arrange(self) -> None:
        """Picture beside the list or above it, whichever draws it larger in the room there is; the ranking
        keeps its own height when something else (the picture above it, the sentences below) wants the rest."""
        room = self._row.geometry()
        list_height = self._rows.sizeHint().height() + 4
        stacked = self._pixels is not None and picture_above(
            room.width(), visible_height(self, room.height()), self._pixels.shape[:2], 0.5,
            self._scroll.minimumWidth(), list_height)
        self._row.setDirection(QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight)
        self._row.setStretchFactor(self._scroll, 0 if stacked else 1)
        # The picture keeps all the room the list leaves (its size must not feed back into the room measured
        # next time), drawn at the bottom of it, right on the list, or at the top beside it.
        self.picture.align_top, self.picture.align_bottom = not stacked, stacked
        self.picture.update()
        short = stacked or bool(self._result is not None and self._result.parts)
        self._scroll.setMaximumHeight(list_height if short else QWIDGETSIZE_MAX)
        self._scroll.setMinimumHeight(list_height if stacked else 0)

    def _show_picture(self, pixels: Any) -> None:
        if pixels is None or getattr(pixels, "ndim", 0) != 3:
            self._pixels = None
            self.picture.clear()
            self.picture.hide()
            return
        if not same_pixels(self._pixels, pixels):  # repeat runs: the same picture stays as it is
            self._pixels = pixels
            self.picture.set_image(qimage_from_rgb(pixels))
        self.picture.show()

    def save_to(self, path: str) -> bool:
        return self.save_text(self._result.summary() + "\n" if self._result else "", path,
                              translate("ResultView", "list"))

    def _save_clicked(self) -> None:
        if self._result is not None:
            path = self.ask_save_path(translate("LabelsView", "Save the list"),
                                      suggested_name(self._decoded, "labels", "txt"),
                                      translate("LabelsView", "Text file (*.txt)"))
            if path:
                self.save_to(path)

    def _add_row(self, rank: int, label: Label) -> None:
        number = PlainLabel(f"{rank + 1}.", self._rows)
        number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        name = rich_label(_name_html(label), self._rows)
        name.setToolTip(plain_tip(label.description or label.name))
        name.setAccessibleName(f"{label.description or label.name}, {percent_text(label.score)}")
        bar = ScoreBar(label.score, best=rank == 0, parent=self._rows)
        pct = PlainLabel(percent_text(label.score), self._rows)
        pct.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        pct.setMinimumWidth(pct.fontMetrics().horizontalAdvance("100 %") + 6)
        if rank == 0:
            for widget in (number, name, pct):
                relative_font(widget, 2, bold=True)
        for col, cell in enumerate((number, name, bar, pct)):
            self._grid.addWidget(cell, rank, col)
        self.bars.append(bar)

    def _clear_rows(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            assert item is not None, "the layout still holds an item"
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for row in range(self._grid.rowCount()):
            self._grid.setRowStretch(row, 0)
        self.bars = []

    def _copy(self) -> None:
        if self._result is not None:
            self.copy_text(self._result.summary(), translate("ResultView", "list"))


def _parts_table(parent: QWidget) -> QTableWidget:
    """The input piece by piece: each sentence with what the model makes of it, read-only, plain text."""
    table = QTableWidget(0, 3, parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    # Each row as tall as its wrapped sentence at the column's width of the moment, measured by the header.
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    table.setMinimumHeight(120)
    table.hide()
    return table


def _fill_parts(table: QTableWidget, parts: tuple[Part, ...], title: str) -> None:
    table.setRowCount(0)
    table.setVisible(bool(parts))
    if not parts:
        return
    table.setHorizontalHeaderLabels([translate("LabelsView", "Reads as"), translate("LabelsView", "Chance"), title])
    table.setAccessibleName(title)
    table.setRowCount(len(parts))
    for row, part in enumerate(parts):
        level = "" if part.level == SURE else translate("LabelsView", LEVEL_WORDS.get(part.level, part.level))
        chance = percent_text(part.best.score) + (f", {level}" if level else "")
        for col, text in enumerate((part.best.shown, chance, part.text)):
            item = QTableWidgetItem(text)  # plain text: a sentence a person typed is never markup
            item.setToolTip(plain_tip(part.text))
            table.setItem(row, col, item)
