"""The reader: one article with its entities highlighted, and the annotation keys.

Besides tags and notes the reader finds text (`/`, then n/N), selects a passage with the
keyboard (`v`, then w/b/s/S/←/→) or the mouse and highlights it in one of four colours,
lists highlights (`h`) and steps to the next or previous article (J/K) without leaving.
Finding matches, word and sentence motions live in briefreader.articles.navigation; this screen only
shows them.
"""

from __future__ import annotations

import dataclasses

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.widgets import Header, Input, Static

from briefreader.annotations.store import HIGHLIGHT_COLOURS, AttachedHighlight
from briefreader.articles import navigation as reading
from briefreader.articles.article import Article
from briefreader.config import QUICK_TAG_KEYS
from briefreader.entities.corrections import ADD, ALIAS, REJECT, RELABEL, Correction
from briefreader.entities.highlighting import LEGEND_NAMES, colour_of
from briefreader.entities.index import EntityIndex, name_key
from briefreader.entities.types import Entity
from briefreader.library.summary import ArticleSummary
from briefreader.textsafety import one_line, visible
from briefreader.ui.messages import ArticleEdited, CorrectionsChanged, FilterByEntity, StepArticle
from briefreader.ui.screens.annotating import AnnotatingScreen
from briefreader.ui.screens.dialogs import CommentPrompt, HighlightChoice, HighlightList, TextPrompt
from briefreader.ui.widgets.bars import QuickTagBar
from briefreader.ui.widgets.entity_content import (
    CURRENT_ENTITY,
    CURRENT_MATCH,
    FIND_MATCH,
    SELECTION,
    Mark,
    entity_style,
    highlight_style,
    highlighted,
    legend,
)
from briefreader.ui.widgets.entity_panel import EntityChoice, EntityPanel
from briefreader.ui.widgets.key_bar import KeyBar

SELECT_ACTIONS = {
    "extend_word",
    "shrink_word",
    "extend_sentence",
    "shrink_sentence",
    "move_end",
    "mark_entity",
}
ENTITY_ACTIONS = {"reject_entity", "relabel_entity", "alias_entity"}
SELECT_ACTIONS |= {"highlight"}
FIND_ACTIONS = {"find_next", "find_previous"}
COLOUR_KEYS = {colour: str(index) for index, colour in enumerate(HIGHLIGHT_COLOURS, start=1)}


