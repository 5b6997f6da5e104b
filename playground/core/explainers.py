"""Explainer topics: Markdown files under assets/explainers/ filled with the live numbers of the last run."""

from __future__ import annotations

import functools
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from playground import paths
from playground.core import readable
from playground.core.built import MANIFEST, measured_in
from playground.core.card import ModelCard
from playground.core.metrics import ResourceSampler, RunHistory
from playground.core.timing import STAGES, RunRecord
from playground.core.words import translate

# A file may hold two texts: the one above this line once something has run, the one below before that.
BEFORE_FIRST_RUN = "<!-- before the first run -->"
# Below the text before the first run, its words for a kiosk, where no file can be opened (files=False).
WITHOUT_FILES = "<!-- where no file can be opened -->"
MAX_WORDS = 150
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# CommonMark lets a backslash make any ASCII punctuation mark literal. With these escaped, text put
# inside a sentence can open no emphasis, code, link, picture, raw HTML tag, entity, table cell or web
# address (':'); a file's name keeps its dots and dashes as they read.
_MARKUP = re.compile(r"([\\`*_\[\]!|<>~&:])")
_HEADING = re.compile(r"^#\s+(.+)$", re.MULTILINE)


@dataclass(frozen=True)
class Topic:
    """A text to read; its title is its file's first heading, so it speaks the language the file is in."""

    id: str
    english_title: str  # where the file cannot be read
    filename: str
    folder: Path | None = None  # the language's folder by default (paths.explainers_dir)

    @property
    def title(self) -> str:
        return _title((self.folder or paths.explainers_dir()) / self.filename, self.english_title)


def _title(path: Path, fallback: str) -> str:
    try:
        match = _HEADING.search(_read(path))
    except OSError:
        match = None
    return match.group(1).strip() if match else fallback


GENERAL_TOPICS: tuple[Topic, ...] = (
    Topic("inference", "What is inference?", "inference.md"),
    Topic("this_run", "This run, stage by stage", "this_run.md"),
    Topic("latency", "Reading the latency graph", "latency_graph.md"),
    Topic("cpu", "Reading the CPU graph", "cpu_graph.md"),
    Topic("memory", "Reading the memory graph", "memory_graph.md"),
    Topic("stages", "From training to your answer", "stages.md"),
)


