"""Run in its own process by test_microphone_capture.py: the window records from the default microphone
while a known recording plays into it, and prints what the model made of it as JSON.

    python -m tests.ui.microphone_probe MODEL_ID WAV SECONDS
"""

from __future__ import annotations

import json
import subprocess
import sys

from PySide6.QtCore import QElapsedTimer
from PySide6.QtWidgets import QApplication


def wait(app: QApplication, ms: int, until=lambda: False) -> None:  # noqa: ANN001
    clock = QElapsedTimer()
    clock.start()
    while clock.elapsed() < ms and not until():
        app.processEvents()
        QApplication.instance().thread().msleep(5)


def main() -> int:
    model_id, wav, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    from playground.ui.app import build
    from playground.ui.settings import Settings

    app = QApplication(sys.argv[:1])
    controller, window = build(Settings(), model_id=model_id)
    window.show()
    panel, button = window.input_panel.mic_panel, window.input_panel.mic_button
    report = {"button": button.text(), "problem": panel.problem}
    if panel.problem:
        print(json.dumps(report))
        return 0
    button.click()
    panel.record_button.click()
    report["status"] = panel.status.text()
    player = subprocess.Popen(["paplay", wav])
    peak = 0
    clock = QElapsedTimer()
    clock.start()
    while clock.elapsed() < seconds * 1000:
        wait(app, 50)
        peak = max(peak, panel.speech.value())
    player.wait(timeout=30)
    panel.record_button.click()
    report.update(recorded=panel.status.text(), speech_peak=peak)
    wait(app, 60_000, until=lambda: controller.last_outcome is not None and not controller.busy)
    outcome = controller.last_outcome
    report["text"] = outcome.result.text if outcome is not None else None
    controller.shutdown(10.0)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
