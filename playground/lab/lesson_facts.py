"""The lessons' topics and the live numbers their texts quote: costs, the cloud, latency, int8, batches, training."""

from __future__ import annotations

import math
from pathlib import Path

from playground.core import readable
from playground.core.explainers import Topic, literal
from playground.core.metrics import RunHistory
from playground.core.timing import RunRecord, percentile
from playground.lab.batch import BatchReport
from playground.lab.batch_sizes import BatchSizes
from playground.lab.cloud import CloudEstimate, CloudSetting
from playground.lab.compare import Comparison
from playground.lab.cost import CostFigures
from playground.lab.sweep import Sweep
from playground.lab.train_lesson import Answer, FineTuned, Trained

LATENCY = Topic("lesson:latency", "How long a run takes", "lesson_latency.md")
COST = Topic("lesson:cost", "What a run costs", "lesson_cost.md")
CLOUD = Topic("lesson:cloud", "On this computer or in the cloud?", "lesson_cloud.md")
INT8 = Topic("lesson:int8", "fp32 or int8?", "lesson_int8.md")
MODEL = Topic("lesson:model", "How well it runs here", "lesson_model.md")
BATCH = Topic("lesson:batch", "Live or in a batch?", "lesson_batch.md")
TRAINING = Topic("lesson:training", "Training or inference?", "lesson_training.md")
POST = Topic("lesson:post", "From numbers to an answer", "lesson_post.md")
PRIVACY = Topic("lesson:privacy", "Nothing leaves this computer", "lesson_privacy.md")
TRUST = Topic("lesson:trust", "Can you trust the answer?", "lesson_trust.md")
GLOSSARY = Topic("lesson:words", "Words used here", "glossary.md")  # no live numbers: the same for everyone
LESSON_TOPICS: tuple[Topic, ...] = (TRAINING, POST, TRUST, LATENCY, BATCH, COST, CLOUD, INT8, MODEL, PRIVACY)

# What the input is to a person, by the model's kind of input.
INPUT_NOUN = {"image": "photo", "audio": "recording", "text": "text"}
# The stages a server would do too: everything but drawing the answer on this screen.
SERVER_STAGES = ("decode", "preprocess", "model", "postprocess")


def cost_facts(figures: CostFigures | None, reply_tokens: int = 0) -> dict[str, str]:
    """reply_tokens: a chat model's last reply, which is priced per token, as chat services price theirs."""
    if figures is None:
        return {}
    cpu = readable.duration(figures.cpu_s)
    if figures.energy_measured:
        energy = (f"The processor's own energy counter measured **{readable.energy(figures.joules)}** per run "
                  "(for the whole processor, so other programs count too).")
    else:
        energy = (f"Estimated, as this computer hides its energy counter: {cpu} of CPU time × "
                  f"{readable.sig(figures.watts_per_core, 2)} W per busy core = **{readable.energy(figures.joules)}** "
                  "per run.")
    per_dollar = 1.0 / figures.dollars(1) if figures.cpu_s > 0 and figures.price_per_cpu_hour > 0 else 0.0
    basis = ("the median of " + readable.plural(figures.runs, "warm run") if figures.runs > 1 else
             "from one warm run: run it a few more times for a steadier figure")
    return {"cost_basis": basis, "cpu_per_run": cpu, "price": readable.money(figures.price_per_cpu_hour),
            "cpu_1k": readable.duration(1000 * figures.cpu_s), "cost_1k": readable.money(figures.dollars(1000)),
            "cpu_1m": readable.duration(1_000_000 * figures.cpu_s),
            "cost_1m": readable.money(figures.dollars(1_000_000)),
            "per_dollar_sentence": (_token_sentence(figures, reply_tokens) if reply_tokens > 0 else
                                    f"One dollar buys about {readable.count(per_dollar)} runs." if per_dollar >= 2 else
                                    f"One run costs {readable.money(figures.dollars(1))}." if per_dollar else
                                    "At that price the runs cost nothing."),
            "energy_sentence": energy, "energy_1m": readable.energy(figures.joules * 1_000_000),
            "bulb_time": readable.duration(figures.bulb_hours(1_000_000) * 3600)}


