"""Explainer topics: every topic renders, stays under 150 words, and quotes the live numbers of the last run."""

from __future__ import annotations

import re

import pytest

from playground import paths
from playground.core import explainers, readable
from playground.core.built import measured_at_build
from playground.core.catalog import load_catalog
from playground.core.metrics import RunHistory
from playground.core.timing import RunRecord
from playground.tasks.registry import TASKS
from tests.languages import spoken  # noqa: F401 - autouse: a language's run speaks it

MS = 1_000_000
# Every language folder is held to the same checks as English.
LANGUAGES = sorted(p.name for p in paths.explainers_root().iterdir() if p.is_dir())
# What each language's texts say around the figures these tests look for; a test run for a language speaks it
# whole (the `spoken` fixture), so the filled-in clauses and the numbers are that language's too.
SAYS = {
    "en": {"rows": ("| decode | 2.2", "| preprocess | 3.5", "| model | 30.0", "| postprocess | 1.8", "| draw | 4.5"),
           "warm_run": "**warm** run", "worked_on": "CenterFace face finder worked on **astronaut.png**",
           "nothing_yet": ("Nothing has run yet", "it runs at once"), "cold_marked": "marked (52.0 ms here)",
           "inference_row": "| **Inference** | it turns your input into numbers | 12.0 ms just now |",
           "digit_reader": "{took} for the digit reader", "took": ("{time} on this computer", "a minute or so on a desktop"),
           "review": ("**Post-processing and review**", "a person checks what matters"),
           "total": "**42.0 ms**", "cold_took": "took 52.0 ms", "typical": "typical warm run takes 25.0 ms",
           "loading": "Loading the model took 27.0 ms", "one_thread": "1 thread",
           "four_warm": ("4 warm runs", "**25.0 ms**", "half of the 4 warm runs took at most **25.0 ms**",
                         "The dashed line, p95, is the slowest (42.0 ms) until 20 runs are in."),
           "appear": "appear once a warm run is in", "again": "here it took 52.0 ms. Run it again to see a warm run.",
           "loaded_before": "already loaded, so every run shown is warm; a typical warm run takes 25.0 ms.",
           "no_loading": "Loading the model took", "once": "(once)",
           "p95": ("half of the 20 warm runs took at most", "95 in 100 took at most")},
    "de": {"rows": ("| Dekodieren | 2,2", "| Vorverarbeitung | 3,5", "| Modell | 30,0", "| Nachverarbeitung | 1,8",
                    "| Zeichnen | 4,5"),
           "warm_run": "Durchlauf war **warm**", "worked_on": "CenterFace Gesichtsfinder hat **astronaut.png**",
           "nothing_yet": ("Noch ist nichts gelaufen", "Es läuft sofort"), "cold_marked": "markiert (hier 52,0 ms)",
           "inference_row": "| **Inferenz** | es verwandelt deine Eingabe in Zahlen | gerade eben 12,0 ms |",
           "digit_reader": "{took} beim Ziffernleser",
           "took": ("{time} auf diesem Computer", "etwa eine Minute auf einem Desktop-Computer"),
           "review": ("**Nachverarbeitung und Prüfung**", "ein Mensch prüft, was wichtig ist"),
           "total": "**42,0 ms**", "cold_took": "Hier dauerte er 52,0 ms",
           "typical": "ein typischer warmer Durchlauf dauert 25,0 ms", "loading": "Das Laden des Modells dauerte 27,0 ms",
           "one_thread": "1 Thread",
           "four_warm": ("4 warmen Durchläufe", "**25,0 ms**",
                         "Die Hälfte der 4 warmen Durchläufe dauerte höchstens **25,0 ms**",
                         "Die gestrichelte Linie, p95, ist der langsamste (42,0 ms), bis 20 Durchläufe da sind."),
           "appear": "erscheinen, sobald ein warmer Durchlauf da ist",
           "again": "Hier dauerte er 52,0 ms. Führ es noch einmal aus, um einen warmen Durchlauf zu sehen.",
           "loaded_before": "schon geladen, darum ist jeder gezeigte Durchlauf warm; ein typischer warmer Durchlauf "
                            "dauert 25,0 ms.",
           "no_loading": "Das Laden des Modells dauerte", "once": "(einmal)",
           "p95": ("Die Hälfte der 20 warmen Durchläufe dauerte höchstens", "95 von 100 dauerten höchstens")},
}


def record(run_index: int, model_ms: float, load_ms: float = 0.0, threads: int = 1) -> RunRecord:
    stages = {"decode": 2.25 * MS, "preprocess": 3.5 * MS, "model": model_ms * MS, "postprocess": 1.75 * MS,
              "render": 4.5 * MS}
    return RunRecord("centerface", run_index, {k: int(v) for k, v in stages.items()},
                     (int(model_ms * MS),), cpu_ns=int(9.5 * MS), load_ns=int(load_ms * MS),
                     threads=threads, started_ns=0, input_label="astronaut.png")


