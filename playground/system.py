"""Checks this machine for the system libraries Qt and sound need, and names the Debian packages that provide them."""

from __future__ import annotations

import ctypes
import sys

# soname -> Debian/Ubuntu package (STACK.md: checked in a fresh minimal Debian 12 chroot).
OFFSCREEN = {
    "libGL.so.1": "libgl1", "libEGL.so.1": "libegl1", "libglib-2.0.so.0": "libglib2.0-0",
    "libfontconfig.so.1": "libfontconfig1", "libxkbcommon.so.0": "libxkbcommon0", "libdbus-1.so.3": "libdbus-1-3",
}
DISPLAY = {
    **OFFSCREEN,
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-xkb.so.1": "libxcb-xkb1", "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0", "libxcb-glx.so.0": "libxcb-glx0", "libX11-xcb.so.1": "libx11-xcb1",
}

# QtMultimedia (the camera): without libpulse0 it does not load; without libxrandr2 its FFmpeg backend is
# silently "not available" (STACK.md).
MEDIA = {"libpulse.so.0": "libpulse0", "libXrandr.so.2": "libxrandr2"}
# The microphone and playback: sounddevice's Linux wheel loads the system's PortAudio.
SOUND = {"libportaudio.so.2": "libportaudio2"}


def missing_packages(libraries: dict[str, str]) -> list[str]:
    """Packages whose library cannot be loaded here (loading is the only test that does not lie)."""
    missing = []
    for soname, package in libraries.items():
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(package)
    return missing


def advice(missing: list[str], purpose: str) -> str:
    return (f"Qt needs system libraries that this machine lacks for {purpose}: install them with "
            f"'sudo apt-get install {' '.join(missing)}' (Debian/Ubuntu names) and try again.")


def main(argv: list[str]) -> int:
    mode = argv[0] if argv else "offscreen"
    libraries, purpose = (DISPLAY, "a window") if mode == "display" else (OFFSCREEN, "the tests")
    if not sys.platform.startswith("linux"):
        return 0
    missing = missing_packages(libraries)
    if missing:
        print(advice(missing, purpose), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
