"""The lessons window speaks the window's language: every title, button, label, table heading, graph axis,
empty graph's sentence and accessible name of each page goes through the translators, and so do the sentences
the lab writes with the figures it measured."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QLabel, QProgressBar, QTableWidget, QWidget

from playground.core import words
from playground.lab import guide, lesson_batch, lesson_facts
from playground.lab.cost import CostFigures
from playground.ui.lessons.page import LessonPage
from playground.ui.lessons.time_bars import PART_COLOURS, part_name
from playground.ui.lessons.window import LessonsWindow
from tests.ui.test_language import Pseudo


@pytest.fixture
def pseudo(qapp):
    """Every string asked of Qt's translators, and of the lab's, comes back bracketed: ⟦…⟧."""
    translator = Pseudo()
    qapp.installTranslator(translator)
    words.install(QCoreApplication.translate, "de")  # as ui/i18n.install does for any language but English
    yield translator
    words.install(None)
    qapp.removeTranslator(translator)


def bracketed(text: str) -> bool:
    return text.startswith("⟦") and text.rstrip().endswith("⟧")


def page_texts(page: LessonPage, window: QWidget) -> dict[str, str]:
    """What a person reads or hears of one page, by where it is: labels, buttons and their tips, the table's
    headings, the graphs' axes and empty sentences, the progress bar, and every accessible name. Left out:
    the page's title, its lesson file's heading, and the tours' names, from the tour file: both are read from
    the language's folder (assets/explainers/<code>/), not translated here."""
    from_tour_file = set(getattr(page, "tour_buttons", {}).values())
    texts: dict[str, str] = {}
    for label in page.findChildren(QLabel):
        if label.text() and label.isVisibleTo(window) and label.text() != page.topic.title:
            texts[f"label {label.text()!r}"] = label.text()
    for button in page.findChildren(QAbstractButton):
        if button.text() and button.isVisibleTo(window) and button not in from_tour_file:  # not a table's corner
            texts[f"button {button.text()!r}"] = button.text()
        if button.toolTip():
            texts[f"tip of {button.text()!r}"] = button.toolTip()
    for table in page.findChildren(QTableWidget):
        texts |= {f"heading {i}": table.horizontalHeaderItem(i).text() for i in range(table.columnCount())
                  if table.horizontalHeaderItem(i).text() != "ms"}  # a unit alone stays as it is
    for plot in page.findChildren(pg.PlotWidget):
        item = plot.getPlotItem()
        texts |= {f"axis {side}": item.getAxis(side).labelText for side in ("left", "bottom")}
        if item.property("empty_note"):
            texts["empty graph"] = item.property("empty_note")
    for bar in page.findChildren(QProgressBar):
        texts["progress"] = bar.format()
    for widget in page.findChildren(QWidget):  # the page itself is named by its title
        if widget.accessibleName():
            texts[f"name of {type(widget).__name__}"] = widget.accessibleName()
        if widget.accessibleDescription():
            texts[f"description of {type(widget).__name__}"] = widget.accessibleDescription()
    return texts


def test_every_page_of_the_lessons_window_is_translated(make_window, pseudo):
    controller, window = make_window(model_id="langid")
    lessons = window.show_lessons()
    untranslated = [(where, text) for where, text in (("title", lessons.windowTitle()),
                                                       ("name", lessons.accessibleName()),
                                                       ("ideas", lessons.ideas.accessibleName()))
                    if not bracketed(text)]
    # Each idea is named by its lesson file's heading, in the language spoken (here the German folder's).
    ideas = [lessons.ideas.item(i).text() for i in range(lessons.ideas.count())]
    assert ideas == [page.topic.title for page in lessons.pages] and "Geführte Tour" in ideas
    for page in lessons.pages:
        lessons.show_lesson(page.topic.id)
        page.refresh()  # the graphs say what will fill them
        texts = page_texts(page, lessons)
        assert page.accessibleName() == page.topic.title, page.topic.id
        untranslated += [(f"{page.topic.id}: {where}", text) for where, text in texts.items() if not bracketed(text)]
    assert untranslated == []


def test_the_kiosks_way_back_and_the_bars_legend_are_translated(make_window, pseudo):
    controller, window = make_window(model_id="langid")
    lessons = LessonsWindow(controller, window.settings, window, embedded=True)
    assert bracketed(lessons.back_button.text())
    assert all(bracketed(part_name(part)) for part in PART_COLOURS)  # the legend's words under every bar chart
    assert part_name("MatMulNBits") == "MatMulNBits"  # a name the page does not know is shown as it is


def test_the_lab_writes_its_measured_sentences_in_the_windows_language(pseudo):
    figures = CostFigures(runs=3, cpu_s=0.036, wall_s=0.04, price_per_cpu_hour=0.05, watts_per_core=10.0)
    cost = lesson_facts.cost_facts(figures)
    # Each sentence is one template translated whole, then filled with the figures.
    assert cost["per_dollar_sentence"].startswith("⟦One dollar buys about ") and \
        cost["per_dollar_sentence"].endswith(" runs.⟧")
    assert cost["cost_basis"] == "⟦the median of 3 warm runs⟧" and bracketed(cost["energy_sentence"])
    assert lesson_batch.batch_facts(None, controller_history(), 33.0)["live_sentence"].startswith("⟦run a model live")

    def run(ms: float, cold: bool = False, threads: int = 1) -> guide.Run:
        return guide.Run("m", ms, cold, threads)

    state = guide.GuideState("m", (), "classify", 2, (run(100, cold=True), run(40)))
    warmup = guide.warmup_sentence(state)
    assert warmup.startswith("⟦The first run took ") and warmup.endswith("That was warm-up.⟧")
    assert guide.answer_sentence(guide.GuideState("m", (), "classify", 2)) == "⟦It has not answered yet.⟧"
    twice = guide.GuideState("m", (), "classify", 2, (run(40), run(20, threads=2)))
    said = guide.threads_sentence(twice)  # the comparison and the step's reminder, each a sentence of its own
    assert said.startswith("⟦With 2 threads a warm run took ") and said.endswith("timed alike.⟧")
    assert said.count("⟦") == 2
    words.install(None)
    assert lesson_facts.cost_facts(figures)["cost_basis"] == "the median of 3 warm runs"  # English as written


def controller_history():
    from playground.core.metrics import RunHistory

    return RunHistory()
