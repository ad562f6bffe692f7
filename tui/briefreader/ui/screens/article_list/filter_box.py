"""The filter box: `/` opens it; each key filters the rows, debounced when a pass is slow."""

from __future__ import annotations

from functools import partial

from textual import on
from textual.widgets import Input

from briefreader.ui.screens.article_list.rows import ListRowsPage

# How long typing must pause before a slow filter pass runs.
DEBOUNCE_SECONDS = 0.15
# A filter pass quicker than this runs on every key; a slower one waits for typing to pause,
# so keys never queue up behind it. Until one pass was timed, a row is taken to cost this.
QUICK_FILTER_SECONDS = 0.03
FILTER_SECONDS_PER_ROW = 1e-6
FILTER_HINT = 'words, tag:x place:x source:x entity:"x y" after:2025-10-01 before: unread starred'


class FilterKeys(ListRowsPage):
    """`/` and the filter typed (words, tag:, place:, entity: …)."""

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.display = True
        self.set_focus(box)  # at once: letters typed right after "/" are sent on to the box

    def set_filter(self, text: str) -> None:
        """Replace the filter (the tag panel and entity index use this)."""
        box = self.query_one("#filter", Input)
        box.display = bool(text)
        box.value = text
        self.query_text = text
        self.apply_view(from_top=True)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        if self._pending_filter is not None:
            self._pending_filter.stop()
            self._pending_filter = None
        expected = self._filter_seconds
        if expected is None:
            expected = len(self._sorted) * FILTER_SECONDS_PER_ROW
        if expected < QUICK_FILTER_SECONDS:
            self.apply_view(from_top=True)
        else:
            self._pending_filter = self.set_timer(
                DEBOUNCE_SECONDS, partial(self.apply_view, from_top=True)
            )

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.table.focus()
