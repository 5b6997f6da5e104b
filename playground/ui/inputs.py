"""What a person gives the window as input, how its kind is told before decoding, and errors put plainly."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from playground import paths
from playground.core import media
from playground.core.card import ModelCard
from playground.core.errors import PlaygroundError
from playground.core.media import AudioData, ImageData, MadeData, TextData
from playground.core.session import not_installed
from playground.tasks.registry import TASKS
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

_KIND_OF = {ImageData: "image", np.ndarray: "image", AudioData: "audio", TextData: "text", str: "text"}
# What a model of each kind takes, said inside the sentences below (translated where they are made).
WHAT = {"image": QT_TRANSLATE_NOOP("InputChoice", "a picture"),
        "audio": QT_TRANSLATE_NOOP("InputChoice", "a recording"),
        "text": QT_TRANSLATE_NOOP("InputChoice", "some text"),
        "tensors": QT_TRANSLATE_NOOP("InputChoice", "inputs made from its signature")}



def entry_of(card: ModelCard | None) -> str:
    """How a person gives this model its input, as its task says: "file", "drawing" or "message"."""
    task = TASKS.get(card.task) if card is not None else None
    return task.entry if task is not None else "file"


@dataclass(frozen=True)
class InputChoice:
    """What the person gave: a file path, typed or pasted text, or a pasted picture, and how to name it."""

    source: Any  # Path | str | pasted pixels (numpy) | ImageData
    label: str
    origin: str  # "file" | "sample" | "paste" | "typed" | "made" (a model that makes its own: tasks/tensors.py)


def made_inputs() -> InputChoice:
    """The input of a model that makes its own from its signature (tasks/tensors.py): its knobs say how."""
    return InputChoice(MadeData(), translate("InputChoice", "inputs made from the model's signature (its knobs "
                                                            "set the fill, the seed and the sizes)"), "made")


def kind_of(choice: InputChoice) -> str | None:
    """The kind of an input already in memory; a file's kind is known only once it is decoded."""
    return _KIND_OF.get(type(choice.source))


def likely_kind(choice: InputChoice) -> str | None:
    """Like kind_of, but guesses a file's kind from its extension (the decoder decides for real)."""
    if isinstance(choice.source, Path):
        suffix = choice.source.suffix.lower()
        return next((kind for kind, exts in media.SUPPORTED.items() if suffix in exts), None)
    return kind_of(choice)


def refusal(choice: InputChoice, card: ModelCard | None) -> str:
    """Why an input is refused before decoding, or "": a file that is not there, or plainly the wrong kind."""
    source = choice.source
    if isinstance(source, Path) and not source.is_file():
        problem = (translate("InputChoice", "{path} is a folder: choose one file in it.") if source.is_dir() else
                   translate("InputChoice", "{path} does not exist: choose another file."))
        return problem.format(path=source)
    if card is not None and entry_of(card) == "made" and choice.origin != "made":
        return translate("InputChoice", "{model} makes its own inputs from its signature: set the fill, the seed "
                                        "and the sizes with its knobs.").format(model=card.name)
    kind = kind_of(choice)
    if card is not None and kind not in (None, card.modality):
        needed = translate("InputChoice", WHAT[card.modality])
        return translate("InputChoice", "{model} needs {needed}, but this is {given}: open or paste {needed} "
                                        "instead.").format(model=card.name, needed=needed,
                                                           given=translate("InputChoice", WHAT[kind]))
    return ""


# A window user is never sent to a terminal: said inside the core's sentence on a missing model.
DOWNLOAD_HERE = QT_TRANSLATE_NOOP("InputChoice", "press Download in the middle of the window")


def not_here(card: ModelCard, kiosk: bool = False) -> str:
    """The window's sentence for a model whose files are not here: how to get them there, with the window's button."""
    if kiosk:  # a visitor cannot install anything: the operator chose what is there
        return translate("InputChoice", "{model} is not installed on this computer: please pick another model.").format(
            model=card.name)
    return str(not_installed(card, translate("InputChoice", DOWNLOAD_HERE)))


def missing_model(card: ModelCard | None, installed: bool, kiosk: bool = False) -> str:
    """What must come before anything runs, or "": a model, and its files."""
    if card is None:
        return translate("InputChoice", "Pick a model first, from the list on the left.")
    if not installed:
        return not_here(card, kiosk)
    return ""


def missing(card: ModelCard | None, installed: bool, choice: InputChoice | None, files: bool = True) -> str:
    """What must come before a run, or "" when it can start: a model, its files, an input (files=False: a
    kiosk, where none can be opened)."""
    if card is None or not installed:
        return missing_model(card, installed, kiosk=not files)
    if choice is None:
        said = (translate("InputChoice", "Give {model} {what} first: open a file, paste, or pick a sample.")
                if files else translate("InputChoice", "Give {model} {what} first: paste, or pick a sample."))
        return said.format(model=card.name, what=translate("InputChoice", WHAT[card.modality]))
    return ""


# The engine's sentences are written for the command line too; a window user is never sent to a terminal.
_FETCH_COMMAND = re.compile(r"run 'playground models fetch [^']*'(?: to (?:get it back|rebuild it|download them "
                            r"again))?")
REPAIR_HERE = QT_TRANSLATE_NOOP("InputChoice", "use Remove… on the model's card, then Download it again")
_ADD_COMMAND = re.compile(r"add it again with 'playground models add [^']*'")  # a person's own model (anymodel/keep.py)
ADD_HERE = QT_TRANSLATE_NOOP("InputChoice", "use Remove… on its card, then open the file again with File → Open model…")


def said_in_window(sentence: str, instead: str = "") -> str:
    """An engine sentence with its `playground models fetch` advice put as what to press in the window (by default,
    REPAIR_HERE)."""
    instead = instead or translate("InputChoice", REPAIR_HERE)
    sentence = _ADD_COMMAND.sub(lambda _match: translate("InputChoice", ADD_HERE), sentence)
    return _FETCH_COMMAND.sub(lambda _match: instead, sentence)


def plain_sentence(exc: BaseException) -> str:
    """Our own errors already are one sentence (said with the window's buttons, not commands); anything else is
    a bug, logged and put plainly."""
    if isinstance(exc, PlaygroundError):
        return said_in_window(str(exc))
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return translate("InputChoice", "Something unexpected went wrong; the details were written to the log in "
                                    "{folder}. Try another input, or another model.").format(folder=paths.log_dir())
