"""Every number a person sees follows the language the window speaks: decimal commas and thousands dots in
German (1,5 of 2 cores; 2,5 s; 0,72), while what is written for machines (the copied table of scores, JSON)
keeps its English decimal points."""

from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest
from PySide6.QtGui import QGuiApplication

from playground.core import media, words
from playground.core.metrics import ResourceSampler, RunHistory
from playground.core.results import Label, Labels, Phrase, SpeechSegments
from playground.core.results.certainty import percent_text
from playground.lab.lesson_post import describe_raw
from playground.ui.panels.graphs import GraphsPanel
from playground.ui.panels.input_panel import describe
from playground.ui.panels.mic_panel import clock
from playground.ui.plain import PlainLabel
from playground.ui.views import create_view
from playground.ui.views.notes import headline, note_row
from playground.ui.views.similarity import score_item
from playground.ui.views.transcript import sentence_row
from tests.ui.test_notes_view import notes_result
from tests.ui.test_similarity_view import three
from tests.ui.test_views import shown, vad_like


@pytest.fixture
def german():
    words.install(lambda context, text: text, "de")  # the English words, the German way of writing numbers
    yield
    words.install(None)


def test_the_processor_readout_writes_its_cores_with_a_decimal_comma(qtbot, german):
    history, sampler = RunHistory(200), ResourceSampler(600)
    panel = GraphsPanel(history, sampler)
    panel.paused = True
    qtbot.addWidget(panel)
    for i in range(40):
        sampler.t.append(i * 0.2)
        sampler.process_cpu.append(150.0)  # 1.5 cores busy
        sampler.system_cpu.append(40.0)
        sampler.rss_mb.append(100.0)
    panel.refresh()
    cores = sampler.cores
    assert f"(1,5 of {cores} cores)" in panel.cpu_readout.text()
    assert f"(1,5 of {cores} cores), all programs 40 %" in panel.cpu_plot.accessibleDescription()


def test_a_ranked_answer_says_its_percentages_the_german_way(qtbot, german):
    result = Labels((Label("tabby", 0.953), Label("tiger cat", 0.042), Label("lynx", 0.0004)))
    assert percent_text(0.042) == "4,2 %" and percent_text(0.0004) == "<0,1 %"
    assert result.headline == "Most likely: tabby — 95 %"
    assert result.summary().splitlines()[1:3] == ["1. tabby 0,953", "2. tiger cat 0,042"]
    view = shown(qtbot, create_view(Labels))
    view.show_result(result, None)
    assert "4,2 %" in [label.text() for label in view.findChildren(PlainLabel)]
    assert json.loads(json.dumps(result.to_dict()))["labels"][1]["score"] == 0.042  # JSON keeps its numbers


def test_the_voice_detector_and_the_notes_say_their_seconds_with_a_comma(qtbot, german):
    view = shown(qtbot, create_view(SpeechSegments), 900, 520)
    view.show_result(vad_like(), None)
    assert view.headline.text() == "4 speech segments: 6,2 s of speech in 12,0 s"
    assert view.segment_list.item(0).text().startswith("1.  1,54 – 2,08 s")
    assert view.threshold_line.label.toPlainText() == "threshold 0,50"
    found = notes_result(notes=tuple((0.1 * i, 0.1 * i + 0.05, 60 + i, 262.0) for i in range(9)), seconds=2.4)
    assert headline(found) == "9 notes from C4 to G#4 in 2,4 s"
    assert note_row(found.notes[1])[1:3] == ["0,10", "0,15"]
    assert found.summary().splitlines()[0] == "9 notes in 2,40 s"
    # The table copied for a spreadsheet keeps its decimal points.
    assert found.text().splitlines()[2].startswith("0.100\t0.150\t")


def test_similarity_scores_shown_use_a_comma_but_the_copied_table_does_not(qtbot, german):
    view = shown(qtbot, create_view(type(three())), 800, 600)
    view.show_result(three(), None)
    assert view.headline.text() == "Most alike: 1 and 2 (0,72)"
    assert view.grid.item(0, 1).text() == "0,72" and view.grid.item(2, 0).text() == "-0,08"
    assert "\n0,719<" in view.grid.item(0, 1).toolTip()
    assert score_item(0.5, "").text() == "0,50"
    view.action_buttons()[0].click()
    assert QGuiApplication.clipboard().text().splitlines()[1] == "1\t1.000\t0.719\t-0.078"


def test_a_sound_given_is_described_in_seconds_with_a_comma(german):
    sound = media.AudioData(np.zeros(55125, np.float32), 22050, "ding.wav")
    assert describe(sound) == "ding.wav: 2,5 s of sound at 22,05 kHz"
    text = media.TextData("x" * 1234, "notes.v1.2.txt")
    assert describe(text) == "notes.v1.2.txt: 1.234 characters"  # a file name keeps its dots
    assert clock(65.25) == "1:05,2"
    assert clock(65.25) == "1:05,2"  # the microphone's clock


def test_a_transcript_writes_its_times_the_german_way_and_keeps_the_model_s_words(german):
    row = sentence_row(Phrase(1.5, 3.0, "Version 2.5 is out."))
    assert row.startswith("   1,5 – 3,0 s") and row.endswith("Version 2.5 is out.")


def test_a_lesson_sentence_writes_its_decimals_the_german_way(german):
    said = describe_raw("scores", np.linspace(0.5, 2.5, 1000, dtype=np.float32).reshape(1, 1000))
    assert said.startswith("`scores`: 1 × 1.000 numbers from 0,5 to 2,5")
    assert "2,5 at position 999" in said


def test_english_is_unchanged():
    assert describe(media.AudioData(np.zeros(55125, np.float32), 22050, "ding.wav")) == \
        "ding.wav: 2.5 s of sound at 22.05 kHz"
    assert percent_text(0.042) == "4.2 %" and clock(65.25) == "1:05.2"


def test_a_graphs_tick_numbers_follow_the_language(qtbot, german):
    from playground.ui.widgets.plots import make_plot

    plot = make_plot("test", "ms", "run")
    qtbot.addWidget(plot)
    axis = plot.getPlotItem().getAxis("bottom")
    assert axis.tickStrings([0.5, 1.0, 1.5], 1.0, 0.5) == ["0,5", "1,0", "1,5"]
    words.install(None)
    assert axis.tickStrings([0.5, 1.0, 1.5], 1.0, 0.5) == ["0.5", "1.0", "1.5"]
