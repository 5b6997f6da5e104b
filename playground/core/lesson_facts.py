"""The lessons' own topics and the live numbers their texts quote: what runs cost, and device against cloud."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np

from playground.core import results
from playground.core.batch import BatchReport
from playground.core.batch_sizes import BatchSizes
from playground.core.cloud import CloudEstimate, CloudSetting
from playground.core.compare import Comparison, headline
from playground.core.cost import CostFigures, count_text, duration_text, energy_text, money
from playground.core.explainers import Topic, literal, ms_text
from playground.core.graph_cost import ModelProfile
from playground.core.metrics import RunHistory
from playground.core.sweep import Sweep
from playground.core.timing import RunRecord, percentile
from playground.core.train.lesson import Answer, FineTuned, Trained

LATENCY = Topic("lesson:latency", "How long a run takes", "lesson_latency.md")
COST = Topic("lesson:cost", "What a run costs", "lesson_cost.md")
CLOUD = Topic("lesson:cloud", "On this computer or in the cloud?", "lesson_cloud.md")
INT8 = Topic("lesson:int8", "fp32 or int8?", "lesson_int8.md")
MODEL = Topic("lesson:model", "How well it runs here", "lesson_model.md")
BATCH = Topic("lesson:batch", "Live or in a batch?", "lesson_batch.md")
TRAINING = Topic("lesson:training", "Training or inference?", "lesson_training.md")
POST = Topic("lesson:post", "From numbers to an answer", "lesson_post.md")
PRIVACY = Topic("lesson:privacy", "Nothing leaves this computer", "lesson_privacy.md")
LESSON_TOPICS: tuple[Topic, ...] = (TRAINING, POST, LATENCY, BATCH, COST, CLOUD, INT8, MODEL, PRIVACY)
SHOWN_OUTPUTS = 4  # raw outputs described; a model with more (Whisper's caches) is summed up
# How a person feels a wait, by the time one answer takes (ms): the first threshold it is under.
VERDICTS = ((16.7, "fast enough for live video at 60 frames a second"),
            (33.4, "fast enough for live video at 30 frames a second"),
            (100.0, "it feels instant: under a tenth of a second"),
            (1000.0, "a short wait: fine for a photo or a sentence, too slow for live video"),
            (math.inf, "a noticeable wait: better run in the background, or on many inputs at once in a batch"))
# What the input is to a person, by the model's kind of input.
INPUT_NOUN = {"image": "photo", "audio": "recording", "text": "text"}
# The stages a server would do too: everything but drawing the answer on this screen.
SERVER_STAGES = ("decode", "preprocess", "model", "postprocess")


def size_text(n_bytes: int) -> str:
    """204 bytes, 35 KB, 2.3 MB."""
    if n_bytes < 1000:
        return f"{n_bytes} bytes"
    if n_bytes < 1_000_000:
        return f"{n_bytes / 1000:.0f} KB"
    return f"{n_bytes / 1e6:.1f} MB"


def cost_facts(figures: CostFigures | None) -> dict[str, str]:
    if figures is None:
        return {}
    cpu = ms_text(figures.cpu_s * 1000) + " ms"
    if figures.energy_measured:
        energy = (f"The processor's own energy counter measured **{energy_text(figures.joules)}** per run (for "
                  "the whole processor, so other programs count too).")
    else:
        energy = (f"This computer does not let programs read its energy counter, so this is an estimate: "
                  f"{cpu} of CPU time × {figures.watts_per_core:g} W per busy core = **{energy_text(figures.joules)}** "
                  "per run.")
    runs_per_dollar = 1.0 / figures.dollars(1) if figures.cpu_s > 0 and figures.price_per_cpu_hour > 0 else 0.0
    return {"cost_runs": str(figures.runs), "cpu_per_run": cpu, "price": money(figures.price_per_cpu_hour),
            "cpu_1k": duration_text(1000 * figures.cpu_s), "cost_1k": money(figures.dollars(1000)),
            "cpu_1m": duration_text(1_000_000 * figures.cpu_s), "cost_1m": money(figures.dollars(1_000_000)),
            "runs_per_dollar": f"about {count_text(runs_per_dollar)}" if runs_per_dollar else "any number of",
            "energy_sentence": energy, "energy_1m": f"{figures.kwh(1_000_000):.3g} kWh",
            "bulb_time": duration_text(figures.bulb_hours(1_000_000) * 3600)}


def device_ms(record: RunRecord) -> float:
    return sum(record.stages_ns.get(stage, 0) for stage in SERVER_STAGES) / 1e6


def cloud_facts(record: RunRecord | None, estimate: CloudEstimate | None, setting: CloudSetting,
                modality: str) -> dict[str, str]:
    if record is None or estimate is None:
        return {}
    here = device_ms(record)
    ratio = estimate.total_ms / here if here > 0 else 0.0
    if ratio >= 1.5:
        verdict = f"about {ratio:.0f} times as long as here" if ratio >= 2.5 else f"{ratio:.1f} times as long as here"
    elif ratio > 1 / 1.5:
        verdict = "about as long as here"
    else:
        verdict = f"{1 / ratio:.1f} times faster than here, as the model is heavy and the server strong"
    noun = INPUT_NOUN.get(modality, "input")
    return {"device_ms": ms_text(here), "upload_text": f"the {size_text(estimate.upload_bytes)} {noun}",
            "upload_ms": ms_text(estimate.upload_ms), "upload_mbps": f"{setting.upload_mbps:g}",
            "round_trip_ms": ms_text(estimate.round_trip_ms), "queue_ms": ms_text(estimate.queue_ms),
            "server_ms": ms_text(estimate.server_ms), "speedup": f"{setting.server_speedup:g}",
            "result_text": size_text(estimate.result_bytes), "download_ms": ms_text(estimate.download_ms),
            "cloud_ms": ms_text(estimate.total_ms), "verdict": verdict, "noun": noun}


def latency_facts(history: RunHistory, load_ns: int, sweeps: dict[str, Sweep]) -> dict[str, str]:
    """Percentiles of the warm runs, the load and the cold run, and what the latest sweeps found."""
    warm = history.warm_totals()
    if len(warm) < 2:
        return {}
    cold = next((r for r in reversed(history.records) if r.cold), None)
    p50 = percentile(warm, 50)
    start = (f"Loading the model took {ms_text(load_ns / 1e6)} ms and the first, cold run "
             f"{ms_text(cold.total_ns / 1e6)} ms, {cold.total_ns / 1e6 / p50:.1f} times a warm one: memory and "
             "caches were being set up." if load_ns and cold is not None and p50 > 0 else
             "The model was already loaded, so every run here is warm.")
    return {"hist_runs": str(len(warm)), "lat_p50": ms_text(p50), "lat_p95": ms_text(percentile(warm, 95)),
            "lat_p99": ms_text(percentile(warm, 99)), "start_sentence": start,
            "sweep_sentence": " ".join(_sweep_sentence(s) for s in sweeps.values()) or
            "Press a button above to time the model with each number of threads, or each optimisation level."}


def _sweep_sentence(sweep: Sweep) -> str:
    best = sweep.best()
    slowest = max(sweep.points, key=lambda p: p.median_ms)
    if len(sweep.points) == 1:
        return f"With one core there is only one setting to try: {ms_text(best.median_ms)} ms in the model."
    what = (f"with 1 to {len(sweep.points)} threads" if sweep.kind == "threads" else
            f"at each of {len(sweep.points)} optimisation levels")
    return (f"Timed just now {what}: **{best.label}** was fastest at "
            f"{ms_text(best.median_ms)} ms in the model, against {ms_text(slowest.median_ms)} ms with "
            f"{slowest.label}.")


def int8_facts(comparison: Comparison | None, input_label: str) -> dict[str, str]:
    if comparison is None:
        return {}
    base, twin = comparison.base, comparison.twin
    speedup = comparison.speedup
    speed = (f"{speedup:.1f} times as fast" if speedup >= 1.1 else
             "no faster" if speedup > 1 / 1.1 else f"{1 / speedup:.1f} times slower")
    dots = comparison.dot_product
    cpu = (f"This processor has {dots}: instructions that multiply many 8-bit numbers in one step, which is "
           "where int8 gets its speed." if dots else
           "This processor lacks the 8-bit dot-product instructions (VNNI) that make int8 fast: here it may "
           "gain little, and its answers can differ from those of a processor with VNNI." if dots == "" else
           "This system does not say which instructions the processor has.")
    return {"base_name": base.name, "twin_name": twin.name, "base_ms": ms_text(base.median_ms),
            "twin_ms": ms_text(twin.median_ms), "speed_sentence": speed, "base_mb": f"{base.size_mb:.1f}",
            "twin_mb": f"{twin.size_mb:.1f}", "agreement_text": comparison.agreement_text, "cpu_sentence": cpu,
            "compared_input": literal(input_label or "your input")}


def model_facts(profile: ModelProfile | None, parameters: int, input_label: str,
                tokens_per_second: float = 0.0) -> dict[str, str]:
    """tokens_per_second: a model that writes its answer a token at a time is judged by that speed, not by
    the time the whole answer took."""
    if profile is None or not profile.ops:
        return {}
    share = profile.share_of_peak
    if profile.integer:  # against a float32 peak the share says nothing about what held it back
        bound = ""
    elif share >= 0.5:
        bound = "Its big matrix products keep the processor busy doing sums: it is limited by arithmetic."
    elif share >= 0.2:
        bound = "Part of its time goes to sums, part to moving numbers through memory and to small steps."
    else:
        bound = ("Most of its time goes to moving numbers through memory and to many small steps, not to "
                 "sums: a faster processor alone would help it little.")
    top = profile.ops[0]
    spent = sum(op.ms for op in profile.ops)
    verdict = next(text for limit, text in VERDICTS if profile.model_ms < limit)
    if tokens_per_second > 0:
        verdict = (f"it writes about {tokens_per_second:.0f} tokens a second, "
                   + ("far faster than anyone reads (a quick reader takes in about 8)" if tokens_per_second >= 16
                      else "about as fast as people read" if tokens_per_second >= 6 else "slower than people read"))
    return {"parameters": f"{parameters / 1e6:.1f} million" if parameters else "an unknown number of",
            "profiled_input": literal(input_label or "your input"),
            "work": (f"**{profile.flops / 1e9:.3g} billion** operations, most of them sums of 8-bit integers"
                     if profile.integer else f"**{profile.flops / 1e9:.3g} billion** floating-point operations "
                     "(GFLOP)"),
            "profile_ms": ms_text(profile.model_ms),
            "achieved": f"{profile.achieved_gflops:.3g} {'billion operations' if profile.integer else 'GFLOP'}/s",
            "int8_peak": (" That peak is for float32 numbers; 8-bit sums can go faster, so an int8 model's share "
                          "is not a like-for-like measure." if profile.integer else ""),
            "peak": f"{profile.peak_gflops:.0f}", "share": f"{share:.0%}", "bound_sentence": bound,
            "top_op": top.op, "top_share": f"{top.ms / spent:.0%}" if spent else "most",
            "arena_mb": f"{profile.arena_peak_mb:.0f}", "verdict": verdict[0].upper() + verdict[1:],
            "profile_threads": f"{profile.threads} thread{'s' if profile.threads != 1 else ''}"}


def batch_facts(report: BatchReport | None, history: RunHistory, deadline_ms: float,
                sizes: BatchSizes | None = None) -> dict[str, str]:
    """The live runs against a deadline, the last batch's throughput, and what bigger batches did (sentences
    for what is missing)."""
    totals = history.total_ms.view()
    missed = int((totals > deadline_ms).sum())
    live = (f"{missed} of the last {len(totals)} runs missed it." if len(totals) else
            "run a model live (press Repeat, or use a camera or a microphone) to count the runs that miss it.")
    if report is None or not report.done:
        batch = ("Choose a folder above, or run the samples: the model goes through every file, one after "
                 "another, with the throughput and the time left as it goes.")
    else:
        failed = f"; {report.failed} could not be read" if report.failed else ""
        state = "went through" if report.finished else "has gone through"
        answered = [r.total_ms for r in report.rows if not r.problem]
        per_file = sum(answered) / len(answered) if answered else 0.0
        batch = (f"{state} {report.done} of {report.total} files of {literal(Path(report.folder).name)} in "
                 f"{duration_text(report.elapsed_s)}: {report.per_second:.3g} files a second, "
                 f"{ms_text(per_file)} ms each{failed}.")
    return {"deadline": ms_text(deadline_ms), "per_second_target": f"{1000.0 / deadline_ms:.3g}",
            "live_sentence": live, "batch_sentence": batch, "sizes_sentence": _sizes_sentence(sizes)}


def _sizes_sentence(sizes: BatchSizes | None) -> str:
    if sizes is None or len(sizes.points) < 2:
        return "Press “Time batch sizes” to feed the model the same input many times in one run."
    one, big = sizes.points[0], sizes.points[-1]
    gain = big.per_second / one.per_second if one.per_second else 0.0
    waited = f"but each answer waited {ms_text(big.batch_ms)} ms instead of {ms_text(one.batch_ms)}"
    if gain >= 1.2:
        return (f"Fed {big.size} at once, it answered {gain:.1f} times as many a second, {waited}: the fixed cost "
                "of a run was shared.")
    return (f"Fed {big.size} at once, it answered no more a second ({big.per_second:,.0f} against "
            f"{one.per_second:,.0f}), {waited}: one input already keeps this processor busy. Graphics chips, "
            "with thousands of small cores, are where big batches pay.")


def training_facts(trained: Trained | None, tuned: FineTuned | None, answer: Answer | None,
                   examples: int) -> dict[str, str]:
    """Training's cost and result, fine-tuning's, and one answer's time and raw numbers (post-processing)."""
    if trained is None:
        return {}
    facts = {"lesson_parameters": f"{trained.parameters:,}", "train_images": f"{trained.trained_on:,}",
             "epochs": {1: "once", 2: "twice"}.get(trained.result.epochs, f"{trained.result.epochs} times"),
             "train_cpu": duration_text(trained.cpu_s), "held_accuracy": f"{trained.held_out_accuracy:.0%}",
             "held_count": f"{len(trained.held_labels):,}"}
    if tuned is None:
        facts["tune_sentence"] = ("**Fine-tuning** adapts a trained model to new examples: draw a few digits "
                                  "below, say which each is, and tune it on them.")
    else:
        facts["tune_sentence"] = (f"**Fine-tuning** on your {examples} drawings took {duration_text(tuned.cpu_s)}: "
                                  f"it now names {tuned.after:.0%} of them (before: {tuned.before:.0%}), and "
                                  f"{tuned.held_out_after:.0%} of everyone else's digits.")
    if answer is None:
        facts.update(answer_us="—", answers_per_training="—",
                     post_sentence="Draw a digit and press Ask to see one answer and its raw numbers.")
        return facts
    raw = ", ".join(f"{v:.1f}" for v in answer.logits)
    facts.update(answer_us=f"{answer.seconds * 1e6:,.0f}",
                 answers_per_training=f"{trained.cpu_s / answer.seconds:,.0f}" if answer.seconds else "—",
                 post_sentence=(f"Its raw output is ten numbers ({raw}); softmax turns them into chances, and the "
                                f"largest, {answer.probabilities.max():.0%} for {answer.digit}, is the answer: "
                                "that last step is post-processing."))
    return facts


