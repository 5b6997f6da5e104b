"""Help → Keyboard shortcuts: every key the window answers to, listed from the window's own actions so the
page never drifts from what the keys do, plus the keys that belong to one control (Send, the pictures, the pad)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
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

from playground.ui.i18n import translate
from playground.ui.widgets.canvas import ZOOM_HELP


def _native(key: QKeySequence.StandardKey) -> str:
    """A standard key as this desktop binds it (read only once the application runs: it asks the platform)."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def control_keys() -> tuple[tuple[str, str], ...]:
    """Keys that belong to one control rather than to a window action (input_panel, canvas, draw_panel)."""
    return (
        (translate("Shortcuts", "Show this list of keys"), _native(QKeySequence.StandardKey.HelpContents)),
        (translate("Shortcuts", "Move to the next or the previous control"), translate("Shortcuts", "Tab, Shift+Tab")),
        (translate("Shortcuts", "Press the button or tick the box that has the focus"),
         translate("Shortcuts", "Space")),
        (translate("Shortcuts", "Send a message to a chat model"), translate("Shortcuts", "Enter")),
        (translate("Shortcuts", "Start a new line in a message"), translate("Shortcuts", "Shift+Enter")),
        (translate("Shortcuts", "Zoom a picture in or out, or see all of it"),
         translate("Shortcuts", "+, −, 0 (with the picture focused)")),
        (translate("Shortcuts", "Move around a zoomed picture"), translate("Shortcuts", "Arrow keys")),
        (translate("Shortcuts", "Undo the last stroke on the drawing pad"), _native(QKeySequence.StandardKey.Undo)),
        (translate("Shortcuts", "Clear the drawing pad"), _native(QKeySequence.StandardKey.Delete)),
    )


def action_rows(actions: tuple[QAction, ...]) -> list[tuple[str, str]]:
    """(what it does, its keys) for each window action that has a key."""
    rows = []
    for action in actions:
        # A standard key this desktop does not bind (Quit on some) comes back empty: it is no key to list.
        keys = ", ".join(filter(None, (k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())))
        if keys:
            rows.append((action.text().replace("&", "").rstrip("…").rstrip(), keys))  # "Öffnen …" has a space
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, actions: tuple[QAction, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Shortcuts", "Keyboard shortcuts"))
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        rows = action_rows(actions) + list(control_keys())
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([translate("Shortcuts", "What"), translate("Shortcuts", "Keys")])
        self.table.setAccessibleName(translate("Shortcuts", "Keyboard shortcuts"))
        self.table.setAccessibleDescription(ZOOM_HELP)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