@pytest.fixture
def card():
    return load_catalog().get("centerface")


@pytest.fixture
def history():
    h = RunHistory()
    h.add(record(0, 40.0, load_ms=27.0))
    for i, model_ms in enumerate((12.0, 14.0, 13.0, 30.0), start=1):
        h.add(record(i, model_ms))
    return h


def all_topics(language: str = "en"):
    folder = paths.explainers_dir(language)
    return explainers.GENERAL_TOPICS + tuple(explainers.task_topic(task, folder) for task in sorted(TASKS))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("topic", all_topics(), ids=lambda t: t.id)
@pytest.mark.parametrize("has_run", [True, False], ids=["after a run", "before any run"])
def test_every_topic_renders_completely_and_briefly(topic, has_run, language, history, card):
    values = explainers.facts(history if has_run else RunHistory(), None, card, 27 * MS if has_run else 0)
    text = explainers.render(topic, values, has_run, paths.explainers_dir(language))
    assert text.startswith("# ")
    assert not re.search(r"\{\w+\}", text), "a placeholder was left unfilled"
    assert 20 <= explainers.word_count(text) <= explainers.MAX_WORDS
    assert "<!--" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_task_has_its_own_topic_named_by_its_heading(language):
    folder = paths.explainers_dir(language)
    for task in TASKS:
        topic = explainers.task_topic(task, folder)
        assert (folder / topic.filename).is_file(), f"no explainer for the task {task}"
        assert topic.title != task and topic.title[0].isupper()


@pytest.mark.parametrize("language", LANGUAGES)
def test_this_run_quotes_each_stage_of_the_last_run(language, history, card):
    says = SAYS[language]
    values = explainers.facts(history, None, card, 27 * MS)
    topic = next(t for t in explainers.GENERAL_TOPICS if t.id == "this_run")
    text = explainers.render(topic, values, has_run=True, folder=paths.explainers_dir(language))
    for row in says["rows"]:
        assert row in text
    assert says["total"] in text  # 2.25 + 3.5 + 30 + 1.75 + 4.5
    assert says["warm_run"] in text and says["cold_took"] in text  # the cold run: 40 ms model + 12 ms stages
    assert says["typical"] in text  # nearest-rank median of 24, 25, 26, 42
    assert says["loading"] in text and says["one_thread"] in text
    assert says["worked_on"] in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_latency_topic_quotes_the_percentiles(language, history, card):
    text = explainers.render(explainers.GENERAL_TOPICS[2], explainers.facts(history, None, card), True,
                             paths.explainers_dir(language))
    four, median, half, no_p95 = SAYS[language]["four_warm"]
    assert four in text and median in text and half in text
    assert no_p95 in text  # 4 runs: no p95 yet


@pytest.mark.parametrize("language", LANGUAGES)
def test_before_any_run_the_text_is_friendly_and_has_no_blanks(language, card):
    folder = paths.explainers_dir(language)
    values = explainers.facts(RunHistory(), None, card)
    for topic in all_topics(language):
        text = explainers.render(topic, values, has_run=False, folder=folder)
        assert "—" not in text, f"{topic.id} shows a blank number before any run"
    this_run = explainers.render(explainers.GENERAL_TOPICS[1], values, has_run=False, folder=folder)
    nothing_yet, at_once = SAYS[language]["nothing_yet"]
    assert nothing_yet in this_run and at_once in this_run  # no Run button to hunt for


def test_the_task_topic_comes_right_after_what_inference_is():
    ids = [t.id for t in explainers.topics_for("vad")]
    assert ids == ["inference", "task:vad", "this_run", "latency", "cpu", "memory", "stages"]
    assert explainers.topics_for(None) == explainers.GENERAL_TOPICS


def test_a_missing_file_gives_a_sentence_not_an_error(tmp_path):
    text = explainers.render(explainers.GENERAL_TOPICS[0], {}, True, folder=tmp_path)
    assert "missing from this copy" in text


def test_the_status_line_names_last_typical_cold_and_load(history):
    line = explainers.status_line(history, 27 * MS)
    assert line == ("Last run 42.0 ms (warm) · typical 25.0 ms over 4 warm runs · first (cold) run 52.0 ms · "
                    "model loaded in 27.0 ms · 1 thread")
    assert explainers.status_line(RunHistory()).startswith("Ready")


