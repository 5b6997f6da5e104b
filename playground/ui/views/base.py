"""ResultView: the frame every result view shares (headline, body, action buttons, one message line)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QIODevice, QSaveFile, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from playground.core.disk_log import disk_log
from playground.core.safe_output import utf8
from playground.ui import theme
from playground.ui.i18n import translate
from playground.ui.plain import PlainLabel
from playground.ui.scale import relative_font
from playground.ui.widgets.flow import FlowLayout


def suggested_name(decoded: Any, suffix: str, ext: str) -> str:
    """"holiday-cutout.png" from the input's label; a plain default for pasted data."""
    label = Path(getattr(decoded, "label", "") or "").stem
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in label).strip("-") or "result"
    return f"{stem}-{suffix}.{ext}"


def writable_problem(path: Path) -> str:
    """A plain sentence saying why `path` cannot be written, or "" when it looks fine."""
    folder = path.parent
    if not folder.is_dir():
        return translate("ResultView", "The folder “{folder}” does not exist; choose another folder.").format(
            folder=folder)
    if not os.access(folder, os.W_OK):
        return translate("ResultView", "This computer does not allow saving in “{folder}”; choose another "
                                       "folder.").format(folder=folder)
    if path.is_dir():
        return translate("ResultView", "“{name}” is a folder; type a file name.").format(name=path.name)
    if path.exists() and not os.access(path, os.W_OK):
        return translate("ResultView", "“{name}” is read-only; choose another name.").format(name=path.name)
    return ""


def write_png(image: QImage, target: Path) -> bool:
    """All or nothing: the PNG goes to a file beside the target, which replaces the target only when complete.

    A full disk or a pulled USB stick halfway through must not leave a broken picture, or destroy the
    one that was there before.
    """
    out = QSaveFile(str(target))
    if not out.open(QIODevice.OpenModeFlag.WriteOnly):
        return False
    if not image.save(out, "PNG"):  # type: ignore[call-overload]  # PySide6 takes a str format, not its stub's bytes
        out.cancelWriting()
        out.commit()  # after cancelWriting this only removes the partial file
        return False
    return _recorded(out.commit(), target)


def write_bytes(data: bytes, target: Path) -> bool:
    """All or nothing, as write_png."""
    out = QSaveFile(str(target))
    if not out.open(QIODevice.OpenModeFlag.WriteOnly):
        return False
    if out.write(data) != len(data):
        out.cancelWriting()
        out.commit()
        return False
    return _recorded(out.commit(), target)


def _recorded(done: bool, target: Path) -> bool:
    """A file written for the person: the privacy lesson lists it."""
    if done:
        disk_log().record(target)
    return done


