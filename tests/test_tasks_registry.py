"""The task table: every bundled card finds its task, unknown names get a sentence, and no Qt is loaded."""

from __future__ import annotations

import subprocess
import sys

import pytest

from playground import paths
from playground.core.card import parse_card
from playground.core.errors import ModelCardError
from playground.core.results import RESULT_TYPES
from playground.tasks.registry import TASKS, get_task

CARDS = sorted(paths.models_dir().glob("*/model.toml"))

OWN_TASKS = {"tensors", "picture_tensors", "sound_tensors"}  # tests/test_own_models.py keeps a model for each


def test_every_registered_task_is_used_by_a_card_and_found_by_its_name():
    # No task without a model to run it: a shipped one, or (the tasks of the models a person adds) one they keep.
    assert set(TASKS) == {parse_card(path).task for path in CARDS} | OWN_TASKS
    for name, task in TASKS.items():
        assert get_task(name) is task
        assert task.input_kind in ("image", "audio", "text", "made") and task.result_type in RESULT_TYPES


@pytest.mark.parametrize("card_path", CARDS, ids=[p.parent.name for p in CARDS])
def test_every_bundled_card_names_a_task_for_its_kind_of_input(card_path):
    card = parse_card(card_path)
    assert get_task(card.task).input_kind == card.modality


def test_an_unknown_task_is_a_plain_sentence():
    known = ", ".join(sorted(TASKS))
    with pytest.raises(ModelCardError, match=rf"no task called 'teleport' \(it has: {known}\); the model may need "
                                             r"a newer version of the playground\.$"):
        get_task("teleport")


def test_tasks_import_without_qt():
    code = ("import sys, playground.tasks.registry; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
