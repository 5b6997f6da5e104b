"""Walking through the window as its people do: a first step, feedback, Tab order, fit, kiosk, no leaks."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from playground import paths
from playground.core.results import SpeechSegments
from playground.ui import focus, kiosk
from playground.ui.app import build
from playground.ui.drops import offer_from_mime
from playground.ui.operator import NO_PIN, OperatorScreen
from playground.ui.settings import Settings
from playground.ui.widgets.start_page import StartPage
from tests.ui.test_main_window import wait_for_result

SAMPLES = paths.samples_dir()
pytestmark = pytest.mark.models


def test_a_double_click_on_a_group_cannot_hide_its_models(make_window, require_model):
    require_model("centerface")
    _, window = make_window(model_id="centerface")
    tree = window.picker.tree
    group = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                 if tree.topLevelItem(i).text(0) == "Image")
    centre = tree.visualItemRect(group).center()
    QTest.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    tree.setCurrentItem(group)
    QTest.keyClick(tree, Qt.Key.Key_Left)  # the keyboard way to fold a branch
    assert group.isExpanded()
    assert all(not tree.visualItemRect(group.child(i)).isEmpty() for i in range(group.childCount()))


def test_before_any_input_the_samples_are_big_buttons_that_run_the_model(qtbot, make_window, require_model):
    require_model("centerface")
    controller, window = make_window(model_id="centerface")
    page = window.result_area.hint
    assert window.result_area.current_view is None
    assert page.message.text() == "Try it on one of these pictures:"
    names = [button.text() for button in page.buttons]
    assert names == ["An astronaut", "An admiral", "A cat"]  # in the card's order, named by what they show
    assert all(button.height() >= 96 and not button.icon().isNull() for button in page.buttons)
    started: list[str] = []
    controller.run_started.connect(lambda: started.append(page.text()))
    page.buttons[1].click()
    outcome = wait_for_result(qtbot, window)
    assert started == ["Working on grace_hopper.jpg…"]  # said at once, before the first answer exists
    assert outcome.decoded.label == "grace_hopper.jpg"
    assert window.result_area.current_view.headline.text() == "1 face found"
    assert window.input_panel.samples.currentText() == "An admiral (grace_hopper.jpg)"  # the list agrees


def test_a_failed_run_does_not_leave_the_last_answer_looking_like_this_one(qtbot, make_window, require_model,
                                                                           tmp_path):
    require_model("centerface")
    controller, window = make_window(model_id="centerface")
    controller.set_input(SAMPLES / "astronaut.png", "astronaut.png", "sample")
    wait_for_result(qtbot, window)
    broken = tmp_path / "holiday.png"
    broken.write_bytes(b"this is not a picture at all")
    with qtbot.waitSignal(controller.run_failed, timeout=30_000):
        controller.set_input(broken, broken.name, "file")
    assert window.result_area.current_view is None
    assert window.input_panel.error.isVisibleTo(window) and "holiday.png" in window.input_panel.error.text()
    assert len(window.result_area.hint.buttons) == 3  # and the samples are there to try instead


def test_speech_fills_in_while_the_detector_is_still_listening(qtbot, make_window, require_model, monkeypatch):
    require_model("silero-vad")
    from playground.ui.views.speech import SpeechView

    controller, window = make_window(model_id="silero-vad")
    seen: list[tuple[str, str]] = []
    real = SpeechView.show_partial

    def drawn(view: SpeechView, partial: SpeechSegments) -> None:  # partial answers are drawn once a frame
        real(view, partial)
        seen.append((type(view).__name__, view.headline.text()))

    monkeypatch.setattr(SpeechView, "show_partial", drawn)
    # A partial answer with the final one already queued behind it is skipped; on a slower computer, where each
    # part takes a while, they all show.
    from playground.ui.jobs import JobRunner

    deliver = JobRunner._deliver

    def slower(runner: JobRunner, generation: int, kind: str, payload: object) -> None:
        deliver(runner, generation, kind, payload)
        if kind == "progress":
            time.sleep(0.05)  # in the worker

    monkeypatch.setattr(JobRunner, "_deliver", slower)
    controller.set_input(SAMPLES / "vad_test16k.wav", "vad_test16k.wav", "sample")
    wait_for_result(qtbot, window)
    assert seen and seen[0][0] == "SpeechView" and seen[0][1].startswith("Listening… ")
    assert window.result_area.current_view.headline.text().startswith("4 speech segments")


def test_repeat_says_which_run_it_is_on_and_the_status_line_does_not_flicker(qtbot, make_window, require_model):
    require_model("magika")
    controller, window = make_window(model_id="magika")
    controller.set_input(SAMPLES / "fibonacci.py", "fibonacci.py", "sample")
    wait_for_result(qtbot, window)
    lines: list[str] = []
    states: list[str] = []
    controller.status_changed.connect(lines.append)
    controller.history_changed.connect(lambda: states.append(window.run_bar.state.text()))
    window.commands.repeat.trigger()
    qtbot.waitUntil(lambda: len(states) >= 16, timeout=60_000)  # two per run: the result, then its drawing time
    assert window.run_bar.repeat_button.isChecked()
    during = list(lines)  # what the status line said while repeating: the Stop's own line comes after
    window.commands.stop.trigger()
    qtbot.waitUntil(lambda: not controller.busy, timeout=30_000)
    assert during and all(line.startswith("Repeating (Esc stops) · Last run ") for line in during)
    counted = [int(s.rsplit(" ", 1)[1]) for s in states[:16] if s.startswith("Repeating: run ")]
    assert counted == sorted(counted) and len(set(counted)) >= 6  # it counts up, run after run
    assert window.run_bar.state.text() == "" and not window.run_bar.repeat_button.isChecked()


def names_in_tab_order(window: QWidget) -> list[str]:
    chain, widget = [], window.picker.tree
    for _ in range(500):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(window) and widget.isEnabled() \
                and widget.accessibleName():
            chain.append(widget.accessibleName())
        widget = widget.nextInFocusChain()
        if widget is window.picker.tree:
            break
    return chain


def test_tab_follows_the_reading_order_after_knobs_and_views_are_built(qtbot, make_window, require_model):
    require_model("centerface")
    controller, window = make_window(model_id="magika")
    controller.select_model("centerface")  # knobs rebuilt after the window was laid out
    controller.set_input(SAMPLES / "astronaut.png", "astronaut.png", "sample")
    wait_for_result(qtbot, window)  # a result view made on first use
    chain = names_in_tab_order(window)
    expected = ["Model list", "Confidence threshold", "Overlap limit (NMS IoU)", "Reset settings to defaults",
                "Model card", "Run", "Repeat", "Threads", "Graph optimisation", "Open file", "Paste",
                "Sample inputs", "Explainer topic", "Explanation"]
    assert [name for name in chain if name in expected] == expected
    assert chain.index("Paste") < chain.index("Copy picture") < chain.index("Explainer topic")
    assert not any("use" in name or "Time per run" in name for name in chain)  # graphs are no tab stops


def test_focus_order_keeps_a_spin_box_as_one_stop_and_follows_the_layout(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    later = QPushButton("made first, shown last")
    spin = QSpinBox()
    layout.addWidget(spin)
    layout.addWidget(later)
    assert focus.focusable(holder) == [spin, later]


def test_at_1280_by_800_the_three_graphs_fit_without_scrolling(qtbot, make_window, require_model):
    require_model("centerface")
    _, window = make_window(model_id="centerface")
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() == 1280)
    QApplication.processEvents()
    scroll = window.graphs.parentWidget().parentWidget()
    assert scroll.verticalScrollBar().maximum() == 0
    assert scroll.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert window.graphs.width() <= scroll.viewport().width()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts threads through /proc")
def test_switching_running_and_stopping_for_a_long_time_adds_no_threads(qtbot, make_window, require_model):
    require_model("centerface")
    require_model("magika")
    controller, window = make_window(model_id="magika")

    def threads() -> int:
        return len(os.listdir("/proc/self/task"))

    def round_trip(threads_wanted: int) -> None:
        controller.set_threads(threads_wanted)
        for model_id, sample in (("magika", "fibonacci.py"), ("centerface", "astronaut.png")):
            controller.select_model(model_id)
            controller.set_input(SAMPLES / sample, sample, "sample")
            controller.run()
            controller.cancel()  # stopped at once: whatever it had started must be let go
            controller.run()
            wait_for_result(qtbot, window)

    round_trip(2)
    round_trip(1)
    settled = threads()
    for i in range(6):
        round_trip(1 + i % 2)
    qtbot.waitUntil(lambda: not controller.busy, timeout=30_000)
    assert threads() <= settled + 2  # one session's pool may differ; a leak would add a few per round


def test_a_sample_button_is_named_for_screen_readers_and_says_what_it_does(make_window, require_model):
    require_model("silero-vad")
    _, window = make_window(model_id="silero-vad")
    page = window.result_area.hint
    assert page.message.text() == "Try it on one of these recordings:"
    button = page.buttons[0]
    assert button.accessibleName() == f"Sample {button.text()}"
    assert button.toolTip().startswith("Run Silero voice activity detector on ")
    assert isinstance(button.property("sample"), Path) and button.property("sample").suffix == ".wav"


def test_a_kiosk_keeps_the_samples_and_drops_the_exits_and_the_file_system(qtbot, require_model, private_settings):
    require_model("centerface")
    settings = Settings()
    settings.kiosk = True
    controller, window = build(settings, model_id="centerface")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        assert not window.menuBar().isVisible() and not window.input_panel.open_button.isVisible()
        assert not window.commands.open.isEnabled() and not window.commands.full_screen.isEnabled()
        assert [k.toString() for k in window.commands.quit.shortcuts()] == [kiosk.QUIT_KEYS]
        qtbot.waitUntil(window.isFullScreen)
        # A visitor's screen: no threads, optimisation, numeric knobs or long model card.
        assert not window.run_bar.threads.isVisible() and not window.run_bar.opt.isVisible()
        assert not window.params.isVisible() and not window.card_view.isVisible()
        assert window.status.text() == "Ready: pick a sample, and the model runs on it at once."  # no file offered
        window.commands.full_screen.trigger()  # what F11 does
        assert window.isFullScreen() and window.isVisible()
        page = window.result_area.hint
        assert page.buttons and "open your own" not in page.text()
        page.buttons[0].click()
        wait_for_result(qtbot, window)
        view = window.result_area.current_view
        shown = [b.text() for b in view.findChildren(QPushButton) if b.isVisibleTo(view)]
        assert shown == ["Copy picture"]  # copying stays; saving would open a file dialog
        assert not window.commands.save_report.isEnabled()
        lessons = window.show_lessons("lesson:batch")  # the lessons stay, their file dialogs go
        batch = lessons.current
        assert batch.samples_button.isVisibleTo(batch) and not batch.folder_button.isVisibleTo(batch)
        assert not batch.csv_button.isVisibleTo(batch)
        ray = batch.engine.findData("ray")  # named, greyed, and why: its servers would run any code sent to them
        assert not batch.engine.model().item(ray).isEnabled() and batch.engine.currentData() == "local"
        assert batch.engine.itemData(ray, Qt.ItemDataRole.ToolTipRole).startswith("Not on a public kiosk: Ray starts")
        # Inside the kiosk's own full-screen window: no second window with a title bar to close or drag.
        assert not lessons.isWindow() and lessons.isVisible() and lessons.geometry().width() == window.width()
        lessons.back_button.click()
        assert not lessons.isVisible() and window.isVisible()
        assert not window.close()  # what Alt+F4 or a window manager's close button asks: refused
        QApplication.processEvents()
        assert window.isVisible()
        window.commands.quit.trigger()  # the operator's chord: with no PIN set, the operator screen and a warning
        screen = window.findChild(OperatorScreen)
        assert screen.isVisible() and any(NO_PIN in label.text() for label in screen.findChildren(QLabel))
        screen.leave.click()
        assert not window.isVisible()
    finally:
        controller.shutdown(10.0)


def test_a_kiosk_reads_no_file_a_visitor_names(qtbot, require_model, private_settings, tmp_path):
    require_model("langid")
    secret = tmp_path / "id_rsa"
    secret.write_text("-----BEGIN PRIVATE KEY----- do not show", encoding="utf-8")
    settings = Settings()
    settings.kiosk = True
    controller, window = build(settings, model_id="langid")
    qtbot.addWidget(window)
    try:
        mime = QMimeData()
        mime.setText(str(secret))
        QGuiApplication.clipboard().setMimeData(mime)
        window.input_panel.paste()
        assert window.input_panel.text_box.toPlainText() == str(secret)  # the path, as text: never the file
        dropped = QMimeData()
        dropped.setUrls([QUrl.fromLocalFile(str(secret))])
        offer = offer_from_mime(dropped, "drop", files=False)
        assert offer is None or isinstance(offer.source, str)  # at most the file's address, as text
        window.drops.eventFilter(window, QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, dropped,
                                                    Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
        assert "PRIVATE KEY" not in window.input_panel.text_box.toPlainText()
        assert controller.input is None or not isinstance(controller.input.source, Path)
    finally:
        QGuiApplication.clipboard().clear()
        controller.shutdown(10.0)


def test_the_kiosk_setting_reads_what_people_write_in_a_settings_file(tmp_path):
    path = tmp_path / "kiosk.ini"
    # Only a clear no unlocks: a typo or a half-written value keeps the kiosk locked.
    for written, locked in (("true", True), ("yes", True), ("1", True), ("false", False), ("off", False),
                            ("nonsense", True), ("tru", True), ("", True)):
        path.write_text(f"[kiosk]\nlocked={written}\n", encoding="utf-8")
        assert Settings(path).kiosk is locked, written
    assert Settings(tmp_path / "none.ini").kiosk is False


def test_a_kiosk_never_writes_its_operators_file(tmp_path):
    path = tmp_path / "kiosk.ini"
    path.write_text("[kiosk]\nlocked=true\n[runtime]\nthreads=1\n", encoding="utf-8")
    before = path.read_bytes()
    settings = Settings(path)
    settings.threads, settings.last_model = 2, "langid"  # what a visitor changed
    settings.set_lesson_value("price", 9.0)
    settings.sync()
    assert (settings.threads, settings.last_model, settings.lesson_value("price", 1, 0, 99)) == (2, "langid", 9.0)
    assert path.read_bytes() == before and Settings(path).threads == 1  # gone at the next start


def test_a_kiosk_whose_file_cannot_be_read_runs_locked_with_the_defaults(tmp_path):
    missing = Settings(tmp_path / "gone.ini", kiosk=True)
    assert missing.kiosk and "does not exist" in missing.problem and missing.threads == 1
    damaged = tmp_path / "damaged.ini"
    damaged.write_text("[runtime\nthreads=4\n[kiosk]\nlocked=false\n", encoding="utf-8")  # cut short by hand
    settings = Settings(damaged, kiosk=True)
    assert settings.kiosk and "is damaged" in settings.problem
    assert settings.threads == 1  # nothing from a file that cannot be trusted
    whole = tmp_path / "whole.ini"
    whole.write_text("[runtime]\nthreads=2\n", encoding="utf-8")
    settings = Settings(whole, kiosk=True)  # --kiosk: locked whatever the file says, and its values used
    assert settings.kiosk and settings.problem == "" and settings.threads == 2
    assert not Settings(whole).kiosk


def test_many_samples_wrap_into_rows_instead_of_widening_the_window(qtbot, tmp_path):
    for name in ("a.py", "b.sql", "c.html", "d.txt", "e.md", "f.rs", "g.json"):
        (tmp_path / name).write_text("x = 1\n", encoding="utf-8")
    chosen: list[Path] = []
    page = StartPage(chosen.append)
    qtbot.addWidget(page)
    page.resize(420, 400)
    page.show()
    qtbot.waitExposed(page)
    page.show_message("Try it on one of these files:", samples=tuple(sorted(tmp_path.iterdir())), verb="Run on")
    QApplication.processEvents()
    assert page.minimumSizeHint().width() <= 420
    rows = {b.geometry().top() for b in page.buttons}
    assert len(rows) >= 3 and all(page.rect().contains(b.geometry()) for b in page.buttons)
    assert [b.text() for b in page.buttons][:2] == ["a.py", "b.sql"]  # a file's name says what it holds
    page.buttons[4].click()
    assert chosen == [tmp_path / "e.md"]


def test_a_kiosk_shows_only_its_operators_models_and_opens_on_the_first(qtbot, tmp_path, require_model):
    require_model("langid")
    require_model("centerface")
    path = tmp_path / "kiosk.ini"
    path.write_text("[kiosk]\nlocked=true\nmodels=centerface, langid, no-such-model\n", encoding="utf-8")
    settings = Settings(path)
    assert settings.visitor_models == ["centerface", "langid", "no-such-model"]
    controller, window = build(settings)
    qtbot.addWidget(window)
    try:
        tree = window.picker.tree
        listed = [tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole)
                  for i in range(tree.topLevelItemCount()) if not tree.topLevelItem(i).isHidden()
                  for j in range(tree.topLevelItem(i).childCount()) if not tree.topLevelItem(i).child(j).isHidden()]
        assert sorted(listed) == ["centerface", "langid"]
        assert controller.card.id == "centerface" and window.visits.home_model == "centerface"
        assert window.visits.attract.allowed == {"centerface", "langid"}
        window.show_expert_controls(True)  # what the operator screen offers, behind the PIN
        assert window.params.isVisibleTo(window) and window.run_bar.threads.isVisibleTo(window)
    finally:
        controller.shutdown(10.0)
