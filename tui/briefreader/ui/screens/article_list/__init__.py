"""The article list: every article as a row, sortable, filterable, selectable, annotatable.

The screen binds the keys; its rows and status line are ListRowsPage (rows), the filter
box FilterKeys (filter_box) and the tag panel TagPanelKeys (tag_panel).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Input, ProgressBar, Static

from briefreader.library.filtering import SORT_KEYS
from briefreader.ui.messages import CursorRested, OpenArticle
from briefreader.ui.screens.article_list.filter_box import FILTER_HINT
from briefreader.ui.screens.article_list.tag_panel import TagPanelKeys
from briefreader.ui.widgets.article_table import ArticleTable, ListHeader
from briefreader.ui.widgets.key_bar import KeyBar
from briefreader.ui.widgets.pick_list import PickList
from briefreader.ui.widgets.quick_tag_bar import QuickTagBar


class ArticleListScreen(TagPanelKeys):
    """Date, place, source, title, tags and marks for every article; enter opens one."""

    BINDINGS = [
        Binding(
            "slash",
            "filter",
            "Filter",
            tooltip="filter: words and tag: place: entity: …",
            id="filter",
        ),
        Binding(
            "escape",
            "escape",
            "Clear",
            show=False,
            tooltip="clear selection, then filter",
            id="escape",
        ),
        Binding(
            "s", "star", "Star", show=False, tooltip="star or unstar the article(s)", id="star"
        ),
        Binding(
            "r", "toggle_read", "Read", show=False, tooltip="mark read or unread", id="toggle_read"
        ),
        Binding("o", "sort", "Sort", show=False, tooltip="sort by the next column", id="sort"),
        Binding(
            "O",
            "reverse_sort",
            "Reverse",
            show=False,
            tooltip="reverse the sort order",
            id="reverse_sort",
        ),
        Binding(
            "A",
            "select_all",
            "All",
            show=False,
            tooltip="select all shown articles",
            id="select_all",
        ),
        Binding(
            "R",
            "rename_tag",
            "Rename tag",
            show=False,
            tooltip="rename or merge the tag chosen in the tag panel",
            id="rename_tag",
        ),
        Binding(
            "number_sign",
            "tag_panel",
            "#Tags",
            show=False,
            tooltip="tag counts; enter filters",
            id="tag_panel",
        ),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder=FILTER_HINT, id="filter")
        with Horizontal(id="list-body"):
            yield PickList(id="tag-panel")
            with Vertical(id="list-main"):
                yield ListHeader(id="list-header")
                yield ArticleTable(id="articles")
        yield ProgressBar(id="ingest", show_eta=True)
        yield Static(id="list-status")
        yield QuickTagBar(self.host.session.config.quick_tags)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#filter").display = False
        self.query_one("#tag-panel").display = False
        self.query_one("#ingest").display = False
        self.table.focus()

    @on(ArticleTable.ColumnsChanged)
    def _columns_changed(self, event: ArticleTable.ColumnsChanged) -> None:
        event.stop()
        self.query_one(ListHeader).columns = self.table.columns
        self.query_one(ListHeader).refresh()

    @on(ArticleTable.Opened)
    def _opened(self, event: ArticleTable.Opened) -> None:
        event.stop()
        self.post_message(OpenArticle(event.entry.summary))

    @on(ArticleTable.Moved)
    def _moved(self, event: ArticleTable.Moved) -> None:
        event.stop()
        self._update_status()
        self.post_message(CursorRested(event.entry.summary if event.entry else None))

    def action_open(self) -> None:
        self.table.action_open()

    def action_cursor_down(self) -> None:
        self.table.action_move(1)

    def action_cursor_up(self) -> None:
        self.table.action_move(-1)

    def action_escape(self) -> None:
        box = self.query_one("#filter", Input)
        if box.has_focus:
            self.table.focus()  # escape leaves the box; the filter (typed text) stays
            return
        if self.query_one("#tag-panel").has_focus:
            self.action_tag_panel()
            return
        if self.table.clear_selection():
            self._update_status()
            return
        if self.query_text:
            box.value = ""
            box.display = False
            self.query_text = ""
            self.apply_view()

    def action_star(self) -> None:
        targets = self.target_summaries()
        if not targets:
            return
        starred = self.host.session.store.toggle_star([s.id for s in targets])
        for summary in targets:
            self.refresh_article(summary.id)
        count = f"{len(targets)} articles" if len(targets) > 1 else "article"
        self.host.say(f"{'Starred' if starred else 'Unstarred'} {count}")

    def action_toggle_read(self) -> None:
        store = self.host.session.store
        for summary in self.target_summaries():
            store.set_read(summary.id, not store.reading_state(summary.id).read)
            self.refresh_article(summary.id)

    def action_sort(self) -> None:
        self._sort(SORT_KEYS[(SORT_KEYS.index(self.sort_key) + 1) % len(SORT_KEYS)])

    def _sort(self, key: str) -> None:
        self.sort_key = key
        # Newest, most tagged, most marked first; names A to Z.
        self.descending = key in ("date", "tags", "marks", "state")
        self._resort()

    def action_reverse_sort(self) -> None:
        self.descending = not self.descending
        self._resort()

    @on(ListHeader.SortRequested)
    def _sort_by(self, event: ListHeader.SortRequested) -> None:
        if event.key == self.sort_key:
            self.action_reverse_sort()
        elif event.key in SORT_KEYS:
            self._sort(event.key)

    def action_select_all(self) -> None:
        self.table.select_all()
        self._update_status()
