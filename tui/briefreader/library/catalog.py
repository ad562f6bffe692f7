"""The set of articles a person reads: their folders (or the bundled samples).

Library answers what the list, the CLI and the exports ask: every article newest first,
the few rows the first screen shows before the index is read, adding files and folders,
opening one article with its entities, finding one by path or id. Reading each file once
per version is the job of the layer below it, index_cache.IndexedFiles.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from briefreader.annotations.model import Annotation
from briefreader.annotations.store import AnnotationStore
from briefreader.articles.article import read_article
from briefreader.articles.decoding import ArticleError
from briefreader.articles.files import ARTICLE_SUFFIXES, iter_article_files, seeds_folder
from briefreader.articles.parsing import Article
from briefreader.atomicfile import atomic_write_bytes
from briefreader.entities.backend import EntityBackend
from briefreader.entities.corrections import ADD, Correction, apply_corrections
from briefreader.entities.settings import EntitySettings
from briefreader.entities.types import Entity
from briefreader.library.index_cache import IndexedFiles, IndexEntry
from briefreader.library.marks import MarkedNames, Names
from briefreader.library.summary import ArticleSummary
from briefreader.paths import AppPaths

FIRST_ROWS_VERSION = 2
# The same empty answer every time, so whoever caches on it sees nothing changed.
NO_MARKS: dict[str, Names] = {}
FIRST_ROWS = 200  # more than any terminal shows at once


@dataclass
class AddReport:
    """What `add` did, so the CLI and the TUI can say it in words."""

    added: list[ArticleSummary] = field(default_factory=list)
    already: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # Added, but read with a caveat the user should know about (encoding, size).
    warnings: list[tuple[str, str]] = field(default_factory=list)
    # Folders or files the library did not know before this add.
    new_sources: int = 0


class Library(IndexedFiles):
    """Articles from the user's folders, or the samples when there are none yet."""

    def __init__(
        self, paths: AppPaths, store: AnnotationStore, backend: EntityBackend | None = None
    ) -> None:
        super().__init__(paths, store)
        # The recognizer config.toml chose for opened articles; the index keeps the rules'.
        self.backend = backend or EntityBackend(EntitySettings(), paths.data_dir)
        self._marks = MarkedNames(paths.marks_file)
        self._summaries: list[ArticleSummary] | None = None
        self._first_rows: list[list[object]] | None = None
        self._first_total = -1

    # -- the first screen ----------------------------------------------------------------

    def first_rows(self) -> tuple[list[ArticleSummary], int] | None:
        """The top of the list and the library's size as last listed, without the index.

        At 100k articles reading the index takes seconds; these few hundred rows let the
        list show at once while the whole index loads. None when there is nothing to trust
        (never listed, another folder set, an unreadable file).
        """
        try:
            data = orjson.loads(self.paths.first_rows_file.read_bytes())
            if data.get("version") != FIRST_ROWS_VERSION or data.get("roots") != self._roots():
                return None
            rows = [IndexEntry.from_row(row).summary for row in data["rows"]]
            total = data["total"]
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None
        if not isinstance(total, int) or not rows:
            return None
        self._first_rows, self._first_total = data["rows"], total
        return rows, total

    def _remember_first_rows(self, summaries: list[ArticleSummary]) -> None:
        """Keep the top of a checked list for the next start (only when it changed)."""
        rows = [IndexEntry(0, 0, "", s, "").row(s.path) for s in summaries[:FIRST_ROWS]]
        payload = {
            "version": FIRST_ROWS_VERSION,
            "roots": self._roots(),
            "total": len(summaries),
            "rows": rows,
        }
        encoded = orjson.loads(orjson.dumps(rows))  # as it would read back, to compare
        if encoded == self._first_rows and payload["total"] == self._first_total:
            return
        with contextlib.suppress(OSError):  # a cache: the next start is slower, nothing lost
            atomic_write_bytes(self.paths.first_rows_file, orjson.dumps(payload))
            self._first_rows, self._first_total = encoded, len(summaries)

    def _roots(self) -> list[str]:
        return [str(root) for root in (self.store.sources() or [seeds_folder()])]

    # -- the library -------------------------------------------------------------------

    @property
    def showing_samples(self) -> bool:
        """True on a first run: nothing added yet, so the bundled samples are listed."""
        return not self.store.sources()

    def summaries(
        self,
        refresh: bool = False,
        progress: Callable[[int, int], None] | None = None,
        trust_index: bool = False,
        found: Callable[[ArticleSummary], None] | None = None,
    ) -> list[ArticleSummary]:
        """Every article, newest first; the samples when the user has added nothing.

        `trust_index` answers from the index alone, without walking folders or checking
        files: the fast first screen, to be followed by a normal call that catches changes.
        `found` hears each file parsed on the way (a library listed without an index).
        """
        if self._summaries is not None and not refresh:
            return self._summaries
        roots = self.store.sources() or [seeds_folder()]
        if trust_index:
            if not self._index:
                return []  # nothing to trust: the checked listing indexes, with progress
            prefixes = tuple(str(root) + os.sep for root in roots)
            exact = {str(root) for root in roots}
            samples = self._kept_samples()
            indexed = _unique_sorted(
                entry.summary
                for path_text, entry in self._index.items()
                if path_text.startswith(prefixes)
                or path_text in exact
                or (path_text in samples.paths and entry.summary.id in samples.ids)
            )
            # Not remembered as the list (the checked one replaces it), but its top is what
            # the next start shows first: a session quit before its check still leaves one.
            self._remember_first_rows(indexed)
            return indexed
        files = [path for root in roots for path in iter_article_files(root)]
        samples = self._kept_samples()
        mine = {str(path) for path in files}
        extra = sorted(path for path in samples.paths if path not in mine)
        # Unreadable files were reported by `add`; the list shows what can be read.
        listed = _unique_sorted(
            summary
            for path, summary, _reason in self._index_many(
                files + [Path(p) for p in extra], progress, found
            )
            if summary and (str(path) in mine or summary.id in samples.ids)
        )
        self._summaries = listed
        self._remember_first_rows(listed)
        return listed

    def missing_annotated(self, listed: Iterable[ArticleSummary]) -> list[Annotation]:
        """Annotated articles whose file is in none of the library's folders any more.

        A bundled sample is never one of them: it is in the package, not moved or deleted
        by the user, and an annotated one is listed anyway.
        """
        shown = {s.id for s in listed}
        missing = [a for a in self.store.annotations() if a.article_id not in shown]
        if not missing:
            return []
        samples: set[str] = set()
        for path in iter_article_files(seeds_folder()):
            with contextlib.suppress(OSError, ArticleError):
                samples.add(self._indexed(path)[0].id)
        return [a for a in missing if a.article_id not in samples]

    def _kept_samples(self) -> _KeptSamples:
        """The sample files to list beside the user's folders: those the user annotated.

        The samples make way for the user's own articles, but work done on one (a tag, a
        note, a highlight, a star) must not vanish with it, so an annotated sample stays.
        None are kept while the samples are the library anyway.
        """
        if self.showing_samples:
            return _KeptSamples(frozenset(), frozenset())
        ids = self.store.annotated_ids()
        if not ids:
            return _KeptSamples(frozenset(), frozenset())
        paths = frozenset(str(path) for path in iter_article_files(seeds_folder()))
        return _KeptSamples(paths, frozenset(ids))

    def add(
        self,
        targets: Iterable[Path],
        progress: Callable[[int, int], None] | None = None,
        found: Callable[[ArticleSummary], None] | None = None,
    ) -> AddReport:
        """Remember files and folders, index every article in them, report what happened.

        `progress` hears (done, total) and `found` each newly parsed article as it comes,
        so a screen can fill while a large folder is indexed.
        """
        report = AddReport()
        # What was listed before this call, from the index: a fresh listing would read the
        # new files of a folder already added first and count them as already there.
        known = (
            {s.id for s in self.summaries(trust_index=True)} if not self.showing_samples else set()
        )
        files: list[Path] = []
        for target in targets:
            if not target.exists():
                report.skipped.append((str(target), "no such file or folder"))
                continue
            if target.is_file() and target.suffix.lower() not in ARTICLE_SUFFIXES:
                report.skipped.append((str(target), "not a .txt, .md or .html file"))
                continue
            report.new_sources += self.store.add_source(target)
            files.extend(iter_article_files(target.resolve()))
        for path, summary, reason in self._index_many(files, progress, found):
            if summary is None:
                report.skipped.append((str(path), reason or "unreadable"))
                continue
            report.warnings.extend((str(path), note) for note in summary.notes)
            if summary.id in known:
                report.already += 1
            else:
                known.add(summary.id)
                report.added.append(summary)
        self._summaries = None
        self.summaries(trust_index=True)  # the next start's first screen, from what was indexed
        return report

    def marked_names(self, corrections: Iterable[Correction]) -> dict[str, Names]:
        """Article id → entity names with the user's marks (`add` corrections) applied.

        Only the articles that hold a marked name, whose names in the index (from the
        recognizer alone) miss it; the entity index, the `entity:` filter and exports
        lay these over the index's names. Nothing to do (and no cost) without marks.
        """
        if not any(c.kind == ADD for c in corrections):
            return NO_MARKS

        def articles() -> Iterable[tuple[str, str]]:
            entries = list(self._index.items())  # a snapshot: a worker may be adding rows
            return {entry.summary.id: path for path, entry in entries}.items()

        return self._marks.names(corrections, articles, self.entity_names.version)

    def load(self, summary: ArticleSummary) -> tuple[Article, list[Entity]]:
        """The full article with its entities, read from its file when it is opened."""
        _, article, entities = self.open(summary)
        return article, entities

    def open(self, summary: ArticleSummary) -> tuple[ArticleSummary, Article, list[Entity]]:
        """The article's summary as its file is now, the full article and its entities.

        A file edited since it was listed has a new summary, and a new id (a hash of its
        text) that its tags, note and highlights have moved to: whoever shows the article
        must use that one, or what the user adds goes to the old id, which nothing lists.
        """
        path = Path(summary.path)
        article = read_article(path)
        current, changed = self._indexed(path)  # changed: new summary and names indexed
        if changed:
            self._save_index()
        entities = self.backend.entities(article.text)
        if entities is None:  # the rules backend, or spaCy still loading (or unavailable)
            from briefreader.entities.recognizer import recognize  # loaded when first needed

            entities = recognize(article.text)
        # The user's corrections apply to every article, after recognition, never cached.
        corrected = apply_corrections(article.text, entities, self.store.corrections())
        return current, article, corrected

    def as_now(self, summary: ArticleSummary) -> ArticleSummary | None:
        """The article as its file is now, when the file changed since it was listed.

        None when it is unchanged, gone or unreadable (opening it says which). A changed
        file is read again, and its annotations move to its new id (see _keep).
        """
        try:
            current, changed = self._indexed(Path(summary.path))
        except (OSError, ArticleError):
            return None
        if not changed:
            return None
        self._save_index()
        return current if current != summary else None

    def freshness(self, summary: ArticleSummary) -> tuple[object, ...]:
        """What a loaded article depends on: its file, the corrections, the entity backend.

        An article read ahead (before it is opened) is still right to show while this is
        unchanged; take it before reading the file, so a change made during the read shows.
        """
        info = Path(summary.path).stat()
        return info.st_size, info.st_mtime_ns, self.store.corrections(), self.backend.pending

    def resolve(self, path_or_id: str) -> ArticleSummary:
        """Find an article by file path or by (a unique prefix of) its id."""
        candidate = Path(path_or_id).expanduser()
        if candidate.is_file():
            try:
                summary, changed = self._indexed(candidate.resolve())
            except ArticleError as error:  # "empty file" alone does not say what to do
                raise ArticleError(
                    f"{path_or_id}: {error}, so there is no article to work on; pass an "
                    "article's file, or an id from 'briefreader list'"
                ) from error
            if changed:
                self._save_index()
            return summary
        wanted = path_or_id.strip().casefold()
        matches = [s for s in self.summaries() if wanted and s.id.startswith(wanted)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise LookupError(
                f"no article with id or path {path_or_id!r}; run 'briefreader list' to see ids"
            )
        raise LookupError(f"{path_or_id!r} matches {len(matches)} articles; type more of the id")


@dataclass(frozen=True)
class _KeptSamples:
    """Sample files that may be listed beside the user's folders, and the ids that are."""

    paths: frozenset[str]
    ids: frozenset[str]


def _unique_sorted(summaries: Iterable[ArticleSummary]) -> list[ArticleSummary]:
    """One row per article id (the first file found wins), newest first."""
    seen: set[str] = set()
    found = []
    for summary in summaries:
        if summary.id not in seen:
            seen.add(summary.id)
            found.append(summary)
    found.sort(key=lambda s: (s.sort_date, s.path), reverse=True)
    return found
