"""The real sound path, through PortAudio to a private PulseAudio server: the microphone hears a known tone as
mono 16 kHz float blocks, a clip played to the virtual speaker arrives there and finishes, and a server that
goes away mid-recording is said in one sentence."""

from __future__ import annotations

import subprocess

import numpy as np
import pytest
from PySide6.QtCore import QThread

from playground.ui import sound
from playground.ui.microphone import LOST, Microphone
from playground.ui.sound_streams import Capture
from playground.ui.widgets import audio
from playground.ui.widgets.audio import ClipPlayer
from tests.ui import pulse
from tests.ui.pulse import RATE, main_frequency, tone

pulse_server, pulse_here = pulse.pulse_server, pulse.pulse_here  # the fixtures, for pytest to find here


def test_the_microphone_hears_a_tone_played_into_it_as_mono_16k_float_blocks(qtbot, pulse_here, tmp_path):
    microphone = Microphone()
    blocks, threads = [], []
    microphone.block.connect(lambda b: (blocks.append(b), threads.append(QThread.currentThread())))
    assert microphone.problem == ""
    assert microphone.start() == ""
    assert microphone.recording
    qtbot.waitUntil(lambda: len(blocks) > 0, timeout=10_000)  # a new input's first block takes up to ~2 s
    blocks.clear()
    player = subprocess.run(["paplay", str(tone(tmp_path / "a440.wav", 440.0, 2.0))], env=pulse_here, timeout=30)
    assert player.returncode == 0
    microphone.stop()
    assert not microphone.recording
    assert all(b.dtype == np.float32 and b.ndim == 1 for b in blocks)
    heard = np.concatenate(blocks)
    assert 1.5 * RATE < len(heard) < 4.5 * RATE  # about the 2 s played, at 16 kHz (not 44.1 or 48)
    loud = heard[np.abs(heard) > 0.05]
    assert len(loud) > RATE  # the tone came through, not silence
    start = int(np.argmax(np.abs(heard) > 0.2))
    middle = heard[start + RATE // 4:start + RATE // 4 + RATE // 2]
    assert main_frequency(middle) == pytest.approx(440.0, abs=4.0)
    assert np.sqrt(np.mean(middle ** 2)) == pytest.approx(0.5 / np.sqrt(2), rel=0.1)  # a 0.5 sine, as played
    assert set(threads) == {QThread.currentThread()}  # emitted in the GUI thread, never in PortAudio's


def test_a_clip_played_to_the_speaker_arrives_there_and_the_player_sees_it_finish(qtbot, pulse_here, monkeypatch):
    monkeypatch.setattr(audio, "STALL_GRACE_MS", 60_000)  # only the real end of the clip may stop it here
    sd = sound.library()
    listener = Capture(sd, RATE, 50)  # the virtual microphone hears the virtual speaker
    assert listener.open() == ""
    qtbot.waitUntil(lambda: len(listener.take()) > 0, timeout=10_000)
    player = ClipPlayer()
    states, positions = [], []
    player.playing_changed.connect(states.append)
    player.position_changed.connect(positions.append)
    clip = (0.4 * np.sin(2 * np.pi * 1000.0 * np.arange(RATE) / RATE)).astype(np.float32)  # 1 s of 1 kHz
    assert player.problem() == ""
    assert player.play(clip, RATE) == ""
    assert player.playing and states == [True]
    heard = [listener.take()]
    qtbot.waitUntil(lambda: (heard.append(listener.take()), states == [True, False])[1], timeout=15_000)
    heard.append(listener.close())
    assert not player.playing
    assert positions[-1] == pytest.approx(1.0, abs=0.01)  # every sample was handed over before the end
    sound_heard = np.concatenate(heard)
    loud = sound_heard[np.abs(sound_heard) > 0.1]
    assert 0.8 * RATE < len(loud) < 1.2 * RATE
    start = int(np.argmax(np.abs(sound_heard) > 0.1))
    assert main_frequency(sound_heard[start + 1000:start + 1000 + RATE // 2]) == pytest.approx(1000.0, abs=4.0)


def test_a_sound_server_that_goes_away_mid_recording_is_said_in_one_sentence(qtbot, pulse_here):
    microphone = Microphone()
    blocks, failures = [], []
    microphone.block.connect(blocks.append)
    microphone.failed.connect(failures.append)
    assert microphone.start() == ""
    qtbot.waitUntil(lambda: len(blocks) > 2, timeout=10_000)
    subprocess.run(["pulseaudio", "--kill"], env=pulse_here, capture_output=True, timeout=30)
    qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
    assert failures == [LOST]
    assert not microphone.recording
    qtbot.wait(300)
    assert failures == [LOST]  # said once, not at every tick
