"""The result views speak the window's language: under a translator, every word a view writes itself (headlines,
buttons, tooltips, table headers, placeholders, axis labels, what a screen reader hears) comes from it, while the
model's own words (its labels, the transcript, the reply, the text it read) stay as the model wrote them."""

from __future__ import annotations

import re

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTreeWidget,
    QWidget,
)

from playground.core import words
from playground.core.media import ImageData
from playground.core.results import (
    Cutout,
    Denoised,
    Detections,
    DigitGuess,
    Generation,
    Label,
    Labels,
    Notes,
    Part,
    Phrase,
    Similarities,
    SpeechSegments,
    TextLines,
    Transcript,
    Upscaled,
)
from playground.core.results.certainty import PROBABLY, SURE
from playground.core.results.tensors import Tensors, summary
from playground.tasks.sentiment import PARTS_TITLE
from playground.ui.views import VIEWS, create_view
from playground.ui.views.tensors import MODEL_WORDS
from playground.ui.widgets import audio
from playground.ui.widgets.canvas import ImageCanvas
from tests.ui.fake_sound import FakeSoundDevice
from tests.ui.test_chat_view import generation
from tests.ui.test_denoised_view import tone_under_noise
from tests.ui.test_image_views import page, upscaled
from tests.ui.test_language import Pseudo
from tests.ui.test_notes_view import notes_result
from tests.ui.test_similarity_view import three
from tests.ui.test_transcript_view import kws_like
from tests.ui.test_views import disc_cutout, magika_like, shown, two_faces, vad_like

NOT_WORDS = re.compile(r"[\d\s.,:%–×→()+−-]*")  # numbers and their signs are written the same in every language
SYMBOLS = "•▶■ "  # a bullet or a play symbol before a translated sentence is not a word


@pytest.fixture
def pseudo(qapp, monkeypatch):
    """Every string asked of the translators comes back bracketed, the core's verdicts included (as
    i18n.install does for any language but English); speakers exist, so no play button says why it cannot."""
    monkeypatch.setattr(audio, "_library", FakeSoundDevice)
    translator = Pseudo()
    qapp.installTranslator(translator)
    words.install(QCoreApplication.translate)
    yield
    words.install(None)
    qapp.removeTranslator(translator)


def translated(text: str) -> bool:
    lines = [line.lstrip(SYMBOLS) for line in text.split("\n") if line.strip()]
    return all(line.startswith("⟦") and line.endswith("⟧") for line in lines)


def plot_words(view: QWidget) -> list[str]:
    """Titles, axis labels and the labels on lines of every graph in the view that is on screen."""
    found = []
    for graph in view.findChildren(pg.GraphicsView):
        if not graph.isVisibleTo(view):
            continue
        for item in graph.scene().items():
            if isinstance(item, pg.AxisItem) and item.isVisible() and item.labelText:
                found.append(item.labelText)
            elif isinstance(item, pg.LabelItem) and item.isVisible() and item.text:
                found.append(item.text)
            elif isinstance(item, pg.TextItem) and item.isVisible() and item.toPlainText():
                found.append(item.toPlainText())
    return found


def untranslated(view: QWidget, own: tuple[QWidget, ...] = ()) -> list[str]:
    """Everything the view says on its own that did not come from the translators; `own` holds the widgets that
    show the model's words (or the person's), which are not the view's to translate."""
    QApplication.processEvents()
    said: list[str] = []
    for widget in (view, *view.findChildren(QWidget)):
        if widget in own:
            continue
        said.append(widget.accessibleName())  # a screen reader hears it whether or not it is on screen now
        if not widget.isVisibleTo(view) and widget is not view:
            continue
        said.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            said.append(widget.text())
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            said.append(widget.placeholderText())
        if isinstance(widget, ImageCanvas):
            said.append(widget._placeholder)  # painted while there is no picture
        if isinstance(widget, QTableWidget):
            said += [widget.horizontalHeaderItem(c).text() for c in range(widget.columnCount())
                     if widget.horizontalHeaderItem(c) is not None]
        if isinstance(widget, QTreeWidget) and not widget.isHeaderHidden():
            said += [widget.headerItem().text(c) for c in range(widget.columnCount())]
    said += plot_words(view)
    return [text for text in said if text and not NOT_WORDS.fullmatch(text) and not translated(text)]


def model_words(view: QWidget) -> tuple[QWidget, ...]:
    """The ranked labels' rows: the model's names (with their descriptions) and the numbers beside them."""
    if isinstance(view, VIEWS[Tensors]):  # the bars' names: the labels a person gave their model
        return tuple(view.findChildren(QLabel, MODEL_WORDS))
    return tuple(view._rows.findChildren(QLabel)) if isinstance(view, VIEWS[Labels]) else ()


def sentiment_like() -> Labels:
    parts = (Part("Awful and slow.", Label("negative", 0.91), SURE), Part("Lovely staff!", Label("positive", 0.55),
                                                                          PROBABLY))
    # The table's title is the task's, translated where the task writes it.
    return Labels((Label("neutral", 0.5), Label("negative", 0.3)), parts=parts,
                  parts_title=words.translate("SentimentTask", PARTS_TITLE))


def searching() -> Similarities:
    return Similarities(("A man is playing a guitar.", "The market crashed."), None, (9, 7), (False, True),
                        query="music", scores=np.array([0.52, -0.04], np.float32))


def digit() -> DigitGuess:
    probabilities = np.full(10, 0.01, np.float32)
    probabilities[7], probabilities[1] = 0.52, 0.39  # a "maybe"
    return DigitGuess(probabilities, np.zeros((28, 28), np.float32))


