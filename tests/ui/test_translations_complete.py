"""Every language the window ships is whole: each marked string translated, the translation file up to date
with the code, its placeholders and shortcut letters kept, the compiled file made from it, and the language
offered in the menu."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from playground import paths
from playground.ui import i18n

TOOLS = Path(sys.executable).parent
SHIPPED = sorted(p.stem for p in i18n.translations_dir().glob("*.ts"))
PLACEHOLDER = re.compile(r"\{[^{}]*\}")  # the name and its format, as "{busy:.1f}"


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in a Qt Linguist file."""
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name") or "", m.findtext("source") or "", m.find("translation"))
            for ctx in root.iter("context") for m in ctx.iter("message")]


def test_german_is_shipped_and_offered():
    assert "de" in SHIPPED
    assert i18n.offered() == {"en": "English", **{code: i18n.NAMES[code] for code in SHIPPED}}


@pytest.mark.parametrize("code", SHIPPED)
def test_every_string_the_code_marks_is_translated(tmp_path: Path, code: str):
    # lupdate run over the code as it is now adds any string marked since, unfinished: there must be none.
    ts = tmp_path / f"{code}.ts"
    shutil.copy(i18n.translations_dir() / f"{code}.ts", ts)
    sources = sorted(str(p) for p in (paths.root() / "playground").rglob("*.py"))
    subprocess.run([str(TOOLS / "pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(ts)],
                   check=True, capture_output=True)
    unfinished = [(c, s) for c, s, t in messages(ts) if t.get("type") == "unfinished" or not (t.text or "").strip()]
    assert unfinished == [], f"{len(unfinished)} strings have no {code} translation: `make translations` and translate"
    dropped = [(c, s) for c, s, t in messages(i18n.translations_dir() / f"{code}.ts")
               if t.get("type") in ("vanished", "obsolete")]
    assert dropped == [], "the file keeps strings the code no longer has: `make translations` drops them"


@pytest.mark.parametrize("code", SHIPPED)
def test_translations_keep_their_placeholders_and_one_shortcut_letter(code: str):
    wrong = []
    for context, source, t in messages(i18n.translations_dir() / f"{code}.ts"):
        text = t.text or ""
        if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
            wrong.append((context, source, text, "placeholders"))
        if text.replace("&&", "").count("&") != source.replace("&&", "").count("&"):
            wrong.append((context, source, text, "shortcut letter"))
    assert wrong == []


@pytest.mark.parametrize("code", SHIPPED)
def test_the_compiled_file_is_made_from_the_translations(tmp_path: Path, code: str):
    folder = i18n.translations_dir()
    subprocess.run([str(TOOLS / "pyside6-lrelease"), str(folder / f"{code}.ts"), "-qm", str(tmp_path / "x.qm")],
                   check=True, capture_output=True)
    assert (tmp_path / "x.qm").read_bytes() == (folder / f"{code}.qm").read_bytes(), "run `make translations`"
