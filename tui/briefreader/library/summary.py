"""What the list shows of an article, small enough to keep 100k of them in memory.

Summaries are built in worker processes while indexing and sent back pickled, so they
hold no article text beyond the lede a filter needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefreader.annotations.model import ArticleRef
from briefreader.articles.dates import month_day_key
from briefreader.articles.parsing import Article

LEDE_CHARS = 240


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What the list shows and the CLI prints, without holding the article's text."""

    id: str
    path: str
    title: str
    date: str | None
    date_iso: str | None
    place: str | None
    agency: str | None
    entity_count: int
    # How the file was read when that was not plain: a fallback encoding, a cut-off tail.
    notes: tuple[str, ...] = ()
    # The start of the body, so a filter finds words of the text without opening files.
    lede: str = ""

    def __reduce__(self) -> tuple[type[ArticleSummary], tuple[object, ...]]:
        """Pickle as the constructor's arguments: half the cost of the dataclass default.

        Every indexed article comes back from a worker process this way.
        """
        return ArticleSummary, (
            self.id, self.path, self.title, self.date, self.date_iso, self.place,
            self.agency, self.entity_count, self.notes, self.lede,
        )  # fmt: skip

    @property
    def ref(self) -> ArticleRef:
        """The snapshot the store keeps beside annotations."""
        return ArticleRef(
            self.id, self.title, self.path, self.date_iso or self.date, self.place, self.agency
        )

    @property
    def sort_date(self) -> str:
        """ISO date when known, so newest-first sorting works across formats."""
        return self.date_iso or month_day_key(self.date)


def summarise(article: Article, entity_count: int) -> ArticleSummary:
    """The list's view of an article."""
    return ArticleSummary(
        id=article.id,
        path=article.path or "",
        title=article.title,
        date=article.date,
        date_iso=article.date_iso,
        place=article.place,
        agency=article.agency,
        entity_count=entity_count,
        notes=article.notes,
        lede=" ".join(" ".join(article.part(span).split()) for span in article.body[:2])[
            :LEDE_CHARS
        ],
    )
