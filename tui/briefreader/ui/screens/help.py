"""`?`: every key that works where the user pressed it, generated from the live bindings.

Built from the bindings themselves so the help can never drift from what the keys do.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label

from briefreader.textsafety import one_line

ALWAYS = [
    ("j/k, up/down", "move in the list, scroll in the reader"),
    ("enter", "open the selected article"),
    ("escape", "back / close a dialog (typed text is kept)"),
    ("ctrl+p", "command palette"),
    ("space", "in the list: select for bulk tags (and move down)"),
]


class HelpScreen(ModalScreen[None]):
    """A list of keys and what they do on the screen below."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
        Binding("question_mark", "dismiss", "Close", show=False),
        Binding("q", "dismiss", "Close", show=False),
    ]

    def __init__(self, keys: list[tuple[str, str]], quick_tags: dict[str, str]) -> None:
        super().__init__()
        self.keys = keys
        self.quick_tags = quick_tags

    def compose(self) -> ComposeResult:
        rows = dict(ALWAYS)
        for key, description in self.keys:
            rows.setdefault(key, description)
        for key in "123456789":
            tag = self.quick_tags.get(key)
            if key in rows:
                rows[key] = f"toggle quick tag #{one_line(tag)}" if tag else "(no quick tag set)"
        width = max(len(k) for k in rows) + 2
        with VerticalScroll(id="help-dialog"):
            yield Label("Keys", classes="dialog-title")
            for key, text in rows.items():
                # A row per key, so a long description wraps under itself, not under the keys.
                with Horizontal(classes="help-row"):
                    key_label = Label(Content.styled(key, "bold"), classes="help-key")
                    key_label.styles.width = width
                    yield key_label
                    yield Label(Content(one_line(text)), classes="help-text")
            yield Label("escape or ? closes", classes="hint")

    def action_scroll(self, step: int) -> None:
        view = self.query_one("#help-dialog", VerticalScroll)
        view.scroll_relative(y=step * 3, animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss()
