"""The article list as a virtual table: only the rows on screen are ever rendered.

A DataTable builds every row up front, which takes seconds at 100k articles; this widget
keeps the entries in a plain list and draws a row when the terminal needs it (Textual's
Line API), so filling, sorting and filtering cost only list operations.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from briefreader.articles.dates import short_date
from briefreader.library.filtering import ListEntry
from briefreader.textsafety import one_line


@dataclass(frozen=True)
class Column:
    """One column: its key for sorting, its header, and its width (0: takes the rest)."""

    key: str
    header: str
    width: int


def columns_for(width: int) -> list[Column]:
    """Columns that fit: source and wider tags only when the terminal has room."""
    columns = [
        Column("state", " ", 1),
        Column("date", "Date", 10),
        Column("place", "Place", 10),
    ]
    if width >= 110:
        columns.append(Column("source", "Source", 8))
    columns.append(Column("title", "Title", 0))
    columns.append(Column("tags", "Tags", 24 if width >= 140 else 16))
    columns.append(Column("marks", "✎❝", 2))
    fixed = sum(c.width for c in columns) + len(columns) - 1
    title = max(20, width - fixed - 1)
    return [Column(c.key, c.header, title) if c.key == "title" else c for c in columns]


def _fit(text: Text, width: int) -> Text:
    text = text.copy()
    text.truncate(width, overflow="ellipsis", pad=True)
    return text


def cell_texts(entry: ListEntry, selected: bool) -> dict[str, Text]:
    """What each column shows for one article, as Text (never markup)."""
    summary, annotation, state = entry.summary, entry.annotation, entry.state
    mark = "●" if selected else ("★" if state.starred else ("•" if not state.read else " "))
    marks = ("✎" if annotation.note.strip() else " ") + ("❝" if entry.highlights else " ")
    return {
        "state": Text(mark, style="bold"),
        "date": Text(one_line(summary.date_iso or short_date(summary.date))),
        "place": Text(one_line(summary.place or "")),
        "source": Text(one_line(summary.agency or "")),
        "title": Text(one_line(summary.title), style="" if state.read else "bold"),
        "tags": Text(one_line(" ".join(f"#{t}" for t in annotation.tags)), style="italic"),
        "marks": Text(marks),
    }


def row_text(entry: ListEntry, selected: bool, columns: list[Column]) -> Text:
    """A whole row, each cell cut or padded to its column."""
    cells = cell_texts(entry, selected)
    row = Text(no_wrap=True, end="")
    for number, column in enumerate(columns):
        if number:
            row.append(" ")
        row.append_text(_fit(cells[column.key], column.width))
    return row


class ArticleTable(ScrollView, can_focus=True):
    """Rows of articles with a cursor, multi-selection and sorting by any column."""

    COMPONENT_CLASSES = {
        "article-table--cursor",
        "article-table--selected",
        "article-table--odd",
    }
    DEFAULT_CSS = """
    ArticleTable > .article-table--cursor { background: $block-cursor-background;
        color: $block-cursor-foreground; }
    ArticleTable:blur > .article-table--cursor { background: $block-cursor-blurred-background; }
    ArticleTable > .article-table--selected { background: $secondary 30%; }
    ArticleTable > .article-table--odd { background: $surface-lighten-1 40%; }
    """
    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
        Binding("enter", "open", "Open", show=False),
        Binding(
            "space", "select", "Select", show=False, tooltip="select the article for bulk tagging"
        ),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    class Opened(Message):
        """Enter (or a click on the cursor row) on an article."""

        def __init__(self, entry: ListEntry) -> None:
            super().__init__()
            self.entry = entry

    class Moved(Message):
        """The cursor moved to another article."""

        def __init__(self, entry: ListEntry | None) -> None:
            super().__init__()
            self.entry = entry

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[ListEntry] = []
        self.selected: set[str] = set()
        self.columns: list[Column] = columns_for(80)
        self._columns_width = 80  # the width self.columns were laid out for

    # -- content -------------------------------------------------------------------------

    def set_entries(
        self, entries: list[ListEntry], keep: str | None = None, from_top: bool = False
    ) -> None:
        """Show these entries; keep the cursor on article `keep` if it is still there.

        Else the cursor stays at its row (an article that left the list: the next one is
        there), or with `from_top` (a new filter) goes to the first row: a row number from
        another list is an arbitrary article, and the next key would tag it.
        """
        self.entries = entries
        shown = {e.summary.id for e in entries}
        self.selected &= shown
        self.virtual_size = Size(self.size.width, len(entries))
        index = next(
            (i for i, e in enumerate(entries) if keep and e.summary.id == keep),
            0 if from_top else min(self.cursor, max(0, len(entries) - 1)),
        )
        self.cursor = index
        self.refresh()

    def refresh_entry(self, entry: ListEntry) -> None:
        """Redraw the row showing this entry, if it is on screen (no walk over every row)."""
        top = self.scroll_offset.y
        for y, shown in enumerate(self.entries[top : top + self.size.height]):
            if shown is entry:
                self.refresh_line(y)

    @property
    def current(self) -> ListEntry | None:
        """The article under the cursor."""
        if not self.entries:
            return None
        return self.entries[min(self.cursor, len(self.entries) - 1)]

    def selected_entries(self) -> list[ListEntry]:
        """Selected articles in list order."""
        return [e for e in self.entries if e.summary.id in self.selected]

    # -- drawing -------------------------------------------------------------------------

    class ColumnsChanged(Message):
        """The table's width changed, so did its columns: the header must follow."""

    def on_resize(self, event: events.Resize) -> None:
        self._fit_columns(event.size.width)
        self.virtual_size = Size(event.size.width, len(self.entries))
        self.refresh()
        self.call_after_refresh(self.scroll_to_cursor)  # a smaller window: keep the row in it

    def _fit_columns(self, width: int) -> None:
        """Columns for this width, and the header told; nothing when they already fit.

        Also checked when drawing: a resize event can come after the first frame at the
        new width (the tag panel opening under load drew rows with full-width columns).
        """
        if width == self._columns_width or width <= 0:
            return
        self._columns_width = width
        self.columns = columns_for(width)
        self.virtual_size = Size(width, len(self.entries))
        self.post_message(self.ColumnsChanged())

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.size.width
        self._fit_columns(width)
        base = self.rich_style
        if index >= len(self.entries):
            return Strip.blank(width, base)
        entry = self.entries[index]
        selected = entry.summary.id in self.selected
        style = base
        if index % 2:
            style += self.get_component_rich_style("article-table--odd")
        if selected:
            style += self.get_component_rich_style("article-table--selected")
        if index == self.cursor:
            style += self.get_component_rich_style("article-table--cursor")
        text = row_text(entry, selected, self.columns)
        segments = [
            Segment(seg.text, style + seg.style if seg.style else style)
            for seg in text.render(self.app.console)
            if seg.text != "\n"
        ]
        return Strip(segments).adjust_cell_length(width, style)

    # -- cursor --------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old - self.scroll_offset.y)
        self.refresh_line(new - self.scroll_offset.y)
        self.scroll_to_cursor()
        self.post_message(self.Moved(self.current))

    def scroll_to_cursor(self) -> None:
        """Keep the cursor row on screen.

        Forced and at once: right after a short list (no scrollbar, so Textual would not
        scroll) is replaced by a long one, as when a filter is cleared, the scrollbar is
        not there yet, and a deferred or unforced scroll left the cursor off-screen, where
        the next `t` tagged a row nobody could see.
        """
        height = self.scrollable_content_region.height or 1
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, force=True, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, force=True, immediate=True)

    def _go(self, index: int) -> None:
        if self.entries:
            self.cursor = max(0, min(index, len(self.entries) - 1))

    def action_move(self, step: int) -> None:
        self._go(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self._go(self.cursor + direction * max(1, self.scrollable_content_region.height - 1))

    def action_jump(self, index: int) -> None:
        self._go(index if index >= 0 else len(self.entries) - 1)

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self.current))

    def action_select(self) -> None:
        entry = self.current
        if entry is None:
            return
        self.selected ^= {entry.summary.id}
        self.refresh_line(self.cursor - self.scroll_offset.y)
        self.action_move(1)
        self.post_message(self.Moved(self.current))

    def select_all(self) -> None:
        """Select every shown article, or clear when all already are."""
        shown = {e.summary.id for e in self.entries}
        self.selected = set() if shown <= self.selected else shown
        self.refresh()

    def clear_selection(self) -> bool:
        """Drop the selection; False when there was none."""
        if not self.selected:
            return False
        self.selected.clear()
        self.refresh()
        return True

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < len(self.entries):
            if index == self.cursor or event.chain > 1:
                self.cursor = index
                self.action_open()
            else:
                self.cursor = index


class ListHeader(Widget):
    """Column names with the sort marker; a click on a name sorts by it."""

    DEFAULT_CSS = """
    ListHeader { height: 1; text-style: bold; color: $text-accent; background: $panel; }
    """

    class SortRequested(Message):
        """The user clicked a column name."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    sort_key: reactive[str] = reactive("date")
    descending: reactive[bool] = reactive(True)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns: list[Column] = columns_for(80)

    def render(self) -> Text:
        row = Text(no_wrap=True, end="")
        for number, column in enumerate(self.columns):
            if number:
                row.append(" ")
            arrow = ("↓" if self.descending else "↑") if column.key == self.sort_key else ""
            row.append_text(_fit(Text(column.header + arrow), column.width))
        return row

    def on_click(self, event: events.Click) -> None:
        x = 0
        for column in self.columns:
            if x <= event.x < x + column.width + 1:
                self.post_message(self.SortRequested(column.key))
                return
            x += column.width + 1
