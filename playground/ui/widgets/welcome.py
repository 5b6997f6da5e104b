"""WelcomePage: the first screen of a new person: what the app is, in one line, and four big ways to start."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QSizePolicy, QStyle, QToolButton, QVBoxLayout, QWidget

from playground import paths
from playground.core import readable
from playground.core.catalog import Catalog
from playground.ui import theme
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.plain import PlainLabel
from playground.ui.samples import sample_name
from playground.ui.scale import relative_font
from playground.ui.widgets.start_page import grown, is_picture, thumbnail

TILE_WIDTH = 250
TILE_ICON = 120


@dataclass(frozen=True)
class Start:
    """One way in: a kind of input, the model that shows it best, the sample it starts on ('' to draw)."""

    title: str
    model_id: str
    sample: str
    does: str


STARTS = (
    Start(QT_TRANSLATE_NOOP("WelcomePage", "A photo"), "efficientnet-lite0", "chelsea.png",
          QT_TRANSLATE_NOOP("WelcomePage", "names what it shows")),
    # The int8 Whisper: 44 MB, faster, and as good on the sample.
    Start(QT_TRANSLATE_NOOP("WelcomePage", "A voice"), "whisper-tiny-en-int8", "sent16k.wav",
          QT_TRANSLATE_NOOP("WelcomePage", "writes down the words")),
    Start(QT_TRANSLATE_NOOP("WelcomePage", "A sentence"), "sentiment", "review.txt",
          QT_TRANSLATE_NOOP("WelcomePage", "hears if it is pleased")),
    Start(QT_TRANSLATE_NOOP("WelcomePage", "Draw a digit"), "digits", "",
          QT_TRANSLATE_NOOP("WelcomePage", "guesses as you draw")),
)
TITLE = QT_TRANSLATE_NOOP("WelcomePage", "Watch a trained model answer your own photo, voice or words, on this "
                                         "computer.")
MORE = QT_TRANSLATE_NOOP("WelcomePage", "Pick one to start; every other model is in the list on the left, and Learn "
                                        "explains what you see. Nothing you give it leaves this computer.")


class WelcomePage(QWidget):
    """Shown until a model is chosen for the first time; after that the window opens on the last model."""

    def __init__(self, choose: Callable[[str, Path | None], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choose = choose
        self.setAccessibleName(translate("WelcomePage", "Welcome"))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = PlainLabel(translate("WelcomePage", TITLE), self)
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        relative_font(self.title, 5)
        layout.addWidget(self.title)
        layout.addSpacing(18)
        self._grid = QGridLayout()
        self._grid.setSpacing(16)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(self._grid)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addSpacing(18)
        self.more = PlainLabel(translate("WelcomePage", MORE), self)
        self.more.setWordWrap(True)
        self.more.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.more)
        layout.addStretch(2)
        self.tiles: list[QToolButton] = []

    def show_starts(self, catalog: Catalog) -> None:
        """One tile per way in whose model this version has; a model not downloaded yet says so on its tile."""
        for tile in self.tiles:
            self._grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = []
        for start in STARTS:
            if start.model_id not in catalog.ids:
                continue
            card = catalog.get(start.model_id)
            sample = paths.samples_dir() / start.sample if start.sample else None
            # Short lines: a tool button does not wrap, and a tile must read whole at a kiosk's text size too.
            title = translate("WelcomePage", start.title)
            lines = [title, sample_name(sample) if sample else translate("WelcomePage", "on the drawing board"),
                     translate("WelcomePage", start.does)]
            if not catalog.installed(card):
                size = readable.size(card.source.download_size)
                lines.append(translate("WelcomePage", "({size} to download)").format(size=size))
            tile = QToolButton(self)
            tile.setText("\n".join(lines))
            tile.setAccessibleName(translate("WelcomePage", "Start with {what}: {model}").format(
                what=title, model=card.name))
            tile.setToolTip(f"{card.name}: {card.summary}")
            tile.setIcon(self._icon(sample))
            side = grown(TILE_ICON)
            tile.setIconSize(QSize(side, side))
            tile.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            tile.setFixedWidth(grown(TILE_WIDTH))
            tile.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            relative_font(tile, 2)
            tile.clicked.connect(lambda _=False, s=start, p=sample: self._choose(s.model_id, p))
            self._grid.addWidget(tile, len(self.tiles) // 2, len(self.tiles) % 2)
            self.tiles.append(tile)

    def _icon(self, sample: Path | None) -> QIcon:
        """The photo itself; for a recording, a text or the drawing board, the usual symbol."""
        style = self.style()
        if sample is not None and is_picture(sample):
            return QIcon(thumbnail(sample, grown(TILE_ICON)))
        symbol = (QStyle.StandardPixmap.SP_MediaVolume if sample is not None and sample.suffix == ".wav" else
                  QStyle.StandardPixmap.SP_FileDialogDetailedView if sample is not None else
                  QStyle.StandardPixmap.SP_DialogResetButton)
        return readable_on_theme(style.standardIcon(symbol), grown(TILE_ICON))


def readable_on_theme(icon: QIcon, side: int) -> QIcon:
    """A black symbol (the speaker of Qt's own icons) drawn in the theme's text colour, so it shows on a dark
    tile too; a coloured one is left as it is."""
    image = icon.pixmap(side, side).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    shown = [image.pixelColor(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)]
    opaque = [c for c in shown if c.alpha() > 128]
    if not opaque or sum(c.lightness() for c in opaque) / len(opaque) > 60 or not theme.current().dark:
        return icon
    tinted = QPixmap(image.size())
    tinted.fill(Qt.GlobalColor.transparent)
    painter = QPainter(tinted)
    painter.drawImage(0, 0, image)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(tinted.rect(), theme.colour("text"))
    painter.end()
    return QIcon(tinted)
