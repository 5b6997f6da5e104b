"""The tours' data, checks and sentences, away from the window: every check reads what it claims, and every
sentence compares the figures it quotes, whatever the machine (one core, equal times, a slower twin)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from playground import paths
from playground.core import explainers, results, words
from playground.core.catalog import load_catalog
from playground.core.errors import ModelCardError
from playground.core.media.types import AudioData
from playground.core.timing import RunRecord
from playground.lab.guide import (
    CHECKS,
    GuideState,
    Run,
    answer_of,
    answer_sentence,
    figure,
    guide_facts,
    int8_sentence,
    load_guide,
    pace_sentence,
    run_from,
    threads_ask,
    threads_sentence,
    tour_for,
    warmup_sentence,
)

LANGUAGES = sorted(p.name for p in paths.explainers_root().iterdir() if p.is_dir())
BAD = re.compile(r"nan|inf\b|\d[eE][-+]?\d|\b1 (cores|threads|tokens|runs)\b|\b0\.00\b|—|\{\w+\}")


@pytest.fixture(params=LANGUAGES)
def language(request):
    """Each language's tours, read with the model cards in the same language, as the window would show them."""
    if request.param != words.ENGLISH:
        words.install(lambda context, text: text, request.param)
    yield request.param
    words.install(None)


def run(ms: float = 10.0, cold: bool = False, threads: int = 1, model: str = "m", **kw) -> Run:
    return Run(model, ms, cold, threads, **kw)


def state(*runs: Run, model_id: str = "m", tags: tuple[str, ...] = (), task: str = "classify", cores: int = 2,
          sizes: dict[str, int] | None = None) -> GuideState:
    return GuideState(model_id, tags, task, cores, runs, sizes or {})


def test_the_pick_checks_want_the_full_size_model_of_their_task():
    assert CHECKS["classifier_chosen"](state()) and not CHECKS["classifier_chosen"](state(task="ocr"))
    assert CHECKS["transcriber_chosen"](state(task="transcribe"))
    assert not CHECKS["transcriber_chosen"](state(task="transcribe", tags=("int8",)))
    assert CHECKS["similarity_chosen"](state(task="similarity")) and not CHECKS["similarity_chosen"](state())


def test_the_run_checks_count_only_the_model_shown():
    other = run(model="other")
    assert not CHECKS["ran_once"](state(other)) and CHECKS["ran_once"](state(other, run(cold=True)))
    assert not CHECKS["ran_warm"](state(run(cold=True), run(model="other"))) and CHECKS["ran_warm"](state(run()))
    assert CHECKS["always"](state())


def test_more_threads_needs_a_warm_run_with_two_unless_there_is_one_core():
    assert not CHECKS["ran_more_threads"](state(run(threads=1)))
    assert not CHECKS["ran_more_threads"](state(run(threads=2, cold=True)))  # a new thread count starts cold
    assert not CHECKS["ran_more_threads"](state(run(threads=2, model="other")))
    assert CHECKS["ran_more_threads"](state(run(threads=2, cold=True), run(threads=2)))
    assert CHECKS["ran_more_threads"](state(cores=1))  # nothing to do on one core: the step only explains


def test_the_int8_check_wants_a_warm_run_of_an_int8_model():
    assert not CHECKS["ran_int8"](state(run(cold=True), tags=("int8",)))
    assert CHECKS["ran_int8"](state(run(cold=True), run(), tags=("int8",)))
    assert not CHECKS["ran_int8"](state(run(), tags=("float32",)))


def test_there_is_a_tour_per_kind_of_input_on_a_real_model_with_an_int8_twin(language):
    catalog = load_catalog()  # the cards' names in the language of the tours, which name them
    tours = load_guide(paths.explainers_dir(language) / "guide.toml")
    assert [(t.id, t.modality) for t in tours] == [("photo", "image"), ("sound", "audio"), ("text", "text")]
    for tour in tours:
        assert 4 <= len(tour.steps) <= 6 and all(s.done in CHECKS for s in tour.steps)
        named = re.findall(r"\*\*(.+?)\*\*", tour.steps[0].text)[-1]
        card = next(c for c in catalog.cards if c.name == " ".join(named.split()))
        picked = GuideState(card.id, card.tags, card.task, 2)
        assert card.modality == tour.modality and CHECKS[tour.steps[0].done](picked), tour.id
        twin = catalog.get(card.compare_with[0])
        assert "int8" in twin.tags and twin.name in " ".join(" ".join(s.text.split()) for s in tour.steps)
        assert tour_for(tours, tour.modality) is tour
    assert tour_for(tours, "") is tours[0]


def test_every_placeholder_in_the_tours_is_filled(language):
    text = " ".join(s.text + s.done_text for t in load_guide(paths.explainers_dir(language) / "guide.toml")
                    for s in t.steps)
    names = set(re.findall(r"\{(\w+)\}", text))
    known = set(guide_facts(state(), "")) | set(explainers.facts(None))
    assert names and names <= known, names - known


