"""The figures behind the cost and cloud lessons: prices, energy (counter or estimate), the simulated request,
and the lesson texts filled with them."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from playground import paths
from playground.core import explainers
from playground.core.energy import EnergyCounter
from playground.core.metrics import RunHistory
from playground.core.results import Detections, Label, Labels, Upscaled
from playground.core.timing import RunRecord
from playground.lab import lesson_facts, lesson_post
from playground.lab.cloud import CloudSetting, estimate, result_bytes, upload_bytes
from playground.lab.cost import CostFigures, cost_figures
from tests.languages import spoken  # noqa: F401 - autouse: a language's run speaks it

MS = 1_000_000
LANGUAGES = sorted(p.name for p in paths.explainers_root().iterdir() if p.is_dir())
# What each language's lesson texts write around the figures these tests look for; a test run for a language
# speaks it whole (the `spoken` fixture), so lesson_facts fills in that language's words and numbers.
SAYS = {"en": {"cost_row": "| 1,000 | 36 s | 0.05 cents |",
               "upload_row": "| upload your photo, 2.3 MB, at 10 Mbit/s | 1,840 ms |",
               "returned": "On cat.png, the model returned:",
               "cost": ("**36.0 ms**", "$0.50", "(the median of 3 warm runs)", "One dollar buys about 2 million runs."),
               "energy": ("**310 mJ**", "Estimated, as this computer hides"),
               "cloud": ("**24.0 ms**", "| 6.0 ms |", "**1,936 ms**", "times as long as here"),
               "raw": ("`logits`: 1 × 12 numbers from -3.25 to 7.5 (the largest: 7.5 at position 1, 7.25 at position "
                       "3, 0.5 at position 0)", "`tokens`: 20 whole numbers (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …)",
                       "named the best: **tabby cat**"),
               "chat": ("The last reply was 60 tokens (word pieces), so a million tokens would cost $0.28. Chat "
                        "services price their answers the same way.", "buys about")},
        "de": {"cost_row": "| 1.000 | 36 s | 0,05 Cent |",
               "upload_row": "| Hochladen (Foto, 2,3 MB, mit 10 Mbit/s) | 1.840 ms |",
               "returned": "Für cat.png lieferte das Modell:",
               "cost": ("**36,0 ms**", "0,50 $", "(der Median aus 3 warmen Durchläufen)",
                        "Ein Dollar reicht für etwa 2 Millionen Durchläufe."),
               "energy": ("**310 mJ**", "Geschätzt, weil dieser Computer seinen Energiezähler verbirgt"),
               "cloud": ("**24,0 ms**", "| 6,0 ms |", "**1.936 ms**", "mal so lange wie hier"),
               "raw": ("`logits`: 1 × 12 Zahlen von -3,25 bis 7,5 (die größten: 7,5 an Position 1, 7,25 an Position "
                       "3, 0,5 an Position 0)", "`tokens`: 20 ganze Zahlen (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …)",
                       "**tabby cat**"),
               "chat": ("Die letzte Antwort war 60 Token lang (Wortstücke), also würde eine Million Token 0,28 $ "
                        "kosten. Chat-Dienste berechnen ihre Antworten genauso.", "reicht für etwa")}}


def record(index: int, cpu_ms: float, total_ms: float = 20.0, energy_uj: int | None = None) -> RunRecord:
    stages = {"decode": int(1 * MS), "preprocess": int(2 * MS), "model": int((total_ms - 4) * MS),
              "postprocess": int(1 * MS), "render": int(3 * MS)}
    return RunRecord("centerface", index, stages, (stages["model"],), cpu_ns=int(cpu_ms * MS), load_ns=0,
                     threads=1, started_ns=0, input_label="astronaut.png", energy_uj=energy_uj)


def test_costs_come_from_the_median_warm_run_priced_per_cpu_hour():
    runs = [record(0, 500.0), record(1, 36.0), record(2, 30.0), record(3, 40.0)]
    figures = cost_figures(runs, price_per_cpu_hour=0.05, watts_per_core=10.0)
    assert figures.runs == 3 and figures.cpu_s == pytest.approx(0.036)  # the cold run's 500 ms is left out
    assert figures.dollars(1_000_000) == pytest.approx(1e6 * 0.036 / 3600 * 0.05)  # $0.50
    assert not figures.energy_measured and figures.joules == pytest.approx(0.36)  # 36 ms × 10 W
    assert figures.kwh(1_000_000) == pytest.approx(0.1) and figures.bulb_hours(1_000_000) == pytest.approx(10.0)
    assert cost_figures([record(0, 500.0)]) is None


def test_a_readable_energy_counter_replaces_the_estimate():
    runs = [record(0, 50.0, energy_uj=900_000)] + [record(i, 30.0, energy_uj=e) for i, e in
                                                   ((1, 200_000), (2, 250_000), (3, 220_000))]
    figures = cost_figures(runs)
    assert figures.energy_measured and figures.joules == pytest.approx(0.22)
    # One warm run without a reading (a counter that went away) and the figure is an estimate again.
    assert not cost_figures(runs + [record(4, 30.0)]).energy_measured


def test_the_energy_counter_reads_microjoules_and_survives_a_wrap(tmp_path: Path):
    (tmp_path / "max_energy_range_uj").write_text("1000000\n")
    (tmp_path / "energy_uj").write_text("999000\n")
    counter = EnergyCounter.open(tmp_path)
    start = counter.read_uj()
    (tmp_path / "energy_uj").write_text("4000\n")
    assert counter.since(start) == 5000
    assert EnergyCounter.open(tmp_path / "missing") is None
    (tmp_path / "energy_uj").write_text("not a number\n")
    assert EnergyCounter.open(tmp_path) is None


def test_the_simulated_request_adds_up_its_parts():
    setting = CloudSetting(upload_mbps=10, download_mbps=50, round_trip_ms=60, queue_ms=30, server_speedup=4)
    cloud = estimate(1_000_000, 2_000, work_ms=40.0, setting=setting)
    assert cloud.upload_ms == pytest.approx(800.0) and cloud.download_ms == pytest.approx(0.32)
    assert cloud.server_ms == pytest.approx(10.0)
    assert cloud.total_ms == pytest.approx(800 + 60 + 30 + 10 + 0.32)
    assert [name for name, _ in cloud.parts()] == ["upload", "round trip", "queue", "server", "download"]


def test_what_would_be_uploaded_and_sent_back(tmp_path: Path):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"x" * 12345)
    assert upload_bytes(photo) == 12345 and upload_bytes("héllo") == 6 and upload_bytes(b"abc") == 3
    frame = np.full((120, 160, 3), 128, np.uint8)
    assert 200 < upload_bytes(frame) < frame.nbytes  # a camera frame goes as a JPEG
    labels = Labels((Label("cat", 0.9, "tabby cat"),))
    assert result_bytes(labels) == len(__import__("json").dumps(labels.to_dict(), ensure_ascii=False).encode())
    big = np.random.default_rng(0).integers(0, 255, (256, 256, 3), dtype=np.uint8)
    upscaled = Upscaled(big[:64, :64], big, 4)
    assert result_bytes(upscaled) > 150_000  # the picture comes back, not just its figures


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("measured", [False, True], ids=["estimated energy", "measured energy"])
def test_the_lesson_texts_quote_the_figures_in_full_and_briefly(measured, language):
    folder, says = paths.explainers_dir(language), SAYS[language]
    history = RunHistory()
    for i, cpu in enumerate((400.0, 36.0, 31.0, 38.0)):
        history.add(record(i, cpu, total_ms=24.0, energy_uj=310_000 if measured else None))
    last = history.records[-1]
    setting = CloudSetting()
    cloud = estimate(2_300_000, 900, lesson_facts.device_ms(last), setting)  # 24 ms: the stages but drawing
    values = {**explainers.facts(history), **lesson_facts.cost_facts(cost_figures(history.records)),
              **lesson_facts.cloud_facts(last, cloud, setting, "image")}
    cost = " ".join(explainers.render(lesson_facts.COST, values, True, folder).split())  # as read, lines joined
    assert all(words in cost for words in says["cost"]) and says["cost_row"] in cost
    counted, estimated = says["energy"]
    assert (counted in cost) == measured and (estimated in cost) != measured
    where = " ".join(explainers.render(lesson_facts.CLOUD, values, True, folder).split())
    assert all(words in where for words in says["cloud"]) and says["upload_row"] in where
    assert round(cloud.total_ms) == 1936
    for text in (cost, where, *(explainers.render(t, {}, False, folder) for t in lesson_facts.LESSON_TOPICS)):
        assert text.startswith("# ") and not re.search(r"\{\w+\}", text), text
        assert 20 <= explainers.word_count(text) <= explainers.MAX_WORDS


@pytest.mark.parametrize("language", LANGUAGES)
def test_raw_outputs_are_described_beside_what_the_app_made_of_them(language):
    logits = np.array([[0.5, 7.5, -3.25, 7.25] + [0.0] * 8], np.float32)
    said = lesson_post.describe_raw("logits", logits)
    raw, tokens, best = SAYS[language]["raw"]
    assert said == raw and lesson_post.describe_raw("tokens", np.arange(20)) == tokens
    labels = Labels((Label("n02123045", 0.9, "tabby cat"),))
    facts = lesson_post.post_facts({"logits": logits, "runs_ns": np.array([5, 6])}, labels, "cat.png")
    assert facts["raw_lines"] == f"- {said}" and best in facts["post_steps"]
    text = " ".join(explainers.render(lesson_facts.POST, {**explainers.facts(None), **facts}, True,
                                      paths.explainers_dir(language)).split())
    assert SAYS[language]["returned"] in text and not re.search(r"\{\w+\}", text)
    assert lesson_post.post_facts(None, labels, "") == {}


def test_softmax_is_said_only_where_the_app_applied_it_and_suppression_keeps_rather_than_merges():
    logits = {"logits": np.array([[0.5, 7.5]], np.float32)}
    made = lesson_post.post_facts(logits, Labels((Label("cat", 0.9),), softmax=True), "")["post_steps"]
    given = lesson_post.post_facts(logits, Labels((Label("fr", 0.9, "French"),)), "")["post_steps"]
    assert "softmax: e raised to the power of each score" in made
    assert "softmax" not in given and "already turned its scores into chances" in given
    boxes = lesson_post.post_facts(logits, Detections(np.zeros((4, 4, 3), np.uint8), ()), "")["post_steps"]
    assert "kept the surest and dropped the others (non-maximum suppression)" in boxes and "merge" not in boxes


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_chat_is_priced_per_token_of_its_reply(language):
    figures = CostFigures(5, 1.2, 1.0, 0.05, 10.0)
    facts = lesson_facts.cost_facts(figures, reply_tokens=60)
    # 1.2 CPU-seconds at $0.05 an hour for 60 tokens: $0.0000167 a reply, $0.28 a million tokens.
    per_token, per_run = SAYS[language]["chat"]
    assert facts["per_dollar_sentence"] == per_token
    text = explainers.render(lesson_facts.COST, {**explainers.facts(None), **facts}, True,
                             paths.explainers_dir(language))
    assert explainers.word_count(text) <= explainers.MAX_WORDS
    assert per_run in lesson_facts.cost_facts(figures)["per_dollar_sentence"]
