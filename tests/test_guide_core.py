"""The tour's data and checks, away from the window: a broken tour file is one sentence, and the int8 step
says whether the answer changed."""

from __future__ import annotations

import pytest

from playground.core.errors import ModelCardError
from playground.core.guide import CHECKS, GuideState, int8_sentence, load_guide


def state(**kw) -> GuideState:
    base = dict(model_id="m-int8", tags=("int8",), task="classify", runs=1, warm_runs=0, threads_run=frozenset({1}),
                answers={})
    return GuideState(**{**base, **kw})


def test_the_checks_read_what_the_window_holds():
    assert CHECKS["classifier_chosen"](state()) and not CHECKS["classifier_chosen"](state(task="ocr"))
    assert CHECKS["ran_int8"](state()) and not CHECKS["ran_int8"](state(tags=("float32",)))
    assert not CHECKS["ran_two_threads"](state()) and CHECKS["ran_two_threads"](state(threads_run=frozenset({1, 2})))


def test_the_int8_step_says_whether_the_answer_changed():
    same = state(answers={"m": "bobsled", "m-int8": "bobsled"})
    assert int8_sentence(same, "m").startswith("The int8 twin said the same as before: bobsled.")
    moved = state(answers={"m": "bobsled", "m-int8": "toboggan"})
    assert int8_sentence(moved, "m").startswith("The answer changed: bobsled before, toboggan now.")
    assert int8_sentence(state(answers={"m-int8": "toboggan"}), "m") == "The int8 twin answered: toboggan."


@pytest.mark.parametrize("text, words", [("[[step]]\ntitle = 'x'\n", "could not be read"),
                                         ("[[step]]\ntitle='x'\ntext='y'\ndone='fly'\ndone_text='z'\n", "['fly']"),
                                         ("not toml at all [", "could not be read")])
def test_a_broken_tour_file_is_one_sentence(tmp_path, text, words):
    path = tmp_path / "guide.toml"
    path.write_text(text)
    with pytest.raises(ModelCardError, match="reinstall the playground|checks the playground does not have") as exc:
        load_guide(path)
    assert words in str(exc.value)
