"""At 1.5× and 2× (a high-DPI screen, QT_SCALE_FACTOR) the window still fits a 1024 × 640 screen in logical pixels
and draws at the screen's full resolution."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, sys, tempfile
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from playground.ui.app import build
from playground.ui.settings import Settings
controller, window = build(Settings(Path(tempfile.mkdtemp()) / "p.ini"), model_id="efficientnet-lite0")
window.show()
window.resize(1024, 640)
app.processEvents()
least = window.minimumSizeHint()
shot = window.grab()
print(json.dumps({"ratio": window.devicePixelRatioF(), "least": [least.width(), least.height()],
                  "shot": [shot.width(), shot.height()], "logical": [window.width(), window.height()]}))
controller.shutdown(5.0)
"""


@pytest.mark.parametrize("factor", ["1.5", "2"])
def test_a_high_dpi_screen_draws_sharp_and_the_window_still_fits_a_small_screen(factor: str) -> None:
    env = {**os.environ, "QT_SCALE_FACTOR": factor, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    facts = json.loads(out.stdout.strip().splitlines()[-1])
    assert facts["ratio"] == pytest.approx(float(factor))
    assert facts["least"][0] <= 1024 and facts["least"][1] <= 640  # logical pixels, as at 1×
    # The picture of the window has the screen's pixels, not the logical ones blown up afterwards.
    assert facts["shot"][0] == pytest.approx(facts["logical"][0] * float(factor), abs=2)
