"""The timed pipeline: stage clocks, cold run, session cache, card checks, cancel of an in-flight run."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from playground.core.cancel import CancelToken
from playground.core.card import parse_card
from playground.core.errors import Cancelled, InputError, ModelCardError, ModelMissingError
from playground.core.media import TextData
from playground.core.pipeline import Pipeline
from playground.core.session import RuntimeOptions
from playground.core.task import RunRequest
from playground.core.timing import STAGES, percentile
from tests.tiny_models import ScaleTask, scale_model, slow_model, write_card


def test_run_gives_the_result_and_every_stage_time(scale_card):
    outcome = Pipeline().run(RunRequest(scale_card, ScaleTask(), TextData("abc"), {"gain": 0.5}))
    assert outcome.result == pytest.approx(3 * 2 * 4 * 0.5)
    record = outcome.record
    assert [s for s in STAGES if s in record.stages_ns] == ["decode", "preprocess", "model", "postprocess"]
    assert all(record.stages_ns[s] > 0 for s in ("preprocess", "model", "postprocess"))
    assert len(record.session_runs_ns) == 1 and record.session_runs_ns[0] <= record.stages_ns["model"]
    assert record.cold and record.load_ns > 0 and record.threads == 1


def test_second_run_is_warm_and_does_not_pay_the_load_again(scale_card):
    pipeline = Pipeline()
    first = pipeline.run(RunRequest(scale_card, ScaleTask(), TextData("a"))).record
    second = pipeline.run(RunRequest(scale_card, ScaleTask(), TextData("a"))).record
    assert first.cold and not second.cold
    assert second.run_index == 1 and second.load_ns == 0
    pipeline.sessions.evict(scale_card.id)
    assert pipeline.run(RunRequest(scale_card, ScaleTask(), TextData("a"))).record.cold


def test_render_time_is_added_by_the_view(scale_card):
    record = Pipeline().run(RunRequest(scale_card, ScaleTask(), TextData("a"))).record
    drawn = record.with_render(5_000_000)
    assert drawn.ms("render") == 5.0 and drawn.total_ns == record.total_ns + 5_000_000


def test_tap_sees_every_session_run(scale_card):
    seen = []
    Pipeline().run(RunRequest(scale_card, ScaleTask(), TextData("ab")),
                   tap=lambda role, feeds, out: seen.append(feeds["x"][0, 0]))
    assert seen == [2.0]


def test_a_missing_model_file_says_how_to_fetch_it(scale_card):
    scale_card.path().unlink()
    with pytest.raises(ModelMissingError, match="playground models fetch scale"):
        Pipeline().run(RunRequest(scale_card, ScaleTask(), TextData("a")))


def test_a_changed_model_file_is_refused_with_both_hashes(scale_card):
    scale_card.path().write_bytes(b"not the model")
    with pytest.raises(ModelMissingError, match=scale_card.file("main").sha256):
        Pipeline().run(RunRequest(scale_card, ScaleTask(), TextData("a")))


def test_card_io_that_disagrees_with_the_model_is_reported(tmp_path):
    wrong = '[[inputs]]\nname = "x"\ndtype = "int64"\nshape = ["N", 4]\n'
    card = parse_card(write_card(tmp_path, "wrong", scale_model(), inputs=wrong))
    with pytest.raises(ModelCardError, match="'x' is declared int64, but the model says float32"):
        Pipeline().run(RunRequest(card, ScaleTask(), TextData("a")))


def test_onnxruntime_errors_become_one_sentence(scale_card):
    class BadShape(ScaleTask):
        def preprocess(self, data, card, params):
            return {"x": np.zeros((1, 3), np.float32)}, 1.0

    with pytest.raises(InputError, match="^The model could not run on this input"):
        Pipeline().run(RunRequest(scale_card, BadShape(), TextData("a")))


def test_cancel_before_the_run_stops_between_steps(scale_card):
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        Pipeline().run(RunRequest(scale_card, ScaleTask(), TextData("a")), token=token)


def test_cancel_terminates_a_session_run_in_flight(tmp_path):
    card = parse_card(write_card(tmp_path, "slow", slow_model()))
    finished = []

    class SlowTask(ScaleTask):
        def preprocess(self, data, card, params):
            return {"x": np.full((1000, 1000), 0.001, np.float32)}, None

        def infer(self, runner, feeds, ctx):
            out = runner.run(feeds)
            finished.append(True)  # reached only if session.run ran to the end
            return out

    token = CancelToken()
    started = threading.Event()
    pipeline = Pipeline()
    pipeline.sessions.get(card, pipeline.options)  # load first, so the cancel lands inside session.run
    timer = threading.Timer(0.0, lambda: (started.wait(), token.cancel()))
    timer.start()
    with pytest.raises(Cancelled):
        pipeline.run(RunRequest(card, SlowTask(), TextData("a")), token=token, tap=lambda *a: started.set())
    timer.join()
    assert finished == []


def test_percentile_is_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50.0 and percentile(values, 95) == 95.0 and percentile([], 50) == 0.0
    assert percentile([3.0], 99) == 3.0


def test_a_run_that_fails_leaves_the_session_cold_with_its_load_time_for_the_next(scale_card):
    class Refuses(ScaleTask):
        def preprocess(self, data, card, params):
            raise InputError("This input cannot be used.")

    pipeline = Pipeline()
    with pytest.raises(InputError):
        pipeline.run(RunRequest(scale_card, Refuses(), TextData("a")))
    record = pipeline.run(RunRequest(scale_card, ScaleTask(), TextData("a"))).record
    assert record.cold and record.load_ns > 0
    assert not pipeline.run(RunRequest(scale_card, ScaleTask(), TextData("a"))).record.cold


def test_a_model_file_onnxruntime_cannot_open_is_one_sentence(tmp_path):
    card = parse_card(write_card(tmp_path, "garbage", scale_model()))
    card.path().write_bytes(b"\x00not a protobuf\xff" * 50)
    text = card.folder.joinpath("model.toml").read_text()
    card.folder.joinpath("model.toml").write_text(text.replace(card.file("main").sha256, sha256(card.path())))
    with pytest.raises(ModelMissingError) as caught:
        Pipeline().run(RunRequest(parse_card(card.folder / "model.toml"), ScaleTask(), TextData("a")))
    message = str(caught.value)
    assert message.startswith("onnxruntime could not open main.onnx of Tiny garbage (")
    assert message.endswith("run 'playground models fetch garbage' to rebuild it.") and "\n" not in message


def test_reopening_a_session_hashes_the_files_again_only_if_they_changed(scale_card, monkeypatch):
    from playground.core import session

    hashed = []
    real = session.sha256_of
    monkeypatch.setattr(session, "sha256_of", lambda path: hashed.append(path.name) or real(path))
    pipeline = Pipeline()
    pipeline.run(RunRequest(scale_card, ScaleTask(), TextData("a")))
    pipeline.sessions.evict()  # as a new thread count does
    pipeline.run(RunRequest(scale_card, ScaleTask(), TextData("a")))
    assert hashed == ["main.onnx"]
    scale_card.path().write_bytes(b"changed on disk")
    pipeline.sessions.evict()
    with pytest.raises(ModelMissingError, match="has sha256"):
        pipeline.run(RunRequest(scale_card, ScaleTask(), TextData("a")))


def sha256(path):
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_run_cpu_time_leaves_out_the_session_load(scale_card, monkeypatch):
    import time

    from playground.core.session import SessionCache

    cpu = [0]

    def process_time_ns():
        cpu[0] += 1_000  # every look at the clock: 1 µs of work
        return cpu[0]

    real_get = SessionCache.get

    def slow_get(self, card, options, role="main"):
        cpu[0] += 5_000_000_000  # opening the session: 5 s of CPU
        return real_get(self, card, options, role)

    monkeypatch.setattr(time, "process_time_ns", process_time_ns)
    monkeypatch.setattr(SessionCache, "get", slow_get)
    record = Pipeline().run(RunRequest(scale_card, ScaleTask(), TextData("a"))).record
    assert record.cold and 0 < record.cpu_ns < 1_000_000


def test_worker_threads_spin_only_while_a_run_lasts():
    from playground.core.session import RuntimeOptions

    def entry(options: RuntimeOptions, key: str) -> str:
        return options.session_options().get_session_config_entry(key)

    # Spinning within a run saves a wake-up per parallel step; stopping at its end leaves the window's core alone.
    two = RuntimeOptions(threads=2)
    assert entry(two, "session.intra_op.allow_spinning") == "1" and entry(two, "session.force_spinning_stop") == "1"
    assert entry(RuntimeOptions(threads=1), "session.intra_op.allow_spinning") == "0"
    # A like-for-like benchmark may keep them spinning after the run, as llama.cpp's threads do.
    assert entry(RuntimeOptions(threads=2, spin=True), "session.intra_op.allow_spinning") == "1"
    with pytest.raises(RuntimeError, match="does not have"):
        entry(RuntimeOptions(threads=2, spin=True), "session.force_spinning_stop")
    assert RuntimeOptions(2) != RuntimeOptions(2, spin=True)  # a separate session in the cache


def test_two_threads_use_no_processor_time_between_runs():
    import onnxruntime as ort

    # With spin=True (workers spinning after the run as well) a decoder's runs measured about 0.05 s here.
    options = RuntimeOptions(threads=2).session_options()
    session = ort.InferenceSession(scale_model().SerializeToString(), options, providers=["CPUExecutionProvider"])
    feeds = {"x": np.ones((200_000, 4), np.float32)}  # large enough for the two threads to share
    for _ in range(5):
        session.run(None, feeds)
    before = time.process_time()
    time.sleep(0.3)
    # A spinning worker would use tens of milliseconds here; a sleeping one uses none.
    assert time.process_time() - before < 0.015


def test_a_readable_energy_counter_is_read_around_each_run(scale_card, tmp_path):
    from playground.core.energy import EnergyCounter

    (tmp_path / "max_energy_range_uj").write_text("1000000")
    (tmp_path / "energy_uj").write_text("1000")
    counter = EnergyCounter(tmp_path)

    class Ticking(ScaleTask):
        def infer(self, runner, feeds, ctx):
            (tmp_path / "energy_uj").write_text("251000")  # the processor used 0.25 J meanwhile
            return super().infer(runner, feeds, ctx)

    record = Pipeline(energy=counter).run(RunRequest(scale_card, Ticking(), TextData("a"))).record
    assert record.energy_uj == 250_000 and record.to_dict()["energy_mj"] == 250.0


def test_a_companion_card_comes_from_the_catalog_the_pipeline_was_given(scale_card):
    from dataclasses import replace

    from playground.core.errors import ModelMissingError

    needs_helper = replace(scale_card, companions={"helper": "helper-model"})
    helper = replace(scale_card, id="helper-model")
    assert Pipeline(cards={"helper-model": helper}).companions(needs_helper) == {"helper": helper}
    with pytest.raises(ModelMissingError, match="also needs the model 'helper-model'"):
        Pipeline().companions(needs_helper)  # without a catalog it looks beside the card, and it is not there


def test_a_request_with_other_options_lets_the_old_sessions_go(scale_card):
    pipeline = Pipeline()
    pipeline.run(RunRequest(scale_card, ScaleTask(), TextData("a"), options=RuntimeOptions(1)))
    record = pipeline.run(RunRequest(scale_card, ScaleTask(), TextData("a"), options=RuntimeOptions(2))).record
    assert record.threads == 2 and record.cold  # a new session for the new options, run for the first time
    assert len(pipeline.sessions.loaded()) == 1 and pipeline.options == RuntimeOptions(2)
    kept = pipeline.run(RunRequest(scale_card, ScaleTask(), TextData("a"))).record  # None: the pipeline's own
    assert kept.threads == 2 and not kept.cold