class ResultView(QWidget):
    """Base for views: subclasses fill `body`, add buttons with add_action() and implement show_result()."""

    result_type: type = object

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._saving_allowed = True
        self._save_buttons: list[QPushButton] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.setSpacing(8)
        self.headline = PlainLabel("", self)
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        relative_font(self.headline, 4, bold=True)
        outer.addWidget(self.headline)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        outer.addLayout(self.body, 1)
        self.action_row = FlowLayout(spacing=8)  # buttons wrap rather than widen the window
        outer.addLayout(self.action_row)
        self.message = PlainLabel("", self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(translate("ResultView", "Message"))
        self.message.hide()
        outer.addWidget(self.message)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        """The least height at this width. The result area's scroll area sizes a view whose text wraps to
        this; Qt's own answer is the preferred height (a picture's 360 pixels and more), which made a view
        taller than a small screen, its list and buttons below the fold, while its least height fitted."""
        layout = self.layout()
        return layout.totalMinimumHeightForWidth(width) if layout is not None else super().heightForWidth(width)

    # --- contract -------------------------------------------------------------------------------
    def show_result(self, result: Any, decoded: Any) -> None:
        raise NotImplementedError

    # A view that draws an answer while it grows (a transcript, a reply) sets this and overrides the two
    # methods below; for the others a partial report is not theirs to show, and a stop leaves nothing half-done.
    shows_partial = False

    def show_partial(self, result: Any) -> None:
        """The answer so far, while the run goes on."""

    def show_stopped(self) -> None:
        """The run was stopped: the part-finished answer on screen says it is one."""

    def clear(self) -> None:
        self.headline.setText("")
        self.say("")
        self.set_actions_enabled(False)

    # --- helpers for subclasses -----------------------------------------------------------------
    def add_play_note(self) -> QLabel:
        """A hidden grey line under the view for why sound cannot play: a greyed-out Play button says nothing
        by itself, and the reason is written out rather than left in a tooltip."""
        note = PlainLabel("", self)
        note.setWordWrap(True)
        theme.themed(note, "muted")
        note.setAccessibleName(translate("ResultView", "Why sound cannot play"))
        note.hide()
        self.body.addWidget(note)
        return note

    def add_action(self, text: str, slot: Any, tip: str = "", saves: bool = False) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.lstrip("▶■ ").rstrip("… "))  # "Speichern …" reads without the dots too
        button.setToolTip(tip)
        button.setEnabled(False)
        button.clicked.connect(slot)
        self.action_row.addWidget(button)
        if saves:
            self._save_buttons.append(button)
        return button

    def finish_actions(self) -> None:
        """The buttons are in place: they sit at the left, where the eye goes after reading the result (the
        flow layout keeps them there)."""

    def action_buttons(self) -> list[QPushButton]:
        """The buttons under the result, left to right: found as children and placed with indexOf, never
        through the layout's items (see focus._place_in)."""
        placed = [(self.action_row.indexOf(b), b) for b in self.findChildren(QPushButton)]
        return [b for i, b in sorted((p for p in placed if p[0] >= 0), key=lambda p: p[0])]

    def set_actions_enabled(self, enabled: bool) -> None:
        for button in self.action_buttons():
            button.setEnabled(enabled)

    @property
    def saving_allowed(self) -> bool:
        return self._saving_allowed

    @saving_allowed.setter
    def saving_allowed(self, allowed: bool) -> None:
        """A public kiosk may hide the save buttons; copying stays."""
        self._saving_allowed = allowed
        for button in self._save_buttons:
            button.setVisible(allowed)

    def say(self, sentence: str, error: bool = False) -> None:
        role = "error" if error else "ok"
        if self.message.property(theme.ROLE) != role:  # re-styling costs a re-polish; every result calls say("")
            theme.themed(self.message, role)
        self.message.setText(sentence)
        self.message.setVisible(bool(sentence))

    def ask_save_path(self, caption: str, name: str, filters: str) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        start = str(Path(folder) / name) if folder else name
        path, _ = QFileDialog.getSaveFileName(self, caption, start, filters)
        return path

    def save_image(self, image: QImage, path: str | os.PathLike[str], what: str) -> bool:
        """Writes a PNG and says where it went, or one sentence on why it could not."""
        return self._save(Path(path), ".png", what, self._nothing(what) if image.isNull() else "",
                          lambda target: write_png(image, target))

    def save_text(self, text: str, path: str | os.PathLike[str], what: str) -> bool:
        """Writes UTF-8 text (all or nothing, like pictures) and says where it went."""
        return self._save(Path(path), ".txt", what, self._nothing(what) if not text.strip() else "",
                          lambda target: write_bytes(utf8(text), target))

    # Saving and copying say what they did with `what`, the thing as the view names it, translated on its own
    # ("picture"); each sentence is a template translated whole, so a language whose nouns take articles by
    # gender writes its templates without one ("Gespeichert: {what} in „{name}“").
    @staticmethod
    def _nothing(what: str) -> str:
        """`what` is the thing saved, as the view names it through translate("ResultView", …): "picture"."""
        return translate("ResultView", "There is no {what} to save yet; run the model first.").format(what=what)

    def _save(self, target: Path, suffix: str, what: str, empty: str, write: Any) -> bool:
        if target.is_dir():
            self.say(translate("ResultView", "“{name}” is a folder; type a file name to save the {what} "
                                             "as.").format(name=target.name, what=what), error=True)
            return False
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        problem = empty or writable_problem(target)
        if not problem and not write(target):
            problem = translate("ResultView", "The {what} could not be written to “{target}”; check the disk has "
                                              "space and try another folder.").format(what=what, target=target)
        if problem:
            self.say(problem, error=True)
            return False
        self.say(translate("ResultView", "Saved the {what} to “{name}”.").format(what=what, name=target.name))
        return True

    def copy_text(self, text: str, what: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.say(translate("ResultView", "Copied the {what}.").format(what=what))

    def copy_image(self, image: QImage, what: str) -> None:
        QGuiApplication.clipboard().setImage(image)
        self.say(translate("ResultView", "Copied the {what}.").format(what=what))
