"""The person's language: which one the window speaks, and Qt's translators that make it speak it.

Every string the window shows goes through Qt's translation machinery (`tr` in a widget, `translate` here);
the translations live in `assets/translations/<code>.ts` (edited with Qt Linguist) and are compiled to `.qm`
by `make translations`. A language is offered only when it is complete: its `.qm` file and its explainers
and lessons (`assets/explainers/<code>/`) are both there, because one screen in two languages is worse than
one in English. The choice is a setting; by default the system's language, if it is offered, else English.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from playground import paths
from playground.core import words
from playground.core.words import QT_TRANSLATE_NOOP  # noqa: F401 - the window's strings mark with it too

ENGLISH = "en"
# The window's own helper processes (a download and build, ui/fetcher.py) speak the window's language: this
# variable carries it to them, and the command line installs it before it says anything (cli.py).
LANGUAGE_VARIABLE = "PLAYGROUND_LANGUAGE"
NAMES = {"en": "English", "de": "Deutsch", "fr": "Français", "es": "Español"}  # each in its own language

_installed: list[QTranslator] = []  # kept alive: Qt holds only a pointer to an installed translator


def translate(context: str, text: str) -> str:
    """`text` in the window's language, as the translation for `context` (the class that shows it) has it.
    Called with two literal strings, as Qt's own is: lupdate finds the calls by this name. Sentences avoid
    counted plurals ("%n model(s)"): lupdate marks a plural only where the count is a literal number."""
    return QCoreApplication.translate(context, text)


def translations_dir() -> Path:
    return paths.assets_dir() / "translations"


def offered() -> dict[str, str]:
    """Code → name of every language the window can speak whole: English, and each complete translation."""
    codes = [ENGLISH] + sorted(p.stem for p in translations_dir().glob("*.qm")
                               if (paths.explainers_root() / p.stem).is_dir())
    return {code: NAMES.get(code, code) for code in codes}


def choose(setting: str, system: QLocale | None = None) -> str:
    """The language to speak: the setting's if it is offered; else ("system", or one no longer shipped) the
    system's if it is offered; else English."""
    languages = offered()
    if setting in languages:
        return setting
    system_code = (system or QLocale.system()).name().split("_")[0]
    return system_code if system_code in languages else ENGLISH


def install(code: str) -> str:
    """Make the application speak `code` (from `choose`): its own strings, Qt's (the file dialog's buttons),
    and numbers and dates in that language's way. Returns the code spoken."""
    app = QCoreApplication.instance()
    assert app is not None, "a language is installed into the running application"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if code != ENGLISH:
        qt_own = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((code, str(translations_dir())), (f"qtbase_{code}", qt_own)):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _installed.append(translator)
    QLocale.setDefault(QLocale(code))
    # The core's sentences (errors, verdicts, lessons) through the same translators (core/words.py).
    words.install(None if code == ENGLISH else QCoreApplication.translate, code)
    return code


def install_without_window(code: str) -> str:
    """The core's sentences in `code` for a process that shows no window (a download the window started):
    Qt's translator asked directly, so no application is needed. Returns the code spoken ("en" when `code`
    is not offered)."""
    if code == ENGLISH or code not in offered():
        return ENGLISH
    translator = QTranslator()
    if not translator.load(code, str(translations_dir())):
        return ENGLISH
    _installed.append(translator)
    words.install(lambda context, text: translator.translate(context, text) or text, code)
    return code
