"""The tag panel: `#` shows tag counts; enter filters by one, R renames or merges it."""

from __future__ import annotations

from textual import on
from textual.widgets import OptionList

from briefreader.annotations.tags import normalise_tag, not_a_tag_message
from briefreader.ui.screens.article_list.filter_box import FilterKeys
from briefreader.ui.screens.dialogs import TextPrompt


class TagPanelKeys(FilterKeys):
    """`#` and R: tags with their counts, a filter by one, a rename on every article."""

    def action_tag_panel(self) -> None:
        panel = self.query_one("#tag-panel", OptionList)
        if panel.display and panel.has_focus:
            panel.display = False
            self.table.focus()
            return
        panel.display = True
        self._fill_tag_panel()
        panel.focus()

    @on(OptionList.OptionSelected, "#tag-panel")
    def _tag_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        tag = event.option.id
        if tag:
            quoted = f'"{tag}"' if " " in tag else tag
            self.set_filter(f"tag:{quoted}")
            # A picker closes on a choice: left shown without the focus, its keys (R) looked
            # dead. The filter line says what was chosen; # opens it again.
            self.query_one("#tag-panel").display = False
            self.table.focus()

    def rename_tag(self, tag: str | None = None) -> None:
        """Ask for a new name for a tag (the highlighted one in the panel) on every article."""
        panel = self.query_one("#tag-panel", OptionList)
        if tag is None and panel.highlighted is not None:
            tag = panel.get_option_at_index(panel.highlighted).id
        if not tag:
            self.host.say("Choose a tag in the tag panel (#) first", "warning")
            return
        store = self.host.session.store

        def done(new: str | None) -> None:
            if not new or not new.strip():
                return
            if not normalise_tag(new):
                self.host.say(f"{not_a_tag_message([new])}; nothing renamed", "warning")
                return
            changed = store.rename_tag(tag, new)
            self.show_articles()
            self.host.say(f"Renamed #{tag} on {changed} article(s); u undoes it")

        self.app.push_screen(
            TextPrompt(f"Rename #{tag} on every article to (an existing tag merges):", tag),
            self.host.guard(done),
        )

    def action_rename_tag(self) -> None:
        if self.query_one("#tag-panel").display:
            self.rename_tag()
        else:
            self.host.say("Open the tag panel with # and pick the tag to rename", "warning")
