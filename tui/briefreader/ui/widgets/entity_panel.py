"""`E` in the reader: the article's entities with counts, and where else they appear.

Enter jumps to the first mention, `f` lists every article in the library that mentions the
entity; the line below the list names what is most often mentioned with it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from briefreader.entities.colours import LEGEND_NAMES
from briefreader.entities.coreference import surname_owners
from briefreader.entities.index import EntityIndex, name_key, shows_better
from briefreader.entities.types import PERSON, Entity
from briefreader.textsafety import one_line
from briefreader.ui.widgets.pick_list import PickList


@dataclass(frozen=True)
class EntityChoice:
    """What the panel hands back: jump to the entity, or filter the library by it."""

    action: str  # "jump" or "filter"
    name: str


def article_counts(entities: list[Entity]) -> list[tuple[str, str, int]]:
    """(label, name, mentions) for each distinct entity of an article, most mentioned first."""
    counts: Counter[str] = Counter()
    shown: dict[str, tuple[str, str]] = {}
    owners = surname_owners((e.label, e.text) for e in entities)  # "Khrenin" → Viktor Khrenin
    for entity in entities:
        text = " ".join(entity.text.split())
        if entity.label == PERSON:
            text = owners.get(name_key(text), text)
        key = name_key(text)
        counts[key] += 1
        if shows_better(text, shown[key][1] if key in shown else None):
            shown[key] = (entity.label, text)
    return [(*shown[k], n) for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _articles(count: int) -> str:
    return "1 article" if count == 1 else f"{count} articles"


class EntityPanel(ModalScreen[EntityChoice | None]):
    """The open article's entities, with their library-wide reach."""

    BINDINGS = [
        Binding("escape,E", "cancel", "Close"),
        Binding("f", "choose('filter')", "Articles mentioning it"),
    ]

    def __init__(self, entities: list[Entity], index: EntityIndex, colours: dict[str, str]) -> None:
        super().__init__()
        self.rows = article_counts(entities)
        self.index = index
        self.colours = colours

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(f"Entities in this article ({len(self.rows)})", classes="dialog-title")
            yield PickList(
                *[
                    Option(
                        Content.assemble(
                            (f"{n:>3}× ", "dim"),
                            (one_line(name), self.colours.get(label, "")),
                            (f"  {LEGEND_NAMES.get(label, label.lower())}", "dim"),
                            (f" · {_articles(len(self.index.articles_mentioning(name)))}", "dim"),
                        ),
                        id=name,
                    )
                    for label, name, n in self.rows
                ],
                id="entity-list",
            )
            yield Label("", id="co-occurring", classes="hint")
            yield Label("enter: go to it · f: every article mentioning it · escape", classes="hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        if self.rows:
            options.highlighted = 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        name = event.option.id or ""
        beside = self.index.co_occurring(name, limit=5)
        text = ", ".join(f"{one_line(n)} ({k})" for n, k in beside) or "nothing else yet"
        self.query_one("#co-occurring", Label).update(Content(f"Often with: {text}"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(EntityChoice("jump", event.option.id))

    def action_choose(self, action: str) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            name = options.get_option_at_index(options.highlighted).id
            if name:
                self.dismiss(EntityChoice(action, name))

    def action_cancel(self) -> None:
        self.dismiss(None)
