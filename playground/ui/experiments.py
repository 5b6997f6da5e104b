"""Experiments: measurements beyond a single run — sweeps of settings, a model beside its 8-bit twin, a
profiled run, a folder as a batch — each built here and started as the controller's one job."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playground.core.batch import BatchReport, run_batch
from playground.core.batch_sizes import time_batch_sizes
from playground.core.card import ModelCard
from playground.core.compare import compare, twin_of
from playground.core.graph_cost import profile_model
from playground.core.session import not_installed
from playground.core.sweep import optimisation_settings, run_sweep, thread_settings
from playground.ui.controller import Controller


class Experiments:
    def __init__(self, controller: Controller) -> None:
        self.controller = controller

    def _now(self) -> tuple[ModelCard, Any, dict[str, Any]]:
        """What the window holds now: the model, its input, its knobs (copied: the job runs later)."""
        c = self.controller
        return c.card, c.input.source if c.input is not None else None, dict(c.params)

    def sweep(self, kind: str) -> bool:
        """Time the current model on its input under each thread count ("threads") or each graph optimisation
        level ("optimisation")."""
        c = self.controller
        task = c.current_task()
        if task is None:
            return False
        card, source, params = self._now()
        settings = thread_settings(c.options) if kind == "threads" else optimisation_settings(c.options)
        return c.run_experiment(lambda token, progress: run_sweep(kind, settings, card, task, source, params,
                                                                  token, progress))

    def measure_model(self) -> bool:
        """Profile the current model on its input: its operations, where its time goes, its memory."""
        c = self.controller
        task = c.current_task()
        if task is None:
            return False
        card, source, params = self._now()
        options = c.options
        return c.run_experiment(lambda token, progress: profile_model(card, task, source, params, options,
                                                                      token, progress))

    def batch_sizes(self) -> bool:
        """The current input fed to the model 1, 2, 4 … 32 times in one run, each size timed."""
        c = self.controller
        task = c.current_task()
        if task is None:
            return False
        card, source, params = self._now()
        options = c.options
        return c.run_experiment(lambda token, progress: time_batch_sizes(card, task, source, params, options,
                                                                         token, progress))

    def twins(self) -> tuple[ModelCard, ModelCard] | None:
        """The current model and its 8-bit twin (base first), when it has one."""
        c = self.controller
        return twin_of(c.card, {card.id: card for card in c.catalog.cards}) if c.card else None

    def compare_twins(self) -> bool:
        """The current model and its 8-bit twin on the current input, timed alike."""
        c, pair = self.controller, self.twins()
        task = c.current_task()
        if task is None or pair is None:
            return False
        base, twin = pair
        if not (c.installed(base) and c.installed(twin)):
            c.run_failed.emit(str(not_installed(twin if c.installed(base) else base)))
            return False
        _, source, params = self._now()
        options = c.options
        return c.run_experiment(lambda token, progress: compare(base, twin, task, source, params, options,
                                                                token, progress))

    def run_batch(self, folder: Path) -> bool:
        """The current model over every file of its kind in `folder`, in the window's warm sessions."""
        c = self.controller
        task = c.current_task(needs_input=False)
        if task is None:
            return False
        card, _, params = self._now()
        options, pipeline = c.options, c.pipeline

        def work(token: Any, progress: Any) -> BatchReport:
            if pipeline.options != options:
                pipeline.sessions.evict()  # as a run does: sessions of other options would linger unused
                pipeline.options = options
            return run_batch(card, task, folder, params, pipeline, token, progress)

        return c.run_experiment(work)
