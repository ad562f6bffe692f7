"""What an export contains: each chosen article with everything the user added to it.

Gathered once from the store and the library so every format (Markdown, JSON, HTML)
renders the same selection, and the filters (--tag, --entity, --since, --until, --all)
are decided in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from briefreader.annotations.model import Annotation, Highlight
from briefreader.annotations.store import AnnotationStore
from briefreader.annotations.tags import normalise_tag, tag_key
from briefreader.entities.corrections import canonical_name, name_key, shows_better

LABEL_ORDER = ("PERSON", "ORG", "PLACE", "DATE")
# Entities that get their own page and link: people, organisations and places, not dates.
LINKED_LABELS = ("PERSON", "ORG", "PLACE")


@dataclass(frozen=True)
class ExportFilter:
    """Which articles to export; the default is every annotated article."""

    tag: str | None = None
    entity: str | None = None
    since: str | None = None
    until: str | None = None
    include_all: bool = False

    @property
    def narrows(self) -> bool:
        """True when a filter was given, so an empty export means "nothing matched"."""
        return any((self.tag, self.entity, self.since, self.until))


@dataclass(frozen=True)
class ExportItem:
    """One article as exports show it."""

    annotation: Annotation
    starred: bool = False
    highlights: tuple[Highlight, ...] = ()
    entities: dict[str, list[str]] = field(default_factory=dict)

    @property
    def article_id(self) -> str:
        """The article's stable id."""
        return self.annotation.article_id

    @property
    def title(self) -> str:
        """The title, or the id for an article whose title was never known."""
        return self.annotation.title or self.annotation.article_id

    @property
    def annotated(self) -> bool:
        """True when the user added anything: tags, a note, highlights or a star."""
        return not self.annotation.is_empty or bool(self.highlights) or self.starred


@dataclass(frozen=True)
class LibraryFacts:
    """What the library knows about an article (title, date, file, entities)."""

    title: str
    date: str | None
    place: str | None
    agency: str | None
    path: str
    entity_names: tuple[tuple[str, str], ...] = ()


def _entities_by_label(names: tuple[tuple[str, str], ...]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for label, name in names:
        grouped.setdefault(label, []).append(name)
    ordered = sorted(grouped, key=lambda label: (*LABEL_ORDER, label).index(label))
    # One spelling per name: "MINSK" in a dateline and "Minsk" in the text are one place,
    # shown the way the entity panel shows it.
    chosen: dict[str, dict[str, str]] = {}
    for label in ordered:
        spellings = chosen.setdefault(label, {})
        for name in grouped[label]:
            key = name_key(name)
            if shows_better(name, spellings.get(key)):
                spellings[key] = name
    return {label: sorted(chosen[label].values(), key=str.casefold) for label in ordered}


def gather(
    store: AnnotationStore,
    library: dict[str, LibraryFacts],
    chosen: ExportFilter,
    undated: list[str] | None = None,
) -> list[ExportItem]:
    """The articles the filter keeps, oldest first, each with its annotations.

    `undated` hears the ids that --since/--until left out only because their date has no
    year, so the user can be told instead of losing them silently.
    """
    if chosen.entity:  # "--entity 'Sergei Shoigu'" finds the articles its alias is merged into
        chosen = replace(chosen, entity=canonical_name(chosen.entity, store.corrections()))
    annotations = store.annotation_map()
    highlights = store.all_highlights()
    stars = {i for i, state in store.reading_states().items() if state.starred}
    ids = set(annotations) | set(highlights) | stars
    if chosen.include_all:
        ids |= set(library)
    items: list[ExportItem] = []
    for article_id in ids:
        annotation = annotations.get(article_id) or Annotation(article_id)
        facts = library.get(article_id)
        if facts is not None:  # the library's view is fresher than the stored snapshot
            annotation.title = facts.title
            annotation.date = facts.date or annotation.date
            annotation.place = facts.place or annotation.place
            annotation.agency = facts.agency or annotation.agency
            annotation.path = facts.path or annotation.path
        item = ExportItem(
            annotation,
            article_id in stars,
            tuple(highlights.get(article_id, ())),
            _entities_by_label(facts.entity_names) if facts else {},
        )
        if (item.annotated or chosen.include_all) and keeps(item, chosen):
            items.append(item)
        elif undated is not None and (item.annotated or chosen.include_all):
            if not has_full_date(item) and keeps(item, replace(chosen, since=None, until=None)):
                undated.append(article_id)
    return sorted(items, key=lambda i: (i.annotation.date or "", i.title, i.article_id))


def has_full_date(item: ExportItem) -> bool:
    """True when the item's date has a year, so --since and --until can place it."""
    return bool(re.match(r"\d{4}-\d{2}-\d{2}", item.annotation.date or ""))


def keeps(item: ExportItem, chosen: ExportFilter) -> bool:
    """True when the item passes every filter that was given."""
    if chosen.tag:
        wanted = tag_key(normalise_tag(chosen.tag))
        if wanted not in {tag_key(t) for t in item.annotation.tags}:
            return False
    if chosen.entity:
        wanted_name = chosen.entity.casefold()
        names = [n for group in item.entities.values() for n in group]
        if not any(wanted_name in name.casefold() for name in names):
            return False
    day = item.annotation.date or ""
    if not has_full_date(item):
        day = ""  # "October 26" has no year: it is neither before nor after a day
    if chosen.since and not (day and day >= chosen.since):
        return False
    return not (chosen.until and not (day and day[: len(chosen.until)] <= chosen.until))
