"""The transcript view: what was said in large text, the pieces with times, copy and save; nothing heard said so."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QGuiApplication

from playground.core.results import Phrase, Transcript
from playground.ui.views import create_view


def test_the_transcript_is_shown_copied_and_saved(qtbot, tmp_path):
    view = create_view(Transcript)
    qtbot.addWidget(view)
    result = Transcript(np.zeros(16000 * 4, np.float32), 16000, (Phrase(0.0, 4.0, "Hello there."),))
    view.show_result(result, None)
    assert view.headline.text() == "What was said in 4.0 s"
    assert view.text.toPlainText() == "Hello there." and view.pieces.item(0).text().endswith("Hello there.")
    view.copy_button.click()
    assert QGuiApplication.clipboard().text() == "Hello there."
    assert view.save_to(str(tmp_path / "said"))
    assert (tmp_path / "said.txt").read_text(encoding="utf-8") == "Hello there.\n"


def test_nothing_heard_is_said_plainly_with_nothing_to_copy(qtbot):
    view = create_view(Transcript)
    qtbot.addWidget(view)
    view.show_result(Transcript(np.zeros(16000, np.float32), 16000, ()), None)
    assert view.headline.text() == "No words were heard"
    assert not view.copy_button.isEnabled()
