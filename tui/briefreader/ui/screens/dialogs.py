"""Small modal dialogs: the tag prompt and the note editor.

Both hand their result back to the screen that opened them (dismiss with a value); they
never write to the store themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, OptionList, TextArea
from textual.widgets.option_list import Option

from briefreader.annotations.drafts import NoteDrafts
from briefreader.annotations.model import AttachedHighlight
from briefreader.annotations.tags import tag_key
from briefreader.textsafety import one_line


class LastWordSuggester(Suggester):
    """Complete the tag being typed (the last word) from the tags already in use.

    Tags are tried in the order given (most used first), so the likeliest tag wins.
    """

    def __init__(self, tags: Iterable[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.tags = list(dict.fromkeys(tags))

    async def get_suggestion(self, value: str) -> str | None:
        """Suggest the whole input with its last word completed."""
        if not value or value[-1] in " ,":
            return None
        cut = max(value.rfind(" "), value.rfind(",")) + 1
        head, word = value[:cut], value[cut:]
        sign = "-" if word.startswith("-") else ""
        stem = tag_key(word.removeprefix("-"))
        if not stem:
            return None
        for tag in self.tags:
            if tag_key(tag).startswith(stem) and tag_key(tag) != stem:
                return f"{head}{sign}{tag}"
        return None


@dataclass(frozen=True)
class TagAnswer:
    """What the tag prompt hands back: the typed text, and whether to apply it or keep it."""

    text: str
    apply: bool


class TagPrompt(ModalScreen[TagAnswer]):
    """Ask for tags: comma separated (space separated without a comma), '-tag' removes."""

    BINDINGS = [Binding("escape", "cancel", "Close", show=True)]

    def __init__(self, title: str, current: list[str], known: Iterable[str], draft: str) -> None:
        super().__init__()
        self.article_title = title
        self.current = current
        self.known = list(known)
        self.draft = draft

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(
                Content(f"Tags for: {one_line(self.article_title)}"), classes="dialog-title"
            )
            current = " ".join(f"#{one_line(t)}" for t in self.current) or "(none yet)"
            yield Label(Content(f"Current: {current}"), id="current-tags")
            yield Input(
                value=self.draft,
                placeholder="tags, comma separated (or spaces); -tag removes; → completes",
                suggester=LastWordSuggester(self.known),
                id="tag-input",
            )
            yield Label(
                "enter apply · → accept completion · escape close (text kept)", classes="hint"
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(TagAnswer(event.value, apply=True))

    def action_cancel(self) -> None:
        self.dismiss(TagAnswer(self.query_one(Input).value, apply=False))


class NoteEditor(ModalScreen[None]):
    """A multi-line note editor; closing it (escape or ctrl+s) saves through a callback.

    The callback is also what the app calls when it quits with the editor still open, so
    typed text is never lost. While it is open, changed text is written to a draft file
    about once a second, so even a crash costs at most the last second of typing.
    """

    AUTOSAVE_SECONDS = 1.0

    BINDINGS = [
        Binding("escape", "close", "Save & close", show=True),
        Binding("ctrl+s", "close", "Save & close", show=False),
    ]

    def __init__(
        self,
        title: str,
        note: str,
        save: Callable[[str], None],
        drafts: NoteDrafts | None = None,
        draft_key: str = "",
    ) -> None:
        super().__init__()
        self.article_title = title
        self.note = note
        self.save = save
        self.drafts = drafts
        self.draft_key = draft_key
        self._dirty = False
        self._draft_failed = False

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog"):
            heading = Content(f"Note on: {one_line(self.article_title)}")
            yield Label(heading, classes="dialog-title")
            yield TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Label("Markdown welcome · escape or ctrl+s saves and closes", classes="hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        if self.drafts is not None:
            self.set_interval(self.AUTOSAVE_SECONDS, self.write_draft)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._dirty = True

    def write_draft(self) -> None:
        """Keep the text typed so far as a draft, if it changed since the last time."""
        if not self._dirty or self.drafts is None:
            return
        self._dirty = False
        try:
            self.drafts.save(self.draft_key, self.query_one(TextArea).text)
        except OSError as error:
            if not self._draft_failed:  # say it once, not every second
                self._draft_failed = True
                self.notify(
                    one_line(f"Cannot autosave the draft: {error}; escape still saves the note"),
                    severity="warning",
                    markup=False,
                )

    def save_now(self) -> None:
        """Hand the typed text to the store now (used on close and when the app quits)."""
        self.save(self.query_one(TextArea).text)

    def action_close(self) -> None:
        self.save_now()
        self.dismiss()


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question before a change that touches many articles at once."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content(one_line(self.question)), classes="dialog-title")
            yield Label("y or enter: yes · n or escape: no (one u undoes it after)", classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class TextPrompt(ModalScreen[str | None]):
    """One line of text, e.g. a tag's new name; escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content(one_line(self.question)), classes="dialog-title")
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt-input")
            yield Label("enter: apply · escape: cancel", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class CommentPrompt(TextPrompt):
    """One line of comment on a highlight: enter saves, escape closes (text kept for later)."""

    BINDINGS = [Binding("escape", "cancel", "Close", show=True)]

    def __init__(self, passage: str, comment: str) -> None:
        super().__init__(f"Comment on: “{one_line(passage)}”", comment, "your comment")
        self.passage = passage
        self.comment = comment

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content(f"Comment on: “{one_line(self.passage)}”"), classes="dialog-title")
            yield Input(value=self.comment, placeholder="your comment", id="comment-input")
            yield Label("enter saves · escape closes (text kept)", classes="hint")

    @property
    def typed(self) -> str:
        """What is in the box now (kept as a draft when the prompt is escaped)."""
        return self.query_one(Input).value


