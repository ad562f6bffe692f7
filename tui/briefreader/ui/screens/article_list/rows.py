"""The list's rows: built from the listing and the store, filtered, sorted, kept current.

The list screen owns the library's listing (the app hands it down as the library is
read); this part turns it into rows, redraws one row when its article changes and says
in the status line what is shown.
"""

from __future__ import annotations

import time

from textual import work
from textual.content import Content
from textual.timer import Timer
from textual.widgets import OptionList, ProgressBar, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from briefreader.library.filtering import (
    ListEntry,
    filter_entries,
    prepare_search,
    sort_entries,
)
from briefreader.library.listing import ListRows, build_rows
from briefreader.library.summary import ArticleSummary
from briefreader.textsafety import one_line
from briefreader.ui.screens.annotating import AnnotatingScreen
from briefreader.ui.widgets.article_table import ArticleTable, ListHeader

# From this many rows the filter text is folded ahead, in the background.
LARGE_LIST = 5000


class ListRowsPage(AnnotatingScreen):
    """The rows of every article, the status line and the tag panel's counts."""

    def __init__(self, showing_samples: bool = False) -> None:
        super().__init__(id="list-screen")
        # The library's articles as listed: this screen owns the listing; the app hands it
        # down (show_library) and the list grows it as indexing finds more (show_progress).
        self.summaries: list[ArticleSummary] = []
        # While only the last session's top rows are listed: the library's size then.
        self.listing_total: int | None = None
        self.showing_samples = showing_samples
        self.entries: list[ListEntry] = []
        # Every article's row, sorted; filtering picks from it without rebuilding rows.
        self._sorted: list[ListEntry] = []
        self._rows: dict[str, ListEntry] = {}  # article id → its row, for one-row updates
        self._unread = 0  # unread rows shown, kept up to date as rows change
        self._pending_filter: Timer | None = None
        self._filter_seconds: float | None = None  # how long the last filter pass took
        self.query_text = ""
        self.problems: list[str] = []
        self.sort_key = "date"
        self.descending = True

    @property
    def table(self) -> ArticleTable:
        """The list itself."""
        return self.query_one("#articles", ArticleTable)

    def current_summary(self) -> ArticleSummary | None:
        entry = self.table.current
        return entry.summary if entry else None

    def target_summaries(self) -> list[ArticleSummary]:
        selected = self.table.selected_entries()
        if selected:
            return [e.summary for e in selected]
        return super().target_summaries()

    def step_from(self, article_id: str, step: int) -> ArticleSummary | None:
        """The article `step` rows away in the list's order; the cursor follows it."""
        ids = [e.summary.id for e in self.table.entries]
        if article_id not in ids:
            return None
        index = ids.index(article_id) + step
        if not 0 <= index < len(ids):
            return None
        self.table.cursor = index
        return self.table.entries[index].summary

    def _entry(self, summary: ArticleSummary) -> ListEntry:
        session = self.host.session
        store = session.store
        return ListEntry(
            summary,
            store.annotation(summary.id),
            store.reading_state(summary.id),
            session.library.entity_names.packed_of(summary.id),
            len(store.highlights(summary.id)),  # one article: no count over every highlight
        )

    def show_library(
        self,
        summaries: list[ArticleSummary],
        showing_samples: bool,
        total: int | None = None,
        rows: ListRows | None = None,
    ) -> None:
        """List these articles (total: the library's size, when these are only its top rows)."""
        self.summaries, self.listing_total = summaries, total
        self.showing_samples = showing_samples
        self.show_articles(rows=rows)

    def show_articles(self, keep: str | None = None, rows: ListRows | None = None) -> None:
        """(Re)build the rows from the library and the store, keeping the current article.

        `rows` built in a worker are used when they still fit: same summaries, same sort,
        no store change since (at 100k building them here froze the list for ~0.5 s).
        """
        session = self.host.session
        summaries = self.summaries
        sort = (self.sort_key, self.descending)
        if rows is None or not rows.fits(summaries, sort, session.store.change_stamp()):
            rows = build_rows(summaries, session.store, session.library, sort)
        entries = rows.in_order
        self._rows = rows.by_id
        self._sorted = rows.in_order
        self.apply_view(keep, top=keep is None and not self.host.user_acted)
        if len(entries) >= LARGE_LIST:
            self._prepare_search(entries)

    # A description of our own: by default Textual writes repr() of the arguments, which
    # for 100k rows was a 400 MB string.
    @work(thread=True, exclusive=True, group="search", description="fold rows for filtering")
    def _prepare_search(self, entries: list[ListEntry]) -> None:
        """Fold the rows' text for filtering in the background, a slice at a time."""
        worker = get_current_worker()
        for start in range(0, len(entries), 500):
            if worker.is_cancelled or self.host.leaving:
                return  # a newer list replaced these rows, or the app is quitting
            prepare_search(entries[start : start + 500])
            self.host.pause_point()  # an article opening or a list drawing goes first

    def apply_view(
        self, keep: str | None = None, from_top: bool = False, top: bool = False
    ) -> None:
        """Filter the already built, already sorted rows: what each keystroke costs.

        from_top: a new filter; when the current article is not in it, the first row is.
        top: the first row whatever was current (the user has not moved the cursor yet).
        """
        if top:
            keep, from_top = None, True
        else:
            keep = keep or (s.id if (s := self.current_summary()) else None)
        corrector = self.host.session.name_corrector()
        started = time.perf_counter()
        self.entries, self.problems = filter_entries(self._sorted, self.query_text, corrector)
        if self.query_text:  # no filter is no work: it says nothing of the next pass
            self._filter_seconds = time.perf_counter() - started
        self.table.set_entries(self.entries, keep, from_top)
        self._count_unread()
        header = self.query_one(ListHeader)
        header.columns = self.table.columns
        header.sort_key, header.descending = self.sort_key, self.descending
        header.refresh()
        self._update_status()
        if self.query_one("#tag-panel").display:
            self._fill_tag_panel()

    def _resort(self) -> None:
        self._sorted = sort_entries(self._sorted, self.sort_key, self.descending)
        self.apply_view()

    def show_progress(self, done: int, total: int, new: list[ArticleSummary]) -> None:
        """Indexing progress: the bar, and new articles joining the list as they come."""
        bar = self.query_one("#ingest", ProgressBar)
        bar.display = total > 0 and done < total
        if total:
            bar.update(total=total, progress=done)
        if new:
            known = {s.id for s in self.summaries}
            fresh = list({s.id: s for s in new if s.id not in known}.values())
            self.summaries.extend(fresh)
            # Only the new rows are built; the rows already shown are merged in, not rebuilt.
            added = [self._entry(summary) for summary in fresh]
            self._rows.update((e.summary.id, e) for e in added)
            self._sorted = sort_entries(self._sorted + added, self.sort_key, self.descending)
            self.apply_view(top=not self.host.user_acted)

    def shown_summaries(self) -> list[ArticleSummary]:
        """The articles of the rows on the screen now (a few dozen at most)."""
        if not self.is_current:
            return []
        top = self.table.scroll_offset.y
        return [e.summary for e in self.table.entries[top : top + self.table.size.height]]

    def article_edited(self, old_id: str, summary: ArticleSummary) -> None:
        """A file edited since it was listed: its row as the file is now, under its new id.

        Its tags, note and highlights moved to the new id with it (see Library.open).
        """
        self.summaries = [summary if s.id == old_id else s for s in self.summaries]
        old = self._rows.pop(old_id, None)
        fresh = self._entry(summary)
        self._rows[summary.id] = fresh
        kept = [e for e in self._sorted if e is not old]
        self._sorted = sort_entries([*kept, fresh], self.sort_key, self.descending)
        current = self.current_summary()
        self.apply_view(summary.id if current is None or current.id == old_id else current.id)

    def refresh_article(self, article_id: str | None) -> None:
        """Redraw one row after its tags, note or marks changed (all rows when None)."""
        if article_id is None:
            self.show_articles()
            return
        row = self._rows.get(article_id)
        if row is not None:  # updated in place: no walk over 100k rows on every keypress
            was_unread = not row.state.read
            fresh = self._entry(row.summary)
            row.update(fresh.annotation, fresh.state, fresh.highlights)
            if self.query_text:
                self._count_unread()  # the filtered rows: fewer, and the row may have left
            else:
                self._unread += (not row.state.read) - was_unread
            self.table.refresh_entry(row)
        self._update_status()
        if self.query_one("#tag-panel").display:
            self._fill_tag_panel()

    def _count_unread(self) -> None:
        """Counted when the rows change, not on every cursor move (100k rows: ~50 ms)."""
        self._unread = sum(1 for e in self.table.entries if not e.state.read)

    def _update_status(self) -> None:
        total = len(self.summaries)
        shown = f"{len(self.table.entries)} of {total}" if self.query_text else f"{total}"
        source = (
            " · sample articles (add yours: briefreader FOLDER)" if self.showing_samples else ""
        )
        # Most urgent first, so a narrow terminal cuts the least useful part.
        parts = [f"⚠ {problem}" for problem in self.problems]
        if self.listing_total is not None:  # the top rows of the last session, index loading
            counted = f"the newest {total} of {self.listing_total}"
            self.sub_title = f"{counted}{source}"
            parts += [counted, "loading the whole list…"]
        else:
            self.sub_title = f"{shown} articles{source}"
            parts += [f"{shown} articles", f"{self._unread} unread"]
        if self.table.selected:
            parts.append(f"{len(self.table.selected)} selected (t, 1-9 tag them)")
        if self.query_text:
            parts.append(f"filter: {one_line(self.query_text)} (esc clears)")
        arrow = "↓" if self.descending else "↑"
        parts.append(f"sorted by {self.sort_key} {arrow}")
        self.query_one("#list-status", Static).update(Content(" · ".join(parts)))

    def _fill_tag_panel(self) -> None:
        panel = self.query_one("#tag-panel", OptionList)
        counts = self.host.session.store.tag_counts()
        highlighted = panel.highlighted
        panel.clear_options()
        panel.add_options(
            Option(Content.assemble((f"{n:>4} ", "dim"), f"#{one_line(tag)}"), id=tag)
            for tag, n in sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))
        )
        if not counts:
            panel.add_option(Option(Content("no tags yet"), disabled=True))
        if highlighted is not None and highlighted < panel.option_count:
            panel.highlighted = highlighted
        elif counts:
            panel.highlighted = 0
