"""The Textual app: opens the session's library, routes keys to screens, reports changes.

It takes a ready Session (paths, config, store, library), so a test builds an isolated app
on a temp data dir with one call. Slow work (reading folders, opening files) runs in
worker threads so the interface never freezes. The app is put together from parts, each
its own module: base (shared state and services), opening (articles), loading (the
library), commands (export, help, palette). Screens post messages up to it
(briefreader.ui.messages) and it hands attributes down to them.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from textual import events, on
from textual.binding import Binding
from textual.theme import Theme

from briefreader.config_edit import ConfigEditError, set_top_level
from briefreader.keymap import plan_overrides, split_keys
from briefreader.session import Session
from briefreader.textsafety import one_line
from briefreader.ui.app.commands import Commands
from briefreader.ui.app.keys import key_uses, known_key
from briefreader.ui.app.loading import OUTSIDE_CHECK_SECONDS, LibraryLoading
from briefreader.ui.host import ScreenHost
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
from briefreader.ui.screens.article_list import ArticleListScreen
from briefreader.ui.screens.dialogs import NoteEditor
from briefreader.ui.screens.reader import ReaderScreen
from briefreader.ui.typeahead import KeyTargets
from briefreader.ui.widgets.article_table import ArticleTable


class BriefreaderApp(LibraryLoading, Commands):
    """A keyboard-first reader and annotator for news articles."""

    CSS_PATH = "../briefreader.tcss"
    TITLE = "briefreader"
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="quit; a note still being edited is saved", id="quit"),
        Binding("question_mark", "help", "Keys", tooltip="show every key", id="help"),
    ]

    def __init__(self, session: Session, add_paths: Sequence[Path] = ()) -> None:
        super().__init__(session, add_paths)
        # Where each key typed went: a key typed before the focus moved follows it there.
        self._key_targets = KeyTargets()

    def on_mount(self) -> None:
        self._ui_thread = threading.get_ident()
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

    def _apply_key_overrides(self) -> None:
        overrides = self.session.config.keys
        if not overrides:
            return
        contexts = [
            key_uses(BriefreaderApp, ArticleListScreen, ArticleTable),
            key_uses(BriefreaderApp, ReaderScreen),
        ]
        bad = {
            action: value
            for action, value in overrides.items()
            if not all(known_key(key) for key in split_keys(value))
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
        if (reader := self.shown_reader()) is not None:
            reader.show_annotations()
            if message.article_id is None:  # undo/redo may have touched a correction
                reader.reload_entities()

    def filter_by_entity(self, name: str) -> None:
        """Back to the list, showing every article that mentions the entity."""
        while not isinstance(self.screen, ArticleListScreen):
            self.pop_screen()
        quoted = name.replace('"', " ")
        self.list_screen.set_filter(f'entity:"{quoted}"')
        self.say(f"Articles mentioning {name}: {len(self.list_screen.entries)} (escape clears)")

    def _flush_open_editors(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, NoteEditor):
                screen.save_now()

    async def action_quit(self) -> None:
        """Quit, saving a note that is still being edited."""
        self._flush_open_editors()
        self.exit()


def _as_host(app: BriefreaderApp) -> ScreenHost:
    """Where mypy checks that the app gives screens all that ScreenHost promises them."""
    return app
