"""The explainer panel: short topics for non-engineers, re-rendered with the live numbers of the last run."""

from __future__ import annotations

import re

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from playground.core import explainers, words
from playground.core.card import ModelCard
from playground.ui.controller import Controller
from playground.ui.i18n import translate
from playground.ui.plain import PlainLabel

LIVE_TOPICS = ("cpu", "memory")  # they quote the sampler, which moves even when nothing runs
LIVE_REFRESH_MS = 2000
# Runs can finish many times a second: their figures are gathered into one refresh a moment later, and in
# repeat mode into one a second, since laying out the text again (5-7 ms) is the costliest thing it does.
SOON_MS, REPEAT_MS = 300, 1000


class ExplainerPanel(QWidget):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._topics: tuple[explainers.Topic, ...] = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        title = PlainLabel(translate("ExplainerPanel", "Explain:"), self)
        title.setStyleSheet("font-weight: bold;")
        self.topic = QComboBox(self)
        self.topic.setAccessibleName(translate("ExplainerPanel", "Explainer topic"))
        self.topic.setMinimumContentsLength(10)
        self.topic.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        title.setBuddy(self.topic)
        row.addWidget(title)
        row.addWidget(self.topic, 1)
        # Longer demonstrations (what a run costs, device or cloud) live in their own window; the window opens it.
        self.lessons_button = QPushButton(translate("ExplainerPanel", "Lessons…"), self)
        self.lessons_button.setToolTip(translate("ExplainerPanel", "Open the lessons: live demonstrations of what "
                                                                   "inference costs and where it should run"))
        self.lessons_button.setAccessibleName(translate("ExplainerPanel", "Lessons"))
        row.addWidget(self.lessons_button)
        layout.addLayout(row)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(translate("ExplainerPanel", "Explanation"))
        layout.addWidget(self.browser, 1)
        self._shown = ""
        self._rendered: tuple[object, ...] = ()  # what the text shown was made from: the same needs no new text
        self._live = QTimer(self)
        self._live.setInterval(LIVE_REFRESH_MS)
        self._live.timeout.connect(self.refresh)
        self.topic.currentIndexChanged.connect(self._on_topic_chosen)
        controller.model_changed.connect(self._on_model_changed)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(SOON_MS)
        self._soon.timeout.connect(self.refresh)
        controller.history_changed.connect(self._refresh_soon)
        self._on_model_changed(controller.card)

    @property
    def current_topic(self) -> explainers.Topic | None:
        index = self.topic.currentIndex()
        return self._topics[index] if 0 <= index < len(self._topics) else None

    def show_topic(self, topic_id: str) -> None:
        for i, topic in enumerate(self._topics):
            if topic.id == topic_id:
                self.topic.setCurrentIndex(i)
                return

    def _refresh_soon(self) -> None:
        if not self._soon.isActive():
            self._soon.setInterval(REPEAT_MS if self._controller.repeat else SOON_MS)
            self._soon.start()

    def refresh(self) -> None:
        topic = self.current_topic
        if topic is None:
            return
        has_run = bool(self._controller.history.records)
        facts, files = self._controller.explainer_facts(), not self._controller.settings.kiosk
        made_from = (topic, facts, has_run, files, words.language())  # a language changed by a test speaks anew
        if made_from == self._rendered:
            return
        self._rendered = made_from
        markdown = explainers.render(topic, facts, has_run, files=files)
        markdown = re.sub(r"^# ", "### ", markdown, flags=re.MULTILINE)  # the panel is small; h1 shouts
        if markdown == self._shown:
            return
        self._shown = markdown
        bar = self.browser.verticalScrollBar()
        position = bar.value()  # live refreshes must not throw the reader back to the top
        self.browser.setMarkdown(markdown)
        bar.setValue(position)

    def _on_model_changed(self, card: ModelCard | None) -> None:
        self._topics = explainers.topics_for(card.task if card else None)
        self.topic.blockSignals(True)
        self.topic.clear()
        self.topic.addItems([t.title for t in self._topics])
        self.topic.blockSignals(False)
        # A new model opens on its own topic, so the first thing read is what this model does.
        self.show_topic(f"task:{card.task}" if card else "inference")
        self._on_topic_chosen(self.topic.currentIndex())

    def _on_topic_chosen(self, _index: int) -> None:
        topic = self.current_topic
        if topic is not None and topic.id in LIVE_TOPICS:
            self._live.start()
        else:
            self._live.stop()
        self.browser.verticalScrollBar().setValue(0)
        self.refresh()
        self.browser.verticalScrollBar().setValue(0)
