"""The input panel: open, paste, samples, a camera, a microphone, a drawing board, a text box, and the error line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from playground.core import media, readable
from playground.core.card import ModelCard
from playground.core.media.long_audio import LongAudio
from playground.core.pipeline import Outcome
from playground.tasks.chat import NO_MESSAGE
from playground.ui import theme
from playground.ui.controller import Controller
from playground.ui.drops import Offer, nothing_usable, offer_from_mime
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.inputs import InputChoice, entry_of
from playground.ui.microphone import Microphone
from playground.ui.panels.camera_panel import CameraPanel
from playground.ui.panels.draw_panel import DrawPanel
from playground.ui.plain import PlainLabel
from playground.ui.samples import sample_files, sample_name
from playground.ui.widgets.flow import side_by_side_if_room

if TYPE_CHECKING:  # built when first shown: its speech graph would load pyqtgraph before the first screen
    from playground.ui.panels.mic_panel import MicPanel

TYPING_PAUSE_MS = 500  # run once the person pauses, not on every key
BIG_TEXT_POINTS = 12  # above this (a kiosk, a projector) the buttons and the samples take a row each
TYPING_HINT = QT_TRANSLATE_NOOP("InputPanel", "Type or paste some text or code here; it runs when you pause typing.")
SEND_HINT = QT_TRANSLATE_NOOP("InputPanel", "Type a message and press Enter to send it (Shift+Enter starts a new line).")
MIC_TIP = QT_TRANSLATE_NOOP("InputPanel", "Record from the microphone and run the model on what you say")
CAMERA_TIP = QT_TRANSLATE_NOOP("InputPanel", "Show the camera and run the model on what it sees")
# What the Open dialog asks for, and the name of its file filter, by the kind of input.
_OPEN = {"image": (QT_TRANSLATE_NOOP("InputPanel", "Open a picture"), QT_TRANSLATE_NOOP("InputPanel", "Pictures")),
         "audio": (QT_TRANSLATE_NOOP("InputPanel", "Open a recording"), QT_TRANSLATE_NOOP("InputPanel", "Recordings")),
         "text": (QT_TRANSLATE_NOOP("InputPanel", "Open a text file"), QT_TRANSLATE_NOOP("InputPanel", "Text"))}


def file_filter(modality: str) -> str:
    noun = translate("InputPanel", _OPEN.get(modality, ("", QT_TRANSLATE_NOOP("InputPanel", "Files")))[1])
    patterns = " ".join(f"*{ext}" for ext in media.SUPPORTED.get(modality, ()))
    return f"{noun} ({patterns});;" + translate("InputPanel", "All files (*)")


def describe(decoded: Any) -> str:
    """What the model was actually given, in a few words."""
    if isinstance(decoded, media.ImageData):
        w, h = decoded.size  # the file's own size, also where a large JPEG was decoded reduced for a classifier
        return translate("InputPanel", "{name}: {w} × {h} pixels").format(name=decoded.label, w=w, h=h)
    if isinstance(decoded, LongAudio):
        return readable.fill(translate("InputPanel", "{name}: {minutes:.0f} minutes of sound at {khz:g} kHz"),
                             name=decoded.label, minutes=decoded.seconds / 60, khz=decoded.sample_rate / 1000)
    if isinstance(decoded, media.AudioData):
        seconds = len(decoded.samples) / decoded.sample_rate if decoded.sample_rate else 0.0
        return readable.fill(translate("InputPanel", "{name}: {seconds:.1f} s of sound at {khz:g} kHz"),
                             name=decoded.label, seconds=seconds, khz=decoded.sample_rate / 1000)
    if isinstance(decoded, media.TextData):
        said = (translate("InputPanel", "{name}: {count:,} characters (shortened)") if decoded.truncated else
                translate("InputPanel", "{name}: {count:,} characters"))
        return readable.fill(said, name=decoded.label, count=len(decoded.text))
    return getattr(decoded, "label", "")


class InputPanel(QWidget):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._card: ModelCard | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._source_row())
        self.text_box = QPlainTextEdit(self)
        self.text_box.setPlaceholderText(translate("InputPanel", TYPING_HINT))
        self.text_box.setAccessibleName(translate("InputPanel", "Text input"))
        self.text_box.setTabChangesFocus(True)  # Tab must move on, so every control stays reachable
        self.text_box.setAcceptDrops(False)  # a dropped file is an input, not text to insert
        self.text_box.setMaximumHeight(110)
        self.text_box.installEventFilter(self)
        text_row = QHBoxLayout()
        text_row.addWidget(self.text_box, 1)
        self.send_button = self._button(translate("InputPanel", "Send"),
                                        translate("InputPanel", "Send the message to the model (Enter)"), self.send)
        self.send_button.hide()
        text_row.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(text_row)
        self.draw_panel = DrawPanel(controller, self)
        self.draw_panel.hide()
        layout.addWidget(self.draw_panel)
        self.camera_panel = CameraPanel(controller, self)
        self.camera_panel.hide()
        layout.addWidget(self.camera_panel)
        # The recorder is built when first shown; the microphone itself says beforehand whether there is one.
        self.microphone = Microphone(self)
        self._mic_panel: MicPanel | None = None
        self.current = PlainLabel(translate("InputPanel", "No input yet."), self)
        self.current.setAccessibleName(translate("InputPanel", "Current input"))
        self.current.setWordWrap(True)
        layout.addWidget(self.current)
        self.error = PlainLabel("", self)
        theme.themed(self.error, "error", "font-weight: bold;")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(translate("InputPanel", "Input problem"))
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # commands to copy
        self.error.hide()
        layout.addWidget(self.error)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._typed)
        self.text_box.textChanged.connect(self._on_text_edited)
        controller.model_changed.connect(self._on_model_changed)
        controller.input_changed.connect(self._on_input_changed)
        controller.visitor_forgotten.connect(self.forget)
        controller.input_rejected.connect(self.show_error)
        controller.run_failed.connect(self.show_error)
        controller.run_started.connect(self.clear_error)
        controller.result_ready.connect(self._on_result)
        self._on_model_changed(controller.card)

    def _source_row(self) -> QBoxLayout:
        """The buttons, then the samples: side by side, or one above the other when big text would make the
        row wider than a projector's picture (see changeEvent)."""
        self.source_rows = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row = QHBoxLayout()
        self.source_rows.addLayout(row)
        self.open_button = self._button(translate("InputPanel", "Open file…"),
                                        translate("InputPanel", "Open a file from this computer (Ctrl+O)"), self.open_file)
        self.paste_button = self._button(translate("InputPanel", "Paste"),
                                         translate("InputPanel", "Use the picture or text on the clipboard (Ctrl+V)"), self.paste)
        self.camera_button = self._button(translate("InputPanel", "Camera"), translate("InputPanel", CAMERA_TIP),
                                          self.toggle_camera)
        self.camera_button.setCheckable(True)
        self.mic_button = self._button(translate("InputPanel", "Microphone"), translate("InputPanel", MIC_TIP),
                                       self.toggle_microphone)
        self.mic_button.setCheckable(True)
        row.addWidget(self.open_button)
        row.addWidget(self.paste_button)
        row.addWidget(self.camera_button)
        row.addWidget(self.mic_button)
        row.addStretch(1)
        row = QHBoxLayout()
        self.source_rows.addLayout(row, 1)
        self.samples_label = PlainLabel(translate("InputPanel", "or try a sample:"), self)
        self.samples = QComboBox(self)
        self.samples.setAccessibleName(translate("InputPanel", "Sample inputs"))
        self.samples.setPlaceholderText(translate("InputPanel", "Choose a sample…"))
        self.samples.setMinimumContentsLength(16)
        self.samples.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.samples.activated.connect(self._on_sample_chosen)
        self.samples_label.setBuddy(self.samples)
        row.addWidget(self.samples_label)
        row.addWidget(self.samples)
        row.addStretch(1)
        self._stack_rows()
        return self.source_rows

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._stack_rows()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._stack_rows()

    def _stack_rows(self) -> None:
        """Big text, or a window too narrow for one row: the samples go under the buttons."""
        side_by_side_if_room(self, self.source_rows, allowed=self.font().pointSizeF() <= BIG_TEXT_POINTS)

    def _button(self, text: str, tip: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.setAccessibleName(text.rstrip("…"))
        button.setAccessibleDescription(tip)
        button.clicked.connect(slot)
        return button

    # --- commands (also reached from the window's actions) -----------------------------------------

    def open_file(self) -> None:
        modality = self._card.modality if self._card else "image"
        title = translate("InputPanel", _OPEN.get(modality, (QT_TRANSLATE_NOOP("InputPanel", "Open a file"), ""))[0])
        name, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()), file_filter(modality))
        if name:
            self.open_path(Path(name), "file")

    def toggle_camera(self, on: bool) -> None:
        """Open the camera under the buttons, or close it (and its light) again."""
        if on and not self.camera_panel.open_camera():
            self.camera_button.setChecked(False)
            self.show_error(self.camera_panel.problem)
            return
        self.camera_panel.setVisible(on)

    def open_path(self, path: Path, origin: str = "file") -> None:
        if path.suffix.lower() == ".onnx" and self.files:  # a model, not an input: kept among the person's models
            self._controller.own.add(path)
            return
        self._controller.set_input(path, path.name, origin)

    def paste(self) -> None:
        self.accept_offer(offer_from_mime(QGuiApplication.clipboard().mimeData(), "paste", self.files), "paste")

    def accept_offer(self, offer: Offer | None, origin: str) -> None:
        """Pasted or dropped data; text for a text model goes into the box so the person sees it."""
        if offer is None:
            self.show_error(nothing_usable(origin))
        elif isinstance(offer.source, str) and self._card is not None and self._card.modality == "text":
            self.text_box.setPlainText(offer.source)
            self._typing.stop()
            if not self._sends():  # a message waits in the box until it is sent
                self._controller.set_input(offer.source, offer.label, origin)
        elif isinstance(offer.source, Path):
            self.open_path(offer.source, origin)
        else:
            self._controller.set_input(offer.source, offer.label, origin)

    # --- reactions -----------------------------------------------------------------------------------

    def show_error(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.setAccessibleDescription(sentence)
        self.error.setVisible(bool(sentence))

    def clear_error(self) -> None:
        self.show_error("")

    def _on_sample_chosen(self, index: int) -> None:
        path = self.samples.itemData(index)
        if isinstance(path, Path):
            self.open_path(path, "sample")

    def _typed(self) -> None:
        self._controller.set_text(self.text_box.toPlainText())

    def _sends(self) -> bool:
        return entry_of(self._card) == "message"

    def _on_text_edited(self) -> None:
        if not self._sends():
            self._typing.start()

    def send(self) -> None:
        """The message in the box goes to the model (send-style tasks); an empty box says what to do."""
        if not self.text_box.toPlainText().strip():
            self.show_error(NO_MESSAGE)  # the sentence the task itself gives
            return
        self._controller.set_text(self.text_box.toPlainText())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Enter sends a message; Shift+Enter (or any Enter outside a send-style task) is a new line."""
        if (watched is self.text_box and event.type() == QEvent.Type.KeyPress and self._sends()
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.send()
            return True
        return super().eventFilter(watched, event)

    @property
    def files(self) -> bool:
        """False on a kiosk: a pasted path is text, never a file to read (drops.offer_from_mime)."""
        return not self._controller.settings.kiosk

    def forget(self) -> None:
        """Drop everything the last visitor gave: typed text, the drawing, the camera and the recorder."""
        self._typing.stop()
        self.text_box.blockSignals(True)  # the controller is already forgetting: no "typed" news from here
        self.text_box.clear()
        self.text_box.document().clearUndoRedoStacks()  # Ctrl+Z must not bring their words back
        self.text_box.blockSignals(False)
        self.draw_panel.pad.clear()
        self.camera_button.setChecked(False)
        self.camera_panel.hide()
        if self._mic_panel is not None:
            self._mic_panel.stop(hand_over=False)
            self._mic_panel.hide()
        self.mic_button.setChecked(False)
        self.clear_error()

    def _on_model_changed(self, card: ModelCard | None) -> None:
        self._card = card
        self.clear_error()
        self.samples.clear()
        if card:
            for path in sample_files(card):
                name = sample_name(path)  # what it is, and the file, which the status line and the report name
                self.samples.addItem(f"{name} ({path.name})" if name != path.name else name, path)
                tip = translate("InputPanel", "Run {model} on the bundled sample {file}").format(model=card.name,
                                                                                                 file=path.name)
                self.samples.setItemData(self.samples.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.samples.setCurrentIndex(-1)
        self.samples_label.setVisible(self.samples.count() > 0)
        self.samples.setVisible(self.samples.count() > 0)
        self.text_box.setVisible(card is not None and card.modality == "text")
        self.send_button.setVisible(self._sends())
        self.text_box.setPlaceholderText(translate("InputPanel", SEND_HINT if self._sends() else TYPING_HINT))
        self._typing.stop()
        self.draw_panel.setVisible(entry_of(card) == "drawing")
        self._offer_camera(card is not None and card.modality == "image")
        self._offer_microphone(card is not None and card.modality == "audio")
        # A model that makes its own inputs takes nothing from a file or the clipboard: its knobs say what it gets.
        made = entry_of(card) == "made"
        self.open_button.setEnabled(card is not None and not made)
        self.paste_button.setEnabled(card is not None and not made)

    def _offer_camera(self, image_model: bool) -> None:
        self.camera_button.setVisible(image_model)
        if not image_model:
            self.camera_button.setChecked(False)
            self.camera_panel.hide()
            return
        problem = self.camera_panel.problem
        # A kiosk's visitor can plug nothing in: a control that cannot work is left out, not explained.
        self.camera_button.setVisible(self.files or not problem)
        # Said on the control itself, before anyone presses it: no camera, no surprise.
        self.camera_button.setEnabled(not problem)
        self.camera_button.setText(translate("InputPanel", "No camera") if problem else translate("InputPanel", "Camera"))
        self.camera_button.setToolTip(problem or translate("InputPanel", CAMERA_TIP))
        self.camera_button.setAccessibleDescription(problem or self.camera_button.toolTip())

    def toggle_microphone(self, on: bool) -> None:
        """Show the recorder under the buttons (it opens the microphone only while recording), or hide it."""
        if on and self.microphone.problem:
            self.mic_button.setChecked(False)
            self.show_error(self.microphone.problem)
            return
        if on or self._mic_panel is not None:
            self.mic_panel.setVisible(on)

    @property
    def mic_panel(self) -> MicPanel:
        """The recorder under the buttons, built the first time it is asked for."""
        if self._mic_panel is None:
            from playground.ui.panels.mic_panel import MicPanel

            panel = self._mic_panel = MicPanel(self._controller, self, microphone=self.microphone)
            panel.hide()
            layout = self.layout()
            assert isinstance(layout, QBoxLayout), "the panel is one column"
            layout.insertWidget(layout.indexOf(self.current), panel)  # where it always stood: above the input line
        return self._mic_panel

    def _offer_microphone(self, audio_model: bool) -> None:
        self.mic_button.setVisible(audio_model)
        if not audio_model:
            self.mic_button.setChecked(False)
            if self._mic_panel is not None:
                self._mic_panel.hide()
            return
        problem = self.microphone.problem
        self.mic_button.setVisible(self.files or not problem)  # as the camera's, on a kiosk
        # Said on the control itself, before anyone presses it, like the camera.
        self.mic_button.setEnabled(not problem)
        self.mic_button.setText(translate("InputPanel", "No microphone") if problem else translate("InputPanel", "Microphone"))
        self.mic_button.setToolTip(problem or translate("InputPanel", MIC_TIP))
        self.mic_button.setAccessibleDescription(problem or translate("InputPanel", MIC_TIP))

    def _on_input_changed(self, choice: InputChoice | None) -> None:
        self.clear_error()
        if choice is None:
            self.samples.setCurrentIndex(-1)
            self.current.setText(translate("InputPanel", "No input yet.") if self._card is None or self._card.modality != "text"
                                 else translate("InputPanel", "No input yet: type or paste some text, or open a file.")
                                 if self.files else translate("InputPanel", "No input yet: type or paste some text."))
            return
        self.current.setText(translate("InputPanel", "Input: {what}").format(what=choice.label))
        self.samples.setCurrentIndex(self._sample_index(choice) if choice.origin == "sample" else -1)
        if choice.origin != "typed" and self._takes_text():
            self._show_file_text(choice)

    def _takes_text(self) -> bool:
        return self._card is not None and self._card.modality == "text"

    def _sample_index(self, choice: InputChoice) -> int:
        """The list's entry for a sample; compared by value, as a kept input's path is not the list's own object."""
        return next((i for i in range(self.samples.count()) if self.samples.itemData(i) == choice.source), -1)

    def _show_file_text(self, choice: InputChoice) -> None:
        """Pasted text goes in the box at once; a file's text follows with its result, as the model read it."""
        self._fill_box(choice.source if isinstance(choice.source, str) else "")

    def _fill_box(self, text: str) -> None:
        if self.text_box.toPlainText() != text:  # a repeat run must not reset the cursor
            self.text_box.blockSignals(True)
            self.text_box.setPlainText(text)
            self.text_box.blockSignals(False)

    def _on_result(self, outcome: Outcome) -> None:
        line = translate("InputPanel", "Input: {what}").format(what=describe(outcome.decoded))
        notes = getattr(outcome.decoded, "notes", ())
        self.current.setText(line + (f" ({'; '.join(notes)})" if notes else ""))
        choice = self._controller.input
        if (isinstance(outcome.decoded, media.TextData) and choice is not None and choice.origin != "typed"
                and self._takes_text() and not self._typing.isActive()):  # never over fresh typing
            self._fill_box(outcome.decoded.text)
