"""Every key listed on Help → Keyboard shortcuts, and each new answer said once to a screen reader."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence

from playground.ui import announce
from playground.ui.announce import Announcer, spoken
from playground.ui.shortcuts import control_keys
from tests.ui.test_main_window import wait_for_result


def table_rows(dialog) -> list[tuple[str, str]]:
    t = dialog.table
    return [(t.item(r, 0).text(), t.item(r, 1).text()) for r in range(t.rowCount())]


def test_the_shortcuts_page_lists_every_window_key_from_the_actions_themselves(make_window):
    controller, window = make_window(model_id="langid")
    help_menu = window.help_menu
    assert "&Keyboard shortcuts" in [a.text() for a in help_menu.actions()]
    assert window.shortcuts_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    dialog = window.show_shortcuts()
    rows = dict(table_rows(dialog))
    for action in window.commands.all():
        for key in filter(None, (k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())):
            name = action.text().replace("&", "").rstrip("…")
            assert key in rows[name], name
    assert rows["Run"] == "Ctrl+R, F5" and rows["Large text"] == "Ctrl+=, Ctrl++"
    for what, keys in control_keys():
        assert rows[what] == keys
    dialog.close()


@pytest.mark.parametrize("headline, said", [
    ("Most likely: tabby cat — 62 %", "Most likely: tabby cat, 62 percent"),
    ("A close call between tiger cat (38 %) and Egyptian cat (37 %).",
     "A close call between tiger cat (38 percent) and Egyptian cat (37 percent)."),
    ("4 speech segments: 6.2 s of speech in 12.0 s", "4 speech segments: 6.2 s of speech in 12.0 s"),
])
def test_an_answer_is_said_the_way_a_screen_reader_reads_it_well(headline, said):
    assert spoken(headline) == said


def test_an_answer_is_announced_once_until_it_or_the_input_changes(qtbot, monkeypatch):
    sent = []
    monkeypatch.setattr(announce.QAccessible, "updateAccessibility", lambda event: sent.append(event.message()))
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    qtbot.addWidget(label)
    voice = Announcer()
    assert voice.announce(label, "Most likely: espresso — 96 %") == "Most likely: espresso, 96 percent"
    assert voice.announce(label, "Most likely: espresso — 96 %") == ""  # repeat mode: said once
    voice.forget()  # another input
    voice.announce(label, "Most likely: espresso — 96 %")
    assert sent == ["Most likely: espresso, 96 percent"] * 2


@pytest.mark.models
def test_the_window_announces_each_new_answer(qtbot, make_window, require_model, monkeypatch):
    require_model("langid")
    sent = []
    monkeypatch.setattr(announce.QAccessible, "updateAccessibility", lambda event: sent.append(event.message()))
    controller, window = make_window(model_id="langid")
    window.input_panel.text_box.setPlainText("Dies ist ein ganz gewöhnlicher deutscher Satz über das Wetter.")
    wait_for_result(qtbot, window)
    assert sent == ["Most likely: German, 100 percent"]
