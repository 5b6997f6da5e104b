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
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.plain import PlainLabel, plain_tip
from playground.ui.scale import relative_font
from playground.ui.views.base import ResultView

ALIKE = QColor(0, 94, 162)  # dark blue, as the label bars: the more alike, the deeper
UNLIKE = QColor(213, 94, 0)  # Okabe–Ito vermillion for opposite meanings (below 0)
GRID_TITLE = QT_TRANSLATE_NOOP("SimilarityView", "How alike each pair is (1 = the same meaning, 0 = unrelated):")
RANKING_TITLE = QT_TRANSLATE_NOOP("SimilarityView", "The lines, closest in meaning first (1 = the same meaning, "
                                                    "0 = unrelated):")


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


def as_read(sentence: str, cut: bool) -> str:
    """The sentence, and a note when the model read only its start."""
    return sentence + ("   " + translate("SimilarityView", "(only its start was read)") if cut else "")


def score_item(score: float, tip: str) -> QTableWidgetItem:
    """A cell showing a score on its own colour, with text that stays readable on it."""
    item = QTableWidgetItem(readable.local(f"{score:.2f}"))
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
        self.setAccessibleName(translate("SimilarityView", "Sentence similarity"))
        self.sentence_list = QListWidget(self)
        self.sentence_list.setAccessibleName(translate("SimilarityView", "The sentences, numbered"))
        relative_font(self.sentence_list, 1)
        self.sentence_list.setMaximumHeight(150)
        self.body.addWidget(self.sentence_list)
        self.grid_label = PlainLabel(translate("SimilarityView", GRID_TITLE), self)
        self.body.addWidget(self.grid_label)
        self.grid = _table(self, translate("SimilarityView", "Similarity of every pair of sentences"))
        self.body.addWidget(self.grid, 1)
        self.ranking = _table(self, translate("SimilarityView", "The lines ranked by closeness to the search"))
        self.ranking.setColumnCount(3)
        self.ranking.setHorizontalHeaderLabels([translate("SimilarityView", "Score"),
                                                translate("SimilarityView", "Line"),
                                                translate("SimilarityView", "Sentence")])
        self.ranking.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.ranking.verticalHeader().hide()  # the rank is the row's place; the line number is its own column
        self.ranking.setWordWrap(True)
        self.body.addWidget(self.ranking, 1)
        self._result: Similarities | None = None
        self.add_action(translate("SimilarityView", "Copy table"), self._copy,
                        translate("SimilarityView", "Copy the scores as tab-separated text."))
        self.finish_actions()
        self.clear()

    def show_result(self, result: Similarities, decoded: Any = None) -> None:
        self._result = result
        self.sentence_list.setVisible(not result.searching)  # the ranking lists every line itself
        self.grid.setVisible(not result.searching)
        self.ranking.setVisible(result.searching)
        self.grid_label.setText(translate("SimilarityView", RANKING_TITLE if result.searching else GRID_TITLE))
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
            self.headline.setText(translate("SimilarityView", "One sentence: type a second line to compare it with"))
        else:
            i, j, score = best
            self.headline.setText(translate("SimilarityView", "Most alike: {first} and {second} ({score})").format(
                first=i + 1, second=j + 1, score=readable.local(f"{score:.2f}")))
        self.sentence_list.clear()
        for i, (sentence, cut) in enumerate(zip(result.sentences, result.cut)):
            self.sentence_list.addItem(f"{i + 1}.  {as_read(sentence, cut)}")
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
                tip = f"{short(result.sentences[i])}\n{short(result.sentences[j])}\n{readable.local(f'{score:.3f}')}"
                self.grid.setItem(i, j, score_item(score, tip))

    def _show_ranking(self, result: Similarities) -> None:
        ranked = result.ranked()
        best, score = ranked[0]
        self.headline.setText(translate("SimilarityView", "Closest to “{query}”: line {line} ({score})").format(
            query=short(result.query, 40), line=best + 1, score=readable.local(f"{score:.2f}")))
        self.ranking.setRowCount(len(ranked))
        for row, (i, score) in enumerate(ranked):
            self.ranking.setItem(row, 0, score_item(score, readable.local(f"{score:.3f}")))
            line = QTableWidgetItem(str(i + 1))
            line.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.ranking.setItem(row, 1, line)
            self.ranking.setItem(row, 2, QTableWidgetItem(as_read(result.sentences[i], result.cut[i])))
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