@pytest.mark.parametrize("text, words", [
    ("[[tour]]\nid='a'\ntitle='A'\n", "could not be read"),
    ("[[tour]]\nid='a'\ntitle='A'\nmodality='image'\n[[tour.step]]\ntitle='x'\ntext='y'\ndone='fly'\n"
     "done_text='z'\n", "['fly']"),
    ("[[tour]]\nid='a'\ntitle='A'\nmodality='image'\nstep=[]\n", "without steps"),
    ("[[step]]\ntitle='x'\ntext='y'\ndone='always'\ndone_text='z'\n", "could not be read"),
    ("not toml at all [", "could not be read")])
def test_a_broken_tour_file_is_one_sentence(tmp_path, text, words):
    path = tmp_path / "guide.toml"
    path.write_text(text)
    with pytest.raises(ModelCardError) as exc:
        load_guide(path)
    assert words in str(exc.value) and "\n" not in str(exc.value)


def test_figures_read_as_numbers():
    assert [figure(x) for x in (1234.6, 42.04, 0.5, 0.004, float("nan"), 0.0)] == \
        ["1,235", "42.0", "0.50", "0.004", "0", "0"]


def test_what_a_run_keeps_of_its_answer_and_input():
    record = RunRecord("w", 0, {"model": 900_000_000, "render": 100_000_000}, (1,), 0, 0, 2, 7)
    words = results.Transcript(np.zeros(16_000 * 3, np.float32), 16_000, (results.Phrase(0, 2, "Hello there."),))
    heard = run_from(record, words)
    assert (heard.ms, heard.cold, heard.threads, heard.seconds, heard.started_ns) == (1000.0, True, 2, 3.0, 7)
    assert heard.answer == "“Hello there.”"
    assert run_from(record, results.Transcript(np.zeros(160, np.float32), 16_000, ())).answer == "no words"
    audio = AudioData(np.zeros(8_000, np.float32), 16_000)
    assert run_from(record, None, audio).seconds == 0.5 and run_from(record).answer == ""
    lines = results.Similarities(("a", "b", "c"), np.array([[1, .2, .9], [.2, 1, .1], [.9, .1, 1]]), (4, 5, 6),
                                 (False,) * 3)
    assert run_from(record, lines).tokens == 15 and answer_of(lines) == "lines 1 and 3 mean the most alike"
    label = results.Labels((results.Label("n0", 0.9, "bobsled"),))
    assert answer_of(label) == "bobsled" and len(answer_of(results.Labels((results.Label("x" * 500, 1.0),)))) == 120


def test_the_answer_is_quoted_as_text_with_one_full_stop():
    assert answer_sentence(state(run(ms=942, answer="“It works.”"))) == "It answered in 942 ms: “It works.”"
    assert answer_sentence(state(run(ms=5, answer="*bobsled*"))) == r"It answered in 5.0 ms: \*bobsled\*."
    assert answer_sentence(state(run(ms=5))) == "It answered in 5.0 ms."
    assert answer_sentence(state()) == "It has not answered yet."


@pytest.mark.parametrize("ms, seconds, words", [(942, 5.9, "6.3 times faster than the sound plays"),
                                                (2500, 1.0, "slower than the sound plays"),
                                                (1000, 1.0, "about as fast as the sound plays")])
def test_the_real_time_factor_compares_the_work_with_the_recording(ms, seconds, words):
    said = pace_sentence(state(run(ms=ms, seconds=seconds)))
    assert words in said and f"lasts {figure(seconds)} s" in said and not BAD.search(said)


def test_the_pace_of_text_is_per_token_and_nothing_is_said_without_a_size():
    said = pace_sentence(state(run(ms=50, tokens=1)))
    assert "as 1 token (" in said and "50.0 ms for each, about 20.0 a second" in said
    assert "59 tokens" in pace_sentence(state(run(ms=30, tokens=59)))
    assert pace_sentence(state(run(ms=30))) == "" and pace_sentence(state()) == ""
    assert pace_sentence(state(run(ms=0, seconds=2.0))) == ""


def test_warm_up_compares_the_first_run_with_the_later_ones():
    slow_first = warmup_sentence(state(run(100, cold=True), run(40), run(38), run(50)))
    assert slow_first.startswith("The first run took 100 ms, a typical later one 40.0 ms: the first took 2.5 times")
    assert "warm-up" in slow_first
    same = warmup_sentence(state(run(40, cold=True), run(40)))
    assert "about the same" in same and "warm-up" not in same and "slower" not in same
    later_slower = warmup_sentence(state(run(30, cold=True), run(45)))
    assert "the later runs were slower" in later_slower and "warm-up" not in later_slower
    assert warmup_sentence(state(run(20), run(22))).startswith("Every run shown was warm")
    assert warmup_sentence(state(run(30, cold=True))).startswith("There is no later run")
    # Warm runs with another thread count are no fair comparison with the first run.
    assert warmup_sentence(state(run(30, cold=True), run(5, threads=2))).startswith("There is no later run")


