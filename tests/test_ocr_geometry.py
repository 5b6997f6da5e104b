"""OCR box geometry on made-up maps: regions, rectangles, the unclip rule, corner order and line crops.

tests/test_ocr_parts.py covers one tilted box and the reading order; these pin the pieces underneath,
against brute-force or closed-form answers, so a faster rewrite of any of them cannot drift silently.
"""

from __future__ import annotations

from collections import deque

import numpy as np
import pytest
from PIL import Image, ImageDraw

from playground.tasks.ocr_geometry import (
    TextBox,
    corners,
    crop_line,
    db_boxes,
    dilate_2x2,
    min_area_rect,
    regions,
    to_image,
    unclip,
)


def flood_fill_regions(mask: np.ndarray) -> list[set[tuple[int, int]]]:
    """8-connected regions by breadth-first search: slow, obviously right."""
    seen = np.zeros_like(mask, bool)
    found = []
    h, w = mask.shape
    for y0, x0 in zip(*np.nonzero(mask)):
        if seen[y0, x0]:
            continue
        region, todo = set(), deque([(y0, x0)])
        seen[y0, x0] = True
        while todo:
            y, x = todo.popleft()
            region.add((int(x), int(y)))
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    ny, nx = y + dy, x + dx
                    if 0 <= ny < h and 0 <= nx < w and mask[ny, nx] and not seen[ny, nx]:
                        seen[ny, nx] = True
                        todo.append((ny, nx))
        found.append(region)
    return found


def sorted_points(points: np.ndarray) -> np.ndarray:
    """min_area_rect takes points sorted by (y, x), as regions() returns them."""
    points = np.asarray(points, np.float64)
    return points[np.lexsort((points[:, 0], points[:, 1]))]


@pytest.mark.parametrize("seed", range(6))
def test_regions_are_the_8_connected_components_with_each_rows_outermost_pixels(seed):
    rng = np.random.default_rng(seed)
    mask = rng.random((40, 60)) < (0.35 + 0.05 * seed)  # from scattered specks to one tangled web
    expected = flood_fill_regions(mask)
    got = regions(mask)
    assert len(got) == len(expected)
    for points, region in zip(got, expected):  # both in raster order of their first pixel
        rows: dict[int, list[int]] = {}
        for x, y in region:
            rows.setdefault(y, []).append(x)
        outermost = sorted((y, x) for y, xs in rows.items() for x in {min(xs), max(xs)})
        assert sorted({(int(y), int(x)) for x, y in points}) == outermost


def test_touching_only_at_a_corner_is_one_region_and_a_u_shape_joins_from_below():
    mask = np.zeros((8, 12), bool)
    mask[1, 1] = mask[2, 2] = True  # diagonal neighbours: one region, as OpenCV's contours see it
    mask[1:6, 6] = mask[1:6, 10] = mask[5, 6:11] = True  # a U whose arms meet only in the bottom row
    assert len(regions(mask)) == 2
    assert regions(np.zeros((5, 5), bool)) == []


def test_dilation_spreads_each_pixel_right_and_down_like_opencvs_2x2_kernel():
    mask = np.zeros((5, 5), bool)
    mask[2, 2] = True
    grown = dilate_2x2(mask)
    assert sorted(zip(*np.nonzero(grown))) == [(2, 2), (2, 3), (3, 2), (3, 3)]
    edge = np.zeros((3, 3), bool)
    edge[2, 2] = True
    assert dilate_2x2(edge).sum() == 1  # nothing spills past the border


@pytest.mark.parametrize("angle", [-40, -12, 0, 7, 33])
def test_the_min_area_rectangle_of_a_tilted_rectangle_is_itself_with_corners_named_on_screen(angle):
    theta = np.radians(angle)
    u, n = np.array([np.cos(theta), np.sin(theta)]), np.array([-np.sin(theta), np.cos(theta)])
    centre, half = np.array([100.0, 80.0]), (60.0, 9.0)
    quad = corners(centre, np.stack([u, n]), half)
    c, axes, h = min_area_rect(sorted_points(quad))
    assert c == pytest.approx(centre) and h == pytest.approx(half)
    tl, tr, br, bl = corners(c, axes, h)
    assert tl[0] < tr[0] and bl[0] < br[0] and tl[1] < bl[1] and tr[1] < br[1]  # left/right, top/bottom
    assert np.allclose(corners(c, axes, h), quad)


