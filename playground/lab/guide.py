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
from playground.core.explainers import Topic, literal
from playground.core.media.types import AudioData
from playground.core.timing import RunRecord
from playground.lab.compare import headline

GUIDE = Topic("lesson:guide", "Guided tour", "lesson_guide.md")
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
            return f"line {ranked[0][0] + 1} comes closest to the search" if ranked else ""
        best = result.most_alike()
        return f"lines {best[0] + 1} and {best[1] + 1} mean the most alike" if best else "a single line"
    if isinstance(result, results.Transcript) and not result.text:
        return "no words"
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
        raise ModelCardError(f"The guided tour in {path} could not be read ({exc}); "
                             "reinstall the playground.") from None
    unknown = sorted({s.done for t in tours for s in t.steps} - set(CHECKS))
    if unknown:
        raise ModelCardError(f"The guided tour in {path} names checks the playground does not have: {unknown}.")
    if not tours or not all(t.steps for t in tours):
        raise ModelCardError(f"The guided tour in {path} has a tour without steps; reinstall the playground.")
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


def _judged(mine: float, theirs: float, less: str, more: str, same: str) -> str:
    """The ending that says how `mine` compares with `theirs` (less, more, or within SAME of it); {times}
    in an ending becomes the ratio of the two."""
    if theirs >= mine * SAME:
        return less.format(times=_times(theirs, mine))
    if mine >= theirs * SAME:
        return more.format(times=_times(mine, theirs))
    return same


def _full_stop(quoted: str) -> str:
    """A full stop, unless the quoted answer already ends a sentence (“… connection.”)."""
    return "" if quoted.rstrip("”\"'").endswith((".", "!", "?", "…")) else "."


# --- the sentences the steps quote ------------------------------------------------------------------------

def answer_sentence(state: GuideState) -> str:
    last = state.last()
    if last is None:
        return "It has not answered yet."
    # What a model wrote is shown as it is, never as Markdown.
    said = f": {literal(last.answer)}" if last.answer else ""
    return f"It answered in {figure(last.ms)} ms{said}" + _full_stop(last.answer)


def pace_sentence(state: GuideState) -> str:
    """The last run's time set against the size of its input: seconds of sound, or tokens of text."""
    last = state.last()
    if last is None or last.ms <= 0:
        return ""
    if last.seconds > 0:
        work = last.ms / 1000
        head = (f"The recording lasts {figure(last.seconds)} s and this run took {figure(work)} s: "
                f"{figure(work / last.seconds)} s of work for each second of sound (its real-time factor)")
        return head + _judged(work, last.seconds, ", {times} times faster than the sound plays.",
                              ", slower than the sound plays: a live recording would fall behind.",
                              ", about as fast as the sound plays.")
    if last.tokens > 0:
        rate = last.tokens / (last.ms / 1000)
        # Only the sentence model counts its tokens here, and it marks where each line starts and ends.
        return (f"It read the text as {readable.plural(last.tokens, 'token')} (word pieces, and a mark where each line "
                f"starts and ends): {figure(last.ms / last.tokens)} ms for each, about {figure(rate)} a second.")
    return ""


def warmup_sentence(state: GuideState) -> str:
    """The first (cold) run against the typical later one with the same threads, compared, with numbers."""
    cold = next((r for r in reversed(state.of()) if r.cold), None)
    warm = state.warm(threads=cold.threads if cold else None)
    if not warm:
        return "There is no later run to compare yet: press **Run** again."
    typical = statistics.median(warm)
    if cold is None:
        return f"Every run shown was warm, as the model was already set up: a typical one took {figure(typical)} ms."
    head = f"The first run took {figure(cold.ms)} ms, a typical later one {figure(typical)} ms"
    return head + _judged(typical, cold.ms,
                          ": the first took {times} times as long, as it also set up the memory the model works "
                          "in. That was warm-up.",
                          ": the later runs were slower this time. Times vary from run to run, as other programs "
                          "share the processor: press **Run** a few more times.",
                          ": about the same, so setting up cost this model little here.")


def threads_ask(cores: int) -> str:
    """What the threads step asks of the person: never more threads than this computer has cores."""
    if cores < 2:
        return ("Look at **Threads** in the bar at the top: it stops at 1, because this computer has only one "
                "core. Threads share the sums of a run between cores, so here there is nothing to share.")
    where = "the two cores of this computer" if cores == 2 else f"two of the {cores:,} cores of this computer"
    return (f"Set **Threads** to 2 in the bar at the top, then press **Run** twice: the first run with a new "
            f"setting sets up again. Two threads share the sums of each run between {where}.")


def threads_sentence(state: GuideState) -> str:
    if state.cores < 2:
        return "With one core, a second thread could only take turns with the first: more threads cannot help here."
    more = [r for r in state.of() if r.threads >= 2 and not r.cold]
    if not more:
        return "There is no warm run with 2 threads yet: press **Run** again."
    n = more[-1].threads
    mine, one = statistics.median(state.warm(threads=n)), state.warm(threads=1)
    head = f"With {n} threads a warm run took {figure(mine)} ms"
    back = " Set **Threads** back to 1 before the next step, so both versions of the model are timed alike."
    if not one:
        return f"{head}; there is no warm run with 1 thread to compare it with.{back}"
    single = statistics.median(one)
    head += f", with 1 thread {figure(single)} ms"
    return head + _judged(mine, single, ": {times} times as fast.",
                          ": slower, as sharing out the work cost more than it saved, or another program was busy.",
                          ": about the same, so this model gains little from more threads here.") + back


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
        return f"The int8 version answered: {mine}{_full_stop(mine)}"
    if mine == theirs:
        return f"It gave the same answer as the other version: {mine}{_full_stop(mine)}"
    return f"The answer changed: {theirs} before, {mine} now. Rounding has a price; check it on your own inputs."


def _int8_size(state: GuideState, base_id: str) -> str:
    mine, theirs = state.sizes.get(state.model_id, 0), state.sizes.get(base_id, 0)
    if mine <= 0 or theirs <= 0:
        return ""
    head = f"Its files take {figure(mine / 1e6)} MB on disk, the other version's {figure(theirs / 1e6)} MB"
    return head + _judged(mine, theirs, ": {times} times smaller.", ": larger.", ": about the same size.")


def _int8_time(state: GuideState, base_id: str) -> str:
    warm = [r for r in state.of() if not r.cold]
    if not warm:
        return "Press **Run** once more: a model's first run is its cold one, and only warm runs compare fairly."
    n = warm[-1].threads
    mine, theirs = statistics.median(state.warm(threads=n)), state.warm(base_id, n)
    if not theirs:
        return (f"A warm run took {figure(mine)} ms with {readable.plural(n, 'thread')}; the other version has no warm "
                "run with as many threads to compare it with.")
    other = statistics.median(theirs)
    head = (f"A warm run took {figure(mine)} ms, the other version's {figure(other)} ms "
            f"(both with {readable.plural(n, 'thread')})")
    return head + _judged(mine, other, ": {times} times as fast.",
                          ": slower here, so on this processor the rounding bought no speed.",
                          ": about the same speed here.")


def guide_facts(state: GuideState, base_id: str) -> dict[str, str]:
    """Every placeholder the tour file may use beyond the explainers' own."""
    return {"answer_sentence": answer_sentence(state), "pace_sentence": pace_sentence(state),
            "warmup_sentence": warmup_sentence(state), "threads_ask": threads_ask(state.cores),
            "threads_sentence": threads_sentence(state), "int8_sentence": int8_sentence(state, base_id)}
