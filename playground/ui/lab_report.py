"""Saving the lab report from the window: the session's runs as HTML with the graphs as pictures, and the same
runs as CSV and JSON beside it, each file written whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph
import PySide6
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtWidgets import QWidget

from playground import __version__
from playground.core.safe_output import utf8
from playground.lab.report import machine_details, report_html, runs_csv, runs_json
from playground.ui.controller import Controller
from playground.ui.i18n import translate
from playground.ui.views.base import write_bytes


def png_of(widget: QWidget) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    return bytes(buffer.data().data())


def save_lab_report(controller: Controller, pictures: dict[str, QWidget], target: Path) -> str:
    """Writes NAME.html, NAME.csv and NAME.json; returns the sentence to show (what was saved, or why not), which
    the main window's status line shows. The report itself is the lab's, in its own words."""
    log = controller.session_log
    if not log.runs:
        return translate("MainWindow", "Nothing has run yet: run a model first, then save the report.")
    target = target.with_suffix(".html")
    cards = {card.id: card for card in controller.catalog.cards}
    machine = machine_details({"PySide6": PySide6.__version__, "pyqtgraph": pyqtgraph.__version__,
                             "Inference Playground": __version__,
                             "threads now": str(controller.options.threads),
                             "graph optimisation now": controller.options.opt_level})
    files = {target: report_html(log, cards, machine, {title: png_of(w) for title, w in pictures.items()}),
             target.with_suffix(".csv"): runs_csv(log), target.with_suffix(".json"): runs_json(log, machine, cards)}
    for path, text in files.items():
        if not write_bytes(utf8(text), path):
            return translate("MainWindow", "The report could not be written to “{path}”; check the disk has space "
                                           "and try another folder.").format(path=path)
    said = (translate("MainWindow", "Saved the report of 1 run as {html}, with {csv} and {json}.") if len(log.runs) == 1
            else translate("MainWindow", "Saved the report of {count} runs as {html}, with {csv} and {json}."))
    return said.format(count=len(log.runs), html=target.name, csv=f"{target.stem}.csv", json=f"{target.stem}.json")
