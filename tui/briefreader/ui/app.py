"""The Textual app: opens the session's library, routes keys to screens, reports changes.

It takes a ready Session (paths, config, store, library), so a test builds an isolated app
on a temp data dir with one call. Slow work (reading folders, opening files) runs in
worker threads so the interface never freezes.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec

from rich.console import RenderableType
from textual import events, on, work
from textual.actions import ActionParseResult
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import KEY_NAME_REPLACEMENTS, Keys, key_to_character
from textual.markup import escape
from textual.screen import Screen
from textual.theme import Theme
from textual.timer import Timer

from briefreader.annotations.drafts import NoteDrafts
from briefreader.articles.article import Article, ArticleError
from briefreader.config_edit import ConfigEditError, set_top_level
from briefreader.crashlog import write_crash_log
from briefreader.entities.types import Entity
from briefreader.keymap import KeyUse, plan_overrides, split_keys
from briefreader.library.catalog import AddReport, IndexingStopped
from briefreader.library.listing import ListRows, build_rows
from briefreader.library.summary import ArticleSummary
from briefreader.session import Session
from briefreader.textsafety import one_line
from briefreader.ui.messages import (
    AnnotationChanged,
    ArticleEdited,
    CorrectionsChanged,
    CursorRested,
    ExportAgain,
    FilterByEntity,
    OpenArticle,
    StepArticle,
)
from briefreader.ui.screens.article_list import LARGE_LIST, ArticleListScreen
from briefreader.ui.screens.dialogs import NoteEditor
from briefreader.ui.screens.error import ErrorScreen
from briefreader.ui.screens.help import HelpScreen
from briefreader.ui.screens.reader import ReaderScreen
from briefreader.ui.typeahead import KeyTargets
from briefreader.ui.widgets.article_table import ArticleTable

if TYPE_CHECKING:  # exports load when first used: they are not needed to show the list
    from briefreader.entities.index import EntityIndex
    from briefreader.export.run import ExportOptions

P = ParamSpec("P")


OUTSIDE_CHECK_SECONDS = 2.0
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


class ProgressTicker:
    """Carries indexing progress from the worker thread to the screen, a few times a second."""

    INTERVAL = 0.2

    def __init__(self, app: BriefreaderApp) -> None:
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


class BriefreaderApp(App[None]):
    """A keyboard-first reader and annotator for news articles."""

    CSS_PATH = "briefreader.tcss"
    TITLE = "briefreader"
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="quit; a note still being edited is saved", id="quit"),
        Binding("question_mark", "help", "Keys", tooltip="show every key", id="help"),
    ]

    def __init__(self, session: Session, add_paths: Sequence[Path] = ()) -> None:
        super().__init__()
        self.session = session
        self.add_paths = list(add_paths)
        # Tag text typed and then escaped, per article, offered again next time.
        self.tag_drafts: dict[str, str] = {}
        # Notes being typed, autosaved so a crash loses at most a second of typing.
        self.note_drafts = NoteDrafts(session.paths.drafts_dir)
        self.list_screen = ArticleListScreen(session.library.showing_samples)
        self.reader: ReaderScreen | None = None  # made once (see read_ahead), then reused
        self._ahead: ReadAhead | None = None
        # The read-ahead the hidden reader was filled with, until it is shown.
        self._prepared: ReadAhead | None = None
        self._ahead_timer: Timer | None = None
        self._ahead_asked: str | None = None  # the article last asked to be read ahead
        self._key_targets = KeyTargets()
        self.exit_message: str | None = None
        # Until the first key or click, the list's cursor stays on its top row while rows
        # join and the list is sorted: the newest article, not whichever file came first.
        self.user_acted = False
        self.leaving = False  # set by exit(): workers still running must not touch screens
        # Cleared while the user waits for a screen (an article opening, the first list);
        # background loops pause on it, so 100k files being checked do not slow that down.
        self._quiet = threading.Event()
        self._quiet.set()
        self._ui_thread = threading.get_ident()  # set again on mount, where the loop runs
        session.library.pause_point = self.pause_point
        session.library.should_stop = lambda: self.leaving
        # Files gone from under annotated articles are reported once a session.
        self._missing_said = False
        if session.config.theme:
            if session.config.theme in self.available_themes:
                self.theme = session.config.theme
            else:
                session.problems.append(
                    f"Unknown theme {session.config.theme!r} in {session.paths.config_file}; "
                    f"choose one of: {', '.join(sorted(self.available_themes))}."
                )

    def say(self, message: str, severity: str = "information") -> None:
        """Notify with plain text: article and user text must never be read as markup."""
        self.notify(one_line(message), severity=severity, markup=False)  # type: ignore[arg-type]

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Run a key's action; an unexpected error becomes the error screen, not a crash."""
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except Exception as error:
            self.show_error(error)
            return True

    def show_error(self, error: BaseException) -> None:
        """Log the traceback, keep the app alive, and let the user continue or quit."""
        log = write_crash_log(self.session.paths.data_dir, error)

        def chosen(keep_going: bool | None) -> None:
            if keep_going is False:
                self.exit(return_code=1)

        self.push_screen(ErrorScreen(error, log), chosen)

    def guard(self, callback: Callable[P, None]) -> Callable[P, None]:
        """Wrap a dialog callback so an error in it shows the error screen."""

        def guarded(*args: P.args, **kwargs: P.kwargs) -> None:
            try:
                callback(*args, **kwargs)
            except Exception as error:
                self.show_error(error)

        return guarded

    def _handle_exception(self, error: Exception) -> None:
        # Anything that escaped every guard: the traceback goes to the log file, and the
        # terminal gets one line naming it instead of a screenful of Python.
        log = write_crash_log(self.session.paths.data_dir, error)
        self.exit_message = (
            f"briefreader stopped on an unexpected error ({type(error).__name__}); "
            f"your saved work is safe; details: {log or 'no log could be written'}"
        )
        self._return_code = 1
        if self._exception is None:  # let test frameworks see it, as Textual does
            self._exception = error
            self._exception_event.set()
        self._close_messages_no_wait()

    def on_mount(self) -> None:
        self._ui_thread = threading.get_ident()
        self._seen_generation = self.session.store.storage.generation
        # Another briefreader (a script running `briefreader tag`) may change the same file.
        self.set_interval(OUTSIDE_CHECK_SECONDS, self._check_outside_changes)
        self._apply_key_overrides()
        self.theme_changed_signal.subscribe(self, self._save_theme)
        self.push_screen(self.list_screen)
        for problem in self.session.problems:
            self.notify(one_line(problem), severity="error", timeout=12, markup=False)
        self.load_library()
        if self.session.library.backend.pending:
            self.load_entity_backend()

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
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                self._refresh_entities(screen)

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

    def _apply_key_overrides(self) -> None:
        overrides = self.session.config.keys
        if not overrides:
            return
        contexts = [
            _key_uses(BriefreaderApp, ArticleListScreen, ArticleTable),
            _key_uses(BriefreaderApp, ReaderScreen),
        ]
        bad = {
            action: value
            for action, value in overrides.items()
            if not all(_known_key(key) for key in split_keys(value))
        }
        known = {use.action_id for context in contexts for use in context if use.action_id}
        where = str(self.session.paths.config_file)
        for unknown in sorted(set(overrides) - known):
            self.session.problems.append(
                f"{where}: [keys] {unknown!r} is not an action; "
                f"use one of: {', '.join(sorted(known))}."
            )
        for action, value in sorted(bad.items()):
            self.session.problems.append(
                f'{where}: [keys] {action} = "{value}" is not a key name (like "s", "S", '
                f'"ctrl+t", "f5" or "question_mark"), so it was not applied'
            )
        usable = {k: v for k, v in overrides.items() if k in known and k not in bad}
        plan = plan_overrides(usable, contexts, where)
        self.session.problems.extend(plan.problems)
        self.set_keymap(plan.apply)

    def _save_theme(self, theme: Theme) -> None:
        """Remember a theme picked in the palette, so the next start looks the same."""
        if theme.name == (self.session.config.theme or "textual-dark"):
            return
        try:
            set_top_level(self.session.paths.config_file, "theme", theme.name)
        except (ConfigEditError, OSError) as error:
            self.say(f"Theme not saved: {error}", "warning")
            return
        self.session.config = replace(self.session.config, theme=theme.name)

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

    def pause_point(self) -> None:
        """Where background work waits while a screen the user asked for is drawn.

        Only background loops that hold no lock call it (the folder check, the search
        folding), so the work the user waits for never waits on it.
        """
        if threading.get_ident() == self._ui_thread:
            return  # the UI itself (an export listing the library) never waits on itself
        self._quiet.wait(1.0)  # never longer: a lost wake-up must not stall the work
        time.sleep(0)

    def _painted(self) -> None:
        """The screen the user waited for is on the terminal: background work may go on."""
        self.call_after_refresh(self._quiet.set)

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        """Quit; background workers see `leaving` and stop reporting to the screens."""
        self.leaving = True
        super().exit(result, return_code, message)

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
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                screen.show_annotations()

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
        The first time the reader is only made: Textual composes a screen when it is
        first shown, and has no public call to do it ahead.
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

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._key_targets.sent(event, self.focused or self.screen)
            self.user_acted = True
        elif isinstance(event, events.MouseDown):
            self.user_acted = True
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        """A key that reached no handler: where the focus went after it was typed, if it moved.

        Runs before Textual's bindings; a redirected key is handled where it lands instead.
        """
        if self._key_targets.redirect(event, self.focused or self.screen):
            event.prevent_default()
            event.stop()

    @property
    def showing_samples(self) -> bool:
        """Whether the list shows the bundled sample articles (the library has none yet)."""
        return self.list_screen.showing_samples

    @on(OpenArticle)
    def _open_asked(self, message: OpenArticle) -> None:
        self.open_article(message.summary)

    @on(StepArticle)
    def _step_asked(self, message: StepArticle) -> None:
        neighbour = self.list_screen.step_from(message.article_id, message.step)
        if neighbour is None:
            self.say(
                "This is the last article" if message.step > 0 else "This is the first article"
            )
            return
        self.open_article(neighbour)

    @on(CursorRested)
    def _cursor_rested(self, message: CursorRested) -> None:
        self.read_ahead(message.summary)

    @on(ArticleEdited)
    def _article_edited(self, message: ArticleEdited) -> None:
        self.list_screen.article_edited(message.old_id, message.summary)

    @on(CorrectionsChanged)
    def _corrections_changed(self) -> None:
        self.find_marked_names()

    @on(ExportAgain)
    def _export_again(self) -> None:
        self.export_markdown()

    @on(FilterByEntity)
    def _filter_by_entity(self, message: FilterByEntity) -> None:
        self.filter_by_entity(message.name)

    @on(AnnotationChanged)
    def _annotation_changed(self, message: AnnotationChanged) -> None:
        self.list_screen.refresh_article(message.article_id)
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                screen.show_annotations()
                if message.article_id is None:  # undo/redo may have touched a correction
                    screen.reload_entities()

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

    def filter_by_entity(self, name: str) -> None:
        """Back to the list, showing every article that mentions the entity."""
        while not isinstance(self.screen, ArticleListScreen):
            self.pop_screen()
        quoted = name.replace('"', " ")
        self.list_screen.set_filter(f'entity:"{quoted}"')
        self.say(f"Articles mentioning {name}: {len(self.list_screen.entries)} (escape clears)")

    def export_markdown(self) -> None:
        """`e`: export again with the options used last (first time: the Markdown digest)."""
        from briefreader.export.choices import last_export_options

        self.export_with(last_export_options(self.session))

    def export_with(self, options: ExportOptions) -> None:
        """Export in a worker (thousands of annotated articles take seconds to write)."""
        self.say("Exporting …")
        self._export(options)

    @work(thread=True, exclusive=True, group="export", description="export")
    def _export(self, options: ExportOptions) -> None:
        """Export, remember the choice for the next `e`, and say where it went."""
        from briefreader.export.choices import remember_export_options
        from briefreader.export.run import ExportError, run_export

        try:
            result = run_export(self.session, options)
            remember_export_options(self.session, options)
        except ExportError as error:
            self.call_from_thread(self.say, str(error), "error")
            return
        except Exception as error:
            self.call_from_thread(self.show_error, error)
            return
        self.call_from_thread(self.say, f"Exported {result.articles} article(s) to {result.where}")

    def _flush_open_editors(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, NoteEditor):
                screen.save_now()

    async def action_quit(self) -> None:
        """Quit, saving a note that is still being edited."""
        self._flush_open_editors()
        self.exit()

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        # Only our own keys: the widgets' built-in ones (cursor left/right…) are noise here.
        own = [
            active
            for active in self.screen.active_bindings.values()
            if active.binding.description
            and isinstance(active.node, App | Screen)
            and active.binding.action != "command_palette"
        ]
        # The screen's keys first, then the app-wide ones.
        own.sort(key=lambda active: isinstance(active.node, App))
        keys = [
            (
                self.get_key_display(active.binding),
                active.binding.tooltip or active.binding.description,
            )
            for active in own
        ]
        if isinstance(self.screen, ReaderScreen):
            keys += self.screen.help_rows()
        self.push_screen(HelpScreen(keys, self.session.config.quick_tags))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Keys", "Show every key and what it does", self.action_help)
        from briefreader.export.choices import export_choices

        # The palette reads titles and help as markup: user text (paths, tags) is escaped.
        for title, help_text, options in export_choices(self.session):
            yield SystemCommand(title, escape(help_text), partial(self.export_with, options))
        if isinstance(screen, ArticleListScreen | ReaderScreen):
            yield SystemCommand("Tag article", "Add or remove tags (t)", screen.action_tag)
            yield SystemCommand("Edit note", "Open the note editor (n)", screen.action_note)
            yield SystemCommand("Undo", "Undo the last annotation change (u)", screen.action_undo)
            yield SystemCommand("Redo", "Redo what undo reverted (U)", screen.action_redo)
            yield SystemCommand("Export again", "Repeat the last export (e)", self.export_markdown)
            for key, tag in sorted(self.session.config.quick_tags.items()):
                yield SystemCommand(
                    f"Toggle #{escape(one_line(tag))}",
                    f"Quick tag {key}",
                    partial(screen.action_quick_tag, key),
                )
        if isinstance(screen, ReaderScreen):
            yield SystemCommand(
                "Find in article", "Find words in this article (/)", screen.action_find
            )
            yield SystemCommand(
                "Next article",
                "Read the next article in the list (J)",
                lambda: screen.action_step_article(1),
            )
            yield SystemCommand(
                "Previous article",
                "Read the previous article in the list (K)",
                lambda: screen.action_step_article(-1),
            )
            yield SystemCommand(
                "Select passage", "Select text to highlight (v, then 1-4)", screen.action_select
            )
            yield SystemCommand(
                "List highlights",
                "Jump to, comment on or delete highlights (h)",
                screen.action_highlights,
            )
        if isinstance(screen, ArticleListScreen):
            yield SystemCommand("Filter articles", "Filter the list (/)", screen.action_filter)
            yield SystemCommand("Star article(s)", "Star or unstar (s)", screen.action_star)
            yield SystemCommand("Mark read/unread", "Toggle read (r)", screen.action_toggle_read)
            yield SystemCommand("Sort by next column", "Cycle the sort (o)", screen.action_sort)
            yield SystemCommand("Reverse sort", "Reverse the order (O)", screen.action_reverse_sort)
            yield SystemCommand(
                "Select all shown", "Select for bulk tags (A)", screen.action_select_all
            )
            yield SystemCommand(
                "Tag panel", "Tag counts; enter filters (#)", screen.action_tag_panel
            )
            yield SystemCommand("Rename or merge a tag", "On every article", screen.rename_tag)
            yield SystemCommand(
                "Show unread only", "Filter: unread", lambda: screen.set_filter("unread")
            )
            yield SystemCommand(
                "Show starred only", "Filter: starred", lambda: screen.set_filter("starred")
            )


def _known_key(key: str) -> bool:
    """Whether Textual can bind this key: modifiers, then one character or a key's name."""
    *modifiers, last = key.split("+")
    if not last or not set(modifiers) <= {"ctrl", "shift", "alt", "meta", "super", "hyper"}:
        return False
    if len(last) == 1 and last.isprintable():
        return True
    named = {k.value for k in Keys} | set(KEY_NAME_REPLACEMENTS.values())
    return last in named or f"ctrl+{last}" in named or key_to_character(last) is not None


def _key_uses(*owners: type) -> list[KeyUse]:
    """Every binding the classes (and their bases) declare: the keys reachable together."""
    return [
        KeyUse(binding.id, binding.action, binding.description, split_keys(binding.key))
        for cls in owners
        for owner in cls.__mro__
        for binding in owner.__dict__.get("BINDINGS", [])
        if isinstance(binding, Binding)
    ]
