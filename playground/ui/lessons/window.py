"""LessonsWindow: the list of ideas on the left, the chosen idea's live page on the right; beside the main
window, so the model keeps running in one and the numbers move in the other."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from playground.ui.controller import Controller
from playground.ui.experiments import Experiments
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.lessons.batch_page import BatchPage
from playground.ui.lessons.cloud_page import CloudPage
from playground.ui.lessons.cost_page import CostPage
from playground.ui.lessons.glossary_page import GlossaryPage
from playground.ui.lessons.guide_page import GuidePage
from playground.ui.lessons.int8_page import Int8Page
from playground.ui.lessons.latency_page import LatencyPage
from playground.ui.lessons.model_page import ModelPage
from playground.ui.lessons.page import LessonPage
from playground.ui.lessons.post_page import PostPage
from playground.ui.lessons.privacy_page import PrivacyPage
from playground.ui.lessons.training_page import TrainingPage
from playground.ui.lessons.trust_page import TrustPage
from playground.ui.scale import relative_font
from playground.ui.settings import Settings

PAGES: tuple[type[LessonPage], ...] = (GuidePage, TrainingPage, PostPage, TrustPage, LatencyPage, BatchPage, CostPage,
                                       CloudPage, Int8Page, ModelPage, PrivacyPage, GlossaryPage)
TITLE = QT_TRANSLATE_NOOP("LessonsWindow", "Lessons — Inference Playground")


class LessonsWindow(QWidget):
    """A window of its own beside the main one; on a kiosk (embedded) a page laid over the main window,
    with no title bar to close or drag off a small screen, and a big button back to the models."""

    def __init__(self, controller: Controller, settings: Settings, parent: QWidget | None = None,
                 embedded: bool = False) -> None:
        if embedded:
            super().__init__(parent)
        else:
            super().__init__(parent, Qt.WindowType.Window)
        self.embedded = embedded
        self.setWindowTitle(translate("LessonsWindow", TITLE))
        self.setAccessibleName(translate("LessonsWindow", "Lessons"))
        self.ideas = QListWidget(self)
        self.ideas.setAccessibleName(translate("LessonsWindow", "Ideas"))
        self.ideas.setMaximumWidth(260)
        self.ideas.setWordWrap(True)  # a long title takes two lines rather than a scroll bar
        self.ideas.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.ideas.setStyleSheet("QListWidget::item { padding: 6px; }")
        relative_font(self.ideas, 2)
        self.stack = QStackedWidget(self)
        self.experiments = Experiments(controller)
        self.pages = [page(controller, settings, self.experiments, self.stack) for page in PAGES]
        for page in self.pages:
            self.ideas.addItem(page.topic.title)  # the lesson file's heading, in its language
            # A tall page (graphs, a table, the text) scrolls on a small screen rather than squeeze its text.
            holder = QScrollArea(self.stack)
            holder.setWidget(page)
            holder.setWidgetResizable(True)
            holder.setFrameShape(QFrame.Shape.NoFrame)
            self.stack.addWidget(holder)
        self.ideas.currentRowChanged.connect(self.stack.setCurrentIndex)
        outer = QVBoxLayout(self)
        if embedded:
            self.back_button = QPushButton(translate("LessonsWindow", "← Back to the models"), self)
            self.back_button.setStyleSheet("min-height: 48px; padding: 0 24px;")
            relative_font(self.back_button, 4)
            self.back_button.clicked.connect(self.hide)
            outer.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
            self.setAutoFillBackground(True)  # it covers the main window: nothing of that may show through
        layout = QHBoxLayout()
        outer.addLayout(layout, 1)
        layout.addWidget(self.ideas)
        layout.addWidget(self.stack, 1)
        self.ideas.setCurrentRow(0)
        self.resize(1000, 760)

    @property
    def current(self) -> LessonPage:
        return self.pages[self.stack.currentIndex()]

    def show_lesson(self, topic_id: str) -> None:
        """Open (or bring forward) the window on one idea."""
        for row, page in enumerate(self.pages):
            if page.topic.id == topic_id:
                self.ideas.setCurrentRow(row)
        self.show()
        self.raise_()
        if not self.embedded:
            self.activateWindow()
