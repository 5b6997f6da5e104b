"""SimilarityView: the sentences numbered, and a grid of how alike in meaning each pair is, coloured by score."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QListWidget, QTableWidget, QTableWidgetItem,
                               QWidget)

from playground.core.results import Similarities
from playground.ui.views.base import ResultView, bigger_font

ALIKE = QColor(0, 94, 162)  # dark blue, as the label bars: the more alike, the deeper
UNLIKE = QColor(213, 94, 0)  # Okabe–Ito vermillion for opposite meanings (below 0)


def cell_colour(score: float) -> QColor:
    """White at 0, deepening to blue towards 1 and to vermillion towards −1."""
    target, t = (ALIKE, score) if score >= 0 else (UNLIKE, -score)
    t = max(0.0, min(1.0, t))
    return QColor(*(round(255 + (c - 255) * t) for c in (target.red(), target.green(), target.blue())))


def short(sentence: str, width: int = 60) -> str:
    return sentence if len(sentence) <= width else sentence[:width - 1] + "…"


class SimilarityView(ResultView):
    result_type = Similarities

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Sentence similarity")
        self.sentence_list = QListWidget(self)
        self.sentence_list.setAccessibleName("The sentences, numbered")
        bigger_font(self.sentence_list, 1)
        self.sentence_list.setMaximumHeight(150)
        self.body.addWidget(self.sentence_list)
        self.grid_label = QLabel("How alike each pair is (1 = the same meaning, 0 = unrelated):", self)
        self.body.addWidget(self.grid_label)
        self.grid = QTableWidget(self)
        self.grid.setAccessibleName("Similarity of every pair of sentences")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        bigger_font(self.grid, 1)
        self.body.addWidget(self.grid, 1)
        self._result: Similarities | None = None
        self.add_action("Copy table", self._copy, "Copy the grid of scores as tab-separated text.")
        self.finish_actions()
        self.clear()

    def show_result(self, result: Similarities, decoded: Any = None) -> None:
        self._result = result
        best = result.most_alike()
        if best is None:
            self.headline.setText("One sentence: type a second line to compare it with")
        else:
            i, j, score = best
            self.headline.setText(f"Most alike: {i + 1} and {j + 1} ({score:.2f})")
        self.sentence_list.clear()
        for i, (sentence, cut) in enumerate(zip(result.sentences, result.cut)):
            self.sentence_list.addItem(f"{i + 1}.  {sentence}" + ("   (only its start was read)" if cut else ""))
        n = len(result.sentences)
        self.grid.clear()
        self.grid.setRowCount(n)
        self.grid.setColumnCount(n)
        labels = [str(i + 1) for i in range(n)]
        self.grid.setHorizontalHeaderLabels(labels)
        self.grid.setVerticalHeaderLabels(labels)
        for i in range(n):
            for j in range(n):
                score = float(result.matrix[i, j])
                item = QTableWidgetItem(f"{score:.2f}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                colour = cell_colour(score)
                item.setBackground(QBrush(colour))
                item.setForeground(QBrush(QColor("white") if colour.lightness() < 128 else QColor(33, 33, 33)))
                item.setToolTip(f"{short(result.sentences[i])}\n{short(result.sentences[j])}\n{score:.3f}")
                self.grid.setItem(i, j, item)
        self.say(result.note)
        self.set_actions_enabled(True)

    def clear(self) -> None:
        super().clear()
        self._result = None
        self.sentence_list.clear()
        self.grid.clear()
        self.grid.setRowCount(0)
        self.grid.setColumnCount(0)

    def _copy(self) -> None:
        if self._result is not None:
            n = len(self._result.sentences)
            rows = ["\t" + "\t".join(str(j + 1) for j in range(n))]
            rows += [f"{i + 1}\t" + "\t".join(f"{v:.3f}" for v in row) for i, row in enumerate(self._result.matrix)]
            self.copy_text("\n".join(rows), "table of scores")
