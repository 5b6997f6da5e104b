"""The lessons' topics and the live numbers their texts quote: costs, the cloud, latency, int8, batches, training.

Every sentence here is a whole template translated under "LessonFacts" (core/words.py), then filled; a count
that may be one has a template of its own for one."""

from __future__ import annotations

from playground.core import readable
from playground.core.explainers import literal
from playground.core.metrics import RunHistory
from playground.core.timing import RunRecord, percentile
from playground.core.words import QT_TRANSLATE_NOOP, translate
from playground.lab.cloud import CloudEstimate, CloudSetting
from playground.lab.compare import Comparison
from playground.lab.cost import CostFigures
from playground.lab.sweep import Sweep
from playground.lab.topics import (  # noqa: F401 - the lesson pages name their topics here
    BATCH,
    CLOUD,
    COST,
    GLOSSARY,
    INT8,
    LATENCY,
    LESSON_TOPICS,
    MODEL,
    POST,
    PRIVACY,
    TRAINING,
    TRUST,
)
from playground.lab.train_lesson import Answer, FineTuned, Trained

# What the input is to a person, by the model's kind of input (translated under "LessonFacts" where quoted).
INPUT_NOUN = {"image": QT_TRANSLATE_NOOP("LessonFacts", "photo"),
              "audio": QT_TRANSLATE_NOOP("LessonFacts", "recording"),
              "text": QT_TRANSLATE_NOOP("LessonFacts", "text")}
# The stages a server would do too: everything but drawing the answer on this screen.
SERVER_STAGES = ("decode", "preprocess", "model", "postprocess")




def cost_facts(figures: CostFigures | None, reply_tokens: int = 0) -> dict[str, str]:
    """reply_tokens: a chat model's last reply, which is priced per token, as chat services price theirs."""
    if figures is None:
        return {}
    cpu = readable.duration(figures.cpu_s)
    joules = f"**{readable.energy(figures.joules)}**"
    if figures.energy_measured:
        energy = translate("LessonFacts", "The processor's own energy counter measured {energy} per run (for the "
                           "whole processor, so other programs count too).").format(energy=joules)
    else:
        energy = translate("LessonFacts", "Estimated, as this computer hides its energy counter: {cpu_time} of CPU "
                           "time × {watts} W per busy core = {energy} per run.").format(
            cpu_time=cpu, watts=readable.sig(figures.watts_per_core, 2), energy=joules)
    per_dollar = 1.0 / figures.dollars(1) if figures.cpu_s > 0 and figures.price_per_cpu_hour > 0 else 0.0
    basis = (translate("LessonFacts", "the median of {runs} warm runs").format(runs=readable.whole(figures.runs))
             if figures.runs > 1 else
             translate("LessonFacts", "from one warm run: run it a few more times for a steadier figure"))
    if reply_tokens > 0:
        per_dollar_sentence = _token_sentence(figures, reply_tokens)
    elif per_dollar >= 2:
        per_dollar_sentence = translate("LessonFacts", "One dollar buys about {runs} runs.").format(
            runs=readable.count(per_dollar))
    elif per_dollar:
        per_dollar_sentence = translate("LessonFacts", "One run costs {cost}.").format(
            cost=readable.money(figures.dollars(1)))
    else:
        per_dollar_sentence = translate("LessonFacts", "At that price the runs cost nothing.")
    return {"cost_basis": basis, "cpu_per_run": cpu, "price": readable.money(figures.price_per_cpu_hour),
            "cpu_1k": readable.duration(1000 * figures.cpu_s), "cost_1k": readable.money(figures.dollars(1000)),
            "cpu_1m": readable.duration(1_000_000 * figures.cpu_s),
            "cost_1m": readable.money(figures.dollars(1_000_000)),
            "per_dollar_sentence": per_dollar_sentence,
            "energy_sentence": energy, "energy_1m": readable.energy(figures.joules * 1_000_000),
            "bulb_time": readable.duration(figures.bulb_hours(1_000_000) * 3600)}


