"""Experiments: measurements beyond a single run — sweeps of settings, a model beside its 8-bit twin, a
profiled run, batch sizes, a folder as a batch — each built here and started as the controller's one job."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Callable

from playground import paths
from playground.core.card import ModelCard
from playground.core.session import not_installed
from playground.core.task import RunRequest
from playground.lab.batch import BatchReport, run_folder
from playground.lab.batch_sizes import time_batch_sizes
from playground.lab.compare import compare, twin_of
from playground.lab.graph_cost import profile_model
from playground.lab.sweep import optimisation_settings, run_sweep, thread_settings
from playground.ui.controller import Controller
from playground.ui.jobs import Measurement

# work(request, token, progress) -> what the page shows
Work = Callable[[RunRequest, Any, Any], Any]


class Experiments:
    def __init__(self, controller: Controller) -> None:
        self.controller = controller
        self._kiosk_batches: tempfile.TemporaryDirectory[str] | None = None

    def batches_dir(self) -> Path:
        """Where the window's batches keep their rows; a kiosk's last only as long as the app (a visitor's folder
        of answers is not left for the next)."""
        if not self.controller.settings.kiosk:
            return paths.batches_dir()
        if self._kiosk_batches is None:
            self._kiosk_batches = tempfile.TemporaryDirectory(prefix="playground-batches-")
        return Path(self._kiosk_batches.name)

    def _on_current_input(self, work: Work) -> Measurement | None:
        """Start `work` on the current model, input, knobs and runtime options, all taken now (the job runs
        later); False, with the sentence said, when there is no model or input yet."""
        c = self.controller
        task = c.current_task()
        if task is None:
            return None
        request = c.request(task)
        return c.run_experiment(lambda token, progress: work(request, token, progress))

    def sweep(self, kind: str) -> Measurement | None:
        """Time the current model on its input under each thread count ("threads") or each graph optimisation
        level ("optimisation")."""
        options = self.controller.options
        settings = thread_settings(options) if kind == "threads" else optimisation_settings(options)
        return self._on_current_input(lambda request, token, progress: run_sweep(kind, settings, request, token,
                                                                                 progress))

    def measure_model(self) -> Measurement | None:
        """Profile the current model on its input: its operations, where its time goes, its memory."""
        return self._on_current_input(profile_model)

    def batch_sizes(self) -> Measurement | None:
        """The current input fed to the model 1, 2, 4 … 32 times in one run, each size timed."""
        return self._on_current_input(time_batch_sizes)

    def twins(self) -> tuple[ModelCard, ModelCard] | None:
        """The current model and its 8-bit twin (base first), when it has one."""
        c = self.controller
        return twin_of(c.card, {card.id: card for card in c.catalog.cards}) if c.card else None

    def compare_twins(self) -> Measurement | None:
        """The current model and its 8-bit twin on the current input, timed alike."""
        c, pair = self.controller, self.twins()
        if pair is None:
            return None
        base, twin = pair
        if not (c.installed(base) and c.installed(twin)):
            c.run_failed.emit(str(not_installed(twin if c.installed(base) else base)))
            return None
        return self._on_current_input(lambda request, token, progress: compare(base, twin, request, token, progress))

    def run_batch(self, folder: Path, engine: str = "local", workers: int = 1) -> Measurement | None:
        """The current model over every file of its kind in `folder`, through a batch engine with `workers`
        processes (each its own session at one thread); one stopped before goes on where it stopped."""
        c = self.controller
        task = c.current_task(needs_input=False)
        if task is None:
            return None
        card, params, where, models = c.card, dict(c.params), self.batches_dir(), c.catalog.folder

        def work(token: Any, progress: Any) -> BatchReport:
            return run_folder(card, params, folder, engine, workers, where, models, token, progress)

        return c.run_experiment(work)
