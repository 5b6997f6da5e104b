"""The soak's plot (scripts/soak.py): memory, threads, timers, files, objects and lag against runs, as a PNG."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from scripts.soak import Sample


def plot(samples: Sequence[Sample], warm_runs: int, path: Path, lag_goal_ms: float, title: str) -> None:
    """Memory; threads, QTimers and open files; Python objects; the event loop's lag: against runs, as a PNG."""
    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    layout = pg.GraphicsLayoutWidget()
    layout.resize(1200, 1040)
    layout.addLabel(title, row=0, col=0, size="13pt")
    timed = [s for s in samples if s.ticks >= 20]  # a window of a few ticks has no p99 worth drawing
    # Okabe-Ito colours: told apart with any colour vision.
    panels = [("Resident memory", "RSS (MB)", [("RSS", samples, lambda s: s.rss_mb, (0, 114, 178))]),
              ("Threads, live QTimers and open files", "count",
               [("threads", samples, lambda s: s.os_threads, (213, 94, 0)),
                ("QTimers", samples, lambda s: s.timers, (204, 121, 167)),
                ("open files", samples, lambda s: s.fds, (86, 180, 233))]),
              ("Python objects (after gc.collect; the run records and the soak's samples counted apart)", "objects (thousands)",
               [("objects", samples, lambda s: s.objects / 1000, (0, 158, 115))]),
              ("Event-loop lag in repeat mode with the graphs live: p99 of each stretch between samples", "lag (ms)",
               [("p99 of the stretch", timed, lambda s: s.lag_p99_ms, (0, 0, 0)),
                (f"goal: p99 ≤ {lag_goal_ms:g} ms", [samples[0], samples[-1]], lambda s: lag_goal_ms, None)])]
    for row, (name, axis, curves) in enumerate(panels, start=1):
        item = layout.addPlot(row=row, col=0, title=name)
        item.setXLink(layout.getItem(1, 0)) if row > 1 else None  # one runs axis for all four
        item.addLegend(offset=(70, 2)) if len(curves) > 1 else None
        top = 1.0
        for (label, rows, value, colour), symbol in zip(curves, "ost"):
            values = np.array([value(s) for s in rows], float)
            top = max(top, float(values.max(initial=0)))
            pen = pg.mkPen(colour, width=2) if colour else pg.mkPen((213, 94, 0), width=2, style=Qt.PenStyle.DashLine)
            item.plot(np.array([s.runs for s in rows], float), values, pen=pen, name=label, symbolSize=5,
                      symbol=symbol if colour else None, symbolBrush=colour, symbolPen=None)
        item.setLabel("left", axis)
        item.setLabel("bottom", "runs finished")
        item.showGrid(x=True, y=True, alpha=0.3)
        item.addLine(x=warm_runs, pen=pg.mkPen((120, 120, 120), style=Qt.PenStyle.DashLine), label="end of warm-up",
                     labelOpts={"position": 0.12, "color": (90, 90, 90), "anchors": [(0, 0), (0, 0)]})
        item.setYRange(0, top * (2.0 if len(curves) > 1 else 1.15), padding=0)
    layout.show()
    QApplication.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    exporter = pyqtgraph.exporters.ImageExporter(layout.scene())
    exporter.parameters()["width"] = 1200
    exporter.export(str(path))
    layout.close()
