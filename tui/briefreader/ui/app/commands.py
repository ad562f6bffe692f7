"""The app's commands: export, the keys help screen and the command palette.

Exports load when first used (they are not needed to show the list) and run in a worker.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App, SystemCommand
from textual.markup import escape
from textual.screen import Screen

from briefreader.textsafety import one_line
from briefreader.ui.app.base import AppCore
from briefreader.ui.screens.article_list import ArticleListScreen
from briefreader.ui.screens.help import HelpScreen
from briefreader.ui.screens.reader import ReaderScreen

if TYPE_CHECKING:  # exports load when first used: they are not needed to show the list
    from briefreader.export.run import ExportOptions


class Commands(AppCore):
    """Export, help and the palette's commands for the screen shown."""

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
        from briefreader.export.run import run_export
        from briefreader.export.writing import ExportError

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
