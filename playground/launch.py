"""Opening the window: checks the display and Qt's system libraries first, so failing is a sentence, not an abort."""

from __future__ import annotations

import os
import sys

# Platforms that draw without an X or Wayland server (a framebuffer, a VNC server, or no screen at all).
_SELF_CONTAINED = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")

NO_DISPLAY = ("playground: there is no display to open the window on; run it inside a virtual one with "
              "'xvfb-run -a playground', or save a picture of the window without any display with "
              "'playground shot --model ID --input FILE --out shot.png'.")


def has_display(environ: dict[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt can open a window here; Qt itself would abort the process instead of raising."""
    env = os.environ if environ is None else environ
    if (platform or sys.platform) in ("win32", "darwin"):
        return True
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if chosen in _SELF_CONTAINED:
        return True
    if chosen.startswith("wayland"):
        return bool(env.get("WAYLAND_DISPLAY"))
    if chosen == "xcb":
        return bool(env.get("DISPLAY"))
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def _missing_libraries() -> str:
    """On Linux, the packages Qt's window plugin needs but cannot load, as one sentence ("" when all are there)."""
    if not sys.platform.startswith("linux"):
        return ""
    from playground import system

    offscreen = os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen")
    libraries, purpose = (system.OFFSCREEN, "drawing offscreen") if offscreen else (system.DISPLAY, "a window")
    missing = system.missing_packages(libraries)
    return f"playground: {system.advice(missing, purpose)}" if missing else ""


def launch_window(kiosk: bool = False, config: str | None = None) -> int:
    """Run the window and return its exit code; 2 with one sentence on stderr when it cannot open."""
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    problem = _missing_libraries()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    try:
        from playground.ui.app import run_app
    except ImportError as exc:
        print(f"playground: the window cannot start because a part of it is missing ({exc}); reinstall the "
              "playground with 'pip install --force-reinstall inference-playground'.", file=sys.stderr)
        return 2
    return run_app(kiosk=kiosk, config=config)
