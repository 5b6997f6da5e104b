"""The guided tours, one per kind of input: steps read from assets/explainers/<language>/guide.toml, the
check of each step judged from what the window shows, and the sentences that say what was measured."""

from __future__ import annotations

import math
import statistics
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from playground import paths
from playground.core import readable, results
from playground.core.errors import ModelCardError
from playground.core.explainers import literal
from playground.core.media.types import AudioData
from playground.core.timing import RunRecord
from playground.core.words import translate
from playground.lab.compare import headline
from playground.lab.topics import GUIDE  # noqa: F401 - the guide page and its tests name the tour's topic here

# Two timings within 10 % of each other are "about the same": single runs on a busy desktop jitter that much.
SAME = 1.1
ANSWER_CHARS = 120  # a long transcript is quoted by its start: the result area shows all of it


@dataclass(frozen=True)
class Run:
    """One finished run, as the tour quotes it."""

    model_id: str
    ms: float  # the whole run, as the Time per run graph shows it
    cold: bool
    threads: int
    answer: str = ""  # the answer itself, on one line ("" when the tour did not see it)
    seconds: float = 0.0  # how long the recording heard lasts (0: the input was not a recording)
    tokens: int = 0  # tokens the model read (0: not counted for this model)
    started_ns: int = 0  # when it started: the same run in the window's history


@dataclass(frozen=True)
class GuideState:
    """What the tour may look at: the model shown, this computer's cores, the runs seen and the files' sizes."""

    model_id: str
    tags: tuple[str, ...]
    task: str
    cores: int
    runs: tuple[Run, ...] = ()  # every run the tour saw, of any model, oldest first
    sizes: dict[str, int] = field(default_factory=dict)  # model id -> bytes of its files on disk (0: unknown)

    def of(self, model_id: str | None = None) -> list[Run]:
        wanted = self.model_id if model_id is None else model_id
        return [r for r in self.runs if r.model_id == wanted]

    def last(self) -> Run | None:
        return next((r for r in reversed(self.runs) if r.model_id == self.model_id), None)

    def warm(self, model_id: str | None = None, threads: int | None = None) -> list[float]:
        return [r.ms for r in self.of(model_id) if not r.cold and threads in (None, r.threads)]


def answer_of(result: Any) -> str:
    """The answer two versions of a model can be said to agree on, without scores that always move a little."""
    if result is None:
        return ""
    if isinstance(result, results.Similarities):
        if result.searching:
            ranked = result.ranked()
            return translate("Guide", "line {line} comes closest to the search").format(
                line=ranked[0][0] + 1) if ranked else ""
        best = result.most_alike()
        return translate("Guide", "lines {first} and {second} mean the most alike").format(
            first=best[0] + 1, second=best[1] + 1) if best else translate("Guide", "a single line")
    if isinstance(result, results.Transcript) and not result.text:
        return translate("Guide", "no words")
    text = " ".join(headline(result).split())
    return readable.shortened(text, ANSWER_CHARS)


def run_from(record: RunRecord, result: Any = None, decoded: Any = None) -> Run:
    seconds = 0.0
    if isinstance(result, results.Transcript):
        seconds = result.duration
    elif isinstance(decoded, AudioData) and decoded.sample_rate:
        seconds = len(decoded.samples) / decoded.sample_rate
    tokens = sum(result.tokens) if isinstance(result, results.Similarities) else 0
    return Run(record.model_id, record.total_ns / 1e6, record.cold, record.threads, answer_of(result),
               float(seconds), int(tokens), record.started_ns)


def _picked(task: str) -> Callable[[GuideState], bool]:
    # The tour asks for the full-size model first: its 8-bit twin comes later, to be compared with it.
    return lambda s: s.task == task and "int8" not in s.tags


