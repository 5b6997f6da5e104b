"""The controller with fake tasks and tiny ONNX models: single flight, cancel, errors, repeat, settings."""

from __future__ import annotations

import logging
import threading
import time

import numpy as np
import pytest
from onnx import TensorProto, helper
from PySide6.QtCore import QCoreApplication, Qt

from playground.core.catalog import load_catalog
from playground.core.errors import InputError, ModelCardError
from playground.core.results import Label, Labels
from playground.ui.controller import Controller
from playground.ui.settings import Settings
from tests.tiny_models import scale_model, write_card

SLOW_SIDE = 1000  # with the chain below, one run on this side takes minutes: only terminate ends it early


def chain_model(depth: int = 2400):
    """MatMul+Tanh chain on an N×N input: instant for N=4, minutes for N=1000."""
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", "N"])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", "N"])
    nodes, prev = [], "x"
    for i in range(depth):
        nodes += [helper.make_node("MatMul", [prev, "x"], [f"m{i}"], name=f"matmul{i}"),
                  helper.make_node("Tanh", [f"m{i}"], [f"t{i}"], name=f"tanh{i}")]
        prev = f"t{i}"
    nodes.append(helper.make_node("Identity", [prev], ["y"], name="out"))
    return helper.make_model(helper.make_graph(nodes, "chain", [x], [y]),
                             opset_imports=[helper.make_opsetid("", 17)], ir_version=8)


class EchoTask:
    """Runs the chain on a side chosen by the text; 'bad input' and 'bug' fail the way real tasks can."""

    input_kind = "text"
    result_type = Labels

    def __init__(self) -> None:
        self.in_session = threading.Event()

    def preprocess(self, data, card, params):
        if data.text == "bad input":
            raise InputError("This text cannot be used: type at least one word.")
        if data.text == "bug":
            raise ValueError("an unexpected bug")
        side = SLOW_SIDE if data.text == "slow" else 4
        return {"x": np.full((side, side), 0.001, np.float32)}, data.text

    def infer(self, runner, feeds, ctx):
        if ctx == "slow":
            self.in_session.set()
        return runner.run(feeds)

    def postprocess(self, outputs, ctx, card, params):
        return Labels((Label(ctx, float(params["gain"])),))


@pytest.fixture
def setup(qtbot, tmp_path):
    write_card(tmp_path, "chain", chain_model(), task="echo")
    write_card(tmp_path, "scale", scale_model(), task="nothing-like-this")
    task = EchoTask()

    def lookup(name):
        if name == "echo":
            return task
        raise ModelCardError(f"This playground has no task called '{name}'.")

    controller = Controller(Settings(), load_catalog(tmp_path), lookup)
    controller.auto_run = False
    log = {"results": [], "failed": [], "cancelled": 0, "rejected": []}
    controller.result_ready.connect(lambda o: log["results"].append(o))
    controller.run_failed.connect(lambda s: log["failed"].append(s))
    controller.input_rejected.connect(lambda s: log["rejected"].append(s))
    controller.run_cancelled.connect(lambda: log.__setitem__("cancelled", log["cancelled"] + 1))
    controller.select_model("chain")
    yield controller, task, log
    controller.cancel()
    assert controller.shutdown(10.0)


def labels(log) -> list[str]:
    return [o.result.items[0].name for o in log["results"]]


def test_a_run_gives_a_result_a_cold_record_and_a_status_line(qtbot, setup):
    controller, _, log = setup
    controller.set_text("hello")
    statuses: list[str] = []
    controller.status_changed.connect(statuses.append)
    assert controller.run()
    qtbot.waitUntil(lambda: bool(log["results"]))
    assert labels(log) == ["hello"]
    [record] = controller.history.records
    assert record.cold and record.load_ns > 0 and record.threads == 1
    assert "cold" in statuses[-1] and "model loaded in" in statuses[-1]
    qtbot.waitUntil(lambda: not controller.busy)


def test_the_controller_times_the_drawing_as_the_runs_last_stage(qtbot, setup):
    controller, _, log = setup
    controller.draw_requested.connect(lambda outcome: time.sleep(0.005))  # a view that takes 5 ms to draw
    controller.set_text("hello")
    controller.run()
    qtbot.waitUntil(lambda: bool(log["results"]))
    assert 5.0 <= controller.history.records[-1].ms("render") < 1000
    assert controller.history.stage_ms["render"].last() == controller.history.records[-1].ms("render")


