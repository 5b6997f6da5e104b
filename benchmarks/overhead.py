"""Prints, as ratios measured in one run: the playground's session.run path vs a bare onnxruntime loop
for every installed model, the window's event-loop lag while repeat mode runs with the graphs live,
the time to the first painted window, and the CPU the window uses while it waits with the graphs shown.
Not a test: figures for people, with their goals beside them.

    .venv/bin/python benchmarks/overhead.py [--runs 20] [--warmup 3] [--seconds 8] [--idle-seconds 10]
        [--window-only] [--model ID ...] [--offscreen]

The window runs under xvfb-run when there is one and no display, as a person's X server would show it;
--offscreen keeps Qt's offscreen platform instead.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playground.commands.bench import measure  # noqa: E402
from playground.core.catalog import load_catalog  # noqa: E402
from playground.core.session import RuntimeOptions  # noqa: E402

# Each model runs on the first sample its card suggests; these models suggest none (or take a drawing).
FALLBACK = {"silero-vad": "vad_test16k.wav", "magika": "fibonacci.py"}
GOALS = {"ratio": 1.03, "lag_p99_ms": 10.0, "lag_max_ms": 25.0, "first_paint_s": 0.8, "idle_cpu_pct": 2.0}


def sample_for(card) -> str | None:  # noqa: ANN001 - a ModelCard
    return card.samples[0] if card.samples else FALLBACK.get(card.id)


def model_ratios(runs: int, warmup: int) -> None:
    catalog = load_catalog()
    print(f"session.run path vs bare onnxruntime loop ({runs} interleaved runs, {warmup} warm-up, 1 thread)")
    print(f"  {'model':<24}{'playground p50':>16}{'bare p50':>11}{'ratio p50':>11}{'ratio mean':>12}   goal ≤ {GOALS['ratio']}")
    for card in catalog.cards:
        model_id, sample = card.id, sample_for(card)
        if not catalog.installed(card) or sample is None:
            why = "no sample to run on" if sample is None else f"not installed: run 'playground models fetch {model_id}'"
            print(f"  {model_id:<24} {why}")
            continue
        m = measure(card, ROOT / "assets" / "samples" / sample, {}, runs, warmup, RuntimeOptions(threads=1))
        ok = "ok" if m["ratio_p50"] <= GOALS["ratio"] else "OVER"
        print(f"  {model_id:<24}{m['stages']['model']['p50']:13.2f} ms{m['bare']['p50']:8.2f} ms"
              f"{m['ratio_p50']:11.3f}{m['ratio_mean']:12.3f}   {ok}")


def probe_window(model: str, seconds: float, idle_seconds: float, offscreen: bool = False) -> dict:
    """The window probe's figures for `model` (benchmarks/ui_probe.py in a process of its own); raises
    RuntimeError with the probe's last line when it fails."""
    env = dict(os.environ)
    cmd = [sys.executable, str(ROOT / "benchmarks" / "ui_probe.py"), model,
           str(ROOT / "assets" / "samples" / sample_for(load_catalog().get(model))), str(seconds)]
    env["PROBE_IDLE_CPU_S"] = repr(idle_seconds)
    if offscreen:
        env["QT_QPA_PLATFORM"] = "offscreen"
    elif shutil.which("xvfb-run") and not env.get("DISPLAY"):
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24"] + cmd  # a real X server, as a person has
        env.pop("QT_QPA_PLATFORM", None)
    env["PROBE_T0"] = repr(time.time())
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=seconds + idle_seconds + 120)
    if out.returncode != 0:
        raise RuntimeError(f"the window probe failed: {out.stderr.strip().splitlines()[-1:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def window_figures(model: str, seconds: float, idle_seconds: float, offscreen: bool) -> None:
    try:
        f = probe_window(model, seconds, idle_seconds, offscreen)
    except RuntimeError as exc:
        print(f"  {exc}")
        return
    print(f"window ({f['platform']}), repeat mode on {model} for {seconds:g} s with the graphs live: {f['runs']} runs, "
          f"{f['ticks']} ticks of a 5 ms timer")
    print(f"  event-loop lag p99 {f['lag_p99_ms']:.1f} ms (goal ≤ {GOALS['lag_p99_ms']:g}),"
          f" max {f['lag_max_ms']:.1f} ms (goal ≤ {GOALS['lag_max_ms']:g})")
    print(f"  first painted window {f['first_paint_s']:.2f} s after the process started "
          f"(goal ≤ {GOALS['first_paint_s']:g}; ratio {f['first_paint_s'] / GOALS['first_paint_s']:.2f} of the goal)")
    if "idle_cpu_pct" in f:
        shown = "shown" if f["graphs_visible"] else "NOT shown"
        print(f"  idle: {f['idle_cpu_pct']:.1f} % of a core over {f['idle_s']:g} s with the model selected, the graphs "
              f"{shown} and {f['idle_runs']} runs (goal ≤ {GOALS['idle_cpu_pct']:g} %)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--idle-seconds", type=float, default=10.0, help="how long the idle CPU is measured; 0 skips it")
    parser.add_argument("--window-only", action="store_true", help="only the window's figures, not the model ratios")
    parser.add_argument("--model", action="append", default=[], help="only these models' windows (repeatable)")
    parser.add_argument("--offscreen", action="store_true", help="Qt's offscreen platform, not xvfb-run")
    args = parser.parse_args()
    if not args.window_only:
        model_ratios(args.runs, args.warmup)
    catalog = load_catalog()
    for card in catalog.cards:
        if catalog.installed(card) and sample_for(card) is not None and (not args.model or card.id in args.model):
            window_figures(card.id, args.seconds, args.idle_seconds, args.offscreen)
    return 0


if __name__ == "__main__":
    sys.exit(main())
