"""The real capture path, on a machine with no sound card: a private PulseAudio server whose default
microphone hears what is played into a virtual speaker. The window records a known clip through
QtMultimedia, the model transcribes it, and the words must be the known ones."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from playground import paths, system
from playground.ui.multimedia import multimedia, not_installed

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pulse_server(tmp_path):
    """A throwaway sound server: a silent virtual speaker, and a virtual microphone listening to it."""
    if not (shutil.which("pulseaudio") and shutil.which("pactl") and shutil.which("paplay")):
        pytest.skip("PulseAudio is not installed here (Debian: apt-get install pulseaudio pulseaudio-utils)")
    missing = system.missing_packages({**system.OFFSCREEN, **system.MEDIA})
    if missing:
        pytest.skip(system.advice(missing, "the microphone"))
    if multimedia() is None:
        pytest.skip(not_installed("Recording from the microphone"))
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = dict(os.environ, XDG_RUNTIME_DIR=str(runtime), PULSE_RUNTIME_PATH=str(runtime / "pulse"),
               HOME=str(tmp_path))
    env.pop("PULSE_SERVER", None)
    subprocess.run(["pulseaudio", "--daemonize=yes", "--exit-idle-time=-1", "-n", "--log-target=stderr",
                    "--load=module-native-protocol-unix",
                    "--load=module-null-sink sink_name=speaker rate=16000 channels=1",
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


@pytest.mark.models
def test_the_window_records_a_voice_through_the_sound_server_and_transcribes_it(pulse_server, require_model):
    require_model("whisper-tiny-en-int8")
    env = dict(pulse_server, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               PLAYGROUND_SETTINGS=str(Path(pulse_server["HOME"]) / "settings.ini"))
    wav = paths.samples_dir() / "vad_test16k.wav"  # 12 s: speech at 1.5–5.3 and 7.3–10.5 s
    done = subprocess.run([sys.executable, "-m", "tests.ui.microphone_probe", "whisper-tiny-en-int8", str(wav),
                           "13"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["button"] == "Microphone" and report["problem"] == ""
    assert report["status"] == "Recording… speak now."
    assert report["speech_peak"] > 80  # the live speech meter rose while the voice played
    assert report["recorded"].startswith("Recorded 0:1")  # about 13 s
    # The words of the known transcript. Its punctuation may differ: the sound server's resampling and the
    # moment recording began shift the sound by a fraction of a frame, and Whisper tiny's full stops are
    # that fragile (the file itself, decoded directly, gives the punctuation too: test_tasks_transcribe).
    assert words(report["text"]) == words("Hello, this is a test of voice activity detection. "
                                          "After a short pause, I am speaking again.")


def words(text: str | None) -> list[str]:
    return "".join(c for c in (text or "").lower() if c.isalnum() or c.isspace()).split()
