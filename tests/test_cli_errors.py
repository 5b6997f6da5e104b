"""The command line under abuse: odd paths, huge or endless input, typos, crashes and closed pipes.

Every failure is one sentence on stderr with exit code 2; none needs a downloaded model, because each is
refused before a model would run.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from playground.cli import main
from playground.commands import common
from playground.core.catalog import load_catalog
from playground.core.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "assets" / "samples"


def one_sentence(capsys, *argv: str) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 2 and out == "", (code, out, err)
    assert err.startswith("playground: ") and err.count("\n") == 1 and "Traceback" not in err
    return err.removeprefix("playground: ").strip()


@pytest.fixture(scope="module")
def cards():
    catalog = load_catalog(ROOT / "models")
    return {card.modality: card for card in catalog}


def test_a_very_long_argument_is_text_for_a_text_model_and_no_file_for_others(capsys, cards):
    long = "a" * 5000  # longer than any file name: asking the file system about it fails on its own
    assert common.resolve_input(cards["text"], long) == long
    sentence = one_sentence(capsys, "run", "centerface", long)
    assert sentence.startswith("There is no file called aaaa") and "…:" in sentence and len(sentence) < 200


@pytest.mark.parametrize("path, words", [("/", "/ is a folder, not a file"),
                                         ("/dev/null", "null is not an ordinary file")])
def test_a_folder_or_a_device_is_never_taken_for_literal_text(cards, path, words):
    from playground.core import media

    source = common.resolve_input(cards["text"], path)
    assert isinstance(source, Path)
    with pytest.raises(InputError, match=words):
        media.decode("text", source)


def test_standard_input_beyond_the_limit_is_refused_without_reading_it_all(monkeypatch):
    monkeypatch.setattr(common, "STDIN_LIMIT", 10)
    stream = io.BytesIO(b"x" * 1000)
    with pytest.raises(InputError, match="Standard input holds more than"):
        common.read_stdin(stream)
    assert stream.tell() == 11
    assert common.read_stdin(io.BytesIO(b"0123456789")) == b"0123456789"


@pytest.mark.parametrize("argv, words", [
    (["--threads", "100000"], "--threads must be between 1 and"),
    (["--threads", "0"], "--threads must be between 1 and"),
    (["--param", "threshold=nan"], "'threshold' needs a number, not 'nan'"),
    (["--param", "threshhold=0.3"], "has no parameter 'threshhold' (it has: threshold, nms_iou)"),
    (["--param", "=0.3"], "Write parameters as NAME=VALUE, not '=0.3'"),
    (["--out", "/tmp"], "/tmp is a folder: give the file to save, such as /tmp/result.png"),
    (["--out", "faces.jpg"], "Save this image as one of .png, .webp, .tif, .tiff, not '.jpg'"),
])
def test_option_mistakes_are_refused_before_any_model_runs(capsys, argv, words):
    assert words in one_sentence(capsys, "run", "centerface", str(SAMPLES / "astronaut.png"), *argv)


def test_bench_checks_its_counts_and_threads_first(capsys):
    assert "--runs must be at least 1" in one_sentence(capsys, "bench", "magika", "x", "--runs", "0")
    assert "--threads must be between" in one_sentence(capsys, "bench", "magika", "x", "--threads", "999")


def test_shot_checks_its_knobs_first_and_hands_them_on_checked(capsys, monkeypatch, tmp_path):
    import playground.ui.shot as shot

    given = {}
    monkeypatch.setattr(shot, "render_shot", lambda *args, **kwargs: given.update(kwargs))
    argv = ["shot", "--model", "minilm-l6", "--input", str(SAMPLES / "sentences.txt"), "--out", str(tmp_path / "s.png")]
    assert "has no parameter 'serch' (it has: search)" in one_sentence(capsys, *argv, "--param", "serch=x")
    assert not given
    assert main(argv + ["--param", "search=money troubles"]) == 0 and given["params"] == {"search": "money troubles"}


@pytest.mark.parametrize("action", ["fetch", "verify", "list"])
def test_a_models_folder_without_cards_says_where_it_looked(capsys, monkeypatch, tmp_path, action):
    monkeypatch.setenv("PLAYGROUND_MODELS", str(tmp_path / "nothing"))
    sentence = one_sentence(capsys, "models", action)
    assert sentence == (f"No model cards were found in {tmp_path / 'nothing'}: point PLAYGROUND_MODELS at the "
                        "folder that holds them.")


def _raising(monkeypatch, exc: BaseException) -> None:
    from playground.commands import run

    def handle(args):
        raise exc

    monkeypatch.setattr(run, "handle", handle)


def test_a_bug_is_still_one_sentence_naming_the_error(capsys, monkeypatch):
    _raising(monkeypatch, ZeroDivisionError("division by zero\n  more detail"))
    assert one_sentence(capsys, "run", "magika", "x") == (
        "something unexpected went wrong (ZeroDivisionError: division by zero); please report it with the "
        "command that caused it.")


def test_a_system_error_is_one_sentence(capsys, monkeypatch):
    _raising(monkeypatch, OSError(28, "No space left on device", "/tmp/out.png"))
    assert "(/tmp/out.png: No space left on device)" in one_sentence(capsys, "run", "magika", "x")


def test_ctrl_c_stops_quietly_with_the_shell_code(capsys, monkeypatch):
    _raising(monkeypatch, KeyboardInterrupt())
    assert main(["run", "magika", "x"]) == 130
    assert capsys.readouterr().err == "playground: stopped.\n"


def _playground(*argv: str, stdout) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "playground", *argv], stdout=stdout, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, cwd=ROOT, env=env)


def test_a_reader_that_goes_away_ends_the_command_quietly():
    proc = _playground("models", "info", "centerface", stdout=subprocess.PIPE)
    proc.stdout.close()  # like `| head -0`: closed before anything is written
    err = proc.stderr.read()
    assert proc.wait() == 141 and err == b""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_while_printing_is_one_sentence():
    with open("/dev/full", "wb") as full:
        proc = _playground("models", "info", "centerface", stdout=full)
        err = proc.stderr.read().decode()
    assert proc.wait() == 2
    assert err == ("playground: the operating system reported a problem (No space left on device): fix it and "
                   "try again.\n")
