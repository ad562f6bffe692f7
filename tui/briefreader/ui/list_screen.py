"""The article list: one row per article, filterable, with the annotation keys."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Input

from briefreader.filtering import filter_articles
from briefreader.library import ArticleSummary
from briefreader.store import Annotation
from briefreader.textsafety import one_line
from briefreader.ui.annotating import AnnotatingScreen
from briefreader.ui.widgets import QuickTagBar

DATE_WIDTH = 10
PLACE_WIDTH = 10
TAGS_WIDTH = 18
MARK_WIDTH = 1
MIN_TITLE = 20


def _cell(value: str, style: str = "") -> Text:
    # Rich Text, not str: DataTable would parse a str as markup.
    return Text(one_line(value), style=style, no_wrap=True, overflow="ellipsis")


class ArticleListScreen(AnnotatingScreen):
    """Date, place, title, tags and a note mark for every article; enter opens one."""

    BINDINGS = [
        Binding("enter", "open", "Open", priority=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("slash", "filter", "Filter", tooltip="filter by words in title, place, tags, note"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="list-screen")
        self.rows: list[tuple[ArticleSummary, Annotation]] = []
        self.query_text = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="filter: words in title, place, tags, note", id="filter")
        yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield QuickTagBar(self.brief_app.session.config.quick_tags)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#filter").display = False
        self.query_one(DataTable).focus()

    @property
    def table(self) -> DataTable[Text]:
        """The list itself."""
        return self.query_one("#articles", DataTable)

    def current_summary(self) -> ArticleSummary | None:
        if not self.rows or self.table.cursor_row < 0:
            return None
        return self.rows[min(self.table.cursor_row, len(self.rows) - 1)][0]

    def step_from(self, article_id: str, step: int) -> ArticleSummary | None:
        """The article step rows away from article_id in the list's current order.

        Moves the list's cursor to it, so escape from the reader lands there; None at either
        end (or when article_id is not in the list). Used by the reader's next/previous keys.
        """
        ids = [summary.id for summary, _ in self.rows]
        if article_id not in ids:
            return None
        index = ids.index(article_id) + step
        if not 0 <= index < len(self.rows):
            return None
        self.table.move_cursor(row=index)
        return self.rows[index][0]

    def show_articles(self, keep: str | None = None) -> None:
        """(Re)build the rows from the library and the store, keeping the selected article."""
        app = self.brief_app
        keep = keep or (s.id if (s := self.current_summary()) else None)
        items = [(s, app.session.store.annotation(s.id)) for s in app.summaries]
        self.rows = filter_articles(items, self.query_text)
        table = self.table
        table.clear(columns=True)
        title_width = max(
            MIN_TITLE, self.size.width - DATE_WIDTH - PLACE_WIDTH - TAGS_WIDTH - MARK_WIDTH - 12
        )
        table.add_column("Date", width=DATE_WIDTH, key="date")
        table.add_column("Place", width=PLACE_WIDTH, key="place")
        table.add_column("Title", width=title_width, key="title")
        table.add_column("Tags", width=TAGS_WIDTH, key="tags")
        table.add_column("✎", width=MARK_WIDTH, key="mark")
        for summary, annotation in self.rows:
            table.add_row(*self._cells(summary, annotation), key=summary.id)
        if keep and any(s.id == keep for s, _ in self.rows):
            table.move_cursor(row=table.get_row_index(keep))
        self._update_status()

    def _cells(self, summary: ArticleSummary, annotation: Annotation) -> list[Text]:
        tags = " ".join(f"#{t}" for t in annotation.tags)
        return [
            _cell(summary.date_iso or summary.date or ""),
            _cell(summary.place or ""),
            _cell(summary.title, "bold" if annotation.is_empty else ""),
            _cell(tags, "italic"),
            _cell("✎" if annotation.note.strip() else ""),
        ]

    def refresh_article(self, article_id: str | None) -> None:
        """Redraw one row after its tags or note changed (all rows when None)."""
        if article_id is None:
            self.show_articles()
            return
        store = self.brief_app.session.store
        for index, (summary, _) in enumerate(self.rows):
            if summary.id == article_id:
                annotation = store.annotation(article_id)
                self.rows[index] = (summary, annotation)
                for column, cell in zip(
                    ("date", "place", "title", "tags", "mark"),
                    self._cells(summary, annotation),
                    strict=True,
                ):
                    self.table.update_cell(article_id, column, cell)
        self._update_status()

    def _update_status(self) -> None:
        app = self.brief_app
        total = len(app.summaries)
        shown = f"{len(self.rows)} of {total}" if self.query_text else f"{total}"
        source = " · sample articles (add yours: briefreader FOLDER)" if app.showing_samples else ""
        self.sub_title = f"{shown} articles{source}"

    def on_resize(self) -> None:
        if self.brief_app.summaries:
            self.show_articles()

    def action_cursor_down(self) -> None:
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.table.action_cursor_up()

    def action_open(self) -> None:
        summary = self.current_summary()
        if summary is not None:
            self.brief_app.open_article(summary)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.show_articles()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.table.focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        if box.has_focus:
            self.table.focus()  # escape leaves the box; the filter (typed text) stays
            return
        if self.query_text:
            box.value = ""
            box.display = False
            self.query_text = ""
            self.show_articles()
