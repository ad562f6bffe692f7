"""The set of articles a person reads: their folders (or the bundled samples) and an index.

Parsing and entity recognition run once per file version: the index remembers each file's
size and modification time with its parsed fields and entity spans, so opening the library
again does not re-read unchanged files. The index is a cache; deleting it loses nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import orjson

from briefreader.articles import (
    ARTICLE_SUFFIXES,
    Article,
    ArticleError,
    iter_article_files,
    month_day_key,
    read_article,
)
from briefreader.atomicfile import atomic_write_bytes
from briefreader.config import EntitySettings
from briefreader.corrections import apply_corrections
from briefreader.entities import Entity
from briefreader.entity_backend import EntityBackend
from briefreader.indexing import (
    content_hash,
    decode_names,
    decode_spans,
    index_files,
    index_record,
)
from briefreader.paths import AppPaths
from briefreader.store import AnnotationStore, ArticleRef

INDEX_VERSION = 4
LEDE_CHARS = 240


@dataclass(frozen=True)
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


def seeds_folder() -> Path:
    """The bundled sample articles: inside the installed package, or the source checkout."""
    packaged = Path(str(resources.files("briefreader"))) / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "seeds"


class EntityNames:
    """Article id → its distinct entities as (label, name), kept packed until asked for."""

    def __init__(self) -> None:
        self.packed: dict[str, str] = {}

    def get(
        self, article_id: str, default: tuple[tuple[str, str], ...] = ()
    ) -> tuple[tuple[str, str], ...]:
        """The article's entities, or `default` when the library does not know it."""
        packed = self.packed.get(article_id)
        return default if packed is None else decode_names(packed)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EntityNames) and self.packed == other.packed

    __hash__ = None  # type: ignore[assignment]


