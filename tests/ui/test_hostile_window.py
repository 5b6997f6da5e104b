"""A share of the hostile corpus in the window: each input is opened as a person would, and the window shows a
result or one plain sentence, stays responsive, and never shows markup as anything but text."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from tests import hostile
from tests.test_hostile_corpus import MODEL, plain_sentence

pytestmark = pytest.mark.models
PICKED = {"image": ("bomb.png", "half.jpg", "drawing.eps", "cmyk.jpg", "nan.tif", "moving.gif", "zero-size.png"),
          "audio": ("liar.wav", "nan.wav", "absurd-rate.flac", "streamed.flac", "words.mp3", "hour.flac"),
          "text": ("broken.txt", "markup.txt", "bidi.txt", "big.txt", "picture.txt")}
ENTRIES = [e for e in hostile.entries() if e.name in PICKED[e.kind]]


def test_the_picked_inputs_exist():
    assert len(ENTRIES) == sum(len(names) for names in PICKED.values())


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.kind}-{e.name}")
def test_the_window_answers_each_input_in_one_sentence_and_stays_usable(make_window, require_model, tmp_path, entry):
    require_model(MODEL[entry.kind])
    path = tmp_path / entry.name
    path.write_bytes(entry.make())
    controller, window = make_window(model_id=MODEL[entry.kind])
    said: list[str] = []
    controller.result_ready.connect(lambda outcome: said.append("result"))
    controller.run_failed.connect(said.append)
    controller.input_rejected.connect(said.append)
    controller.set_input(path, path.name)
    if not said:
        controller.run()
    deadline = time.monotonic() + 60
    longest = 0.0
    while not said and time.monotonic() < deadline:
        started = time.monotonic()
        QApplication.processEvents()
        longest = max(longest, time.monotonic() - started)
        time.sleep(0.005)
    assert said, f"no answer to {entry.note}"
    assert said[0] == "result" or plain_sentence(said[0]), said[0]
    assert longest < 1.0, f"the window froze for {longest:.1f} s on {entry.note}"
    if said[0] != "result":
        shown = window.status.text() + window.result_area.hint.text() + window.input_panel.error.text()
        assert said[0] in shown or said[0].rstrip(".") in shown, f"'{said[0]}' is not on screen"
    assert not controller.busy
    for label in window.findChildren(QLabel):  # the input's words anywhere on screen are plain text
        if "<img" in label.text() or "<b>" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
