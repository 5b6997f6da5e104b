"""The model picker: every model grouped Text / Image / Audio, with task, size, licence and a one-line summary."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.core import explainers, readable
from playground.core.built import measured_words
from playground.core.card import ModelCard
from playground.ui import theme
from playground.ui.controller import Controller
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.plain import PlainLabel

GROUP_TITLES = {"text": QT_TRANSLATE_NOOP("ModelPicker", "Text"), "image": QT_TRANSLATE_NOOP("ModelPicker", "Image"),
                "audio": QT_TRANSLATE_NOOP("ModelPicker", "Audio"),
                "own": QT_TRANSLATE_NOOP("ModelPicker", "Your models")}
ID_ROLE = Qt.ItemDataRole.UserRole
LINES_ROLE = Qt.ItemDataRole.UserRole + 1  # (name, details, summary, installed) painted by the delegate
PAD = 6
# Secondary lines: #555 on white is 7.5 : 1, readable in small type; the style's placeholder grey was 4 : 1.
# Fusion's selection blue under white text is 3.7 : 1; this darker blue is 7 : 1.
SELECTION = QColor(0, 90, 156)


def entry_lines(card: ModelCard, installed: bool) -> tuple[str, str, str]:
    """The three lines of a picker entry; a model not fetched says how to get it instead of its size."""
    task = explainers.task_topic(card.task).title
    if installed:
        # A build may sum up what it measured ("98 % right on digits it never saw"): worth a glance.
        headline = measured_words(card).get("headline", "")
        summary = f"{card.summary} {headline}" if isinstance(headline, str) and headline else card.summary
        return card.name, f"{task} · {readable.size(card.size_bytes)} · {card.license}", summary
    not_here = translate("ModelPicker", "not installed")
    return (card.name, f"{task} · {not_here} · {card.license}",
            translate("ModelPicker", "{summary} Pick it to download it.").format(summary=card.summary))


class _EntryDelegate(QStyledItemDelegate):
    """Paints a bold name, a grey details line and the wrapped summary; heights follow the width."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() - 1, 7))
        return bold, small

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        width = option.rect.width()
        if width <= 50:  # not laid out yet: the tree's own width
            view = self.parent()
            assert isinstance(view, QTreeWidget), "the delegate is made for the model tree"
            width = view.viewport().width() - view.indentation()
        return max(width - 2 * PAD, 80)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        lines = index.data(LINES_ROLE)
        if not lines:
            return super().sizeHint(option, index)
        bold, small = self._fonts(option)
        width = self._text_width(option)
        flags = int(Qt.TextFlag.TextWordWrap)
        height = PAD
        for text, font in zip(lines[:3], (bold, small, option.font)):
            if text:  # a visitor's list has no details line
                height += QFontMetrics(font).boundingRect(QRect(0, 0, width, 1000), flags, text).height() + PAD
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        lines = index.data(LINES_ROLE)
        if not lines:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        name, details, summary, installed = lines
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        ink = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        grey = ink if selected else theme.colour("muted")
        bold, small = self._fonts(option)
        flags = int(Qt.TextFlag.TextWordWrap)
        rect = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        painter.save()
        for text, font, colour in ((name, bold, ink if installed else grey), (details, small, grey),
                                   (summary, option.font, ink if installed else grey)):
            if not text:
                continue
            painter.setFont(font)
            painter.setPen(colour)
            used = painter.boundingRect(rect, flags, text)
            painter.drawText(rect, flags, text)
            rect.setTop(used.bottom() + 2)
        painter.restore()


class _Tree(QTreeWidget):
    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001 - wrapped heights depend on the width
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()


