"""The window's own frame speaks the chosen language: the model card's page, the kiosk and its operator's screens,
the privacy badge and the status line. Under a translator that brackets what it translates, every word they show
is bracketed, except values: the card's own texts (translated with the cards), names, numbers, files and hashes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from playground.core import explainers, words
from playground.core.built import measured_at_build, read_manifest
from playground.core.card import ModelCard
from playground.core.cpu import int8_caution
from playground.core.netwatch import NetWatch
from playground.core.pin import hash_pin
from playground.ui import inputs
from playground.ui.app import build
from playground.ui.idle import IdleReset
from playground.ui.operator import TRIES, OperatorScreen, PinPad
from playground.ui.panels.card_view import card_markdown
from playground.ui.privacy import NetworkBadge
from playground.ui.settings import Settings
from tests.ui.test_language import Pseudo

WORD = re.compile(r"[^\W\d_]{2,}")  # a word of two letters or more; "×", "N" and figures are not words
UNITS = {"MB", "KB", "GB", "kB", "ms"}  # said after a figure, the same in every language here
INNERMOST = re.compile(r"⟦[^⟦⟧]*⟧")


@pytest.fixture
def pseudo(qapp):
    """Qt's translators and the core's both bracket what they translate, as a language's would translate it."""
    translator = Pseudo()
    qapp.installTranslator(translator)
    words.install(QCoreApplication.translate, "xx")
    yield translator
    qapp.removeTranslator(translator)
    words.install(None)


def _flat(text: str) -> str:
    return " ".join(text.split())


def rendered(markdown: str) -> str:
    """What a page of Markdown reads as on screen, its lines run together."""
    document = QTextDocument()
    document.setMarkdown(markdown)
    return _flat(document.toPlainText())


def unbracketed(text: str, values: list[str] = (), markdown: bool = False) -> list[str]:
    """The words of `text` outside the brackets, once the given values (as they are shown) are taken out."""
    shown = _flat(text)
    for value in sorted({v for v in values if v and v.strip()}, key=len, reverse=True):  # longest first
        shown = shown.replace(rendered(value) if markdown else _flat(value), " ")
    while INNERMOST.search(shown):
        shown = INNERMOST.sub(" ", shown)
    return [w for w in WORD.findall(shown) if w not in UNITS]


def card_values(card: ModelCard) -> list[str]:
    """What the card page shows that is not the window's own words: the card's texts, names, files and hashes,
    what the build measured in its own words, and the core's words that are translated with the core."""
    values = [card.name, card.summary, card.description, card.works_well_on, card.fails_on, card.license,
              card.attribution, card.source.recipe, explainers.task_topic(card.task).title, int8_caution(card.tags)]
    for p in card.params:
        values += [p.label, p.help, str(p.default), *p.choices]
    for spec in (*card.inputs, *card.outputs):
        values += [spec.name, spec.dtype, spec.layout, *(str(d) for d in spec.shape)]
    for package in card.source.packages:
        values += [package.pypi, package.file, package.sha256]
        values += [v for m in package.members for v in (m.path, m.inner, m.sha256)]
    values += [v for f in card.files for v in (f.path, f.role, f.sha256)]
    values += [str(f.get("sha256", "")) for f in read_manifest(card).get("files", {}).values()]
    values += [v for v in measured_at_build(card).values() if isinstance(v, str)]
    return values


def card_page(window, card: ModelCard) -> str:
    window.controller.model_changed.emit(card)
    return window.card_view.browser.toPlainText()


