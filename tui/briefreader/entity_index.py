"""The library's entities: which articles mention a name, and what is named beside it.

Built on demand from the index's per-article entity names, so it costs nothing at start
and reflects the library as it is when the user asks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def name_key(name: str) -> str:
    """One entity however it is capitalised or spaced ("MINSK", "Minsk")."""
    return " ".join(name.split()).casefold()


class EntityIndex:
    """Entity → articles, and co-occurrence counts between entities."""

    def __init__(self, articles: Iterable[tuple[str, Iterable[tuple[str, str]]]]) -> None:
        self.by_name: dict[str, set[str]] = {}
        self.shown: dict[str, tuple[str, str]] = {}  # key → (label, a spelling to show)
        self.by_article: dict[str, set[str]] = {}
        for article_id, names in articles:
            keys = self.by_article.setdefault(article_id, set())
            for label, name in names:
                key = name_key(name)
                keys.add(key)
                self.by_name.setdefault(key, set()).add(article_id)
                shown = self.shown.get(key)
                if shown is None or (shown[1].isupper() and not name.isupper()):
                    self.shown[key] = (label, name)

    def articles_for(self, name: str) -> set[str]:
        """Ids of the articles that mention the name."""
        return self.by_name.get(name_key(name), set())

    def co_occurring(self, name: str, limit: int = 5) -> list[tuple[str, int]]:
        """The people, organisations and places most often in the same articles (not dates).

        Ties are broken by name, so the answer is the same every time.
        """
        key = name_key(name)
        counts: Counter[str] = Counter()
        for article_id in self.articles_for(name):
            counts.update(
                k
                for k in self.by_article.get(article_id, ())
                if k != key and self.shown[k][0] != "DATE"
            )
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return [(self.shown[k][1], n) for k, n in ranked[:limit]]