class ModelPicker(QWidget):
    """Choosing an entry selects the model; the controller's choice is mirrored back here."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = PlainLabel(translate("ModelPicker", "Models"), self)
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        self.tree = _Tree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setRootIsDecorated(False)
        # Without an arrow to open a group again, a stray double-click must not hide its models.
        self.tree.setItemsExpandable(False)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setIndentation(8)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setItemDelegate(_EntryDelegate(self.tree))
        palette = self.tree.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, SELECTION)
            palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
        self.tree.setPalette(palette)
        self.tree.setAccessibleName(translate("ModelPicker", "Model list"))
        self.tree.setMinimumWidth(220)
        self.tree.setAccessibleDescription(translate("ModelPicker", "Models grouped by the kind of input they take: text, image "
                                                          "or audio."))
        title.setBuddy(self.tree)
        layout.addWidget(self.tree)
        self._items: dict[str, QTreeWidgetItem] = {}
        self.brief = False  # a kiosk's list: each model's name and what it does, nothing more
        self._fill()
        self.tree.currentItemChanged.connect(self._on_current_changed)
        self.tree.verticalScrollBar().rangeChanged.connect(lambda *_: self._show_whole())
        controller.model_changed.connect(self._on_model_changed)
        controller.installed_changed.connect(self.refresh_entries)
        controller.catalog_changed.connect(self._refill)

    def _fill(self) -> None:
        catalog = self._controller.catalog
        # Shipped models by the kind of input they take; a person's own, whatever they take, together at the end.
        groups = {modality: tuple(c for c in cards if not c.source.own)
                  for modality, cards in catalog.by_modality().items()}
        groups["own"] = tuple(c for c in catalog.cards if c.source.own)
        for modality, cards in ((m, cards) for m, cards in groups.items() if cards):
            group = QTreeWidgetItem(self.tree, [translate("ModelPicker", GROUP_TITLES.get(modality, modality.title()))])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() + 1)
            group.setFont(0, font)
            for card in cards:
                item = QTreeWidgetItem(group)
                item.setData(0, ID_ROLE, card.id)
                self._describe(item, card)
                self._items[card.id] = item
            group.setExpanded(True)
        if not self._items:
            empty = QTreeWidgetItem(self.tree, [translate("ModelPicker", "No models were found in {folder}.").format(
                folder=catalog.folder)])
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)

    def _refill(self) -> None:
        """The list again, after a model of the person's own came or went; the one shown stays chosen."""
        hidden = {model_id for model_id, item in self._items.items() if item.isHidden()}
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items.clear()
        self._fill()
        for model_id in hidden & set(self._items):
            self._items[model_id].setHidden(True)
        self.tree.blockSignals(False)
        self._on_model_changed(self._controller.card)

    def _describe(self, item: QTreeWidgetItem, card: ModelCard) -> None:
        installed = self._controller.installed(card)
        name, details, summary = entry_lines(card, installed)
        if self.brief:  # a visitor reads what the model does, not its size, licence or test scores
            details, summary = "", card.summary
        item.setText(0, f"{name}. {details}. {summary}")
        item.setData(0, LINES_ROLE, (name, details, summary, installed))
        item.setToolTip(0, card.summary if installed else summary)

    def show_only(self, model_ids: set[str] | None) -> None:
        """List only these models (a kiosk operator's choice), and only the groups that keep one; None: all."""
        for model_id, item in self._items.items():
            item.setHidden(model_ids is not None and model_id not in model_ids)
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            assert group is not None, "i is below topLevelItemCount"
            children = [group.child(j) for j in range(group.childCount())]
            group.setHidden(bool(children) and all(child is not None and child.isHidden() for child in children))

    def entry_text(self, model_id: str) -> str:
        """What a model's entry says (its name, size or "not installed", and summary), as a person reads it."""
        item = self._items.get(model_id)
        return item.text(0) if item is not None else ""

    def listed(self) -> list[str]:
        """The models a person can see in the list, in its order."""
        return [model_id for model_id, item in self._items.items() if not item.isHidden()]

    def set_brief(self, on: bool) -> None:
        self.brief = on
        self.refresh_entries()

    def refresh_entries(self) -> None:
        """Say again which models are installed: one may have been fetched from a terminal meanwhile."""
        for card in self._controller.catalog.cards:
            item = self._items.get(card.id)
            if item is not None:
                self._describe(item, card)
        self.tree.scheduleDelayedItemsLayout()  # an entry's lines, and so its height, may have changed

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        model_id = current.data(0, ID_ROLE) if current is not None else None
        if model_id:
            self._controller.select_model(model_id)

    def _show_whole(self, item: QTreeWidgetItem | None = None) -> None:
        """The chosen model whole in view. Also when the list's height changes: another model's knobs take
        more or less of the column, and the chosen entry must not end up half hidden under them."""
        item = item or self.tree.currentItem()
        if item is not None:
            self.tree.doItemsLayout()  # the delegate's heights follow the width: lay them out before measuring
            self.tree.scrollToItem(item, QAbstractItemView.ScrollHint.EnsureVisible)

    def _on_model_changed(self, card: ModelCard | None) -> None:
        item = self._items.get(card.id) if card is not None else None
        if item is not None and self.tree.currentItem() is not item:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(item)
            self.tree.blockSignals(False)
        if item is not None:
            # The chosen model shown whole, not half off the list, once the entries' heights are laid out.
            QTimer.singleShot(0, self, lambda: self._show_whole(item))
