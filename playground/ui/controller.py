"""The controller: the one QObject holding the window's state (model, input, knobs, history) and its commands."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from playground.core import explainers
from playground.core.card import ModelCard
from playground.core.catalog import Catalog, files_present
from playground.core.errors import PlaygroundError
from playground.core.metrics import ResourceSampler, RunHistory
from playground.core.pipeline import Outcome, Pipeline
from playground.core.results import Result
from playground.core.session import OPT_LEVELS, RuntimeOptions
from playground.core.task import RunRequest, Task
from playground.lab.report import SessionLog
from playground.ui.fetcher import Fetcher
from playground.ui.i18n import translate
from playground.ui.inputs import (
    InputChoice,
    entry_of,
    likely_kind,
    made_inputs,
    missing,
    missing_model,
    not_here,
    plain_sentence,
    refusal,
)
from playground.ui.jobs import JobRunner, Measurement
from playground.ui.own_models import OwnModels
from playground.ui.settings import Settings

TaskLookup = Callable[[str], Any]


class Controller(QObject):
    """State and commands for the window; panels call these methods and listen to the signals."""

    model_changed = Signal(object)  # ModelCard | None
    input_changed = Signal(object)  # InputChoice | None
    params_changed = Signal(dict)
    runtime_changed = Signal(int, str)  # threads, graph optimisation level
    run_started = Signal()
    run_progressed = Signal(float, object)
    draw_requested = Signal(object)  # Outcome, for the one view that draws it: the controller times the drawing
    result_ready = Signal(object)  # Outcome, drawn, its record complete
    run_failed = Signal(str)
    run_cancelled = Signal()
    input_rejected = Signal(str)
    busy_changed = Signal(bool)
    repeat_changed = Signal(bool)
    history_changed = Signal()
    status_changed = Signal(str)
    installed_changed = Signal()  # a model was fetched or removed while the window was open
    catalog_changed = Signal()  # a model of the person's own was added or removed: the list is another
    visitor_forgotten = Signal()  # panels drop what they hold of the last visitor (typed text, drawings, recordings)
    forget_requested = Signal(str)  # "Forget everything now", with the sentence that confirms it

    def __init__(self, settings: Settings, catalog: Catalog, task_lookup: TaskLookup,
                 pipeline: Pipeline | None = None, sampler: ResourceSampler | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings, self.catalog, self._task_lookup = settings, catalog, task_lookup
        self.pipeline = pipeline or Pipeline(cards={card.id: card for card in catalog.cards})
        self.history = RunHistory()
        self.session_log = SessionLog()  # every run of the session, for the lab report
        self.sampler = sampler or ResourceSampler()
        # A settings file copied from a bigger machine must not ask for more threads than this one has.
        self.options = RuntimeOptions(min(settings.threads, os.cpu_count() or 1), settings.opt_level)
        self.card: ModelCard | None = None
        self.input: InputChoice | None = None
        self._set_aside: InputChoice | None = None  # the person's input while a model that makes its own is shown
        self.params: dict[str, Any] = {}
        self.auto_run = True  # a new input, model or knob runs at once: the answer follows the change
        self.repeat = False
        self.last_outcome: Outcome | None = None
        self._load_ns: dict[str, int] = {}
        self._installed = {card.id: catalog.installed(card) for card in catalog.cards}
        self._ended: bool | None = None
        self.jobs = JobRunner(self)
        self.jobs.job_started.connect(self._on_job_started)
        self.jobs.job_progressed.connect(self._on_job_progressed)
        self.jobs.job_finished.connect(self._on_job_finished)
        self.jobs.job_failed.connect(self._on_job_failed)
        self.jobs.job_cancelled.connect(self._on_job_cancelled)
        self.jobs.busy_changed.connect(self.busy_changed)
        self._next = QTimer(self, singleShot=True, interval=0)
        self._next.timeout.connect(self._repeat_next)
        self._measurements: dict[int, Measurement] = {}  # job generation -> the measurement it answers
        self.own = OwnModels(self)
        self.fetcher = Fetcher(self)  # models downloaded from the window, in a process of their own
        self.fetcher.finished.connect(self._on_fetched)
        self.fetcher.removed.connect(self._on_removed)

    @property
    def busy(self) -> bool:
        return self.jobs.busy

    @property
    def load_ns(self) -> int:
        return self._load_ns.get(self.card.id, 0) if self.card else 0

    def installed(self, card: ModelCard) -> bool:
        return self.catalog.installed(card)

    def explainer_facts(self) -> dict[str, str]:
        return explainers.facts(self.history, self.sampler, self.card, self.load_ns)

    def select_model(self, model_id: str) -> None:
        """Show a model; a kept input of the same kind runs again on it."""
        try:
            card = self.catalog.get(model_id)
        except PlaygroundError as exc:
            self.input_rejected.emit(str(exc))
            return
        if self.card is not None and card.id == self.card.id:
            self.recheck_installed()  # picking it again is how one looks after fetching it
            return
        self.card, self.params = card, card.defaults()
        self.settings.last_model = card.id
        if entry_of(card) == "made":  # a model a person brought makes its own inputs: it can run at once
            if self.input is not None and self.input.origin != "made":
                self._set_aside = self.input  # the person's photo or text, back when they pick a model that takes it
            self.input = made_inputs()
        elif self.input is not None and self.input.origin == "made":
            self.input, self._set_aside = self._set_aside, None
        if self.input is not None and self.input.origin != "made" and likely_kind(self.input) not in (None,
                                                                                                      card.modality):
            self.input = None  # a photo kept for a sound model would only produce an error
        self._announce_model()

    def download(self, model_ids: tuple[str, ...]) -> bool:
        """Fetch models from the window; never on a kiosk, whose operator installs what visitors may use."""
        return not self.settings.kiosk and self.fetcher.fetch(model_ids)

    def remove(self, model_id: str) -> bool:
        """Delete a model's built files to free the disk (`playground models remove`); its card stays, so Download
        brings it back from the download cache. A run of it is stopped first; never on a kiosk."""
        if self.settings.kiosk:
            return False
        if self.card is not None and self.card.id == model_id:
            self.cancel()
        return self.fetcher.remove((model_id,))

    def refresh_catalog(self, show: str) -> None:
        """The list again after models came or went (a person's own: ui/own_models.py), with `show` shown afresh."""
        self._installed = {card.id: self.catalog.installed(card) for card in self.catalog.cards}
        self.catalog_changed.emit()
        self.card = None  # so the model is announced afresh, even the one already shown (its card may be new)
        self.select_model(show)

    def missing_cards(self) -> list[ModelCard]:
        return [card for card in self.catalog.cards if not self.installed(card)]

    def to_download(self, card: ModelCard) -> list[ModelCard]:
        """What a Download of `card` fetches: its own files and any model it also runs, where not here yet."""
        return [needed for needed in self.catalog.needed(card) if not files_present(needed)]

    @Slot(tuple)
    def _on_fetched(self, _model_ids: tuple[str, ...]) -> None:
        self.recheck_installed()

    @Slot(tuple)
    def _on_removed(self, model_ids: tuple[str, ...]) -> None:
        for model_id in model_ids:  # its session held the model in memory: the disk space is freed, so is this
            self.pipeline.sessions.evict(model_id)
        gone = {c.id for c in self.catalog.cards if c.id in model_ids and c.source.own and not c.folder.exists()}
        if gone:  # a model the person added goes whole, card and all: off the list, and another one shown
            self.catalog = replace(self.catalog, cards=tuple(c for c in self.catalog.cards if c.id not in gone))
            self.catalog_changed.emit()
            if self.card is not None and self.card.id in gone:
                self.forget_visitor()
        self.recheck_installed()

    def recheck_installed(self) -> None:
        """Notice models fetched or removed from a terminal since the last look (the window calls this)."""
        now = {card.id: self.catalog.installed(card) for card in self.catalog.cards}
        if now == self._installed:
            return
        before, self._installed = self._installed, now
        self.installed_changed.emit()
        if self.card is not None and before.get(self.card.id) != now[self.card.id]:
            self._announce_model()

    def _announce_model(self) -> None:
        """A model shown afresh: the old model's late news must not land in this one's history."""
        card = self.card
        assert card is not None, "a model is announced once it is shown"
        self._drop_run()
        self.history.clear()
        self.last_outcome = None
        self.model_changed.emit(card)
        self.params_changed.emit(dict(self.params))
        self.input_changed.emit(self.input)
        self.history_changed.emit()
        self.status_changed.emit(self._status_line() if self.installed(card) else not_here(card, self.settings.kiosk))
        self._maybe_run()

    def set_input(self, source: Any, label: str = "", origin: str = "file") -> None:
        """A file path, text, or decoded picture; refused at once when it is plainly the wrong kind."""
        if isinstance(source, Path):
            label = label or source.name
        choice = InputChoice(source, label or translate("Controller", "your input"), origin)
        problem = refusal(choice, self.card)
        if problem:
            self.input_rejected.emit(problem)
            return
        self.input = choice
        self.input_changed.emit(choice)
        self._maybe_run()

    def set_text(self, text: str) -> None:
        if not text.strip():
            self.clear_input()
            return
        self.set_input(text, translate("Controller", "typed text"), "typed")

    def forget_visitor(self, model_id: str = "") -> None:
        """A new visitor: every input, answer and run of the last one gone, and `model_id` (or the first
        installed model) shown afresh. Loaded sessions stay: they hold the model, nothing of anyone's."""
        self._stop_repeat()
        self._drop_run()
        self.input = self._set_aside = None
        self.session_log = SessionLog()
        self.card = None  # so the model is announced afresh, even the one already shown
        self.visitor_forgotten.emit()
        installed = [card.id for card in self.catalog.cards if self.installed(card)]
        chosen = model_id if model_id in self.catalog.ids else (installed[0] if installed else "")
        if chosen:
            self.select_model(chosen)

    def clear_input(self) -> None:
        """The input is gone (an emptied text box, a wiped drawing board): so is any answer on its way."""
        self._drop_run()  # an answer arriving after the input went would belong to nothing on screen
        self.input = None
        self.input_changed.emit(None)
        self.status_changed.emit(self._status_line())

    def set_param(self, name: str, value: Any) -> None:
        if self.card is None:
            return
        try:
            checked = self.card.param(name).coerce(value)
        except PlaygroundError as exc:
            self.input_rejected.emit(str(exc))
            return
        if self.params.get(name) == checked:
            return
        self.params[name] = checked
        self.params_changed.emit(dict(self.params))
        self._maybe_run()

    def reset_params(self) -> None:
        if self.card is None or self.params == self.card.defaults():
            return
        self.params = self.card.defaults()
        self.params_changed.emit(dict(self.params))
        self._maybe_run()

    def set_threads(self, threads: int) -> None:
        self._set_options(RuntimeOptions(max(1, int(threads)), self.options.opt_level))

    def set_opt_level(self, level: str) -> None:
        if level in OPT_LEVELS:
            self._set_options(RuntimeOptions(self.options.threads, level))

    def _set_options(self, options: RuntimeOptions) -> None:
        if options == self.options:
            return
        self.options = options
        self.settings.threads, self.settings.opt_level = options.threads, options.opt_level
        self.runtime_changed.emit(options.threads, options.opt_level)

    def run(self, keep_raw: bool = False) -> bool:
        """Start a run of the current model on the current input; False (with a sentence) when it cannot.
        keep_raw: the outcome also carries the model's raw outputs (the post-processing lesson shows them)."""
        problem = self._cannot_run()
        try:
            task = None if problem else self._shown_task()
        except Exception as exc:  # noqa: BLE001 - an unknown task is a broken card, said plainly
            problem = plain_sentence(exc)
        if problem:
            self._stop_repeat()
            self.run_failed.emit(problem)
            return False
        assert task is not None, "no problem: the model's task was found"
        request = self.request(task)
        pipeline = self.pipeline
        self._forget_measurements()  # the submit cancels any measurement: none of its news will come
        self.jobs.submit(lambda token, progress: pipeline.run(request, token, progress, keep_raw=keep_raw))
        return True

    def request(self, task: Task, source: Any = None) -> RunRequest:
        """The unit of work as the window stands now: its model, input (or `source`), knobs and runtime options,
        copied, as the job runs later."""
        card, choice = self.card, self.input
        assert card is not None, "a request is made only once a model is shown (run and current_task check)"
        if source is None:
            assert choice is not None, "a request without a source is made only once an input is chosen"
            source = choice.source
        return RunRequest(card, task, source, dict(self.params), self.options)

    def run_experiment(self, work: Callable[[Any, Any], Any]) -> Measurement:
        """Start a measurement that is not one run (a sweep, a batch ...; ui.experiments builds them) as the
        worker's one job: two jobs at once would time each other. `work(token, progress)` runs in the
        worker; its reports, result or failure reach only the returned Measurement's signals."""
        self._stop_repeat()
        measurement = Measurement(self)
        self._forget_measurements()  # the submit cancels the one before: none of its news will come
        self._measurements[self.jobs.submit(work)] = measurement
        return measurement

    def _forget_measurements(self) -> None:
        for measurement in self._measurements.values():
            measurement.deleteLater()
        self._measurements.clear()

    def current_task(self, needs_input: bool = True) -> Task | None:
        """The current model's task when a measurement can start (a model with its files, and an input if it
        needs one); otherwise None, with the sentence saying what is missing."""
        problem = (self._cannot_run() if needs_input else
                   missing_model(self.card, self.card is not None and self.installed(self.card), self.settings.kiosk))
        if not problem:
            try:
                return self._shown_task()
            except Exception as exc:  # noqa: BLE001 - an unknown task is a broken card, said plainly
                problem = plain_sentence(exc)
        self.run_failed.emit(problem)
        return None

    def cancel(self) -> None:
        """Stop: ends repeat and the run in flight (midway through the model if need be)."""
        self._stop_repeat()
        self.jobs.cancel()

    def set_repeat(self, on: bool) -> None:
        """Run the current input again and again, one run after another, until switched off."""
        if on == self.repeat:
            return
        problem = self._cannot_run() if on else ""
        if problem:
            self.run_failed.emit(problem)
            self.repeat_changed.emit(False)
            return
        self.repeat = on
        self.repeat_changed.emit(on)
        if on and not self.busy:
            self.run()
        elif not on:
            self._next.stop()

    def shutdown(self, timeout: float = 2.0) -> bool:
        """On quit: stop repeat, cancel, wait briefly for the worker, write settings. Only the first call acts."""
        if self._ended is None:
            self._stop_repeat()
            self.fetcher.shutdown()
            self._ended = self.jobs.shutdown(timeout)
            self.settings.sync()
        return self._ended

    # --- internals -----------------------------------------------------------------------------------

    def _status_line(self) -> str:
        return explainers.status_line(self.history, self.load_ns, files=not self.settings.kiosk)

    def _shown_task(self) -> Task:
        """The shown model's task (the callers have checked that a model is shown)."""
        assert self.card is not None, "a model is shown"
        return self._task_lookup(self.card.task)

    def _cannot_run(self) -> str:
        return missing(self.card, self.card is not None and self.installed(self.card), self.input,
                       files=not self.settings.kiosk)

    def _maybe_run(self) -> None:
        if self.auto_run and not self._cannot_run():
            self.run()

    def _drop_run(self) -> None:
        self._stop_repeat()
        self.jobs.discard()

    def _stop_repeat(self) -> None:
        self._next.stop()
        if self.repeat:
            self.repeat = False
            self.repeat_changed.emit(False)

    @Slot(int)
    def _on_job_started(self, _generation: int) -> None:
        label = self.input.label if self.input else translate("Controller", "the input")
        self.run_started.emit()
        if not self.repeat:  # in repeat mode the line keeps the figures, rather than flicker with every run
            model = self.card.name if self.card else translate("Controller", "the model")
            self.status_changed.emit(translate("Controller", "Running {model} on {input}…").format(model=model,
                                                                                                 input=label))

    @Slot(int, float, object)
    def _on_job_progressed(self, generation: int, fraction: float, partial: Any) -> None:
        measurement = self._measurements.get(generation)
        if measurement is not None:  # the progress bar moves; the partial report is for the page that asked
            self.run_progressed.emit(fraction, None)
            measurement.progressed.emit(fraction, partial)
            return
        # Repeat runs the same input again: the full answer is already on screen, and redrawing a
        # half-filled one ten times a second would only flicker and take time from the graphs.
        self.run_progressed.emit(fraction, None if self.repeat and self.last_outcome is not None else partial)

    @Slot(int, object)
    def _on_job_finished(self, generation: int, outcome: Any) -> None:
        measurement = self._measurements.pop(generation, None)
        if measurement is not None:  # a sweep or another measurement: only its page hears of it
            measurement.finished.emit(outcome)
            measurement.deleteLater()  # its one answer is given
            self.status_changed.emit(self._status_line())
            return
        record = outcome.record
        if record.load_ns:
            self._load_ns[record.model_id] = record.load_ns
        self.history.add(record)
        self.last_outcome = outcome
        # The run's last stage is drawing its answer: timed here, around the one view that draws it.
        start = time.perf_counter_ns()
        self.draw_requested.emit(outcome)
        self.history.update_last(record.with_render(time.perf_counter_ns() - start))
        self.result_ready.emit(outcome)
        answer = outcome.result.summary().strip().splitlines() if isinstance(outcome.result, Result) else []
        # The lab report reads how many session.run calls a run made, not each one's time: kept for every logged
        # run, a voice detector's (375 a run) would hold 270 MB by the log's 20,000 runs (scripts/soak.py).
        self.session_log.add(self.history.records[-1].without_step_times(),
                             self.card.name if self.card else record.model_id, answer[0] if answer else "")
        self.history_changed.emit()
        line = self._status_line()
        self.status_changed.emit(translate("Controller", "Repeating (Esc stops) · {figures}").format(figures=line)
                                 if self.repeat else line)
        if self.repeat:
            self._next.start()

    @Slot(int, object)
    def _on_job_failed(self, generation: int, exc: BaseException) -> None:
        self._stop_repeat()
        measurement = self._measurements.pop(generation, None)
        if measurement is not None:  # a lesson's measurement: the answer on screen is still the last run's
            measurement.failed.emit(plain_sentence(exc))
            measurement.deleteLater()
            self.status_changed.emit(self._status_line())
            return
        self.run_failed.emit(plain_sentence(exc))
        self.status_changed.emit(translate("Controller", "The last run did not finish; the reason is shown next to "
                                                         "the input."))

    @Slot(int)
    def _on_job_cancelled(self, generation: int) -> None:
        measurement = self._measurements.pop(generation, None)
        if measurement is not None:
            measurement.deleteLater()
        self.run_cancelled.emit()
        self.status_changed.emit(translate("Controller", "Stopped. {figures}").format(figures=self._status_line()))

    @Slot()
    def _repeat_next(self) -> None:
        if self.repeat and not self.busy:
            self.run()
