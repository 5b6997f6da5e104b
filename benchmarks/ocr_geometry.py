"""Measures the OCR box geometry (numpy + Pillow) against RapidOCR's OpenCV + pyclipper DB post-processing.

Not a test and not part of the app: it needs opencv-python-headless and pyclipper, which the playground
deliberately does not depend on, so run it from a throw-away venv that has them (never the project's):

    python3 -m venv /tmp/ocrbench
    /tmp/ocrbench/bin/pip install numpy pillow onnxruntime==1.31.1 onnx==1.23.2 opencv-python-headless pyclipper
    PYTHONPATH=/work/main /tmp/ocrbench/bin/python benchmarks/ocr_geometry.py [--reps 30] [--wheels DIR]

The PP-OCRv4 detector (1 onnxruntime thread) makes real probability maps of the OCR samples; on each,
playground.tasks.ocr_geometry.db_boxes and a port of RapidOCR 1.4.4's DBPostProcess (box mode, "fast"
score, the app's settings) are timed and their boxes compared in map pixels, then stage by stage.
--wheels names a folder with the two wheels (`pip download --no-deps`) to print their download sizes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from importlib import metadata
from pathlib import Path

import cv2
import numpy as np
import onnxruntime as ort
import pyclipper
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playground.core import media  # noqa: E402
from playground.core.catalog import load_catalog  # noqa: E402
from playground.tasks.ocr import OcrTask  # noqa: E402
from playground.tasks.ocr_geometry import box_score, corners, db_boxes, dilate_2x2, min_area_rect, regions, unclip  # noqa: E402

SAMPLES = ROOT / "assets" / "samples"
MATCH_IOU = 0.5  # a pair counts as "matched" from this IoU on (greedy pairs below it are left unmatched)


# The reference: RapidOCR 1.4.4 ch_ppocr_det/utils.py DBPostProcess, box mode, its config.yaml settings.
def ref_mini_box(contour: np.ndarray) -> tuple[np.ndarray, float]:
    """get_mini_boxes: cv2.minAreaRect, corners ordered tl, tr, br, bl by RapidOCR's sort rule."""
    rect = cv2.minAreaRect(contour)
    p = sorted(list(cv2.boxPoints(rect)), key=lambda x: x[0])
    i1, i4 = (0, 1) if p[1][1] > p[0][1] else (1, 0)
    i2, i3 = (2, 3) if p[3][1] > p[2][1] else (3, 2)
    return np.array([p[i1], p[i2], p[i3], p[i4]]), min(rect[1])


def ref_score_fast(prob: np.ndarray, box: np.ndarray) -> float:
    h, w = prob.shape
    box = box.copy()  # box_score_fast, line for line
    xmin = np.clip(np.floor(box[:, 0].min()).astype(np.int32), 0, w - 1)
    xmax = np.clip(np.ceil(box[:, 0].max()).astype(np.int32), 0, w - 1)
    ymin = np.clip(np.floor(box[:, 1].min()).astype(np.int32), 0, h - 1)
    ymax = np.clip(np.ceil(box[:, 1].max()).astype(np.int32), 0, h - 1)
    mask = np.zeros((ymax - ymin + 1, xmax - xmin + 1), dtype=np.uint8)
    box[:, 0] -= xmin
    box[:, 1] -= ymin
    cv2.fillPoly(mask, box.reshape(1, -1, 2).astype(np.int32), 1)
    return cv2.mean(prob[ymin:ymax + 1, xmin:xmax + 1], mask)[0]


def ref_unclip(box: np.ndarray, ratio: float, scale: float = 1.0) -> np.ndarray:
    """RapidOCR takes area and length from shapely's Polygon; the shoelace formula gives the same numbers.

    pyclipper works on integers (it truncates the float corners); scale > 1 is only for unclip_error, to
    show how much of the difference is that rounding.
    """
    x, y = box[:, 0].astype(np.float64), box[:, 1].astype(np.float64)
    area = 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))
    length = np.hypot(*(np.roll(box, -1, axis=0) - box).T.astype(np.float64)).sum()
    offset = pyclipper.PyclipperOffset()
    offset.AddPath(box if scale == 1 else np.round(box * scale), pyclipper.JT_ROUND, pyclipper.ET_CLOSEDPOLYGON)
    grown = np.array(offset.Execute(area * ratio / length * scale)).reshape((-1, 1, 2))
    return grown if scale == 1 else (grown / scale).astype(np.float32)


def ref_boxes(prob: np.ndarray, thresh: float = 0.3, box_thresh: float = 0.5, unclip_ratio: float = 1.6,
              max_candidates: int = 1000, min_size: float = 3) -> list[tuple[np.ndarray, float]]:
    """boxes_from_bitmap, stopping before the scale to the picture's size and the rounding to int32."""
    mask = cv2.dilate((prob > thresh).astype(np.uint8), np.array([[1, 1], [1, 1]], np.uint8))
    contours = cv2.findContours(mask * 255, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)[-2]
    out = []
    for contour in contours[:max_candidates]:
        points, sside = ref_mini_box(contour)
        if sside < min_size:
            continue
        score = ref_score_fast(prob, points.reshape(-1, 2))
        if box_thresh > score:
            continue
        box, sside = ref_mini_box(ref_unclip(points, unclip_ratio))
        if sside < min_size + 2:
            continue
        out.append((box.astype(np.float64), score))
    return out