CHECKS: dict[str, Callable[[GuideState], bool]] = {
    "classifier_chosen": _picked("classify"),
    "transcriber_chosen": _picked("transcribe"),
    "similarity_chosen": _picked("similarity"),
    "ran_once": lambda s: bool(s.of()),
    "ran_warm": lambda s: bool(s.warm()),
    # A new thread count opens a new session, whose first run is cold: only a warm run compares fairly.
    "ran_more_threads": lambda s: s.cores < 2 or any(r.threads >= 2 and not r.cold for r in s.of()),
    "ran_int8": lambda s: "int8" in s.tags and bool(s.warm()),
    "always": lambda s: True,
}


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    done: str  # a name in CHECKS
    done_text: str

    def is_done(self, state: GuideState) -> bool:
        return CHECKS[self.done](state)


@dataclass(frozen=True)
class Tour:
    id: str
    title: str  # the button that chooses it
    modality: str  # the kind of input its model takes: the tour a model of that kind opens on
    steps: tuple[Step, ...]


def load_guide(path: Path | None = None) -> tuple[Tour, ...]:
    path = path or paths.explainers_dir() / "guide.toml"
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        tours = tuple(Tour(t["id"], t["title"], t["modality"],
                           tuple(Step(s["title"], s["text"].strip(), s["done"], s["done_text"].strip())
                                 for s in t["step"])) for t in table["tour"])
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise ModelCardError(translate("Guide", "The guided tour in {path} could not be read ({reason}); reinstall "
                                       "the playground.").format(path=path, reason=exc)) from None
    unknown = sorted({s.done for t in tours for s in t.steps} - set(CHECKS))
    if unknown:
        raise ModelCardError(translate("Guide", "The guided tour in {path} names checks the playground does not "
                                       "have: {checks}.").format(path=path, checks=unknown))
    if not tours or not all(t.steps for t in tours):
        raise ModelCardError(translate("Guide", "The guided tour in {path} has a tour without steps; reinstall the "
                                       "playground.").format(path=path))
    return tours


def tour_for(tours: tuple[Tour, ...], modality: str) -> Tour:
    """The tour for the kind of model shown, or the first one."""
    return next((t for t in tours if t.modality == modality), tours[0])


# --- numbers as a person reads them ------------------------------------------------------------------------

def figure(x: float) -> str:
    """A measured figure: 0.14, 7.3, 251, 1,204; never 1e-05, 0.00 or nan."""
    return readable.ms(x) if math.isfinite(x) and x > 0 else "0"


def _times(big: float, small: float) -> str:
    return readable.ratio(big / small)


def _judged(mine: float, theirs: float) -> tuple[str, str]:
    """How `mine` compares with `theirs`: "less", "more", or "same" (within SAME of it), and the ratio of the
    two as the sentences quote it ("" when the same). Each sentence has a whole template for each case."""
    if theirs >= mine * SAME:
        return "less", _times(theirs, mine)
    if mine >= theirs * SAME:
        return "more", _times(mine, theirs)
    return "same", ""


def _full_stop(quoted: str) -> str:
    """A full stop, unless the quoted answer already ends a sentence (“… connection.”)."""
    return "" if quoted.rstrip("”\"'").endswith((".", "!", "?", "…")) else "."


# --- the sentences the steps quote ------------------------------------------------------------------------

def answer_sentence(state: GuideState) -> str:
    last = state.last()
    if last is None:
        return translate("Guide", "It has not answered yet.")
    if not last.answer:
        return translate("Guide", "It answered in {ms} ms.").format(ms=figure(last.ms))
    # What a model wrote is shown as it is, never as Markdown.
    return translate("Guide", "It answered in {ms} ms: {answer}").format(
        ms=figure(last.ms), answer=literal(last.answer)) + _full_stop(last.answer)


