"""Text a person typed or a model wrote is shown as text, never as HTML or Markdown, in every view.

The hostile text names a real picture on this disk: if any label, tooltip or explainer read it as
markup, Qt would draw that picture (or a link) instead of the words.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTextBrowser, QWidget

from playground.core import explainers
from playground.core.results import Generation, Similarities, TextLine, TextLines
from playground.ui.plain import PlainLabel, plain_tip
from playground.ui.views import create_view
from tests.ui.test_main_window import choose_sample


@pytest.fixture
def hostile(tmp_path) -> str:
    picture = tmp_path / "secret.png"
    Image.fromarray(np.full((8, 8, 3), 200, np.uint8)).save(picture)
    return f"<img src='{picture}'> <b>bold</b> ![x]({picture}) [link](file://{picture}) &amp;"


def rendered_as_markup(widget: QWidget, needle: str) -> list[str]:
    """Every place under `widget` where outside text would be drawn as markup."""
    QApplication.processEvents()
    found = []
    for label in [widget, *widget.findChildren(QWidget)]:
        if isinstance(label, QLabel) and needle in label.text() and label.textFormat() != Qt.TextFormat.PlainText:
            found.append(f"label {label.objectName() or label.text()[:40]!r}")
        tip = label.toolTip()
        if needle in tip:  # a tooltip holding the raw tag: Qt would render it
            found.append(f"tooltip of {type(label).__name__}")
        if isinstance(label, QTextBrowser) and "<img" in label.toHtml():
            found.append("a picture in a text browser")
    return found


def test_a_plain_label_shows_a_tag_as_its_characters(qtbot, hostile):
    label = PlainLabel(hostile)
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText and label.text() == hostile
    tip = plain_tip(hostile)
    assert "<img" not in tip and "&lt;img" in tip and tip.startswith("<p")
    guessing = QLabel(hostile)  # Qt's own default, which the window never uses: the check below sees it
    qtbot.addWidget(guessing)
    assert rendered_as_markup(guessing, "<img") and not rendered_as_markup(label, "<img")


def test_the_chat_shows_the_message_and_the_reply_as_typed_and_written(qtbot, hostile):
    view = create_view(Generation)
    qtbot.addWidget(view)
    view.show_result(Generation(hostile, f"Sure: {hostile}", 12, 30, 40.0, 35.0, (5.0,) * 11, stop="end"))
    assert hostile in view.asked.text() and hostile in view.reply.toPlainText()
    assert rendered_as_markup(view, "<img") == []


def test_a_search_and_its_lines_are_shown_as_typed(qtbot, hostile):
    view = create_view(Similarities)
    qtbot.addWidget(view)
    view.show_result(Similarities((hostile, "a plain line"), None, (9, 5), (False, False), query=hostile,
                                  scores=np.array([0.9, 0.1])))
    assert "<img" in view.headline.text()  # the query is quoted in the headline, as text
    assert rendered_as_markup(view, "<img") == []


def test_text_read_from_a_photo_is_listed_and_tipped_as_text(qtbot, hostile):
    view = create_view(TextLines)
    qtbot.addWidget(view)
    line = TextLine(((0, 0), (50, 0), (50, 10), (0, 10)), hostile, 0.9)
    view.show_result(TextLines(np.zeros((20, 60, 3), np.uint8), (line,)))
    item = view.list.item(0)
    assert item.text().startswith(hostile) and "&lt;img" in item.toolTip()
    assert rendered_as_markup(view, "<img") == []


def test_a_file_name_quoted_in_an_explainer_stays_a_name(qtbot, hostile):
    assert explainers.literal("motor-cycle 2.png") == "motor-cycle 2.png"  # a plain name reads as it is
    assert explainers.literal("two\nlines") == "two lines"
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.setMarkdown(f"The model read **{explainers.literal(hostile)}** in 3 ms.")
    assert hostile.replace("  ", " ") in browser.toPlainText()
    html = browser.toHtml()
    assert "<img" not in html and "href" not in html and "<b>bold" not in html


@pytest.mark.models
def test_no_label_of_the_window_shows_its_own_markup_as_characters(qtbot, make_window, require_model):
    """The other side of plain text: markup the app writes itself (colour keys) must still be drawn."""
    require_model("langid")
    controller, window = make_window(model_id="langid")
    with qtbot.waitSignal(window.result_area.result_shown, timeout=60_000):
        choose_sample(window, "hello_fr.txt")
    qtbot.waitUntil(lambda: "This app" in window.graphs.cpu_readout.text(), timeout=5_000)
    raw = [label.text()[:60] for label in window.findChildren(QLabel)
           if label.textFormat() == Qt.TextFormat.PlainText and ("<span" in label.text() or "&nbsp;" in label.text())]
    assert raw == []
