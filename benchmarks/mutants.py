"""Hand-written mutants of briefreader's core rules: does the suite notice each one break?

A test that passes on a broken program protects nothing. Each mutant below breaks one
promise the way a plausible edit would (a line dropped, an order reversed), in a temporary
copy of the source tree, never in the working tree; then runs the tests that guard that
promise. A mutant is *killed* when those tests fail, and *survived* when they all pass,
which means a test is missing. The tests are first run once on the unchanged copy, so a
kill means the mutant, not a test that was failing anyway.

    python benchmarks/mutants.py              # every mutant, then a table
    python benchmarks/mutants.py redo-clear   # only the named ones
    python benchmarks/mutants.py --list

Exit status: 0 when every mutant was killed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# What the tests need besides the package: the seeds, README (quoted by tests), .ci/run.
COPIED = ("tui", "tests", "seeds", "README.md", "pyproject.toml", ".ci")


@dataclass(frozen=True)
class Mutant:
    """One broken rule: `old` (found exactly once in `path`) becomes `new`."""

    name: str
    rule: str
    path: str  # relative to tui/briefreader
    old: str
    new: str
    tests: tuple[str, ...]


MUTANTS = (
    Mutant(
        "redo-clear",
        "a new change clears redo (else U brings back what the change replaced)",
        "annotations/journal.py",
        "            self._undo.append(JournalStep(description, tuple(changes)))\n"
        "            self._redo.clear()\n",
        "            self._undo.append(JournalStep(description, tuple(changes)))\n",
        ("tests/annotations", "tests/ui/test_undo_and_saving.py"),
    ),
    Mutant(
        "backup-rotation",
        "rotation keeps the newest backups, deletes the oldest",
        "annotations/storage.py",
        "for old in backups[: -self.keep_backups]:",
        "for old in backups[self.keep_backups :]:",
        ("tests/annotations",),
    ),
    Mutant(
        "tag-normalise-order",
        "a normalised tag normalises to itself (commas and controls go before '#'/'-')",
        "annotations/tags.py",
        '    kept = "".join(ch for ch in raw if ch != "," and (ch.isprintable() or ch.isspace()))\n'
        '    return "-".join(kept.split()).lstrip("#-")\n',
        '    kept = "-".join(raw.split()).lstrip("#-")\n'
        '    return "".join(ch for ch in kept if ch != "," and '
        "(ch.isprintable() or ch.isspace()))\n",
        ("tests/annotations/test_store.py",),
    ),
    Mutant(
        "atomic-no-fsync",
        "atomic write fsyncs the new file before it replaces the old one",
        "atomicfile.py",
        "            handle.flush()\n            os.fsync(handle.fileno())\n",
        "            handle.flush()\n",
        ("tests/annotations/test_store.py",),
    ),
    Mutant(
        "atomic-in-place",
        "atomic write replaces by rename, never rewrites the target in place",
        "atomicfile.py",
        "        os.replace(temp_name, path)\n",
        "        with open(temp_name, 'rb') as source, open(path, 'wb') as target:\n"
        "            target.write(source.read())\n"
        "        os.unlink(temp_name)\n",
        ("tests/annotations/test_store.py",),
    ),
    Mutant(
        "filter-free-word-names",
        "a free word in the filter also finds the articles that name it (entities)",
        "library/filtering.py",
        "if (word in e.haystack or word in e.names_text) != negate]",
        "if (word in e.haystack) != negate]",
        ("tests/library/test_filtering.py", "tests/ui/test_entity_ui.py"),
    ),
    Mutant(
        "bulk-undo-partial",
        "one undo reverts a bulk tag on every article it touched",
        "annotations/journal.py",
        "            ordered = reversed(step.changes) if before else step.changes\n",
        "            ordered = step.changes[-1:] if before else step.changes\n",
        ("tests/annotations/test_store.py",),
    ),
    Mutant(
        "journal-replay-deletes",
        "replaying the journal applies deletions too (an undone first tag stays gone)",
        "annotations/storage.py",
        "        if doc is None:\n            docs.pop(doc_id, None)\n",
        "        if doc is None:\n            pass\n",
        ("tests/annotations",),
    ),
    Mutant(
        "journal-deferred",
        "every change is on disk when its key completes, not only at quit",
        "annotations/storage.py",
        "                self._append_journal(line)\n",
        "                pass  # kept in memory; close() compacts\n",
        ("tests/ui/test_undo_and_saving.py",),
    ),
    Mutant(
        "read-ahead-unused",
        "enter shows the article read ahead without reading its file again",
        "ui/app/opening.py",
        "        if ahead is not None and ahead.summary.id == summary.id:\n",
        "        if False:\n",
        ("tests/ui/test_reader.py",),
    ),
)


def copy_tree(target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", ".pytest_cache", ".mypy_cache")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, target / name)


def mutated(mutant: Mutant, tree: Path) -> str:
    """The mutant's file in `tree` with its rule broken; LookupError when the rule moved."""
    text = (tree / "tui" / "briefreader" / mutant.path).read_text(encoding="utf-8")
    found = text.count(mutant.old)
    if found != 1:
        raise LookupError(f"{mutant.path}: the code to break is there {found} times, not once")
    return text.replace(mutant.old, mutant.new)