def test_cancel_stops_a_long_session_run_midway_and_the_next_run_works(qtbot, setup):
    controller, task, log = setup
    controller.set_text("slow")
    controller.run()
    assert task.in_session.wait(30), "the slow run never reached session.run"
    controller.cancel()  # a full run would take minutes: only RunOptions.terminate can end it now
    qtbot.waitUntil(lambda: log["cancelled"] == 1, timeout=30_000)
    assert not controller.busy and log["failed"] == [] and log["results"] == []
    controller.set_text("again")
    controller.run()
    qtbot.waitUntil(lambda: bool(log["results"]), timeout=30_000)
    assert labels(log) == ["again"]


def test_a_new_run_cancels_the_one_in_flight_and_its_result_never_shows(qtbot, setup):
    controller, task, log = setup
    controller.auto_run = True  # a new input starts a run on its own, as in the window
    controller.set_text("slow")
    assert task.in_session.wait(30)
    controller.set_text("quick")
    qtbot.waitUntil(lambda: bool(log["results"]), timeout=30_000)
    qtbot.waitUntil(lambda: not controller.busy, timeout=30_000)
    assert labels(log) == ["quick"]
    assert log["cancelled"] == 0 and log["failed"] == []  # the superseded run's end is stale news


def test_errors_become_one_sentence_and_the_controller_keeps_working(qtbot, setup, caplog):
    controller, _, log = setup
    controller.set_text("bad input")
    controller.run()
    qtbot.waitUntil(lambda: bool(log["failed"]))
    assert log["failed"] == ["This text cannot be used: type at least one word."]
    with caplog.at_level(logging.ERROR):
        controller.set_text("bug")
        controller.run()
        qtbot.waitUntil(lambda: len(log["failed"]) == 2)
    sentence = log["failed"][1]
    assert sentence.startswith("Something unexpected went wrong") and "\n" not in sentence
    assert "Traceback" not in sentence and "ValueError" in caplog.text  # the details went to the log
    controller.set_text("fine")
    controller.run()
    qtbot.waitUntil(lambda: bool(log["results"]))
    assert labels(log) == ["fine"]


def test_repeat_runs_one_after_another_and_stops_cleanly(qtbot, setup):
    controller, _, log = setup
    controller.set_text("loop")
    states: list[bool] = []
    controller.repeat_changed.connect(states.append)
    controller.set_repeat(True)
    qtbot.waitUntil(lambda: len(log["results"]) >= 5, timeout=30_000)
    controller.set_repeat(False)
    qtbot.waitUntil(lambda: not controller.busy, timeout=30_000)
    generation = controller.jobs.generation
    for _ in range(20):
        QCoreApplication.processEvents()
    assert controller.jobs.generation == generation, "a run started after repeat was switched off"
    assert states == [True, False] and log["failed"] == []
    records = controller.history.records
    assert records[0].cold and not any(r.cold for r in records[1:])
    assert [r.run_index for r in records] == list(range(len(records)))


def test_stop_ends_repeat_and_the_run_in_flight(qtbot, setup):
    controller, task, log = setup
    controller.set_text("slow")
    controller.set_repeat(True)
    assert task.in_session.wait(30)
    controller.cancel()
    qtbot.waitUntil(lambda: not controller.busy, timeout=30_000)
    assert controller.repeat is False and log["cancelled"] == 1


def test_repeat_stops_at_the_first_error(qtbot, setup):
    controller, _, log = setup
    controller.set_text("bad input")
    controller.set_repeat(True)
    qtbot.waitUntil(lambda: bool(log["failed"]))
    assert controller.repeat is False


def test_run_says_what_is_missing_before_starting(qtbot, setup, tmp_path):
    controller, _, log = setup
    assert not controller.run()
    assert log["failed"][-1].startswith("Give Tiny chain some text first")
    controller.set_text("x")
    (tmp_path / "chain" / "main.onnx").unlink()
    assert not controller.run()
    assert log["failed"][-1] == ("Tiny chain is not installed yet: press Download in the middle of the window.")


def test_a_card_with_an_unknown_task_says_so_plainly(qtbot, setup):
    controller, _, log = setup
    controller.select_model("scale")
    controller.set_text("x")
    assert not controller.run()
    assert log["failed"][-1] == "This playground has no task called 'nothing-like-this'."


def test_wrong_kinds_of_input_and_bad_knob_values_are_refused_with_a_sentence(qtbot, setup, tmp_path):
    controller, _, log = setup
    controller.set_input(np.zeros((4, 4, 4), np.uint8), "pasted image", "paste")
    assert log["rejected"][-1] == ("Tiny chain needs some text, but this is a picture: "
                                   "open or paste some text instead.")
    assert controller.input is None
    controller.set_input(tmp_path / "missing.txt")
    assert log["rejected"][-1].endswith("missing.txt does not exist: choose another file.")
    controller.set_param("gain", 50)
    assert "between 0.0 and 10.0" in log["rejected"][-1]
    assert controller.params["gain"] == 1.0


