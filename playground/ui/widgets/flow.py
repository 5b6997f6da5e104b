"""Rows of controls that wrap in a narrow window: FlowLayout (Qt's flow layout example) and two rows that stack.

A row of buttons in an ordinary box layout holds the window at least as wide as all of them side by side; under
a result they may wrap instead, so the window fits a 1024-pixel screen whatever view it shows.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QBoxLayout, QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """All in one row, where there is room for it."""
        shown = [i for i in self._items if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in shown) + self.spacing() * max(0, len(shown) - 1)
        return QSize(width, max((i.sizeHint().height() for i in shown), default=0))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        """As narrow as the widest single item: the rest wraps."""
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out in rows within rect (or only measure); the height they take."""
        x, y, row_height = rect.x(), rect.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, row_height = rect.x(), y + row_height + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()


def side_by_side_if_room(widget: QWidget, rows: QBoxLayout, allowed: bool = True) -> None:
    """`rows` left to right where `widget` is wide enough (and `allowed`), else one above the other. The widget's
    own minimum width is the stacked one, so a row of controls never holds the window wider than a small screen."""
    rows.setDirection(QBoxLayout.Direction.LeftToRight)
    one_row = rows.minimumSize().width()
    rows.setDirection(QBoxLayout.Direction.TopToBottom)
    outer = widget.layout()
    if outer is not None:
        outer.invalidate()  # its cached minimum is the one-row one
        widget.setMinimumWidth(outer.minimumSize().width())
    if allowed and widget.width() >= one_row:
        rows.setDirection(QBoxLayout.Direction.LeftToRight)
