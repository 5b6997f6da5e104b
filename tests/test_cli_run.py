"""`playground run`, `bench` and `shot` from the command line: answers, saved files, and one-sentence errors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from PIL import Image

from playground.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "assets" / "samples"
pytestmark = pytest.mark.models


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_run_prints_the_faces_and_every_stage_time(capsys, require_model):
    require_model("centerface")
    code, out, err = run_cli(capsys, "run", "centerface", str(SAMPLES / "astronaut.png"))
    assert code == 0 and err == ""
    assert "1 face found" in out and "box 182, 58, 270, 178" in out
    for stage in ("decode", "preprocess", "model", "postprocess", "total", "CPU"):
        assert stage in out
    assert "cold run (model load" in out


def test_run_json_gives_result_and_timings_for_each_input(capsys, require_model):
    require_model("magika")
    code, out, _ = run_cli(capsys, "run", "magika", str(SAMPLES / "weather.json"), str(SAMPLES / "library.sql"),
                           "--json")
    reports = json.loads(out)
    assert code == 0 and [r["result"]["labels"][0]["name"] for r in reports] == ["json", "sql"]
    assert reports[0]["timings"]["cold"] and not reports[1]["timings"]["cold"]
    assert reports[1]["timings"]["load_ms"] == 0 and reports[0]["timings"]["stages_ms"]["model"] > 0


def test_run_takes_literal_text_for_text_models(capsys, require_model):
    require_model("magika")
    code, out, _ = run_cli(capsys, "run", "magika", "SELECT name, email FROM users WHERE id = 42 ORDER BY name;",
                           "--json")
    assert code == 0 and json.loads(out)["result"]["labels"][0]["name"] == "sql"


def test_run_out_saves_the_cut_out_with_transparency(capsys, tmp_path, require_model):
    require_model("u2netp")
    target = tmp_path / "cut.png"
    code, out, _ = run_cli(capsys, "run", "u2netp", str(SAMPLES / "astronaut.png"), "--out", str(target))
    assert code == 0 and f"saved {target}" in out
    saved = Image.open(target)
    alpha = np.asarray(saved)[..., 3]
    assert saved.mode == "RGBA" and saved.size == (512, 512)
    assert 0.50 < (alpha > 127).mean() < 0.60  # MODELS.md: 55 % foreground
    assert not list(tmp_path.glob(".saving-*"))


def test_run_out_saves_only_the_speech(capsys, tmp_path, require_model):
    require_model("silero-vad")
    target = tmp_path / "speech.wav"
    code, _, _ = run_cli(capsys, "run", "silero-vad", str(SAMPLES / "vad_test16k.wav"), "--out", str(target))
    info = sf.info(target)
    assert code == 0 and info.samplerate == 16000
    assert 6.0 < info.duration < 6.4  # the four segments, 6.2 s, without the silences


def test_run_params_change_the_answer(capsys, require_model):
    require_model("silero-vad")
    _, out, _ = run_cli(capsys, "run", "silero-vad", str(SAMPLES / "vad_test16k.wav"), "--json",
                        "--param", "min_silence_ms=500")
    assert len(json.loads(out)["result"]["segments"]) == 2  # the comma pauses no longer split the sentences


@pytest.mark.parametrize("argv, words", [
    (["run", "nosuch", "x"], "There is no model called 'nosuch'"),
    (["run", "centerface", "/no/such/file.png"], "There is no file called /no/such/file.png"),
    (["run", "centerface", str(SAMPLES / "prose.txt")], "is not a picture"),
    (["run", "magika", "hello", "--param", "top_k=abc"], "'top_k' needs a whole number"),
    (["run", "magika", "hello", "--param", "top_k=99"], "'top_k' must be between 1 and 20"),
    (["run", "magika", "hello", "--out", "x.png"], "is not a picture or a sound"),
    (["run", "u2netp", str(SAMPLES / "astronaut.png"), "--out", "x.jpg"], "Save this image as one of .png"),
    (["bench", "magika", "hello", "--runs", "0"], "--runs must be at least 1"),
    (["run", "magika", "hello", "--threads", "100000"], "--threads must be between 1 and"),
    (["run", "magika", "hello", "--param", "top_k=nan"], "'top_k' needs a whole number"),
    (["shot", "--model", "magika", "--input", "/no/such", "--out", "x.png"], "There is no file called /no/such"),
    (["shot", "--model", "magika", "--input", str(SAMPLES / "astronaut.png"), "--out", "x.png", "--language", "xx"],
     "The window does not speak 'xx': choose one of en, de."),
])
def test_errors_are_one_sentence_on_stderr_with_a_nonzero_exit(capsys, require_model, argv, words):
    require_model("magika")
    code, out, err = run_cli(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith("playground: ") and words in err
    assert "Traceback" not in err and err.count("\n") == 1


def test_bench_prints_stages_and_the_ratio_to_a_bare_loop(capsys, require_model):
    require_model("magika")
    code, out, _ = run_cli(capsys, "bench", "magika", str(SAMPLES / "fibonacci.py"), "--runs", "5",
                           "--warmup", "1", "--json")
    m = json.loads(out)
    assert code == 0 and m["runs"] == 5 and m["threads"] == 1
    assert set(m["stages"]) == {"decode", "preprocess", "model", "postprocess", "total"}
    assert m["load_ms"] > 0 and m["bare"]["p50"] > 0 and m["session_runs_per_run"] == 1
    assert m["ratio_p50"] == pytest.approx(m["stages"]["model"]["p50"] / m["bare"]["p50"])


def test_bench_replays_every_session_run_of_a_streaming_model(capsys, require_model):
    require_model("silero-vad")
    code, out, _ = run_cli(capsys, "bench", "silero-vad", str(SAMPLES / "vad_test16k.wav"), "--runs", "2",
                           "--warmup", "0", "--json")
    assert code == 0 and json.loads(out)["session_runs_per_run"] == 13  # 12.03 s in 32 ms frames, 31 a run


def test_a_bundled_sample_is_found_by_its_name_alone(capsys, tmp_path, monkeypatch, require_model):
    require_model("silero-vad")
    monkeypatch.chdir(tmp_path)  # not beside the samples: the name alone must be enough
    code, out, _ = run_cli(capsys, "run", "silero-vad", "vad_test16k.wav", "--json")
    assert code == 0 and json.loads(out)["result"]["type"] == "speech_segments"
    (tmp_path / "vad_test16k.wav").write_bytes(b"not sound")  # a file of that name here comes first
    code, _, err = run_cli(capsys, "run", "silero-vad", "vad_test16k.wav")
    assert code != 0 and "vad_test16k.wav" in err