def test_a_tall_column_keeps_its_long_side_vertical_and_single_points_or_lines_do_not_fail():
    column = corners(np.array([50.0, 100.0]), np.eye(2), (8.0, 60.0))  # 16 wide, 120 tall
    _, axes, half = min_area_rect(sorted_points(column))
    assert abs(axes[0][0]) == pytest.approx(1.0) and half == pytest.approx((8.0, 60.0))
    assert min_area_rect(np.array([[3.0, 4.0]]))[2] == (0.0, 0.0)
    _, _, flat = min_area_rect(sorted_points([[0, 5], [10, 5], [20, 5]]))
    assert flat == pytest.approx((10.0, 0.0))


@pytest.mark.parametrize(("w", "h", "angle"), [(100, 16, 0), (300, 30, -9), (24, 24, 20), (12, 60, 0)])
def test_unclip_equals_the_min_area_rectangle_of_the_round_offset_polygon(w, h, angle):
    """DB grows a box by offsetting its polygon with round joins (pyclipper) and re-fitting a rectangle.

    The round offset of a rectangle is its Minkowski sum with a disc of radius d; sampled finely, its
    min-area rectangle must be the closed-form growth of every side by d.
    """
    d = w * h * 1.6 / (2 * (w + h))
    theta = np.radians(angle)
    axes = np.array([[np.cos(theta), np.sin(theta)], [-np.sin(theta), np.cos(theta)]])
    quad = corners(np.array([200.0, 150.0]), axes, (w / 2, h / 2))
    circle = d * np.stack([np.cos(a := np.linspace(0, 2 * np.pi, 720, endpoint=False)), np.sin(a)], axis=1)
    offset = (quad[:, None, :] + circle[None]).reshape(-1, 2)
    _, _, half = min_area_rect(sorted_points(offset))
    grown = unclip((w / 2, h / 2), 1.6)
    assert grown == pytest.approx((w / 2 + d, h / 2 + d))
    assert sorted(half) == pytest.approx(sorted(grown), abs=0.01)


def test_weak_thin_or_empty_maps_give_no_boxes():
    assert db_boxes(np.zeros((64, 64), np.float32)) == []
    prob = np.zeros((64, 128), np.float32)
    prob[10:12, 10:100] = 0.95  # a hairline: thinner than 3 pixels even after dilation
    prob[30:50, 10:100] = 0.45  # above the 0.3 threshold but below the 0.5 box score
    assert db_boxes(prob) == []
    prob[30:50, 10:100] = 0.8
    (box,) = db_boxes(prob)
    # Dilation adds a row and a column of zeros to the region, and the score averages over them too.
    assert box.score == pytest.approx(0.8 * (20 * 90) / (21 * 91), abs=1e-4)


def test_boxes_scale_to_the_pictures_pixels_and_stay_inside_it():
    quad = np.array([[-3.0, 2.0], [50.0, 2.0], [50.0, 20.0], [-3.0, 20.0]])
    (box,) = to_image([TextBox(quad, 0.9)], map_size=(64, 32), image_size=(128, 48))
    assert box.quad.tolist() == [[0, 3], [100, 3], [100, 30], [0, 30]] and box.score == 0.9


def test_a_tilted_line_is_cut_out_upright_and_a_column_is_laid_down():
    picture = Image.new("RGB", (300, 200), "white")
    theta = np.radians(-12)
    axes = np.array([[np.cos(theta), np.sin(theta)], [-np.sin(theta), np.cos(theta)]])
    bar = corners(np.array([150.0, 100.0]), axes, (100.0, 10.0))
    ImageDraw.Draw(picture).polygon([tuple(p) for p in bar], fill="black")
    strip = crop_line(picture, corners(np.array([150.0, 100.0]), axes, (110.0, 20.0)))
    assert strip.size == (220, 40)
    grey = np.asarray(strip.convert("L"), float)
    assert grey[14:26, 15:205].mean() < 40  # the whole bar lies along the strip's middle
    assert grey[:6].mean() > 215 and grey[-6:].mean() > 215  # nothing of it above or below

    column = crop_line(picture, np.array([[10.0, 10.0], [30.0, 10.0], [30.0, 110.0], [10.0, 110.0]]))
    assert column.size == (100, 20)  # 20 × 100 up-down column turned into a 100 × 20 line
