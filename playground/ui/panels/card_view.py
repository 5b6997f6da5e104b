"""The card view: the whole model card as a readable page (what it does, limits, licence, source, I/O, knobs)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QTextBrowser, QToolButton, QVBoxLayout, QWidget

from playground.core import explainers, readable
from playground.core.built import measured_words, read_manifest
from playground.core.card import ModelCard, TensorSpec
from playground.core.cpu import int8_caution
from playground.core.explainers import literal
from playground.core.shipped_cards import comes_with_app
from playground.ui.controller import Controller
from playground.ui.formatting import measurement_line
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.plain import PlainLabel
from playground.ui.widgets.fitted_button import FittedButton

# The card's own kind of input, said as a word (the card holds a code).
MODALITY_WORDS = {"image": QT_TRANSLATE_NOOP("CardView", "image"), "audio": QT_TRANSLATE_NOOP("CardView", "audio"),
                  "text": QT_TRANSLATE_NOOP("CardView", "text"),
                  "tensors": QT_TRANSLATE_NOOP("CardView", "tensors made from its signature")}
# How the weights become the model files (card.ROUTES), said as a word.
ROUTE_WORDS = {"as-is": QT_TRANSLATE_NOOP("CardView", "as-is"),
               "graph-edit": QT_TRANSLATE_NOOP("CardView", "graph-edit"),
               "convert": QT_TRANSLATE_NOOP("CardView", "convert"), "train": QT_TRANSLATE_NOOP("CardView", "train"),
               "own": QT_TRANSLATE_NOOP("CardView", "your own file")}


def _and(items: list[str]) -> str:
    """Names listed, the last one joined with the language's "and"."""
    if len(items) < 2:
        return "".join(items)
    return translate("CardView", "{names} and {last}").format(names=", ".join(items[:-1]), last=items[-1])


def _tensor(spec: TensorSpec, own: bool = False) -> str:
    """A tensor's line; a model a person brought names its tensors as its maker chose, so they are shown as text."""
    shape = " × ".join(literal(str(d)) if own else str(d) for d in spec.shape) or translate("CardView", "a single number")
    name = literal(spec.name) if own else f"`{spec.name}`"
    return f"- {name}: {spec.dtype}, {shape}" + (f" ({spec.layout})" if spec.layout else "")


def _own_texts(card: ModelCard) -> ModelCard:
    """A person's own model's card with every text shown as it is: its name is theirs, its dimensions the model's."""
    plain = [replace(p, label=literal(p.label)) for p in card.params]
    summary = translate("CardView", "Your model, added from {file}.").format(file=literal(card.source.file))
    return replace(card, name=literal(card.name), summary=summary,
                   description=literal(card.description), params=tuple(plain))


def _knob(p) -> str:  # noqa: ANN001 - a card.Param
    """A knob's line: its name and help are the card's own words; the default, range and choices are said here."""
    bounds = p.min is not None and p.max is not None
    # Figures as the language writes them (0,5 in German), as the knobs' own boxes show them.
    low, high = (readable.local(f"{p.min:g}"), readable.local(f"{p.max:g}")) if bounds else ("", "")
    default = readable.local(str(p.default)) if isinstance(p.default, (int, float)) else p.default
    choices = ", ".join(p.choices) if p.choices else ""
    if default == "" and not bounds and not choices:  # a text box that starts empty (a search)
        said = translate("CardView", "empty at first")
    elif bounds and choices:
        said = translate("CardView", "default {default}, from {low} to {high}, one of {choices}")
    elif bounds:
        said = translate("CardView", "default {default}, from {low} to {high}")
    elif choices:
        said = translate("CardView", "default {default}, one of {choices}")
    else:
        said = translate("CardView", "default {default}")
    said = said.format(default=default, low=low, high=high, choices=choices)
    return f"- **{p.label}** ({said})" + (f": {p.help}" if p.help else "")


def _word(words: dict[str, str], code: str) -> str:
    return translate("CardView", words[code]) if code in words else code


def _bold(text: str) -> str:
    return f"**{text}**"


# The page's words are translated in plain calls, never inside an f-string: Qt's lupdate does not look there.
def _field(name: str, value: object) -> str:
    return f"{_bold(name)} {value}"


def _heading(text: str) -> str:
    return f"#### {text}"


