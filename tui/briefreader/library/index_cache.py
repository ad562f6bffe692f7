"""The index cache: each file read, parsed and recognised once per version of it.

The index remembers each file's size, modification time and content hash with its list
summary and entity names, so opening the library again does not re-read unchanged files.
It is a cache; deleting it loses nothing. It is JSON lines, one compact row per file, read
row by row: at 100k articles the whole file is never in memory next to the objects made
from it, and each summary is built once. Entity offsets are not kept: recognising the one
article being opened costs a few milliseconds, while keeping every article's spans cost a
third of the index. Library (catalog.py) is built on IndexedFiles and adds what a reader
asks of it: listings, adding folders, opening articles.
"""

from __future__ import annotations

import contextlib
import itertools
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import orjson

from briefreader.annotations.store import AnnotationStore
from briefreader.articles.decoding import ArticleError
from briefreader.atomicfile import atomic_write_bytes
from briefreader.library.indexing import (
    Record,
    content_hash,
    decode_names,
    index_files,
    index_record,
)
from briefreader.library.summary import ArticleSummary
from briefreader.paths import AppPaths

# 6: datelines without a year get a year, Markdown front matter is read;
# 7: a file saved soon after its dateline gives it its year.
INDEX_VERSION = 7


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


class IndexedFiles:
    """The files of a library, each read once per version, with their index on disk."""

    def __init__(self, paths: AppPaths, store: AnnotationStore) -> None:
        self.paths = paths
        self.store = store  # a file edited gets a new id: its annotations move with it
        # Article id → (label, name) of each distinct entity: filters and the entity index.
        self.entity_names = EntityNames()
        # Hears (done, total) when a listing must read files no progress was asked for:
        # after an upgrade of the recognizer every file is read again, which takes a while.
        self.indexing_progress: Callable[[int, int], None] | None = None
        self._dirty = False
        # Read on first use (in the TUI: by the worker that lists the library, not at start).
        self._loaded_index: dict[str, IndexEntry] | None = None
        self._index_lock = threading.Lock()
        self._save_lock = threading.Lock()
        # Called now and then while checking every file against the index (seconds at
        # 100k, holding no lock). A TUI sets it to wait while the user waits for a screen;
        # by default it just lets other threads run.
        self.pause_point: Callable[[], None] = _yield_to_other_threads
        # Asked in the same long loops: True stops them (IndexingStopped), e.g. on quit.
        self.should_stop: Callable[[], bool] = _never

    @property
    def _index(self) -> dict[str, IndexEntry]:
        if self._loaded_index is None:
            with self._index_lock:
                if self._loaded_index is None:
                    self._loaded_index = self._load_index()
        return self._loaded_index

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


def _yield_to_other_threads() -> None:
    time.sleep(0)


def _never() -> bool:
    return False


class IndexingStopped(Exception):
    """A long read of the library was asked to stop (the app is quitting)."""


def _index_header() -> dict[str, object]:
    from briefreader.entities.recognizer import (
        RECOGNIZER_VERSION,  # not at start: see entities/types.py
    )

    return {"version": INDEX_VERSION, "recognizer": RECOGNIZER_VERSION}
