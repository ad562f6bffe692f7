"""Keys that annotate an article, shared by the list (selected row) and the reader (open article).

Screens say which article is current; this class turns keys into calls on the core store
and reports each change upward with an AnnotationChanged message.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from briefreader.config import QUICK_TAG_KEYS
from briefreader.library import ArticleSummary
from briefreader.tags import parse_tag_input
from briefreader.ui.dialogs import NoteEditor, TagAnswer, TagPrompt

if TYPE_CHECKING:
    from briefreader.ui.app import BriefreaderApp


class AnnotationChanged(Message):
    """Tags or a note changed; article_id None means possibly many (after undo)."""

    def __init__(self, article_id: str | None) -> None:
        super().__init__()
        self.article_id = article_id


class AnnotatingScreen(Screen[None]):
    """A screen with a current article that the annotation keys act on."""

    BINDINGS = [
        Binding("t", "tag", "Tag", tooltip="add or remove tags (comma or space separated)"),
        Binding("n", "note", "Note", tooltip="write the article's note; closing saves it"),
        Binding("u", "undo", "Undo", tooltip="undo the last tag or note change"),
        Binding("U", "redo", "Redo", show=False, tooltip="redo what u undid"),
        Binding("e", "export", "Export", tooltip="export notes to Markdown and say where"),
        *[
            Binding(key, f"quick_tag('{key}')", f"Toggle quick tag {key}", show=False)
            for key in QUICK_TAG_KEYS
        ],
    ]

    @property
    def brief_app(self) -> BriefreaderApp:
        """The app, typed, for access to the session."""
        return self.app  # type: ignore[return-value]

    def current_summary(self) -> ArticleSummary | None:
        """The article the annotation keys act on, if any."""
        raise NotImplementedError

    def _changed(self, article_id: str | None) -> None:
        self.post_message(AnnotationChanged(article_id))

    def action_tag(self) -> None:
        summary = self.current_summary()
        if summary is None:
            return
        app = self.brief_app
        store = app.session.store

        def done(answer: TagAnswer | None) -> None:
            if answer is None:
                return
            if not answer.apply:
                app.tag_drafts[summary.id] = answer.text
                return
            app.tag_drafts.pop(summary.id, None)
            edit = parse_tag_input(answer.text)
            if store.edit_tags([summary.ref], edit):
                self._changed(summary.id)
                tags = " ".join(f"#{t}" for t in store.annotation(summary.id).tags)
                app.say(f"Tags: {tags or '(none)'}")

        self.app.push_screen(
            TagPrompt(
                summary.title,
                store.annotation(summary.id).tags,
                [tag for tag, _ in store.tag_counts().most_common()]
                + list(app.session.config.quick_tags.values()),
                app.tag_drafts.get(summary.id, ""),
            ),
            app.guard(done),
        )

    def action_quick_tag(self, key: str) -> None:
        summary = self.current_summary()
        tag = self.brief_app.session.config.quick_tags.get(key)
        if summary is None:
            return
        if tag is None:
            self.brief_app.say(
                f"No quick tag on {key}: set it under [quick_tags] in config.toml", "warning"
            )
            return
        now_set = self.brief_app.session.store.toggle_tag(summary.ref, tag)
        self._changed(summary.id)
        self.brief_app.say(f"{'Tagged' if now_set else 'Untagged'} #{tag}")

    def action_note(self) -> None:
        summary = self.current_summary()
        if summary is None:
            return
        app = self.brief_app
        store = app.session.store

        drafts = app.note_drafts
        note = store.annotation(summary.id).note
        draft = drafts.load(summary.id)
        if draft is not None and draft != note:
            # The editor was open when the app stopped: its last autosave comes back.
            note = draft
            app.say("Restored the unsaved draft of this note; escape saves it", "warning")

        def save(text: str) -> None:
            if store.set_note(summary.ref, text):
                self._changed(summary.id)
                self.brief_app.say("Note saved")
            drafts.discard(summary.id)  # only once the text is safely in the store

        editor = NoteEditor(summary.title, note, app.guard(save), drafts, summary.id)
        self.app.push_screen(editor)

    def action_undo(self) -> None:
        undone = self.brief_app.session.store.undo()
        if undone is None:
            self.brief_app.say("Nothing to undo")
            return
        self._changed(None)
        self.brief_app.say(f"Undone: {undone}")

    def action_redo(self) -> None:
        redone = self.brief_app.session.store.redo()
        if redone is None:
            self.brief_app.say("Nothing to redo")
            return
        self._changed(None)
        self.brief_app.say(f"Redone: {redone}")

    def action_export(self) -> None:
        self.brief_app.export_markdown()
