"""The batch lesson's numbers in words: live runs against a deadline, the last batch of a folder and what bigger
batches did (the lesson's text); the batch engines side by side, and what a million files would take beyond
this computer (the caption under the engines' bars).

Every sentence is a whole template translated under "LessonFacts" (core/words.py), then filled."""

from __future__ import annotations

import math
from pathlib import Path

from playground.core import readable
from playground.core.explainers import literal
from playground.core.metrics import RunHistory
from playground.core.words import QT_TRANSLATE_NOOP, translate
from playground.lab.batch import BatchReport
from playground.lab.batch_sizes import BatchSizes
from playground.lab.cost import DEFAULT_PRICE_PER_CPU_HOUR

MILLION = 1_000_000
NODES, NODE_CORES = 10, 16  # the cluster the projection hires: ten computers of sixteen cores
ENGINE_NAMES = {"local": QT_TRANSLATE_NOOP("LessonFacts", "the local engine"),
                "ray": QT_TRANSLATE_NOOP("LessonFacts", "Ray")}




def batch_facts(report: BatchReport | None, history: RunHistory, deadline_ms: float,
                sizes: BatchSizes | None = None) -> dict[str, str]:
    """The live runs against a deadline, the last batch's throughput, and what bigger batches did (sentences
    for what is missing)."""
    totals = history.total_ms.view()
    missed = int((totals > deadline_ms).sum())
    if len(totals) == 1:
        live = translate("LessonFacts", "{missed} of the last 1 run missed it.").format(missed=readable.whole(missed))
    elif len(totals):
        live = translate("LessonFacts", "{missed} of the last {runs} runs missed it.").format(
            missed=readable.whole(missed), runs=readable.whole(len(totals)))
    else:
        live = translate("LessonFacts", "run a model live (press Repeat, or use a camera or a microphone) to count "
                         "the runs that miss it.")
    target = 1000.0 / deadline_ms if deadline_ms > 0 else math.inf
    return {"deadline": readable.ms(deadline_ms), "per_second_target": readable.sig(target, 3),
            "live_sentence": live, "batch_sentence": _batch_sentence(report), "sizes_sentence": _sizes_sentence(sizes)}


def _batch_sentence(report: BatchReport | None) -> str:
    """What follows "In a batch, {model_name}" in the lesson."""
    if report is None or not report.done:
        return translate("LessonFacts", "is waiting for a folder. Choose one above, or run the samples: the model "
                         "then goes through every file, one by one, with the files done a second and the time left.")
    answered = [r.total_ms for r in report.rows if not r.problem]
    # "; 1 could not be read", or nothing: the end of the sentence's list of figures.
    unreadable = (translate("LessonFacts", "; {count} could not be read").format(count=readable.whole(report.failed))
                  if report.failed else "")
    values = {"done": readable.whole(report.done), "total": readable.whole(report.total),
              "folder": literal(Path(report.folder).name),
              "time": readable.duration(report.elapsed_s), "rate": readable.sig(report.per_second, 3),
              "each": readable.ms(sum(answered) / len(answered)) if answered else "", "unreadable": unreadable}
    if report.total == 1:  # done, and so finished
        text = (translate("LessonFacts", "went through {done} of 1 file of {folder} in {time}: {rate} files a second, "
                          "{each} ms each{unreadable}.") if answered else
                translate("LessonFacts", "went through {done} of 1 file of {folder} in {time}: {rate} files a "
                          "second{unreadable}."))
    elif report.finished:
        text = (translate("LessonFacts", "went through {done} of {total} files of {folder} in {time}: {rate} files a "
                          "second, {each} ms each{unreadable}.") if answered else
                translate("LessonFacts", "went through {done} of {total} files of {folder} in {time}: {rate} files a "
                          "second{unreadable}."))
    else:
        text = (translate("LessonFacts", "has gone through {done} of {total} files of {folder} in {time}: {rate} "
                          "files a second, {each} ms each{unreadable}.") if answered else
                translate("LessonFacts", "has gone through {done} of {total} files of {folder} in {time}: {rate} "
                          "files a second{unreadable}."))
    return text.format(**values)