def probability_maps() -> dict[str, tuple[np.ndarray, float]]:
    """Each sample's map as OcrTask.preprocess feeds it, with the detector's median time in ms."""
    card = load_catalog().get("ppocr-v4")
    options = ort.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    session = ort.InferenceSession(str(card.path("main")), options, providers=["CPUExecutionProvider"])
    skewed = media.decode("image", SAMPLES / "skewed_page.png")
    sources = {"banner": media.decode("image", SAMPLES / "banner.png"),
               "page": media.decode("image", SAMPLES / "page.png"), "skewed_page": skewed,
               "skewed 2x2": media.decode("image", np.ascontiguousarray(np.tile(skewed.pixels, (2, 2, 1))))}
    maps = {}
    for name, data in sources.items():
        feeds, _ = OcrTask().preprocess(data, card, {})
        maps[name] = (session.run(None, feeds)[0][0, 0], median_ms([lambda f: session.run(None, f)], feeds, 5)[0])
    return maps


def median_ms(fns: list, arg: object, reps: int, warmup: int = 2) -> list[float]:
    """Median time of each function, called in turn within every repetition so load drift hits all alike."""
    for fn in fns:
        for _ in range(warmup):
            fn(arg)
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(reps):
        for fn, spent in zip(fns, times):
            start = time.perf_counter()
            fn(arg)
            spent.append(time.perf_counter() - start)
    return [1000 * statistics.median(t) for t in times]