def pace_sentence(state: GuideState) -> str:
    """The last run's time set against the size of its input: seconds of sound, or tokens of text."""
    last = state.last()
    if last is None or last.ms <= 0:
        return ""
    if last.seconds > 0:
        work = last.ms / 1000
        case, times = _judged(work, last.seconds)
        text = {"less": translate("Guide", "The recording lasts {length} s and this run took {work} s: {factor} s of "
                                  "work for each second of sound (its real-time factor), {times} times faster than "
                                  "the sound plays."),
                "more": translate("Guide", "The recording lasts {length} s and this run took {work} s: {factor} s of "
                                  "work for each second of sound (its real-time factor), slower than the sound plays: "
                                  "a live recording would fall behind."),
                "same": translate("Guide", "The recording lasts {length} s and this run took {work} s: {factor} s of "
                                  "work for each second of sound (its real-time factor), about as fast as the sound "
                                  "plays.")}[case]
        return text.format(length=figure(last.seconds), work=figure(work), factor=figure(work / last.seconds),
                           times=times)
    if last.tokens > 0:
        rate = last.tokens / (last.ms / 1000)
        # Only the sentence model counts its tokens here, and it marks where each line starts and ends.
        return translate("Guide", "It read the text as {tokens} (word pieces, and a mark where each line starts and "
                         "ends): {each} ms for each, about {rate} a second.").format(
            tokens=readable.plural(last.tokens, "token"), each=figure(last.ms / last.tokens), rate=figure(rate))
    return ""


def warmup_sentence(state: GuideState) -> str:
    """The first (cold) run against the typical later one with the same threads, compared, with numbers."""
    cold = next((r for r in reversed(state.of()) if r.cold), None)
    warm = state.warm(threads=cold.threads if cold else None)
    if not warm:
        return translate("Guide", "There is no later run to compare yet: press **Run** again.")
    typical = statistics.median(warm)
    if cold is None:
        return translate("Guide", "Every run shown was warm, as the model was already set up: a typical one took "
                         "{typical} ms.").format(typical=figure(typical))
    case, times = _judged(typical, cold.ms)
    text = {"less": translate("Guide", "The first run took {first} ms, a typical later one {typical} ms: the first "
                              "took {times} times as long, as it also set up the memory the model works in. That was "
                              "warm-up."),
            "more": translate("Guide", "The first run took {first} ms, a typical later one {typical} ms: the later "
                              "runs were slower this time. Times vary from run to run, as other programs share the "
                              "processor: press **Run** a few more times."),
            "same": translate("Guide", "The first run took {first} ms, a typical later one {typical} ms: about the "
                              "same, so setting up cost this model little here.")}[case]
    return text.format(first=figure(cold.ms), typical=figure(typical), times=times)


def threads_ask(cores: int) -> str:
    """What the threads step asks of the person: never more threads than this computer has cores."""
    if cores < 2:
        return translate("Guide", "Look at **Threads** in the bar at the top: it stops at 1, because this computer "
                         "has only one core. Threads share the sums of a run between cores, so here there is nothing "
                         "to share.")
    if cores == 2:
        return translate("Guide", "Set **Threads** to 2 in the bar at the top, then press **Run** twice: the first run "
                         "with a new setting sets up again. Two threads share the sums of each run between the two "
                         "cores of this computer.")
    return translate("Guide", "Set **Threads** to 2 in the bar at the top, then press **Run** twice: the first run "
                     "with a new setting sets up again. Two threads share the sums of each run between two of the "
                     "{cores} cores of this computer.").format(cores=readable.local(f"{cores:,}"))


def threads_sentence(state: GuideState) -> str:
    if state.cores < 2:
        return translate("Guide", "With one core, a second thread could only take turns with the first: more threads "
                         "cannot help here.")
    more = [r for r in state.of() if r.threads >= 2 and not r.cold]
    if not more:
        return translate("Guide", "There is no warm run with 2 threads yet: press **Run** again.")
    n = more[-1].threads
    mine, one = statistics.median(state.warm(threads=n)), state.warm(threads=1)
    back = translate("Guide", "Set **Threads** back to 1 before the next step, so both versions of the model are "
                     "timed alike.")
    if not one:
        return translate("Guide", "With {threads} threads a warm run took {mine} ms; there is no warm run with 1 "
                         "thread to compare it with.").format(threads=n, mine=figure(mine)) + " " + back
    single = statistics.median(one)
    case, times = _judged(mine, single)
    text = {"less": translate("Guide", "With {threads} threads a warm run took {mine} ms, with 1 thread {single} ms: "
                              "{times} times as fast."),
            "more": translate("Guide", "With {threads} threads a warm run took {mine} ms, with 1 thread {single} ms: "
                              "slower, as sharing out the work cost more than it saved, or another program was busy."),
            "same": translate("Guide", "With {threads} threads a warm run took {mine} ms, with 1 thread {single} ms: "
                              "about the same, so this model gains little from more threads here.")}[case]
    return text.format(threads=n, mine=figure(mine), single=figure(single), times=times) + " " + back


