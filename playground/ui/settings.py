"""Typed settings over QSettings ("section/key" names), with a file of the caller's choice for tests and shots."""

from __future__ import annotations

import configparser
import errno
import os
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QLockFile, QSettings

from playground.core import readable
from playground.core.session import DEFAULT_OPT_LEVEL, DEFAULT_THREADS, OPT_LEVELS
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate

ORGANISATION = "inference-playground"
APPLICATION = "playground"
# Points the window at another settings file (a kiosk image, a screenshot run) without touching the user's.
SETTINGS_ENV = "PLAYGROUND_SETTINGS"
MAX_THREADS = 64
BROKEN_SUFFIX = ".broken"  # a damaged settings file is renamed to NAME.broken and a new one started

# A sentence kept as its template and values, so it can be said in the window's language once that is known
# (the settings are read before it is: they hold the choice). A value may be such a pair itself.
Words = tuple[str, dict[str, Any]]


def said(words: Words, translated: bool = True) -> str:
    """The sentence, in the window's language (translated) or as written (for the log and the terminal)."""
    template, values = words
    filled = {name: said(v, translated) if isinstance(v, tuple) else v for name, v in values.items()}
    return (translate("Settings", template) if translated else template).format(**filled)


class Settings:
    """Every value is read with a type and a default, so a hand-edited or stale file never breaks start-up.

    A kiosk's file belongs to its operator: it is read once and never written (what a visitor changes
    lives in memory until the app stops), and a kiosk whose file cannot be read runs locked with the
    defaults rather than unlocked (`problem` says why). A kiosk is one that was started with kiosk=True
    (`playground --kiosk`), or whose file says `locked` under `[kiosk]` with anything but a clear no.

    Anyone else's damaged file (see damage()) is kept as NAME.broken and the defaults are used; `problem` says
    so, and the window shows it in its status bar.
    """

    def __init__(self, path: Path | str | None = None, *, kiosk: bool = False) -> None:
        path = path or os.environ.get(SETTINGS_ENV) or None
        self._q = _open(path)
        clear_interrupted_writes(Path(self._q.fileName()))
        self.problem = ""  # as written, for the log and the terminal; said_problem() in the window's language
        self._problem_words: Words | None = None
        self._memory: dict[str, Any] | None = None  # changes kept in memory only: a kiosk's, or a file that stayed
        self._kiosk = False
        self._ignore_file = False
        if kiosk or _not_no(self._q.value("kiosk/locked", "false")):
            self._kiosk, self._memory = True, {"kiosk/locked": True}
            self.problem = _unreadable(self._q, path) if path is not None else ""
            self._ignore_file = bool(self.problem)
        else:
            self._start_afresh_if_damaged(path)

    def _start_afresh_if_damaged(self, path: Path | str | None) -> None:
        """A damaged file is renamed to NAME.broken (NAME.broken-2 …) and the defaults are used, with `problem`
        saying so for the window's status bar.

        Renaming, not copying: it is one atomic step that needs nothing from the file (a folder or an unreadable
        file moves as well as a damaged one), the person's file is kept byte for byte where the notice says, and
        QSettings starts from nothing, instead of rewriting the file later with whatever it half-read from it.
        Where the file cannot be moved, the defaults are used and nothing is written, so it is never overwritten.
        """
        file = Path(self._q.fileName())
        reason = _damage(file)
        if not reason:
            return
        try:
            kept = _set_aside(file)
        except FileNotFoundError:  # another window starting at the same moment set it aside first
            self._q = _open(path)
            self._say(QT_TRANSLATE_NOOP("Settings", "The settings file {file} could not be read ({reason}), so the "
                                                    "defaults are used and a new one will be written."),
                      file=file, reason=reason)
            return
        except OSError as exc:
            self._memory, self._ignore_file = {}, True
            self._say(QT_TRANSLATE_NOOP("Settings", "The settings file {file} could not be read ({reason}), so the "
                                                    "defaults are used and changes are not saved, as it could not be "
                                                    "set aside ({error}): move it away and start the playground "
                                                    "again."),
                      file=file, reason=reason, error=exc.strerror or exc)
            return
        self._q = _open(path)  # the same name, now free: QSettings sees no file and writes a new one
        self._say(QT_TRANSLATE_NOOP("Settings", "The settings file {file} could not be read ({reason}), so the "
                                                "defaults are used; the damaged file was kept as {kept}."),
                  file=file, reason=reason, kept=kept.name)

    def _say(self, template: str, **values: Any) -> None:
        self._problem_words = (template, values)
        self.problem = said(self._problem_words, translated=False)

    def said_problem(self) -> str:
        """`problem` in the window's language, for its status line (a kiosk's problems are its operator's, in
        the journal, as written)."""
        return said(self._problem_words) if self._problem_words is not None else self.problem

    @property
    def path(self) -> str:
        return self._q.fileName()

    def _value(self, key: str, default: Any) -> Any:
        if self._memory is not None and key in self._memory:
            return self._memory[key]
        return default if self._ignore_file else self._q.value(key, default)

    def _set(self, key: str, value: Any) -> None:
        if self._memory is not None:
            self._memory[key] = value
        else:
            self._q.setValue(key, value)

    def _str(self, key: str, default: str) -> str:
        value = self._value(key, default)
        return value if isinstance(value, str) else default

    def _int(self, key: str, default: int, low: int, high: int) -> int:
        try:
            value = int(self._value(key, default))
        except (TypeError, ValueError):
            return default
        return value if low <= value <= high else default

    def _float(self, key: str, default: float, low: float, high: float) -> float:
        try:
            value = float(self._value(key, default))
        except (TypeError, ValueError):
            return default
        return value if low <= value <= high else default  # NaN fails both comparisons too

    def _bytes(self, key: str) -> QByteArray:
        value = self._value(key, QByteArray())
        return value if isinstance(value, QByteArray) else QByteArray()

    @property
    def last_model(self) -> str:
        return self._str("model/last", "")

    @last_model.setter
    def last_model(self, model_id: str) -> None:
        self._set("model/last", model_id)

    @property
    def threads(self) -> int:
        """onnxruntime's threads, never more than this computer's cores (a file may come from a bigger one)."""
        return min(self._int("runtime/threads", DEFAULT_THREADS, 1, MAX_THREADS), os.cpu_count() or 1)

    @threads.setter
    def threads(self, n: int) -> None:
        self._set("runtime/threads", int(n))

    @property
    def opt_level(self) -> str:
        value = self._str("runtime/opt_level", DEFAULT_OPT_LEVEL)
        return value if value in OPT_LEVELS else DEFAULT_OPT_LEVEL

    @opt_level.setter
    def opt_level(self, level: str) -> None:
        self._set("runtime/opt_level", level)

    @property
    def geometry(self) -> QByteArray:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, data: QByteArray) -> None:
        self._set("window/geometry", data)

    @property
    def window_state(self) -> QByteArray:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, data: QByteArray) -> None:
        self._set("window/state", data)

    def splitter(self, name: str) -> QByteArray:
        return self._bytes(f"window/splitter_{name}")

    def set_splitter(self, name: str, data: QByteArray) -> None:
        self._set(f"window/splitter_{name}", data)

    def lesson_value(self, name: str, default: float, low: float, high: float) -> float:
        """A figure a person typed into a lesson (a price, a bandwidth), kept for next time."""
        return self._float(f"lessons/{name}", default, low, high)

    def set_lesson_value(self, name: str, value: float) -> None:
        self._set(f"lessons/{name}", float(value))

    @property
    def idle_seconds(self) -> int:
        """A kiosk starts over for the next visitor after this long without input (`idle_seconds` under
        `[kiosk]`; 0: never)."""
        return self._int("kiosk/idle_seconds", 90, 0, 86_400)

    @property
    def visitor_models(self) -> list[str] | None:
        """The models a kiosk's visitors see, in the operator's order (`models=a, b` under `[kiosk]`); None: all."""
        value = self._value("kiosk/models", None)
        names = value if isinstance(value, list) else str(value).split(",") if value is not None else []
        chosen = [str(name).strip() for name in names if str(name).strip()]
        return chosen or None

    @property
    def attract(self) -> bool:
        """A kiosk shows its models at work while nobody is there (`attract=` under `[kiosk]`; on by default)."""
        return _not_no(self._value("kiosk/attract", "true"))

    @property
    def scale(self) -> str:
        """How big the window draws (ui/scale.py): a kiosk's file says it under `[kiosk]` (kiosk size unless it
        says `scale=projector` or `desktop`); anyone else's is the View menu's choice."""
        if self.kiosk:
            return self._str("kiosk/scale", "kiosk").strip().lower()
        return self._str("display/scale", "desktop")

    @scale.setter
    def scale(self, name: str) -> None:
        self._set("kiosk/scale" if self.kiosk else "display/scale", name)

    @property
    def theme(self) -> str:
        """Light, dark, or the desktop's own (ui/theme.py): the View menu's choice, or `theme=` under `[display]`
        in a kiosk's file."""
        chosen = self._str("display/theme", "system").strip().lower()
        return chosen if chosen in ("system", "light", "dark") else "system"

    @theme.setter
    def theme(self, name: str) -> None:
        self._set("display/theme", name)

    @property
    def language(self) -> str:
        """The window's language (ui/i18n.py): a code such as "de", or "system" (the default) for the desktop's,
        when it is offered; `language=` under `[display]` in a kiosk's file."""
        return self._str("display/language", "system").strip().lower() or "system"

    @language.setter
    def language(self, code: str) -> None:
        self._set("display/language", code)

    @property
    def operator_pin(self) -> str:
        """The salted hash of the operator's PIN (`playground kiosk-pin`), "" when none is set."""
        return self._str("kiosk/pin", "")

    @property
    def kiosk(self) -> bool:
        """A public kiosk (see the class): its file is never written."""
        return self._kiosk

    @kiosk.setter
    def kiosk(self, locked: bool) -> None:
        """Make this a kiosk from now on (tests, and the settings of a window being locked)."""
        if locked and not self._kiosk:
            self._kiosk = True
            self._memory = {**(self._memory or {}), "kiosk/locked": True}

    def sync(self) -> None:
        """Write to disk now (QSettings otherwise writes when it likes, or at exit), whole or not at all: QSettings
        writes a new file and renames it over the old one. A kiosk never writes."""
        if self._memory is None:
            self._q.sync()