def card_markdown(card: ModelCard, installed: bool, kiosk: bool = False) -> str:
    """The card as Markdown, most useful first; hashes last, for the people who check them.

    The card's own texts (name, summary, description, credits) come from the card, translated with it; the
    page's headings, field names and sentences are the window's. Markup stays outside the translated words."""
    own = card.source.own
    if own:
        card = _own_texts(card)
    task = explainers.task_topic(card.task).title
    size = readable.size(card.size_bytes) if installed else translate("CardView", "not installed")
    lines = [f"### {card.name}", "", f"*{card.summary}*", ""]
    if not installed and kiosk:
        lines += [_bold(translate("CardView", "Not installed on this computer.")), ""]
    elif not installed:
        packages = _and([p.pypi for p in card.source.packages])
        fetches = translate("CardView", "{download}, in the middle of the window, fetches {packages} ({size}) from "
                                        "PyPI once and checks every file against the hashes below.").format(
            download=_bold(translate("CardView", "Download")), packages=packages,
            size=readable.size(card.source.download_size))
        lines += [_field(translate("CardView", "Not installed yet."), fetches), ""]
    lines += [card.description, ""]
    # The build's own summary of what it measured here: a card's text defers to it rather than quoting
    # figures that differ from one processor to the next.
    measured = measured_words(card) if installed else {}
    headline = measured.pop("headline", "")
    if isinstance(headline, str) and headline:
        lines += [_field(translate("CardView", "Measured when it was built here:"), headline), ""]
    caution = int8_caution(card.tags)
    if caution:
        lines += [_field(translate("CardView", "On this computer:"), caution), ""]
    if card.works_well_on:
        lines += [_field(translate("CardView", "Works well on:"), card.works_well_on), ""]
    if card.fails_on:
        lines += [_field(translate("CardView", "Struggles with:"), card.fails_on), ""]
    modality = _word(MODALITY_WORDS, card.modality)
    lines += ["- " + _field(translate("CardView", "Task:"), task),
              "- " + _field(translate("CardView", "Input:"), modality),
              "- " + _field(translate("CardView", "Size on disk:"), size),
              "- " + _field(translate("CardView", "Parameters:"), readable.count(card.parameters)),
              "- " + _field(translate("CardView", "Licence:"), card.license),
              "- " + _field(translate("CardView", "Credits:"), card.attribution), ""]
    if measured:
        lines += [_heading(translate("CardView", "Measured when it was built on this computer")), "",
                  *(f"- {measurement_line(k, v)}" for k, v in measured.items()), ""]
    if card.params:
        lines += [_heading(translate("CardView", "Knobs")), "", *(_knob(p) for p in card.params), ""]
    lines += [_heading(translate("CardView", "Inputs")), "", *(_tensor(t, own) for t in card.inputs), "",
              _heading(translate("CardView", "Outputs")), "", *(_tensor(t, own) for t in card.outputs), ""]
    lines += [_heading(translate("CardView", "Where the weights come from")), ""]
    if own:
        lines += ["- " + translate("CardView", "Your file {file}, kept as a copy in {folder}").format(
            file=literal(card.source.file), folder=literal(str(card.folder)))]
    for package in card.source.packages:
        lines += ["- " + translate("CardView", "Package {package} from PyPI, file {file}, sha256 {sha256}").format(
            package=f"`{package.pypi}`", file=f"`{package.file}`", sha256=f"`{package.sha256}`"),
                  *("- " + _member_line(m) for m in package.members)]
    route = (translate("CardView", "Route: {route} with the recipe {recipe}") if card.source.recipe else
             translate("CardView", "Route: {route}"))
    route = route.format(route=_word(ROUTE_WORDS, card.source.route), recipe=f"`{card.source.recipe}`")
    lines += [f"- {route}", *(_built_line(card, f, installed) for f in card.files)]
    return "\n".join(lines) + "\n"


def _member_line(m) -> str:  # noqa: ANN001 - a card.Member
    said = (translate("CardView", "Taken from {path} → {inner}, sha256 {sha256}") if m.inner else
            translate("CardView", "Taken from {path}, sha256 {sha256}"))
    return said.format(path=f"`{m.path}`", inner=f"`{m.inner}`", sha256=f"`{m.sha256}`")


def _built_line(card: ModelCard, f, installed: bool) -> str:  # noqa: ANN001 - a card.BuiltFile
    path, role = f"`{f.path}`", f.role
    if f.reproducible:
        return "- " + translate("CardView", "Built file {path} ({role}), sha256 {sha256}").format(
            path=path, role=role, sha256=f"`{f.sha256}`")
    recorded = read_manifest(card).get("files", {}).get(f.role, {}).get("sha256", "") if installed else ""
    if recorded:
        return "- " + translate("CardView", "Built file {path} ({role}), sha256 {sha256} as built here (trained or "
                                            "calibrated on this computer, so its bytes differ from one processor to "
                                            "another)").format(path=path, role=role, sha256=f"`{recorded}`")
    return "- " + translate("CardView", "Built file {path} ({role}), sha256 recorded when it is built (trained or "
                                        "calibrated on this computer, so its bytes differ from one processor to "
                                        "another)").format(path=path, role=role)


