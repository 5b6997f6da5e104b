"""Typed settings over QSettings ("section/key" names), with a file of the caller's choice for tests and shots."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from playground.core.session import DEFAULT_OPT_LEVEL, DEFAULT_THREADS, OPT_LEVELS

ORGANISATION = "inference-playground"
APPLICATION = "playground"
# Points the window at another settings file (a kiosk image, a screenshot run) without touching the user's.
SETTINGS_ENV = "PLAYGROUND_SETTINGS"
MAX_THREADS = 64


class Settings:
    """Every value is read with a type and a default, so a hand-edited or stale file never breaks start-up."""

    def __init__(self, path: Path | str | None = None) -> None:
        path = path or os.environ.get(SETTINGS_ENV) or None
        if path is not None:
            self._q = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self._q = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)

    @property
    def path(self) -> str:
        return self._q.fileName()

    def _str(self, key: str, default: str) -> str:
        value = self._q.value(key, default)
        return value if isinstance(value, str) else default

    def _int(self, key: str, default: int, low: int, high: int) -> int:
        try:
            value = int(self._q.value(key, default))
        except (TypeError, ValueError):
            return default
        return value if low <= value <= high else default

    def _float(self, key: str, default: float, low: float, high: float) -> float:
        try:
            value = float(self._q.value(key, default))
        except (TypeError, ValueError):
            return default
        return value if low <= value <= high else default  # NaN fails both comparisons too

    def _bytes(self, key: str) -> QByteArray:
        value = self._q.value(key, QByteArray())
        return value if isinstance(value, QByteArray) else QByteArray()

    @property
    def last_model(self) -> str:
        return self._str("model/last", "")

    @last_model.setter
    def last_model(self, model_id: str) -> None:
        self._q.setValue("model/last", model_id)

    @property
    def threads(self) -> int:
        return self._int("runtime/threads", DEFAULT_THREADS, 1, MAX_THREADS)

    @threads.setter
    def threads(self, n: int) -> None:
        self._q.setValue("runtime/threads", int(n))

    @property
    def opt_level(self) -> str:
        value = self._str("runtime/opt_level", DEFAULT_OPT_LEVEL)
        return value if value in OPT_LEVELS else DEFAULT_OPT_LEVEL

    @opt_level.setter
    def opt_level(self, level: str) -> None:
        self._q.setValue("runtime/opt_level", level)

    @property
    def geometry(self) -> QByteArray:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, data: QByteArray) -> None:
        self._q.setValue("window/geometry", data)

    @property
    def window_state(self) -> QByteArray:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, data: QByteArray) -> None:
        self._q.setValue("window/state", data)

    def splitter(self, name: str) -> QByteArray:
        return self._bytes(f"window/splitter_{name}")

    def set_splitter(self, name: str, data: QByteArray) -> None:
        self._q.setValue(f"window/splitter_{name}", data)

    def lesson_value(self, name: str, default: float, low: float, high: float) -> float:
        """A figure a person typed into a lesson (a price, a bandwidth), kept for next time."""
        return self._float(f"lessons/{name}", default, low, high)

    def set_lesson_value(self, name: str, value: float) -> None:
        self._q.setValue(f"lessons/{name}", float(value))

    @property
    def kiosk(self) -> bool:
        """A public kiosk: `locked=true` under `[kiosk]` in the settings file the kiosk is started with."""
        value = self._q.value("kiosk/locked", False)
        return str(value).strip().lower() in ("true", "1", "yes", "on")

    @kiosk.setter
    def kiosk(self, locked: bool) -> None:
        self._q.setValue("kiosk/locked", bool(locked))

    def sync(self) -> None:
        """Write to disk now (QSettings otherwise writes when it likes, or at exit)."""
        self._q.sync()
