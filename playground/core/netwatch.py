"""Whether this process has tried to reach a network: an audit hook on sockets and name lookups, and its own sockets.

The playground promises that nothing leaves the computer; this is how it proves it rather than claims it.
Python raises an audit event before every socket connection, datagram sent and name lookup
(sys.addaudithook), whichever library asks; code outside Python (a native library) is caught by looking
at the process's own internet sockets (psutil). Local sockets (Unix paths: the sound server, D-Bus) are
not a network. An audit hook can never be removed, so there is one watch per process (watch()).
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from playground.core.words import QT_TRANSLATE_NOOP, translate

# Audit events that reach for a network (Python's "audit events table"). gethostname only reads a name.
NETWORK_EVENTS = frozenset({
    "socket.connect", "socket.sendto", "socket.sendmsg", "socket.getaddrinfo", "socket.gethostbyname",
    "socket.gethostbyname_ex", "socket.gethostbyaddr", "socket.getnameinfo", "http.client.connect",
    "urllib.Request", "ftplib.connect", "smtplib.connect", "poplib.connect", "imaplib.open", "nntplib.connect",
    "telnetlib.Telnet.open", "webbrowser.open",
})
# This module and the libraries between the caller and the socket: "from where" names the first frame past them.
_PLUMBING = frozenset({__name__, "socket", "ssl", "selectors", "http.client", "urllib.request", "ftplib",
                       "smtplib", "poplib", "imaplib", "nntplib", "telnetlib", "webbrowser"})


# Who asked, where no source line can say: the words shown in its place (the keys are what `origin` holds).
ORIGIN_WORDS = {"native code": QT_TRANSLATE_NOOP("NetWatch", "native code"),
                "unknown code": QT_TRANSLATE_NOOP("NetWatch", "unknown code")}


@dataclass(frozen=True)
class Attempt:
    """One reach for the network: what (a lookup, a connection), to where, and which code asked."""

    when: float  # time.time()
    what: str  # e.g. "connect to 93.184.216.34:80", "name lookup of example.org"
    origin: str  # e.g. "playground/zoo/download.py:42", or "native code" for a socket found open
    # `what` as its template (marked for translation) and the values it was filled with, so it is said in the
    # window's language when shown, not in whatever language was spoken when the hook saw it.
    template: str = ""
    values: tuple[tuple[str, str], ...] = ()

    def said(self) -> str:
        """`what` in the window's language."""
        return translate("NetWatch", self.template).format(**dict(self.values)) if self.template else self.what

    def sentence(self) -> str:
        origin = translate("NetWatch", ORIGIN_WORDS[self.origin]) if self.origin in ORIGIN_WORDS else self.origin
        return translate("NetWatch", "{what}, from {origin}").format(what=self.said(), origin=origin)


def _attempt(template: str, origin: str, **values: str) -> Attempt:
    return Attempt(time.time(), template.format(**values), origin, template, tuple(values.items()))


