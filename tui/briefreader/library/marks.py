"""Names the user marked as entities (`m` in the reader), found in every article of the library.

A mark is an ``add`` correction: wherever its text occurs as whole words it is an entity,
replacing what the recognizer found there ("Siemens Energy", not "Siemens"). Rejections,
relabels and aliases are about names, so the index's per-article names are enough for
them; a mark is about text, which the index does not keep. So the articles holding a
marked name are found by reading the files once, and those few articles' names are worked
out again with the marks applied. An article id is a hash of its text, so "article X holds
name N" never goes stale: it is kept in a small cache file beside the index, and a later
run (the CLI's `list`, `export`) reads only the articles it has not checked yet.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import orjson

from briefreader.articles.article import read_article
from briefreader.articles.decoding import ArticleError, read_head
from briefreader.atomicfile import atomic_write_bytes
from briefreader.entities.corrections import (
    ADD,
    Correction,
    Corrections,
    apply_corrections,
    name_key,
)
from briefreader.library.indexing import decode_names, names_of

Names = tuple[tuple[str, str], ...]
MARKS_VERSION = 1


class MarkedNames:
    """Entity names with the user's marks applied, for the articles holding a marked name.

    Every other article's names are the index's as they are.
    """

    def __init__(self, cache_file: Path) -> None:
        self.cache_file = cache_file
        # name key → (ids holding it, ids checked); read from the cache file on first use.
        self._holding: dict[str, tuple[set[str], set[str]]] | None = None
        self._names: dict[tuple[str, tuple[tuple[str, str], ...]], Names] = {}
        self._last: tuple[object, dict[str, Names]] | None = None
        # A new mark reads the library's files once (seconds at 100k): a worker starts
        # that right after the mark is made, and a filter asking meanwhile waits for it
        # instead of reading the same files a second time.
        self._lock = threading.Lock()

    def names(
        self,
        corrections: Iterable[Correction],
        articles: Callable[[], Iterable[tuple[str, str]]],
        stamp: object = None,
    ) -> dict[str, Names]:
        """The corrected names of every article (id, path) that holds a marked name.

        `stamp` says whether the library changed since the last call: the same marks and
        the same stamp answer from memory, without even listing the articles, which keeps
        a filter's keystroke cheap at 100k.
        """
        marks = tuple(
            sorted(
                {(name_key(c.name), c.label): c.name for c in corrections if c.kind == ADD}.items()
            )
        )
        if not marks:
            return {}
        with self._lock:
            if self._last is not None and self._last[0] == (marks, stamp):
                return self._last[1]
            return self._names_now(marks, articles(), stamp)

    def _names_now(
        self,
        marks: tuple[tuple[tuple[str, str], str], ...],
        articles: Iterable[tuple[str, str]],
        stamp: object,
    ) -> dict[str, Names]:
        adds = tuple((key, label) for (key, label), _ in marks)
        rules = Corrections(Correction(ADD, name, label=label) for (_, label), name in marks)
        holding = self._load()
        changed = False
        result: dict[str, Names] = {}
        for article_id, path in list(articles):
            held = False
            for (key, _label), name in marks:
                found, checked = holding.setdefault(key, (set(), set()))
                if article_id not in checked:
                    checked.add(article_id)
                    changed = True
                    if _holds(Path(path), article_id, name):
                        found.add(article_id)
                held = held or article_id in found
            if held:
                names = self._corrected(article_id, path, adds, rules)
                if names is not None:
                    result[article_id] = names
        if changed:
            self._save(holding)
        self._last = ((marks, stamp), result)
        return result

    def _corrected(
        self, article_id: str, path: str, adds: tuple[tuple[str, str], ...], rules: Corrections
    ) -> Names | None:
        cached = self._names.get((article_id, adds))
        if cached is not None:
            return cached
        try:
            article = read_article(Path(path))
        except ArticleError:
            return None
        if article.id != article_id:
            return None  # edited since it was indexed: the next listing brings its new id
        from briefreader.entities.recognizer import (
            recognize,  # the index's recognizer, loaded when used
        )

        entities = apply_corrections(article.text, recognize(article.text), rules)
        names = decode_names(names_of(entities))
        self._names[(article_id, adds)] = names
        return names

    def _load(self) -> dict[str, tuple[set[str], set[str]]]:
        if self._holding is None:
            self._holding = {}
            with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
                data = orjson.loads(self.cache_file.read_bytes())
                if data.get("version") == MARKS_VERSION:
                    for key, (found, checked) in data["names"].items():
                        self._holding[str(key)] = (set(map(str, found)), set(map(str, checked)))
        return self._holding

    def _save(self, holding: dict[str, tuple[set[str], set[str]]]) -> None:
        payload = {
            "version": MARKS_VERSION,
            "names": {
                key: [sorted(found), sorted(checked)] for key, (found, checked) in holding.items()
            },
        }
        with contextlib.suppress(OSError):  # a cache: the next run reads the files again
            atomic_write_bytes(self.cache_file, orjson.dumps(payload))


def _holds(path: Path, article_id: str, name: str) -> bool:
    """Whether the article's text holds the name as whole words (any case or spacing).

    A look at the raw bytes first: most files do not even hold the name's first word, and
    those need no parse.
    """
    first = name.split()[0].casefold().encode("utf-8")
    try:
        raw = read_head(path)[0]
    except OSError:
        return False
    utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
    if first.isascii() and not utf16 and first not in raw.lower():
        return False
    try:
        article = read_article(path)
    except ArticleError:
        return False
    if article.id != article_id:
        return False
    return bool(Corrections([Correction(ADD, name, label="ORG")]).added_spans(article.text))