def _confirm(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(parent, translate("CardView", "Remove the model"), question,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                  QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


class CardView(QWidget):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = PlainLabel(translate("CardView", "Model card"), self)
        title.setStyleSheet("font-weight: bold;")
        # Beside the title, a flat tool button no taller than the title's text: the left column's smallest
        # height, and with it the projector's 1280 × 720 window, stays as it was.
        self.remove_button = QToolButton(self)
        self.remove_button.setText(translate("CardView", "Remove…"))
        self.remove_button.setAutoRaise(True)
        self.remove_button.setAccessibleName(translate("CardView", "Remove this model from this computer"))
        self.remove_button.setMaximumHeight(title.sizeHint().height())
        self.remove_button.clicked.connect(self._remove)
        # A model the person added can have an int8 twin made: beside Remove…, in the same flat style.
        self.twin_button = QToolButton(self)
        self.twin_button.setText(translate("CardView", "Make int8 twin"))
        self.twin_button.setAutoRaise(True)
        self.twin_button.setToolTip(translate("CardView", "Quantise its MatMul and Gemm weights to int8 and keep that "
                                                          "beside it, to compare their answers and speed"))
        self.twin_button.setMaximumHeight(title.sizeHint().height())
        self.twin_button.clicked.connect(controller.own.make_twin)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.twin_button)
        header.addWidget(self.remove_button)
        layout.addLayout(header)
        self.confirm = _confirm  # a test answers in its place
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # the app never touches the network, not even for a link
        self.browser.setAccessibleName(translate("CardView", "Model card"))
        title.setBuddy(self.browser)
        layout.addWidget(self.browser)
        self._compare_row = QHBoxLayout()
        layout.addLayout(self._compare_row)
        self.compare_buttons: list[QPushButton] = []
        self.browser.setMarkdown(translate("CardView", "Pick a model from the list to read its card."))
        controller.model_changed.connect(self._on_model_changed)
        for news in (controller.installed_changed, controller.fetcher.changed, controller.fetcher.failed,
                     controller.fetcher.cancelled, controller.fetcher.finished, controller.fetcher.removed):
            news.connect(self._update_remove)
        self._update_remove()

    def _update_remove(self, *_news: object) -> None:
        """Offered for a model that is here, while no download runs; never on a kiosk."""
        c, card = self._controller, self._controller.card
        here = card is not None and c.installed(card)
        # A model that came with the app is part of it: removing it would free nothing.
        self.remove_button.setVisible(here and not c.settings.kiosk and card is not None and not comes_with_app(card))
        self.remove_button.setEnabled(not c.fetcher.busy)
        self.twin_button.setVisible(here and c.own.can_make_twin(card))
        if here:
            assert card is not None
            tip = (translate("CardView", "Delete it, card and files ({size}); the file you added it from stays")
                   if card.source.own else
                   translate("CardView", "Delete its {size} of files; Download brings them back"))
            self.remove_button.setToolTip(tip.format(size=readable.size(card.own_bytes)))

    def _remove(self) -> None:
        card = self._controller.card
        if card is None or not self._controller.installed(card):
            return
        question = (translate("CardView", "Remove {model} from your models? Its copy and card ({size}) are deleted; "
                                          "the file you added it from stays where it is.") if card.source.own else
                    translate("CardView", "Remove {model} from this computer? It frees {size}. Its card stays in the "
                                          "list: Download brings it back from the package already downloaded, with no "
                                          "network needed.")).format(model=card.name, size=readable.size(card.own_bytes))
        if self.confirm(self, question):
            self._controller.remove(card.id)

    def _fill_compare(self, card: ModelCard | None) -> None:
        """One button per model that does the same job differently: same input, other model, one click."""
        for button in self.compare_buttons:
            button.deleteLater()
        self.compare_buttons = []
        for other_id in card.compare_with if card else ():
            if other_id not in self._controller.catalog.ids:
                continue
            other = self._controller.catalog.get(other_id)
            # Two lines, each shortened to the column's width: a long name must not widen the column.
            button = FittedButton(translate("CardView", "Try the same input with\n{model}").format(model=other.name), self)
            button.setToolTip(translate("CardView", "Switch to {model} and run it on what you gave this model, to compare.")
                              .format(model=other.name))
            button.clicked.connect(lambda _=False, model_id=other_id: self._controller.select_model(model_id))
            self._compare_row.addWidget(button)
            self.compare_buttons.append(button)

    def _on_model_changed(self, card: ModelCard | None) -> None:
        self._fill_compare(card)
        self._update_remove()
        if card is None:
            self.browser.setMarkdown(translate("CardView", "Pick a model from the list to read its card."))
            return
        self.browser.setMarkdown(card_markdown(card, self._controller.installed(card), self._controller.settings.kiosk))
        self.browser.verticalScrollBar().setValue(0)
