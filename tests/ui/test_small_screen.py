"""The window fits a 1024 × 640 screen whatever model it shows, and does not grow with the models seen before."""

from __future__ import annotations

import time

import pytest

from playground.paths import samples_dir
from playground.ui.samples import sample_files

SMALL_SCREEN = (1024, 640)


@pytest.mark.models
def test_every_model_fits_a_small_screen_after_its_answer_and_after_the_others(make_window, qtbot):
    controller, window = make_window(model_id="magika")
    installed = [card for card in controller.catalog.cards if controller.installed(card)]
    if len(installed) < 5:
        pytest.skip("fewer than five models are fetched: run 'playground models fetch'")
    too_big: list[str] = []
    for card in installed:  # each one after every model before it: no view made earlier may hold the size
        controller.select_model(card.id)
        files = sample_files(card)
        if files:
            controller.set_input(files[0], files[0].name, "sample")
            deadline = time.monotonic() + 60
            qtbot.waitUntil(lambda: not controller.busy or time.monotonic() > deadline, timeout=65_000)
        window.resize(*SMALL_SCREEN)
        qtbot.wait(50)
        least = window.minimumSizeHint()
        if least.width() > SMALL_SCREEN[0] or least.height() > SMALL_SCREEN[1]:
            too_big.append(f"{card.id}: {least.width()} × {least.height()}")
    assert too_big == [], "the window cannot be made as small as 1024 × 640 for: " + ", ".join(too_big)


def test_the_chosen_model_is_shown_whole_in_the_list(make_window, qtbot):
    controller, window = make_window(model_id="magika")
    window.resize(*SMALL_SCREEN)
    tree = window.picker.tree
    for model_id in ("centerface", "whisper-tiny-en", "langid", "smollm2-135m-int8"):
        if model_id not in controller.catalog.ids:
            continue
        controller.select_model(model_id)
        qtbot.wait(50)
        rect = tree.visualItemRect(tree.currentItem())
        assert tree.viewport().rect().contains(rect), f"{model_id} is not shown whole in the list"


@pytest.mark.parametrize("size", [(1440, 900), SMALL_SCREEN])
def test_the_left_column_keeps_its_width_whatever_model_is_chosen(make_window, qtbot, size):
    # The card's "Try the same input with …" button names another model: its length must not move the columns.
    controller, window = make_window(model_id="magika")
    window.resize(*size)
    qtbot.wait(50)
    widths = {}
    for card in controller.catalog.cards:
        controller.select_model(card.id)
        qtbot.wait(20)
        widths[card.id] = window.splitters["main"].sizes()[0]
    assert len(set(widths.values())) == 1, f"the left column changes width: {widths}"


@pytest.mark.models
def test_a_photos_answer_fits_a_small_screen_without_scrolling(make_window, qtbot):
    # The scroll area sizes a view to its least height, not its preferred one: the list and the buttons
    # under a picture stay on screen when they fit.
    controller, window = make_window(model_id="efficientnet-lite0")
    window.resize(*SMALL_SCREEN)
    controller.set_input(samples_dir() / "coffee.png", "coffee.png", "sample")
    qtbot.waitUntil(lambda: window.result_area.current_view is not None and not controller.busy, timeout=30_000)
    qtbot.wait(50)
    view = window.result_area.current_view
    assert view.height() <= view.parentWidget().height()  # nothing below the fold
    buttons = view.action_buttons()
    assert buttons and all(b.isVisible() and b.geometry().bottom() < view.height() for b in buttons)
