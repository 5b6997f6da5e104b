"""Every speed ratio the playground is held to, in one table with its goal: one command, `make bench-ratios`.

Builds the benchmark-only engines first where they are missing (benchmarks/engines.py: llama.cpp, CTranslate2,
OpenVINO, each in its own environment beside the app's), then runs each benchmark, each ratio measured within
one run of its own so a busy machine slows both sides alike:
- chat decode, llama.cpp ÷ playground tokens a second, both SmolLM2 builds, 64- and 256-token prompts, the app's
  settings (threads spin only while a run lasts), each engine at its best thread count; and prefill, playground ÷ llama.cpp;
- Whisper tiny.en int8, playground ÷ CTranslate2 real-time factors;
- a picture's whole run ÷ a bare session.run, EfficientNet-Lite0 on a 640 × 432 JPEG;
- onnxruntime ÷ OpenVINO on the vision models, one thread;
- the window: event-loop lag in repeat mode with the graphs live, first paint, idle CPU.

    .venv/bin/python benchmarks/ratios.py [--quick] [--only chat,whisper,image,openvino,window]

Not a test: figures for people. The processor is printed above the table, since every figure depends on it.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
sys.path.insert(0, str(BENCH))

import engines  # noqa: E402


@dataclass(frozen=True)
class Row:
    what: str
    goal: str
    here: str
    ok: bool | None  # None: no goal is judged (a figure given for context)


def json_lines(python: Path, script: str, *args: str, timeout: float = 3600) -> list[dict]:
    """Runs a benchmark with --json and reads its JSON lines; its table goes to our stderr as it runs."""
    done = subprocess.run([str(python), str(BENCH / script), *args, "--json"], cwd=ROOT, stdout=subprocess.PIPE,
                          text=True, timeout=timeout, check=True)
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def chat(quick: bool) -> list[Row]:
    python, rows = engines.build("llama"), []
    for model, name in (("smollm2-135m", "4-bit build"), ("smollm2-135m-int8", "int8 twin")):
        summary = json_lines(python, "smollm_vs_llamacpp.py", "--model", model, "--rounds", "1" if quick else "3")[0]
        for length, p in summary["prompts"].items():
            rows.append(Row(f"chat decode, llama.cpp ÷ playground, {name}, {length}-token prompt", "≤ 1.0",
                            f"{p['decode_ratio']:.2f} ({p['llama_tok_s']:.1f} vs {p['playground_tok_s']:.1f} tok/s)",
                            p["decode_ratio"] <= 1.0))
            rows.append(Row(f"chat prefill, playground ÷ llama.cpp, {name}, {length}-token prompt", "< 1",
                            f"{p['prefill_ratio']:.2f}", p["prefill_ratio"] < 1.0))
    return rows


def whisper(quick: bool) -> list[Row]:
    s = json_lines(engines.build("ct2"), "whisper_vs_ctranslate2.py", "--runs", "2" if quick else "5")[0]
    return [Row("Whisper tiny.en int8, playground ÷ CTranslate2 int8, same pieces", "≤ 0.6",
                f"{s['ratio']:.3f} (RTF {s['playground_rtf']:.4f} vs {s['ctranslate2_rtf']:.4f})", s["ratio"] <= 0.6)]


def image(quick: bool) -> list[Row]:
    import tempfile

    import image_run

    from playground.core.catalog import load_catalog
    from playground.core.session import RuntimeOptions

    card = load_catalog().get("efficientnet-lite0")
    with tempfile.TemporaryDirectory() as folder:
        name, path = image_run.pictures(Path(folder))[0]  # the 640 × 432 JPEG the goal names
        m = image_run.measure(card, path, 15 if quick else 40, 5, RuntimeOptions(threads=1))
    return [Row(f"whole run ÷ bare session.run, {card.id} on a {name}", "≤ 1.15",
                f"{m['ratio']:.3f} ({m['whole']:.2f} vs {m['bare']:.2f} ms)", m["ratio"] <= 1.15)]


def openvino(quick: bool) -> list[Row]:
    lines = json_lines(engines.build("openvino"), "vision_vs_openvino.py", "--runs", "10" if quick else "40")
    return [Row(f"onnxruntime ÷ OpenVINO CPU, same ONNX file, 1 thread, {m['model']}", "≤ 1.0",
                f"{m['ratio']:.2f} ({m['onnxruntime_ms']:.1f} vs {m['openvino_ms']:.1f} ms)", m["ratio"] <= 1.0)
            for m in lines]


def window(quick: bool) -> list[Row]:
    from overhead import probe_window

    seconds, idle = (4.0, 5.0) if quick else (8.0, 10.0)
    figures = {model: probe_window(model, seconds, idle) for model in ("centerface", "efficientnet-lite0", "silero-vad")}
    rows = [Row(f"window event-loop lag p99 / max, repeat mode, graphs live, {model}", "≤ 10 / 25 ms",
                f"{f['lag_p99_ms']:.1f} / {f['lag_max_ms']:.1f} ms", f["lag_p99_ms"] <= 10 and f["lag_max_ms"] <= 25)
            for model, f in figures.items()]
    paint = max(f["first_paint_s"] for f in figures.values())
    rows.append(Row("first painted window after the process starts (slowest of three starts)", "≤ 0.8 s",
                    f"{paint:.2f} s", paint <= 0.8))
    busy = max(f["idle_cpu_pct"] for f in figures.values())
    rows.append(Row("idle CPU, window open, graphs visible (highest of three starts)", "≤ 2 % of a core",
                    f"{busy:.1f} %", busy <= 2.0))
    return rows


PARTS: dict[str, Callable[[bool], list[Row]]] = {"chat": chat, "whisper": whisper, "image": image,
                                                 "openvino": openvino, "window": window}


def processor() -> str:
    """The lscpu model name and the instruction sets that decide the int8 and 4-bit kernels."""
    text = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
    flags = set(fields.get("Flags", "").split())
    sets = [f for f in ("avx2", "fma", "avx512f", "avx512_vnni", "avx_vnni", "avx512_bf16", "amx_int8") if f in flags]
    return f"{fields.get('Model name', platform.processor()).strip()}, {fields.get('CPU(s)', '?').strip()} CPUs, " \
           f"{' '.join(sets)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds: a rough table in a few minutes")
    parser.add_argument("--only", default=",".join(PARTS), help="comma-separated parts: " + ", ".join(PARTS))
    args = parser.parse_args()
    rows: list[Row] = []
    for part in args.only.split(","):
        print(f"--- {part}", file=sys.stderr, flush=True)
        rows += PARTS[part](args.quick)
    print(f"\nProcessor: {processor()}")
    width = max(len(r.what) for r in rows)
    print(f"| {'what':<{width}} | goal | here | |")
    print(f"|{'-' * (width + 2)}|---|---|---|")
    for r in rows:
        mark = "" if r.ok is None else ("met" if r.ok else "not yet")
        print(f"| {r.what:<{width}} | {r.goal} | {r.here} | {mark} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
