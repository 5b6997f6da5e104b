"""The transcript view: what was said in large text, each sentence with its time, playback that seeks to a
sentence, copy, save as text or subtitles; nothing heard said so."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication

from playground.core.results import Phrase, Transcript
from playground.ui.views import create_view
from playground.ui.widgets import audio
from tests.ui.test_views import shown

RATE = 16000
SAID = (Phrase(1.24, 2.73, "Hey Jarvis."), Phrase(4.57, 5.77, "Alexa."), Phrase(7.57, 9.77, "What is the weather today?"))


def kws_like() -> Transcript:
    t = np.arange(int(11.4 * RATE)) / RATE
    speech = np.zeros(len(t), bool)
    for p in SAID:
        speech |= (t >= p.start + 0.3) & (t < p.end - 0.2)
    return Transcript(np.where(speech, 0.3 * np.sin(2 * np.pi * 220 * t), 0).astype(np.float32), RATE, SAID)


class FakePlayer:
    """Stands in for the sound device: records what was played and lets the test move the playhead."""

    def __init__(self, view) -> None:
        self.view, self.clips = view, []
        view.player.problem = lambda: ""
        view.player.play = self.play
        view.player.stop = self.stop

    def play(self, samples, rate) -> str:
        self.clips.append((len(samples), rate))
        self.view.player._sink = object()  # "playing"
        self.view.player.playing_changed.emit(True)
        return ""

    def stop(self) -> None:
        if self.view.player._sink is not None:
            self.view.player._sink = None
            self.view.player.playing_changed.emit(False)


def test_the_transcript_is_shown_sentence_by_sentence_copied_and_saved(qtbot, tmp_path):
    view = shown(qtbot, create_view(Transcript), 900, 640)
    view.show_result(kws_like(), None)
    assert view.headline.text() == "What was said in 11.4 s"
    assert not hasattr(view, "text")  # the sentences are the transcript: the text is not shown a second time
    assert [view.pieces.item(i).text() for i in range(3)] == [
        "   1.2 – 2.7 s    Hey Jarvis.", "   4.6 – 5.8 s    Alexa.", "   7.6 – 9.8 s    What is the weather today?"]
    view.copy_button.click()
    assert QGuiApplication.clipboard().text() == "Hey Jarvis. Alexa. What is the weather today?"
    assert view.save_to(str(tmp_path / "said"))
    assert (tmp_path / "said.txt").read_text(encoding="utf-8") == "Hey Jarvis. Alexa. What is the weather today?\n"
    assert view.save_to(str(tmp_path / "said.srt")) and view.message.text() == "Saved the subtitles to “said.srt”."
    assert (tmp_path / "said.srt").read_text(encoding="utf-8").split("\n\n")[:2] == [
        "1\n00:00:01,240 --> 00:00:02,730\nHey Jarvis.", "2\n00:00:04,570 --> 00:00:05,770\nAlexa."]
    assert not view.save_to(str(tmp_path / "missing" / "said.txt"))
    assert "does not exist" in view.message.text()


def test_clicking_a_sentence_plays_from_its_start_and_the_playhead_lights_up_what_is_heard(qtbot):
    view = shown(qtbot, create_view(Transcript), 900, 640)
    player = FakePlayer(view)
    view.show_result(kws_like(), None)
    assert view.play_button.isEnabled() and view.play_button.text() == "▶ Play"
    rect = view.pieces.visualItemRect(view.pieces.item(1))
    qtbot.mouseClick(view.pieces.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert player.clips == [(int(11.4 * RATE) - int(4.57 * RATE), RATE)]  # from "Alexa." to the end
    assert view.play_button.text() == "■ Stop"
    view.player.position_changed.emit(3.2)  # 4.57 + 3.2 s: inside "What is the weather today?"
    assert view.wave.playhead.isVisible() and view.wave.playhead.value() == pytest.approx(7.77)
    assert view.pieces.currentRow() == 2
    view.play_button.click()
    assert not view.player.playing and not view.wave.playhead.isVisible() and view.play_button.text() == "▶ Play"
    view.play_from(0.0)
    assert player.clips[-1] == (int(11.4 * RATE), RATE)


def test_a_click_on_the_waveform_plays_from_there(qtbot):
    view = shown(qtbot, create_view(Transcript), 900, 640)
    player = FakePlayer(view)
    view.show_result(kws_like(), None)
    plot = view.wave.plot
    point = plot.mapFromScene(plot.getPlotItem().vb.mapViewToScene(QPointF(6.0, 0.0)))  # 6 s, mid-height
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert len(player.clips) == 1
    assert player.clips[0][0] == pytest.approx(int(11.4 * RATE) - 6.0 * RATE, abs=0.15 * RATE)


def test_nothing_heard_is_said_plainly_with_nothing_to_copy_or_save(qtbot, tmp_path):
    view = shown(qtbot, create_view(Transcript))
    view.show_result(Transcript(np.zeros(RATE, np.float32), RATE, ()), None)
    assert view.headline.text() == "No words were heard"
    assert not view.copy_button.isEnabled() and view.pieces.count() == 0
    assert view.empty.isVisible() and view.empty.text().startswith("The recording has no speech")
    assert not view.save_to(str(tmp_path / "said.txt")) and not (tmp_path / "said.txt").exists()


def test_without_a_sound_device_play_is_off_and_the_reason_is_written(qtbot, monkeypatch):
    monkeypatch.setattr(audio, "_library", lambda: None)
    view = shown(qtbot, create_view(Transcript))
    view.show_result(kws_like(), None)
    assert not view.play_button.isEnabled()
    assert view.play_note.isVisible() and view.play_note.text() == audio.NO_LIBRARY
    view.play_from(1.0)  # a click on a sentence must not crash either
    assert view.message.text() == audio.NO_LIBRARY


def test_a_recording_read_from_its_file_is_drawn_from_its_envelope_and_played_from_the_file(qtbot, tmp_path):
    import soundfile as sf

    from playground.core.media.long_audio import LongAudio

    minutes = np.zeros(20 * 60 * RATE // 10, np.int16)  # 20 minutes at a tenth of the rate keeps the file small
    sf.write(tmp_path / "meeting.wav", minutes, RATE // 10, subtype="PCM_16")
    long = LongAudio(tmp_path / "meeting.wav", RATE, "meeting.wav", RATE // 10, 1, len(minutes))
    t = np.linspace(0, 1200, 3000)
    said = (Phrase(1.2, 2.7, "Hey Jarvis."), Phrase(606.2, 607.7, "Alexa."))
    result = Transcript(np.zeros(0, np.float32), RATE, said, long, (t, -0.1 * np.ones(3000), 0.1 * np.ones(3000)))
    view = shown(qtbot, create_view(Transcript), 900, 640)
    player = FakePlayer(view)
    view.show_result(result, long)
    from playground.ui.panels.input_panel import describe

    assert describe(long) == "meeting.wav: 20 minutes of sound at 16 kHz"
    assert view.headline.text() == "What was said in 20:00.0"
    assert [view.pieces.item(i).text() for i in range(2)] == ["   0:01.2 – 0:02.7    Hey Jarvis.",
                                                              "  10:06.2 – 10:07.7    Alexa."]
    assert view.wave.duration == 1200.0 and view.play_button.isEnabled()
    view.pieces.itemClicked.emit(view.pieces.item(1))
    assert player.clips == [(300 * RATE, RATE)]  # five minutes from "Alexa.", read from the file
    view.player.position_changed.emit(0.5)
    assert view.wave.playhead.value() == pytest.approx(606.7) and view.pieces.currentRow() == 1


def test_a_stop_while_writing_keeps_the_sentences_and_says_they_are_not_all(qtbot):
    view = shown(qtbot, create_view(Transcript), 900, 640)
    full = kws_like()
    view.show_partial(Transcript(full.samples, RATE, full.phrases[:1]))
    assert view.headline.text() == "Writing down what was said…"
    view.show_stopped()
    assert view.headline.text() == "Stopped: 1 sentence written down before the Stop"
    assert view.copy_button.isEnabled() and view.pieces.count() == 1
    view.show_result(full, None)
    view.show_stopped()  # a finished answer is left as it is
    assert view.headline.text() == "What was said in 11.4 s"


def test_the_words_the_model_was_unsure_of_are_underlined_said_and_counted(qtbot):
    from playground.ui import theme
    from playground.ui.widgets.images import rgba_from_qimage
    from playground.ui.widgets.unsure_text import UNSURE_ROLE, unsure_spans

    said = (Phrase(0.0, 3.1, "The quick roundfark stump, sober, lazy dog.", ("roundfark", "lazy")),
            Phrase(3.5, 8.1, "Please call stellar.", ()))
    view = shown(qtbot, create_view(Transcript), 900, 640)
    view.show_result(Transcript(np.zeros(int(8.1 * RATE), np.float32), RATE, said), None)
    assert view.headline.text() == "What was said in 8.1 s — 2 words it was unsure of, underlined"
    first, second = view.pieces.item(0), view.pieces.item(1)
    assert first.data(UNSURE_ROLE) == ("roundfark", "lazy") and second.data(UNSURE_ROLE) == ()
    assert first.data(Qt.ItemDataRole.AccessibleTextRole).endswith("(unsure of: roundfark, lazy)")
    assert "unsure of: roundfark, lazy" in first.toolTip()
    assert unsure_spans("a lazy lazy dog", ("lazy", "lazy")) == [(2, 4), (7, 4)]
    assert unsure_spans("flamestore", ("store",)) == []  # whole words only
    # The row is painted with the remark colour where the words are; the clear row has none of it.
    pixels = rgba_from_qimage(view.pieces.viewport().grab().toImage())[..., :3].astype(int)
    remark = theme.colour("remark")
    near = np.abs(pixels - [remark.red(), remark.green(), remark.blue()]).max(axis=-1) <= 40
    first_rect, second_rect = view.pieces.visualItemRect(first), view.pieces.visualItemRect(second)
    ratio = view.pieces.viewport().devicePixelRatioF()
    rows = lambda r: near[int(r.top() * ratio):int(r.bottom() * ratio)]  # noqa: E731
    assert rows(first_rect).sum() > 30 and rows(second_rect).sum() == 0
