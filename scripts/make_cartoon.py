"""Draws the synthetic cartoon C1 (MODELS.md §5.2) with Pillow: the upscaler's known-answer picture.

    python scripts/make_cartoon.py OUT.png [--font DejaVuSans-Bold.ttf]

MODELS.md fixes the canvas, the face, the colours and the caption; it only names "white eyes with blue
pupils" and "a red smile arc", so their exact geometry here is ours. The picture is flat colours with
hard dark outlines and text, which is what a cartoon upscaler is made for. Pixels (and so the printed
hash) can differ with another Pillow or FreeType build.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),  # Debian fonts-dejavu-core
    Path("/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),  # Fedora
)
SIZE = 512
BACKGROUND = (250, 240, 200)
SKIN = (255, 210, 150)
INK = (0, 0, 0)
PUPIL = (30, 60, 200)
SMILE = (220, 30, 30)


def default_font() -> Path | None:
    """DejaVuSans-Bold from the system, else matplotlib's copy if matplotlib happens to be installed."""
    for path in FONT_CANDIDATES:
        if path.is_file():
            return path
    try:
        import matplotlib  # only to find its bundled font; the project does not depend on it
    except ImportError:
        return None
    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans-Bold.ttf"
    return path if path.is_file() else None


def cartoon(font: Path) -> Image.Image:
    """C1: a 512×512 smiling face with the caption "kiosk!" under it."""
    image = Image.new("RGB", (SIZE, SIZE), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.ellipse((100, 80, 420, 400), fill=SKIN, outline=INK, width=8)
    for left in (170, 290):  # eyes: white with a dark rim, a blue pupil looking slightly right
        draw.ellipse((left, 160, left + 60, 240), fill=(255, 255, 255), outline=INK, width=4)
        draw.ellipse((left + 22, 185, left + 48, 225), fill=PUPIL)
    draw.arc((170, 230, 350, 350), start=20, end=160, fill=SMILE, width=8)
    draw.text((120, 420), "kiosk!", font=ImageFont.truetype(str(font), 60), fill=INK)
    return image


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="PNG file to write")
    parser.add_argument("--font", type=Path, default=None, help="DejaVuSans-Bold.ttf (found on the system if omitted)")
    args = parser.parse_args(argv)
    font = args.font or default_font()
    if font is None or not font.is_file():
        print("DejaVuSans-Bold.ttf was not found; install fonts-dejavu-core or pass --font.", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    cartoon(font).save(args.out, optimize=False)
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
    print(f"{args.out}  {args.out.stat().st_size:,} B  sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
