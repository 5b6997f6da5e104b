"""The real window on a real X server (Xvfb): it opens, runs a model, and the screen shows the result."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from playground import system

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.xvfb, pytest.mark.models]

# Runs in its own process on the X display: the window, one run, then a grab of the X screen itself
# (what a person would see), not of the widget tree.
CHILD = r"""
import sys, tempfile
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from playground.ui.app import application, build
from playground.ui.settings import Settings

out, sample = Path(sys.argv[1]), Path(sys.argv[2])
app = application()
with tempfile.TemporaryDirectory() as tmp:
    controller, window = build(Settings(Path(tmp) / "s.ini"), model_id="centerface")
    window.setGeometry(0, 0, 1280, 800)
    window.show()
    loop = QEventLoop()
    window.result_area.result_shown.connect(lambda _o: QTimer.singleShot(500, loop.quit))
    controller.run_failed.connect(lambda s: (print(s, file=sys.stderr), loop.exit(3)))
    QTimer.singleShot(30000, lambda: loop.exit(4))
    controller.set_input(sample, sample.name, "file")
    controller.run()
    code = loop.exec()
    if code:
        sys.exit(code)
    print(app.platformName())
    app.primaryScreen().grabWindow(0).save(str(out), "PNG")
    controller.shutdown()
"""


@pytest.fixture
def display():
    xvfb = shutil.which("Xvfb")
    if not xvfb:
        pytest.skip("Xvfb is not installed (Debian: sudo apt-get install xvfb)")
    # The same check the launcher makes before opening a window: a missing xcb library would make Qt
    # abort the child, which says nothing about the app.
    missing = system.missing_packages(system.DISPLAY)
    if missing:
        pytest.skip(system.advice(missing, "a window under Xvfb"))
    read, write = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_real_window_shows_the_faces_it_found(display, tmp_path, require_model):
    require_model("centerface")
    shot = tmp_path / "screen.png"
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "PLAYGROUND_SETTINGS": str(tmp_path / "settings.ini")}
    done = subprocess.run([sys.executable, "-c", CHILD, str(shot), str(ROOT / "assets/samples/astronaut.png")],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "xcb"
    pixels = np.asarray(Image.open(shot).convert("RGB")).astype(np.int16)
    assert pixels.shape == (800, 1280, 3)
    assert pixels.std() > 30, "the screen is blank"
    # The face box is drawn in amber; the astronaut photo itself has none of that colour. Only the left
    # two thirds are looked at: the graphs on the right use an orange of their own.
    left = pixels[:, : pixels.shape[1] * 2 // 3]
    r, g, b = left[..., 0], left[..., 1], left[..., 2]
    amber = (r > 220) & (g > 150) & (g < 215) & (b < 60)
    assert amber.sum() > 300, "no face box on the screen"