def _token_sentence(figures: CostFigures, reply_tokens: int) -> str:
    """A chat is priced per token of reply, as chat services price theirs."""
    per_million = figures.dollars(1) / reply_tokens * 1e6
    return (f"The last reply was {readable.plural(reply_tokens, 'token')} (word pieces), so a million tokens "
            f"would cost {readable.money(per_million)}. Chat services price their answers the same way.")


def device_ms(record: RunRecord) -> float:
    return sum(record.stages_ns.get(stage, 0) for stage in SERVER_STAGES) / 1e6


def _cloud_verdict(here: float, cloud: float) -> str:
    if cloud <= 0:
        return "no time at all with the settings above, which no real network is"
    if here <= 0:
        return "far longer than here, where it took no measurable time"
    ratio = cloud / here
    if ratio >= 1.5:
        return f"{readable.ratio(ratio)} times as long as here"
    if ratio > 1 / 1.5:
        return "about as long as here"
    return f"{readable.ratio(1 / ratio)} times faster than here, as the model is heavy and the server strong"


def cloud_facts(record: RunRecord | None, estimate: CloudEstimate | None, setting: CloudSetting,
                modality: str) -> dict[str, str]:
    if record is None or estimate is None:
        return {}
    here = device_ms(record)
    noun = INPUT_NOUN.get(modality, "input")
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
    text = (f"Of the last {readable.plural(n, 'warm run')} of {model_name}, half took at most "
            f"**{readable.ms(percentile(warm, 50))} ms** (the median, p50)")
    if n >= P99_RUNS:
        return (text + f", 95 in 100 at most {readable.ms(percentile(warm, 95))} ms (p95) and 99 in 100 at most "
                f"{readable.ms(percentile(warm, 99))} ms (p99).")
    if n >= P95_RUNS:
        return (text + f" and 95 in 100 at most {readable.ms(percentile(warm, 95))} ms (p95). With "
                f"{P99_RUNS} runs this page gives p99 too.")
    return (text + f"; the slowest took {readable.ms(max(warm))} ms. With {P95_RUNS} runs or more this page gives "
            "p95 too: the time 95 runs in 100 stay within.")


def latency_facts(history: RunHistory, load_ns: int, sweeps: dict[str, Sweep], model_name: str = "the model"
                  ) -> dict[str, str]:
    """Percentiles of the warm runs, the load and the cold run, and what the latest sweeps found."""
    warm = history.warm_totals()
    if len(warm) < 2:
        return {}
    cold = next((r for r in reversed(history.records) if r.cold), None)
    p50 = percentile(warm, 50)
    if load_ns and cold is not None and p50 > 0:
        cold_ms = cold.total_ns / 1e6
        slower = (f"{readable.ratio(cold_ms / p50)} times a warm one: memory and caches were being set up."
                  if cold_ms >= 1.2 * p50 else "about as long as a warm one.")
        start = (f"Loading the model took {readable.ms(load_ns / 1e6)} ms and the first, cold run "
                 f"{readable.ms(cold_ms)} ms, {slower}")
    else:
        start = "The model was already loaded, so every run here is warm."
    return {"percentile_sentence": percentile_sentence(warm, model_name), "start_sentence": start,
            "sweep_sentence": " ".join(_sweep_sentence(s) for s in sweeps.values()) or
            "Press a button above to time the model with each number of threads, or each optimisation level."}