@dataclass(frozen=True)
class HighlightChoice:
    """What the highlight list hands back: what to do, and to which highlight."""

    action: str  # "jump", "comment" or "delete"
    highlight_id: str


class HighlightList(ModalScreen[HighlightChoice | None]):
    """Every highlight of the article, orphans included: enter jumps, c comments, x deletes."""

    BINDINGS = [
        Binding("escape", "cancel", "Close"),
        Binding("h", "cancel", "Close", show=False),
        Binding("c", "choose('comment')", "Comment"),
        Binding("x", "choose('delete')", "Delete"),
        Binding("delete", "choose('delete')", "Delete", show=False),
    ]

    def __init__(
        self,
        highlights: list[AttachedHighlight],
        meanings: dict[str, str],
        swatches: dict[str, str],
        current: str | None = None,
    ) -> None:
        super().__init__()
        self.highlights = highlights
        self.meanings = meanings
        self.swatches = swatches
        self.current = current

    def _row(self, attached: AttachedHighlight) -> Content:
        highlight = attached.highlight
        colour = highlight.colour
        parts: list[str | tuple[str, str]] = [
            ("  ", self.swatches.get(colour, "")),
            f" {one_line(self.meanings.get(colour, colour))}: ",
            (f"“{one_line(highlight.selector.exact)}”", "italic"),
        ]
        if highlight.comment:
            parts.append(f" — {one_line(highlight.comment)}")
        if attached.orphaned:
            parts.append((" ⚠ not found in the text any more", "bold"))
        return Content.assemble(*parts)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(f"Highlights ({len(self.highlights)})", classes="dialog-title")
            yield OptionList(
                *[Option(self._row(a), id=a.highlight.id) for a in self.highlights],
                id="highlight-list",
            )
            yield Label(
                "enter jump · c comment · x delete (u undoes) · escape close", classes="hint"
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        if self.current is not None:
            ids = [a.highlight.id for a in self.highlights]
            if self.current in ids:
                options.highlighted = ids.index(self.current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(HighlightChoice("jump", event.option.id))

    def action_choose(self, action: str) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        option = options.get_option_at_index(options.highlighted)
        if option.id is not None:
            self.dismiss(HighlightChoice(action, option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