def _token_sentence(figures: CostFigures, reply_tokens: int) -> str:
    """A chat is priced per token of reply, as chat services price theirs."""
    cost = readable.money(figures.dollars(1) / reply_tokens * 1e6)
    if reply_tokens == 1:
        return translate("LessonFacts", "The last reply was 1 token (a word piece), so a million tokens would cost "
                         "{cost}. Chat services price their answers the same way.").format(cost=cost)
    return translate("LessonFacts", "The last reply was {tokens} tokens (word pieces), so a million tokens would "
                     "cost {cost}. Chat services price their answers the same way.").format(
        tokens=readable.whole(reply_tokens), cost=cost)


def device_ms(record: RunRecord) -> float:
    return sum(record.stages_ns.get(stage, 0) for stage in SERVER_STAGES) / 1e6


def _cloud_verdict(here: float, cloud: float) -> str:
    """The end of the lesson's sentence "Sent to a service instead, the same request would take … ms, …"."""
    if cloud <= 0:
        return translate("LessonFacts", "no time at all with the settings above, which no real network is")
    if here <= 0:
        return translate("LessonFacts", "far longer than here, where it took no measurable time")
    ratio = cloud / here
    if ratio >= 1.5:
        return translate("LessonFacts", "{ratio} times as long as here").format(ratio=readable.ratio(ratio))
    if ratio > 1 / 1.5:
        return translate("LessonFacts", "about as long as here")
    return translate("LessonFacts", "{ratio} times faster than here, as the model is heavy and the server "
                     "strong").format(ratio=readable.ratio(1 / ratio))


def cloud_facts(record: RunRecord | None, estimate: CloudEstimate | None, setting: CloudSetting,
                modality: str) -> dict[str, str]:
    if record is None or estimate is None:
        return {}
    here = device_ms(record)
    noun = translate("LessonFacts", INPUT_NOUN.get(modality, QT_TRANSLATE_NOOP("LessonFacts", "input")))
    return {"device_ms": readable.ms(here), "upload_size": readable.size(estimate.upload_bytes),
            "upload_ms": readable.ms(estimate.upload_ms), "upload_mbps": readable.sig(setting.upload_mbps, 3),
            "round_trip_ms": readable.ms(estimate.round_trip_ms), "queue_ms": readable.ms(estimate.queue_ms),
            "server_ms": readable.ms(estimate.server_ms), "speedup": readable.ratio(setting.server_speedup),
            "result_text": readable.size(estimate.result_bytes), "download_ms": readable.ms(estimate.download_ms),
            "cloud_ms": readable.ms(estimate.total_ms), "verdict": _cloud_verdict(here, estimate.total_ms),
            "noun": noun}


# Nearest-rank percentiles: p95 names a run only from 20 runs on, p99 from 100; below that it is the slowest.
P95_RUNS, P99_RUNS = 20, 100


def percentile_sentence(warm: list[float], model_name: str) -> str:
    """What the warm runs' percentiles say, quoting only those the number of runs can support."""
    n = len(warm)
    values = {"runs": readable.whole(n), "model": model_name, "p50": readable.ms(percentile(warm, 50)),
              "p95": readable.ms(percentile(warm, 95)), "p99": readable.ms(percentile(warm, 99)),
              "slowest": readable.ms(max(warm)), "p95_runs": readable.whole(P95_RUNS), "p99_runs": readable.whole(P99_RUNS)}
    if n >= P99_RUNS:
        text = translate("LessonFacts", "Of the last {runs} warm runs of {model}, half took at most **{p50} ms** (the "
                         "median, p50), 95 in 100 at most {p95} ms (p95) and 99 in 100 at most {p99} ms (p99).")
    elif n >= P95_RUNS:
        text = translate("LessonFacts", "Of the last {runs} warm runs of {model}, half took at most **{p50} ms** (the "
                         "median, p50) and 95 in 100 at most {p95} ms (p95). With {p99_runs} runs this page gives "
                         "p99 too.")
    elif n == 1:
        text = translate("LessonFacts", "The last warm run of {model} took **{p50} ms**. With {p95_runs} runs or "
                         "more this page gives p95 too: the time 95 runs in 100 stay within.")
    else:
        text = translate("LessonFacts", "Of the last {runs} warm runs of {model}, half took at most **{p50} ms** (the "
                         "median, p50); the slowest took {slowest} ms. With {p95_runs} runs or more this page gives "
                         "p95 too: the time 95 runs in 100 stay within.")
    return text.format(**values)


