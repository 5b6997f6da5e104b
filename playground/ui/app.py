"""The composition root: builds the application, settings, catalog, controller and window, and runs them."""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from playground import __version__
from playground.app_log import configure_file_logging
from playground.core.catalog import Catalog
from playground.core.netwatch import watch
from playground.tasks.registry import checked_catalog, get_task
from playground.ui import collector, i18n, qt_messages, scale, sound, theme
from playground.ui.controller import Controller
from playground.ui.inputs import plain_sentence
from playground.ui.main_window import MainWindow
from playground.ui.settings import APPLICATION, ORGANISATION, Settings
from playground.ui.startup import after_first_paint

log = logging.getLogger("playground")
SETTINGS_NOTICE_MS = 60_000  # long enough to be read once the window is up; the log keeps it after that


APP_ID = "io.github.inference_playground.InferencePlayground"  # as packaging/ names the desktop entry


def application(argv: list[str] | None = None) -> QApplication:
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationDisplayName("Inference Playground")
    app.setApplicationVersion(__version__)
    # Wayland docks and task bars match a window to its menu entry by this name (the .desktop file's).
    app.setDesktopFileName(APP_ID)
    return app


def build(settings: Settings | None = None, catalog: Catalog | None = None,
          model_id: str = "") -> tuple[Controller, MainWindow]:
    """The controller and its window, with `model_id`, the last model or the first installed one selected."""
    settings = settings or Settings()
    # From now on, garbage is collected here, never in the worker or another thread (ui/collector.py); start-up's
    # own collection waits until the window is on screen, and so does whatever the window builds after its first
    # sight. Before anything is built: no collection interrupts the building either.
    running = collector.install(later=True)
    catalog = catalog if catalog is not None else checked_catalog()
    for error in catalog.errors:
        log.warning("skipped a model card: %s", error)
    wanted = model_id or settings.last_model
    if wanted in catalog.ids and catalog.get(wanted).modality == "audio":
        sound.preload()  # the microphone's button says whether there is one: PortAudio starts beside the building
    controller = Controller(settings, catalog, get_task)
    window = MainWindow(controller, settings)
    if settings.kiosk:
        from playground.ui import kiosk  # its show of the models pulls in the lessons: only a kiosk needs it

        kiosk.lock(window)
    elif settings.problem:  # a damaged settings file was set aside: the person hears of it where they look
        # Once the window is up: a message shown before the status line's own label is shown lies under it.
        QTimer.singleShot(0, lambda: window.statusBar().showMessage(settings.said_problem(),
                                                                       SETTINGS_NOTICE_MS))
    first = model_id or _first_model(catalog, controller, settings)
    chosen = settings.visitor_models if settings.kiosk else None
    if chosen and first not in chosen:  # a kiosk opens on the first of its operator's models
        first = next((m for m in chosen if m in catalog.ids), first)
    if first:
        controller.select_model(first)
    window.visits.home_model = first
    after_first_paint(window, running.settle)
    after_first_paint(window, window.finish)
    return controller, window


def _first_model(catalog: Catalog, controller: Controller, settings: Settings) -> str:
    """The last model shown; a newcomer (none yet) gets the welcome page, a kiosk its first installed model."""
    if settings.last_model in catalog.ids:
        return settings.last_model
    if not settings.kiosk:
        return ""
    installed = [card.id for card in catalog.cards if controller.installed(card)]
    return installed[0] if installed else (catalog.ids[0] if catalog.ids else "")


def _install_excepthooks(controller: Controller) -> None:
    """A bug in a slot must not end the session: log it and say so in one sentence."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        sentence = plain_sentence(exc.with_traceback(tb))
        if threading.current_thread() is threading.main_thread():
            controller.input_rejected.emit(sentence)

    sys.excepthook = hook
    # The exception carries its type and traceback: the same (type, value, traceback) logging would be given.
    threading.excepthook = lambda args: log.error("error in a thread", exc_info=args.exc_value)


def run_app(argv: list[str] | None = None, kiosk: bool = False, config: str | None = None) -> int:
    """Open the window and run until it is closed; settings are saved and the worker stopped on the way out."""
    watch()  # from the first moment: every reach for a network from here on is counted (core/netwatch.py)
    app = application(argv)
    configure_file_logging()
    qt_messages.install()
    settings = Settings(config, kiosk=kiosk)
    if settings.problem:  # for the operator: the journal, or the terminal the kiosk was started from
        log.warning(settings.problem)
        print(f"playground: {settings.problem}", file=sys.stderr)
    scale.apply(scale.named(settings.scale))  # before the window is built, so it is laid out at its size
    theme.apply(settings.theme)  # and drawn in its colours from the first paint
    i18n.install(i18n.choose(settings.language))  # and in its language, before any string is made
    controller, window = build(settings)
    _install_excepthooks(controller)
    app.aboutToQuit.connect(controller.shutdown)
    if window.settings.kiosk:
        if window.screen() is not None:  # the whole screen even where no window manager grants full screen
            window.setGeometry(window.screen().geometry())
        window.showFullScreen()
        window.visits.welcome()  # nobody is there yet: the models show themselves until the first touch
    else:
        window.show()
    return int(app.exec())
