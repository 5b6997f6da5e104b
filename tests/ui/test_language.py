"""The window's language: offered only when complete, chosen by the setting or the system, and spoken through
Qt's translators, numbers included."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from playground import paths
from playground.ui import i18n
from playground.ui.actions import WindowActions
from playground.ui.i18n import translate

GERMAN = {"&Run": "&Ausführen", "Small text": "Kleine Schrift",
          "{title} in the whole window, graphs included": "{title} im ganzen Fenster, die Grafiken auch"}


def compiled(folder: Path, code: str, messages: dict[str, str]) -> Path:
    """A translation file as Qt Linguist saves one, compiled with Qt's lrelease."""
    rows = "".join(f"<message><source>{s}</source><translation>{t}</translation></message>"
                   for s, t in ((s.replace("&", "&amp;"), t.replace("&", "&amp;")) for s, t in messages.items()))
    ts = folder / f"{code}.ts"
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="{code}">'
                  f"<context><name>WindowActions</name>{rows}</context></TS>", encoding="utf-8")
    lrelease = Path(__import__("sys").executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(ts), "-qm", str(folder / f"{code}.qm")], check=True, capture_output=True)
    return folder / f"{code}.qm"


@pytest.fixture
def english_afterwards(qapp):
    yield
    i18n.install(i18n.ENGLISH)


@pytest.fixture
def german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    translations = tmp_path / "translations"
    translations.mkdir()
    compiled(translations, "de", GERMAN)
    monkeypatch.setattr(i18n, "translations_dir", lambda: translations)
    explainers = tmp_path / "explainers"
    monkeypatch.setattr(paths, "explainers_root", lambda: explainers)
    return explainers


def test_english_and_german_are_offered_and_the_desktops_language_is_chosen_when_shipped():
    assert i18n.offered() == {"en": "English", "de": "Deutsch"}  # what this version ships
    assert i18n.choose("system", QLocale("de_DE")) == "de" and i18n.choose("de") == "de"
    assert i18n.choose("system", QLocale("fr_FR")) == "en" and i18n.choose("fr") == "en"


def test_a_translation_without_its_explainers_is_not_offered(german: Path):
    assert "de" not in i18n.offered()  # its .qm is there, but the lessons would be in English beside it
    (german / "de").mkdir(parents=True)
    assert i18n.offered() == {"en": "English", "de": "Deutsch"}
    assert i18n.choose("system", QLocale("de_AT")) == "de" and i18n.choose("system", QLocale("fr_FR")) == "en"
    assert i18n.choose("en", QLocale("de_DE")) == "en"  # the setting wins over the system


def test_the_window_speaks_the_chosen_language_numbers_included(qtbot, make_window, german, english_afterwards):
    (german / "de").mkdir(parents=True)
    controller, window = make_window(model_id="langid")
    i18n.install("de")
    actions = WindowActions(controller)
    small = actions.text_size["small"]
    assert actions.run.text() == "&Ausführen" and small.text() == "Kleine Schrift"
    assert small.statusTip() == "Kleine Schrift im ganzen Fenster, die Grafiken auch"
    assert QLocale().toString(1234.5, "f", 1) == "1.234,5"
    i18n.install("en")
    assert WindowActions(controller).run.text() == "&Run" and QLocale().toString(1234.5, "f", 1) == "1,234.5"