def _sweep_sentence(sweep: Sweep) -> str:
    best = sweep.best()
    slowest = max(sweep.points, key=lambda p: p.median_ms)
    if len(sweep.points) == 1:
        return f"With one core there is only one setting to try: {readable.ms(best.median_ms)} ms in the model."
    what = (f"with 1 to {len(sweep.points)} threads" if sweep.kind == "threads" else
            f"at each of {len(sweep.points)} optimisation levels")
    return (f"Timed just now {what}: **{best.label}** was fastest at "
            f"{readable.ms(best.median_ms)} ms in the model, against {readable.ms(slowest.median_ms)} ms with "
            f"{slowest.label}.")


def int8_facts(comparison: Comparison | None, input_label: str) -> dict[str, str]:
    if comparison is None:
        return {}
    base, twin = comparison.base, comparison.twin
    speedup = comparison.speedup
    speed = ("too quick to time apart" if base.median_ms <= 0 or twin.median_ms <= 0 else
             f"{readable.ratio(speedup)} times as fast" if speedup >= 1.1 else
             "no faster" if speedup > 1 / 1.1 else f"{readable.ratio(1 / speedup)} times slower")
    dots = comparison.dot_product
    cpu = (f"This processor has {dots}: instructions that multiply many 8-bit numbers in one step, which is "
           "where int8 gets most of its speed." if dots else
           "This processor lacks VNNI, the instructions that multiply and add many 8-bit numbers in one step. "
           "Here int8 can still be faster, as the times above show, but by less. Its answers can also differ "
           "a little from a processor that has them." if dots == "" else
           "This system does not say which instructions the processor has.")
    return {"base_name": base.name, "twin_name": twin.name, "base_ms": readable.ms(base.median_ms),
            "twin_ms": readable.ms(twin.median_ms), "speed_sentence": speed,
            "base_mb": readable.sig(base.size_mb, 3), "twin_mb": readable.sig(twin.size_mb, 3),
            "agreement_text": comparison.agreement_text, "cpu_sentence": cpu,
            "compared_input": literal(input_label or "your input")}


def batch_facts(report: BatchReport | None, history: RunHistory, deadline_ms: float,
                sizes: BatchSizes | None = None) -> dict[str, str]:
    """The live runs against a deadline, the last batch's throughput, and what bigger batches did (sentences
    for what is missing)."""
    totals = history.total_ms.view()
    missed = int((totals > deadline_ms).sum())
    live = (f"{missed} of the last {readable.plural(len(totals), 'run')} missed it." if len(totals) else
            "run a model live (press Repeat, or use a camera or a microphone) to count the runs that miss it.")
    if report is None or not report.done:
        batch = ("is waiting for a folder. Choose one above, or run the samples: the model then goes through "
                 "every file, one by one, with the files done a second and the time left.")
    else:
        failed = f"; {report.failed} could not be read" if report.failed else ""
        state = "went through" if report.finished else "has gone through"
        answered = [r.total_ms for r in report.rows if not r.problem]
        each = f", {readable.ms(sum(answered) / len(answered))} ms each" if answered else ""
        batch = (f"{state} {report.done} of {readable.plural(report.total, 'file')} of "
                 f"{literal(Path(report.folder).name)} in {readable.duration(report.elapsed_s)}: "
                 f"{readable.sig(report.per_second, 3)} files a second{each}{failed}.")
    target = 1000.0 / deadline_ms if deadline_ms > 0 else math.inf
    return {"deadline": readable.ms(deadline_ms), "per_second_target": readable.sig(target, 3),
            "live_sentence": live, "batch_sentence": batch, "sizes_sentence": _sizes_sentence(sizes)}


def _sizes_sentence(sizes: BatchSizes | None) -> str:
    if sizes is None or len(sizes.points) < 2:
        return "Press “Time batch sizes” to feed the model the same input many times in one run."
    one, big = sizes.points[0], sizes.points[-1]
    gain = big.per_second / one.per_second if one.per_second else 0.0
    waited = f"Each answer waited {readable.ms(big.batch_ms)} ms instead of {readable.ms(one.batch_ms)} ms"
    if gain >= 1.2:
        return (f"Fed {big.size} at once, it answered {readable.ratio(gain)} times as many a second. {waited}: the "
                "fixed cost of a run was shared.")
    return (f"Fed {big.size} at once, it answered no more a second ({readable.sig(big.per_second, 3)} against "
            f"{readable.sig(one.per_second, 3)}). {waited}: one input already keeps this processor busy. Graphics "
            "chips, with thousands of small cores, are where big batches pay.")


