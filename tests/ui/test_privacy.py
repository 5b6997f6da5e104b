"""Nothing leaves this computer, shown rather than claimed: the badge, and every bundled model run without a network."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from playground.core.catalog import load_catalog
from playground.core.netwatch import NetWatch, watch
from playground.ui.privacy import ALARM, QUIET, NetworkBadge
from tests.ui.test_main_window import choose_sample

ROOT = Path(__file__).resolve().parents[2]


def test_the_badge_says_zero_until_a_request_and_then_what_and_from_where(qtbot):
    watched = NetWatch()
    badge = NetworkBadge(watched=watched)
    qtbot.addWidget(badge)
    assert badge.text() == "✓ 0 network requests since start" and badge.property("theme_role") == QUIET[0]
    watched.hook("socket.getaddrinfo", ("example.org", 443, 0, 0, 0, 0))  # as Python's audit would call it
    badge.refresh()
    assert badge.text().startswith("⚠ 1 network request since start: the last, name lookup of example.org, from ")
    assert badge.property("theme_role") == ALARM[0] and "bold" in badge.styleSheet()
    assert "never leave this computer" in badge.toolTip()


def _item_wrappers() -> int:
    return sum(type(o).__name__ in ("QWidgetItem", "QSpacerItem", "QWidgetItemV2") for o in gc.get_objects())


def _first_samples() -> list[tuple[str, str]]:
    catalog = load_catalog()
    return [(card.id, card.samples[0]) for card in catalog.cards if catalog.installed(card) and card.samples]


@pytest.mark.models
def test_every_bundled_model_runs_in_the_window_without_reaching_for_a_network(qtbot, make_window):
    process = watch()  # the process's own hook: it sees every socket and lookup, from any library
    before = len(process.attempts)
    samples = _first_samples()
    assert len(samples) >= 15
    controller, window = make_window(model_id=samples[0][0])
    for model_id, sample in samples:
        controller.select_model(model_id)
        with qtbot.waitSignal(window.result_area.result_shown, timeout=120_000):
            choose_sample(window, sample)
    gc.collect()
    built = _item_wrappers()  # every view now exists, each with the rows it was built with
    for model_id, _sample in samples:  # switching again only rebuilds knobs and start pages
        controller.select_model(model_id)
        QApplication.processEvents()
    process.check_sockets()
    assert process.attempts[before:] == ()
    assert window.network.watched is process
    # Switching models rebuilds the knobs each time: their layout's items must not gather Python wrappers,
    # which PySide keeps after Qt deletes the items and then hands out for whatever next takes that address
    # (focus._place_in). The window's fixed rows keep the ones made when they were built.
    gc.collect()
    assert _item_wrappers() == built


@pytest.mark.models
def test_the_command_line_runs_every_model_with_no_network_at_all(tmp_path):
    """Inside a network namespace with no interfaces (unshare -n), where any request would fail at once."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("unshare is not installed (Debian: util-linux)")
    probe = subprocess.run([unshare, "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("this machine does not allow a private network namespace (unshare -n needs privileges)")
    code = ("import sys; from playground.cli import main; from playground.core.netwatch import watch; w = watch()\n"
            "for model, sample in zip(sys.argv[1::2], sys.argv[2::2]):\n"
            "    rc = main(['run', model, sample, '--json'])\n"
            "    assert rc == 0, (model, rc)\n"
            "w.check_sockets(); print('attempts', len(w.attempts))")
    args = [a for pair in _first_samples() for a in (pair[0], str(ROOT / "assets" / "samples" / pair[1]))]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PLAYGROUND_SETTINGS": str(tmp_path / "s.ini")}
    done = subprocess.run([unshare, "-n", sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "attempts 0"
    cut_off = subprocess.run([unshare, "-n", sys.executable, "-c",  # the namespace really has no network
                              "import socket; socket.create_connection(('192.0.2.1', 53), timeout=2)"],
                             capture_output=True, text=True, timeout=30)
    assert cut_off.returncode != 0 and "unreachable" in cut_off.stderr


@pytest.mark.models
def test_the_privacy_lesson_says_where_the_input_is_what_was_written_and_forgets_on_request(
        qtbot, make_window, require_model, tmp_path):
    from playground.core.disk_log import disk_log
    from playground.ui.views.base import write_bytes

    require_model("langid")
    controller, window = make_window(model_id="langid")
    with qtbot.waitSignal(window.result_area.result_shown, timeout=60_000):
        window.input_panel.text_box.setPlainText("Bonjour tout le monde")
    page = window.show_lessons("lesson:privacy").current
    page.refresh()
    text = " ".join(page.browser.toPlainText().split())
    assert "Text you typed or pasted (21 characters), held in this program's memory only" in text
    process = watch()
    assert ("0 requests" in text) == (not process.attempts)  # the count is the process's own, whatever it is
    saved = tmp_path / "answer.txt"
    assert write_bytes(b"French", saved) and disk_log().written[-1].path == saved
    page.refresh()
    shown = " ".join(page.browser.toPlainText().split())
    assert "Only what was asked for: " in shown and "answer.txt. When it closes" in shown

    page.forget_button.click()
    QApplication.processEvents()
    assert controller.input is None and controller.history.records == [] and controller.card.id == "langid"
    again = window.lessons.current  # made anew: the old pages held the visitor's measurements too
    assert again is not page and again.topic.id == "lesson:privacy" and window.lessons.isVisible()
    shown = " ".join(again.browser.toPlainText().split())
    assert "Done: your input, 1 run and their answers are gone from this program." in shown
    assert "You have not given it anything yet." in shown
