"""The reader's page: one article's parts drawn with its marks, and where the view is.

Holds what the reader shows (the article, its entities, highlights, find matches, the
selection) and draws it; the keys that change these live beside it (finding,
highlighting, entities) and the screen that binds them in briefreader.ui.screens.reader.
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.widgets import Input, Static

from briefreader.annotations.model import HIGHLIGHT_COLOURS, AttachedHighlight
from briefreader.articles import navigation
from briefreader.articles.parsing import Article
from briefreader.entities.types import Entity
from briefreader.library.summary import ArticleSummary
from briefreader.textsafety import one_line, visible
from briefreader.ui.screens.annotating import AnnotatingScreen
from briefreader.ui.widgets.entity_content import (
    CURRENT_ENTITY,
    CURRENT_MATCH,
    FIND_MATCH,
    SELECTION,
    Mark,
    highlight_style,
    highlighted,
    legend,
)

# The key that highlights in each colour while selecting: 1-4.
COLOUR_KEYS = {colour: str(index) for index, colour in enumerate(HIGHLIGHT_COLOURS, start=1)}


class ReaderPage(AnnotatingScreen):
    """One article on the screen: its text, marks, annotations and status line."""

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

    def _show(self) -> None:
        self.sub_title = one_line(self.summary.title)
        self.load_highlights()
        self.render_article()

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
            (f"{navigation.progress(view.scroll_y, view.max_scroll_y):>3}%", "bold"),
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

    def _refresh_keys(self) -> None:
        self.refresh_bindings()
        self.render_blocks()

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
            begin += navigation.offset_in_block(visible(text[first_start:first_end]), line, column)
        finish = last_end
        if last.end is not None:
            line, column = last.end.transpose
            finish = last_start + navigation.offset_in_block(
                visible(text[last_start:last_end]), line, column
            )
        begin, finish = navigation.trimmed(text, begin, finish)
        return (begin, finish) if begin < finish else None
