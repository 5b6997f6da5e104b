"""A kiosk's way out is the operator's: the quit keys open a PIN pad, and only the right PIN opens the screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from playground.core.pin import hash_pin
from playground.ui.app import build
from playground.ui.operator import TRIES, OperatorScreen, PinPad
from playground.ui.settings import Settings


def kiosk_with_pin(qtbot, tmp_path, pin: str = "4711", idle: int = 90):
    path = tmp_path / "kiosk.ini"
    path.write_text(f"[kiosk]\nlocked=true\nidle_seconds={idle}\npin={hash_pin(pin)}\n", encoding="utf-8")
    controller, window = build(Settings(path), model_id="langid")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return path, controller, window


def press(pad: PinPad, digits: str) -> None:
    buttons = {b.text(): b for b in pad.findChildren(QPushButton)}
    for d in digits:
        buttons[d].click()
    buttons["✓"].click()


def test_only_the_right_pin_opens_the_operator_screen_and_its_way_out(qtbot, tmp_path):
    path, controller, window = kiosk_with_pin(qtbot, tmp_path)
    before = path.read_bytes()
    try:
        assert not window.close()  # Alt+F4
        window.commands.quit.trigger()  # Ctrl+Alt+Shift+Q
        pad = window.findChild(PinPad)
        assert pad.isVisible() and window.findChild(OperatorScreen) is None
        press(pad, "1234")
        assert pad.isVisible() and pad.message.text() == "That is not the operator PIN."
        assert pad.entry.text() == ""  # a wrong PIN is not left for the next try to build on
        press(pad, "4711")
        assert not pad.isVisible()
        screen = window.findChild(OperatorScreen)
        assert screen.isVisible()
        screen.idle.setValue(30)  # for this run only
        assert window.visits.idle.idle_s == 30 and window.visits.idle.timer.isActive()
        screen.idle.setValue(0)
        assert not window.visits.idle.timer.isActive()
        assert not window.params.isVisible()
        screen.expert.setChecked(True)  # the engineer's controls, for the operator only
        assert window.params.isVisible() and window.run_bar.threads.isVisible()
        screen.leave.click()
        assert not window.isVisible()
        assert path.read_bytes() == before  # the operator's changes never reach the kiosk's file
    finally:
        controller.shutdown(10.0)


def test_five_wrong_pins_rest_the_pad_for_a_minute(qtbot, tmp_path):
    _, controller, window = kiosk_with_pin(qtbot, tmp_path)
    try:
        pad = window.visits.open_operator()
        for _ in range(TRIES):
            press(pad, "0000")
        press(pad, "4711")  # even the right one waits
        assert pad.isVisible() and pad.message.text().startswith("Too many wrong PINs: try again in ")
        pad.reject()
        again = window.visits.open_operator()  # closing and opening the pad does not reset the count
        press(again, "4711")
        assert again.isVisible() and again.message.text().startswith("Too many wrong PINs")
        window.visits.pin_failures[:] = [t - 61 for t in window.visits.pin_failures]  # a minute later
        press(again, "4711")
        assert not again.isVisible() and window.findChild(OperatorScreen) is not None
    finally:
        controller.shutdown(10.0)


def test_a_kiosk_whose_file_cannot_be_read_opens_to_no_pin(qtbot, tmp_path):
    from playground.ui.visits import UNREADABLE

    damaged = tmp_path / "kiosk.ini"
    damaged.write_text(f"[kiosk\npin={hash_pin('4711')}\n", encoding="utf-8")  # cut short by hand
    controller, window = build(Settings(damaged, kiosk=True), model_id="langid")
    qtbot.addWidget(window)
    try:
        pad = window.visits.open_operator()
        assert pad.message.text() == UNREADABLE
        press(pad, "4711")  # not even the PIN that is in the file: it cannot be trusted
        assert pad.isVisible() and window.findChild(OperatorScreen) is None
    finally:
        controller.shutdown(10.0)


def test_the_operator_chooses_the_visitors_models_and_turns_the_show_off(qtbot, tmp_path, require_model):
    require_model("langid")
    require_model("centerface")
    path, controller, window = kiosk_with_pin(qtbot, tmp_path)
    before = path.read_bytes()
    try:
        screen = window.visits._open_operator_screen()
        rows = {screen.models.item(i).data(Qt.ItemDataRole.UserRole): screen.models.item(i)
                for i in range(screen.models.count())}
        assert set(screen.chosen_models()) == set(rows)  # the file names no models: visitors see them all
        for model_id, row in rows.items():
            if model_id not in ("langid", "centerface"):
                screen.models.itemClicked.emit(row)  # a finger on the row
        assert set(screen.chosen_models()) == {"langid", "centerface"}
        assert sorted(window.picker.listed()) == ["centerface", "langid"]
        assert window.visits.attract.allowed == {"centerface", "langid"}
        screen.models.itemClicked.emit(rows["langid"])  # the model on screen goes: visitors start on the other
        assert controller.card.id == window.visits.home_model == "centerface"
        screen.models.itemClicked.emit(rows["centerface"])  # the last one stays: a kiosk needs a model
        assert screen.chosen_models() == ["centerface"]
        assert screen.attract.isChecked()
        window.visits.welcome()
        assert window.visits.attract.running
        screen.attract.setChecked(False)
        assert not window.visits.attract.running and not window.visits.show_attract
        window.visits.start_over()
        assert not window.visits.attract.running  # off until the kiosk next starts
        assert path.read_bytes() == before
    finally:
        controller.shutdown(10.0)