class NetWatch:
    """Counts every attempt of this process to use a network; thread-safe (the hook runs in any thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._attempts: list[Attempt] = []
        self._seen_sockets: set[tuple[Any, ...]] = set()
        self._hooked: set[tuple[str, int]] = set()  # remote addresses the hook already counted
        self.started = time.time()

    def hook(self, event: str, args: tuple[Any, ...]) -> None:
        """The audit hook: as cheap as possible for the thousands of events that are not ours."""
        if event not in NETWORK_EVENTS:
            return
        described = _describe(event, args)
        if described is not None:
            if event in ("socket.connect", "socket.sendto") and isinstance(args[1], tuple) and len(args[1]) >= 2:
                self._hooked.add((str(args[1][0]), int(args[1][1])))  # check_sockets must not count it again
            template, values = described
            self._add(_attempt(template, _origin(), **values))

    def check_sockets(self) -> None:
        """Record any internet socket of this process that the hook did not see (opened by native code)."""
        try:
            import psutil

            connections = psutil.Process().net_connections(kind="inet")
        except Exception:  # noqa: BLE001 - a system that hides sockets must not stop the window; the hook still runs
            return
        for c in connections:
            key = (c.fd, c.laddr, c.raddr, c.status)
            if key in self._seen_sockets:
                continue
            self._seen_sockets.add(key)
            if c.raddr and (c.raddr.ip, c.raddr.port) in self._hooked:
                continue
            if c.raddr:
                attempt = _attempt(QT_TRANSLATE_NOOP("NetWatch", "an open internet socket ({address})"), "native code",
                                   address=f"{c.raddr.ip}:{c.raddr.port}")
            else:
                attempt = _attempt(QT_TRANSLATE_NOOP("NetWatch", "an open internet socket (listening on {address})"),
                                   "native code", address=f"{c.laddr.ip}:{c.laddr.port}")
            self._add(attempt)

    def _add(self, attempt: Attempt) -> None:
        with self._lock:
            self._attempts.append(attempt)

    @property
    def attempts(self) -> tuple[Attempt, ...]:
        with self._lock:
            return tuple(self._attempts)

    def summary(self) -> str:
        """One line for the status bar: the count since start, and the latest attempt where there is one."""
        found = self.attempts
        if len(found) == 1:
            count = translate("NetWatch", "1 network request since start")
        else:
            count = translate("NetWatch", "{count} network requests since start").format(count=len(found))
        if not found:
            return count
        return translate("NetWatch", "{count}: the last, {attempt}").format(count=count, attempt=found[-1].sentence())


Described = tuple[str, dict[str, str]]  # a template marked for translation, and its values


def _describe(event: str, args: tuple[Any, ...]) -> Described | None:
    """What the event asked for, or None for one that stays on this computer (a Unix socket's path)."""
    if event in ("socket.connect", "socket.sendto"):
        sock, address = args[0], args[1]
        if getattr(sock, "family", None) == getattr(socket, "AF_UNIX", None) or isinstance(address, (str, bytes)):
            return None
        if event == "socket.connect":
            return QT_TRANSLATE_NOOP("NetWatch", "connect to {address}"), {"address": _address(address)}
        return QT_TRANSLATE_NOOP("NetWatch", "send to {address}"), {"address": _address(address)}
    if event == "socket.sendmsg":
        sock, address = args[0], args[1] if len(args) > 1 else None
        if getattr(sock, "family", None) == getattr(socket, "AF_UNIX", None) or isinstance(address, (str, bytes)):
            return None
        if not address:
            return QT_TRANSLATE_NOOP("NetWatch", "send to a connected socket"), {}
        return QT_TRANSLATE_NOOP("NetWatch", "send to {address}"), {"address": _address(address)}
    if event.startswith("socket."):
        if not args:
            return QT_TRANSLATE_NOOP("NetWatch", "a name lookup"), {}
        return QT_TRANSLATE_NOOP("NetWatch", "name lookup of {host}"), {"host": str(args[0])}
    if event == "urllib.Request":
        if not args:
            return QT_TRANSLATE_NOOP("NetWatch", "a web request"), {}
        return QT_TRANSLATE_NOOP("NetWatch", "web request to {address}"), {"address": str(args[0])}
    if event == "webbrowser.open":
        if not args:
            return QT_TRANSLATE_NOOP("NetWatch", "opening a web page"), {}
        return QT_TRANSLATE_NOOP("NetWatch", "opening the web page {address}"), {"address": str(args[0])}
    host = next((a for a in args if isinstance(a, str)), "")  # (self, host, port) for the protocol clients
    return QT_TRANSLATE_NOOP("NetWatch", "{protocol} connection to {host}"), {"protocol": event.split(".")[0],
                                                                              "host": host}


def _address(address: Any) -> str:
    if isinstance(address, tuple) and len(address) >= 2:
        host, port = address[0], address[1]
        return f"[{host}]:{port}" if ":" in str(host) else f"{host}:{port}"
    return str(address)


def _origin() -> str:
    """The first frame of the code that asked, past this module and the socket libraries."""
    frame: FrameType | None = sys._getframe(2)
    while frame is not None:
        if frame.f_globals.get("__name__") not in _PLUMBING:
            return f"{_short(frame.f_code.co_filename.replace(chr(92), '/'))}:{frame.f_lineno}"
        frame = frame.f_back
    return "unknown code"


def _short(path: str) -> str:
    """A source file's name as a person can look it up: within its package, or within this project."""
    _, installed, inside = path.rpartition("-packages/")
    if installed:
        return inside
    root = _ROOT + "/"
    return path[len(root):] if path.startswith(root) else "/".join(path.split("/")[-2:])


_ROOT = str(Path(__file__).resolve().parent.parent.parent).replace("\\", "/")
_WATCH: NetWatch | None = None
_WATCH_LOCK = threading.Lock()


def watch() -> NetWatch:
    """This process's watch, hooked in on first use (the one global here: an audit hook is per process)."""
    global _WATCH
    with _WATCH_LOCK:
        if _WATCH is None:
            _WATCH = NetWatch()
            sys.addaudithook(_WATCH.hook)
        return _WATCH
