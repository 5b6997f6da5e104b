"""The notes view: the tune in the headline, a row and a bar per note, playback of the notes and the recording."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from playground import paths
from playground.core.results import Note, Notes
from playground.tasks.note_sound import key_hz
from playground.ui.views import create_view
from playground.ui.views.notes import NotesView
from playground.ui.widgets import audio
from playground.ui.widgets.piano_roll import NOTE, SELECTED, key_range, key_ticks
from tests.ui.fake_sound import FakeSoundDevice
from tests.ui.test_views import near, pixels, shown

RATE = 22050
ROW_S = 256 / RATE
MELODY = ((0.01, 0.57, 60, 261.7), (0.59, 1.16, 64, 329.9), (1.20, 1.77, 67, 392.3), (1.79, 2.37, 72, 523.6))


def notes_result(notes=MELODY, seconds: float = 2.4, heard: float = -1.0, loud: bool = True) -> Notes:
    t = np.arange(int(seconds * RATE)) / RATE
    samples = np.zeros(len(t), np.float32)
    activation = np.zeros((int(seconds * 86), 88), np.float32)
    for start, end, midi, hz in notes:
        on = (t >= start) & (t < end)
        samples[on] += (0.4 * np.sin(2 * np.pi * hz * t[on])).astype(np.float32) if loud else 0
        activation[int(start / ROW_S):int(end / ROW_S), midi - 21] = 0.7
    found = tuple(Note(s, e, m, 0.6, hz) for s, e, m, hz in notes)
    return Notes(samples, RATE, found, activation, np.zeros_like(activation), ROW_S, heard)


@pytest.fixture
def speakers(monkeypatch):
    monkeypatch.setattr(audio, "_library", FakeSoundDevice)


def rows(view) -> list[list[str]]:
    tree = view.note_list
    return [[tree.topLevelItem(i).text(c) for c in range(tree.columnCount())] for i in range(tree.topLevelItemCount())]


def roll_pixel(view, seconds: float, midi: float):
    roll = view.roll
    scene = roll.roll.vb.mapViewToScene(QPointF(seconds, midi))
    return roll.mapFromScene(scene)


def test_the_tune_is_named_listed_and_drawn_as_bars(qtbot, speakers):
    view = shown(qtbot, create_view(Notes), 1000, 560)
    view.show_result(notes_result(), None)
    assert view.headline.text() == "4 notes: C4 E4 G4 C5"
    assert rows(view)[0] == ["C4", "0.01", "0.57", "262"] and [r[0] for r in rows(view)] == ["C4", "E4", "G4", "C5"]
    assert view.play_notes_button.isEnabled() and view.play_recording_button.isEnabled()
    assert view.copy_button.isEnabled() and not view.play_note.isVisible()
    img = pixels(view.roll)
    for start, end, midi, _ in MELODY:
        inside = roll_pixel(view, (start + end) / 2, midi)
        assert near(img[inside.y(), inside.x()], NOTE, 30).all()
    between = roll_pixel(view, 1.0, 61)  # C#4 at 1 s: nothing there
    assert not near(img[between.y(), between.x()], NOTE, 60).all()
    low, high = view.roll.roll.viewRange()[1]
    assert (low, high) == (key_range(result_notes := notes_result().notes)[0] - 0.5,
                           key_range(result_notes)[1] + 0.5)


def test_the_keys_shown_frame_the_notes_and_are_named():
    assert key_range(notes_result().notes) == (58, 74)  # A#3 to D5: two spare keys each side
    assert key_range(notes_result(((0.0, 1.0, 69, 440.0),)).notes) == (62, 76)  # one note still gets 15 keys
    assert key_range(notes_result(((0.0, 1.0, 22, 29.1),)).notes) == (21, 35)  # never below A0
    assert key_range(()) == (48, 84)
    assert [name for _, name in key_ticks(58, 74)[0]][:3] == ["A#3", "B3", "C4"]
    assert [name for _, name in key_ticks(21, 108)[0]] == [f"C{octave}" for octave in range(1, 9)]


def test_choosing_a_row_outlines_its_note(qtbot, speakers):
    view = shown(qtbot, create_view(Notes), 1000, 560)
    view.show_result(notes_result(), None)
    assert view.selected_note() is None
    view.note_list.setCurrentItem(view.note_list.topLevelItem(2))
    assert view.selected_note().name == "G4"
    x0, = view.roll.selected.opts["x0"]
    assert x0 == pytest.approx(1.20)
    img = pixels(view.roll)
    edge = roll_pixel(view, 1.5, 67 + 0.4)
    assert near(img[edge.y() - 2:edge.y() + 3, edge.x()], SELECTED, 50).any()


def test_many_notes_are_summed_up_by_their_range(qtbot, speakers):
    many = tuple((0.2 * i, 0.2 * i + 0.15, 45 + i, key_hz(45 + i)) for i in range(20))
    view = shown(qtbot, create_view(Notes))
    view.show_result(notes_result(many, seconds=4.5), None)
    assert view.headline.text() == "20 notes from A2 to E4 in 4.5 s"
    assert len(rows(view)) == 20


def test_a_long_recording_fills_in_then_enables_its_buttons(qtbot, speakers):
    view = shown(qtbot, create_view(Notes), 1000, 560)
    view.show_partial(notes_result(MELODY[:2], heard=1.2))
    assert view.headline.text() == "Listening… 1.2 of 2.4 s, 2 notes so far"
    assert len(rows(view)) == 2
    assert not any(b.isEnabled() for b in (view.play_notes_button, view.play_recording_button, view.copy_button))
    first = view.note_list.topLevelItem(0)
    view.show_partial(notes_result(MELODY[:3], heard=1.8))
    assert len(rows(view)) == 3 and view.note_list.topLevelItem(0) is first  # added to, not rebuilt
    view.show_result(notes_result(), None)
    assert len(rows(view)) == 4 and view.play_notes_button.isEnabled()


@pytest.mark.parametrize("loud, words", [(False, "No notes: the recording is silent"),
                                         (True, "No notes found in 2.4 s")])
def test_no_notes_is_said_plainly(qtbot, speakers, loud, words):
    view = shown(qtbot, create_view(Notes))
    result = notes_result(())
    if loud:
        result = Notes(np.full(len(result.samples), 0.3, np.float32), RATE, (), result.activation,
                       result.onsets, ROW_S)
    view.show_result(result, None)
    assert view.headline.text() == words
    assert rows(view) == [["No notes found", "", "", ""]]
    assert not view.play_notes_button.isEnabled() and not view.copy_button.isEnabled()
    assert view.play_recording_button.isEnabled()


def test_the_notes_are_copied_as_a_table(qtbot, speakers):
    view = shown(qtbot, create_view(Notes))
    result = notes_result()
    view.show_result(result, None)
    QTest.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == result.text()
    assert view.message.text() == "Copied the notes."


def test_play_notes_plays_tones_at_the_keys_and_the_button_becomes_stop(qtbot, speakers, monkeypatch):
    view = shown(qtbot, create_view(Notes))
    result = notes_result()
    view.show_result(result, None)
    played = []

    def fake_play(samples, rate):
        played.append((samples, rate))
        view.player._sink = object()  # what a started sink looks like to the player
        view.player.playing_changed.emit(True)
        return ""

    monkeypatch.setattr(view.player, "play", fake_play)
    monkeypatch.setattr(view.player, "stop", lambda: None)
    view.play_notes_button.click()
    (clip, rate), = played
    assert rate == RATE and len(clip) == len(result.samples)
    g4 = clip[int(1.3 * RATE):int(1.3 * RATE) + 4096]
    spectrum = np.abs(np.fft.rfft(g4 * np.hanning(len(g4))))
    assert np.fft.rfftfreq(len(g4), 1 / RATE)[spectrum.argmax()] == pytest.approx(key_hz(67), abs=6)
    assert view.play_notes_button.text() == "■ Stop" and view.play_recording_button.text() == "▶ Play recording"
    assert view.roll.playheads[0].isVisible()
    view.player.position_changed.emit(0.8)
    assert view.roll.playheads[1].value() == pytest.approx(0.8)


def test_without_speakers_the_play_buttons_say_why_in_one_sentence(qtbot, monkeypatch):
    monkeypatch.setattr(audio, "_library", lambda: FakeSoundDevice(speaker=False))
    view = shown(qtbot, create_view(Notes))
    view.show_result(notes_result(), None)
    assert not view.play_notes_button.isEnabled() and not view.play_recording_button.isEnabled()
    assert view.play_note.isVisible() and view.play_note.text() == audio.NO_DEVICE
    assert view.copy_button.isEnabled()



def test_clear_empties_the_view(qtbot, speakers):
    view = shown(qtbot, create_view(Notes))
    view.show_result(notes_result(), None)
    view.clear()
    assert view.headline.text() == "" and rows(view) == []
    assert not view.play_notes_button.isEnabled() and len(view.roll.bars.opts["x0"]) == 0


@pytest.mark.models
def test_in_the_window_a_long_recording_fills_in_and_stops_when_asked(qtbot, make_window, require_model, tmp_path):
    require_model("basic-pitch")
    controller, window = make_window(model_id="basic-pitch")
    melody, rate = sf.read(paths.samples_dir() / "melody22k.wav", dtype="float32")
    sf.write(tmp_path / "long tune.wav", np.tile(melody, 40), rate, subtype="PCM_16")  # 96 s
    shown_partials: list[str] = []

    def on_progress(fraction: float, partial: object) -> None:
        view = window.result_area.current_view
        if isinstance(partial, Notes) and isinstance(view, NotesView):
            shown_partials.append(view.headline.text())

    controller.run_progressed.connect(on_progress)
    controller.set_input(tmp_path / "long tune.wav", "long tune.wav", "file")
    qtbot.waitUntil(lambda: len(shown_partials) >= 2, timeout=60_000)
    assert shown_partials[-1].startswith("Listening… ") and "of 96.0 s" in shown_partials[-1]
    with qtbot.waitSignal(controller.run_cancelled, timeout=10_000):
        controller.cancel()
    qtbot.waitUntil(lambda: not controller.busy, timeout=10_000)
    view = window.result_area.current_view
    assert view.headline.text().startswith("Stopped after ") and "of 96.0 s" in view.headline.text()
    assert not view.play_notes_button.isEnabled()  # what was heard so far stays on screen, not as a result
