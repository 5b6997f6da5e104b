"""View → Language: the languages the window can speak whole, the choice kept, and a restart to speak it.

A language changes every string, explainer and card at once, and those are read as the window is built, so a
new choice takes effect at the next start; the person is offered that restart at once, with nothing lost (the
settings are saved as the window closes, as on any quit).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from playground.ui import i18n
from playground.ui.i18n import translate
from playground.ui.settings import Settings

SYSTEM = "system"


def build(parent: QWidget, settings: Settings) -> QMenu | None:
    """The menu, or None while English is the only language offered (a choice of one is no choice)."""
    languages = i18n.offered()
    if len(languages) < 2:
        return None
    menu = QMenu(translate("LanguageMenu", "&Language"), parent)
    group = QActionGroup(menu)
    choices = {SYSTEM: translate("LanguageMenu", "As the desktop")} | languages
    for code, name in choices.items():
        action = QAction(name, menu, checkable=True)
        action.setData(code)
        action.setChecked(code == (settings.language if settings.language in choices else SYSTEM))
        group.addAction(action)
        menu.addAction(action)
        action.triggered.connect(lambda _=False, c=code: choose(parent, settings, c))
    return menu


def choose(parent: QWidget, settings: Settings, code: str) -> bool:
    """Keep `code` and offer to start again in it; True when the window is restarting."""
    if code == settings.language:
        return False
    settings.language = code
    spoken = i18n.NAMES.get(i18n.choose(code), code)
    ask = QMessageBox(QMessageBox.Icon.Question, translate("LanguageMenu", "Language"),
                      translate("LanguageMenu", "Inference Playground speaks {language} from its next start. "
                                "Start it again now?").format(language=spoken),
                      QMessageBox.StandardButton.NoButton, parent)
    now = ask.addButton(translate("LanguageMenu", "Start again now"), QMessageBox.ButtonRole.AcceptRole)
    ask.addButton(translate("LanguageMenu", "Later"), QMessageBox.ButtonRole.RejectRole)
    ask.setDefaultButton(now)
    ask.exec()
    if ask.clickedButton() is not now:
        return False
    return restart(parent)


def restart(window: QWidget) -> bool:
    """The same command again, started once this window has closed and saved what it holds."""
    command = list(sys.orig_argv) or [sys.executable]
    if not window.close():  # the window may decline (a batch running): then nothing restarts
        return False
    QProcess.startDetached(command[0], command[1:])
    return True
