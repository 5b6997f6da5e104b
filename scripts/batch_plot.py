"""The batch figures for docs/batch.md: a plot of files a second (bare loop, local engine, Ray) for each model and
worker count, and a projection of a million inputs on K nodes of C cores, from benchmarks/batch_throughput.py.

    .venv/bin/python scripts/batch_plot.py eff.json whisper.json --png docs/batch.png

Prints the projection as Markdown tables. The projection is arithmetic on this machine's measurements, not a
measurement: it assumes each core of a node does what a core did here, and says so beside its numbers.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playground.batch.job import MAX_CHUNK  # noqa: E402
from playground.lab.cost import DEFAULT_PRICE_PER_CPU_HOUR  # noqa: E402

MILLION = 1_000_000
NODES = (1, 10, 100)
CORES = 16  # cores a node (a common cloud instance size)
# Okabe-Ito colours: told apart with any colour vision.
COLOURS = {"bare": (0, 0, 0), "local": (0, 114, 178), "ray": (213, 94, 0)}


def projection(fig: dict) -> list[tuple[int, float, float]]:
    """(nodes, hours, dollars) for a million inputs: each core as fast as one here under Ray at two workers
    (steady files a second ÷ 2), plus Ray's fixed start-up and its cost per batch of MAX_CHUNK files."""
    two = fig["workers"]["2"]
    per_core = (two["ray"] or two["local"])["steady"] / 2
    startup, per_batch = fig.get("ray_startup_s", 0.0), fig.get("ray_per_batch_s", 0.0)
    rows = []
    for nodes in NODES:
        cores = nodes * CORES
        seconds = startup + MILLION / (per_core * cores) + math.ceil(MILLION / MAX_CHUNK) * per_batch / cores
        rows.append((nodes, seconds / 3600, seconds / 3600 * cores * DEFAULT_PRICE_PER_CPU_HOUR))
    return rows


def plot(figures: list[dict], path: Path) -> None:
    import numpy as np
    import pyqtgraph as pg
    import pyqtgraph.exporters
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    layout = pg.GraphicsLayoutWidget()
    layout.resize(1100, 420 * len(figures))
    for row, fig in enumerate(figures):
        item = layout.addPlot(row=row, col=0, title=f"{fig['model']}: files a second, steady state "
                                                    f"({fig['files']} files; {fig['processor']})")
        item.addLegend(offset=(10, 10))
        for k, kind in enumerate(("bare", "local", "ray")):
            xs, heights = [], []
            for w, workers in enumerate(("1", "2")):
                value = fig["workers"][workers][kind]
                value = value if isinstance(value, (int, float)) else (value or {}).get("steady", 0.0)
                xs.append(w * 4 + k)
                heights.append(value)
            label = {"bare": "bare onnxruntime loop, tensors decoded beforehand", "local": "playground batch, local",
                     "ray": "playground batch --engine ray"}[kind]
            item.addItem(pg.BarGraphItem(x=np.array(xs, float), height=np.array(heights, float), width=0.9,
                                         brush=COLOURS[kind], pen=None, name=label))
            for x, h in zip(xs, heights):
                text = pg.TextItem(f"{h:.1f}" if h < 10 else f"{h:.0f}", color=(0, 0, 0), anchor=(0.5, 1.0))
                text.setPos(x, h)
                item.addItem(text)
        item.getAxis("bottom").setTicks([[(1, "1 worker"), (5, "2 workers")]])
        item.setLabel("left", "files a second")
        item.showGrid(y=True, alpha=0.3)
        top = max(max(v if isinstance(v, (int, float)) else (v or {}).get("steady", 0.0) for v in w.values())
                  for w in fig["workers"].values())
        item.setYRange(0, top * 1.35, padding=0)
    layout.show()
    app.processEvents()
    exporter = pyqtgraph.exporters.ImageExporter(layout.scene())
    exporter.parameters()["width"] = 1100
    exporter.export(str(path))
    layout.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("figures", nargs="+", type=Path)
    parser.add_argument("--png", type=Path, default=ROOT / "docs" / "batch.png")
    args = parser.parse_args()
    figures = [json.loads(p.read_text()) for p in args.figures]
    plot(figures, args.png)
    for fig in figures:
        print(f"\n{fig['model']}, a million inputs, nodes of {CORES} cores at ${DEFAULT_PRICE_PER_CPU_HOUR:g} a "
              "core-hour (projection):\n")
        print("| nodes | cores | time | cost |\n|---|---|---|---|")
        for nodes, hours, dollars in projection(fig):
            minutes = hours * 60
            took = f"{hours:.1f} h" if hours >= 1 else f"{minutes:.1f} min"
            print(f"| {nodes} | {nodes * CORES} | {took} | ${dollars:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
