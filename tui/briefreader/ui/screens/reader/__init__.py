"""The reader: one article with its entities highlighted, and the annotation keys.

Besides tags and notes the reader finds text (`/`, then n/N), selects a passage with the
keyboard (`v`, then w/b/s/S/←/→) or the mouse and highlights it in one of four colours,
lists highlights (`h`) and steps to the next or previous article (J/K) without leaving.
Finding matches, word and sentence motions live in briefreader.articles.navigation.

The screen binds the keys; the page it draws is ReaderPage (page), and the keys' work is
in its parts: FindKeys (finding), HighlightKeys (highlighting), EntityKeys (entities).
"""

from __future__ import annotations

import dataclasses

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Input, Static

from briefreader.config import QUICK_TAG_KEYS
from briefreader.textsafety import one_line
from briefreader.ui.messages import StepArticle
from briefreader.ui.screens.reader.entities import EntityKeys
from briefreader.ui.screens.reader.finding import FindKeys
from briefreader.ui.screens.reader.highlighting import HighlightKeys
from briefreader.ui.screens.reader.page import COLOUR_KEYS
from briefreader.ui.widgets.key_bar import KeyBar
from briefreader.ui.widgets.quick_tag_bar import QuickTagBar

SELECT_ACTIONS = {
    "extend_word",
    "shrink_word",
    "extend_sentence",
    "shrink_sentence",
    "move_end",
    "mark_entity",
}
ENTITY_ACTIONS = {"reject_entity", "relabel_entity", "alias_entity"}
SELECT_ACTIONS |= {"highlight"}
FIND_ACTIONS = {"find_next", "find_previous"}