def latency_facts(history: RunHistory, load_ns: int, sweeps: dict[str, Sweep], model_name: str = ""
                  ) -> dict[str, str]:
    """Percentiles of the warm runs, the load and the cold run, and what the latest sweeps found."""
    warm = history.warm_totals()
    if len(warm) < 2:
        return {}
    cold = next((r for r in reversed(history.records) if r.cold), None)
    p50 = percentile(warm, 50)
    if load_ns and cold is not None and p50 > 0:
        cold_ms = cold.total_ns / 1e6
        values = {"load": readable.ms(load_ns / 1e6), "cold": readable.ms(cold_ms),
                  "ratio": readable.ratio(cold_ms / p50)}
        start = (translate("LessonFacts", "Loading the model took {load} ms and the first, cold run {cold} ms, "
                           "{ratio} times a warm one: memory and caches were being set up.")
                 if cold_ms >= 1.2 * p50 else
                 translate("LessonFacts", "Loading the model took {load} ms and the first, cold run {cold} ms, "
                           "about as long as a warm one.")).format(**values)
    else:
        start = translate("LessonFacts", "The model was already loaded, so every run here is warm.")
    name = model_name or translate("LessonFacts", "the model")
    return {"percentile_sentence": percentile_sentence(warm, name), "start_sentence": start,
            "sweep_sentence": " ".join(_sweep_sentence(s) for s in sweeps.values()) or
            translate("LessonFacts", "Press a button above to time the model with each number of threads, or each "
                      "optimisation level.")}


def _sweep_sentence(sweep: Sweep) -> str:
    best = sweep.best()
    slowest = max(sweep.points, key=lambda p: p.median_ms)
    if len(sweep.points) == 1:
        return translate("LessonFacts", "With one core there is only one setting to try: {ms} ms in the "
                         "model.").format(ms=readable.ms(best.median_ms))
    text = (translate("LessonFacts", "Timed just now with 1 to {count} threads: {best} was fastest at {best_ms} ms "
                      "in the model, against {slowest_ms} ms with {slowest}.") if sweep.kind == "threads" else
            translate("LessonFacts", "Timed just now at each of {count} optimisation levels: {best} was fastest at "
                      "{best_ms} ms in the model, against {slowest_ms} ms with {slowest}."))
    return text.format(count=readable.whole(len(sweep.points)), best=f"**{best.label}**", best_ms=readable.ms(best.median_ms),
                       slowest_ms=readable.ms(slowest.median_ms), slowest=slowest.label)


def int8_facts(comparison: Comparison | None, input_label: str) -> dict[str, str]:
    if comparison is None:
        return {}
    base, twin = comparison.base, comparison.twin
    speedup = comparison.speedup
    # The end of "… {twin_name} {twin_ms} ms: {speed_sentence}."
    if base.median_ms <= 0 or twin.median_ms <= 0:
        speed = translate("LessonFacts", "too quick to time apart")
    elif speedup >= 1.1:
        speed = translate("LessonFacts", "{ratio} times as fast").format(ratio=readable.ratio(speedup))
    elif speedup > 1 / 1.1:
        speed = translate("LessonFacts", "no faster")
    else:
        speed = translate("LessonFacts", "{ratio} times slower").format(ratio=readable.ratio(1 / speedup))
    dots = comparison.dot_product
    if dots:
        cpu = translate("LessonFacts", "This processor has {instructions}: instructions that multiply many 8-bit "
                        "numbers in one step, which is where int8 gets most of its speed.").format(instructions=dots)
    elif dots == "":
        cpu = translate("LessonFacts", "This processor lacks VNNI, the instructions that multiply and add many 8-bit "
                        "numbers in one step. Here int8 can still be faster, as the times above show, but by less. "
                        "Its answers can also differ a little from a processor that has them.")
    else:
        cpu = translate("LessonFacts", "This system does not say which instructions the processor has.")
    return {"base_name": base.name, "twin_name": twin.name, "base_ms": readable.ms(base.median_ms),
            "twin_ms": readable.ms(twin.median_ms), "speed_sentence": speed,
            "base_mb": readable.sig(base.size_mb, 3), "twin_mb": readable.sig(twin.size_mb, 3),
            "agreement_text": comparison.agreement_text, "cpu_sentence": cpu,
            "compared_input": literal(input_label or translate("LessonFacts", "your input"))}