class Pseudo(QTranslator):
    """Every string it is asked for comes back bracketed: what goes through the translators shows it."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002 - Qt's signature
        return f"⟦{source}⟧"

    def isEmpty(self):
        return False


def test_the_cores_sentences_go_through_the_windows_translators_too(qapp, english_afterwards):
    from playground.core import words
    from playground.core.results.certainty import judge
    from playground.tasks import classify

    pseudo = Pseudo()
    qapp.installTranslator(pseudo)
    try:
        words.install(QCoreApplication.translate)  # as i18n.install does for any language but English
        said = judge([("bobsled", 0.13), ("helmet", 0.12)], classify.RULE).headline
        # The template and the reason are translated, the model's own word is not.
        assert said == "⟦Not sure: the best guess, bobsled, has only 13 %, so ⟦the picture may show something it never learned⟧.⟧"
    finally:
        qapp.removeTranslator(pseudo)
        words.install(None)
    assert judge([("espresso", 0.96)], classify.RULE).headline == "Most likely: espresso — 96 %"


def test_every_marked_string_is_found_by_qts_own_tool(tmp_path: Path):
    # `make translations` relies on lupdate finding every tr(), translate() and QT_TRANSLATE_NOOP() call.
    lupdate = Path(__import__("sys").executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (paths.root() / "playground").rglob("*.py"))
    out = subprocess.run([str(lupdate), *sources, "-ts", str(tmp_path / "xx.ts")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    text = (tmp_path / "xx.ts").read_text(encoding="utf-8")
    for source in ("Most likely: {name} — {top}", "&amp;Run", "Small text", "no mood stands out: the text may be "
                   "mixed, or say nothing about how it feels", "&amp;Keyboard shortcuts",
                   "Downloaded {models}: ready, and working offline from now on."):
        assert f"<source>{source}</source>" in text, source


def test_the_windows_controls_are_translated_region_by_region(qtbot, english_afterwards):
    from playground.ui.app import build
    from playground.ui.settings import Settings

    pseudo = Pseudo()
    QCoreApplication.instance().installTranslator(pseudo)
    try:
        controller, window = build(Settings(), model_id="langid")
        qtbot.addWidget(window)
        menus = [a for a in window.menuBar().actions()]
        learn = next(a for a in menus if "Learn" in a.text())
        items = [item for menu in menus if menu is not learn for item in menu.menu().actions()
                 if not item.isSeparator()]
        untranslated = [a.text() for a in menus + items if not a.text().startswith("⟦")]
        # The run bar: its labels, the optimisation levels, and what a screen reader hears.
        from PySide6.QtWidgets import QLabel, QToolButton

        bar = window.run_bar
        texts = [w.text() for w in bar.findChildren(QLabel) if w.text()]
        texts += [bar.opt.itemText(i) for i in range(bar.opt.count())]
        texts += [w.accessibleName() for w in bar.findChildren(QToolButton)]
        # The input panel: its buttons, the hint in the text box, the sample list's prompt, the input line.
        from PySide6.QtWidgets import QPushButton

        panel = window.input_panel
        from PySide6.QtWidgets import QCheckBox

        texts += [b.text() for b in panel.findChildren(QPushButton) + panel.findChildren(QCheckBox) if b.text()]
        texts += [panel.text_box.placeholderText(), panel.samples.placeholderText(), panel.current.text()]
        untranslated += [t for t in texts if not t.startswith("⟦")]
        # The graphs: every title, readout and legend (the rich ones hold their words among colour keys).
        window.graphs.refresh()
        labels = [w.text() for w in window.graphs.findChildren(QLabel) if w.text()]
        untranslated += [t for t in labels if "⟦" not in t]
        # The left column and the explainer: titles, buttons, the model groups, what a screen reader hears.
        tree = window.picker.tree
        texts = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
        for region in (window.picker, window.card_view, window.explainer):
            texts += [w.text() for w in region.findChildren(QLabel) + region.findChildren(QPushButton)
                      if w.text() and w.isVisibleTo(window)]
        # The knobs' names come from the model's card, translated with the cards; the panel's own words here.
        texts += [window.params.title.text(), window.params.reset.text()]
        texts += [tree.accessibleName(), window.card_view.browser.accessibleName(),
                  window.explainer.browser.accessibleName()]
        untranslated += [t for t in texts if not t.startswith("⟦")]
        assert untranslated == []
        controller.shutdown(10.0)
    finally:
        QCoreApplication.instance().removeTranslator(pseudo)


def test_a_views_sentences_and_the_thing_it_names_are_translated_apart(qtbot, english_afterwards):
    from playground.core.results import Label, Labels
    from playground.ui.views import create_view

    pseudo = Pseudo()
    QCoreApplication.instance().installTranslator(pseudo)
    try:
        view = create_view(Labels)
        qtbot.addWidget(view)
        view.show_result(Labels((Label("espresso", 0.96),)), None)
        view.copy_text("espresso", translate("ResultView", "list"))
        # The sentence is a template translated whole; the thing copied is translated on its own inside it.
        assert view.message.text() == "⟦Copied the ⟦list⟧.⟧"
    finally:
        QCoreApplication.instance().removeTranslator(pseudo)
