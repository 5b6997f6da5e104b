"""StartPage: what the result area shows before an answer: one plain sentence and big sample buttons."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImageReader, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core import media
from playground.ui.i18n import translate
from playground.ui.plain import PlainLabel
from playground.ui.samples import sample_name
from playground.ui.scale import relative_font

THUMB = 96  # a picture a child can recognise from across a table, and a target big enough for a finger
ICON = 32  # files and recordings have no picture to show: a smaller symbol, the name beside it
BUTTON_WIDTH = 150
SPACING = 12
DESKTOP_POINTS = 11.0  # the sizes above are for text this size or smaller; bigger text (a kiosk) scales them


def grown(pixels: int) -> int:
    """`pixels` grown with the application's text, so a kiosk's tiles keep their names whole."""
    return round(pixels * max(1.0, QApplication.font().pointSizeF() / DESKTOP_POINTS))


def thumbnail(path: Path, side: int = THUMB) -> QPixmap:
    """A small copy of a picture, decoded at that size (not the whole photo, then shrunk)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and size.width() > 0 and size.height() > 0:
        reader.setScaledSize(size.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return QPixmap.fromImage(image) if not image.isNull() else QPixmap()


def is_picture(path: Path) -> bool:
    return path.suffix.lower() in media.SUPPORTED.get("image", ())


class StartPage(QWidget):
    """A sentence saying what to do, then one button per bundled sample; choosing one runs it."""

    def __init__(self, choose: Callable[[Path], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choose = choose
        self._icons: dict[Path, QIcon] = {}
        self.setAccessibleName(translate("StartPage", "Result hint"))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.message = PlainLabel("", self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # commands to copy
        relative_font(self.message, 3)
        layout.addWidget(self.message)
        layout.addSpacing(12)
        self._grid = QGridLayout()
        self._grid.setSpacing(SPACING)
        row = QHBoxLayout()  # the grid keeps its natural width, centred
        row.addStretch(1)
        row.addLayout(self._grid)
        row.addStretch(1)
        layout.addLayout(row)
        self._columns = 0
        layout.addSpacing(12)
        self.more = PlainLabel("", self)
        self.more.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.more.setWordWrap(True)
        layout.addWidget(self.more)
        layout.addStretch(2)
        self.buttons: list[QToolButton] = []

    def text(self) -> str:
        """Everything the page says, as one string (what a screen reader and a test read)."""
        return " ".join(t for t in (self.message.text(), self.more.text()) if t)

    def show_message(self, message: str, more: str = "", samples: tuple[Path, ...] = (), verb: str = "") -> None:
        """`message` large, `samples` as buttons named "<verb> <sample>", `more` under them."""
        self.message.setText(message)
        self.more.setText(more)
        self.more.setVisible(bool(more))
        self._fill(samples, verb)

    def _fill(self, samples: tuple[Path, ...], verb: str) -> None:
        if tuple(b.property("sample") for b in self.buttons) == samples:
            return
        for button in self.buttons:
            self._grid.removeWidget(button)
            button.deleteLater()
        self.buttons = [self._button(path, verb) for path in samples]
        self._columns = 0
        self._arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """As many buttons to a row as fit, so eight samples wrap instead of widening the window. The page's own
        minimum is one button's width: the grid's present columns must not hold the window wide."""
        width = grown(BUTTON_WIDTH)
        self.setMinimumWidth(width + 2 * SPACING)
        room = max(self.contentsRect().width(), width)
        columns = max(1, min(len(self.buttons), (room + SPACING) // (width + SPACING)))
        if columns == self._columns:
            return
        self._columns = columns
        for button in self.buttons:
            self._grid.removeWidget(button)
        for i, button in enumerate(self.buttons):
            self._grid.addWidget(button, i // columns, i % columns)

    def _button(self, path: Path, verb: str) -> QToolButton:
        button = QToolButton(self)
        button.setProperty("sample", path)
        button.setText(sample_name(path))  # "A cat": what it is; the file's name is in the tooltip
        button.setIcon(self._icon(path))
        picture = is_picture(path)
        side = grown(THUMB if picture else ICON)
        button.setIconSize(QSize(side, side))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon if picture
                                  else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setFixedWidth(grown(BUTTON_WIDTH))
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        button.setAccessibleName(translate("StartPage", "Sample {name}").format(name=sample_name(path)))
        button.setToolTip(f"{verb} {path.name}".strip())
        button.clicked.connect(self._clicked)
        return button

    def _clicked(self) -> None:
        path = self.sender().property("sample") if self.sender() is not None else None
        if isinstance(path, Path):
            self._choose(path)

    def _icon(self, path: Path) -> QIcon:
        icon = self._icons.get(path)
        if icon is None:
            suffix = path.suffix.lower()
            pixmap = thumbnail(path, grown(THUMB)) if is_picture(path) else QPixmap()
            if pixmap.isNull():
                kind = (QStyle.StandardPixmap.SP_MediaVolume if suffix in media.SUPPORTED.get("audio", ())
                        else QStyle.StandardPixmap.SP_FileIcon)
                icon = QApplication.style().standardIcon(kind)
            else:
                icon = QIcon(pixmap)
            self._icons[path] = icon
        return icon