@pytest.mark.parametrize("model_id", ["efficientnet-lite0-int8", "digits", "smollm2-135m", "sentiment"])
def test_the_card_page_says_its_own_words_in_the_language_installed_or_not(qtbot, pseudo, monkeypatch, model_id):
    controller, window = build(Settings(), model_id="langid")
    qtbot.addWidget(window)
    try:
        card = controller.catalog.get(model_id)
        if controller.installed(card):
            page = card_page(window, card)
            assert "⟦Measured when it was built on this computer⟧" in page or not measured_at_build(card)
            assert unbracketed(page, card_values(card), markdown=True) == []
        monkeypatch.setattr(controller, "installed", lambda _card: False)
        page = card_page(window, card)
        assert "⟦Not installed yet.⟧" in page and "⟦Download⟧" in page
        assert unbracketed(page, card_values(card), markdown=True) == []
        kiosk = rendered(card_markdown(card, installed=False, kiosk=True))
        assert "⟦Not installed on this computer.⟧" in kiosk
        assert unbracketed(kiosk, card_values(card), markdown=True) == []
    finally:
        controller.shutdown(10.0)


def texts_of(widget: QWidget) -> list[str]:
    """Every label, button and box a person reads in `widget`, its title, and what a screen reader says."""
    shown = [widget.windowTitle()]
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        shown += [child.text(), child.toolTip(), child.accessibleName()]
    for child in widget.findChildren(QWidget):
        shown += [child.accessibleName(), child.accessibleDescription(), child.toolTip()]
    return [s for s in shown if s]


def kiosk(qtbot, tmp_path: Path, pin: str = "4711"):
    path = tmp_path / "kiosk.ini"
    path.write_text(f"[kiosk]\nlocked=true\nidle_seconds=90\npin={hash_pin(pin)}\n", encoding="utf-8")
    controller, window = build(Settings(path), model_id="langid")
    qtbot.addWidget(window)
    return controller, window


def test_the_kiosk_its_pin_pad_and_its_operator_screen_speak_the_language(qtbot, tmp_path, pseudo):
    controller, window = kiosk(qtbot, tmp_path)
    names = [card.name for card in controller.catalog.cards]
    try:
        assert window.visits.attract.banner.text() == "⟦Touch to try it yourself⟧"
        pad = window.visits.open_operator()
        assert isinstance(pad, PinPad)
        pad.entry.setText("1234")
        pad.try_pin()
        assert pad.message.text() == "⟦That is not the operator PIN.⟧"
        for _ in range(TRIES):
            pad.entry.setText("0000")
            pad.try_pin()
        assert pad.message.text().startswith("⟦Too many wrong PINs: try again in ")
        said = texts_of(pad)
        assert "⟦Delete the last digit⟧" in said and "⟦Back to the kiosk⟧" in said
        assert [s for s in said if unbracketed(s)] == []
        pad.reject()
        screen = window.visits._open_operator_screen(pin_set=False)  # no PIN: the screen warns of it too
        assert isinstance(screen, OperatorScreen)
        said = texts_of(screen)
        assert "⟦Leave the kiosk⟧" in said and any(s.startswith("⟦No operator PIN is set") for s in said)
        assert [s for s in said if unbracketed(s)] == []
        rows = [screen.models.item(i).text() for i in range(screen.models.count())]
        assert rows and [r for r in rows if unbracketed(r, names)] == []  # the models' names, from their cards
        screen.reject()
    finally:
        controller.shutdown(10.0)


def test_a_kiosk_that_cannot_read_its_file_says_so_in_the_language(qtbot, tmp_path, pseudo):
    damaged = tmp_path / "kiosk.ini"
    damaged.write_text("[kiosk\npin=1\n", encoding="utf-8")
    controller, window = build(Settings(damaged, kiosk=True), model_id="langid")
    qtbot.addWidget(window)
    try:
        pad = window.visits.open_operator()
        assert pad.message.text().startswith("⟦The kiosk's settings file could not be read")
    finally:
        controller.shutdown(10.0)


def test_the_countdown_before_starting_over_speaks_the_language(qtbot, pseudo):
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    now = [1000.0]
    idle = IdleReset(window, lambda: None, idle_s=20, warn_s=15, clock=lambda: now[0])
    try:
        idle.timer.stop()
        now[0] += 10
        idle.tick()
        assert idle.banner.text() == "⟦Still there? Touch to keep going.\nStarting over for the next visitor in 10 s.⟧"
        assert idle.banner.accessibleName() == "⟦Starting over soon⟧"
    finally:
        idle.stop()


