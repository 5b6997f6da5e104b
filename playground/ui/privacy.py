"""The status bar's network badge: how many times this process has reached for a network since it started."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from playground.core.netwatch import NetWatch, watch
from playground.ui import theme
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.plain import PlainLabel

TIP = QT_TRANSLATE_NOOP("NetworkBadge", "The playground watches its own process: any connection or name lookup, by any "
                                       "part of it, is counted here the moment it is asked for. Your photos, "
                                       "recordings, text and results never leave this computer.")
# Sockets opened outside Python are found by looking, which reads a few small files: every few seconds.
LOOK_EVERY = 5
QUIET, ALARM = ("ok", ""), ("error", "font-weight: bold;")  # theme roles (ui/theme.py) and extra rules


class NetworkBadge(PlainLabel):
    """✓ 0 network requests since start — or, the moment one happens, what it was and which code asked."""

    def __init__(self, parent: QWidget | None = None, watched: NetWatch | None = None) -> None:
        super().__init__(parent)
        self.watched = watched or watch()
        self.setToolTip(translate("NetworkBadge", TIP))
        self.setAccessibleName(translate("NetworkBadge", "Network requests"))
        self._ticks = 0
        self._looking: threading.Thread | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def refresh(self) -> None:
        if self._ticks % LOOK_EVERY == 0 and (self._looking is None or not self._looking.is_alive()):
            # Listing the process's sockets reads /proc (tens of ms on a busy machine): in a thread of its own,
            # so the window does not stutter every few seconds. What it finds shows at the next tick.
            self._looking = threading.Thread(target=self.watched.check_sockets, name="socket-look", daemon=True)
            self._looking.start()
        self._ticks += 1
        clean = not self.watched.attempts
        self.setText(("✓ " if clean else "⚠ ") + self.watched.summary())
        role, extra = QUIET if clean else ALARM
        if self.property(theme.ROLE) != role:
            theme.themed(self, role, extra)