# QSaveFile's temporary beside the file it replaces: the name, a dot and six letters or digits.
_INTERRUPTED = re.compile(r"\.[A-Za-z0-9]{6}$")


def clear_interrupted_writes(file: Path) -> None:
    """A write cut off midway (a power cut, a kill) leaves QSettings' temporary copy beside the file: the file
    itself is whole (old or new), the leftover is removed. Only with Qt's own lock on the file taken, which a
    dead writer's stale lock gives up, so a write another window is making at this moment is never touched."""
    lock = QLockFile(f"{file}.lock")
    if not lock.tryLock(100):
        return
    try:
        for leftover in file.parent.glob(f"{file.name}.*"):
            suffix = leftover.name[len(file.name):]
            if _INTERRUPTED.fullmatch(suffix) and suffix != ".broken" and leftover.is_file():
                leftover.unlink(missing_ok=True)
    except OSError:
        pass  # a folder that cannot be listed or written: QSettings says so where it matters
    finally:
        lock.unlock()


def _open(path: Path | str | None) -> QSettings:
    if path is not None:
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


# Said of a kiosk's switch, these mean no; anything else, a typo or a half-written line included, means yes.
_NO = ("false", "0", "no", "off")


def _not_no(value: Any) -> bool:
    return str(value).strip().lower() not in _NO


