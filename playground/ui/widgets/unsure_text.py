"""UnsureDelegate: a list row of plain text in which the words the model was unsure of are underlined with a
dotted line and drawn in the theme's remark colour, as a spelling checker marks a word; the text is never
read as markup (the words are found by position, and formats are set on a plain-text document)."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from playground.ui import theme

UNSURE_ROLE = int(Qt.ItemDataRole.UserRole) + 7  # the row's unsure words (a tuple of str) on each item
PAD = 4


def unsure_spans(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, length) of each unsure word in `text`, found in order as whole words."""
    spans, at = [], 0
    for word in words:
        if not word:
            continue
        found = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)").search(text, at)
        if found:
            spans.append((found.start(), len(word)))
            at = found.end()
    return spans


class UnsureDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(PAD)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        doc.setPlainText(text)
        marked = QTextCharFormat()
        marked.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        marked.setUnderlineColor(theme.colour("remark"))
        marked.setForeground(theme.colour("remark"))
        for start, length in unsure_spans(text, tuple(index.data(UNSURE_ROLE) or ())):
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(marked)
        width = option.rect.width() if option.rect.width() > 0 else getattr(self.parent(), "width", lambda: 400)()
        doc.setTextWidth(max(width, 40))
        return doc

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        view = self.parent()
        if isinstance(view, QWidget) and hasattr(view, "viewport"):
            option.rect.setWidth(view.viewport().width())  # rows wrap at the list's width, not their own
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text = option.text
        option.text = ""  # the background, selection and focus come from the style; the words from us
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = text
        doc = self._document(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.save()
        painter.translate(option.rect.topLeft())
        context.clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()
