"""The core (everything in briefreader/ outside ui/) works without Textual.

The CLI, exports and scripts must not pay for, or break with, the TUI toolkit: only
briefreader.ui may import textual, and the CLI imports it lazily for the TUI alone.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tui" / "briefreader"
CORE_FILES = sorted(PACKAGE.glob("*.py"))
CORE_MODULES = [path.stem for path in CORE_FILES]

NO_TEXTUAL = (
    "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules), "
    "sorted(m for m in sys.modules if m.split('.')[0] == 'textual')[:5]"
)


def test_core_modules_were_found():
    for expected in ("articles", "entities", "store", "storage", "library", "export", "cli"):
        assert expected in CORE_MODULES
    assert not any(path.parent.name == "ui" for path in CORE_FILES)


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("module", [m for m in CORE_MODULES if m != "__main__"])
def test_importing_core_module_does_not_import_textual(module: str):
    name = "briefreader" if module == "__init__" else f"briefreader.{module}"
    result = _run(f"import {name}, sys; {NO_TEXTUAL}")
    assert result.returncode == 0, result.stderr


def test_running_a_cli_command_does_not_import_textual(tmp_path: Path):
    # `python -m briefreader --version` goes through __main__ and the CLI parser.
    code = (
        "import sys\n"
        "sys.argv = ['briefreader', '--version']\n"
        "import runpy\n"
        "try:\n"
        "    runpy.run_module('briefreader', run_name='__main__')\n"
        "except SystemExit as exit_:\n"
        "    assert exit_.code in (0, None), exit_.code\n"
        f"{NO_TEXTUAL}\n"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("briefreader ")


def _imported_modules(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.append(node.args[0].value)
    return names


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: p.name)
def test_no_core_module_imports_textual(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    imported = _imported_modules(tree)
    offending = [n for n in imported if n == "textual" or n.startswith("textual.")]
    assert offending == [], f"{path.name} imports {offending}"


def test_static_check_catches_textual_imports():
    # The checker itself must notice every spelling of the import it guards against.
    for source in (
        "import textual",
        "import textual.app as app",
        "from textual.widgets import Static",
        "def f():\n    from textual import on",
        "import importlib\nimportlib.import_module('textual.app')",
    ):
        names = _imported_modules(ast.parse(source))
        assert any(n == "textual" or n.startswith("textual.") for n in names), source


def test_the_tui_starts_without_the_recognizer_exports_or_yaml():
    # The first screen comes from the index: the recognizer (its name lists), the
    # exporters and the YAML parser load when first used, not on every start.
    lazy = ("briefreader.entities", "briefreader.gazetteer", "briefreader.export", "yaml")
    result = _run(
        "import sys, briefreader.ui.app\n"
        f"loaded = [m for m in {lazy!r} if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    assert result.returncode == 0, result.stderr
