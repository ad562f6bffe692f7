"""The library's entities: which articles mention a name, and what is named beside it.

Built on demand from the index's per-article entity names (`Library.entity_names`, article
id → ((label, name), ...)), so it costs nothing at start and reflects the library as it is
when the user asks. The user's corrections are applied here, on names: rejected names are
left out, relabelled names take their label, and aliases are counted under their canonical
name ("Sergei Shoigu" and "Shoigu" under "Sergey Shoigu"). Plain dicts, sets and Counters:
100k articles with ~20 names each build in about a second.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from briefreader.entities.corrections import (
    Correction,
    Corrections,
    NameCorrector,
    canonical_name,
    name_key,
    shows_better,
)

__all__ = ["EntityIndex", "name_key", "shows_better"]

Names = Iterable[tuple[str, str]]


class EntityIndex:
    """Entity → articles, mention counts by article, and co-occurrence between entities."""

    def __init__(
        self,
        articles: Iterable[tuple[str, Names]],
        corrections: Corrections | Iterable[Correction] = (),
    ) -> None:
        corrector = NameCorrector(corrections)
        self.by_name: dict[str, set[str]] = {}
        self.shown: dict[str, tuple[str, str]] = {}  # key → (label, a spelling to show)
        self.by_article: dict[str, set[str]] = {}
        for article_id, names in articles:
            keys = self.by_article.setdefault(article_id, set())
            for label, name in names:
                if corrector:
                    answer = corrector.correct(label, name)
                    if answer is None:
                        continue
                    label, key, name = answer
                else:
                    key = name_key(name)
                keys.add(key)
                self.by_name.setdefault(key, set()).add(article_id)
                shown = self.shown.get(key)
                if shows_better(name, shown[1] if shown else None):
                    self.shown[key] = (label, name)
        self._rules = corrector.rules

    @classmethod
    def from_names(
        cls,
        names: Mapping[str, Names],
        corrections: Corrections | Iterable[Correction] = (),
    ) -> EntityIndex:
        """From `{article_id: ((label, name), ...)}`, what `Library` provides."""
        return cls(names.items(), corrections)

    def _key(self, name: str) -> str:
        return name_key(canonical_name(name, self._rules)) if self._rules else name_key(name)

    def articles_for(self, name: str) -> set[str]:
        """Ids of the articles that mention the name (or any alias of it)."""
        return self.by_name.get(self._key(name), set())

    def articles_mentioning(self, name: str) -> set[str]:
        """Articles naming any entity whose name contains this one.

        "Afanasiev" finds "Zhang Afanasiev" too: the same articles the list's `entity:`
        filter (and so `f` in the panel) shows, so the panel's count and the list agree.
        """
        key = self._key(name)
        found = set(self.by_name.get(key, ()))
        for other, ids in self.by_name.items():
            if key in other and other != key:
                found |= ids
        return found

    def count(self, name: str) -> int:
        """How many articles mention the name (aliases merged)."""
        return len(self.articles_for(name))

    def counts(self, label: str | None = None) -> Counter[str]:
        """Articles per entity, under the spelling shown; optionally of one label only."""
        return Counter(
            {
                self.shown[key][1]: len(ids)
                for key, ids in self.by_name.items()
                if label is None or self.shown[key][0] == label
            }
        )

    def label_of(self, name: str) -> str | None:
        """The entity's label (after corrections), None when the library never names it."""
        shown = self.shown.get(self._key(name))
        return shown[0] if shown else None

    def co_occurring(self, name: str, limit: int = 5) -> list[tuple[str, int]]:
        """The people, organisations and places most often in the same articles (not dates).

        Counted in articles, aliases merged; ties are broken by name, so the answer is the
        same every time.
        """
        key = self._key(name)
        counts: Counter[str] = Counter()
        for article_id in self.by_name.get(key, ()):
            counts.update(
                k
                for k in self.by_article.get(article_id, ())
                if k != key and self.shown[k][0] != "DATE"
            )
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return [(self.shown[k][1], n) for k, n in ranked[:limit]]
