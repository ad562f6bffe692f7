"""What the user sees when something unexpected breaks: a calm message, the log, a choice.

Saved work is never at risk here: every change was written when it was made. The screen
says so, names the log file with the details, and lets the user carry on or quit.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label

from briefreader.textsafety import one_line


class ErrorScreen(ModalScreen[bool]):
    """Dismisses with True to continue, False to quit."""

    BINDINGS = [
        Binding("escape,enter,c", "choose(True)", "Continue"),
        Binding("q", "choose(False)", "Quit"),
    ]

    def __init__(self, error: BaseException, log: Path | None) -> None:
        super().__init__()
        self.error = error
        self.log_path = log

    def compose(self) -> ComposeResult:
        where = (
            f"Details are in {self.log_path}." if self.log_path else "No log file could be written."
        )
        with Vertical(id="error-dialog"):
            yield Label("Something went wrong", classes="dialog-title")
            yield Label(Content(one_line(f"{type(self.error).__name__}: {self.error}")))
            yield Label(Content(f"Your saved tags and notes are safe. {one_line(where)}"))
            yield Label("enter/escape continue · q quit", classes="hint")

    def action_choose(self, keep_going: bool) -> None:
        self.dismiss(keep_going)