def _unreadable(q: QSettings, path: Path | str) -> str:
    """Why a kiosk's settings file cannot be trusted, as a sentence for its operator, or ""."""
    where = Path(path)
    if not where.is_file():
        return f"The kiosk's settings file {where} does not exist: the kiosk runs locked with its defaults."
    status = q.status()
    if status == QSettings.Status.AccessError:
        return f"The kiosk's settings file {where} cannot be read: the kiosk runs locked with its defaults."
    try:  # QSettings reads a damaged file as far as it can; configparser says whether it is whole
        configparser.ConfigParser(interpolation=None, strict=False).read_string(
            where.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        return (f"The kiosk's settings file {where} is damaged ({type(exc).__name__}): the kiosk runs locked "
                "with its defaults.")
    if status != QSettings.Status.NoError:
        return f"The kiosk's settings file {where} is damaged: the kiosk runs locked with its defaults."
    return ""


# A value QSettings wrote with its type, such as @ByteArray(...) (a plain string starting with @ is written @@).
_TYPED = re.compile(r"@[A-Za-z]+\(.*\)", re.DOTALL)


def _read(file: Path) -> bytes:
    return file.read_bytes()


def damage(file: Path) -> str:
    """Why a desktop settings file cannot be used, as words that follow "could not be read (", or "" when it is
    whole (or absent: a first start). QSettings itself reads almost anything without complaint, so this looks."""
    reason = _damage(file)
    return said(reason, translated=False) if isinstance(reason, tuple) else reason or ""


def _damage(file: Path) -> Words | str | None:
    """damage() as a template and its values (said in the window's language later), the system's own words, or
    None."""
    if not file.exists() and not file.is_symlink():
        return None
    if file.is_dir():
        return QT_TRANSLATE_NOOP("Settings", "it is a folder"), {}
    try:
        data = _read(file)
    except OSError as exc:
        return f"{exc.strerror or exc}"  # the system's own words
    if not data:
        return QT_TRANSLATE_NOOP("Settings", "it is empty"), {}
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return QT_TRANSLATE_NOOP("Settings", "byte {offset} is not UTF-8 text"), {"offset": readable.local(f"{exc.start:,}")}
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except configparser.Error as exc:
        line = getattr(exc, "lineno", None) or next(iter(getattr(exc, "errors", ())), (None,))[0]
        return ((QT_TRANSLATE_NOOP("Settings", "line {line} is not a setting"), {"line": line}) if line else
                (QT_TRANSLATE_NOOP("Settings", "it is not a settings file"), {}))
    for section in parser.sections():
        for key, value in parser.items(section):
            value = value.strip().strip('"')
            if value.startswith("@") and not value.startswith("@@") and not _TYPED.fullmatch(value):
                return QT_TRANSLATE_NOOP("Settings", "the value of {key} is cut short"), {"key": f"{section}/{key}"}
    return None


def _set_aside(file: Path) -> Path:
    """Rename the file to the first free NAME.broken, NAME.broken-2 … beside it; that name."""
    for number in range(1, 100):
        kept = file.with_name(f"{file.name}{BROKEN_SUFFIX}" + (f"-{number}" if number > 1 else ""))
        if not kept.exists() and not kept.is_symlink():
            os.rename(file, kept)
            return kept
    raise OSError(errno.EEXIST, f"{file.name}{BROKEN_SUFFIX} and 98 more such files are already there")
