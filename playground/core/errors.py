"""Typed errors of the playground; each carries one plain sentence a person can act on."""

from __future__ import annotations

from playground.core.words import translate


class PlaygroundError(Exception):
    """Base class: str(error) is the sentence shown to the person, never a traceback."""


class ModelCardError(PlaygroundError):
    """A model card is malformed; the message names the file and the key."""


class ModelMissingError(PlaygroundError):
    """A model's built files are absent or do not match the card."""


class InputError(PlaygroundError):
    """The input cannot be used by this model; the message says what was wrong and what to do."""


class FetchError(PlaygroundError):
    """Fetching or building a model's files failed (network, hash mismatch, bad archive)."""


class Cancelled(PlaygroundError):
    """The run was cancelled by the person or by newer work."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message or translate("Cancelled", "The run was cancelled."))
