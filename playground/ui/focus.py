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
    children = widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    layout = widget.layout()
    if layout is None:
        return children
    keys = {child: _place_in(layout, child) for child in children}
    placed = {child: key for child, key in keys.items() if key is not None}
    laid = sorted(placed, key=lambda c: placed[c])
    return laid + [c for c in children if c not in placed]


def _place_in(layout: QLayout, widget: QWidget, path: tuple[int, ...] = ()) -> tuple[int, ...] | None:
    """Where `widget` sits in `layout` and its nested layouts, as a path of indices, or None.

    Asked with indexOf, never itemAt: PySide keeps every item itemAt returns alive beside its layout, and
    once Qt deletes that item (a row of knobs rebuilt) the stale wrapper answers for whatever object
    next takes its address, which crashed the window after many model switches.
    """
    index = layout.indexOf(widget)
    if index >= 0:
        return (*path, index)
    for inner in layout.findChildren(QLayout, options=Qt.FindChildOption.FindDirectChildrenOnly):
        at = layout.indexOf(inner)
        if at >= 0:
            found = _place_in(inner, widget, (*path, at))
            if found is not None:
                return found
    return None


def order(regions: list[QWidget]) -> list[QWidget]:
    """Chain every focusable widget of `regions`, region after region; returns the chain."""
    chain = [w for region in regions for w in focusable(region)]
    for first, second in zip(chain, chain[1:]):
        QWidget.setTabOrder(first, second)
    return chain
