"""The sentences the core, the tasks and the lessons write for a person, in the window's language.

These layers never import Qt, so they cannot call Qt's translators themselves: they call `translate` here,
with the same (context, text) a widget's `tr` would use, and the window installs Qt's own function at start
(ui/i18n.py). Qt's lupdate finds these calls as it finds the window's, so one translation file holds both.
Until a window installs one, the text comes back as it is: the command line speaks English.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

ENGLISH = "en"
_translator: Callable[[str, str], str] | None = None
_language = ENGLISH


def translate(context: str, text: str) -> str:
    """`text` in the window's language; a template with {names} is translated whole, then filled."""
    return _translator(context, text) if _translator is not None else text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name Qt's lupdate looks for
    """Marks `text` for translation under `context` where it is defined, for `translate` where it is shown."""
    return text


def language() -> str:
    """The code of the language spoken ("en" until a window installs another): explainers and cards follow it."""
    return _language


def install(translator: Callable[[str, str], str] | None, code: str = ENGLISH) -> None:
    """The function that translates from now on (Qt's, from the window) and the language it speaks, or None
    and English for the text as written."""
    global _translator, _language
    _translator = translator
    _language = code if translator is not None else ENGLISH


def speak(code: str) -> None:
    """Speak `code` in a process without Qt (a batch's workers, started for the window): the translations are
    read from the language's .ts file among the assets, whole templates as the window's. English, or a
    language with no file, leaves the text as written."""
    from playground import paths

    source = paths.assets_dir() / "translations" / f"{code}.ts"
    if code == ENGLISH or not source.is_file():
        install(None)
        return
    table = _ts_table(source)
    install(lambda context, text: table.get((context, text), text), code)


def _ts_table(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) → translation, for each finished translation in a Qt .ts file (the app's own asset)."""
    import xml.etree.ElementTree as ET

    table = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") is None:
                table[(name, message.findtext("source") or "")] = translation.text
    return table
