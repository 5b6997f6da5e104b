"""Collects every string the app shows into assets/translations/<code>.ts and compiles each to the .qm the
window loads (ui/i18n.py): `python scripts/translations.py [CODE]` (a new CODE starts that language's file)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "assets" / "translations"
TOOLS = Path(sys.executable).parent  # pyside6-lupdate and pyside6-lrelease come with PySide6


def main(argv: list[str]) -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    files = sorted({*TRANSLATIONS.glob("*.ts"), *(TRANSLATIONS / f"{code}.ts" for code in argv)})
    if not files:
        print("No translation yet: give a language code to start one, e.g. `make translations LANG_CODE=de`.")
        return 1
    # The files are named one by one: lupdate's own folder walk skips Python files.
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "playground").rglob("*.py"))
    for ts in files:
        # No line numbers (a file that changes with every edit of the code), no strings the code dropped, and
        # the language named in the file, which lupdate needs to update it again.
        subprocess.run([str(TOOLS / "pyside6-lupdate"), "-locations", "none", "-no-obsolete",
                        "-target-language", ts.stem, *sources, "-ts", str(ts)], cwd=ROOT, check=True)
        subprocess.run([str(TOOLS / "pyside6-lrelease"), str(ts)], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