def _read(path: Path) -> str:
    """An explainer's text, read again only when the file changes: the panel re-renders several times a
    second in repeat mode, and the picker asks for every task's title."""
    return _read_version(str(path), path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _read_version(path: str, mtime_ns: int) -> str:
    return Path(path).read_text(encoding="utf-8")


def task_topic(task: str, folder: Path | None = None) -> Topic:
    """The topic about one task; its title is the file's first heading (so the text names itself)."""
    filename = f"task_{task}.md"
    return Topic(f"task:{task}", task.replace("_", " ").capitalize(), filename, folder)


def topics_for(task: str | None, folder: Path | None = None) -> tuple[Topic, ...]:
    """The general topics plus the current model's task, which comes second: it is what people ask first."""
    if not task:
        return GENERAL_TOPICS
    return (GENERAL_TOPICS[0], task_topic(task, folder), *GENERAL_TOPICS[1:])


def facts(history: RunHistory | None, sampler: ResourceSampler | None = None, card: ModelCard | None = None,
          load_ns: int = 0) -> dict[str, str]:
    """Every placeholder a topic may use, as display text ("—" where nothing is known yet)."""
    values: dict[str, str] = {"model_name": card.name if card else translate("Explainers", "the model"),
                              "task": card.task if card else ""}
    records = history.records if history is not None else []
    last = records[-1] if records else None
    for stage in STAGES:
        values[f"{stage}_ms"] = readable.ms(last.ms(stage)) if last else "—"
    values["draw_ms"] = values["render_ms"]
    values["total_ms"] = readable.ms(last.total_ns / 1e6) if last else "—"
    values["input_label"] = literal(last.input_label or translate("Explainers", "your input")) if last else "—"
    runs = len(last.session_runs_ns) if last else 0
    values["session_runs"] = str(runs)
    values["session_runs_text"] = readable.times(runs)
    # A graph that loops inside (Silero's frames) takes many of its steps in one run.
    frames = last.steps if last and runs else 0
    values["model_steps"] = readable.local(f"{frames:,}") if frames else "—"
    values["per_step_ms"] = readable.ms(sum(last.session_runs_ns) / frames / 1e6) if last and frames else "—"
    values["run_kind"] = (translate("Explainers", "cold") if last.cold else translate("Explainers", "warm")) \
        if last else "—"
    # A decoder's first run reads the whole prompt; each later run reads one more token.
    values["first_run_ms"] = readable.ms(last.session_runs_ns[0] / 1e6) if last and runs else "—"
    steps = sorted(last.session_runs_ns[1:]) if last else []
    step_ns = steps[len(steps) // 2] if steps else 0
    values["step_ms"] = readable.ms(step_ns / 1e6) if step_ns else "—"
    values["steps_per_s"] = readable.local(f"{1e9 / step_ns:,.0f}") if step_ns else "—"
    values["step_sentence"] = (translate("Explainers", "Each later run read just one new token: {step_ms} ms, so "
                                         "about {steps_per_s} tokens a second").format(**values) if step_ns else
                               translate("Explainers", "There was no later run: the reply ended with its first token"))
    cold = next((r for r in reversed(records) if r.cold), None)
    values["cold_ms"] = readable.ms(cold.total_ns / 1e6) if cold else "—"
    warm = history.warm_totals() if history is not None else []
    values["warm_runs"] = str(len(warm))
    values["p50_ms"] = readable.ms(history.p50()) if history is not None and warm else "—"
    values["p95_ms"] = readable.ms(history.p95()) if history is not None and warm else "—"
    values["runs"] = str(len(records))
    values["load_ms"] = readable.ms(load_ns / 1e6) if load_ns else "—"
    threads = last.threads if last else 0
    values["threads"] = str(threads) if last else "—"
    values["threads_text"] = readable.plural(threads, "thread") if last else "—"
    values["cpu_ms"] = readable.ms(last.cpu_ns / 1e6) if last else "—"
    values["cpu_share_clause"] = _cpu_share(last)
    values.update(_phrases(values, len(warm), cold is not None, load_ns))
    values.update(_resource_facts(sampler))
    values["digits_training"] = _digits_training()
    values["model_size"] = readable.size(card.size_bytes if card and card.size_bytes else float("nan"))
    return values


def _phrases(values: dict[str, str], warm: int, has_cold: bool, load_ns: int) -> dict[str, str]:
    """Whole clauses for facts that may be missing, so a text never says "— ms" or "the 0 warm runs"."""
    # Nearest rank: a percentile is one of the runs, so "at most"; below 20 runs p95 is the slowest.
    if warm >= 20:
        warm_lines = translate("Explainers", "The solid line is the median (p50): half of the {warm} warm runs took "
                               "at most **{p50_ms} ms**. The dashed line is p95: 95 in 100 took at most {p95_ms} ms.")
    elif warm >= 2:
        warm_lines = translate("Explainers", "The solid line is the median (p50): half of the {warm} warm runs took "
                               "at most **{p50_ms} ms**. The dashed line, p95, is the slowest ({p95_ms} ms) until "
                               "20 runs are in.")
    elif warm == 1:
        warm_lines = translate("Explainers", "The one warm run so far took **{p50_ms} ms**; the solid line (the "
                               "median, p50) and the dashed line (p95) sit on it until more runs come in.")
    else:
        warm_lines = translate("Explainers", "The solid line (the median, p50) and the dashed line (p95) appear once "
                               "a warm run is in.")
    if has_cold:
        cold_note = translate("Explainers", " ({cold_ms} ms here)")
        cold_compare = (translate("Explainers", "here it took {cold_ms} ms; a typical warm run takes {p50_ms} ms.")
                        if warm else translate("Explainers", "here it took {cold_ms} ms. Run it again to see a "
                                               "warm run."))
    else:
        cold_note = translate("Explainers", "; none is shown here, because the model was already loaded")
        cold_compare = (translate("Explainers", "this model was already loaded, so every run shown is warm; a "
                                  "typical warm run takes {p50_ms} ms.") if warm else
                        translate("Explainers", "this model was already loaded, so every run shown is warm. Run it "
                                  "again to see a warm run."))
    load = translate("Explainers", "Loading the model took {load_ms} ms. ") if load_ns else ""
    figures = {**values, "warm": str(warm)}
    return {"warm_lines": warm_lines.format(**figures), "cold_note": cold_note.format(**figures),
            "cold_compare": cold_compare.format(**figures), "load_sentence": load.format(**figures)}


def _resource_facts(sampler: ResourceSampler | None) -> dict[str, str]:
    """The graphs' live figures, as clauses that still read when nothing has been sampled yet."""
    cores = sampler.cores if sampler is not None else (os.cpu_count() or 1)
    top = (translate("Explainers", "This computer has one core, so the top is 100 %.") if cores == 1 else
           translate("Explainers", "This computer has {cores} cores, so the top is {top} %.").format(
               cores=cores, top=readable.count(100 * cores)))
    if sampler is None or len(sampler.t) == 0:
        return {"cores_sentence": top, "process_cpu_now": "", "memory_now": "."}
    return {"cores_sentence": top,
            "process_cpu_now": translate("Explainers", ": about **{share} %** right now").format(
                share=readable.sig(sampler.smoothed(sampler.process_cpu), 2)),
            "memory_now": translate("Explainers", ": **{now}** now, at most {most} so far.").format(
                now=readable.size(sampler.rss_mb.last() * 1e6),
                most=readable.size(float(sampler.rss_mb.view().max()) * 1e6))}


def _digits_training() -> str:
    """How long the digit reader's training took when it was built on this computer, from its build record."""
    seconds = _digits_training_seconds()
    if seconds is None:
        return translate("Explainers", "a minute or so on a desktop, when it is fetched")
    return translate("Explainers", "{time} on this computer").format(time=readable.duration(seconds))


@functools.lru_cache(maxsize=1)
def _digits_training_seconds() -> float | None:
    try:
        manifest = json.loads((paths.models_dir() / "digits" / MANIFEST).read_text(encoding="utf-8"))
        return float(measured_in(manifest)["training_seconds"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _cpu_share(last: RunRecord | None) -> str:
    """The run's CPU time against the time the person waited: above 100 % means several cores at once."""
    if last is None:
        return ""
    busy_ns = last.total_ns - last.stages_ns.get("render", 0)
    if busy_ns <= 0 or last.cpu_ns <= 0:
        return ""
    share = last.cpu_ns / busy_ns
    if share > 1.05:
        return translate("Explainers", ", {ratio} times the time you waited: more than one core worked at "
                         "once").format(ratio=readable.ratio(share))
    return translate("Explainers", ", {share} of the time you waited").format(share=readable.percent(share))


def literal(text: str) -> str:
    """Outside text (a file's name, what a person typed, what a model wrote) as Markdown that shows it as
    it is, on one line: never a link, a picture from disk or markup."""
    return _MARKUP.sub(r"\\\1", " ".join(str(text).split()))


def fill(template: str, values: dict[str, str]) -> str:
    """Replace {name} with its value; an unknown name stays visible so a test can catch it."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def render(topic: Topic, values: dict[str, str], has_run: bool, folder: Path | None = None,
           files: bool = True) -> str:
    """The topic's Markdown for the current state, numbers filled in; files=False: a kiosk's words, which
    offer only what a visitor can do there (samples, the camera, the microphone, drawing, typing)."""
    path = (folder or paths.explainers_dir()) / topic.filename
    try:
        text = _read(path)
    except OSError:
        missing = translate("Explainers", "This explanation is missing from this copy of the playground ({file}).")
        return f"# {topic.title}\n\n" + missing.format(file=path.name)
    after, marker, before = text.partition(BEFORE_FIRST_RUN)
    before, kiosk_marker, kiosk = before.partition(WITHOUT_FILES)
    if kiosk_marker and not files:
        before = kiosk
    if marker and not has_run:
        heading = _HEADING.search(after)
        text = (f"# {heading.group(1)}\n\n" if heading else "") + before.strip()
    else:
        text = after
    return fill(text.strip(), values) + "\n"


def word_count(markdown: str) -> int:
    """Words a person reads: table rules, markup and HTML comments do not count."""
    text = re.sub(r"<!--.*?-->", " ", markdown, flags=re.DOTALL)
    return len(re.findall(r"[A-Za-z0-9À-ÿ²]+(?:['’.,][A-Za-z0-9]+)*", text))


def status_line(history: RunHistory, load_ns: int = 0, files: bool = True) -> str:
    """One line for the status bar: last run, typical warm run, the cold run and the load (files=False: a
    kiosk, where no file can be opened, so none is offered)."""
    if not history.records:
        return (translate("Explainers", "Ready: pick a sample or open a file, and the model runs on it at once.")
                if files else translate("Explainers", "Ready: pick a sample, and the model runs on it at once."))
    last = history.records[-1]
    ms = readable.ms(last.total_ns / 1e6)
    parts = [translate("Explainers", "Last run {ms} ms (cold)").format(ms=ms) if last.cold else
             translate("Explainers", "Last run {ms} ms (warm)").format(ms=ms)]
    warm = history.warm_totals()
    if warm:
        parts.append(translate("Explainers", "typical {ms} ms over {runs}").format(
            ms=readable.ms(history.p50()), runs=readable.plural(len(warm), "warm run")))
    cold = next((r for r in reversed(history.records) if r.cold), None)
    if cold is not None and cold is not last:
        parts.append(translate("Explainers", "first (cold) run {ms} ms").format(ms=readable.ms(cold.total_ns / 1e6)))
    if load_ns:
        parts.append(translate("Explainers", "model loaded in {ms} ms").format(ms=readable.ms(load_ns / 1e6)))
    parts.append(readable.plural(last.threads, "thread"))
    return " · ".join(parts)
