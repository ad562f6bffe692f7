"""The least any Textual app needs to put a line on screen: the floor under briefreader's start.

    python benchmarks/textual_floor.py "Some title"

Python starts, Textual is imported, an App with one Static showing the given text runs.
scale.py times it exactly as it times briefreader's first screen, so the table shows how much
of briefreader's start is ours and how much any Textual program pays.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Static


class Floor(App[None]):
    """One line of text; q quits."""

    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text, markup=False)


if __name__ == "__main__":
    Floor(sys.argv[1] if len(sys.argv) > 1 else "floor").run()
