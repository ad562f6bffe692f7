"""Project hygiene the test command enforces: lint-clean code and an honest CI script."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_reports_nothing():
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    folders = [name for name in ("tui", "tests", "benchmarks") if (ROOT / name).is_dir()]
    result = subprocess.run([ruff, "check", *folders], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


README_COMMAND = "pip install -e '.[test]' && pytest"

# Stand-ins for the tools .ci/run calls: each writes its name and arguments to $CALLS.
# python3 -m venv makes a folder with an (empty) activate script; pytest answers with
# $PYTEST_EXIT, as the real one would after a passing run or one that collected nothing.
_STUBS = {
    "python3": 'echo "python3 $*" >> "$CALLS"\n'
    'if [ "$1 $2" = "-m venv" ]; then mkdir -p "$3/bin" && : > "$3/bin/activate"; fi',
    "python": 'echo "python $*" >> "$CALLS"',
    "pip": 'echo "pip $*" >> "$CALLS"',
    "pytest": 'echo "pytest $*" >> "$CALLS"\n'
    'if [ "$PYTEST_EXIT" = 0 ]; then echo "3 passed in 0.01s"; else echo "no tests ran"; fi\n'
    'exit "$PYTEST_EXIT"',
}


def run_ci_script(
    tmp_path: Path, pytest_exit: int
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run a copy of .ci/run beside the real README.md, with stand-ins for the tools."""
    repo = tmp_path / "repo"
    (repo / ".ci").mkdir(parents=True)
    shutil.copy2(ROOT / ".ci" / "run", repo / ".ci" / "run")
    shutil.copy2(ROOT / "README.md", repo / "README.md")
    stubs = tmp_path / "bin"
    stubs.mkdir()
    for name, body in _STUBS.items():
        (stubs / name).write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        (stubs / name).chmod(0o755)
    calls = tmp_path / "calls"
    calls.touch()
    env = {
        "PATH": f"{stubs}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "CALLS": str(calls),
        "PYTEST_EXIT": str(pytest_exit),
    }
    result = subprocess.run(
        ["bash", ".ci/run"], cwd=repo, env=env, capture_output=True, text=True, timeout=120
    )
    return result, calls.read_text(encoding="utf-8").splitlines()


def test_readme_shows_the_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    marker = readme.index("<!-- test-command -->")
    assert readme[marker + 1 : marker + 4] == ["```sh", README_COMMAND, "```"]
    assert (ROOT / ".ci" / "run").stat().st_mode & 0o111


def test_ci_runs_the_readme_test_command(tmp_path: Path):
    result, calls = run_ci_script(tmp_path, pytest_exit=0)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"ci: running README's test command: {README_COMMAND}" in result.stdout
    # A fresh venv first, then exactly README's command: nothing more, nothing less.
    assert calls[0].startswith("python3 -m venv ")
    ran = [call.strip() for call in calls if call.startswith(("pip", "pytest"))]
    assert ran == ["pip install -e .[test]", "pytest"]


def test_ci_fails_when_pytest_collects_no_tests(tmp_path: Path):
    result, _ = run_ci_script(tmp_path, pytest_exit=5)
    assert result.returncode != 0
    assert "collected no tests" in result.stderr


def test_mypy_strict_reports_nothing(tmp_path: Path):
    # pyproject.toml's [tool.mypy]: strict over the whole package, 0 errors.
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy-cache")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


def test_every_mutant_of_the_mutation_check_still_applies_to_the_code():
    # benchmarks/mutants.py breaks rules by text replacement; a refactor that moves a rule
    # must move its mutant too, or the check silently stops checking it.
    import importlib.util

    spec = importlib.util.spec_from_file_location("mutants", ROOT / "benchmarks" / "mutants.py")
    assert spec is not None and spec.loader is not None
    mutants = importlib.util.module_from_spec(spec)
    sys.modules["mutants"] = mutants  # dataclasses look their module up while defining
    spec.loader.exec_module(mutants)
    assert len(mutants.MUTANTS) >= 6
    for mutant in mutants.MUTANTS:
        assert mutants.mutated(mutant, ROOT) != "", mutant.name  # LookupError when it moved
        for test in mutant.tests:
            assert (ROOT / test.split("::")[0]).exists(), f"{mutant.name}: {test} is gone"
