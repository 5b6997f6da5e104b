"""Sound devices through PortAudio (the sounddevice library, no Qt): whether the library loads, which input and
output exist, and the one sentence to say when there is none."""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import time
from typing import Any

# No Qt here (PortAudio's threads call into this module): the core's translate goes through the window's
# translators all the same. The sentences are marked here and translated where they are returned.
from playground.core.words import QT_TRANSLATE_NOOP, translate

NO_MICROPHONE = QT_TRANSLATE_NOOP("Sound", "No microphone was found on this computer; plug one in, or open a recording "
                                           "instead.")
NO_SPEAKER = QT_TRANSLATE_NOOP("Sound", "No speakers or headphones were found, so the recording cannot be played.")
# sounddevice's Linux wheel carries no PortAudio (its Windows and macOS wheels do): Debian's libportaudio2 is it.
NO_PORTAUDIO = QT_TRANSLATE_NOOP("Sound", "{what} needs the system's PortAudio library, which this computer lacks; "
                                          "install it with 'sudo apt-get install libportaudio2' (Debian/Ubuntu) and "
                                          "start the playground again.")
NO_PACKAGE = QT_TRANSLATE_NOOP("Sound", "{what} needs the sounddevice package, which did not load; reinstall the "
                                        "playground and start it again.")

# PortAudio reads the list of devices once, when it starts. Starting it again is the only way to see a device
# plugged in since (the sounddevice maintainer's advice); it costs about 40 ms, and would cut off any open
# stream, so it is done only with none open and at most this often.
RESCAN_S = 5.0

_loaded: list[Any] = []  # [module or None]: a failed load is not retried; the sentence says to restart
_starting: list[threading.Thread] = []  # the thread preload() started, if it did
_state = {"open": 0, "scanned": 0.0}
_lock = threading.Lock()  # streams are closed on threads of their own (sound_streams.release)


def preload() -> None:
    """Start loading the sounddevice module on a thread of its own: PortAudio's start (about 50 ms) is spent in C,
    without the interpreter, so it runs on the other core while the window is built (ui/app.build), for a window
    whose first model listens."""
    if not _loaded and not _starting:
        thread = threading.Thread(target=library, name="sound-start", daemon=True)
        _starting.append(thread)
        thread.start()


def library() -> Any:
    """The sounddevice module, or None when it (or the PortAudio it loads) is missing here."""
    if _starting and _starting[0] is not threading.current_thread():
        _starting[0].join()  # started by preload(): it ends with the module loaded
    if not _loaded:
        try:
            # Imported by name so the type checker needs no stubs for it; it ships none.
            module: Any = importlib.import_module("sounddevice")
        except (ImportError, OSError):  # OSError: "PortAudio library not found"
            module = None
        _loaded.append(module)
        _state["scanned"] = time.monotonic()  # the import itself started PortAudio and read the devices
    return _loaded[0]


def missing(what: str) -> str:
    """Why `what` ("Recording", "Playing sound", in the window's language) cannot work without the library, in one
    sentence."""
    if importlib.util.find_spec("sounddevice") is not None and sys.platform.startswith("linux"):
        return translate("Sound", NO_PORTAUDIO).format(what=what)
    return translate("Sound", NO_PACKAGE).format(what=what)


def opened() -> None:
    """A stream was opened: PortAudio must not be restarted under it."""
    with _lock:
        _state["open"] += 1


def closed() -> None:
    with _lock:
        _state["open"] = max(0, _state["open"] - 1)


def rescan(sd: Any, now: float | None = None, force: bool = False) -> bool:
    """Read the devices afresh if no stream is open and the last reading is older than RESCAN_S (or `force`)."""
    now = time.monotonic() if now is None else now
    with _lock:
        if _state["open"] or (now - _state["scanned"] < RESCAN_S and not force):
            return False
        _state["scanned"] = now
    try:
        sd._terminate()
        sd._initialize()
    except sd.PortAudioError:  # it says so again, as "no microphone", when the devices are next asked for
        return False
    return True


def default_device(sd: Any, kind: str) -> dict[str, Any] | None:
    """The default "input" or "output" device's description, or None when there is none."""
    try:
        device = sd.query_devices(kind=kind)
    except (sd.PortAudioError, ValueError):  # PortAudio says "Error querying device -1" when there is no default
        return None
    channels = device.get(f"max_{kind}_channels", 0) if isinstance(device, dict) else 0
    return device if channels > 0 else None


def problem(sd: Any, kind: str, what: str) -> str:
    """One sentence saying why there is no `kind` ("input", "output") to use, or ""."""
    if sd is None:
        return missing(what)
    rescan(sd)
    if default_device(sd, kind) is None:
        return translate("Sound", NO_MICROPHONE if kind == "input" else NO_SPEAKER)
    return ""


def opening_failed(error: BaseException, kind: str) -> str:
    """PortAudio's refusal to open a stream, said as what the person can do about it."""
    text = str(error).lower()
    if kind == "input" and any(word in text for word in ("permission", "access denied", "not permitted")):
        return translate("Sound", "The playground is not allowed to use the microphone; allow it in the system's "
                                  "privacy settings and press Record again.")
    if kind == "input":
        return translate("Sound", "The microphone could not be opened; check that no other program holds it and try "
                                  "again.")
    return translate("Sound", "The sound device refused to play; check that speakers are connected.")
