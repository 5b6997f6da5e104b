"""The window fits a 1024 × 640 screen whatever model it shows, and does not grow with the models seen before."""

from __future__ import annotations

import time

import pytest

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
