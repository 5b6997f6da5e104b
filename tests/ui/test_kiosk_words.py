"""A kiosk says only what a visitor can do there: no sentence, button or tip offers to open a file."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QTextBrowser

from playground.core import explainers
from playground.core.catalog import load_catalog
from playground.lab.lesson_facts import BATCH, CLOUD, COST, INT8, LATENCY, MODEL, POST, PRIVACY, TRAINING
from playground.ui.app import build
from playground.ui.inputs import missing
from playground.ui.settings import Settings

# ("open the input" names a step of every run, not something to do.)
OFFERS_A_FILE = re.compile(r"\bopen (a|an|one|your)\b|\bopen file|\bor open\b|\bdrop (a|one|it)\b", re.IGNORECASE)


def all_topics() -> list[explainers.Topic]:
    tasks = sorted({card.task for card in load_catalog().cards})
    return [*explainers.GENERAL_TOPICS, *(explainers.task_topic(t) for t in tasks),
            BATCH, CLOUD, COST, INT8, LATENCY, MODEL, POST, PRIVACY, TRAINING]


@pytest.mark.parametrize("topic", all_topics(), ids=lambda t: t.id)
def test_no_explainer_offers_a_kiosk_visitor_a_file(topic):
    for has_run in (False, True):
        text = explainers.render(topic, {}, has_run, files=False)
        assert not OFFERS_A_FILE.search(text), (has_run, OFFERS_A_FILE.search(text).group(0))


def test_the_desktop_still_offers_files_where_the_kiosk_does_not():
    faces = explainers.task_topic("faces")
    assert "Open a photo" in explainers.render(faces, {}, False)
    assert "Open a photo" not in explainers.render(faces, {}, False, files=False)
    card = load_catalog().get("langid")
    assert missing(card, True, None).endswith("first: open a file, paste, or pick a sample.")
    assert missing(card, True, None, files=False).endswith("first: paste, or pick a sample.")


@pytest.mark.models
def test_nothing_on_a_kiosk_screen_offers_a_file_for_any_model(qtbot, tmp_path, require_model):
    require_model("langid")
    path = tmp_path / "kiosk.ini"
    path.write_text("[kiosk]\nlocked=true\nattract=false\n", encoding="utf-8")
    controller, window = build(Settings(path), model_id="langid")
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    try:
        for card in controller.catalog.cards:
            if not controller.installed(card):
                continue
            controller.select_model(card.id)
            window.explainer.refresh()
            said = []
            for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
                if widget.isVisible():
                    said += [widget.text(), widget.toolTip()]
            said += [b.toPlainText() for b in window.findChildren(QTextBrowser) if b.isVisible()]
            said.append(window.status.text())
            offers = [s for s in said if OFFERS_A_FILE.search(s)]
            assert offers == [], (card.id, offers)
    finally:
        controller.shutdown(10.0)