class ReaderScreen(FindKeys, HighlightKeys, EntityKeys):
    """Headline, subtitle, dateline, legend, tags and note, then the highlighted body."""

    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="back to the list; clears a search or selection"),
        Binding("j", "scroll('down')", "Scroll down", show=False),
        Binding("k", "scroll('up')", "Scroll up", show=False),
        Binding("space", "page('down')", "Page down", show=False),
        Binding("J", "step_article(1)", "Next", tooltip="next article in the list's order"),
        Binding("K", "step_article(-1)", "Previous", show=False, tooltip="previous article"),
        Binding("ctrl+down", "step_article(1)", "Next article", show=False),
        Binding("ctrl+up", "step_article(-1)", "Previous article", show=False),
        Binding("slash", "find", "Find", tooltip="find in the article (enter jumps to the first)"),
        Binding("n", "find_next", "Next match", tooltip="next match of the search"),
        Binding("n", "note", "Note", tooltip="write the article's note; closing saves it"),
        Binding("N", "find_previous", "Prev match", tooltip="previous match of the search"),
        Binding(
            "v",
            "select",
            "Select",
            tooltip="select a passage to highlight (from the mouse selection, the find "
            "match or the top of the page)",
        ),
        Binding("w", "extend_word", "+word", tooltip="selection: extend by a word"),
        Binding("b", "shrink_word", "-word", tooltip="selection: shrink by a word"),
        Binding("b", "page('up')", "Page up", show=False),
        Binding("s", "extend_sentence", "+sentence", tooltip="selection: extend by a sentence"),
        Binding("S", "shrink_sentence", "-sentence", tooltip="selection: shrink by a sentence"),
        Binding("right", "move_end(1)", "+char", show=False, priority=True),
        Binding("left", "move_end(-1)", "-char", show=False, priority=True),
        *[
            Binding(key, f"highlight('{colour}')", colour.title(), tooltip=f"highlight {colour}")
            for colour, key in COLOUR_KEYS.items()
        ],
        # Redeclared: a key bound here replaces the inherited binding of the same key.
        *[
            Binding(key, f"quick_tag('{key}')", f"Toggle quick tag {key}", show=False)
            for key in QUICK_TAG_KEYS
        ],
        Binding(
            "right_square_bracket",
            "step_entity(1)",
            "Next entity",
            show=False,
            tooltip="next entity mention (] then [ goes back)",
        ),
        Binding(
            "left_square_bracket",
            "step_entity(-1)",
            "Previous entity",
            show=False,
            tooltip="previous entity mention",
        ),
        Binding("E", "entities", "Entities", tooltip="entities here, their articles and company"),
        Binding(
            "d", "reject_entity", "Not an entity", show=False, tooltip="on an entity: reject it"
        ),
        Binding("l", "relabel_entity", "Relabel", show=False, tooltip="on an entity: next label"),
        Binding("a", "alias_entity", "Alias", show=False, tooltip="on an entity: same as …"),
        Binding(
            "m", "mark_entity", "Mark entity", show=False, tooltip="selection: a missed entity"
        ),
        Binding("h", "highlights", "Highlights", tooltip="list highlights: jump, comment, delete"),
        Binding("greater_than_sign", "jump_highlight(1)", "Next highlight", show=False),
        Binding("less_than_sign", "jump_highlight(-1)", "Previous highlight", show=False),
        Binding("c", "comment", "Comment", show=False, tooltip="comment on the current highlight"),
        Binding("x", "delete_highlight", "Delete highlight", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="find in this article; enter jumps, escape clears", id="find")
        with VerticalScroll(id="reader"):
            yield Static(id="headline")
            yield Static(id="subtitle")
            yield Static(id="dateline")
            yield Static(id="read-notes")
            yield Static(id="legend")
            yield Static(id="annotations")
            for index, _ in enumerate(self.article.body):
                yield Static(id=f"p{index}", classes="paragraph")
        self._paragraphs = len(self.article.body)
        yield Static(id="reader-status")
        yield QuickTagBar(self.host.session.config.quick_tags)
        yield KeyBar()

    def _name_colour_keys(self) -> None:
        """Footer and help say what a colour means ("1 claim"), as config.toml names it."""
        by_key = self._bindings.key_to_bindings
        for colour, key in COLOUR_KEYS.items():
            meaning = one_line(self.meanings.get(colour, colour))
            by_key[key] = [
                dataclasses.replace(
                    binding, description=meaning, tooltip=f"highlight {colour}: {meaning}"
                )
                if binding.action.startswith("highlight(")
                else binding
                for binding in by_key.get(key, [])
            ]

    def on_mount(self) -> None:
        self._name_colour_keys()
        self.query_one("#find").display = False
        self._show()
        self.app.theme_changed_signal.subscribe(self, lambda _: self.render_article())
        view = self.query_one("#reader", VerticalScroll)
        self.watch(view, "scroll_y", lambda _: self.show_status(), init=False)
        # Laid out again for another article: how far is read changes without a scroll.
        self.watch(view, "virtual_size", lambda _: self.show_status(), init=False)
        self.watch(self, "selections", lambda _: self.show_status(), init=False)
        view.focus()

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_status)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Selection keys work only while selecting; n/N are find keys only while finding."""
        if action in SELECT_ACTIONS:
            return self.selection is not None
        if action in ENTITY_ACTIONS:
            return self.current_entity is not None and self.selection is None
        if action in FIND_ACTIONS:
            return bool(self.find_query) and self.selection is None
        return True

    def action_back(self) -> None:
        if self.current_entity is not None:
            self.current_entity = None
            self.render_blocks()
            return
        if self.selection is not None:
            self.selection = None
            self._refresh_keys()
            return
        if self.find_query or self.query_one("#find", Input).display:
            self.clear_find()
            return
        self.app.pop_screen()

    def action_scroll(self, direction: str) -> None:
        view = self.query_one("#reader", VerticalScroll)
        view.scroll_down() if direction == "down" else view.scroll_up()

    def action_page(self, direction: str) -> None:
        view = self.query_one("#reader", VerticalScroll)
        view.scroll_page_down() if direction == "down" else view.scroll_page_up()

    def action_step_article(self, step: int) -> None:
        self.post_message(StepArticle(self.summary.id, step))

    def help_rows(self) -> list[tuple[str, str]]:
        """Keys that only work in a mode, for the help screen (the footer shows them live)."""
        meanings = "  ".join(f"{key} {self.meanings[c]}" for c, key in COLOUR_KEYS.items())
        return [
            ("n / N", "next / previous match while a search is active"),
            ("w / b", "selection: extend / shrink by a word"),
            ("s / S", "selection: extend / shrink by a sentence"),
            ("→ / ←", "selection: extend / shrink by a character"),
            ("1-4", f"selection: highlight it ({meanings})"),
            ("m", "selection: mark it as an entity the recognizer missed"),
            ("] / [", "next / previous entity mention"),
            ("d", "on an entity: it is no entity, in every article (u undoes)"),
            ("l", "on an entity: change its kind (person → org → place → date), everywhere"),
            ("a", "on an entity: it is another name of an entity you type (an alias)"),
            ("E", "the article's entities: mentions, articles, often named with; f filters"),
        ]