class Library:
    """Articles from the user's folders, or the samples when there are none yet."""

    def __init__(
        self, paths: AppPaths, store: AnnotationStore, backend: EntityBackend | None = None
    ) -> None:
        self.paths = paths
        self.store = store
        # The recognizer config.toml chose for opened articles; the index keeps the rules'.
        self.backend = backend or EntityBackend(EntitySettings(), paths.data_dir)
        self._index: dict[str, dict[str, Any]] = self._load_index()
        self._dirty = False
        self._summaries: list[ArticleSummary] | None = None
        # Article id → (label, name) of each distinct entity: filters and the entity index.
        self.entity_names = EntityNames()

    # -- index cache -------------------------------------------------------------------

    def _load_index(self) -> dict[str, dict[str, Any]]:
        try:
            data = orjson.loads(self.paths.index_file.read_bytes())
        except (OSError, ValueError):
            return {}  # a cache: missing or damaged means rebuild
        if not isinstance(data, dict) or data.get("version") != INDEX_VERSION:
            return {}
        files = data.get("files")
        return files if isinstance(files, dict) else {}

    def _save_index(self) -> None:
        if self._dirty:
            payload = {"version": INDEX_VERSION, "files": self._index}
            atomic_write_bytes(self.paths.index_file, orjson.dumps(payload))
            self._dirty = False

    def _cached(self, path: Path) -> ArticleSummary | None:
        """The index's entry for a file if the file has not changed since, else None."""
        key = str(path)
        cached = self._index.get(key)
        if not cached:
            return None
        info = path.stat()
        if cached.get("size") != info.st_size or cached.get("mtime") != info.st_mtime_ns:
            # Touched, copied or restored: the same bytes need no second parse.
            if cached.get("sha") != content_hash(path):
                return None
            cached["size"], cached["mtime"] = info.st_size, info.st_mtime_ns
            self._dirty = True
        return self._summary_of(cached)

    def _summary_of(self, record: dict[str, Any]) -> ArticleSummary:
        fields = dict(record["summary"])
        fields["notes"] = tuple(fields.get("notes") or ())
        summary = ArticleSummary(**fields)
        self.entity_names.packed[summary.id] = record.get("names") or ""
        return summary

    def _keep(self, path_text: str, record: dict[str, Any]) -> ArticleSummary:
        before = self._index.get(path_text)
        self._index[path_text] = record
        self._dirty = True
        summary = self._summary_of(record)
        old_id = (before or {}).get("summary", {}).get("id")
        if old_id and old_id != summary.id:
            # The same file, edited: its id (a hash of the text) changed, the work must not.
            self.store.move_article(old_id, summary.id)
        return summary

    def _indexed(self, path: Path) -> tuple[ArticleSummary, list[Entity]]:
        """Parse and recognise a file, or take both from the index when it is unchanged."""
        summary = self._cached(path)
        if summary is None:
            path_text, record, reason = index_record(str(path))
            if record is None:
                raise ArticleError(reason or "unreadable")
            summary = self._keep(path_text, record)
        return summary, decode_spans(self._index[str(path)]["entities"])

    def _index_many(
        self,
        paths: list[Path],
        progress: Callable[[int, int], None] | None = None,
        found: Callable[[ArticleSummary], None] | None = None,
    ) -> list[tuple[Path, ArticleSummary | None, str | None]]:
        """Index many files: cached ones at once, the rest in parallel; in the given order."""
        results: dict[Path, tuple[ArticleSummary | None, str | None]] = {}
        stale: list[str] = []
        for path in paths:
            try:
                hit = self._cached(path)
            except OSError as error:
                results[path] = (
                    None,
                    "file not found"
                    if isinstance(error, FileNotFoundError)
                    else error.strerror or str(error),
                )
                continue
            if hit is None:
                stale.append(str(path))
            else:
                results[path] = (hit, None)
        done = len(results)
        total = len(paths)
        if progress and done:
            progress(done, total)
        for path_text, record, reason in index_files(stale):
            done += 1
            summary = self._keep(path_text, record) if record is not None else None
            results[Path(path_text)] = (summary, reason)
            if found and summary is not None:
                found(summary)
            if progress:
                progress(done, total)
        self._save_index()
        return [(path, *results[path]) for path in paths]

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
    ) -> list[ArticleSummary]:
        """Every article, newest first; the samples when the user has added nothing.

        `trust_index` answers from the index alone, without walking folders or checking
        files: the fast first screen, to be followed by a normal call that catches changes.
        """
        if self._summaries is not None and not refresh:
            return self._summaries
        roots = self.store.sources() or [seeds_folder()]
        if trust_index and self._index:
            prefixes = tuple(str(root) + os.sep for root in roots)
            exact = {str(root) for root in roots}
            records = [
                record
                for path_text, record in self._index.items()
                if path_text.startswith(prefixes) or path_text in exact
            ]
            found = _unique_sorted(self._summary_of(record) for record in records)
            return found  # not remembered: the checked list replaces it
        files = [path for root in roots for path in iter_article_files(root)]
        # Unreadable files were reported by `add`; the list shows what can be read.
        found = _unique_sorted(
            summary for _path, summary, _reason in self._index_many(files, progress) if summary
        )
        self._summaries = found
        return found

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
        known = {s.id for s in self.summaries()} if not self.showing_samples else set()
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
        return report

    def load(self, summary: ArticleSummary) -> tuple[Article, list[Entity]]:
        """The full article with its entities, read from its file when it is opened."""
        path = Path(summary.path)
        article = read_article(path)
        _, spans = self._indexed(path)
        self._save_index()
        entities = self.backend.entities(article.text)
        if entities is None:  # the rules backend, or spaCy still loading (or unavailable)
            entities = [
                Entity(e.start, e.end, e.label, article.text[e.start : e.end]) for e in spans
            ]
        # The user's corrections apply to every article, after recognition, never cached.
        return article, apply_corrections(article.text, entities, self.store.corrections())

    def resolve(self, path_or_id: str) -> ArticleSummary:
        """Find an article by file path or by (a unique prefix of) its id."""
        candidate = Path(path_or_id).expanduser()
        if candidate.is_file():
            summary, _ = self._indexed(candidate.resolve())
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
