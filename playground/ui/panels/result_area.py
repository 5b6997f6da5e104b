"""The result area: the start page with samples, then the view for the result type, timing how long drawing takes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QScrollArea, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from playground.core.card import ModelCard
from playground.core.pipeline import Outcome
from playground.core.results import Result
from playground.ui.announce import Announcer
from playground.ui.controller import Controller
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.inputs import InputChoice, entry_of, not_here
from playground.ui.pacing import FramePacer, same_answer
from playground.ui.panels.download_panel import DownloadPanel
from playground.ui.samples import sample_files
from playground.ui.views import ResultView, create_view
from playground.ui.widgets.start_page import StartPage
from playground.ui.widgets.welcome import WelcomePage

# What to do first, said once in large type; the sample buttons under it are the quickest answer.
WAITING = {"image": (QT_TRANSLATE_NOOP("ResultArea", "Try it on one of these pictures:"),
                     QT_TRANSLATE_NOOP("ResultArea", "…or open your own photo, paste one, or drop one here.")),
           "audio": (QT_TRANSLATE_NOOP("ResultArea", "Try it on one of these recordings:"),
                     QT_TRANSLATE_NOOP("ResultArea", "…or open your own recording, or drop one here.")),
           "text": (QT_TRANSLATE_NOOP("ResultArea", "Try it on one of these files:"),
                    QT_TRANSLATE_NOOP("ResultArea", "…or type or paste some text above, open a file, or drop one here."))}
NO_SAMPLES = {"image": QT_TRANSLATE_NOOP("ResultArea", "Open a photo, paste one or drop one here: the answer appears here."),
              "audio": QT_TRANSLATE_NOOP("ResultArea", "Open a recording or drop one here: the answer appears here."),
              "text": QT_TRANSLATE_NOOP("ResultArea", "Type or paste some text above, or open a file: the answer appears here.")}
# A kiosk's visitor can open no file: only what they can do there.
NO_SAMPLES_KIOSK = {"image": QT_TRANSLATE_NOOP("ResultArea", "Paste a picture, or use the camera: the answer appears here."),
                    "audio": QT_TRANSLATE_NOOP("ResultArea", "Use the microphone: the answer appears here."),
                    "text": QT_TRANSLATE_NOOP("ResultArea", "Type or paste some text above: the answer appears here.")}
DRAWING = QT_TRANSLATE_NOOP("ResultArea", "Draw on the pad above: the answer appears here as you draw.")


class SummaryView(ResultView):
    """Shows any result as its text summary: the fallback when no dedicated view exists."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(translate("ResultArea", "Result as text"))
        self.body.addWidget(self.text)

    def show_result(self, result: Result, _decoded: object) -> None:
        self.text.setPlainText(result.summary())

    def clear(self) -> None:
        super().clear()
        self.text.setPlainText("")


def _scrolled(page: QWidget, parent: QWidget) -> QScrollArea:
    scroller = QScrollArea(parent)
    scroller.setWidget(page)
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    return scroller


