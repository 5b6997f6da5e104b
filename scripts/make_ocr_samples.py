"""Draws the OCR sample pictures with Pillow: banners B1 and B2 (MODELS.md §5.2) and a skewed photo of a page.

    python scripts/make_ocr_samples.py OUT_DIR [--font DejaVuSans.ttf] [--cjk-font DroidSansFallback.ttf]

Fonts default to Debian's fonts-dejavu and the DroidSansFallback that ghostscript ships; MODELS.md drew
the banners with matplotlib's copy of DejaVuSans, which renders the same glyphs. Pixels (and so the
hashes printed at the end) can differ with another Pillow or FreeType build; the OCR results should not.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DROID = Path("/usr/share/ghostscript/10.00.0/Resource/CIDFSubst/DroidSansFallback.ttf")

PAGE_LINES = (
    "Inference Playground",
    "Every model runs on this computer.",
    "No picture ever leaves the machine.",
    "A skewed page is read line by line:",
    "each line gets its own rotated box.",
    "Total: 3 items, 42.50 EUR",
)


def banner(font: Path, third_font: Path, third_line: str) -> Image.Image:
    """B1/B2: a white 900×260 banner with three lines at (30,30), (30,110) and (30,180)."""
    image = Image.new("RGB", (900, 260), "white")
    draw = ImageDraw.Draw(image)
    draw.text((30, 30), "Offline OCR demo 2026", font=ImageFont.truetype(str(font), 48), fill=(0, 0, 0))
    draw.text((30, 110), "The quick brown fox jumps over the lazy dog.", font=ImageFont.truetype(str(font), 34),
              fill=(20, 20, 120))
    draw.text((30, 180), third_line, font=ImageFont.truetype(str(third_font), 34), fill=(0, 0, 0))
    return image


def skewed_page(font: Path) -> Image.Image:
    """A printed page photographed at an angle: rotated 7°, slightly in perspective, unevenly lit, soft.

    The lines are no longer horizontal, so axis-aligned boxes around them would overlap and cut letters;
    only rotated boxes give the recogniser clean, straight strips.
    """
    page = Image.new("RGB", (620, 380), (246, 243, 235))
    draw = ImageDraw.Draw(page)
    title, body = ImageFont.truetype(str(font), 34), ImageFont.truetype(str(font), 26)
    draw.text((40, 30), PAGE_LINES[0], font=title, fill=(25, 25, 25))
    for i, line in enumerate(PAGE_LINES[1:]):
        draw.text((40, 100 + 52 * i), line, font=body, fill=(40, 40, 50))
    tilted = page.rotate(7, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(0, 0, 0))
    mask = Image.new("L", page.size, 255).rotate(7, resample=Image.Resampling.BICUBIC, expand=True)
    photo = Image.new("RGB", (800, 600), (92, 74, 60))  # a wooden table under the page
    photo.paste(tilted, ((800 - tilted.width) // 2, (600 - tilted.height) // 2), mask)
    # A mild keystone: the camera was a little closer to the bottom edge than to the top one.
    w, h = photo.size
    photo = photo.transform((w, h), Image.Transform.QUAD, (18, 0, 0, h, w, h, w - 18, 0),
                            resample=Image.Resampling.BICUBIC)
    x = np.linspace(0.0, 1.0, w, dtype=np.float32)[None, :, None]
    y = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None, None]
    light = 1.0 - 0.18 * x - 0.08 * y  # light from the top left
    lit = np.clip(np.asarray(photo, dtype=np.float32) * light, 0, 255).astype(np.uint8)
    return Image.fromarray(lit).filter(ImageFilter.GaussianBlur(0.6))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the pictures to")
    parser.add_argument("--font", type=Path, default=DEJAVU)
    parser.add_argument("--cjk-font", type=Path, default=DROID)
    args = parser.parse_args(argv)
    for font in (args.font, args.cjk_font):
        if not font.is_file():
            print(f"Font {font} is missing (Debian: fonts-dejavu-core, ghostscript).", file=sys.stderr)
            return 1
    args.out.mkdir(parents=True, exist_ok=True)
    pictures = {
        "banner.png": banner(args.font, args.font, "你好，世界  Price: $12.50"),
        # B2. Ghostscript's DroidSansFallback has CJK glyphs only: "12.50" comes out as five empty boxes.
        "banner_cjk.png": banner(args.font, args.cjk_font, "你好，世界  价格 12.50 元"),
        "skewed_page.png": skewed_page(args.font),
    }
    for name, image in pictures.items():
        path = args.out / name
        image.save(path, optimize=True)
        print(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.stat().st_size:>7}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