def run_tests(tree: Path, tests: tuple[str, ...]) -> tuple[int, str]:
    """pytest on the copy, importing the copy's package (never the installed one)."""
    env = dict(os.environ, PYTHONPATH=str(tree / "tui"), PYTHONDONTWRITEBYTECODE="1")
    where = subprocess.run(
        [sys.executable, "-c", "import briefreader; print(briefreader.__file__)"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not where.startswith(str(tree)):
        raise RuntimeError(f"the tests would import {where}, not the copy")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    failed = re.findall(r"^FAILED (\S+)", result.stdout, flags=re.MULTILINE)
    return result.returncode, (failed[0] if failed else result.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="mutants to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    args = parser.parse_args(argv)
    chosen = [m for m in MUTANTS if not args.names or m.name in args.names]
    if args.list or not chosen:
        for mutant in MUTANTS:
            print(f"{mutant.name:24} {mutant.rule}")
        return 0 if chosen or args.list else 2

    with tempfile.TemporaryDirectory(prefix="briefreader-mutants-") as scratch:
        clean = Path(scratch) / "clean"
        copy_tree(clean)
        needed = tuple(dict.fromkeys(t for m in chosen for t in m.tests))
        status, detail = run_tests(clean, needed)
        if status != 0:
            print(f"the unchanged copy fails its tests ({detail}); fix that first")
            return 1
        rows = []
        for mutant in chosen:
            # Each mutant breaks the one copy and puts it back: no tree copied per mutant.
            path = clean / "tui" / "briefreader" / mutant.path
            original = path.read_text(encoding="utf-8")
            started = time.monotonic()
            try:
                path.write_text(mutated(mutant, clean), encoding="utf-8")
            except LookupError as error:
                rows.append((mutant, "STALE", str(error), 0.0))
                continue
            try:
                status, detail = run_tests(clean, mutant.tests)
            finally:
                path.write_text(original, encoding="utf-8")
            verdict = "killed" if status == 1 else ("SURVIVED" if status == 0 else "ERROR")
            rows.append((mutant, verdict, detail, time.monotonic() - started))
            print(f"{mutant.name}: {verdict}", file=sys.stderr)

    print("| mutant | rule broken | result | first failing test | s |")
    print("|---|---|---|---|---:|")
    for mutant, verdict, detail, seconds in rows:
        print(f"| {mutant.name} | {mutant.rule} | {verdict} | `{detail}` | {seconds:.0f} |")
    survivors = [m.name for m, verdict, _, _ in rows if verdict != "killed"]
    print(f"\n{len(rows) - len(survivors)} of {len(rows)} killed", end="")
    print(f"; not killed: {', '.join(survivors)}" if survivors else "")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
