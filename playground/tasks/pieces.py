"""Cutting a text into the sentences a person sees in it, for tasks that judge a text piece by piece."""

from __future__ import annotations

import re

# A sentence ends at . ! ? … (a closing quote or bracket may follow) before a space, or at a full-width end mark
# on its own (Chinese and Japanese put no space after it). Abbreviations ("Dr. Smith") split too early;
# for judging a mood or a language piece by piece that costs a short piece, not a wrong answer.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"'”’)\]]))\s+|(?<=[。！？])")


def _joined_lines(text: str) -> list[str]:
    """The text's lines, with prose wrapped at a fixed width joined again: a line running on into one that
    starts in lower case is one sentence broken by the margin, not two pieces."""
    out: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if out and out[-1] and line[:1].islower() and not out[-1].endswith((".", "!", "?", "…", ":", ";")):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def sentences(text: str) -> list[str]:
    """The sentences of text, each stripped, empty pieces dropped; a line break ends one too."""
    out: list[str] = []
    for line in _joined_lines(text):
        out.extend(piece.strip() for piece in _SENTENCE_END.split(line) if piece.strip())
    return out