def describe_raw(name: str, value: np.ndarray) -> str:
    """One raw output as a person can read it: its shape, its range, and its largest values with positions."""
    shape = " × ".join(str(d) for d in value.shape) or "one number"
    if value.dtype.kind in "iu" and value.ndim <= 1:  # token numbers, class indices
        shown = ", ".join(str(int(v)) for v in value.ravel()[:12])
        return f"`{name}`: {value.size:,} whole numbers ({shown}{', …' if value.size > 12 else ''})"
    flat = value.astype(np.float64).ravel()
    text = f"`{name}`: {shape} numbers from {flat.min():.3g} to {flat.max():.3g}"
    if 10 <= flat.size <= 100_000:
        top = np.argsort(-flat, kind="stable")[:3]
        text += " (the largest: " + ", ".join(f"{flat[i]:.3g} at position {int(i)}" for i in top) + ")"
    return text


def post_facts(raw: dict[str, np.ndarray] | None, result: Any, input_label: str) -> dict[str, str]:
    """The model's raw outputs next to what the app made of them, and the steps between, by kind of answer."""
    if raw is None:
        return {}
    # A task's own clock readings ride along with its outputs (names ending in _ns): they are not the model's.
    numeric = [(k, np.asarray(v)) for k, v in raw.items()
               if not k.endswith("_ns") and np.asarray(v).dtype.kind in "iuf" and np.asarray(v).size]
    lines = [describe_raw(k, v) for k, v in numeric[:SHOWN_OUTPUTS]]
    if len(numeric) > SHOWN_OUTPUTS:
        lines.append(f"and {len(numeric) - SHOWN_OUTPUTS} more arrays")
    answer = literal(headline(result))
    if isinstance(result, results.Labels) and result.softmax:
        steps = (f"The app turned the scores into chances (softmax: e raised to the power of each score, then "
                 f"shared out to sum to 1), sorted them and named the best: **{answer}**.")
    elif isinstance(result, results.Labels):
        steps = (f"The model's last step already turned its scores into chances that sum to 1; the app sorted "
                 f"them and named the best: **{answer}**.")
    elif isinstance(result, results.Detections):
        steps = (f"The app read every place the model scored above the threshold; where boxes overlapped a lot "
                 f"it kept the surest and dropped the others (non-maximum suppression), leaving "
                 f"**{len(result.items)}**.")
    elif isinstance(result, (results.Transcript, results.Generation)):
        steps = (f"Those are token numbers: the app looked each one up in the model's vocabulary of word pieces "
                 f"and joined them into text: **{answer}**.")
    else:
        steps = f"The app turned them into the answer on screen: **{answer}**."
    return {"raw_input": literal(input_label or "your input"), "raw_lines": "\n".join(f"- {line}" for line in lines),
            "post_steps": steps}


def privacy_facts(input_sentence: str, attempts: int, network_summary: str, written: list[str],
                  forgotten: str = "") -> dict[str, str]:
    """Where the person's input is, what reached for a network, what was written to disk: all measured.

    input_sentence is Markdown made by the caller (outside names already literal); written holds the
    names of files written this session, as plain text."""
    network = ("Since the playground started, no part of it has opened a network connection or looked up "
               "a name: **0 requests**, counted by Python itself before any socket could be used, and by "
               "looking at this program's own sockets." if attempts == 0 else
               f"**{literal(network_summary)}.** Something in this program reached for a network: the "
               "badge in the status bar names what and which code.")
    disk = ("**Nothing.** The playground writes a file only when you ask it to (Save, a lab report)"
            if not written else
            f"Only what was asked for: {', '.join(f'**{literal(name)}**' for name in written)}")
    disk += ("; when it closes, it keeps the window's layout and the last model in its settings file (a kiosk "
             "never writes even that), and nothing of your input.")
    return {"network_sentence": network, "input_sentence": input_sentence, "disk_sentence": disk,
            "forgotten_sentence": forgotten or "Nothing has been forgotten yet in this session."}