class ReaderScreen(AnnotatingScreen):
    """Headline, subtitle, dateline, legend, tags and note, then the highlighted body."""

    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="back to the list; clears a search or selection"),
        Binding("j", "scroll('down')", "Scroll down", show=False),
        Binding("k", "scroll('up')", "Scroll up", show=False),
        Binding("space", "page('down')", "Page down", show=False),
        Binding("J", "step_article(1)", "Next", tooltip="next article in the list's order"),
        Binding("K", "step_article(-1)", "Previous", show=False, tooltip="previous article"),
        Binding("ctrl+down", "step_article(1)", "Next article", show=False),
        Binding("ctrl+up", "step_article(-1)", "Previous article", show=False),
        Binding("slash", "find", "Find", tooltip="find in the article (enter jumps to the first)"),
        Binding("n", "find_next", "Next match", tooltip="next match of the search"),
        Binding("n", "note", "Note", tooltip="write the article's note; closing saves it"),
        Binding("N", "find_previous", "Prev match", tooltip="previous match of the search"),
        Binding(
            "v",
            "select",
            "Select",
            tooltip="select a passage to highlight (from the mouse selection, the find "
            "match or the top of the page)",
        ),
        Binding("w", "extend_word", "+word", tooltip="selection: extend by a word"),
        Binding("b", "shrink_word", "-word", tooltip="selection: shrink by a word"),
        Binding("b", "page('up')", "Page up", show=False),
        Binding("s", "extend_sentence", "+sentence", tooltip="selection: extend by a sentence"),
        Binding("S", "shrink_sentence", "-sentence", tooltip="selection: shrink by a sentence"),
        Binding("right", "move_end(1)", "+char", show=False, priority=True),
        Binding("left", "move_end(-1)", "-char", show=False, priority=True),
        *[
            Binding(key, f"highlight('{colour}')", colour.title(), tooltip=f"highlight {colour}")
            for colour, key in COLOUR_KEYS.items()
        ],
        # Redeclared: a key bound here replaces the inherited binding of the same key.
        *[
            Binding(key, f"quick_tag('{key}')", f"Toggle quick tag {key}", show=False)
            for key in QUICK_TAG_KEYS
        ],
        Binding(
            "right_square_bracket",
            "step_entity(1)",
            "Next entity",
            show=False,
            tooltip="next entity mention (] then [ goes back)",
        ),
        Binding(
            "left_square_bracket",
            "step_entity(-1)",
            "Previous entity",
            show=False,
            tooltip="previous entity mention",
        ),
        Binding("E", "entities", "Entities", tooltip="entities here, their articles and company"),
        Binding(
            "d", "reject_entity", "Not an entity", show=False, tooltip="on an entity: reject it"
        ),
        Binding("l", "relabel_entity", "Relabel", show=False, tooltip="on an entity: next label"),
        Binding("a", "alias_entity", "Alias", show=False, tooltip="on an entity: same as …"),
        Binding(
            "m", "mark_entity", "Mark entity", show=False, tooltip="selection: a missed entity"
        ),
        Binding("h", "highlights", "Highlights", tooltip="list highlights: jump, comment, delete"),
        Binding("greater_than_sign", "jump_highlight(1)", "Next highlight", show=False),
        Binding("less_than_sign", "jump_highlight(-1)", "Previous highlight", show=False),
        Binding("c", "comment", "Comment", show=False, tooltip="comment on the current highlight"),
        Binding("x", "delete_highlight", "Delete highlight", show=False),
    ]

    def __init__(self, summary: ArticleSummary, article: Article, entities: list[Entity]) -> None:
        super().__init__()
        self._paragraphs = 0  # paragraph widgets mounted; reused by the next article
        self._set_article(summary, article, entities)

    def _set_article(
        self, summary: ArticleSummary, article: Article, entities: list[Entity]
    ) -> None:
        """Forget everything about the previous article: searches, selections, marks."""
        self.summary = summary
        self.article = article
        self.entities = entities
        # (widget id, start, end) of each block of article text shown.
        self.blocks: list[tuple[str, int, int]] = []
        if article.headline:
            self.blocks.append(("headline", article.headline.start, article.headline.end))
        if article.subtitle:
            self.blocks.append(("subtitle", article.subtitle.start, article.subtitle.end))
        self.blocks += [(f"p{i}", span.start, span.end) for i, span in enumerate(article.body)]
        self.find_query = ""
        self.matches: list[tuple[int, int]] = []
        self.current_match: int | None = None
        self._selection: tuple[int, int] | None = None
        self.attached: list[AttachedHighlight] = []
        self.current_highlight: str | None = None
        self.comment_drafts: dict[str, str] = {}
        # The entity mention `]`/`[` stopped on (an index into self.entities).
        self.current_entity: int | None = None
        # What each block was last drawn with (theme, marks), to skip unchanged blocks.
        self._drawn: dict[str, tuple[bool, tuple[Mark, ...]]] = {}

    def show_article(
        self, summary: ArticleSummary, article: Article, entities: list[Entity]
    ) -> None:
        """Show another article in this reader.

        The app keeps one reader: composing and styling a new screen for every article
        cost most of the time between enter and the text (~0.1 s); swapping the content
        of mounted widgets costs a few milliseconds.
        """
        self._set_article(summary, article, entities)
        if not self.is_mounted:
            return  # on_mount draws it
        self._fit_paragraphs()
        self.clear_selection()
        self.selection = None
        box = self.query_one("#find", Input)
        with box.prevent(Input.Changed):
            box.value = ""
        box.display = False
        self._show()
        view = self.query_one("#reader", VerticalScroll)
        view.scroll_home(animate=False, immediate=True)
        view.focus()
        self.refresh_bindings()
        self.call_after_refresh(self.show_status)  # the progress of this article, not the last

    def _fit_paragraphs(self) -> None:
        """One Static per paragraph: mount the missing ones, hide (and empty) the rest."""
        body = len(self.article.body)
        if body > self._paragraphs:
            self.query_one("#reader", VerticalScroll).mount_all(
                Static(id=f"p{i}", classes="paragraph") for i in range(self._paragraphs, body)
            )
            self._paragraphs = body
        for index, widget in enumerate(self.query(".paragraph").results(Static)):
            widget.display = index < body
            if index >= body:
                widget.update("")

    def current_summary(self) -> ArticleSummary | None:
        return self.summary

    @property
    def spans(self) -> list[tuple[int, int]]:
        """The article-text spans the reader shows, in reading order."""
        return [(start, end) for _, start, end in self.blocks]

    @property
    def meanings(self) -> dict[str, str]:
        """What each highlight colour means (config.toml [highlights])."""
        return self.host.session.config.highlight_meanings

    @property
    def selection(self) -> tuple[int, int] | None:
        """The passage being selected (start, end), or None."""
        return self._selection

    @selection.setter
    def selection(self, value: tuple[int, int] | None) -> None:
        self._selection = value
        # While selecting, 1-4 mean highlight colours: the quick-tag line would mislead.
        for bar in self.query("#quick-tags"):
            bar.display = value is None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="find in this article; enter jumps, escape clears", id="find")
        with VerticalScroll(id="reader"):
            yield Static(id="headline")
            yield Static(id="subtitle")
            yield Static(id="dateline")
            yield Static(id="read-notes")
            yield Static(id="legend")
            yield Static(id="annotations")
            for index, _ in enumerate(self.article.body):
                yield Static(id=f"p{index}", classes="paragraph")
        self._paragraphs = len(self.article.body)
        yield Static(id="reader-status")
        yield QuickTagBar(self.host.session.config.quick_tags)
        yield KeyBar()

    def _name_colour_keys(self) -> None:
        """Footer and help say what a colour means ("1 claim"), as config.toml names it."""
        by_key = self._bindings.key_to_bindings
        for colour, key in COLOUR_KEYS.items():
            meaning = one_line(self.meanings.get(colour, colour))
            by_key[key] = [
                dataclasses.replace(
                    binding, description=meaning, tooltip=f"highlight {colour}: {meaning}"
                )
                if binding.action.startswith("highlight(")
                else binding
                for binding in by_key.get(key, [])
            ]

    def on_mount(self) -> None:
        self._name_colour_keys()
        self.query_one("#find").display = False
        self._show()
        self.app.theme_changed_signal.subscribe(self, lambda _: self.render_article())
        view = self.query_one("#reader", VerticalScroll)
        self.watch(view, "scroll_y", lambda _: self.show_status(), init=False)
        # Laid out again for another article: how far is read changes without a scroll.
        self.watch(view, "virtual_size", lambda _: self.show_status(), init=False)
        self.watch(self, "selections", lambda _: self.show_status(), init=False)
        view.focus()

    def _show(self) -> None:
        self.sub_title = one_line(self.summary.title)
        self.load_highlights()
        self.render_article()

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_status)

    # -- drawing -------------------------------------------------------------------------

    def render_article(self) -> None:
        """Fill every part; called again when the theme (and so the colours) changes."""
        article = self.article
        dark = self.app.current_theme.dark
        if not article.headline:
            self.query_one("#headline", Static).update(Content(one_line(article.title)))
        self.query_one("#subtitle", Static).display = article.subtitle is not None
        facts = [
            ", ".join(p for p in (article.place and article.place.upper(), article.date) if p),
            article.agency or "",
        ]
        dateline = " · ".join(f for f in facts if f) or one_line(self.summary.path)
        self.query_one("#dateline", Static).update(Content(one_line(dateline)))
        read_notes = self.query_one("#read-notes", Static)
        read_notes.display = bool(article.notes)
        read_notes.update(Content("\n".join(f"⚠ {one_line(n)}" for n in article.notes)))
        self.query_one("#legend", Static).update(legend(dark))
        self.show_annotations()

    def marks(self) -> list[Mark]:
        """Highlights, then find matches, then the current match and the selection on top."""
        dark = self.app.current_theme.dark
        marks: list[Mark] = [
            (a.span[0], a.span[1], highlight_style(a.highlight.colour, dark))
            for a in self.attached
            if a.span is not None
        ]
        marks += [(s, e, FIND_MATCH[dark]) for s, e in self.matches]
        if self.current_match is not None and self.current_match < len(self.matches):
            marks.append((*self.matches[self.current_match], CURRENT_MATCH))
        if self.current_entity is not None and self.current_entity < len(self.entities):
            entity = self.entities[self.current_entity]
            marks.append((entity.start, entity.end, CURRENT_ENTITY))
        if self.selection is not None:
            marks.append((*self.selection, SELECTION))
        return marks

    def render_blocks(self) -> None:
        """Redraw the article text with its highlights, matches and selection."""
        dark = self.app.current_theme.dark
        marks = self.marks()
        for widget_id, start, end in self.blocks:
            # Only blocks whose marks changed are drawn again: a long article stays quick.
            mine = (dark, tuple(m for m in marks if m[1] > start and m[0] < end))
            if self._drawn.get(widget_id) == mine:
                continue
            self._drawn[widget_id] = mine
            self.query_one(f"#{widget_id}", Static).update(
                highlighted(self.article.text, self.entities, start, end, dark, mine[1])
            )
        self.show_status()

    def load_highlights(self) -> None:
        store = self.host.session.store
        self.attached = store.attached_highlights(self.summary.id, self.article.text)
        if self.current_highlight not in {a.highlight.id for a in self.attached}:
            self.current_highlight = None

    def show_annotations(self) -> None:
        """Tags, note and highlights, refreshed after every change (and after undo)."""
        annotation = self.host.session.store.annotation(self.summary.id)
        tags = " ".join(f"#{t}" for t in annotation.tags) or "no tags (t to add)"
        note = annotation.note.strip()
        first = note.splitlines()[0] if note else ""
        note_line = f"Note: {first}" + (" …" if len(note.splitlines()) > 1 else "")
        parts = [(f"Tags: {one_line(tags)}", "italic")]
        if note:
            parts.append((f"\n{one_line(note_line)}", ""))
        self.load_highlights()
        if self.attached:
            orphans = sum(1 for a in self.attached if a.orphaned)
            lost = f", {orphans} not found in the text" if orphans else ""
            parts.append((f"\nHighlights: {len(self.attached)}{lost} (h lists them)", ""))
        shown = self.query_one("#annotations", Static)
        content = Content.assemble(*parts)
        # Unchanged (opening an article laid out ahead): no update, so no new layout.
        if not (isinstance(shown.content, Content) and shown.content.plain == content.plain):
            shown.update(content)
        self.render_blocks()

    def show_status(self) -> None:
        """The status line: reading progress, and what a search or selection is doing."""
        if not self.is_mounted:
            return
        view = self.query_one("#reader", VerticalScroll)
        parts: list[str | tuple[str, str]] = [
            (f"{reading.progress(view.scroll_y, view.max_scroll_y):>3}%", "bold"),
        ]
        backend_note = self.host.session.library.backend.status()
        if backend_note:
            parts.append((f" · {backend_note}", "italic"))
        if self.selection is not None:
            start, end = self.selection
            dark = self.app.current_theme.dark
            parts.append(f" · {end - start} chars · w/b s/S ←/→ ·")
            for colour, key in COLOUR_KEYS.items():
                meaning = one_line(self.meanings[colour])
                parts += [" ", (key, "bold"), " ", (meaning, highlight_style(colour, dark))]
            parts.append(" · esc")
        elif self.find_query:
            if self.matches:
                at = "" if self.current_match is None else f"match {self.current_match + 1} of "
                found = f"{at}{len(self.matches)}" + ("" if at else " matches")
            else:
                found = "no matches"
            parts.append(f" · find “{one_line(self.find_query)}”: {found} · n/N · esc clears")
        elif self.current_entity is not None and self.current_entity < len(self.entities):
            entity = self.entities[self.current_entity]
            shown = self.shown_entities()
            position = shown.index(self.current_entity) + 1 if self.current_entity in shown else 0
            # Name and what can be done with it first: an 80-column terminal cuts the tail.
            parts.append(
                f" · {position}/{len(shown)} {one_line(entity.text)} "
                f"({entity.label.lower()}) · d reject · l relabel · a alias · E list · ]/[ esc"
            )
        elif self.mouse_selection() is not None:
            parts.append(" read · v then 1-4 highlights the text selected with the mouse")
        else:
            parts.append(" read · / find · v select · h highlights · J/K next/previous article")
        self.query_one("#reader-status", Static).update(Content.assemble(*parts))

    # -- key availability --------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Selection keys work only while selecting; n/N are find keys only while finding."""
        if action in SELECT_ACTIONS:
            return self.selection is not None
        if action in ENTITY_ACTIONS:
            return self.current_entity is not None and self.selection is None
        if action in FIND_ACTIONS:
            return bool(self.find_query) and self.selection is None
        return True

    def _refresh_keys(self) -> None:
        self.refresh_bindings()
        self.render_blocks()

    # -- moving ------------------------------------------------------------------------

    def action_back(self) -> None:
        if self.current_entity is not None:
            self.current_entity = None
            self.render_blocks()
            return
        if self.selection is not None:
            self.selection = None
            self._refresh_keys()
            return
        if self.find_query or self.query_one("#find", Input).display:
            self.clear_find()
            return
        self.app.pop_screen()

    def action_scroll(self, direction: str) -> None:
        view = self.query_one("#reader", VerticalScroll)
        view.scroll_down() if direction == "down" else view.scroll_up()

    def action_page(self, direction: str) -> None:
        view = self.query_one("#reader", VerticalScroll)
        view.scroll_page_down() if direction == "down" else view.scroll_page_up()

    def action_step_article(self, step: int) -> None:
        self.post_message(StepArticle(self.summary.id, step))

    def _block_of(self, offset: int) -> tuple[str, int, int] | None:
        for block in self.blocks:
            if block[1] <= offset <= block[2]:
                return block
        return None

    def scroll_to_offset(self, offset: int) -> None:
        """Bring the line holding an article offset into view, a third of the way down."""
        block = self._block_of(offset)
        if block is None:
            return
        widget_id, start, end = block
        widget = self.query_one(f"#{widget_id}", Static)
        view = self.query_one("#reader", VerticalScroll)
        share = (offset - start) / max(1, end - start)
        line = widget.virtual_region.y + int(share * max(0, widget.size.height - 1))
        target = Region(0, max(0, line - view.size.height // 3), 1, view.size.height)
        view.scroll_to_region(target, animate=False, top=True, immediate=True)

    def top_offset(self) -> int:
        """The article offset at (about) the first line visible in the reader."""
        view = self.query_one("#reader", VerticalScroll)
        for widget_id, start, end in self.blocks:
            region = self.query_one(f"#{widget_id}", Static).virtual_region
            if region.bottom > view.scroll_y:
                hidden = max(0, view.scroll_y - region.y)
                return start + int((end - start) * hidden / max(1, region.height))
        return self.blocks[-1][1] if self.blocks else 0

    # -- entities --------------------------------------------------------------------

    def action_step_entity(self, step: int) -> None:
        """`]`/`[`: the next/previous entity mention, from the current one or the screen top."""
        shown = self.shown_entities()
        if not shown:
            self.host.say("No entities were recognised in this article")
            return
        if self.current_entity in shown:
            position = shown.index(self.current_entity)
            index = shown[(position + step) % len(shown)]
        else:
            top = self.top_offset()
            after = [i for i in shown if self.entities[i].start >= top]
            if step > 0:
                index = after[0] if after else shown[0]
            else:
                index = shown[max(0, shown.index(after[0]) - 1)] if after else shown[-1]
        self.go_to_entity(index)

    def shown_entities(self) -> list[int]:
        """The mentions `]`/`[` step through: those inside a block of text on the screen.

        The dateline line is rebuilt from the parsed place, date and agency, so the
        mentions in the file's own dateline ("MINSK, December 19. /TASS/.") cannot be
        marked there; stepping onto them showed nothing.
        """
        spans = [(start, end) for _, start, end in self.blocks]
        return [
            i
            for i, entity in enumerate(self.entities)
            if any(start <= entity.start and entity.end <= end for start, end in spans)
        ]

    def go_to_entity(self, index: int) -> None:
        """Mark one entity mention and bring it into view."""
        self.current_entity = index
        self.scroll_to_offset(self.entities[index].start)
        self.render_blocks()

    # -- correcting entities -------------------------------------------------------------

    def _correct(self, correction: Correction, said: str, scope: str = "in every article") -> None:
        """Save a correction for every article and show this one with it applied.

        `said` is what the correction means ("“LNG” is not an entity"); the scope is
        added here once, so no message says it twice.
        """
        store = self.host.session.store
        store.add_correction(correction)
        self.reload_entities()
        self.post_message(CorrectionsChanged())
        self.host.say(f"{said}, {scope}; u undoes it")

    def reload_entities(self) -> None:
        """Entities again from the library, so corrections (or their undo) show at once."""
        current, article, entities = self.host.session.library.open(self.summary)
        if current.id != self.summary.id:  # the file was edited while it was open
            self.post_message(ArticleEdited(self.summary.id, current))
            self.show_article(current, article, entities)
            return
        self.show_entities(entities)

    def show_entities(self, entities: list[Entity]) -> None:
        """Draw the article with these entities (after a correction, or a model loaded)."""
        keep = self.current_entity
        self.entities = entities
        self.current_entity = None if keep is None or keep >= len(self.entities) else keep
        self._drawn.clear()
        self.render_blocks()

    def _entity_here(self) -> Entity | None:
        if self.current_entity is None or self.current_entity >= len(self.entities):
            self.host.say("Move to an entity first with ] or [", "warning")
            return None
        return self.entities[self.current_entity]

    def action_reject_entity(self) -> None:
        """`d` on an entity: this name is not an entity, here or anywhere."""
        entity = self._entity_here()
        if entity is not None:
            self._correct(
                Correction(REJECT, entity.text),
                f"“{one_line(entity.text)}” is not an entity",
                scope="in any article",
            )

    def action_relabel_entity(self) -> None:
        """`l` on an entity: the next label (person → organisation → place → date)."""
        entity = self._entity_here()
        if entity is None:
            return
        labels = list(LEGEND_NAMES)
        label = (
            labels[(labels.index(entity.label) + 1) % len(labels)]
            if entity.label in labels
            else labels[0]
        )
        self._correct(
            Correction(RELABEL, entity.text, label=label),
            f"“{one_line(entity.text)}” is {_a(LEGEND_NAMES[label])}",
        )

    def action_alias_entity(self) -> None:
        """`a` on an entity: the same as another name ("Shoigu" → "Sergey Shoigu")."""
        entity = self._entity_here()
        if entity is None:
            return

        def done(canonical: str | None) -> None:
            if canonical and canonical.strip() and name_key(canonical) != name_key(entity.text):
                self._correct(
                    Correction(ALIAS, entity.text, canonical=canonical.strip()),
                    f"“{one_line(entity.text)}” counts as “{one_line(canonical.strip())}”",
                )

        self.app.push_screen(
            TextPrompt(f"“{one_line(entity.text)}” is another name for:", entity.text),
            self.host.guard(done),
        )

    def action_mark_entity(self) -> None:
        """`m` while selecting: the selected words are an entity the recognizer missed."""
        if self.selection is None:
            return
        start, end = self.selection
        name = " ".join(self.article.text[start:end].split())
        if not name:
            return

        def done(answer: str | None) -> None:
            label = (answer or "").strip().upper()
            label = {"ORGANISATION": "ORG", "ORGANIZATION": "ORG"}.get(label, label)
            if label not in LEGEND_NAMES:
                if answer is not None:
                    self.host.say("Labels are PERSON, ORG, PLACE or DATE", "warning")
                return
            self.selection = None
            self.refresh_bindings()
            self._correct(
                Correction(ADD, name, label=label),
                f"“{one_line(name)}” is {_a(LEGEND_NAMES[label])}",
            )

        self.app.push_screen(
            TextPrompt(f"“{one_line(name)}” is a PERSON, ORG, PLACE or DATE:", "PERSON"),
            self.host.guard(done),
        )

    def action_entities(self) -> None:
        """`E`: the article's entities, their counts, reach and company in the library."""
        app = self.host
        dark = self.app.current_theme.dark
        colours = {label: colour_of(entity_style(dark), label) for label in LEGEND_NAMES}

        def chosen(choice: EntityChoice | None) -> None:
            if choice is None:
                return
            if choice.action == "filter":
                self.post_message(FilterByEntity(choice.name))
                return
            key = name_key(choice.name)
            for index, entity in enumerate(self.entities):
                if name_key(entity.text) == key:
                    self.go_to_entity(index)
                    return

        def show(index: EntityIndex) -> None:
            self.app.push_screen(EntityPanel(self.entities, index, colours), app.guard(chosen))

        app.with_entity_index(show)

    # -- find ------------------------------------------------------------------------

    def action_find(self) -> None:
        self.selection = None
        box = self.query_one("#find", Input)
        box.display = True
        self.set_focus(box)  # at once, so keys typed right after "/" reach the box

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        self.find_query = event.value
        self.matches = reading.find_matches(self.article.text, event.value, self.spans)
        self.current_match = None
        self._refresh_keys()

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#reader").focus()
        if not self.matches:
            self.host.say(f"Not found: {event.value}" if event.value else "Nothing to find")
            return
        self.go_to_match(0)

    def go_to_match(self, index: int) -> None:
        self.current_match = index % len(self.matches)
        self.scroll_to_offset(self.matches[self.current_match][0])
        self._refresh_keys()

    def action_find_next(self) -> None:
        if not self.matches:
            self.host.say(f"No matches for {self.find_query}")
            return
        if self.current_match is None:
            self.go_to_match(reading.match_after(self.matches, self.top_offset()))
        else:
            self.go_to_match(self.current_match + 1)

    def action_find_previous(self) -> None:
        if not self.matches:
            self.host.say(f"No matches for {self.find_query}")
            return
        if self.current_match is None:
            self.go_to_match(reading.match_after(self.matches, self.top_offset()) - 1)
        else:
            self.go_to_match(self.current_match - 1)

    def clear_find(self) -> None:
        box = self.query_one("#find", Input)
        box.value = ""
        box.display = False
        self.find_query = ""
        self.matches = []
        self.current_match = None
        self.query_one("#reader").focus()
        self._refresh_keys()

    # -- selecting and highlighting ---------------------------------------------------

    def mouse_selection(self) -> tuple[int, int] | None:
        """The text selected with the mouse, as article offsets, if it is in the article."""
        chosen = []
        for widget_id, start, end in self.blocks:
            widget = self.query_one(f"#{widget_id}", Static)
            selection = self.selections.get(widget)
            if selection is not None:
                chosen.append((start, end, selection))
        if not chosen:
            return None
        text = self.article.text
        first_start, first_end, first = chosen[0]
        last_start, last_end, last = chosen[-1]
        begin = first_start
        if first.start is not None:
            line, column = first.start.transpose
            begin += reading.offset_in_block(visible(text[first_start:first_end]), line, column)
        finish = last_end
        if last.end is not None:
            line, column = last.end.transpose
            finish = last_start + reading.offset_in_block(
                visible(text[last_start:last_end]), line, column
            )
        begin, finish = reading.trimmed(text, begin, finish)
        return (begin, finish) if begin < finish else None

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
            chosen = reading.word_at(text, self.top_offset(), self.spans)
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
            self._set_end(reading.extend_by_word(self.article.text, *self.selection, self.spans))

    def action_shrink_word(self) -> None:
        if self.selection is not None:
            self._set_end(reading.shrink_by_word(self.article.text, *self.selection, self.spans))

    def action_extend_sentence(self) -> None:
        if self.selection is not None:
            self._set_end(
                reading.extend_by_sentence(self.article.text, *self.selection, self.spans)
            )

    def action_shrink_sentence(self) -> None:
        if self.selection is not None:
            self._set_end(
                reading.shrink_by_sentence(self.article.text, *self.selection, self.spans)
            )

    def action_move_end(self, step: int) -> None:
        if self.selection is not None:
            self._set_end(reading.move_end(self.article.text, *self.selection, step, self.spans))

    def action_highlight(self, colour: str) -> None:
        if self.selection is None:
            return
        text = self.article.text
        start, end = reading.trimmed(text, *self.selection)
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

    # -- the highlights ---------------------------------------------------------------

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

    def help_rows(self) -> list[tuple[str, str]]:
        """Keys that only work in a mode, for the help screen (the footer shows them live)."""
        meanings = "  ".join(f"{key} {self.meanings[c]}" for c, key in COLOUR_KEYS.items())
        return [
            ("n / N", "next / previous match while a search is active"),
            ("w / b", "selection: extend / shrink by a word"),
            ("s / S", "selection: extend / shrink by a sentence"),
            ("→ / ←", "selection: extend / shrink by a character"),
            ("1-4", f"selection: highlight it ({meanings})"),
            ("m", "selection: mark it as an entity the recognizer missed"),
            ("] / [", "next / previous entity mention"),
            ("d", "on an entity: it is no entity, in every article (u undoes)"),
            ("l", "on an entity: change its kind (person → org → place → date), everywhere"),
            ("a", "on an entity: it is another name of an entity you type (an alias)"),
            ("E", "the article's entities: mentions, articles, often named with; f filters"),
        ]


def _a(noun: str) -> str:
    """'a person', 'an organisation': messages read as sentences."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"
