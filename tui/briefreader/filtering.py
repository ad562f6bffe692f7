"""Which articles a typed filter keeps, decided in one place for the TUI and later the CLI.

Every word must match somewhere (title, place, agency, date, tags or note), case-insensitive,
so typing more narrows the list the way people expect from a search box.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefreader.library import ArticleSummary
from briefreader.store import Annotation


def searchable_text(summary: ArticleSummary, annotation: Annotation) -> str:
    """The text a filter looks in for one article, folded for case-insensitive matching."""
    fields = [
        summary.title,
        summary.place or "",
        summary.agency or "",
        summary.date or "",
        summary.date_iso or "",
        " ".join(f"#{t}" for t in annotation.tags),
        annotation.note,
    ]
    return " ".join(fields).casefold()


def matches(summary: ArticleSummary, annotation: Annotation, query: str) -> bool:
    """True when every word of the query occurs in the article's searchable text."""
    haystack = searchable_text(summary, annotation)
    return all(word in haystack for word in query.casefold().split())


def filter_articles(
    items: Iterable[tuple[ArticleSummary, Annotation]], query: str
) -> list[tuple[ArticleSummary, Annotation]]:
    """The items a query keeps, in their original order."""
    if not query.strip():
        return list(items)
    return [(s, a) for s, a in items if matches(s, a, query)]
