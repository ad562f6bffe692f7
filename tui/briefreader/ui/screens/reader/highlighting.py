"""Selecting a passage with the keyboard (`v`, then w/b/s/S/←/→) and highlighting it.

Also the highlights already made: > and < jump between them, h lists them, c comments
on one and x deletes it. Word and sentence motions live in briefreader.articles.navigation.
"""

from __future__ import annotations

from briefreader.annotations.model import HIGHLIGHT_COLOURS, AttachedHighlight
from briefreader.articles import navigation
from briefreader.textsafety import one_line
from briefreader.ui.screens.dialogs import CommentPrompt, HighlightChoice, HighlightList
from briefreader.ui.screens.reader.page import ReaderPage
from briefreader.ui.widgets.entity_content import (
    highlight_style,
)


class HighlightKeys(ReaderPage):
    """Select, highlight in one of four colours, comment, jump and delete."""

    def action_select(self) -> None:
        if not self.blocks:
            self.host.say("This article has no text to select")
            return
        text = self.article.text
        chosen = self.mouse_selection()
        if chosen is not None:
            self.clear_selection()
        elif self.current_match is not None and self.matches:
            chosen = self.matches[self.current_match]
        else:
            chosen = navigation.word_at(text, self.top_offset(), self.spans)
        if chosen is None:
            self.host.say("No text to select here")
            return
        self.selection = chosen
        self.query_one("#reader").focus()
        self._refresh_keys()

    def _set_end(self, end: int) -> None:
        assert self.selection is not None
        self.selection = (self.selection[0], end)
        self.scroll_to_offset(end)
        self.render_blocks()

    def action_extend_word(self) -> None:
        if self.selection is not None:
            self._set_end(navigation.extend_by_word(self.article.text, *self.selection, self.spans))

    def action_shrink_word(self) -> None:
        if self.selection is not None:
            self._set_end(navigation.shrink_by_word(self.article.text, *self.selection, self.spans))

    def action_extend_sentence(self) -> None:
        if self.selection is not None:
            self._set_end(
                navigation.extend_by_sentence(self.article.text, *self.selection, self.spans)
            )

    def action_shrink_sentence(self) -> None:
        if self.selection is not None:
            self._set_end(
                navigation.shrink_by_sentence(self.article.text, *self.selection, self.spans)
            )

    def action_move_end(self, step: int) -> None:
        if self.selection is not None:
            self._set_end(navigation.move_end(self.article.text, *self.selection, step, self.spans))

    def action_highlight(self, colour: str) -> None:
        if self.selection is None:
            return
        text = self.article.text
        start, end = navigation.trimmed(text, *self.selection)
        self.selection = None
        self.refresh_bindings()
        if start >= end:
            self.render_blocks()
            self.host.say("Nothing selected to highlight")
            return
        store = self.host.session.store
        made = store.add_highlight(self.summary.ref, text, start, end, colour)
        self.current_highlight = made.id
        self._changed(self.summary.id)
        self.host.say(
            f"Highlighted as {self.meanings.get(colour, colour)}: “{one_line(text[start:end])}”"
            " (c comments, u undoes)"
        )

    def _attached(self, highlight_id: str | None) -> AttachedHighlight | None:
        return next((a for a in self.attached if a.highlight.id == highlight_id), None)

    def jump_to(self, highlight_id: str) -> None:
        attached = self._attached(highlight_id)
        if attached is None:
            return
        self.current_highlight = highlight_id
        if attached.span is None:
            self.host.say(
                f"“{one_line(attached.highlight.selector.exact)}” is not in the text any more"
            )
            return
        self.scroll_to_offset(attached.span[0])
        meaning = self.meanings.get(attached.highlight.colour, attached.highlight.colour)
        comment = attached.highlight.comment
        self.host.say(f"{meaning}: {comment}" if comment else f"Highlight: {meaning}")

    def action_jump_highlight(self, step: int) -> None:
        placed = [a for a in self.attached if a.span is not None]
        if not placed:
            self.host.say("No highlights in the text (v selects a passage)")
            return
        ids = [a.highlight.id for a in placed]
        if self.current_highlight in ids:
            index = (ids.index(self.current_highlight) + step) % len(ids)
        else:
            top = self.top_offset()
            later = [i for i, a in enumerate(placed) if a.span and a.span[0] >= top]
            index = later[0] if later and step > 0 else (later[0] - 1 if later else -1)
            index %= len(ids)
        self.jump_to(ids[index])

    def action_highlights(self) -> None:
        if not self.attached:
            self.host.say("No highlights yet: v selects a passage, then 1-4 highlights it")
            return
        dark = self.app.current_theme.dark
        swatches = {colour: highlight_style(colour, dark) for colour in HIGHLIGHT_COLOURS}

        def chosen(choice: HighlightChoice | None) -> None:
            if choice is None:
                return
            if choice.action == "jump":
                self.jump_to(choice.highlight_id)
            elif choice.action == "comment":
                self.current_highlight = choice.highlight_id
                self.action_comment()
            elif choice.action == "delete":
                self.current_highlight = choice.highlight_id
                self.action_delete_highlight()

        self.app.push_screen(
            HighlightList(self.attached, self.meanings, swatches, self.current_highlight),
            self.host.guard(chosen),
        )

    def _current_or_say(self) -> AttachedHighlight | None:
        attached = self._attached(self.current_highlight)
        if attached is None:
            self.host.say("Choose a highlight first: > / < or h to list them")
        return attached

    def action_comment(self) -> None:
        attached = self._current_or_say()
        if attached is None:
            return
        highlight = attached.highlight
        store = self.host.session.store
        prompt = CommentPrompt(
            highlight.selector.exact, self.comment_drafts.get(highlight.id, highlight.comment)
        )

        def done(comment: str | None) -> None:
            if comment is None:
                self.comment_drafts[highlight.id] = prompt.typed
                return
            self.comment_drafts.pop(highlight.id, None)
            if store.set_highlight_comment(highlight.id, comment.strip()):
                self._changed(self.summary.id)
                self.host.say("Comment saved")

        self.app.push_screen(prompt, self.host.guard(done))

    def action_delete_highlight(self) -> None:
        attached = self._current_or_say()
        if attached is None:
            return
        if self.host.session.store.delete_highlight(attached.highlight.id):
            self.current_highlight = None
            self._changed(self.summary.id)
            self.host.say(
                f"Deleted highlight “{one_line(attached.highlight.selector.exact)}” (u undoes)"
            )
