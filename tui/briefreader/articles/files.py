"""Which files are articles: their suffixes, walking a folder for them, the bundled samples.

The library lists folders, the CLI adds them and the year inference must tell a bundled
sample (whose modification time is the install's) from a user's file; all of them ask here.
"""

from __future__ import annotations

import functools
from pathlib import Path

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})


@functools.cache
def seeds_folder() -> Path:
    """The bundled sample articles: inside the installed package, or the source checkout."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "seeds"
    return packaged if packaged.is_dir() else package.parents[1] / "seeds"


@functools.cache
def _sample_names() -> frozenset[str]:
    try:
        return frozenset(p.name for p in seeds_folder().iterdir())
    except OSError:
        return frozenset()


def is_bundled_sample(path: Path) -> bool:
    """Whether a file is one of the bundled samples (an unresolvable one counts as one).

    Asked for every file indexed, so the name is checked first: resolving every path cost
    more than the parse.
    """
    if path.name not in _sample_names():
        return False
    try:
        return path.resolve().parent == seeds_folder()
    except OSError:
        return True


def iter_article_files(root: Path) -> list[Path]:
    """Article files under a path (or the path itself), sorted, without following link loops."""
    if root.is_file():
        return [root]
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                stack.append(entry)
            elif entry.suffix.lower() in ARTICLE_SUFFIXES and entry.is_file():
                found.append(entry)
    return sorted(found)
