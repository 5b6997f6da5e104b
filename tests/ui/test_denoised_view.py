"""The noise removal view: what the two spectrograms, the estimates and the buttons show, and what saving writes."""

from __future__ import annotations

import os

import numpy as np
import pytest
import soundfile as sf
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from playground.core.results import Denoised
from playground.ui.views import create_view
from playground.ui.widgets import audio
from tests.ui.fake_sound import FakeSoundDevice
from tests.ui.test_views import pixels, press, shown, texts

RATE = 48000


def tone_under_noise(seconds: float = 3.0) -> Denoised:
    """A 500 Hz 'voice' in the second half of each second, under white noise; the cleaned one is the tone alone."""
    t = np.arange(int(seconds * RATE)) / RATE
    voice = np.where((t % 1.0) >= 0.5, 0.3 * np.sin(2 * np.pi * 500 * t), 0.0)
    noise = 0.05 * np.random.default_rng(0).standard_normal(len(t))
    frames = len(t) // 480 + 2
    return Denoised(samples=(voice + noise).astype(np.float32), cleaned=voice.astype(np.float32), sample_rate=RATE,
                    lsnr=np.zeros(frames, np.float32), frame_seconds=0.01, removed_share=0.1,
                    snr_before_db=9.5, pause_reduction_db=31.2)


def brightness(view, plot, seconds: float, khz: float) -> float:
    QApplication.processEvents()
    img = pixels(view.plots)
    point = view.plots.mapFromScene(plot.plot.vb.mapViewToScene(QPointF(seconds, khz)))
    return float(img[point.y() - 2:point.y() + 3, point.x() - 2:point.x() + 3].mean())


def test_the_estimates_are_said_in_plain_words_and_labelled_as_estimates(qtbot):
    view = shown(qtbot, create_view(Denoised), 1000, 720)
    view.show_result(tone_under_noise(), None)
    assert view.headline.text() == "Noise removed: between the words it is 31 dB quieter"
    shown_text = "\n".join(texts(view))
    assert "Where nobody speaks, the sound is 31 dB quieter (every 10 dB sounds about half as loud)." in shown_text
    assert "Overall, the cleaned sound has 10 % less energy than the recording: mostly noise taken away." in shown_text
    assert "the voice was about 10 dB louder than the noise" in shown_text
    assert "there is no clean recording to compare with" in shown_text
    assert not view.notes.isVisible()


def test_noise_is_bright_before_and_dark_after_while_the_voice_stays(qtbot):
    view = shown(qtbot, create_view(Denoised), 1000, 720)
    view.show_result(tone_under_noise(), None)
    noise_before, noise_after = (brightness(view, p, 0.25, 15.0) for p in (view.before, view.after))
    voice_before, voice_after = (brightness(view, p, 1.75, 0.5) for p in (view.before, view.after))
    assert noise_before > noise_after + 40  # the speckle of the noise is gone
    assert voice_after > noise_after + 100 and abs(voice_after - voice_before) < 60
    (x0, x1), (y0, y1) = view.after.plot.viewRange()
    assert (x0, x1) == pytest.approx((0.0, 3.0), abs=0.02) and (y0, y1) == pytest.approx((0.0, 24.0))
    assert view.after.plot.getAxis("left").labelText == "frequency (kHz)"
    assert view.after.plot.getAxis("bottom").labelText == "time (s)"


def test_a_silent_recording_says_there_is_nothing_to_remove(qtbot):
    view = shown(qtbot, create_view(Denoised))
    silent = Denoised(np.zeros(RATE, np.float32), np.zeros(RATE, np.float32), RATE, np.full(102, -15.0, np.float32),
                      0.01, 0.0, None, None, ("The recording is silent: there is no noise to remove.",))
    view.show_result(silent, None)
    assert view.headline.text() == "Nothing to remove: the recording is silent"
    assert view.notes.isVisible() and "no noise to remove" in view.notes.text()
    assert not view.figures.isVisible()


def test_without_speakers_both_play_buttons_say_why_in_one_sentence(qtbot, monkeypatch):
    monkeypatch.setattr(audio, "_library", lambda: FakeSoundDevice(speaker=False))
    view = shown(qtbot, create_view(Denoised))
    view.show_result(tone_under_noise(), None)
    assert not view.play_original.isEnabled() and not view.play_cleaned.isEnabled()
    assert view.play_note.isVisible() and view.play_note.text() == audio.NO_DEVICE
    view._play_cleaned_clicked()  # a stray call must not crash either
    assert view.message.text() == audio.NO_DEVICE