def tensors() -> Tensors:
    vector = summary("probs", np.array([[0.1, 0.7, 0.2]], np.float32), ["cat", "dog", "fox"])
    return Tensors((vector, summary("mask", np.zeros((1, 1, 4, 4), np.float32))), "made inputs: normal, seed 0; N = 1")


RESULTS = {Labels: magika_like, Detections: two_faces, Cutout: disc_cutout, SpeechSegments: vad_like,
           Upscaled: upscaled, TextLines: page, DigitGuess: digit, Transcript: kws_like, Notes: notes_result,
           Denoised: tone_under_noise, Similarities: three, Generation: lambda: generation("The waves rise.", 3, "end"),
           Tensors: tensors}


def test_every_view_is_fed_here():
    assert set(RESULTS) == set(VIEWS)


@pytest.mark.parametrize("result_type", list(RESULTS), ids=lambda t: t.__name__)
def test_every_word_a_view_writes_goes_through_the_translators(qtbot, pseudo, result_type):
    view = shown(qtbot, create_view(result_type), 900, 640)
    assert untranslated(view) == []  # empty: placeholders, buttons, names, axes
    view.show_result(RESULTS[result_type](), None)
    assert view.headline.text() and untranslated(view, model_words(view)) == []


@pytest.mark.parametrize("make, partial_word", [(vad_like, "Listening"), (notes_result, "Listening"),
                                                (page, "Reading"), (upscaled, "Enlarging"),
                                                (kws_like, "Writing down"), (lambda: generation("The", 1), "Writing")])
def test_what_a_view_says_while_it_works_and_when_stopped_is_translated(qtbot, pseudo, make, partial_word):
    result = make()
    view = shown(qtbot, create_view(type(result)), 900, 640)
    if isinstance(result, Notes):
        result = notes_result(heard=1.0)
    view.show_partial(result)
    assert view.headline.text().startswith("⟦" + partial_word) and untranslated(view) == []
    view.show_stopped()
    assert translated(view.headline.text()) and untranslated(view) == []


def test_the_other_ways_a_view_ends_are_translated_too(qtbot, pseudo):
    views = {t: shown(qtbot, create_view(t), 900, 640) for t in (Labels, Similarities, Detections, TextLines,
                                                                  Transcript, SpeechSegments, Notes)}
    for result_type, result in ((Labels, sentiment_like()), (Similarities, searching()),
                                (Detections, Detections(np.zeros((40, 40, 3), np.uint8), (), "face")),
                                (TextLines, TextLines(np.zeros((40, 40, 3), np.uint8), ())),
                                (Transcript, Transcript(np.zeros(16000, np.float32), 16000, ())),
                                (SpeechSegments, vad_like(())), (Notes, notes_result(notes=(), loud=False))):
        view = views[result_type]
        view.show_result(result, None)
        assert translated(view.headline.text()) and untranslated(view, model_words(view)) == [], result_type.__name__
    assert views[Labels].parts.horizontalHeaderItem(1).text() == "⟦Chance⟧"
    assert views[Labels].parts.item(1, 1).text() == "55 %, ⟦probably⟧"
    assert views[Similarities].ranking.item(1, 2).text() == "The market crashed.   ⟦(only its start was read)⟧"


def test_the_views_say_their_pictures_to_a_screen_reader_in_the_language(qtbot, pseudo):
    cutout = shown(qtbot, create_view(Cutout))
    cutout.show_result(disc_cutout(), None)
    bigger = shown(qtbot, create_view(Upscaled))
    bigger.show_result(upscaled(), None)
    guess = shown(qtbot, create_view(DigitGuess))
    guess.show_result(digit(), None)
    assert cutout.canvas.accessibleDescription() == "⟦foreground 19% of 300×200 pixels⟧"
    assert bigger.canvas.accessibleDescription() == "⟦enlarged to 160×120 pixels⟧"
    assert translated(guess.bars.accessibleDescription()) and guess.headline.text() == "⟦7 maybe   (52 % sure)⟧"


def test_the_models_own_words_are_never_translated(qtbot, pseudo):
    labels = shown(qtbot, create_view(Labels))
    picture = np.zeros((30, 40, 3), np.uint8)
    labels.show_result(magika_like(), ImageData(picture, "a photo"))
    QApplication.processEvents()  # the rows show on the next turn of the event loop
    names = [label.text() for label in labels._rows.findChildren(QLabel) if label.isVisibleTo(labels)]
    assert any("Python source" in name for name in names) and not any("⟦" in name for name in names)
    assert labels.headline.text() == "⟦Most likely: Python source — 87 %⟧"  # the sentence is, the name in it not
    said = shown(qtbot, create_view(Transcript), 900, 640)
    said.show_result(Transcript(kws_like().samples, 16000, (Phrase(1.24, 2.73, "Hey Jarvis.", ("Jarvis",)),)), None)
    row = said.pieces.item(0)
    assert row.text() == "   1.2 – 2.7 s    Hey Jarvis."  # the words as heard, the times as numbers
    assert row.toolTip() == "⟦Play from 1.2 s. The model was unsure of: Jarvis.⟧"
    read = shown(qtbot, create_view(TextLines), 900, 640)
    read.show_result(page(), None)
    assert read.list.item(1).text() == "a tilted line\n⟦81 % sure  (was upside down)⟧"
    reply = shown(qtbot, create_view(Generation), 900, 640)
    reply.show_result(generation("The waves rise.", 3, "end"))
    assert reply.reply.toPlainText() == "The waves rise." and reply.asked.text() == (
        "⟦You: Write a haiku about the sea.⟧")
