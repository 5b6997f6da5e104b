"""Text written for other programs: CSV whose cells no spreadsheet runs as formulas, JSON that is always UTF-8,
and text for a terminal that no escape sequence in it can take over."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any, Iterable

# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Control characters (an escape starts a terminal's colour, title and cursor commands) and the marks that
# reverse the order text is shown in.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def csv_text(cell: str) -> str:
    """A text cell (a file name, a label, an answer) as a spreadsheet shows it, never as a formula: one
    starting with = + - @ tab or carriage return gets a leading single quote. Numbers the app writes
    itself are not text cells and stay numbers."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_lines(rows: Iterable[Iterable[Any]]) -> str:
    """Rows as CSV, each ended by a line feed. A cell holding a carriage return or a line feed is quoted, as one
    holding a comma or a quote is: the csv module quotes only the characters of its own line ending, and a bare
    carriage return would start a new row in a spreadsheet, with whatever follows it as its first cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # both characters of it make a cell quoted
    lines = []
    for row in rows:
        writer.writerow(row)
        lines.append(out.getvalue().removesuffix("\r\n"))
        out.seek(0)
        out.truncate()
    return "".join(line + "\n" for line in lines)


def json_text(value: Any, **options: Any) -> str:
    """json.dumps with other languages' letters kept readable, and every lone surrogate (how Python holds a
    file name's undecodable bytes: b'\\xff' is '\\udcff') written as its \\u escape, so that the text
    encodes as UTF-8 and a Python reader gets the same string back (os.fsencode then gives the bytes)."""
    text = json.dumps(value, ensure_ascii=False, **options)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def terminal_text(text: str) -> str:
    """Text from elsewhere (a model's names and metadata) as a terminal should print it: every control character
    and direction mark written as its escape, so it is shown, never obeyed."""
    return _UNSHOWABLE.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text)


def utf8(text: str) -> bytes:
    """Text as UTF-8 for a file, whatever it quotes: a lone surrogate (an undecodable byte of a file name) is
    written as its \\u escape, so the file is valid UTF-8 and saving never fails on a strange name."""
    return text.encode("utf-8", "backslashreplace")
