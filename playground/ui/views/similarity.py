"""SimilarityView: the sentences numbered and a grid of how alike each pair is, or, when searching, the lines
ranked by how close they come to the query; every score coloured the same way."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListWidget, QTableWidget, QTableWidgetItem, QWidget

from playground.core import readable
from playground.core.results import Similarities
from playground.ui import theme
from playground.ui.i18n import translate
from playground.ui.plain import PlainLabel, plain_tip
from playground.ui.scale import relative_font
from playground.ui.views.base import ResultView

ALIKE = QColor(0, 94, 162)  # dark blue, as the label bars: the more alike, the deeper
UNLIKE = QColor(213, 94, 0)  # Okabe–Ito vermillion for opposite meanings (below 0)
GRID_TITLE = "How alike each pair is (1 = the same meaning, 0 = unrelated):"
RANKING_TITLE = "The lines, closest in meaning first (1 = the same meaning, 0 = unrelated):"


def cell_colour(score: float) -> QColor:
    """The paper's colour at 0 (white, or near-black in the dark theme), deepening to blue towards 1 and to
    vermillion towards −1."""
    target, t = (ALIKE, score) if score >= 0 else (UNLIKE, -score)
    t = max(0.0, min(1.0, t))
    paper = theme.colour("paper")
    ends = zip((paper.red(), paper.green(), paper.blue()), (target.red(), target.green(), target.blue()))
    return QColor(*(round(base + (c - base) * t) for base, c in ends))


def short(sentence: str, width: int = 60) -> str:
    return readable.shortened(sentence, width)


def score_item(score: float, tip: str) -> QTableWidgetItem:
    """A cell showing a score on its own colour, with text that stays readable on it."""
    item = QTableWidgetItem(f"{score:.2f}")
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    colour = cell_colour(score)
    item.setBackground(QBrush(colour))
    item.setForeground(QBrush(QColor("white") if colour.lightness() < 128 else QColor(33, 33, 33)))
    item.setToolTip(plain_tip(tip))
    return item


def _table(parent: QWidget, name: str) -> QTableWidget:
    table = QTableWidget(parent)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    relative_font(table, 1)
    return table


class SimilarityView(ResultView):
    result_type = Similarities

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Sentence similarity")
        self.sentence_list = QListWidget(self)
        self.sentence_list.setAccessibleName("The sentences, numbered")
        relative_font(self.sentence_list, 1)
        self.sentence_list.setMaximumHeight(150)
        self.body.addWidget(self.sentence_list)
        self.grid_label = PlainLabel(GRID_TITLE, self)
        self.body.addWidget(self.grid_label)
        self.grid = _table(self, "Similarity of every pair of sentences")
        self.body.addWidget(self.grid, 1)
        self.ranking = _table(self, "The lines ranked by closeness to the search")
        self.ranking.setColumnCount(3)
        self.ranking.setHorizontalHeaderLabels(["Score", "Line", "Sentence"])
        self.ranking.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.ranking.verticalHeader().hide()  # the rank is the row's place; the line number is its own column
        self.ranking.setWordWrap(True)
        self.body.addWidget(self.ranking, 1)
        self._result: Similarities | None = None
        self.add_action("Copy table", self._copy, "Copy the scores as tab-separated text.")
        self.finish_actions()
        self.clear()

    def show_result(self, result: Similarities, decoded: Any = None) -> None:
        self._result = result
        self.sentence_list.setVisible(not result.searching)  # the ranking lists every line itself
        self.grid.setVisible(not result.searching)
        self.ranking.setVisible(result.searching)
        self.grid_label.setText(RANKING_TITLE if result.searching else GRID_TITLE)
        if result.searching:
            self._show_ranking(result)
        else:
            self._show_grid(result)
        self.say(result.note)
        self.set_actions_enabled(True)

    def _show_grid(self, result: Similarities) -> None:
        matrix = result.matrix
        assert matrix is not None, "not searching: every pair was compared"
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
                score = float(matrix[i, j])
                tip = f"{short(result.sentences[i])}\n{short(result.sentences[j])}\n{score:.3f}"
                self.grid.setItem(i, j, score_item(score, tip))

    def _show_ranking(self, result: Similarities) -> None:
        ranked = result.ranked()
        best, score = ranked[0]
        self.headline.setText(f"Closest to “{short(result.query, 40)}”: line {best + 1} ({score:.2f})")
        self.ranking.setRowCount(len(ranked))
        for row, (i, score) in enumerate(ranked):
            self.ranking.setItem(row, 0, score_item(score, f"{score:.3f}"))
            line = QTableWidgetItem(str(i + 1))
            line.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.ranking.setItem(row, 1, line)
            text = result.sentences[i] + ("   (only its start was read)" if result.cut[i] else "")
            self.ranking.setItem(row, 2, QTableWidgetItem(text))
        self.ranking.scrollToTop()

    def clear(self) -> None:
        super().clear()
        self._result = None
        self.sentence_list.clear()
        self.grid.clear()
        self.grid.setRowCount(0)
        self.grid.setColumnCount(0)
        self.ranking.setRowCount(0)
        self.ranking.hide()

    def _copy(self) -> None:
        result = self._result
        if result is None:
            return
        if result.searching:
            rows = ["score\tline\tsentence"] + [f"{score:.3f}\t{i + 1}\t{result.sentences[i]}"
                                                 for i, score in result.ranked()]
            self.copy_text("\n".join(rows), translate("ResultView", "ranking"))
            return
        assert result.matrix is not None, "not searching: every pair was compared"
        n = len(result.sentences)
        rows = ["\t" + "\t".join(str(j + 1) for j in range(n))]
        rows += [f"{i + 1}\t" + "\t".join(f"{v:.3f}" for v in row) for i, row in enumerate(result.matrix)]
        self.copy_text("\n".join(rows), translate("ResultView", "table of scores"))
