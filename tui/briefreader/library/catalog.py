"""The set of articles a person reads: their folders (or the bundled samples) and an index.

Parsing and entity recognition run once per file version: the index remembers each file's
size, modification time and content hash with its list summary and entity names, so opening
the library again does not re-read unchanged files. The index is a cache; deleting it loses
nothing. It is JSON lines, one compact row per file, read row by row: at 100k articles the
whole file is never in memory next to the objects made from it, and each summary is built
once. Entity offsets are not kept: recognising the one article being opened costs a few
milliseconds, while keeping every article's spans cost a third of the index.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import orjson

from briefreader.annotations.model import Annotation
from briefreader.annotations.store import AnnotationStore
from briefreader.articles.article import (
    ARTICLE_SUFFIXES,
    Article,
    ArticleError,
    iter_article_files,
    read_article,
    seeds_folder,
)
from briefreader.atomicfile import atomic_write_bytes
from briefreader.entities.backend import EntityBackend
from briefreader.entities.corrections import ADD, Correction, apply_corrections
from briefreader.entities.settings import EntitySettings
from briefreader.entities.types import Entity
from briefreader.library.indexing import (
    Record,
    content_hash,
    decode_names,
    index_files,
    index_record,
)
from briefreader.library.marks import MarkedNames, Names
from briefreader.library.summary import ArticleSummary
from briefreader.paths import AppPaths

# 6: datelines without a year get a year, Markdown front matter is read;
# 7: a file saved soon after its dateline gives it its year.
INDEX_VERSION = 7
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


class EntityNames:
    """Article id → its distinct entities as (label, name), kept packed until asked for."""

    def __init__(self) -> None:
        self.packed: dict[str, str] = {}
        self.version = 0  # bumped on every change, so views built from the names can be reused

    def put(self, article_id: str, packed: str) -> None:
        """Record an article's names (packed as the index stores them)."""
        if self.packed.get(article_id) != packed:
            self.packed[article_id] = packed
            self.version += 1

    def get(
        self, article_id: str, default: tuple[tuple[str, str], ...] = ()
    ) -> tuple[tuple[str, str], ...]:
        """The article's entities, or `default` when the library does not know it."""
        packed = self.packed.get(article_id)
        return default if packed is None else decode_names(packed)

    def packed_of(self, article_id: str) -> str:
        """The article's names still packed (empty when unknown): cheap to hold for 100k."""
        return self.packed.get(article_id, "")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EntityNames) and self.packed == other.packed

    __hash__ = None  # type: ignore[assignment]


def _same_filing_day(before: ArticleSummary, now: ArticleSummary) -> ArticleSummary:
    """The file edited: a dateline that still reads the same keeps the year it was given.

    A dateline without a year ("MOSCOW, November 20") may take its year from when the
    file was saved; fixing a typo today must not move a story of last November to this
    one. The dateline itself edited (another day, a year written in) is read anew.
    """
    if (
        now.date
        and now.date == before.date
        and not re.search(r"\d{4}", now.date)
        and before.date_iso
        and now.date_iso != before.date_iso
        and before.date_iso[5:] == (now.date_iso or before.date_iso)[5:]
    ):
        return replace(now, date_iso=before.date_iso)
    return now


@dataclass(slots=True)
class IndexEntry:
    """One file version in the index: how to tell it changed, and what it holds."""

    size: int
    mtime: int
    sha: str
    summary: ArticleSummary
    names: str  # packed (label, name) pairs, see indexing.names_of

    def row(self, path: str) -> list[object]:
        """The stored form: a flat list, so 100k rows parse fast and stay small on disk."""
        s = self.summary
        return [
            path, self.size, self.mtime, self.sha, self.names,
            s.id, s.path, s.title, s.date, s.date_iso, s.place, s.agency,
            s.entity_count, list(s.notes), s.lede,
        ]  # fmt: skip

    @classmethod
    def from_row(cls, row: list[Any]) -> IndexEntry:
        """Back from `row`; a malformed row raises TypeError or ValueError (file re-read)."""
        (_, size, mtime, sha, names, id_, path, title, date, date_iso, place, agency,
         count, notes, lede) = row  # fmt: skip
        if (
            type(title) is not str
            or type(path) is not str
            or type(id_) is not str
            or type(names) is not str
            or type(lede) is not str
            or type(size) is not int
            or type(mtime) is not int
        ):
            raise TypeError("index row with wrong types")
        summary = ArticleSummary(
            id_, path, title, date, date_iso, place, agency, count, tuple(notes), lede
        )
        return cls(size, mtime, sha, summary, names)