def training_facts(trained: Trained | None, tuned: FineTuned | None, answer: Answer | None,
                   examples: int) -> dict[str, str]:
    """Training's cost and result, fine-tuning's, and one answer's time and raw numbers (post-processing)."""
    if trained is None:
        return {}
    facts = {"lesson_parameters": readable.plural(trained.parameters, "number"),
             "train_images": readable.plural(trained.trained_on, "handwritten digit"),
             "epochs": readable.times(trained.result.epochs),
             "train_cpu": readable.duration(trained.cpu_s), "held_accuracy": readable.percent(trained.held_out_accuracy),
             "held_count": f"{len(trained.held_labels):,}"}
    if tuned is None:
        facts["tune_sentence"] = ("**Fine-tuning** adapts a trained model to new examples: draw a few digits "
                                  "below, say which each is, and tune it on them.")
    else:
        facts["tune_sentence"] = (f"**Fine-tuning** on your {readable.plural(examples, 'drawing')} took "
                                  f"{readable.duration(tuned.cpu_s)}: it now names {readable.percent(tuned.after)} "
                                  f"of them (before: {readable.percent(tuned.before)}). It still names "
                                  f"{readable.percent(tuned.held_out_after)} of the kept-out digits, some of which "
                                  "it went over again while tuning.")
    if answer is None or answer.seconds <= 0:
        facts["answer_sentence"] = "Draw a digit and press Ask to see one answer, timed, and its raw numbers."
        return facts
    raw = ", ".join(readable.sig(v, 2) for v in answer.logits)
    facts["answer_sentence"] = (
        f"One answer took **{readable.duration(answer.seconds)}**, so training cost as much as "
        f"{readable.count(trained.cpu_s / answer.seconds)} answers. Its raw output is ten numbers ({raw}). "
        f"Softmax turns them into chances, and the largest, {readable.percent(answer.probabilities.max())} for "
        f"{answer.digit}, is the answer: that last step is post-processing.")
    return facts


def privacy_facts(input_sentence: str, attempts: int, network_summary: str, written: list[str],
                  forgotten: str = "", downloads: tuple[str, ...] = ()) -> dict[str, str]:
    """Where the person's input is, what reached for a network, what was written to disk: all measured.

    input_sentence is Markdown made by the caller (outside names already literal); written holds the
    names of files written this session, and downloads the model downloads asked for in the window
    ("magika at 10:32"), as plain text."""
    network = ("Since the playground started, no part of it has opened a network connection or looked up "
               "a name: **0 requests**. Python itself counted them before any socket could be used, and the "
               "program's own sockets were looked at too." if attempts == 0 else
               f"**{literal(network_summary)}.** Something in this program reached for a network: the "
               "badge in the status bar names what and which code.")
    if downloads:  # the window's Download runs `playground models fetch` as a program of its own
        network += (" The models you asked to download were fetched by a separate program, the model fetcher, "
                    "which asks PyPI for their packages and sends nothing of yours: "
                    f"{', '.join(f'**{literal(d)}**' for d in downloads)}.")
    disk = ("**Nothing.** The playground writes a file only when you ask it to (Save, a lab report)."
            if not written else
            f"Only what was asked for: {', '.join(f'**{literal(name)}**' for name in written)}.")
    disk += (" When it closes, it keeps the window's layout and the last model in its settings file, and "
             "nothing of your input. A kiosk never writes even that.")
    return {"network_sentence": network, "input_sentence": input_sentence, "disk_sentence": disk,
            "forgotten_sentence": forgotten or "Nothing has been forgotten yet in this session."}
