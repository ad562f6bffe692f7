"""The reader: one article with its entities highlighted, and the annotation keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from briefreader.articles import Article
from briefreader.entities import Entity
from briefreader.library import ArticleSummary
from briefreader.textsafety import one_line
from briefreader.ui.annotating import AnnotatingScreen
from briefreader.ui.entity_content import highlighted, legend
from briefreader.ui.widgets import QuickTagBar


class ReaderScreen(AnnotatingScreen):
    """Headline, subtitle, dateline, legend, tags and note, then the highlighted body."""

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("j", "scroll('down')", "Scroll down", show=False),
        Binding("k", "scroll('up')", "Scroll up", show=False),
        Binding("space", "page('down')", "Page down", show=False),
        Binding("b", "page('up')", "Page up", show=False),
    ]

    def __init__(self, summary: ArticleSummary, article: Article, entities: list[Entity]) -> None:
        super().__init__(id="reader-screen")
        self.summary = summary
        self.article = article
        self.entities = entities

    def current_summary(self) -> ArticleSummary | None:
        return self.summary

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="reader"):
            yield Static(id="headline")
            yield Static(id="subtitle")
            yield Static(id="dateline")
            yield Static(id="read-notes")
            yield Static(id="legend")
            yield Static(id="annotations")
            for index, _ in enumerate(self.article.body):
                yield Static(id=f"p{index}", classes="paragraph")
        yield QuickTagBar(self.brief_app.session.config.quick_tags)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = one_line(self.summary.title)
        self.render_article()
        self.app.theme_changed_signal.subscribe(self, lambda _: self.render_article())
        self.query_one("#reader").focus()

    def render_article(self) -> None:
        """Fill every part; called again when the theme (and so the colours) changes."""
        article, entities = self.article, self.entities
        dark = self.app.current_theme.dark
        if article.headline:
            headline = highlighted(
                article.text, entities, article.headline.start, article.headline.end, dark
            )
        else:
            headline = Content(article.title)
        self.query_one("#headline", Static).update(headline)
        subtitle = self.query_one("#subtitle", Static)
        subtitle.display = article.subtitle is not None
        if article.subtitle:
            subtitle.update(
                highlighted(
                    article.text, entities, article.subtitle.start, article.subtitle.end, dark
                )
            )
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
        for index, span in enumerate(article.body):
            self.query_one(f"#p{index}", Static).update(
                highlighted(article.text, entities, span.start, span.end, dark)
            )

    def show_annotations(self) -> None:
        """The article's tags and the start of its note, refreshed after every change."""
        annotation = self.brief_app.session.store.annotation(self.summary.id)
        tags = " ".join(f"#{t}" for t in annotation.tags) or "no tags (t to add)"
        note = annotation.note.strip()
        first = note.splitlines()[0] if note else ""
        note_line = f"Note: {first}" + (" …" if len(note.splitlines()) > 1 else "")
        parts = [(f"Tags: {one_line(tags)}", "italic")]
        if note:
            parts.append((f"\n{one_line(note_line)}", ""))
        self.query_one("#annotations", Static).update(Content.assemble(*parts))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_scroll(self, direction: str) -> None:
        view = self.query_one("#reader", VerticalScroll)
        view.scroll_down() if direction == "down" else view.scroll_up()

    def action_page(self, direction: str) -> None:
        view = self.query_one("#reader", VerticalScroll)
        view.scroll_page_down() if direction == "down" else view.scroll_page_up()
