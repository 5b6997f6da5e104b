"""The shape of the code: Qt only in ui, imports one way, every card/task/result has its counterpart."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "playground"
# Which layers each layer may import (docs/ARCHITECTURE.md: ui → lab, tasks → core, anymodel; zoo → core; batch → tasks, core).
# Every layer may ask where the files are (playground.paths) and which version it is (playground.__version__).
SHARED = {"paths", "__version__"}
ALLOWED = {
    "core": {"core"} | SHARED,
    "lab": {"core", "lab", "batch"} | SHARED,  # batch: the batch lesson runs the batch engines
    "zoo": {"core", "zoo"} | SHARED,
    "tasks": {"core", "tasks", "anymodel"} | SHARED,  # anymodel: a person's own model's inputs (tasks/tensors.py)
    # app_log: the log file a kiosk's launcher shares; anymodel: a person's .onnx file kept from the window
    "ui": {"core", "lab", "tasks", "ui", "app_log", "anymodel"} | SHARED,
    "batch": {"core", "tasks", "batch", "zoo"} | SHARED,  # zoo: only its file locks (zoo/locks.py)
    "anymodel": {"core", "anymodel"} | SHARED,
}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    """Every module the file imports, as a dotted name; `from playground import tasks` counts as
    playground.tasks, and a relative import as "." (the package's code never uses one)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level:
            names.add(".")
        elif isinstance(node, ast.ImportFrom) and node.module == "playground":
            names |= {f"playground.{a.name}" for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_pure_packages_load_no_qt():
    code = ("import sys, pkgutil, importlib, playground\n"
            "for pkg in ('playground.core', 'playground.lab', 'playground.zoo', 'playground.tasks', 'playground.batch',\n"
            "            'playground.commands'):\n"
            "    m = importlib.import_module(pkg)\n"
            "    for info in pkgutil.walk_packages(m.__path__, pkg + '.'):\n"
            "        importlib.import_module(info.name)\n"
            "import playground.cli, playground.paths, playground.system, playground.keepalive\n"
            "playground.cli.build_parser()\n"
            "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'))\n"
            "print(','.join(bad))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "", f"Qt loaded by a pure module: {out.stdout}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layers_import_one_way(path):
    rel = path.relative_to(PACKAGE)
    layer = rel.parts[0] if len(rel.parts) > 1 else ""
    imports = _imports(path)
    assert "." not in imports, f"{rel} uses a relative import: name the module in full"
    qt = {n for n in imports if n.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6")}
    assert layer == "ui" or not qt, f"{rel} imports Qt outside playground/ui"
    if layer in ALLOWED:
        used = {n.split(".")[1] for n in imports if n.startswith("playground.") and n.count(".") >= 1}
        assert used <= ALLOWED[layer], f"{rel} ({layer}) imports {sorted(used - ALLOWED[layer])}"


def test_the_import_reader_sees_package_and_relative_imports(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from playground import tasks, paths\nfrom . import sibling\nimport playground.core.card\n")
    assert _imports(sample) == {"playground.tasks", "playground.paths", ".", "playground.core.card"}


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_are_small_and_say_what_they_own(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 500, f"{path.name} is over 500 lines"
    doc = ast.get_docstring(ast.parse(text))
    assert doc and len(doc.splitlines()[0]) > 10, f"{path.name} needs a one-line docstring saying what it owns"


def test_every_card_names_a_registered_task_with_an_explainer():
    from playground.core.catalog import load_catalog
    from playground.paths import explainers_dir
    from playground.tasks.registry import TASKS

    catalog = load_catalog()
    assert not catalog.errors
    assert catalog.cards, "no model cards found"
    for card in catalog.cards:
        assert card.task in TASKS, f"{card.id} names task '{card.task}', which is not registered"
    for name in TASKS:
        assert (explainers_dir() / f"task_{name}.md").is_file(), f"task '{name}' has no explainer"


def test_every_task_result_type_has_a_view():
    from playground.core.results import RESULT_TYPES
    from playground.tasks.registry import TASKS

    pytest.importorskip("PySide6")
    from playground.ui.views import VIEWS

    for name, task in TASKS.items():
        assert task.result_type in RESULT_TYPES, f"task '{name}' returns an unknown result type"
    assert set(RESULT_TYPES) <= set(VIEWS), f"no view for {set(RESULT_TYPES) - set(VIEWS)}"


def test_every_label_in_the_window_shows_plain_text():
    """Qt's own QLabel guesses HTML from the text; the window makes labels only through ui/plain.py."""
    made_elsewhere = [f"{p.relative_to(ROOT)}:{n}" for p in sorted((PACKAGE / "ui").rglob("*.py"))
                      if p.name != "plain.py"
                      for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if "QLabel(" in line]
    assert made_elsewhere == []


def test_every_result_and_view_keeps_its_contract():
    from playground.core.results import RESULT_TYPES, Result
    from playground.ui.views import VIEWS, ResultView

    assert all(issubclass(t, Result) for t in RESULT_TYPES), "a result type lacks summary() or to_dict()"
    for result_type, view in VIEWS.items():
        assert issubclass(view, ResultView), f"{view.__name__} is not a ResultView"
        # A view that draws a growing answer says so; one that does not leaves show_partial as it is.
        overrides = view.show_partial is not ResultView.show_partial
        assert view.shows_partial == overrides, f"{view.__name__}: shows_partial and show_partial disagree"


def test_every_task_says_how_its_input_is_given():
    from playground.tasks.registry import TASKS

    entries = {name: task.entry for name, task in TASKS.items()}
    # "made": a model a person brought, whose inputs are made from its signature (tasks/tensors.py)
    assert set(entries.values()) <= {"file", "drawing", "message", "made"}
    assert entries["digits"] == "drawing" and entries["chat"] == "message"  # the pad, and Send
