"""The main window: lays out the panels, menus and status line; all behaviour lives in the controller and panels."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import QFileDialog, QFrame, QMainWindow, QScrollArea, QSplitter, QVBoxLayout, QWidget

from playground.core.results import STREAMING_TYPES
from playground.tasks.registry import TASKS
from playground.ui import focus, language_menu, scale, theme
from playground.ui.actions import WindowActions
from playground.ui.controller import Controller
from playground.ui.drops import DropCatcher, Offer
from playground.ui.i18n import translate
from playground.ui.lessons.menu import MENU_TOPICS
from playground.ui.panels.card_view import CardView
from playground.ui.panels.download_panel import state_words
from playground.ui.panels.explainer import ExplainerPanel
from playground.ui.panels.input_panel import InputPanel
from playground.ui.panels.params import ParamsPanel
from playground.ui.panels.picker import ModelPicker
from playground.ui.panels.result_area import ResultArea
from playground.ui.panels.run_bar import RunBar
from playground.ui.plain import PlainLabel
from playground.ui.privacy import NetworkBadge
from playground.ui.settings import Settings
from playground.ui.views import VIEWS
from playground.ui.visits import Visits

if TYPE_CHECKING:  # made when asked for, so their imports (onnxruntime, pyqtgraph) wait until then
    from playground.ui.about import AboutDialog
    from playground.ui.lessons.window import LessonsWindow
    from playground.ui.panels.graphs import GraphsPanel
    from playground.ui.shortcuts import ShortcutsDialog

TITLE = "Inference Playground"  # a name: the same in every language
NOTICE_MS = 10_000  # a notice in the status line: long enough to read, then the usual line comes back


def _column(*widgets: QWidget, stretch: tuple[int, ...] = ()) -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(6, 6, 6, 6)
    for i, widget in enumerate(widgets):
        layout.addWidget(widget, stretch[i] if i < len(stretch) else 0)
    return holder


def _splitter(orientation: Qt.Orientation, name: str, *widgets: QWidget, sizes: tuple[int, ...]) -> QSplitter:
    splitter = QSplitter(orientation)
    splitter.setObjectName(name)
    splitter.setChildrenCollapsible(False)
    for widget in widgets:
        splitter.addWidget(widget)
    splitter.setSizes(list(sizes))
    return splitter


class MainWindow(QMainWindow):
    """Left: the models, their knobs and card. Centre: run bar, input, result. Right: graphs and explainer."""

    def __init__(self, controller: Controller, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller, self.settings = controller, settings
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self.commands = WindowActions(controller, self)
        self.picker = ModelPicker(controller)
        self.card_view = CardView(controller)
        self.input_panel = InputPanel(controller)
        self.run_bar = RunBar(controller, self.commands.run, self.commands.repeat, self.commands.stop)
        self.result_area = ResultArea(controller)
        self.params = ParamsPanel(controller)
        # The graphs (pyqtgraph, four plots) are built just after the window's first paint (finish), or when
        # asked for before that: the window shows a fraction of a second sooner.
        self._graphs: GraphsPanel | None = None
        self._per_token = False
        self.explainer = ExplainerPanel(controller)
        self.lessons: LessonsWindow | None = None  # made the first time it is asked for
        self._lay_out()
        self._build_menus()
        self.status = PlainLabel("")
        self.status.setAccessibleName(translate("MainWindow", "Status"))
        self.statusBar().addWidget(self.status, 1)
        self.network = NetworkBadge(self)
        self.statusBar().addPermanentWidget(self.network)
        controller.status_changed.connect(self.status.setText)
        self._follow_downloads()
        # No redraw per run here: the graphs panel notices new runs on its own 5 Hz timer, so repeat
        # mode costs the event loop one redraw per tick at most, however fast the model is.
        controller.model_changed.connect(self._on_model_changed)
        self.commands.open.triggered.connect(self.input_panel.open_file)
        self.commands.open_model.triggered.connect(self.open_model)
        self.commands.paste.triggered.connect(self.input_panel.paste)
        self.commands.full_screen.toggled.connect(self.set_full_screen)
        self.commands.projector.setChecked(settings.scale == scale.PROJECTOR.name)
        self.commands.projector.toggled.connect(self.set_projector)
        for name, action in self.commands.text_size.items():
            action.setChecked(settings.scale == name)
            action.triggered.connect(lambda _=False, name=name: self.set_text_size(name))
        for name, action in self.commands.theme.items():
            action.setChecked(settings.theme == name)
            action.triggered.connect(lambda _=False, name=name: self.set_theme(name))
        # Following the system: the desktop turning dark at sunset turns the window dark with it.
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_desktop_scheme)
        self.commands.quit.triggered.connect(self.leave)
        self.explainer.lessons_button.clicked.connect(self.show_lessons)
        self.commands.save_report.triggered.connect(self.ask_save_report)
        self._leaving = False
        self.visits = Visits(self)  # between visitors: a kiosk's reset, a presenter's Forget, the operator
        self.setAcceptDrops(True)
        self.drops = DropCatcher(self._on_drop, lambda: not self.locked, self)  # called by the drag handlers below
        # Knobs, sample buttons and result views are built later; each time, Tab order is laid out again.
        self._views_known = -1
        controller.model_changed.connect(self.order_focus)
        self.result_area.result_shown.connect(self._on_result_shown)
        self.order_focus()
        if settings.scale == scale.PROJECTOR.name and not settings.kiosk:
            self.show_expert_controls(False)  # before the size is chosen: they would not fit a projector
            self._activate_layout()
        self._restore()

    def _lay_out(self) -> None:
        # The model's knobs sit with the model (list, knobs, card), so the result gets the centre's full width.
        left = _splitter(Qt.Orientation.Vertical, "left", _column(self.picker, self.params, stretch=(1, 0)),
                         _column(self.card_view), sizes=(520, 280))
        # Run, Repeat and Stop come first and never move: an error line under the input pushes only the result.
        centre = _column(self.run_bar, self.input_panel, self.result_area, stretch=(0, 0, 1))
        # On a small screen the graphs scroll rather than push the window past the screen's edge.
        graphs = self._graphs_room = QScrollArea()
        graphs.setWidget(QWidget())  # until the graphs are built
        graphs.setWidgetResizable(True)
        graphs.setFrameShape(QFrame.Shape.NoFrame)
        graphs.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps; plots narrow
        graphs.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to do there with keys; Tab goes on
        graphs.setMinimumSize(260, 200)
        right = _splitter(Qt.Orientation.Vertical, "right", graphs, _column(self.explainer), sizes=(610, 230))
        self.splitters = {"main": _splitter(Qt.Orientation.Horizontal, "main", left, centre, right,
                                            sizes=(300, 680, 460)),
                          "left": left, "right": right}
        self.setCentralWidget(self.splitters["main"])

    def _build_menus(self) -> None:
        a = self.commands
        file_menu = (a.open, a.open_model, a.paste, None, a.save_report, None, a.get_models, None, a.quit)
        view_menu = (a.full_screen, None, *a.text_size.values(), None, a.projector, None, *a.theme.values())
        for title, actions in ((translate("MainWindow", "&File"), file_menu),
                               (translate("MainWindow", "&Run"), (a.run, a.repeat, a.stop)),
                               (translate("MainWindow", "&View"), view_menu)):
            menu = self.menuBar().addMenu(title)
            for action in actions:
                menu.addSeparator() if action is None else menu.addAction(action)
        languages = language_menu.build(self, self.settings)  # once a second language is whole
        if languages is not None and not self.settings.kiosk:  # a kiosk's language is its operator's file
            menu.addSeparator()
            menu.addMenu(languages)
        lessons = self.menuBar().addMenu(translate("MainWindow", "&Learn"))
        for topic in MENU_TOPICS:  # each idea two clicks away: the menu, then the idea
            lessons.addAction(topic.title).triggered.connect(
                lambda _=False, topic=topic.id: self.show_lessons(topic))
        self.help_menu = self.menuBar().addMenu(translate("MainWindow", "&Help"))
        shortcuts = self.shortcuts_action = self.help_menu.addAction(translate("MainWindow", "&Keyboard shortcuts"))
        shortcuts.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        shortcuts.triggered.connect(self.show_shortcuts)
        self.addAction(shortcuts)  # F1 works with the menu bar hidden too
        self.help_menu.addAction(translate("MainWindow", "&About Inference Playground")).triggered.connect(self.show_about)
        self.addActions(list(a.all()))  # shortcuts work even while the menu bar is hidden (kiosk)

    @property
    def graphs(self) -> GraphsPanel:
        """The latency, CPU and memory graphs, built on first use."""
        if self._graphs is None:
            from playground.ui.panels.graphs import GraphsPanel

            panel = GraphsPanel(self.controller.history, self.controller.sampler)
            self.controller.busy_changed.connect(panel.set_busy)  # live while a model runs, calm while it waits
            panel.set_busy(self.controller.busy)
            panel.show_per_token(self._per_token)
            self._graphs = panel
            self._graphs_room.setWidget(panel)
        return self._graphs

    def finish(self) -> None:
        """What the window builds once it is on screen (ui/app.build calls it after the first paint)."""
        _ = self.graphs
        card = self.controller.card
        task = TASKS.get(card.task) if card is not None else None
        if task is not None:  # the shown model's result view loads now, not within its first run's drawing time
            VIEWS.get(task.result_type)

    def show_shortcuts(self) -> ShortcutsDialog:
        """Every key the window answers to, from its own actions."""
        from playground.ui.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self.commands.all(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> AboutDialog:
        """Versions, where things live, and every model's credits; not on a kiosk, whose menu bar is hidden."""
        from playground.ui.about import AboutDialog

        about = AboutDialog(self.controller.catalog, self.settings.path, self)
        about.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        about.open()
        return about

    def _removed_words(self, model_ids: tuple[str, ...]) -> str:
        """A shipped model's card stays for Download; a model the person added has gone whole (the controller has
        taken it off the list already)."""
        if any(model_id in self.controller.catalog.ids for model_id in model_ids):
            said = translate("MainWindow", "Removed {models}: its disk space is free again, and Download brings it back.")
        else:
            said = translate("MainWindow", "Removed {models} from your models; the file you added it from stays where "
                                           "it is.")
        return said.format(models=", ".join(model_ids))

    def _follow_downloads(self) -> None:
        """A download goes on whatever model is shown (Get all models…): the status line follows it."""
        bar, fetcher = self.statusBar(), self.controller.fetcher
        fetcher.changed.connect(lambda state: bar.showMessage(
            f"{state.model_id}: {state_words(state)}" if state.step == "remove" else
            translate("MainWindow", "Getting models · {step}").format(step=state_words(state))))
        fetcher.removed.connect(lambda ids: bar.showMessage(self._removed_words(ids), NOTICE_MS))
        fetcher.finished.connect(lambda ids: bar.showMessage(translate(
            "MainWindow", "Downloaded {models}: ready, and working offline from now on.").format(
                models=", ".join(ids)), NOTICE_MS))
        fetcher.failed.connect(lambda sentence: bar.showMessage(sentence, NOTICE_MS))
        fetcher.cancelled.connect(lambda: bar.showMessage(
            translate("MainWindow", "Download cancelled: nothing half-built was kept."), NOTICE_MS))

    def ask_save_report(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, translate("MainWindow", "Save the lab report"),
                                              str(Path.home() / "lab-report.html"),
                                              translate("MainWindow", "Web page (*.html)"))
        if name:
            self.save_report(Path(name))

    def save_report(self, target: Path) -> str:
        """The session as a report beside its CSV and JSON; the status line says what happened."""
        from playground.ui.lab_report import save_lab_report

        graphs = translate("MainWindow", "The graphs at the end of the session")
        sentence = save_lab_report(self.controller, {graphs: self.graphs}, target)
        self.statusBar().showMessage(sentence, NOTICE_MS)
        return sentence

    def show_lessons(self, topic_id: str = "") -> LessonsWindow:
        """The lessons window, made on first use and brought forward, on one idea if one is named."""
        if self.lessons is None:
            from playground.ui.lessons.window import LessonsWindow  # its pages load graphs and the lab

            self.lessons = LessonsWindow(self.controller, self.settings, self, embedded=self.locked)
        if self.lessons.embedded:
            self._cover(self.lessons)
        if topic_id:
            self.lessons.show_lesson(topic_id)
        else:
            self.lessons.show()
            self.lessons.raise_()
        return self.lessons

    def hide_lessons(self) -> None:
        if self.lessons is not None:
            self.lessons.hide()

    def set_projector(self, on: bool) -> None:
        """The projector's size (ui/scale.py) or the desktop's again; out of full screen, a 1280 × 720 window.

        From the back of a room the audience reads the result, the graphs and the explainer; threads, knobs
        and the model card are unreadable there and would not fit beside them, so they wait for the desktop size.
        """
        chosen = scale.PROJECTOR if on else scale.DESKTOP
        scale.apply(chosen)
        self.settings.scale = chosen.name
        for name, action in self.commands.text_size.items():
            action.setChecked(name == chosen.name)
        self.show_expert_controls(not on)
        self._activate_layout()  # the smaller least size now, or the resize below is held to the old one
        if on and not self.isFullScreen() and not self.isMaximized():
            self.resize(*scale.PROJECTOR_SIZE)

    def set_text_size(self, name: str) -> None:
        """Small, normal or large text in the whole window (ui/scale.py), remembered; leaves the projector size."""
        if self.commands.projector.isChecked():
            self.commands.projector.setChecked(False)  # back to the desktop layout, knobs and all
        chosen = scale.named(name)
        scale.apply(chosen)
        self.settings.scale = chosen.name
        self.commands.text_size[chosen.name].setChecked(True)

    def set_theme(self, name: str) -> None:
        """Light, dark or the desktop's own colours (ui/theme.py), now and at the next start."""
        self.settings.theme = name
        theme.apply(name)
        self.commands.theme[name].setChecked(True)

    def _on_desktop_scheme(self, _scheme: object) -> None:
        if self.settings.theme == "system":
            theme.apply("system")

    def open_model(self) -> None:
        """File → Open model…: an .onnx file of the person's, kept among their models and shown (never on a kiosk)."""
        if self.settings.kiosk:
            return
        name, _ = QFileDialog.getOpenFileName(self, translate("MainWindow", "Open a model"), str(Path.home()),
                                              translate("MainWindow", "ONNX models (*.onnx)"))
        if name:
            self.controller.own.add(Path(name))

    def set_full_screen(self, on: bool) -> None:
        if on and not self.isFullScreen():
            self.showFullScreen()
        elif not on and self.isFullScreen():
            self.showNormal()

    # No event() override and no event filter here: either would bring every event the window gets (each repaint
    # of it, up to 50 a second while a run's progress bar moves) through Python, and so wait for the interpreter
    # while the worker holds it. Qt's handlers for the few kinds needed are called for those kinds only.
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            self.commands.full_screen.setChecked(self.isFullScreen())
        elif event.type() == QEvent.Type.ActivationChange:  # gaining or losing it: a look at a few files' sizes
            # Coming back from a terminal is when a model may have been fetched: the list must say so.
            self.controller.recheck_installed()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        self.drops.eventFilter(self, event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        self.drops.eventFilter(self, event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        self.drops.eventFilter(self, event)

    def _on_model_changed(self, card: object) -> None:
        name = getattr(card, "name", "")
        self.setWindowTitle(f"{name} — {TITLE}" if name else TITLE)
        task = TASKS.get(getattr(card, "task", ""))
        self._per_token = task is not None and task.result_type in STREAMING_TYPES
        if self._graphs is not None:
            self._graphs.show_per_token(self._per_token)

    def order_focus(self, *_: object) -> None:
        """Tab goes down the left column, then the centre top to bottom, then the explainer."""
        self._views_known = self.result_area.stack.count()
        focus.order([self.picker, self.params, self.card_view, self.run_bar, self.input_panel, self.result_area,
                     self.explainer])

    def _on_result_shown(self, _outcome: object) -> None:
        if self.result_area.stack.count() != self._views_known:  # a view made for the first time
            self.order_focus()

    def _on_drop(self, offer: Offer | None, origin: str) -> None:
        self.input_panel.accept_offer(offer, origin)

    def _restore(self) -> None:
        if not self.settings.geometry.isEmpty():
            self.restoreGeometry(self.settings.geometry)
        else:
            self._fit_to_screen()
        if not self.settings.window_state.isEmpty():
            self.restoreState(self.settings.window_state)
        for name, splitter in self.splitters.items():
            state = self.settings.splitter(name)
            if not state.isEmpty():
                splitter.restoreState(state)

    def _fit_to_screen(self) -> None:
        """1440 × 900, or the whole free area of a smaller screen: the window must never start past its edges."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is None or screen.isEmpty():
            self.resize(1440, 900)
            return
        self.resize(min(1440, screen.width()), min(900, screen.height()))
        self.move(screen.left() + (screen.width() - self.width()) // 2,
                  screen.top() + (screen.height() - self.height()) // 2)

    def save_layout(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        for name, splitter in self.splitters.items():
            self.settings.set_splitter(name, splitter.saveState())
        self.settings.sync()

    def _activate_layout(self) -> None:
        layout = self.layout()
        assert layout is not None, "a QMainWindow always has its own layout"
        layout.activate()

    def show_expert_controls(self, on: bool) -> None:
        """Threads, optimisation, the numeric knobs and the model card: hidden from a kiosk's visitors."""
        self.run_bar.show_expert(on)
        self.params.setVisible(on)
        pane = self.card_view.parentWidget()
        assert pane is not None, "_lay_out puts the card in a column of its own"
        pane.setVisible(on)  # its pane too, or the list stops short above a blank
        self.picker.set_brief(not on)

    def _cover(self, widget: QWidget) -> None:
        """Lay `widget` over everything but the status bar (a kiosk's lessons)."""
        bottom = self.statusBar().geometry().top() if self.statusBar().isVisible() else self.height()
        widget.setGeometry(0, 0, self.width(), bottom)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.lessons is not None and self.lessons.embedded:
            self._cover(self.lessons)

    @property
    def locked(self) -> bool:
        """A kiosk (kiosk.lock): no window-manager close, no files by name, lessons inside the window."""
        return self.settings.kiosk

    def leave(self) -> None:
        """Close the window on purpose (the quit command), which a kiosk allows where a close request does not."""
        self._leaving = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        # On a kiosk the window manager's close (Alt+F4, a title bar's ×) must not drop a visitor to the desktop.
        if self.locked and not self._leaving:
            event.ignore()
            return
        self.save_layout()
        self.controller.shutdown()
        super().closeEvent(event)