def _sizes_sentence(sizes: BatchSizes | None) -> str:
    if sizes is None or len(sizes.points) < 2:
        return translate("LessonFacts", "Press “Time batch sizes” to feed the model the same input many times in "
                         "one run.")
    one, big = sizes.points[0], sizes.points[-1]
    gain = big.per_second / one.per_second if one.per_second else 0.0
    values = {"size": readable.whole(big.size), "gain": readable.ratio(gain), "big_ms": readable.ms(big.batch_ms),
              "one_ms": readable.ms(one.batch_ms), "big_rate": readable.sig(big.per_second, 3),
              "one_rate": readable.sig(one.per_second, 3)}
    if gain >= 1.2:
        return translate("LessonFacts", "Fed {size} at once, it answered {gain} times as many a second. Each answer "
                         "waited {big_ms} ms instead of {one_ms} ms: the fixed cost of a run was "
                         "shared.").format(**values)
    return translate("LessonFacts", "Fed {size} at once, it answered no more a second ({big_rate} against "
                     "{one_rate}). Each answer waited {big_ms} ms instead of {one_ms} ms: one input already keeps "
                     "this processor busy. Graphics chips, with thousands of small cores, are where big batches "
                     "pay.").format(**values)


def engine_name(report: BatchReport) -> str:
    """"the local engine, 2 workers": which engine ran a batch, and on how many processes."""
    name = translate("LessonFacts", ENGINE_NAMES.get(report.engine, report.engine))
    if report.workers == 1:
        return translate("LessonFacts", "{engine}, 1 worker").format(engine=name)
    return translate("LessonFacts", "{engine}, {workers} workers").format(engine=name, workers=readable.whole(report.workers))


def engines_sentence(runs: tuple[BatchReport, ...]) -> str:
    """The engines' runs of one folder side by side: files a second, and the wait for the first answers."""
    finished = [run for run in runs if run.ran]
    if not finished:
        return translate("LessonFacts", "Run the same folder through the local engine and then through Ray (or with "
                         "another number of workers) to see them side by side.")
    parts = [translate("LessonFacts", "{engine}, the first answers after {first}, then {rate} files a second").format(
        engine=engine_name(run), rate=readable.sig(run.steady_per_second, 3), first=readable.duration(run.first_s))
        for run in finished]
    return translate("LessonFacts", "Side by side on this folder: {runs}.").format(runs="; ".join(parts))


def beyond_sentence(runs: tuple[BatchReport, ...]) -> str:
    """A million files at the fastest measured pace, on this computer and on a hired cluster (a projection), and
    what an engine like Ray must do once the work leaves one computer."""
    work = translate("LessonFacts", "Beyond one computer, an engine like Ray must also move each file to a computer "
                     "with the model, start the cluster first (minutes for new machines) and give the files of a "
                     "computer that fails to another: why a small batch is done sooner at home.")
    paced = [run for run in runs if run.ran and run.steady_per_second > 0]
    if not paced:
        return work
    fastest = max(run.steady_per_second for run in paced)
    per_core = max(run.steady_per_second / run.workers for run in paced)
    cost = MILLION / per_core / 3600 * DEFAULT_PRICE_PER_CPU_HOUR
    projection = translate("LessonFacts", "A million files would take {here} here at the fastest pace measured, and "
                           "about {cluster} on {nodes} hired computers of {cores} cores at {per_core} files a second "
                           "per core: {cost} of computing (at {price} a core-hour), much the same on one computer or a "
                           "hundred, for cores are paid by the hour. A projection, from these runs.").format(
        here=readable.duration(MILLION / fastest), cluster=readable.duration(MILLION / (per_core * NODES * NODE_CORES)),
        nodes=readable.whole(NODES), cores=readable.whole(NODE_CORES), per_core=readable.sig(per_core, 3),
        cost=readable.money(cost), price=readable.money(DEFAULT_PRICE_PER_CPU_HOUR))
    return f"{projection} {work}"
