"""Keys that annotate an article, shared by the list (selected row) and the reader (open article).

Screens say which article is current; this class turns keys into calls on the core store
and reports each change upward with an AnnotationChanged message. Screens reach the app
only through the ScreenHost Protocol and messages, never through its class.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from textual.binding import Binding
from textual.screen import Screen

from briefreader.annotations.tags import TagEdit, not_a_tag_message, parse_tag_input, tag_key
from briefreader.config import QUICK_TAG_KEYS
from briefreader.library.summary import ArticleSummary
from briefreader.ui.host import ScreenHost
from briefreader.ui.messages import AnnotationChanged, ExportAgain
from briefreader.ui.screens.dialogs import ConfirmScreen, NoteEditor, TagAnswer, TagPrompt


class AnnotatingScreen(Screen[None]):
    """A screen with a current article that the annotation keys act on."""

    BINDINGS = [
        Binding(
            "t", "tag", "Tag", tooltip="add or remove tags (comma or space separated)", id="tag"
        ),
        Binding(
            "n", "note", "Note", tooltip="write the article's note; closing saves it", id="note"
        ),
        Binding(
            "u",
            "undo",
            "Undo",
            tooltip="undo the last change (tags, note, star, highlight, rename, correction)",
            id="undo",
        ),
        Binding("U", "redo", "Redo", show=False, tooltip="redo what u undid", id="redo"),
        Binding(
            "e", "export", "Export", tooltip="export notes to Markdown and say where", id="export"
        ),
        *[
            Binding(
                key,
                f"quick_tag('{key}')",
                f"Toggle quick tag {key}",
                show=False,
                id=f"quick_tag_{key}",
            )
            for key in QUICK_TAG_KEYS
        ],
    ]

    @property
    def host(self) -> ScreenHost:
        """The app, as far as a screen may use it (see briefreader.ui.host)."""
        return cast(ScreenHost, self.app)

    def current_summary(self) -> ArticleSummary | None:
        """The article the annotation keys act on, if any."""
        raise NotImplementedError

    def target_summaries(self) -> list[ArticleSummary]:
        """The articles a tag change applies to: the selection where a screen has one."""
        summary = self.current_summary()
        return [summary] if summary is not None else []

    def _confirm_bulk(
        self, summaries: list[ArticleSummary], what: str, apply: Callable[[], None]
    ) -> None:
        """Run a change on many articles only after the user says yes; one u undoes it."""
        if len(summaries) == 1:
            apply()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                apply()

        self.app.push_screen(
            ConfirmScreen(f"{what} on {len(summaries)} selected articles?"),
            self.host.guard(answered),
        )

    def _changed(self, article_id: str | None) -> None:
        self.post_message(AnnotationChanged(article_id))

    def action_tag(self) -> None:
        targets = self.target_summaries()
        if not targets:
            return
        app = self.host
        store = app.session.store
        draft_key = targets[0].id if len(targets) == 1 else "(selection)"

        def done(answer: TagAnswer | None) -> None:
            if answer is None:
                return
            if not answer.apply:
                app.tag_drafts[draft_key] = answer.text
                return
            edit = parse_tag_input(answer.text)
            if edit.refused:
                # As the CLI does: change nothing, and keep the text so t reopens it to fix.
                app.tag_drafts[draft_key] = answer.text
                app.say(f"{not_a_tag_message(edit.refused)}; press t to fix it", "warning")
                return
            app.tag_drafts.pop(draft_key, None)

            def apply() -> None:
                if store.edit_tags([s.ref for s in targets], edit):
                    self._changed(targets[0].id if len(targets) == 1 else None)
                    if len(targets) == 1:
                        tags = " ".join(f"#{t}" for t in store.annotation(targets[0].id).tags)
                        app.say(f"Tags: {tags or '(none)'}")
                    else:
                        app.say(f"Tagged {len(targets)} articles; u undoes it")

            self._confirm_bulk(targets, _describe(edit), apply)

        if len(targets) == 1:
            title, current = targets[0].title, store.annotation(targets[0].id).tags
        else:
            title, current = f"{len(targets)} selected articles", []
        self.app.push_screen(
            TagPrompt(
                title,
                current,
                [tag for tag, _ in store.tag_counts().most_common()]
                + list(app.session.config.quick_tags.values()),
                app.tag_drafts.get(draft_key, ""),
            ),
            app.guard(done),
        )

    def action_quick_tag(self, key: str) -> None:
        targets = self.target_summaries()
        tag = self.host.session.config.quick_tags.get(key)
        if not targets:
            return
        if tag is None:
            self.host.say(
                f"No quick tag on {key}: set it under [quick_tags] in config.toml", "warning"
            )
            return
        store = self.host.session.store
        if len(targets) == 1:
            now_set = store.toggle_tag(targets[0].ref, tag)
            self._changed(targets[0].id)
            self.host.say(f"{'Tagged' if now_set else 'Untagged'} #{tag}")
            return
        have_all = all(
            tag_key(tag) in {tag_key(t) for t in store.annotation(s.id).tags} for s in targets
        )
        edit = TagEdit(add=(), remove=(tag,)) if have_all else TagEdit(add=(tag,), remove=())

        def apply() -> None:
            store.edit_tags([s.ref for s in targets], edit)
            self._changed(None)
            self.host.say(f"{_describe(edit)} on {len(targets)} articles; u undoes it")

        self._confirm_bulk(targets, _describe(edit), apply)

    def action_note(self) -> None:
        summary = self.current_summary()
        if summary is None:
            return
        app = self.host
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
                self.host.say("Note saved")
            drafts.discard(summary.id)  # only once the text is safely in the store

        editor = NoteEditor(summary.title, note, app.guard(save), drafts, summary.id)
        self.app.push_screen(editor)

    def action_undo(self) -> None:
        undone = self.host.session.store.undo()
        if undone is None:
            self.host.say("Nothing to undo")
            return
        self._changed(None)
        self.host.say(f"Undone: {undone}")

    def action_redo(self) -> None:
        redone = self.host.session.store.redo()
        if redone is None:
            self.host.say("Nothing to redo")
            return
        self._changed(None)
        self.host.say(f"Redone: {redone}")

    def action_export(self) -> None:
        self.post_message(ExportAgain())


def _describe(edit: TagEdit) -> str:
    parts = [f"add #{' #'.join(edit.add)}" if edit.add else "", ""]
    if edit.remove:
        parts[1] = f"remove #{' #'.join(edit.remove)}"
    said = " and ".join(p for p in parts if p) or "no change"
    return said[0].upper() + said[1:]  # not str.capitalize: it lowercased the tags shown
