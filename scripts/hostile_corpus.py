"""The long hostile-corpus run (`make corpus`): every input of tests/hostile.py through every installed model of
its kind, on the command line (time and peak memory of each run) and in the window (one model per kind, with
the event loop's lag). Prints a table and a summary; exits 1 if any run crashed, hung, or said more than one
sentence. The short version runs in the test command (tests/test_hostile_corpus.py).

    .venv/bin/python scripts/hostile_corpus.py [--models ID,ID] [--no-window] [--out REPORT.md]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playground.core.catalog import load_catalog  # noqa: E402
from tests import hostile  # noqa: E402
from tests.test_hostile_corpus import MODEL, plain_sentence  # noqa: E402

TIME_LIMIT_S = 120.0  # one command-line run, model loading included
MEMORY_LIMIT_MB = 2500  # the peak resident memory of one command-line run


def cli_run(model: str, path: Path) -> tuple[str, float, float, str]:
    """(verdict, seconds, peak MB, what it said) for `playground run MODEL PATH --json`."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, "-m", "playground", "run", model, str(path), "--json"],
                                stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=ROOT)
        deadline = started + TIME_LIMIT_S
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                return "hung", TIME_LIMIT_S, 0.0, ""
            time.sleep(0.05)
        seconds, peak_mb = time.monotonic() - started, usage.ru_maxrss / 1024
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read().decode("utf-8", "replace").strip()
    if code == 0:
        try:
            json.loads(stdout.decode("utf-8"))
        except ValueError:
            return "bad JSON", seconds, peak_mb, stdout[:200].decode("utf-8", "replace")
        verdict = "result"
    else:
        said = stderr.removeprefix("playground: ")
        verdict = "sentence" if code == 2 and plain_sentence(said) and stderr.count("\n") == 0 else "crash"
        stdout = said.encode()
    if peak_mb > MEMORY_LIMIT_MB:
        verdict = "too much memory"
    return verdict, seconds, peak_mb, stdout[:160].decode("utf-8", "replace") if verdict != "result" else ""


def window_pass(written: list[tuple[hostile.Entry, Path]]) -> list[tuple[str, str, float]]:
    """Each input in the window with one model of its kind: (name, what the window showed, worst lag ms)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from playground.ui.app import build
    from playground.ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    controller, window = build(Settings(), model_id="")
    window.show()
    rows = []
    for entry, path in written:
        controller.select_model(MODEL[entry.kind])
        said: list[str] = []
        controller.result_ready.connect(lambda outcome, said=said: said.append("result"))
        controller.run_failed.connect(lambda sentence, said=said: said.append(sentence))
        controller.input_rejected.connect(lambda sentence, said=said: said.append(sentence))
        lag, clock, tick = [0.0], QElapsedTimer(), QTimer()
        clock.start()

        def beat(lag: list[float] = lag, clock: QElapsedTimer = clock) -> None:
            lag[0] = max(lag[0], clock.restart() - 20.0)

        tick.timeout.connect(beat)
        tick.start(20)
        controller.set_input(path, path.name)
        if controller.input is not None and not said:
            controller.run()
        deadline = time.monotonic() + TIME_LIMIT_S
        while not said and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.005)
        tick.stop()
        for signal in (controller.result_ready, controller.run_failed, controller.input_rejected):
            signal.disconnect()
        rows.append((f"{entry.kind}/{entry.name}", said[0] if said else "no answer", lag[0]))
    controller.shutdown()
    window.close()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", default="", help="comma-separated model ids (default: every installed model)")
    parser.add_argument("--no-window", action="store_true", help="skip the pass through the window")
    parser.add_argument("--out", type=Path, help="also write the table as Markdown to this file")
    args = parser.parse_args()
    catalog = load_catalog()
    chosen = [c for c in catalog if catalog.installed(c) and (not args.models or c.id in args.models.split(","))]
    lines = ["| input | model | verdict | s | peak MB | said |", "|---|---|---|---|---|---|"]
    bad = 0
    with tempfile.TemporaryDirectory() as folder:
        # Made in a child process: a child's peak memory, as the kernel reports it, starts from this process's
        # size when it was started, so this one stays small.
        subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; from tests import hostile; "
                        "hostile.write(Path(sys.argv[1]))", folder], cwd=ROOT, check=True)
        written = [(entry, Path(folder) / entry.kind / entry.name) for entry in hostile.entries()]
        print(f"{len(written)} inputs, {len(chosen)} models", flush=True)
        for entry, path in written:
            for card in (c for c in chosen if c.modality == entry.kind):
                verdict, seconds, peak, said = cli_run(card.id, path)
                bad += verdict not in ("result", "sentence")
                lines.append(f"| {entry.kind}/{entry.name} | {card.id} | {verdict} | {seconds:.1f} | {peak:.0f} | "
                             f"{said.replace('|', '/')} |")
                print(lines[-1], flush=True)
        if not args.no_window:
            lines += ["", "| input (window) | showed | worst lag ms |", "|---|---|---|"]
            for name, showed, lag in window_pass(written):
                bad += showed == "no answer" or (showed != "result" and not plain_sentence(showed))
                lines.append(f"| {name} | {showed[:100].replace('|', '/')} | {lag:.0f} |")
                print(lines[-1], flush=True)
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{'all answered' if not bad else f'{bad} bad answers'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
