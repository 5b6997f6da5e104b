"""QtMultimedia, when installed: the camera comes from this one optional module (sound goes through PortAudio)."""

from __future__ import annotations

from typing import Any

from playground.ui.i18n import QT_TRANSLATE_NOOP, translate

# The module lives in the PySide6-Addons wheel (438 MB installed), which the "media" extra installs.
# Said by the camera panel, with what needs it ("The camera") in the window's language.
NOT_INSTALLED = QT_TRANSLATE_NOOP("CameraPanel", "{what} needs the playground's media add-on; install it with "
                                                 "pip install 'inference-playground[media]' and start the playground "
                                                 "again.")


# Loading the module logs which sound servers and FFmpeg it found ("Couldn't load pipewire-0.3"):
# things true of the machine, not problems, and noise on a person's terminal.
_QUIET = "qt.multimedia.symbolsresolver=false\nqt.multimedia.ffmpeg=false"


def multimedia() -> Any:
    """The QtMultimedia module, or None when the add-on (or the sound library it needs) is missing."""
    from PySide6.QtCore import QLoggingCategory

    QLoggingCategory.setFilterRules(_QUIET)
    try:
        from PySide6 import QtMultimedia
    except (ImportError, OSError):
        return None
    return QtMultimedia


def not_installed(what: str) -> str:
    return translate("CameraPanel", NOT_INSTALLED).format(what=what)