class ResultArea(QWidget):
    """One view per result type, created on first use and kept; the start page shows until the first answer."""

    result_shown = Signal(object)  # the Outcome, once its view has drawn it

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._final_shown = False
        self._answered: InputChoice | None = None  # the input whose answer (or part of one) is on screen
        self._kiosk = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        self.stack.setAccessibleName(translate("ResultArea", "Result"))
        self.stack.currentChanged.connect(self._size_by_current)
        layout.addWidget(self.stack)
        self.hint = StartPage(self._sample_chosen, self)
        # Every page and view in a scroll area: one taller than the room it has (a 1024 × 640 screen, the
        # projector's 720 pixels) scrolls, rather than its parts being drawn over each other.
        self.welcome = WelcomePage(self._start, self)
        self.downloads = DownloadPanel(self._download, self._download_all, controller.fetcher.cancel, self)
        self._pages: dict[QWidget, QScrollArea] = {}
        for page in (self.hint, self.welcome, self.downloads):
            self._add_page(page)
        self._fetch_problem = ""  # why the last download stopped, shown until the next one starts
        for news in (controller.fetcher.changed, controller.fetcher.cancelled, controller.fetcher.finished):
            news.connect(self._on_fetch_news)
        controller.fetcher.failed.connect(self._on_fetch_failed)
        self._views: dict[type, ResultView] = {}
        # A looping task reports ten times a second and more; drawn as each arrives, a window that fell behind
        # would paint every stale one. The pacer draws the newest once a frame, and none once the answer came.
        self._partials = FramePacer(self._draw_partial, self)
        self._drawn: tuple[InputChoice | None, Outcome] | None = None  # the final answer on screen, and its input
        self.announcer = Announcer()  # each new answer is said to a screen reader
        controller.model_changed.connect(self._on_model_changed)
        controller.input_changed.connect(self._on_input_changed)
        controller.run_started.connect(self._on_run_started)
        controller.run_progressed.connect(self._on_progress)
        controller.run_failed.connect(self._on_run_failed)
        controller.run_cancelled.connect(self._on_run_cancelled)
        controller.draw_requested.connect(self._on_result)  # the controller times this: the run's "draw" stage
        self._on_model_changed(controller.card)

    def _size_by_current(self, _index: int) -> None:
        """The stack takes the size of the page shown, not of the largest page ever made: a model's big view,
        seen once, must not hold the window wide or tall (and the layout jump) for every model after it."""
        current = self.stack.currentWidget()
        for scroller in self._pages.values():
            policy = QSizePolicy.Policy.Preferred if scroller is current else QSizePolicy.Policy.Ignored
            scroller.setSizePolicy(policy, policy)
        self.stack.updateGeometry()

    def _add_page(self, page: QWidget) -> None:
        self._pages[page] = _scrolled(page, self.stack)
        self.stack.addWidget(self._pages[page])

    def _show(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(self._pages[page])

    def showing(self, page: QWidget) -> bool:
        """Whether `page` (the welcome, the download page, the start page or a view) is the one shown."""
        return self.stack.currentWidget() is self._pages.get(page)

    @property
    def current_view(self) -> ResultView | None:
        """The view shown, or None while a page (the start page, the welcome, a download) is."""
        shown = self.stack.currentWidget()
        return next((view for view in self._views.values() if self._pages[view] is shown), None)

    def view_for(self, result_type: type) -> ResultView:
        view = self._views.get(result_type)
        if view is None:
            try:
                view = create_view(result_type, self.stack)
            except LookupError:
                view = SummaryView(self.stack)
            self._views[result_type] = view
            self._add_page(view)
            view.saving_allowed = not self._kiosk
        return view

    def set_kiosk(self, on: bool) -> None:
        """On a public kiosk results can be copied but not saved, and no file dialog is offered."""
        self._kiosk = on
        for view in self._views.values():
            view.saving_allowed = not on
        if self.current_view is None:
            self._show_start()

    def _show_start(self, message: str = "") -> None:
        """The page for "nothing to show yet": `message`, or what to do first with the samples to do it with."""
        self._partials.drop()
        self._drawn = None
        self._final_shown = False
        self._answered = None
        card = self._controller.card
        if card is None and not self._kiosk and not message and self._controller.catalog.cards:
            self.welcome.show_starts(self._controller.catalog)
            self._show(self.welcome)
            return
        if card is None:
            self.hint.show_message(message or translate("ResultArea", "Pick a model from the list on the left."))
        elif not self._controller.installed(card) and self._kiosk:
            self.hint.show_message(message or not_here(card, kiosk=True))
        elif not self._controller.installed(card):
            self._show_download(card)
            return
        elif message:
            self.hint.show_message(message)
        else:
            samples = tuple(sample_files(card))
            title, more = WAITING.get(card.modality, (QT_TRANSLATE_NOOP("ResultArea", "Try it on a sample:"), ""))
            first = (DRAWING if entry_of(card) == "drawing" else
                     (NO_SAMPLES_KIOSK if self._kiosk else NO_SAMPLES).get(card.modality, ""))
            said = translate("ResultArea", title if samples else first) if (title if samples else first) else ""
            also = translate("ResultArea", more) if more and samples and not self._kiosk else ""
            self.hint.show_message(said, also, samples, translate("ResultArea", "Run {model} on").format(model=card.name))
        self._show(self.hint)

    def _start(self, model_id: str, sample: Path | None) -> None:
        """A welcome tile: its model, on its sample (none: the drawing board is the input)."""
        self._controller.select_model(model_id)
        if sample is not None and self._controller.card is not None and self._controller.installed(self._controller.card):
            self._controller.set_input(sample, sample.name, "sample")

    def _show_download(self, card: ModelCard) -> None:
        self.downloads.show_card(card, self._controller.missing_cards(), self._controller.fetcher.state,
                                 self._fetch_problem, self._controller.to_download(card))
        self._show(self.downloads)

    def _download(self) -> None:
        if self._controller.card is not None:
            self._fetch_problem = ""
            self._controller.download((self._controller.card.id,))

    def _download_all(self) -> None:
        self._fetch_problem = ""
        self._controller.download(tuple(card.id for card in self._controller.missing_cards()))

    def _on_fetch_news(self, *_news: object) -> None:
        card = self._controller.card
        if card is not None and self.showing(self.downloads) and not self._controller.installed(card):
            self._show_download(card)

    def _on_fetch_failed(self, sentence: str) -> None:
        self._fetch_problem = sentence
        self._on_fetch_news()

    def _sample_chosen(self, path: Path) -> None:
        self._controller.set_input(path, path.name, "sample")

    def _on_model_changed(self, card: ModelCard | None) -> None:
        self._drawn = None
        for view in self._views.values():
            view.clear()
        self._show_start()

    def _on_input_changed(self, choice: InputChoice | None) -> None:
        if choice is None:
            self._show_start()

    def _on_run_started(self) -> None:
        if self.current_view is None:  # a result already on screen stays until the new one replaces it
            choice = self._controller.input
            what = choice.label if choice else translate("ResultArea", "your input")
            self._show_start(translate("ResultArea", "Working on {what}…").format(what=what))

    def _on_run_failed(self, _sentence: str) -> None:
        # The reason is shown next to the input; an old answer left here would look like this input's.
        self._show_start()

    def _on_run_cancelled(self) -> None:
        self._partials.flush()  # how far it got, before it says where it stopped
        choice = self._controller.input
        if self.current_view is None:
            self._show_start()
        elif self._answered is not choice:
            # Stopped before the new input's answer came: the one on screen is an earlier input's, and left
            # there it would read as this one's.
            what = choice.label if choice else translate("ResultArea", "your input")
            self._show_start(translate("ResultArea", "Stopped before the answer for {what} came.").format(what=what))
        else:
            self.current_view.show_stopped()  # a part-finished answer stays on screen, and says it is one

    def _on_progress(self, _fraction: float, partial: object) -> None:
        """A looping task's result so far; repeat mode skips it, so a finished answer does not flicker."""
        if partial is None or (self._controller.repeat and self._final_shown):
            return
        self._partials.offer(partial)

    def _draw_partial(self, partial: object) -> None:
        view = self.view_for(type(partial))
        if view.shows_partial:
            self._drawn = None  # the view now holds a half answer: the next final one is drawn whatever it is
            view.show_partial(partial)
            self._show(view)
            self._answered = self._controller.input

    def _unchanged(self, view: ResultView, outcome: Outcome) -> bool:
        """Whether `outcome` is the answer already drawn, for the same input, in the view shown (a repeat run)."""
        if self._drawn is None or not self.showing(view) or self._drawn[0] is not self._controller.input:
            return False
        before = self._drawn[1]
        return same_answer(before.result, outcome.result) and same_answer(before.decoded, outcome.decoded)

    def _on_result(self, outcome: Outcome) -> None:
        self._partials.drop()  # the final answer supersedes any part of it still waiting to be drawn
        view = self.view_for(type(outcome.result))
        if self._unchanged(view, outcome):
            self._drawn = (self._controller.input, outcome)
            self.result_shown.emit(outcome)
            return
        view.show_result(outcome.result, outcome.decoded)
        self._show(view)
        if self._answered is not self._controller.input:
            self.announcer.forget()  # a new input's answer is news even when it reads like the last one
        self._answered = self._controller.input
        self.announcer.announce(view, view.headline.text())
        if view.isVisible():
            view.repaint()  # paint now, inside the controller's clock: "draw" is the time until it is on screen
        self._final_shown = True
        self._drawn = (self._controller.input, outcome)
        self.result_shown.emit(outcome)
