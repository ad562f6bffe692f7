"""Loading the library: the list from its index at once, then files checked and added.

All of it runs in worker threads; progress and new rows reach the list a few times a
second. Also here: the checks for changes made outside (files edited, annotations written
by another briefreader) and the entity index built across the library when asked for.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from briefreader.library.catalog import AddReport
from briefreader.library.index_cache import IndexingStopped
from briefreader.library.listing import ListRows, build_rows
from briefreader.library.summary import ArticleSummary
from briefreader.session import Session
from briefreader.ui.app.opening import ArticleOpening
from briefreader.ui.screens.article_list.rows import LARGE_LIST

if TYPE_CHECKING:  # the index loads when first used: it is not needed to show the list
    from briefreader.entities.index import EntityIndex


OUTSIDE_CHECK_SECONDS = 2.0


class ProgressTicker:
    """Carries indexing progress from the worker thread to the screen, a few times a second."""

    INTERVAL = 0.2

    def __init__(self, app: LibraryLoading) -> None:
        self.app = app
        self.last = 0.0
        self.pending: list[ArticleSummary] = []

    def progress(self, done: int, total: int) -> None:
        if self.app.leaving:
            return
        now = time.monotonic()
        if done < total and now - self.last < self.INTERVAL:
            return
        self.last = now
        batch, self.pending = self.pending, []
        self.app.call_from_thread(self.app.list_screen.show_progress, done, total, batch)

    def found(self, summary: ArticleSummary) -> None:
        self.pending.append(summary)

    def finish(self) -> None:
        with contextlib.suppress(RuntimeError):  # the app may be closing
            self.app.call_from_thread(self.app.list_screen.show_progress, 0, 0, [])


class LibraryLoading(ArticleOpening):
    """Reads the library and keeps the list in step with the files and the store."""

    def __init__(self, session: Session, add_paths: Sequence[Path] = ()) -> None:
        super().__init__(session, add_paths)
        # Files gone from under annotated articles are reported once a session.
        self._missing_said = False
        # The store's write count last seen: another briefreader may write the same file.
        self._seen_generation = session.store.storage.generation

    @work(thread=True, exclusive=True, group="library")
    def load_library(self) -> None:
        """List the library from its index, then add paths given on the command line.

        Runs in a thread; the list appears as soon as the index is read, a progress bar
        follows the indexing of new files, and new articles join the list as they come.
        """
        library = self.session.library
        ticker = ProgressTicker(self)
        try:
            first = library.first_rows()
            shown_first = first is not None and first[1] > len(first[0])
            if first is not None and shown_first:  # a big library: its top rows at once
                self._quiet.clear()
                self.call_from_thread(self._first_rows_shown, *first, library.showing_samples)
                self._quiet.wait(1.0)  # the first screen is drawn before the index is read
            quick = library.summaries(trust_index=True)
            if first is not None and shown_first and len(quick) < first[1]:
                quick = []  # a partial index (a rebuild cut short): keep the top rows shown
            if quick:  # the list at once from the index; the check below catches changes
                self.call_from_thread(
                    self._library_loaded, quick, library.showing_samples, None, self._rows(quick)
                )
            # Without an index (or with one from another recognizer) every file is read:
            # the rows join the list as they come, as when a folder is added.
            summaries = library.summaries(
                refresh=True, progress=ticker.progress, found=None if quick else ticker.found
            )
            if summaries != quick or (shown_first and not quick):
                self.call_from_thread(
                    self._library_loaded,
                    summaries,
                    library.showing_samples,
                    None,
                    self._rows(summaries),
                )
            if not self.add_paths:
                return  # `finally` hides the progress bar
            report = library.add(self.add_paths, ticker.progress, ticker.found)
            summaries = library.summaries()
        except IndexingStopped:
            return  # quitting: what was indexed so far is saved
        except Exception as error:
            if self.leaving:
                return  # the screens are going away under the worker: nothing to report
            self.call_from_thread(self.show_error, error)
            return
        finally:
            ticker.finish()
        self.call_from_thread(
            self._library_loaded, summaries, library.showing_samples, report, self._rows(summaries)
        )

    def _rows(self, summaries: list[ArticleSummary]) -> ListRows | None:
        """The list's rows for a big library, built here in the loading worker.

        The screen checks that they still fit (a tag typed meanwhile) and builds them
        itself when not, or when this failed: a read racing a write is not worth a report.
        """
        if len(summaries) < LARGE_LIST:
            return None  # built on the screen in a few milliseconds
        screen = self.list_screen
        try:
            return build_rows(
                summaries,
                self.session.store,
                self.session.library,
                (screen.sort_key, screen.descending),
            )
        except Exception:
            return None

    def _check_outside_changes(self) -> None:
        # Not while the library is read or checked: that worker finds edited files itself,
        # and the index must not be loaded or written by two threads at once.
        if not any(w.group == "library" and w.is_running for w in self.workers):
            self._check_shown_files(self.list_screen.shown_summaries())
        storage = self.session.store.storage
        try:
            storage.read()
        except OSError:
            return
        if storage.generation == self._seen_generation:
            return
        self._seen_generation = storage.generation
        self.list_screen.show_articles()
        if (reader := self.shown_reader()) is not None:
            reader.show_annotations()

    @work(thread=True, exclusive=True, group="shown-files", description="check shown files")
    def _check_shown_files(self, summaries: list[ArticleSummary]) -> None:
        """Rows on the screen whose file was edited on disk show it within a tick.

        A few dozen stats every OUTSIDE_CHECK_SECONDS: the rows the user can see, not the
        library (an edited row used to keep its old title and lose its star until the
        cursor reached it).
        """
        for summary in summaries:
            if self.leaving:
                return
            current = self.session.library.as_now(summary)
            if current is not None:
                self.call_from_thread(self.list_screen.article_edited, summary.id, current)

    def _first_rows_shown(
        self, rows: list[ArticleSummary], total: int, showing_samples: bool
    ) -> None:
        if self.list_screen.summaries:
            self._quiet.set()
            return  # the whole list came first after all
        self.list_screen.show_library(rows, showing_samples, total)
        self._painted()
        self.read_ahead(self.list_screen.current_summary(), delay=0)

    def _library_loaded(
        self,
        summaries: list[ArticleSummary],
        showing_samples: bool,
        report: AddReport | None,
        rows: ListRows | None = None,
    ) -> None:
        self.list_screen.show_library(summaries, showing_samples, None, rows)
        self.read_ahead(self.list_screen.current_summary(), delay=0)
        self.find_marked_names()
        # A folder given again at every launch: only news is worth a message.
        if report is not None and (report.added or report.new_sources):
            self.say(
                f"Added {len(report.added)} new article(s), {report.already} already in the "
                f"library; skipped {len(report.skipped)}",
                "warning" if report.skipped else "information",
            )
            for path, reason in report.skipped[:5]:
                self.say(f"Skipped {path}: {reason}", "warning")
            for path, note in report.warnings[:5]:
                self.say(f"{path}: {note}", "warning")
        self._say_missing_files(summaries)

    @work(thread=True, exclusive=True, group="marks", description="find marked names")
    def find_marked_names(self) -> None:
        """Look for the user's marked names in every file now, not in a filter's keystroke.

        A new mark (`m`) is looked for once in every file of the library, seconds at 100k;
        done here, right after the mark or the start, the list keeps answering.
        """
        with contextlib.suppress(Exception):  # the filter that needs it reports problems
            self.session.library.marked_names(tuple(self.session.store.corrections()))

    def _say_missing_files(self, summaries: list[ArticleSummary]) -> None:
        """Annotated articles whose file is no longer in the library: say so, once."""
        if self._missing_said or self.list_screen.showing_samples:
            return
        missing = self.session.library.missing_annotated(summaries)
        if missing:
            self._missing_said = True
            self.say(
                f"{len(missing)} annotated article(s) have no file in the library any more "
                "(moved or deleted?); add their folder to see them again. Their notes are kept.",
                "warning",
            )

    def with_entity_index(self, then: Callable[[EntityIndex], None]) -> None:
        """Call `then` with the library's entity index; built in a worker when it must be.

        At 100k articles building it takes seconds: the UI stays live and says why it waits.
        """
        if self.session.entity_index_is_current():
            then(self.session.entity_index())
            return
        self.say(f"Counting entities across {len(self.list_screen.summaries)} articles…")
        self._build_entity_index(then)

    @work(thread=True, exclusive=True, group="entity-index", description="entity index")
    def _build_entity_index(self, then: Callable[[EntityIndex], None]) -> None:
        try:
            index = self.session.entity_index()
        except Exception as error:
            if not self.leaving:
                self.call_from_thread(self.show_error, error)
            return
        if not self.leaving:
            self.call_from_thread(then, index)
