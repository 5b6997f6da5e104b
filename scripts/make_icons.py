"""Renders packaging/inference-playground.svg into the Windows .ico and macOS .icns the PyInstaller spec names."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "packaging" / "inference-playground.svg"
OUT = ROOT / "packaging" / "icons"
# Windows picks the nearest of these for the taskbar, Explorer and the installer; macOS wants 1024 for Retina.
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
ICNS_SIZE = 1024


def render(size: int) -> Image.Image:
    """The SVG drawn at size × size with Qt's own renderer (neither Windows nor macOS tools read SVG)."""
    image = QImage(size, size, QImage.Format.Format_RGBA8888)  # straight alpha, byte order as Pillow's RGBA
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    pixels = bytes(image.constBits())
    return Image.frombuffer("RGBA", (size, size), pixels, "raw", "RGBA", image.bytesPerLine(), 1).copy()


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a build machine may have no display
    _app = QGuiApplication(sys.argv)  # QPainter needs a GUI application, kept alive while it draws
    OUT.mkdir(exist_ok=True)
    render(256).save(OUT / "inference-playground.ico", sizes=ICO_SIZES)
    # Pillow writes every ICNS size it knows from the largest picture.
    render(ICNS_SIZE).save(OUT / "inference-playground.icns")
    print(f"wrote {OUT / 'inference-playground.ico'} and {OUT / 'inference-playground.icns'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
