"""The house's rules: the core works without Textual, no import cycles, layers hold.

The CLI, exports and scripts must not pay for, or break with, the TUI toolkit: only
briefreader.ui may import textual, and the CLI imports it lazily for the TUI alone. The
packages stand in floors (pyproject.toml's [tool.importlinter]); a module never imports
from a floor above its own, so a newcomer can read the house from the bottom up.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "tui" / "briefreader"
ALL_FILES = sorted(PACKAGE.rglob("*.py"))
CORE_FILES = [path for path in ALL_FILES if "ui" not in path.relative_to(PACKAGE).parts]

NO_TEXTUAL = (
    "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules), "
    "sorted(m for m in sys.modules if m.split('.')[0] == 'textual')[:5]"
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def test_core_modules_are_found_in_every_subpackage():
    names = {module_name(path) for path in CORE_FILES}
    for expected in (
        "briefreader.articles.article",
        "briefreader.entities.recognizer",
        "briefreader.annotations.store",
        "briefreader.library.catalog",
        "briefreader.export.run",
        "briefreader.cli",
    ):
        assert expected in names
    assert not any(name.startswith("briefreader.ui") for name in names)


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_importing_every_core_module_does_not_import_textual():
    # One interpreter imports them all: if any of them pulled Textual in, it is loaded.
    names = [module_name(path) for path in CORE_FILES if path.stem != "__main__"]
    result = _run(
        f"import importlib, sys\nfor n in {names!r}: importlib.import_module(n)\n{NO_TEXTUAL}"
    )
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
    """Every module a file names in an import, wherever it stands (functions, TYPE_CHECKING)."""
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
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


def test_no_core_module_imports_textual_even_inside_functions():
    offending = {
        path.name: found
        for path in CORE_FILES
        if (
            found := [
                n
                for n in _imported_modules(ast.parse(path.read_text(encoding="utf-8")))
                if n == "textual" or n.startswith("textual.")
            ]
        )
    }
    assert offending == {}


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


def import_graph() -> dict[str, set[str]]:
    """Module → the package modules it imports, counting imports in functions and TYPE_CHECKING."""
    modules = {module_name(path): path for path in ALL_FILES}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        imported = _imported_modules(ast.parse(path.read_text(encoding="utf-8")))
        graph[name] = {n for n in imported if n in modules and n != name}
        # `from briefreader.x import y` names module y when y is one; else it names x.
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> Iterator[None]:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                yield from visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            for _ in visit(node):
                pass
    return found


def test_cycle_finder_sees_a_cycle_hidden_in_a_function():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    tree = ast.parse("def late():\n    from briefreader.library import catalog\n")
    assert "briefreader.library.catalog" in _imported_modules(tree)


def test_no_import_cycles_between_modules():
    graph = import_graph()
    # Packages import their own face (__init__) implicitly; that is no cycle.
    graph = {
        name: {t for t in targets if not name.startswith(t + ".")}
        for name, targets in graph.items()
    }
    assert cycles(graph) == []


def test_import_linter_contracts_hold():
    # pyproject.toml's [tool.importlinter]: the floors, the UI's floors, and no Textual in the core.
    lint = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    result = subprocess.run(
        [lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_tui_starts_without_the_recognizer_exports_or_yaml():
    # The first screen comes from the index: the recognizer (its name lists), the
    # exporters and the YAML parser load when first used, not on every start.
    lazy = (
        "briefreader.entities.recognizer",
        "briefreader.entities.gazetteer",
        "briefreader.export.run",
        "yaml",
    )
    result = _run(
        "import sys, briefreader.ui.app\n"
        f"loaded = [m for m in {lazy!r} if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    assert result.returncode == 0, result.stderr