def raster(quad: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    mask = Image.new("1", (shape[1], shape[0]), 0)
    ImageDraw.Draw(mask).polygon([(float(x), float(y)) for x, y in quad], fill=1)
    return np.asarray(mask, dtype=bool)


def corner_distance(a: np.ndarray, b: np.ndarray) -> float:
    """Largest corner-to-corner distance, under the best cyclic relabelling (corner naming may differ)."""
    return min(float(np.hypot(*(a - np.roll(b, k, axis=0)).T).max()) for k in range(4))


def compare(ours: list[tuple[np.ndarray, float]], ref: list[tuple[np.ndarray, float]],
            shape: tuple[int, int]) -> dict[str, float]:
    """Greedy matching by IoU of the rasterised quads: best pair first, each box used at most once."""
    mo, mr = [raster(q, shape) for q, _ in ours], [raster(q, shape) for q, _ in ref]
    pairs = []
    for i, a in enumerate(mo):
        for j, b in enumerate(mr):
            inter = np.count_nonzero(a & b)
            if inter:
                pairs.append((inter / np.count_nonzero(a | b), i, j))
    used_o, used_r, ious, dists, scores = set(), set(), [], [], []
    for iou, i, j in sorted(pairs, reverse=True):
        if iou < MATCH_IOU or i in used_o or j in used_r:
            continue
        used_o.add(i), used_r.add(j)
        ious.append(iou)
        dists.append(corner_distance(ours[i][0], ref[j][0]))
        scores.append(abs(ours[i][1] - ref[j][1]))
    nan = float("nan")
    return {"matched": len(ious), "mean_iou": float(np.mean(ious)) if ious else nan, "min_iou": min(ious, default=nan),
            "max_corner": max(dists, default=nan), "max_score": max(scores, default=nan)}


def score_with_edges(prob: np.ndarray, quad: np.ndarray) -> float:
    """box_score with the outline drawn over the fill: Pillow's fill alone leaves out pixels on slanted
    edges that cv2.fillPoly (the reference) includes, and edge pixels are the low-probability ones."""
    h, w = prob.shape
    x0, y0 = np.clip(np.floor(quad.min(axis=0)).astype(int), 0, [w - 1, h - 1])
    x1, y1 = np.clip(np.ceil(quad.max(axis=0)).astype(int), 0, [w - 1, h - 1])
    mask = Image.new("1", (int(x1 - x0 + 1), int(y1 - y0 + 1)), 0)
    points = [(int(x) - x0, int(y) - y0) for x, y in quad]
    ImageDraw.Draw(mask).polygon(points, fill=1)
    ImageDraw.Draw(mask).line(points + points[:1], fill=1)
    return float(prob[y0:y1 + 1, x0:x1 + 1][np.asarray(mask, dtype=bool)].mean())


def unclip_error(box: np.ndarray, scale: float) -> float:
    """Largest side difference between our closed-form unclip and pyclipper + minAreaRect on one rectangle."""
    w, h = np.hypot(*(box[1] - box[0])), np.hypot(*(box[3] - box[0]))
    grown = sorted(2 * v for v in unclip((w / 2, h / 2), 1.6))
    _, size, _ = cv2.minAreaRect(ref_unclip(box.astype(np.float32), 1.6, scale).astype(np.float32))
    return float(np.abs(np.subtract(grown, sorted(size))).max())


def stages(prob: np.ndarray) -> dict[str, list[float]]:
    """Every candidate region (before any filter) compared stage by stage, each ours with its nearest reference."""
    mask = cv2.dilate((prob > 0.3).astype(np.uint8), np.ones((2, 2), np.uint8))
    refs = [ref_mini_box(c)[0] for c in cv2.findContours(mask, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)[-2]]
    ours = [corners(*min_area_rect(r)) for r in regions(dilate_2x2(prob > 0.3))]
    out: dict[str, list[float]] = {k: [] for k in ("rect", "score", "edges", "unclip", "unclip_x1000")}
    out["count"] = [len(ours), len(refs)]
    for q in ours:
        r = min(refs, key=lambda r: corner_distance(q, r))
        ref_score = ref_score_fast(prob, r)
        out["rect"].append(corner_distance(q, r))
        out["score"].append(abs(box_score(prob, q) - ref_score))
        out["edges"].append(abs(score_with_edges(prob, q) - ref_score))
        out["unclip"].append(unclip_error(r, 1))
        out["unclip_x1000"].append(unclip_error(r, 1000))
    return out


def dist_size(name: str) -> float:
    """Installed size in MB of a distribution, from its RECORD (bundled .libs included)."""
    files = metadata.distribution(name).files or []
    return sum(f.locate().stat().st_size for f in files if f.locate().is_file()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=30, help="timed repetitions per map and method (≥ 20)")
    parser.add_argument("--wheels", type=Path, help="folder with the downloaded opencv and pyclipper wheels")
    args = parser.parse_args()
    reps = max(20, args.reps)
    cv2.setNumThreads(1)  # same footing as the 1-thread session; DB post-processing is serial either way

    print("versions: " + ", ".join(f"{d} {metadata.version(d)}" for d in
                                   ("numpy", "pillow", "onnxruntime", "opencv-python-headless", "pyclipper")))
    maps = probability_maps()
    print(f"\nDB post-processing per map: median ms of {reps} interleaved runs after 2 warm-up; ours = numpy+Pillow"
          f", ref = OpenCV+pyclipper, ratio = ours/ref; det = the detector run itself (median of 5) for scale;"
          f"\nmatched = greedy pairs with IoU ≥ {MATCH_IOU}; corner and score differences over matched pairs")
    head = (f"{'map':<12}{'H×W':>8}{'det ms':>8}{'ours ms':>9}{'ref ms':>8}{'ratio':>7}{'ours':>6}{'ref':>5}"
            f"{'matched':>9}{'mean IoU':>10}{'min IoU':>9}{'max corner px':>15}{'max Δscore':>12}")
    print(head)
    print("-" * len(head))
    pooled: dict[str, list[float]] = {}
    for name, (prob, det_ms) in maps.items():
        ours = db_boxes(prob)
        ref = ref_boxes(prob)
        for key, values in stages(prob).items():
            pooled.setdefault(key, []).extend(values)
        stats = compare([(b.quad, b.score) for b in ours], ref, prob.shape)
        ms_ours, ms_ref = median_ms([db_boxes, ref_boxes], prob, reps)
        print(f"{name:<12}{f'{prob.shape[0]}×{prob.shape[1]}':>8}{det_ms:>8.1f}{ms_ours:>9.2f}{ms_ref:>8.2f}"
              f"{ms_ours / ms_ref:>7.2f}{len(ours):>6}{len(ref):>5}{stats['matched']:>9}{stats['mean_iou']:>10.3f}"
              f"{stats['min_iou']:>9.3f}{stats['max_corner']:>15.2f}{stats['max_score']:>12.4f}")
    n_ours = sum(pooled["count"][::2])
    print(f"\nstage by stage, all {n_ours} candidate regions of the 4 maps (before any filter; "
          f"the reference found {sum(pooled['count'][1::2])}), largest difference:")
    print(f"  min-area rectangle (regions, hull, calipers vs contours, minAreaRect): {max(pooled['rect']):.4f} px")
    print(f"  box score: {max(pooled['score']):.4f} as box_score rasterises (Pillow fill only), "
          f"{max(pooled['edges']):.4f} with the outline drawn too (as fillPoly does)")
    print(f"  unclip (closed form vs pyclipper + minAreaRect, side length): {max(pooled['unclip']):.2f} px as "
          f"RapidOCR calls it (integer corners), {max(pooled['unclip_x1000']):.3f} px with coordinates ×1000")

    print("\ndependency weight the reference would add (the app already ships numpy and Pillow):")
    for dist in ("opencv-python-headless", "pyclipper"):
        line = f"  {dist} {metadata.version(dist)}: {dist_size(dist):.1f} MB installed"
        if args.wheels:
            wheel = sorted(args.wheels.glob(dist.replace("-", "_") + "-*.whl"))
            line += f", wheel {wheel[-1].stat().st_size / 1e6:.1f} MB ({wheel[-1].name})" if wheel else ""
        print(line)


if __name__ == "__main__":
    main()