def test_a_knob_change_reaches_the_next_result(qtbot, setup):
    controller, _, log = setup
    controller.set_text("knob")
    controller.set_param("gain", 2.5)
    controller.run()
    qtbot.waitUntil(lambda: bool(log["results"]))
    assert log["results"][0].result.items[0].score == 2.5


def test_threads_are_saved_and_the_next_run_loads_a_fresh_session(qtbot, setup):
    controller, _, log = setup
    controller.set_text("t")
    controller.run()
    qtbot.waitUntil(lambda: len(log["results"]) == 1)
    controller.set_threads(2)
    assert Settings().threads == 2
    controller.run()
    qtbot.waitUntil(lambda: len(log["results"]) == 2)
    second = log["results"][1].record
    assert second.threads == 2 and second.cold and second.load_ns > 0


def test_selecting_another_model_clears_the_history_and_is_remembered(qtbot, setup):
    controller, _, log = setup
    controller.set_text("h")
    controller.run()
    qtbot.waitUntil(lambda: bool(log["results"]))
    controller.select_model("scale")
    assert len(controller.history) == 0 and Settings().last_model == "scale"
    assert controller.input is not None  # text stays: the other model takes text too
    controller.select_model("no-such-model")
    assert "no model called 'no-such-model'" in log["rejected"][-1]
    assert controller.card.id == "scale"


def finish_unseen(controller, text: str) -> None:
    """Run `text` to the end, leaving its report queued for the GUI thread, not yet handled."""
    finished = threading.Event()
    controller.jobs._delivered.connect(lambda g, kind, p: finished.set() if kind == "finished" else None,
                                       Qt.ConnectionType.DirectConnection)
    controller.set_text(text)
    controller.run()
    assert finished.wait(30)


@pytest.mark.parametrize("move_on", ["switch model", "empty the text box"])
def test_a_result_arriving_after_moving_on_is_dropped(qtbot, setup, move_on):
    controller, _, log = setup
    statuses: list[str] = []
    controller.status_changed.connect(statuses.append)
    finish_unseen(controller, "old")
    if move_on == "switch model":
        controller.select_model("scale")
    else:
        controller.set_text("")
    for _ in range(5):
        QCoreApplication.processEvents()
    assert log["results"] == [] and log["cancelled"] == 0 and controller.last_outcome is None
    assert len(controller.history) == 0 and not controller.busy
    assert not any("Running" in s or "Stopped" in s for s in statuses[-1:])
    if move_on == "empty the text box":
        controller.set_text("new")
        controller.run()
        qtbot.waitUntil(lambda: bool(log["results"]))
        assert labels(log) == ["new"] and len(controller.history) == 1


def test_one_run_is_one_history_update_including_the_drawing_time(qtbot, setup):
    controller, _, log = setup
    updates: list[float] = []
    controller.draw_requested.connect(lambda outcome: time.sleep(0.003))  # as the window draws
    controller.history_changed.connect(lambda: updates.append(controller.history.records[-1].ms("render")))
    controller.set_text("once")
    controller.run()
    qtbot.waitUntil(lambda: bool(log["results"]))
    assert len(updates) == 1 and updates[0] >= 3.0


def test_a_model_fetched_or_removed_meanwhile_is_noticed(qtbot, setup, tmp_path):
    controller, _, log = setup
    shown: list[object] = []
    statuses: list[str] = []
    news: list[int] = []
    controller.model_changed.connect(shown.append)
    controller.status_changed.connect(statuses.append)
    controller.installed_changed.connect(lambda: news.append(1))
    controller.recheck_installed()
    assert shown == [] and news == []  # nothing changed: nothing redrawn
    model = tmp_path / "chain" / "main.onnx"
    kept = model.read_bytes()
    model.unlink()
    controller.select_model("chain")  # choosing it again looks again
    assert [card.id for card in shown] == ["chain"] and news == [1]
    assert statuses[-1] == "Tiny chain is not installed yet: press Download in the middle of the window."
    model.write_bytes(kept)
    controller.recheck_installed()
    assert len(shown) == 2 and news == [1, 1] and not statuses[-1].endswith("fetch chain'.")


def test_shutdown_twice_does_its_work_once(qtbot, setup, monkeypatch):
    controller, _, _ = setup
    synced: list[int] = []
    monkeypatch.setattr(controller.settings, "sync", lambda: synced.append(1))
    assert controller.shutdown(10.0) and controller.shutdown(10.0)
    assert synced == [1]
