"""The microphone: the button says when there is none; recording shows loudness and speech live; Stop runs
the model on the recording (push-to-talk), and live mode runs it on each utterance as soon as it ends."""

from __future__ import annotations

import pytest
import soundfile as sf

from playground import paths
from playground.ui import sound
from playground.ui.microphone import NO_MICROPHONE
from tests.ui.fake_sound import FakeSoundDevice

KWS = "Hey Jarvis. Alexa. What is the weather today?"


def fake_device(panel, monkeypatch) -> None:
    """A microphone that is there and takes no time to open; the test hands it the sound."""
    monkeypatch.setattr(panel.microphone, "start", lambda: "")
    monkeypatch.setattr(panel.microphone, "stop", lambda: None)


def say(qtbot, panel, name: str, block: int = 800) -> None:
    samples, _ = sf.read(paths.samples_dir() / name, dtype="float32")
    for i in range(0, len(samples), block):
        panel.heard(samples[i:i + block])
        qtbot.wait(1)  # the window keeps living while it listens: finished runs hand over the next utterance


@pytest.mark.parametrize("library, sentence", [(lambda: None, sound.missing("Recording")),
                                               (lambda: FakeSoundDevice(microphone=False), NO_MICROPHONE)])
def test_the_microphone_button_says_when_there_is_none_and_is_absent_for_pictures(make_window, require_model,
                                                                                  monkeypatch, library, sentence):
    require_model("whisper-tiny-en-int8")
    monkeypatch.setattr(sound, "library", library)
    controller, window = make_window(model_id="whisper-tiny-en-int8")
    panel, button = window.input_panel.mic_panel, window.input_panel.mic_button
    assert button.isVisible()
    assert panel.problem == sentence  # said on the button itself, before anyone presses it
    assert button.text() == "No microphone" and not button.isEnabled()
    assert button.toolTip() == sentence
    require_model("centerface")
    controller.select_model("centerface")
    assert not button.isVisible() and not panel.isVisible()


def test_the_microphone_button_is_offered_when_there_is_one(make_window, require_model, monkeypatch):
    require_model("whisper-tiny-en-int8")
    monkeypatch.setattr(sound, "library", FakeSoundDevice)
    controller, window = make_window(model_id="whisper-tiny-en-int8")
    button = window.input_panel.mic_button
    assert button.isVisible() and button.isEnabled() and button.text() == "Microphone"


@pytest.mark.models
def test_push_to_talk_shows_loudness_and_speech_then_transcribes_the_recording(qtbot, make_window, require_model,
                                                                               monkeypatch):
    require_model("whisper-tiny-en-int8")
    controller, window = make_window(model_id="whisper-tiny-en-int8")
    panel = window.input_panel.mic_panel
    fake_device(panel, monkeypatch)
    panel.show()
    panel.record_button.click()
    assert panel.record_button.text() == "■ Stop" and panel.status.text() == "Recording… speak now."
    say(qtbot, panel, "kws_test16k.wav", block=8000)
    assert panel.time_label.text() == "0:11.4"
    assert panel.curve.getData()[1].max() > 0.9  # the speech graph rose while "what is the weather today" was said
    assert controller.last_outcome is None  # nothing runs until Stop
    panel.record_button.click()
    assert panel.record_button.text() == "● Record" and panel.status.text() == "Recorded 0:11.4."
    qtbot.waitUntil(lambda: controller.last_outcome is not None and not controller.busy, timeout=30_000)
    assert controller.last_outcome.result.text == KWS
    assert window.input_panel.current.text().startswith("Input: your recording: 11.4 s of sound")


@pytest.mark.models
def test_live_mode_transcribes_each_utterance_while_recording_goes_on(qtbot, make_window, require_model,
                                                                       monkeypatch):
    require_model("whisper-tiny-en-int8")
    require_model("silero-vad")
    controller, window = make_window(model_id="whisper-tiny-en-int8")
    panel = window.input_panel.mic_panel
    fake_device(panel, monkeypatch)
    panel.show()
    panel.live_box.setChecked(True)
    panel.record_button.click()
    say(qtbot, panel, "vad_test16k.wav")  # speech at 1.5–5.3 and 7.3–10.5 s of 12 s
    assert panel.listener is not None  # still recording: the utterances went while it listened
    qtbot.waitUntil(lambda: panel.live_list.count() == 2, timeout=60_000)
    rows = [panel.live_list.item(i).text() for i in range(2)]
    assert rows == ["0:01.1   Hello, this is a test of voice activity detection.",
                    "0:06.8   After a short pause, I am speaking again."]
    panel.record_button.click()
    qtbot.wait(200)
    assert panel.live_list.count() == 2  # a stop in the pause after the last utterance sends nothing more
