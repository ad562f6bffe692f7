"""The article list's rows, built from the library's summaries and the store in one pass.

At 100k articles building the rows and sorting them takes about half a second. The app
builds them in the worker that reads the index, so the list keeps answering keys; the rows
carry the store's change stamp and the sort they were made for, and the screen builds them
again itself when either moved on meanwhile (a tag typed while they were built).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefreader.annotations.model import Annotation, ReadingState
from briefreader.annotations.store import AnnotationStore
from briefreader.library.catalog import Library
from briefreader.library.filtering import ListEntry, sort_entries
from briefreader.library.summary import ArticleSummary


@dataclass(frozen=True)
class ListRows:
    """Rows for one list of summaries, by id and in the order of one sort."""

    summaries: Sequence[ArticleSummary]
    by_id: dict[str, ListEntry]
    in_order: list[ListEntry]
    sort: tuple[str, bool]
    store_stamp: tuple[int, int]

    def fits(
        self, summaries: Sequence[ArticleSummary], sort: tuple[str, bool], store_stamp: object
    ) -> bool:
        """Whether these rows are still what building them now would give."""
        return self.summaries is summaries and self.sort == sort and self.store_stamp == store_stamp


def build_rows(
    summaries: Sequence[ArticleSummary],
    store: AnnotationStore,
    library: Library,
    sort: tuple[str, bool],
) -> ListRows:
    """One row per summary with its annotation, read state, entity names and highlights."""
    stamp = store.change_stamp()  # before reading: a write during the build shows as a change
    annotations = store.annotation_map()
    states = store.reading_states()
    highlights = store.highlight_counts()
    packed = library.entity_names.packed
    # Most of a big library has no annotation: those rows share one blank (read-only).
    blank = Annotation("")
    unread = ReadingState()
    entries = [
        ListEntry(
            s,
            annotations.get(s.id, blank),
            states.get(s.id, unread),
            packed.get(s.id, ""),
            highlights.get(s.id, 0),
        )
        for s in summaries
    ]
    return ListRows(
        summaries,
        {e.summary.id: e for e in entries},
        sort_entries(entries, *sort),
        sort,
        stamp,
    )