@pytest.mark.parametrize("cores, words", [(2, "between the two cores of this computer"),
                                          (8, "between two of the 8 cores of this computer")])
def test_the_threads_step_says_the_real_number_of_cores(cores, words):
    assert words in threads_ask(cores) and "Set **Threads** to 2" in threads_ask(cores)


def test_on_one_core_the_threads_step_asks_for_nothing_and_says_why():
    ask = threads_ask(1)
    assert "only one core" in ask and "Set **Threads** to 2" not in ask and not BAD.search(ask)
    said = threads_sentence(state(run(), cores=1))
    assert "more threads cannot help" in said and "back to 1" not in said


def test_the_threads_sentence_compares_warm_runs():
    faster = threads_sentence(state(run(40), run(30, cold=True, threads=2), run(20, threads=2)))
    assert "With 2 threads a warm run took 20.0 ms, with 1 thread 40.0 ms: 2 times as fast." in faster
    slower = threads_sentence(state(run(20), run(30, threads=2)))
    assert ": slower" in slower and "times as fast" not in slower
    same = threads_sentence(state(run(20), run(20, threads=2)))
    assert "about the same" in same and "Set **Threads** back to 1" in same
    alone = threads_sentence(state(run(20, threads=4)))
    assert "With 4 threads" in alone and "no warm run with 1 thread" in alone
    assert threads_sentence(state(run(20), run(9, threads=2, cold=True))).startswith("There is no warm run with 2")


BASE, TWIN = "m", "m-int8"
SIZES = {BASE: 18_500_000, TWIN: 5_100_000}


def twin_state(*runs: Run, sizes: dict[str, int] | None = None) -> GuideState:
    return state(*runs, model_id=TWIN, tags=("int8",), sizes=SIZES if sizes is None else sizes)


def test_the_int8_step_says_whether_the_answer_changed():
    same = int8_sentence(twin_state(run(model=BASE, answer="bobsled"), run(model=TWIN, answer="bobsled")), BASE)
    assert same.startswith("It gave the same answer as the other version: bobsled.")
    moved = int8_sentence(twin_state(run(model=BASE, answer="bobsled"), run(model=TWIN, answer="toboggan")), BASE)
    assert moved.startswith("The answer changed: bobsled before, toboggan now.")
    alone = int8_sentence(twin_state(run(model=TWIN, answer="toboggan")), BASE)
    assert alone.startswith("The int8 version answered: toboggan.")
    assert "answer" not in int8_sentence(twin_state(run(model=BASE, answer="bobsled"), run(model=TWIN)), BASE)


def test_the_int8_step_claims_smaller_and_faster_only_from_figures():
    faster = int8_sentence(twin_state(run(20, model=BASE), run(10, model=TWIN)), BASE)
    assert "Its files take 5.1 MB on disk, the other version's 18.5 MB: 3.6 times smaller." in faster
    assert "A warm run took 10.0 ms, the other version's 20.0 ms (both with 1 thread): 2 times as fast." in faster
    slower = int8_sentence(twin_state(run(10, model=BASE), run(15, model=TWIN)), BASE)
    assert "slower here" in slower and "as fast" not in slower
    even = int8_sentence(twin_state(run(10, model=BASE), run(10, model=TWIN), sizes={BASE: 100, TWIN: 100}), BASE)
    assert "about the same speed" in even and "about the same size" in even and "smaller" not in even
    bigger = int8_sentence(twin_state(run(10, model=TWIN), sizes={BASE: 100, TWIN: 400}), BASE)
    assert ": larger." in bigger and "no warm run with as many threads" in bigger
    unknown = int8_sentence(twin_state(run(10, model=TWIN), sizes={}), BASE)
    assert "MB" not in unknown and "faster" not in unknown and "smaller" not in unknown
    other_threads = int8_sentence(twin_state(run(5, model=BASE, threads=2), run(10, model=TWIN)), BASE)
    assert "no warm run with as many threads" in other_threads and "slower" not in other_threads
    cold_only = int8_sentence(twin_state(run(20, model=BASE), run(40, model=TWIN, cold=True)), BASE)
    assert "Press **Run** once more" in cold_only and "slower" not in cold_only


def test_no_sentence_shows_a_blank_a_bad_number_or_a_wrong_plural():
    edge = [state(), state(run(0.001, cold=True, seconds=1e-4, tokens=1)),
            state(run(1e7, seconds=1e5, tokens=10**6)), state(run(float("nan"), cold=True), run(float("nan"))),
            state(run(3, threads=2), run(3, threads=2), cores=1),
            twin_state(run(1e-3, model=BASE), run(1e-3, model=TWIN), sizes={BASE: 1, TWIN: 1})]
    for s in edge:
        for name, said in guide_facts(s, BASE).items():
            assert not BAD.search(said), f"{name}: {said}"
