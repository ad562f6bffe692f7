"""What the command line prints besides its answers: progress on a terminal, safe text.

Every command's output goes through here, so article and user text reach a terminal or
a pipe without control characters, and progress shows only where someone watches.
"""

from __future__ import annotations

import sys

from briefreader.textsafety import visible


def terminal_progress(done: int, total: int) -> None:
    """'indexing 1200/100000' on one line of a terminal, cleared when the last file is read."""
    line = f"\rindexing {done}/{total}" if done < total else "\r\033[K"
    print(line, end="", file=sys.stderr, flush=True)


def for_stdout(text: str) -> str:
    """Exact text for a pipe or file; on a terminal, control characters made visible."""
    return visible(text) if sys.stdout.isatty() else text
