"""A private PulseAudio server for the sound tests (there is no sound card here): a silent virtual speaker, and
a virtual microphone that hears whatever is played into it."""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from playground.ui import sound

RATE = 16_000


@pytest.fixture
def pulse_server(tmp_path):
    """The server's environment (XDG_RUNTIME_DIR, PULSE_SERVER …) for a process that should use it."""
    if not (shutil.which("pulseaudio") and shutil.which("pactl") and shutil.which("paplay")):
        pytest.skip("PulseAudio is not installed here (Debian: apt-get install pulseaudio pulseaudio-utils)")
    if ctypes.util.find_library("portaudio") is None:
        # The app says so in one sentence (tests/ui/test_sound.py checks it); real sound needs the library.
        pytest.skip("PortAudio is not installed here (Debian: apt-get install libportaudio2)")
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = dict(os.environ, XDG_RUNTIME_DIR=str(runtime), PULSE_RUNTIME_PATH=str(runtime / "pulse"),
               HOME=str(tmp_path), PULSE_SERVER=f"unix:{runtime / 'pulse' / 'native'}")
    subprocess.run(["pulseaudio", "--daemonize=yes", "--exit-idle-time=-1", "-n", "--log-target=stderr",
                    "--load=module-native-protocol-unix",
                    f"--load=module-null-sink sink_name=speaker rate={RATE} channels=1",
                    "--load=module-remap-source master=speaker.monitor source_name=virtual_mic channels=1"],
                   env=env, check=True, capture_output=True, timeout=30)
    try:
        for _ in range(50):  # the daemon answers within a moment of forking
            if subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        subprocess.run(["pactl", "set-default-source", "virtual_mic"], env=env, check=True, timeout=10)
        subprocess.run(["pactl", "set-default-sink", "speaker"], env=env, check=True, timeout=10)
        yield env
    finally:
        subprocess.run(["pulseaudio", "--kill"], env=env, capture_output=True, timeout=30)


@pytest.fixture
def pulse_here(pulse_server):
    """The server, used by this test process itself: PortAudio is started again to find it, and again after."""
    names = ("XDG_RUNTIME_DIR", "PULSE_RUNTIME_PATH", "PULSE_SERVER")
    before = {name: os.environ.get(name) for name in names}
    os.environ.update({name: pulse_server[name] for name in names})
    sd = sound.library()
    if sd is not None:
        sound.rescan(sd, force=True)
    try:
        yield pulse_server
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        if sd is not None:
            sound.rescan(sd, force=True)  # later tests find the machine as it is: no sound device


def tone(path: Path, hz: float, seconds: float, amplitude: float = 0.5) -> Path:
    """A pure tone as a 16-bit WAV file, for paplay to play into the virtual speaker."""
    t = np.arange(int(seconds * RATE)) / RATE
    sf.write(path, (amplitude * np.sin(2 * np.pi * hz * t)).astype(np.float32), RATE, subtype="PCM_16")
    return path


def main_frequency(samples: np.ndarray, rate: int = RATE) -> float:
    """The strongest frequency in a stretch of sound, to within rate / len(samples) Hz."""
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    return float(np.fft.rfftfreq(len(samples), 1 / rate)[spectrum.argmax()])
