"""The glossary defines every technical word the lessons and explainers use, in sentences a child can read."""

from __future__ import annotations

import re

from playground import paths
from playground.core import explainers
from playground.lab import lesson_facts

# Words a non-engineer stops at, each with the glossary entry that explains it.
JARGON = {"thread": "Thread", "optimisation level": "Optimisation level", "throughput": "Throughput",
          "softmax": "Softmax", "VNNI": "VNNI", "mJ": "Energy", "kWh": "Energy", "encoder": "Encoder and decoder",
          "decoder": "Encoder and decoder", "log-mel": "Log-mel spectrogram", "naive Bayes": "Naive Bayes",
          "runtime": "Runtime", "percentile": "Percentile", "p95": "Percentile", "token": "Token",
          "int8": "float32 and int8", "float32": "float32 and int8", "latency": "Latency", "GPU": "GPU",
          "benchmark": "Benchmark", "fine-tun": "Fine-tuning", "quantis": "Quantisation", "parameters": "Parameters",
          "temperature": "Temperature and top-p", "top-p": "Temperature and top-p", "core": "Core", "batch": "Batch"}


def _glossary() -> str:
    return (paths.explainers_dir() / "glossary.md").read_text(encoding="utf-8")


def test_every_technical_word_the_texts_use_is_in_the_glossary():
    entries = set(re.findall(r"^\*\*(.+?)\*\*:", _glossary(), re.MULTILINE))
    used = " ".join(p.read_text(encoding="utf-8") for p in paths.explainers_dir().glob("*.md") if p.name != "glossary.md")
    for word, entry in JARGON.items():
        if re.search(rf"\b{re.escape(word)}", used, re.IGNORECASE):
            assert any(e.startswith(entry) for e in entries), f"{word!r} is used but {entry!r} is not explained"


def test_the_glossary_is_alphabetical_and_each_entry_is_short():
    entries = re.findall(r"^\*\*(.+?)\*\*: (.+?)(?=\n\n|\Z)", _glossary(), re.MULTILINE | re.DOTALL)
    names = [name for name, _ in entries]
    assert len(names) >= 25 and names == sorted(names, key=str.lower)
    for name, text in entries:
        for sentence in re.split(r"(?<=[.;:])\s+", " ".join(text.split())):
            assert len(sentence.split()) <= 30, (name, sentence)
    shown = explainers.render(lesson_facts.GLOSSARY, {}, False)
    assert shown.startswith("# Words used here") and not re.search(r"\{\w+\}", shown)