class Library:
    """Articles from the user's folders, or the samples when there are none yet."""

    def __init__(
        self, paths: AppPaths, store: AnnotationStore, backend: EntityBackend | None = None
    ) -> None:
        self.paths = paths
        self.store = store
        # The recognizer config.toml chose for opened articles; the index keeps the rules'.
        self.backend = backend or EntityBackend(EntitySettings(), paths.data_dir)
        # Article id → (label, name) of each distinct entity: filters and the entity index.
        self.entity_names = EntityNames()
        self._marks = MarkedNames(paths.marks_file)
        # Hears (done, total) when a listing must read files no progress was asked for:
        # after an upgrade of the recognizer every file is read again, which takes a while.
        self.indexing_progress: Callable[[int, int], None] | None = None
        self._dirty = False
        # Read on first use (in the TUI: by the worker that lists the library, not at start).
        self._loaded_index: dict[str, IndexEntry] | None = None
        self._index_lock = threading.Lock()
        self._save_lock = threading.Lock()
        self._summaries: list[ArticleSummary] | None = None
        self._first_rows: list[list[object]] | None = None
        # Called now and then while checking every file against the index (seconds at
        # 100k, holding no lock). A TUI sets it to wait while the user waits for a screen;
        # by default it just lets other threads run.
        self.pause_point: Callable[[], None] = _yield_to_other_threads
        # Asked in the same long loops: True stops them (IndexingStopped), e.g. on quit.
        self.should_stop: Callable[[], bool] = _never
        self._first_total = -1

    @property
    def _index(self) -> dict[str, IndexEntry]:
        if self._loaded_index is None:
            with self._index_lock:
                if self._loaded_index is None:
                    self._loaded_index = self._load_index()
        return self._loaded_index

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

    # -- index cache -------------------------------------------------------------------

    def _load_index(self) -> dict[str, IndexEntry]:
        index: dict[str, IndexEntry] = {}
        old = self.paths.data_dir / "index.json"  # version 4 and before: one big JSON object
        if old.exists():
            with contextlib.suppress(OSError):
                old.unlink()  # its names came from an older recognizer: rebuilt, not read
        try:
            with self.paths.index_file.open("rb") as stream:
                header = orjson.loads(stream.readline() or b"{}")
                if not isinstance(header, dict) or header != _index_header():
                    return {}  # another format or another recognizer: read the files again
                for count, line in enumerate(stream):
                    if count % 1000 == 999:
                        # Yield only: an article being opened may be waiting for this read.
                        _yield_to_other_threads()
                        if self.should_stop():
                            raise IndexingStopped
                    try:
                        row = orjson.loads(line)
                        entry = IndexEntry.from_row(row)
                    except (ValueError, TypeError):
                        self._dirty = True  # one damaged row: that file is read again
                        continue
                    index[row[0]] = entry
                    self.entity_names.put(entry.summary.id, entry.names)
        except (OSError, ValueError):
            return {}  # a cache: missing or unreadable means rebuild
        return index

    def _save_index(self) -> None:
        with self._save_lock:  # the listing worker and an article being opened may both save
            if not self._dirty:
                return
            self._dirty = False
            # A snapshot (one C-level copy): another thread may add rows while this writes.
            entries = list(self._index.items())
            header = orjson.dumps(_index_header()) + b"\n"
            rows = (
                orjson.dumps(entry.row(path), option=orjson.OPT_APPEND_NEWLINE)
                for path, entry in entries
            )  # streamed: 100k rows are never one 80 MB string in memory
            try:
                atomic_write_bytes(self.paths.index_file, itertools.chain((header,), rows))
            except BaseException:
                self._dirty = True
                raise

    def _cached(self, path: Path) -> ArticleSummary | None:
        """The index's entry for a file if the file has not changed since, else None."""
        key = str(path)
        cached = self._index.get(key)
        if cached is None:
            return None
        info = path.stat()
        if cached.size != info.st_size or cached.mtime != info.st_mtime_ns:
            # Touched, copied or restored: the same bytes need no second parse.
            if cached.sha != content_hash(path):
                return None
            cached.size, cached.mtime = info.st_size, info.st_mtime_ns
            self._dirty = True
        return cached.summary

    def _keep(self, path_text: str, record: Record) -> ArticleSummary:
        before = self._index.get(path_text)
        entry = IndexEntry(*record)
        if before is not None:
            entry.summary = _same_filing_day(before.summary, entry.summary)
        self._index[path_text] = entry
        self._dirty = True
        summary = entry.summary
        self.entity_names.put(summary.id, entry.names)
        old_id = before.summary.id if before is not None else None
        if old_id and old_id != summary.id:
            # The same file, edited: its id (a hash of the text) changed, the work must not.
            self.store.move_article(old_id, summary.id)
        return summary

    def _indexed(self, path: Path) -> tuple[ArticleSummary, bool]:
        """Parse and recognise a file, or take its summary from the index when unchanged.

        The flag says whether the index changed (and is worth saving now).
        """
        summary = self._cached(path)
        if summary is not None:
            return summary, False
        path_text, record, reason = index_record(str(path))
        if record is None:
            raise ArticleError(reason or "unreadable")
        return self._keep(path_text, record), True

    def _index_many(
        self,
        paths: list[Path],
        progress: Callable[[int, int], None] | None = None,
        found: Callable[[ArticleSummary], None] | None = None,
    ) -> list[tuple[Path, ArticleSummary | None, str | None]]:
        """Index many files: cached ones at once, the rest in parallel; in the given order."""
        # Keyed by path text: 100k Path objects made again from worker results cost ~40 MB.
        results: dict[str, tuple[ArticleSummary | None, str | None]] = {}
        stale: list[str] = []
        for count, path in enumerate(paths):
            if count % 500 == 499:
                self.pause_point()  # a background check of 100k files: let the UI go first
                if self.should_stop():
                    raise IndexingStopped
            try:
                hit = self._cached(path)
            except OSError as error:
                results[str(path)] = (
                    None,
                    "file not found"
                    if isinstance(error, FileNotFoundError)
                    else error.strerror or str(error),
                )
                continue
            if hit is None:
                stale.append(str(path))
            else:
                results[str(path)] = (hit, None)
        done = len(results)
        total = len(paths)
        if progress is None and stale:
            progress = self.indexing_progress
        if progress and done:
            progress(done, total)
        try:
            for path_text, record, reason in index_files(stale):
                done += 1
                summary = self._keep(path_text, record) if record is not None else None
                results[path_text] = (summary, reason)
                if found and summary is not None:
                    found(summary)
                if progress:
                    progress(done, total)
                if self.should_stop():
                    raise IndexingStopped
        finally:
            self._save_index()  # stopped half-way, what was read is kept for next time
        return [(path, *results[str(path)]) for path in paths]

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


def _yield_to_other_threads() -> None:
    time.sleep(0)


def _never() -> bool:
    return False


class IndexingStopped(Exception):
    """A long read of the library was asked to stop (the app is quitting)."""


def _index_header() -> dict[str, object]:
    from briefreader.entities.recognizer import RECOGNIZER_VERSION  # not at start: see entity_types

    return {"version": INDEX_VERSION, "recognizer": RECOGNIZER_VERSION}


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