def int8_sentence(state: GuideState, base_id: str) -> str:
    """The 8-bit twin against the version before it: the answers, the files' sizes and warm times as measured."""
    return " ".join(p for p in (_int8_answer(state, base_id), _int8_size(state, base_id),
                                _int8_time(state, base_id)) if p)


def _int8_answer(state: GuideState, base_id: str) -> str:
    mine = next((r.answer for r in reversed(state.of()) if r.answer), "")
    theirs = next((r.answer for r in reversed(state.of(base_id)) if r.answer), "")
    mine, theirs = literal(mine), literal(theirs)
    if not mine:
        return ""
    if not theirs:
        return translate("Guide", "The int8 version answered: {answer}").format(answer=mine) + _full_stop(mine)
    if mine == theirs:
        return translate("Guide", "It gave the same answer as the other version: {answer}").format(
            answer=mine) + _full_stop(mine)
    return translate("Guide", "The answer changed: {before} before, {now} now. Rounding has a price; check it on your "
                     "own inputs.").format(before=theirs, now=mine)


def _int8_size(state: GuideState, base_id: str) -> str:
    mine, theirs = state.sizes.get(state.model_id, 0), state.sizes.get(base_id, 0)
    if mine <= 0 or theirs <= 0:
        return ""
    case, times = _judged(mine, theirs)
    text = {"less": translate("Guide", "Its files take {mine} MB on disk, the other version's {theirs} MB: {times} "
                              "times smaller."),
            "more": translate("Guide", "Its files take {mine} MB on disk, the other version's {theirs} MB: larger."),
            "same": translate("Guide", "Its files take {mine} MB on disk, the other version's {theirs} MB: about the "
                              "same size.")}[case]
    return text.format(mine=figure(mine / 1e6), theirs=figure(theirs / 1e6), times=times)


def _int8_time(state: GuideState, base_id: str) -> str:
    warm = [r for r in state.of() if not r.cold]
    if not warm:
        return translate("Guide", "Press **Run** once more: a model's first run is its cold one, and only warm runs "
                         "compare fairly.")
    n = warm[-1].threads
    mine, theirs = statistics.median(state.warm(threads=n)), state.warm(base_id, n)
    if not theirs:
        return translate("Guide", "A warm run took {mine} ms with {threads}; the other version has no warm run with "
                         "as many threads to compare it with.").format(mine=figure(mine), threads=readable.plural(n, "thread"))
    other = statistics.median(theirs)
    case, times = _judged(mine, other)
    text = {"less": translate("Guide", "A warm run took {mine} ms, the other version's {other} ms (both with "
                              "{threads}): {times} times as fast."),
            "more": translate("Guide", "A warm run took {mine} ms, the other version's {other} ms (both with "
                              "{threads}): slower here, so on this processor the rounding bought no speed."),
            "same": translate("Guide", "A warm run took {mine} ms, the other version's {other} ms (both with "
                              "{threads}): about the same speed here.")}[case]
    return text.format(mine=figure(mine), other=figure(other), threads=readable.plural(n, "thread"), times=times)


def guide_facts(state: GuideState, base_id: str) -> dict[str, str]:
    """Every placeholder the tour file may use beyond the explainers' own."""
    return {"answer_sentence": answer_sentence(state), "pace_sentence": pace_sentence(state),
            "warmup_sentence": warmup_sentence(state), "threads_ask": threads_ask(state.cores),
            "threads_sentence": threads_sentence(state), "int8_sentence": int8_sentence(state, base_id)}