def test_word_count_ignores_markup():
    assert explainers.word_count("# Title\n\n| a | b |\n|---|---:|\n| **one** | 2.5 |\n<!-- hidden words -->") == 5


def _history(*runs: tuple[int, float]) -> RunHistory:
    h = RunHistory()
    for run_index, model_ms in runs:
        h.add(record(run_index, model_ms, load_ms=27.0 if run_index == 0 else 0.0))
    return h


SITUATIONS = {
    "the cold run alone": _history((0, 40.0)),
    "one warm run, the model loaded before": _history((7, 12.0)),
    "a cold run and one warm run": _history((0, 40.0), (1, 12.0)),
    "warm runs only": _history((3, 12.0), (4, 14.0), (5, 13.0)),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("situation", SITUATIONS, ids=list(SITUATIONS))
def test_after_any_run_no_topic_shows_a_blank_or_a_count_of_nothing(situation, language, card):
    history = SITUATIONS[situation]
    load = 27 * MS if history.records[0].cold else 0
    values = explainers.facts(history, None, card, load)
    for topic in all_topics(language):
        text = explainers.render(topic, values, has_run=True, folder=paths.explainers_dir(language))
        assert "—" not in text and "the 0 " not in text and "1 warm runs" not in text, f"{topic.id}: {text}"
        assert explainers.word_count(text) <= explainers.MAX_WORDS


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_cold_and_warm_sentences_say_what_is_known(language, card):
    folder = paths.explainers_dir(language)
    latency, this_run = explainers.GENERAL_TOPICS[2], explainers.GENERAL_TOPICS[1]
    alone = explainers.facts(SITUATIONS["the cold run alone"], None, card, 27 * MS)
    says = SAYS[language]
    assert says["cold_marked"] in explainers.render(latency, alone, True, folder)
    assert says["appear"] in explainers.render(latency, alone, True, folder)
    assert says["again"] in explainers.render(this_run, alone, True, folder)
    loaded_before = explainers.facts(SITUATIONS["warm runs only"], None, card)
    text = " ".join(explainers.render(this_run, loaded_before, True, folder).split())
    assert says["loaded_before"] in text
    assert says["no_loading"] not in text  # not known in this history: not made up
    assert says["once"] in text  # one session.run, said as a person would


def test_the_graphs_and_the_explainers_write_milliseconds_the_same_way():
    assert [readable.ms(v) for v in (0.137, 7.345, 52.0, 251.4, 1234.5)] == \
        ["0.14", "7.3", "52.0", "251", "1,234"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_stages_table_quotes_this_run_and_the_training_this_computer_did(language):
    says = SAYS[language]
    history = RunHistory()
    history.add(record(0, 12.0))
    stages = next(t for t in explainers.GENERAL_TOPICS if t.id == "stages")
    text = " ".join(explainers.render(stages, explainers.facts(history), True, paths.explainers_dir(language)).split())
    assert says["inference_row"] in text
    # The digit reader's build record says how long its training took here; without one, a rough figure.
    measured = measured_at_build(load_catalog().get("digits")).get("training_seconds")
    took = says["took"][0].format(time=readable.duration(measured)) if measured else says["took"][1]
    assert says["digit_reader"].format(took=took) in text
    assert all(words in text for words in says["review"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_latency_topic_quotes_p95_once_twenty_runs_support_it(language, card):
    history = RunHistory()
    for i in range(21):
        history.add(record(i, 10.0 + i))
    text = " ".join(explainers.render(explainers.GENERAL_TOPICS[2], explainers.facts(history, None, card), True,
                                      paths.explainers_dir(language)).split())
    assert all(words in text for words in SAYS[language]["p95"])


VAD_SAYS = {"en": "it read 376 slices, up to a second of them in each run, so it ran 13 times: about 0.13 ms per slice, "
                  "49.0 ms in total",
            "de": "las es 376 Scheiben, bis zu einer Sekunde davon in jedem Durchlauf, und lief so 13 Mal: etwa 0,13 ms "
                  "pro Scheibe, insgesamt 49,0 ms"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_voice_detector_topic_counts_slices_apart_from_its_looped_runs(language):
    """Silero's graph reads about a second of 32 ms slices a run: the slices and the runs are both said."""
    history = RunHistory()
    history.add(RunRecord("silero-vad", 0, {"model": 49 * MS}, (int(49 * MS / 13),) * 13, session_steps=376,
                          cpu_ns=0, load_ns=0, threads=1, started_ns=0, input_label="vad_test16k.wav"))
    values = explainers.facts(history, None, load_catalog().get("silero-vad"))
    folder = paths.explainers_dir(language)
    text = " ".join(explainers.render(explainers.task_topic("vad", folder), values, True, folder).split())
    assert VAD_SAYS[language] in text, text
