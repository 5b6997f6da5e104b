"""Sound without a sound card: a stand-in for the sounddevice library checks what the microphone and the player do
with each thing a device can do (refuse, record in another format, vanish, hang), and PortAudio's thread never
reaches a widget."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QThread

from playground.ui import sound
from playground.ui.microphone import BLOCK_MS, LOST, STALL_S, Microphone
from playground.ui.sound import NO_MICROPHONE, NO_SPEAKER
from playground.ui.sound_streams import Capture, Feed, release
from playground.ui.widgets import audio
from playground.ui.widgets.audio import ClipPlayer
from tests.ui.fake_sound import FakeSoundDevice
from tests.ui.pulse import main_frequency


def sine(hz: float, seconds: float, rate: int, amplitude: float = 0.5) -> np.ndarray:
    return (amplitude * np.sin(2 * np.pi * hz * np.arange(int(seconds * rate)) / rate)).astype(np.float32)


@pytest.fixture(autouse=True)
def no_open_streams():
    yield
    sound._state["open"] = 0  # a stream a failed test left open must not stop another test's rescan


def test_without_portaudio_recording_and_playing_say_what_to_install(qtbot, monkeypatch):
    microphone = Microphone(library=lambda: None)
    assert microphone.problem == sound.missing("Recording")
    assert microphone.start() == sound.missing("Recording") and not microphone.recording
    monkeypatch.setattr(sound.sys, "platform", "linux")
    assert "sudo apt-get install libportaudio2" in sound.missing("Recording")
    monkeypatch.setattr(audio, "_library", lambda: None)
    player = ClipPlayer()
    assert player.problem() == audio.NO_LIBRARY
    assert player.play(np.zeros(100, np.float32), 16_000) == audio.NO_LIBRARY and not player.playing


def test_a_machine_without_portaudio_is_told_which_package_to_install():
    # sounddevice's own import, with the system's PortAudio nowhere to be found (as before apt-get install).
    code = ("import ctypes.util\n"
            "ctypes.util.find_library = lambda name: None\n"
            "from playground.ui import sound\n"
            "print(sound.library() is None)\n"
            "print(sound.problem(sound.library(), 'input', 'Recording'))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.splitlines() == ["True", sound.NO_PORTAUDIO.format(what="Recording")]


def test_no_microphone_and_no_speaker_are_said_before_anything_opens(qtbot, monkeypatch):
    sd = FakeSoundDevice(microphone=False, speaker=False)
    assert Microphone(library=lambda: sd).start() == NO_MICROPHONE
    monkeypatch.setattr(audio, "_library", lambda: sd)
    assert ClipPlayer().play(np.zeros(100, np.float32), 16_000) == NO_SPEAKER == audio.NO_DEVICE
    assert sd.streams == []


def test_a_stereo_48k_microphone_is_heard_as_mono_16k_blocks_in_the_gui_thread(qtbot):
    sd = FakeSoundDevice(rates=(48_000,), channels=(2,))
    microphone = Microphone(library=lambda: sd)
    blocks, threads = [], []
    microphone.block.connect(lambda b: (blocks.append(b), threads.append(QThread.currentThread())))
    assert microphone.start() == ""
    stream, = sd.streams
    assert (stream.rate, stream.channels) == (48_000, 2)  # asked for what the device takes
    tone = sine(440.0, 1.0, 48_000)
    stereo = np.stack([tone, tone], axis=1)

    def portaudio_thread():
        for i in range(0, len(stereo), 2400):
            stream.send(stereo[i:i + 2400])

    worker = threading.Thread(target=portaudio_thread)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(blocks) > 0, timeout=2000)
    microphone.stop()
    heard = np.concatenate(blocks)
    assert all(b.dtype == np.float32 and b.ndim == 1 for b in blocks)
    assert len(heard) == pytest.approx(16_000, abs=64)
    assert main_frequency(heard[2000:14000]) == pytest.approx(440.0, abs=2.0)
    assert np.sqrt(np.mean(heard[2000:14000] ** 2)) == pytest.approx(0.5 / np.sqrt(2), rel=0.02)
    assert set(threads) == {QThread.currentThread()}
    assert stream.closed and sound._state["open"] == 0


@pytest.mark.parametrize("refusal, sentence", [
    ("Error starting stream: Device unavailable [PaErrorCode -9985]", "The microphone could not be opened"),
    ("Error opening InputStream: Unanticipated host error [PaErrorCode -9999]: 'Permission denied' [ALSA error -13]",
     "The playground is not allowed to use the microphone"),
])
def test_a_microphone_that_refuses_to_open_is_said_plainly(qtbot, refusal, sentence):
    sd = FakeSoundDevice()
    sd.refuse = refusal
    microphone = Microphone(library=lambda: sd)
    said = microphone.start()
    assert said.startswith(sentence) and said.endswith(".") and "PaErrorCode" not in said
    assert not microphone.recording and sd.streams[0].closed and sound._state["open"] == 0


def test_a_microphone_lost_mid_recording_hands_over_what_it_heard_and_says_so_once(qtbot):
    sd = FakeSoundDevice()
    microphone = Microphone(library=lambda: sd)
    blocks, failures = [], []
    microphone.block.connect(blocks.append)
    microphone.failed.connect(failures.append)
    assert microphone.start() == ""
    stream, = sd.streams
    stream.send(sine(440.0, 0.5, 16_000))
    threading.Thread(target=stream.lose).start()  # PortAudio's thread notices the device is gone
    qtbot.waitUntil(lambda: bool(failures), timeout=2000)
    assert failures == [LOST] and not microphone.recording
    assert sum(len(b) for b in blocks) == 8000  # the half second before the loss is kept
    qtbot.wait(3 * BLOCK_MS)
    assert failures == [LOST]


def test_a_microphone_that_goes_silent_for_good_is_called_lost(qtbot):
    sd = FakeSoundDevice()
    now = [100.0]
    microphone = Microphone(library=lambda: sd, clock=lambda: now[0])
    failures = []
    microphone.failed.connect(failures.append)
    assert microphone.start() == ""
    now[0] += STALL_S - 1  # the first block of a new input may take a while
    qtbot.wait(3 * BLOCK_MS)
    assert failures == [] and microphone.recording
    now[0] += 2
    qtbot.waitUntil(lambda: bool(failures), timeout=2000)
    assert failures == [LOST] and not microphone.recording


def test_the_panel_meters_the_sound_and_says_a_lost_microphone_in_one_sentence(qtbot, make_window):
    controller, window = make_window(model_id="whisper-tiny-en-int8")
    panel = window.input_panel.mic_panel
    sd = FakeSoundDevice()
    panel.microphone.sd = sd
    panel.show()
    panel.record_button.click()
    assert panel.record_button.text() == "■ Stop" and panel.status.text() == "Recording… speak now."
    stream, = sd.streams
    stream.send(sine(440.0, 0.3, 16_000))
    qtbot.waitUntil(lambda: panel.level.value() > 0, timeout=2000)
    assert panel.level.format().endswith("dB")
    stream.lose()
    qtbot.waitUntil(lambda: panel.status.text() == LOST, timeout=2000)
    assert panel.record_button.text() == "● Record" and not panel.record_button.isChecked()
    assert panel.level.value() == 0


def test_the_panel_without_a_sound_library_says_why_and_stays_idle(qtbot, make_window):
    controller, window = make_window(model_id="whisper-tiny-en-int8")
    panel = window.input_panel.mic_panel
    panel.microphone.sd = None
    assert panel.problem == sound.missing("Recording")
    assert not panel.start()
    assert panel.status.text() == sound.missing("Recording") and not panel.record_button.isChecked()


def test_the_player_plays_a_clip_to_its_end_and_says_where_it_is(qtbot, monkeypatch):
    sd = FakeSoundDevice(rates=(48_000,), channels=(2,))
    monkeypatch.setattr(audio, "_library", lambda: sd)
    player = ClipPlayer()
    states, positions = [], []
    player.playing_changed.connect(states.append)
    player.position_changed.connect(positions.append)
    clip = sine(1000.0, 0.5, 16_000)
    assert player.play(clip, 16_000) == "" and states == [True]
    stream, = sd.streams
    assert (stream.rate, stream.channels) == (48_000, 2)
    pulled = []

    def portaudio_thread():
        while (out := stream.pull(1024)) is not None:
            pulled.append(out.copy())

    threading.Thread(target=portaudio_thread).start()
    qtbot.waitUntil(lambda: states == [True, False], timeout=3000)
    played = np.concatenate(pulled)
    assert (played[:, 0] == played[:, 1]).all()  # the same sound in both ears
    assert main_frequency(played[2000:20000, 0], 48_000) == pytest.approx(1000.0, abs=3.0)
    assert positions[-1] == pytest.approx(0.5, abs=0.03)
    assert stream.closed and not player.playing


def test_stop_silences_the_player_at_once(qtbot, monkeypatch):
    sd = FakeSoundDevice()
    monkeypatch.setattr(audio, "_library", lambda: sd)
    player = ClipPlayer()
    states = []
    player.playing_changed.connect(states.append)
    assert player.play(sine(440.0, 10.0, 16_000), 16_000) == ""
    player.stop()
    assert states == [True, False] and sd.streams[0].closed and not sd.streams[0].running
    assert player.play(np.zeros(10, np.float32), 0) == "This recording has no sample rate, so it cannot be played."


def test_a_clip_is_converted_as_it_is_played_and_never_past_full_scale():
    clip = np.array([0.0, 0.5, -0.5, 2.0, np.nan, -np.inf] * 1000, np.float32)
    same = Feed(clip, 16_000, 16_000)
    first = same.read(6)
    assert first.tolist() == [0.0, 0.5, -0.5, 1.0, 0.0, -1.0]
    tripled = Feed(sine(440.0, 1.0, 16_000), 16_000, 48_000)
    pieces = [tripled.read(1000) for _ in range(60)]
    assert all(len(p) == 1000 for p in pieces[:47]) and sum(len(p) for p in pieces) == 48_000
    assert main_frequency(np.concatenate(pieces)[4000:44000], 48_000) == pytest.approx(440.0, abs=2.0)
    loud = Feed(np.full(16_000, 3.0, np.float32), 16_000, 44_100)
    assert max(np.abs(loud.read(20_000)).max(), np.abs(loud.read(30_000)).max()) <= 1.0


def test_devices_are_read_afresh_only_with_no_stream_open_and_not_too_often():
    sd = FakeSoundDevice()
    sound._state["scanned"] = 0.0
    assert sound.rescan(sd, now=1000.0) and sd.restarts == 1
    assert not sound.rescan(sd, now=1000.0 + sound.RESCAN_S / 2) and sd.restarts == 1
    sound.opened()
    assert not sound.rescan(sd, now=2000.0) and sd.restarts == 1  # it would cut the stream off
    sound.closed()
    assert sound.rescan(sd, now=2000.0) and sd.restarts == 2


def test_a_sound_server_that_hangs_holds_the_window_no_longer_than_a_moment():
    sd = FakeSoundDevice()
    capture = Capture(sd, 16_000, 50)
    assert capture.open() == ""
    stream, = sd.streams
    stream.hang.clear()
    started = time.monotonic()
    assert not release(sd, stream, "stop", counted=True, wait_s=0.2)
    assert time.monotonic() - started < 1.0
    assert sound._state["open"] == 1  # still in PortAudio's hands: no restart under it
    stream.hang.set()
    deadline = time.monotonic() + 2
    while sound._state["open"] and time.monotonic() < deadline:
        time.sleep(0.01)
    assert sound._state["open"] == 0 and stream.closed