def training_facts(trained: Trained | None, tuned: FineTuned | None, answer: Answer | None,
                   examples: int) -> dict[str, str]:
    """Training's cost and result, fine-tuning's, and one answer's time and raw numbers (post-processing)."""
    if trained is None:
        return {}
    facts = {"lesson_parameters": readable.plural(trained.parameters, "number"),
             "train_images": readable.plural(trained.trained_on, "handwritten digit"),
             "epochs": readable.times(trained.result.epochs),
             "train_cpu": readable.duration(trained.cpu_s),
             "held_accuracy": readable.percent(trained.held_out_accuracy),
             "held_count": readable.whole(len(trained.held_labels))}
    if tuned is None:
        facts["tune_sentence"] = translate("LessonFacts", "**Fine-tuning** adapts a trained model to new examples: "
                                           "draw a few digits below, say which each is, and tune it on them.")
    else:
        values = {"drawings": readable.whole(examples), "time": readable.duration(tuned.cpu_s),
                  "after": readable.percent(tuned.after), "before": readable.percent(tuned.before),
                  "kept_out": readable.percent(tuned.held_out_after)}
        facts["tune_sentence"] = (
            translate("LessonFacts", "**Fine-tuning** on your 1 drawing took {time}: it now names {after} of it "
                      "(before: {before}). It still names {kept_out} of the kept-out digits, some of which it went "
                      "over again while tuning.") if examples == 1 else
            translate("LessonFacts", "**Fine-tuning** on your {drawings} drawings took {time}: it now names {after} "
                      "of them (before: {before}). It still names {kept_out} of the kept-out digits, some of which "
                      "it went over again while tuning.")).format(**values)
    if answer is None or answer.seconds <= 0:
        facts["answer_sentence"] = translate("LessonFacts", "Draw a digit and press Ask to see one answer, timed, "
                                             "and its raw numbers.")
        return facts
    raw = ", ".join(readable.sig(v, 2) for v in answer.logits)
    facts["answer_sentence"] = translate(
        "LessonFacts", "One answer took **{time}**, so training cost as much as {answers} answers. Its raw output is "
        "ten numbers ({raw}). Softmax turns them into chances, and the largest, {share} for {digit}, is the answer: "
        "that last step is post-processing.").format(
        time=readable.duration(answer.seconds), answers=readable.count(trained.cpu_s / answer.seconds), raw=raw,
        share=readable.percent(answer.probabilities.max()), digit=answer.digit)
    return facts


def privacy_facts(input_sentence: str, attempts: int, network_summary: str, written: list[str],
                  forgotten: str = "", downloads: tuple[str, ...] = ()) -> dict[str, str]:
    """Where the person's input is, what reached for a network, what was written to disk: all measured.

    input_sentence is Markdown made by the caller (outside names already literal); written holds the
    names of files written this session, and downloads the model downloads asked for in the window
    ("magika at 10:32"), as plain text."""
    network = (translate("LessonFacts", "Since the playground started, no part of it has opened a network "
                         "connection or looked up a name: **0 requests**. Python itself counted them before any "
                         "socket could be used, and the program's own sockets were looked at too.")
               if attempts == 0 else
               translate("LessonFacts", "{summary} Something in this program reached for a network: the badge in "
                         "the status bar names what and which code.").format(
                   summary=f"**{literal(network_summary)}.**"))
    if downloads:  # the window's Download runs `playground models fetch` as a program of its own
        network += " " + translate("LessonFacts", "The models you asked to download were fetched by a separate "
                                   "program, the model fetcher, which asks PyPI for their packages and sends nothing "
                                   "of yours: {downloads}.").format(
            downloads=", ".join(f"**{literal(d)}**" for d in downloads))
    disk = (translate("LessonFacts", "**Nothing.** The playground writes a file only when you ask it to (Save, a lab "
                      "report).") if not written else
            translate("LessonFacts", "Only what was asked for: {files}.").format(
                files=", ".join(f"**{literal(name)}**" for name in written)))
    disk += " " + translate("LessonFacts", "When it closes, it keeps the window's layout and the last model in its "
                            "settings file, and nothing of your input. A kiosk never writes even that.")
    return {"network_sentence": network, "input_sentence": input_sentence, "disk_sentence": disk,
            "forgotten_sentence": forgotten or translate("LessonFacts", "Nothing has been forgotten yet in this "
                                                         "session.")}
