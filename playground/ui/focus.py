"""Keyboard order: Tab walks the window the way it is read, region by region, whatever was built last."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLayout, QWidget

# Qt appends a widget to the Tab order when it is created, so knobs rebuilt for a new model and result
# views made on first use would otherwise come after everything else.

# Widgets that take focus as one control although they are made of several.
_COMPOUND = (QAbstractSpinBox, QComboBox)


def focusable(region: QWidget) -> list[QWidget]:
    """The widgets inside `region` that Tab can reach, in the order their layouts show them."""
    found: list[QWidget] = []
    _walk(region, found)
    return found


def _walk(widget: QWidget, found: list[QWidget]) -> None:
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None \
            and not widget.objectName().startswith("qt_"):
        found.append(widget)
    if isinstance(widget, _COMPOUND):
        return  # its inner line edit is part of it
    for child in _children_in_layout_order(widget):
        _walk(child, found)


def _children_in_layout_order(widget: QWidget) -> list[QWidget]:
    """Direct children as laid out (top to bottom, label before field), then any outside a layout."""
    ordered: list[QWidget] = []
    if widget.layout() is not None:
        _layout_widgets(widget.layout(), ordered)
    for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if child not in ordered:
            ordered.append(child)
    return [child for child in ordered if child.parentWidget() is widget]


def _layout_widgets(layout: QLayout, out: list[QWidget]) -> None:
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None:
            out.append(item.widget())
        # A widget being deleted leaves its item behind for a moment, which PySide then reports as a layout.
        elif isinstance(inner := item.layout(), QLayout):
            _layout_widgets(inner, out)


def order(regions: list[QWidget]) -> list[QWidget]:
    """Chain every focusable widget of `regions`, region after region; returns the chain."""
    chain = [w for region in regions for w in focusable(region)]
    for first, second in zip(chain, chain[1:]):
        QWidget.setTabOrder(first, second)
    return chain
