"""The glossary defines every technical word the lessons and explainers use, in sentences a child can read, in
every language the explainers are written in."""

from __future__ import annotations

import re

import pytest

from playground import paths
from playground.core import explainers
from playground.lab import lesson_facts

LANGUAGES = sorted(p.name for p in paths.explainers_root().iterdir() if p.is_dir())

# Words a non-engineer stops at, each with the glossary entry that explains it, per language (a new language
# brings its own list: the words are its own).
JARGON = {
    "en": {"thread": "Thread", "optimisation level": "Optimisation level", "throughput": "Throughput",
           "softmax": "Softmax", "VNNI": "VNNI", "mJ": "Energy", "kWh": "Energy", "encoder": "Encoder and decoder",
           "decoder": "Encoder and decoder", "log-mel": "Log-mel spectrogram", "naive Bayes": "Naive Bayes",
           "runtime": "Runtime", "percentile": "Percentile", "p95": "Percentile", "token": "Token",
           "int8": "float32 and int8", "float32": "float32 and int8", "latency": "Latency", "GPU": "GPU",
           "benchmark": "Benchmark", "fine-tun": "Fine-tuning", "quantis": "Quantisation", "parameters": "Parameters",
           "temperature": "Temperature and top-p", "top-p": "Temperature and top-p", "core": "Core", "batch": "Batch"},
    "de": {"thread": "Thread", "optimierungsstufe": "Optimierungsstufe", "durchsatz": "Durchsatz",
           "softmax": "Softmax", "VNNI": "VNNI", "mJ": "Energie", "kWh": "Energie", "encoder": "Encoder und Decoder",
           "decoder": "Encoder und Decoder", "log-mel": "Log-Mel-Spektrogramm", "naive Bayes": "Naive Bayes",
           "laufzeitumgebung": "Laufzeitumgebung", "perzentil": "Perzentil", "p95": "Perzentil", "token": "Token",
           "int8": "float32 und int8", "float32": "float32 und int8", "latenz": "Latenz", "GPU": "GPU",
           "benchmark": "Benchmark", "nachtrain": "Nachtrainieren", "quantisier": "Quantisierung",
           "parameter": "Parameter", "temperatur": "Temperatur und Top-p", "top-p": "Temperatur und Top-p",
           "kern": "Kern", "stapel": "Stapel", "batch": "Stapel", "inferenz": "Inferenz", "durchlauf": "Durchlauf"},
}
TITLE = {"en": "Words used here", "de": "Wörter, die hier vorkommen"}


def _glossary(language: str) -> str:
    return (paths.explainers_dir(language) / "glossary.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_technical_word_the_texts_use_is_in_the_glossary(language):
    entries = set(re.findall(r"^\*\*(.+?)\*\*:", _glossary(language), re.MULTILINE))
    used = " ".join(p.read_text(encoding="utf-8") for p in paths.explainers_dir(language).glob("*.md")
                    if p.name != "glossary.md")
    for word, entry in JARGON[language].items():
        if re.search(rf"\b{re.escape(word)}", used, re.IGNORECASE):
            assert any(e.startswith(entry) for e in entries), f"{word!r} is used but {entry!r} is not explained"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_is_alphabetical_and_each_entry_is_short(language):
    entries = re.findall(r"^\*\*(.+?)\*\*: (.+?)(?=\n\n|\Z)", _glossary(language), re.MULTILINE | re.DOTALL)
    names = [name for name, _ in entries]
    assert len(names) >= 25 and names == sorted(names, key=str.lower)
    for name, text in entries:
        for sentence in re.split(r"(?<=[.;:])\s+", " ".join(text.split())):
            assert len(sentence.split()) <= 30, (name, sentence)
    shown = explainers.render(lesson_facts.GLOSSARY, {}, False, paths.explainers_dir(language))
    assert shown.startswith(f"# {TITLE[language]}") and not re.search(r"\{\w+\}", shown)