def test_playing_one_version_turns_its_button_into_stop_and_moves_the_playhead(qtbot, monkeypatch):
    monkeypatch.setattr(audio, "_library", FakeSoundDevice)
    view = shown(qtbot, create_view(Denoised))
    played = []

    def play(samples, rate):
        played.append((samples, rate))
        view.player._sink = object()
        view.player.playing_changed.emit(True)
        return ""

    def stop():
        if view.player._sink is not None:
            view.player._sink = None
            view.player.playing_changed.emit(False)

    monkeypatch.setattr(view.player, "play", play)
    monkeypatch.setattr(view.player, "stop", stop)
    result = tone_under_noise()
    view.show_result(result, None)
    qtbot.mouseClick(view.play_cleaned, Qt.MouseButton.LeftButton)
    assert played[-1][0] is result.cleaned and played[-1][1] == RATE
    assert view.play_cleaned.text() == "■ Stop" and view.play_original.text() == "▶ Play original"
    view.player.position_changed.emit(1.25)
    assert view.after.playhead.isVisible() and view.before.playhead.value() == pytest.approx(1.25)
    qtbot.mouseClick(view.play_original, Qt.MouseButton.LeftButton)  # switches to the other version
    assert played[-1][0] is result.samples and view.play_original.text() == "■ Stop"
    assert view.play_cleaned.text() == "▶ Play cleaned"
    qtbot.mouseClick(view.play_original, Qt.MouseButton.LeftButton)
    assert view.play_original.text() == "▶ Play original" and not view.after.playhead.isVisible()


def test_saving_writes_the_cleaned_recording_whole_with_normal_permissions(qtbot, tmp_path):
    view = shown(qtbot, create_view(Denoised))
    result = tone_under_noise()
    view.show_result(result, None)
    assert view.save_to(str(tmp_path / "quiet"))  # the .wav is added
    target = tmp_path / "quiet.wav"
    back, rate = sf.read(target, dtype="float32")
    assert rate == RATE and len(back) == len(result.cleaned)
    assert np.abs(back - result.cleaned).max() <= 1 / 32768 + 1e-7
    assert sf.info(target).subtype == "PCM_16"
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quiet.wav"]  # nothing half-written beside it
    assert view.message.text() == "Saved the cleaned recording to “quiet.wav”."


def test_saving_into_a_missing_folder_or_before_a_result_says_what_to_do(qtbot, tmp_path):
    view = shown(qtbot, create_view(Denoised))
    assert not view.save_to(str(tmp_path / "out.wav"))
    assert view.message.text() == "There is no cleaned recording to save yet; run the model first."
    view.show_result(tone_under_noise(), None)
    assert not view.save_to(str(tmp_path / "missing" / "out.wav"))
    assert "does not exist; choose another folder" in view.message.text()


def test_copy_puts_the_estimates_on_the_clipboard_and_clear_empties_the_view(qtbot):
    view = shown(qtbot, create_view(Denoised))
    view.show_result(tone_under_noise(), None)
    press(view, "Copy summary")
    assert QApplication.clipboard().text().startswith("Noise removal on 3.00 s at 48 kHz")
    assert view.message.text() == "Copied the summary."
    view.clear()
    assert view.headline.text() == "" and not view.figures.isVisible()
    assert view.action_buttons() and not any(b.isEnabled() for b in view.action_buttons())


def test_a_repeat_run_on_the_same_recording_does_not_redo_the_spectrograms(qtbot, monkeypatch):
    from playground.ui.views import denoised

    calls = []
    real = denoised.spectrogram_db
    monkeypatch.setattr(denoised, "spectrogram_db", lambda *a: calls.append(1) or real(*a))
    view = shown(qtbot, create_view(Denoised))
    first = tone_under_noise()
    view.show_result(first, None)
    again = Denoised(first.samples.copy(), first.cleaned.copy(), RATE, first.lsnr, 0.01, 0.1, 9.5, 31.2)
    view.show_result(again, None)
    assert len(calls) == 2
    view.show_result(tone_under_noise(2.0), None)
    assert len(calls) == 4
