"""The real capture path, on a machine with no sound card: a private PulseAudio server whose default
microphone hears what is played into a virtual speaker. The window records a known clip through
PortAudio, the model transcribes it, and the words must be the known ones."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from playground import paths
from tests.ui import pulse

ROOT = Path(__file__).resolve().parents[2]
pulse_server = pulse.pulse_server  # the fixture, for pytest to find here


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