def test_the_privacy_badge_speaks_the_language(qtbot, pseudo):
    watched = NetWatch()
    badge = NetworkBadge(watched=watched)
    qtbot.addWidget(badge)
    assert badge.text().startswith("✓ ⟦") and unbracketed(badge.text()) == []
    assert badge.toolTip().startswith("⟦The playground watches") and badge.accessibleName() == "⟦Network requests⟧"
    watched.hook("socket.getaddrinfo", ("example.org", 443, 0, 0, 0, 0))
    badge.refresh()
    # Which host was asked for and which file asked are values; everything around them is the language's.
    asked = watched.attempts[-1]
    assert badge.text().startswith("⚠ ⟦") and unbracketed(badge.text(), ["example.org", asked.origin]) == []


def test_the_status_line_and_its_sentences_speak_the_language(qtbot, tmp_path, pseudo):
    controller, window = build(Settings(), model_id="langid")
    qtbot.addWidget(window)
    card = controller.card
    try:
        assert window.status.accessibleName() == "⟦Status⟧"
        assert window.save_report(tmp_path / "report.html") == "⟦Nothing has run yet: run a model first, then save the report.⟧"
        said = []
        controller.status_changed.connect(said.append)
        with qtbot.waitSignal(controller.result_ready, timeout=60_000):
            controller.set_text("Bonjour tout le monde")
        assert said[0] == f"⟦Running {card.name} on ⟦typed text⟧…⟧"
        sentence = window.save_report(tmp_path / "report.html")
        assert sentence == "⟦Saved the report of 1 run as report.html, with report.csv and report.json.⟧"
        controller.set_repeat(True)
        qtbot.waitUntil(lambda: any(s.startswith("⟦Repeating (Esc stops) · ") for s in said), timeout=60_000)
        controller.cancel()
        qtbot.waitUntil(lambda: controller.repeat is False and not controller.busy, timeout=60_000)
        # What the window says when something is missing or refused: whole sentences, the model's name a value.
        for sentence in (inputs.missing(None, False, None), inputs.missing(card, True, None),
                         inputs.missing(card, True, None, files=False), inputs.not_here(card, kiosk=True),
                         inputs.refusal(inputs.InputChoice(tmp_path, "a folder", "file"), card),
                         inputs.said_in_window(f"{card.name} lost a file: run 'playground models fetch langid' to "
                                               "rebuild it.")):
            assert sentence.startswith("⟦") or "⟦" in sentence, sentence
        assert unbracketed(inputs.missing(card, True, None), [card.name]) == []
        assert unbracketed(inputs.refusal(inputs.InputChoice(tmp_path, "x", "file"), card), [str(tmp_path)]) == []
    finally:
        controller.shutdown(10.0)


def test_a_damaged_settings_file_is_reported_in_the_language(tmp_path, pseudo):
    path = tmp_path / "playground.ini"
    path.write_bytes(b"\0" * 10)
    settings = Settings(path)
    assert settings.problem.startswith(f"The settings file {path} could not be read (line 1")  # the log's, as written
    said = settings.said_problem()
    assert said.startswith("⟦The settings file") and "⟦line 1 is not a setting⟧" in said
    assert unbracketed(said, [str(path), "playground.ini.broken"]) == []


def test_no_marked_string_hides_inside_an_f_string():
    # Qt's lupdate reads calls in the code, but not inside an f-string's braces: a string marked there would be
    # translated by no translation file, and the window would show it in English whatever the language.
    import ast

    from playground import paths

    hidden = []
    for source in sorted((paths.root() / "playground").rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for call in (n for n in ast.walk(node) if isinstance(n, ast.Call)):
                name = getattr(call.func, "id", getattr(call.func, "attr", ""))
                literal = call.args and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in call.args)
                if name in ("translate", "tr", "QT_TRANSLATE_NOOP") and literal:
                    hidden.append(f"{source.relative_to(paths.root())}:{call.lineno}")
    assert hidden == []
