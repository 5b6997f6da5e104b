"""The live-or-batch lesson: the live runs against a deadline (a counter and a strip of recent runs), and the
current model over a whole folder through a batch engine (local or Ray, so many workers), with throughput,
time left, stop and go on, the engines' runs side by side, and CSV/JSON export."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from playground import paths
from playground.core import readable
from playground.core.safe_output import utf8
from playground.lab import lesson_batch, lesson_facts
from playground.lab.batch import ENGINES, BatchReport, default_workers, engine_problem, to_csv, to_json
from playground.lab.batch_sizes import BatchSizes
from playground.ui import theme
from playground.ui.controller import Controller
from playground.ui.experiments import Experiments
from playground.ui.i18n import translate
from playground.ui.lessons.page import LessonPage
from playground.ui.lessons.time_bars import TimeBars
from playground.ui.plain import PlainLabel
from playground.ui.settings import Settings
from playground.ui.views.base import write_bytes
from playground.ui.widgets.plots import make_plot, say_empty

ON_TIME, LATE = pg.mkBrush(0, 158, 115), pg.mkBrush(213, 94, 0)


class BatchPage(LessonPage):
    topic = lesson_facts.BATCH

    def __init__(self, controller: Controller, settings: Settings, experiments: Experiments,
                 parent: QWidget | None = None) -> None:
        super().__init__(controller, settings, experiments, parent)
        self.deadline = self.knob("deadline_ms", translate("BatchPage", "Deadline for a live answer"), 33.0, 1.0,
                                  10_000.0, " ms",
                                  translate("BatchPage", "A live answer later than this is too late: 33 ms keeps up "
                                                         "with 30 frames a second, 100 ms still feels instant."))
        self.strip = make_plot(translate("BatchPage", "Recent runs against the deadline"),
                               translate("BatchPage", "ms per run"), translate("BatchPage", "run number"), self)
        self.figure_slot.addWidget(self.strip)
        self.figure_slot.addLayout(self._engine_row())
        self.figure_slot.addLayout(self._batch_row())
        self.status = PlainLabel("", self)
        self.status.setAccessibleName(translate("BatchPage", "Batch progress"))
        self.figure_slot.addWidget(self.status)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([translate("BatchPage", "File"), translate("BatchPage", "Answer"), "ms"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(translate("BatchPage", "Every file of the batch with its answer"))
        self.table.setMinimumHeight(120)
        self.figure_slot.addWidget(self.table)
        self.engine_bars = TimeBars(self)
        self.engine_bars.setAccessibleName(translate("BatchPage", "The engines' runs of this folder side by side"))
        self.figure_slot.addWidget(self.engine_bars)
        self.engine_note = PlainLabel("", self)
        self.engine_note.setWordWrap(True)
        self.figure_slot.addWidget(self.engine_note)
        self.sizes_button = self.button(translate("BatchPage", "Time batch sizes"),
                                        lambda: self.follow(self.experiments.batch_sizes(), self._on_sizes),
                                        translate("BatchPage", "Feed the model the current input 1, 2, 4 … 32 times "
                                                               "in one run, and time each"))
        self.button_row(self.sizes_button)
        self.size_bars = TimeBars(self)
        self.size_bars.setAccessibleName(translate("BatchPage", "Wait for each batch size, with the answers a second"))
        self.figure_slot.addWidget(self.size_bars)
        self.report: BatchReport | None = None
        self.runs: dict[tuple[str, int], BatchReport] = {}  # the engines' runs of the last folder, by engine, workers
        self.sizes: BatchSizes | None = None
        self._show_runs()  # the invitation to compare, and what changes beyond one computer
        controller.busy_changed.connect(self._on_busy)
        controller.model_changed.connect(self._forget)

    def _engine_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.engine = QComboBox(self)
        self.engine.setAccessibleName(translate("BatchPage", "Batch engine"))
        names = {"local": translate("BatchPage", "Local engine: a process per worker"),
                 "ray": translate("BatchPage", "Ray Data: the engine of clusters, here on this computer")}
        for i, key in enumerate(ENGINES):
            self.engine.addItem(names[key], key)
            problem = engine_problem(key, self.settings.kiosk)
            if problem:  # shown, greyed, with the reason: the lesson names what exists even where it cannot run
                self.engine.model().item(i).setEnabled(False)  # type: ignore[attr-defined]
            self.engine.setItemData(i, problem or names[key], Qt.ItemDataRole.ToolTipRole)
        self.workers = QSpinBox(self)
        self.workers.setRange(1, max(1, os.cpu_count() or 1))
        self.workers.setValue(min(default_workers(), self.workers.maximum()))
        self.workers.setAccessibleName(translate("BatchPage", "Workers"))
        self.workers.setToolTip(translate("BatchPage", "Processes side by side, each with its own copy of the model at "
                                                       "one thread; one per core is usually fastest"))
        for widget in (PlainLabel(translate("BatchPage", "Engine"), self), self.engine,
                       PlainLabel(translate("BatchPage", "Workers"), self), self.workers):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _batch_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        kiosk = self.settings.kiosk  # a public kiosk opens no file dialogs and saves nothing
        self.folder_button = self._button(row, translate("BatchPage", "Run a folder…"),
                                          translate("BatchPage", "Run the model on every file of a folder"),
                                          self.choose_folder, visible=not kiosk)
        self.samples_button = self._button(row, translate("BatchPage", "Run the samples"),
                                           translate("BatchPage", "Run the model on every bundled sample of its kind"),
                                           lambda: self.run_folder(paths.samples_dir()))
        self.stop_button = self._button(row, translate("BatchPage", "Stop"),
                                        translate("BatchPage", "Stop the batch; the files done so far are kept, and "
                                                               "running it again goes on from there"),
                                        self.controller.cancel)
        self.stop_button.setEnabled(False)
        self.csv_button = self._button(row, translate("BatchPage", "Save CSV…"),
                                       translate("BatchPage", "Save every file's answer and timings as CSV"),
                                       lambda: self.save("csv"), visible=not kiosk)
        self.json_button = self._button(row, translate("BatchPage", "Save JSON…"),
                                        translate("BatchPage", "Save every file's full result and timings as JSON"),
                                        lambda: self.save("json"), visible=not kiosk)
        for button in (self.csv_button, self.json_button):
            button.setEnabled(False)
        row.addStretch(1)
        return row

    def _button(self, row: QHBoxLayout, text: str, tip: str, slot: Any, visible: bool = True) -> QPushButton:
        button = self.button(text, slot, tip)
        button.setVisible(visible)
        row.addWidget(button)
        return button

    def choose_folder(self) -> None:
        title = translate("BatchPage", "Run the model on every file of a folder")
        folder = QFileDialog.getExistingDirectory(self, title, str(Path.home()))
        if folder:
            self.run_folder(Path(folder))

    def run_folder(self, folder: Path) -> None:
        self.report = None
        self.table.setRowCount(0)
        engine = str(self.engine.currentData())
        if self.follow(self.experiments.run_batch(folder, engine, self.workers.value()), self._on_report,
                       self._on_progress):
            starting = (translate("BatchPage", "Starting Ray, then on {folder}…") if engine == "ray" else
                        translate("BatchPage", "Starting the workers, then on {folder}…"))
            self.status.setText(starting.format(folder=folder.name))

    def _on_busy(self, busy: bool) -> None:
        self.stop_button.setEnabled(busy and self.report is not None and not self.report.finished)

    def _on_progress(self, _fraction: float, partial: BatchReport | None) -> None:
        if partial is not None:
            self._show(partial)

    def _on_report(self, report: BatchReport) -> None:
        self._show(report, final=True)
        self.stop_button.setEnabled(False)
        if report.ran:
            if any(run.folder != report.folder for run in self.runs.values()):
                self.runs.clear()  # side by side means the same folder
            self.runs[(report.engine, report.workers)] = report
            self._show_runs()
            self.refresh()

    def _show_runs(self) -> None:
        rows = []
        for run in self.runs.values():
            engine = lesson_batch.engine_name(run)
            name = translate("BatchPage", "{engine}: {rate} a second").format(
                engine=engine[:1].upper() + engine[1:], rate=readable.sig(run.steady_per_second, 3))
            rows.append((name, (("until the first answers", run.first_s * 1000),
                                ("the other files", max(0.0, run.elapsed_s - run.first_s) * 1000))))
        self.engine_bars.set_rows(tuple(rows))
        runs = tuple(self.runs.values())
        self.engine_note.setText(f"{lesson_batch.engines_sentence(runs)}\n\n{lesson_batch.beyond_sentence(runs)}")

    def _on_sizes(self, sizes: BatchSizes) -> None:
        self.sizes = sizes
        name = translate("BatchPage", "{size} at once, {rate} a second")
        self.size_bars.set_rows(tuple((name.format(size=p.size, rate=readable.sig(p.per_second, 3)),
                                       (("wait for the batch", p.batch_ms),)) for p in sizes.points))
        self.refresh()

    def _forget(self, *_: object) -> None:
        self.report, self.sizes = None, None
        self.runs.clear()
        self.size_bars.set_rows(())
        self._show_runs()
        self.table.setRowCount(0)
        self.status.setText("")
        for button in (self.csv_button, self.json_button):
            button.setEnabled(False)

    def _show(self, report: BatchReport, final: bool = False) -> None:
        before = self.report
        shown = self.table.rowCount()
        if before is None or before.folder != report.folder or report.finished or len(report.rows) < shown:
            shown = 0  # another batch, or the finished one's every row in the folder's order: drawn afresh
        self.report = report
        self.table.setRowCount(len(report.rows))
        for i in range(shown, len(report.rows)):  # only the rows that arrived since the last report
            row = report.rows[i]
            for col, text in enumerate((row.file, row.answer or row.problem, readable.ms(row.total_ms) if row.answer else "")):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
        self.table.scrollToBottom()
        self.status.setText(self._progress(report, stopped=final and not report.finished))
        self.stop_button.setEnabled(self.controller.busy and not report.finished)
        for button in (self.csv_button, self.json_button):
            button.setEnabled(bool(report.rows))
        self.refresh()

    def _progress(self, report: BatchReport, stopped: bool) -> str:
        """The line under the buttons: files done, the pace, and the time left or that it was stopped."""
        values = {"done": readable.local(f"{report.done:,}"), "total": readable.local(f"{report.total:,}"),
                  "rate": readable.sig(report.per_second, 3), "left": readable.duration(report.eta_s),
                  "skipped": readable.local(f"{report.skipped:,}"), "kept": readable.local(f"{report.kept:,}")}
        if stopped:
            line = translate("BatchPage", "{done} of {total} files, {rate} a second (stopped): run the same folder "
                                          "again to go on from there.")
        elif not report.finished and report.eta_s:
            line = translate("BatchPage", "{done} of {total} files, {rate} a second, about {left} left.")
        else:
            line = translate("BatchPage", "{done} of {total} files, {rate} a second.")
        if report.kept:
            line += " " + translate("BatchPage", "{kept} were done before it was stopped, and not run again.")
        if report.skipped == 1:
            line += " " + translate("BatchPage", "1 more file was left out.")
        elif report.skipped:
            line += " " + translate("BatchPage", "{skipped} more files were left out.")
        return line.format(**values)

    def save(self, kind: str) -> bool:
        if self.report is None:
            return False
        name = f"{self.report.model_id}-batch.{kind}"
        title = translate("BatchPage", "Save the batch as {kind}").format(kind=kind.upper())
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), f"{kind.upper()} (*.{kind})")
        return bool(path) and self.save_to(Path(path), kind)

    def save_to(self, path: Path, kind: str) -> bool:
        """All or nothing (a full disk leaves no half file); the line under the buttons says what happened."""
        if self.report is None:
            return False
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        text = to_csv(self.report) if kind == "csv" else to_json(self.report)
        ok = write_bytes(utf8(text), path)
        if not ok:
            said = translate("BatchPage", "The results could not be written to “{path}”; check the disk has space "
                                          "and try another folder.")
        elif self.report.done == 1:
            said = translate("BatchPage", "Saved 1 file's results to “{name}”.")
        else:
            said = translate("BatchPage", "Saved {count} files' results to “{name}”.")
        self.status.setText(said.format(path=path, name=path.name, count=self.report.done))
        return ok

    def lesson_facts(self) -> dict[str, str]:
        if self.controller.card is None:
            return {}
        return lesson_batch.batch_facts(self.report, self.controller.history, self.deadline.value(), self.sizes)

    def update_figure(self) -> None:
        history = self.controller.history
        totals, index = history.total_ms.view(), history.index.view()
        plot = self.strip.getPlotItem()
        plot.clear()
        if say_empty(plot, "" if len(totals) else translate("BatchPage", "Run the model: each run is a dot here,\n"
                                                                         "red when it missed the deadline.")):
            return
        late = totals > self.deadline.value()
        for mask, brush in ((~late, ON_TIME), (late, LATE)):
            if mask.any():
                plot.addItem(pg.ScatterPlotItem(index[mask], totals[mask], size=7, brush=brush, pen=None))
        plot.addItem(pg.InfiniteLine(self.deadline.value(), angle=0, label=translate("BatchPage", "deadline"),
                                     pen=pg.mkPen(theme.colour("ink"), width=2, style=Qt.PenStyle.DashLine),
                                     labelOpts={"position": 0.05, "color": theme.colour("ink")}))
        if len(totals):
            plot.setYRange(0, float(max(np.max(totals), self.deadline.value())) * 1.15, padding=0)
