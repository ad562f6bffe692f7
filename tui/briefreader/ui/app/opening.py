"""Opening articles: read ahead under the cursor, shown in the one reader, marked read.

Reading a file and finding its entities runs in worker threads; the article under the
list's cursor is read before enter, so enter only shows it. The entity model (when one
is configured) loads here too, and open readers are refreshed when it is ready.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from textual import work
from textual.timer import Timer

from briefreader.articles.decoding import ArticleError
from briefreader.articles.parsing import Article
from briefreader.entities.types import Entity
from briefreader.library.summary import ArticleSummary
from briefreader.session import Session
from briefreader.ui.app.base import AppCore
from briefreader.ui.screens.reader import ReaderScreen

READER = "reader"  # the installed name of the one reader screen
READ_AHEAD_DELAY = 0.2  # seconds the cursor rests on a row before its article is read


@dataclass(frozen=True)
class ReadAhead:
    """An article read before it was opened, and what it was read under (see freshness)."""

    summary: ArticleSummary
    article: Article
    entities: list[Entity]
    provisional: bool
    freshness: tuple[object, ...]


class ArticleOpening(AppCore):
    """Reads articles in workers and shows them in the reader."""

    def __init__(self, session: Session, add_paths: Sequence[Path] = ()) -> None:
        super().__init__(session, add_paths)
        self.reader: ReaderScreen | None = None  # made once (see read_ahead), then reused
        self._ahead: ReadAhead | None = None
        # The read-ahead the hidden reader was filled with, until it is shown.
        self._prepared: ReadAhead | None = None
        self._ahead_timer: Timer | None = None
        self._ahead_asked: str | None = None  # the article last asked to be read ahead

    def shown_reader(self) -> ReaderScreen | None:
        """The one reader when it is on the screen stack (shown, or under a dialog)."""
        reader = self.reader
        return reader if reader is not None and reader in self.screen_stack else None

    @work(thread=True, exclusive=True, group="entity-backend")
    def load_entity_backend(self) -> None:
        """Load the configured entity model (spaCy: seconds) without holding up the app.

        Until it is ready the reader shows the rules' entities and says so; then every open
        reader is refreshed with the model's.
        """
        problem = self.session.library.backend.load()
        with contextlib.suppress(RuntimeError):  # the app may be closing
            self.call_from_thread(self._entity_backend_loaded, problem)

    def _entity_backend_loaded(self, problem: str | None) -> None:
        if problem:
            self.say(problem, "warning")
        if (reader := self.shown_reader()) is not None:
            self._refresh_entities(reader)

    @work(thread=True, group="entity-backend-refresh")
    def _refresh_entities(self, reader: ReaderScreen) -> None:
        """The open article's entities again, from the backend now loaded (off the UI thread)."""
        try:
            _, entities = self.session.library.load(reader.summary)
        except (ArticleError, OSError):
            entities = reader.entities  # the file went away: keep what is shown
        except Exception as error:
            self.call_from_thread(self.show_error, error)
            return
        self.call_from_thread(reader.show_entities, entities)

    def open_article(self, summary: ArticleSummary) -> None:
        """Show the article in the reader: at once when it was read ahead, else from a worker.

        From the reader (next/previous article) the same reader shows it, so escape still
        goes straight back to the list.
        """
        self._quiet.clear()
        ahead = self._ahead
        if ahead is not None and ahead.summary.id == summary.id:
            try:
                fresh = self.session.library.freshness(summary) == ahead.freshness
            except OSError:
                fresh = False  # gone: the worker below says so
            if fresh:
                self._show_reader(
                    summary,
                    ahead.article,
                    ahead.entities,
                    ahead.provisional,
                    prepared=self._prepared is ahead,
                )
                return
        self._load_article(summary)

    @work(thread=True, exclusive=True, group="open", description="read an article")
    def _load_article(self, summary: ArticleSummary) -> None:
        provisional = self.session.library.backend.pending
        try:
            current, article, entities = self._open_as_it_is(summary)
        except (ArticleError, OSError) as error:
            self._quiet.set()
            self.call_from_thread(
                self.say, f"Cannot open {summary.path}: {error}. Was it moved or deleted?", "error"
            )
            return
        except Exception as error:
            self._quiet.set()
            self.call_from_thread(self.show_error, error)
            return
        self.call_from_thread(self._show_reader, current, article, entities, provisional)

    def _open_as_it_is(
        self, summary: ArticleSummary
    ) -> tuple[ArticleSummary, Article, list[Entity]]:
        """Library.open from a worker; a file edited since it was listed updates its row."""
        current, article, entities = self.session.library.open(summary)
        if current.id != summary.id and not self.leaving:
            self.call_from_thread(self.list_screen.article_edited, summary.id, current)
        return current, article, entities

    def read_ahead(self, summary: ArticleSummary | None, delay: float = READ_AHEAD_DELAY) -> None:
        """Read the article under the cursor before enter is pressed, so it opens at once.

        The first time, the reader itself is made with it too (see _keep_ahead). Waits
        until the cursor rests, so scrolling through the list does not read every file.
        """
        waiting = self._ahead_timer is not None
        if summary is not None and summary.id == self._ahead_asked and (delay > 0 or not waiting):
            return  # read, being read or about to be: the list is shown twice at start
        if self._ahead_timer is not None:
            self._ahead_timer.stop()
            self._ahead_timer = None
        if summary is None:
            return
        self._ahead_asked = summary.id
        if delay <= 0:
            self._read_ahead(summary)
        else:
            self._ahead_timer = self.set_timer(delay, partial(self._read_ahead_now, summary))

    def _read_ahead_now(self, summary: ArticleSummary) -> None:
        self._ahead_timer = None
        self._read_ahead(summary)

    @work(thread=True, group="read-ahead", description="read ahead")
    def _read_ahead(self, summary: ArticleSummary) -> None:
        library = self.session.library
        try:
            freshness = library.freshness(summary)
            provisional = library.backend.pending
            current, article, entities = self._open_as_it_is(summary)
        except Exception:  # opening it says what is wrong; this only works ahead
            return
        if self.leaving:
            return
        ahead = ReadAhead(current, article, entities, provisional, freshness)
        self.call_from_thread(self._keep_ahead, ahead)

    def _keep_ahead(self, ahead: ReadAhead) -> None:
        """Fill the hidden reader with the article read ahead.

        Done while the list shows, so enter only shows a reader that holds the article.
        The first time the reader is only made with it: Textual composes a screen when
        it is first shown and has no public call to do it ahead (a mounted reader laid
        out ahead saved ~25 ms per open, through private calls; composing it ahead
        through a mode of its own measured no faster than composing it on enter).
        """
        self._ahead = ahead
        reader = self.reader
        if reader is None:
            reader = self._make_reader(ahead.summary, ahead.article, ahead.entities)
        elif reader in self.screen_stack:
            return  # the reader shows an article: the list's cursor is not what it shows
        else:
            reader.show_article(ahead.summary, ahead.article, ahead.entities)
        self._prepared = ahead

    def _make_reader(
        self, summary: ArticleSummary, article: Article, entities: list[Entity]
    ) -> ReaderScreen:
        self.reader = ReaderScreen(summary, article, entities)
        self.install_screen(self.reader, READER)  # kept when popped: every open reuses it
        return self.reader

    def _show_reader(
        self,
        summary: ArticleSummary,
        article: Article,
        entities: list[Entity],
        provisional: bool = False,
        prepared: bool = False,
    ) -> None:
        reader = self.reader
        self._prepared = None  # shown: scrolled, searched, marked from now on
        if reader is None:
            reader = self._make_reader(summary, article, entities)
        elif prepared and reader not in self.screen_stack:
            if reader.is_mounted:  # else its first mount draws everything afresh
                reader.show_annotations()  # tags or a note may have changed in the list
        else:
            reader.show_article(summary, article, entities)
        if reader not in self.screen_stack:
            self.push_screen(reader)
        if provisional and not self.session.library.backend.pending:
            self._refresh_entities(reader)  # the model became ready while this was read
        # The read mark is a synced write: after the text is on the screen, not before it.
        self.call_after_refresh(self._mark_read, summary.id)
        self._painted()

    def _mark_read(self, article_id: str) -> None:
        if self.session.store.set_read(article_id):
            self.list_screen.refresh_article(article_id)
