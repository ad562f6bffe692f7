"""The set of articles a person reads: their folders (or the bundled samples) and an index.

Parsing and entity recognition run once per file version: the index remembers each file's
size and modification time with its parsed fields and entity spans, so opening the library
again does not re-read unchanged files. The index is a cache; deleting it loses nothing.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from briefreader.articles import (
    ARTICLE_SUFFIXES,
    Article,
    ArticleError,
    iter_article_files,
    read_article,
)
from briefreader.atomicfile import atomic_write_text
from briefreader.entities import Entity, recognize
from briefreader.paths import AppPaths
from briefreader.store import AnnotationStore, ArticleRef

INDEX_VERSION = 3
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
        return self.date_iso or ""


@dataclass
class AddReport:
    """What `add` did, so the CLI and the TUI can say it in words."""

    added: list[ArticleSummary] = field(default_factory=list)
    already: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # Added, but read with a caveat the user should know about (encoding, size).
    warnings: list[tuple[str, str]] = field(default_factory=list)


def seeds_folder() -> Path:
    """The bundled sample articles: inside the installed package, or the source checkout."""
    packaged = Path(str(resources.files("briefreader"))) / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "seeds"


class Library:
    """Articles from the user's folders, or the samples when there are none yet."""

    def __init__(self, paths: AppPaths, store: AnnotationStore) -> None:
        self.paths = paths
        self.store = store
        self._index: dict[str, dict[str, Any]] = self._load_index()
        self._dirty = False
        self._summaries: list[ArticleSummary] | None = None
        # Article id → (label, name) of each distinct entity: filters and the entity index.
        self.entity_names: dict[str, tuple[tuple[str, str], ...]] = {}

    # -- index cache -------------------------------------------------------------------

    def _load_index(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.paths.index_file.read_text("utf-8"))
        except (OSError, ValueError):
            return {}  # a cache: missing or damaged means rebuild
        if not isinstance(data, dict) or data.get("version") != INDEX_VERSION:
            return {}
        files = data.get("files")
        return files if isinstance(files, dict) else {}

    def _save_index(self) -> None:
        if self._dirty:
            payload = {"version": INDEX_VERSION, "files": self._index}
            atomic_write_text(self.paths.index_file, json.dumps(payload, ensure_ascii=False))
            self._dirty = False

    def _indexed(self, path: Path) -> tuple[ArticleSummary, list[Entity]]:
        """Parse and recognise a file, or take both from the index when it is unchanged."""
        info = path.stat()
        key = str(path)
        cached = self._index.get(key)
        if (
            cached
            and cached.get("size") == info.st_size
            and cached.get("mtime") == info.st_mtime_ns
        ):
            fields = dict(cached["summary"])
            fields["notes"] = tuple(fields.get("notes") or ())
            summary = ArticleSummary(**fields)
            text_entities = [Entity(s, e, label, "") for s, e, label in cached["entities"]]
            self._remember_names(summary.id, cached.get("names") or [])
            return summary, text_entities
        article = read_article(path)
        entities = recognize(article.text)
        summary = summarise(article, len(entities))
        self._index[key] = {
            "size": info.st_size,
            "mtime": info.st_mtime_ns,
            "summary": asdict(summary),
            "entities": [[e.start, e.end, e.label] for e in entities],
            "names": names_of(entities),
        }
        self._remember_names(summary.id, self._index[key]["names"])
        self._dirty = True
        return summary, entities

    def _remember_names(self, article_id: str, names: list[list[str]]) -> None:
        # Interned: the same few thousand names recur across a large library.
        self.entity_names[article_id] = tuple(
            (sys.intern(label), sys.intern(name)) for label, name in names
        )

    # -- the library -------------------------------------------------------------------

    @property
    def showing_samples(self) -> bool:
        """True on a first run: nothing added yet, so the bundled samples are listed."""
        return not self.store.sources()

    def summaries(self, refresh: bool = False) -> list[ArticleSummary]:
        """Every article, newest first; the samples when the user has added nothing."""
        if self._summaries is not None and not refresh:
            return self._summaries
        roots = self.store.sources() or [seeds_folder()]
        seen: set[str] = set()
        found: list[ArticleSummary] = []
        for root in roots:
            for path in iter_article_files(root):
                try:
                    summary, _ = self._indexed(path)
                except (ArticleError, OSError):
                    continue  # `add` reported it; the list shows what can be read
                if summary.id not in seen:
                    seen.add(summary.id)
                    found.append(summary)
        self._save_index()
        found.sort(key=lambda s: (s.sort_date, s.path), reverse=True)
        self._summaries = found
        return found

    def add(
        self, targets: Iterable[Path], progress: Callable[[int, int], None] | None = None
    ) -> AddReport:
        """Remember files and folders, index every article in them, report what happened."""
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
            self.store.add_source(target)
            files.extend(iter_article_files(target.resolve()))
        for done, path in enumerate(files, start=1):
            try:
                summary, _ = self._indexed(path)
            except ArticleError as error:
                report.skipped.append((str(path), str(error)))
            except OSError as error:
                report.skipped.append((str(path), error.strerror or str(error)))
            else:
                report.warnings.extend((str(path), note) for note in summary.notes)
                if summary.id in known:
                    report.already += 1
                else:
                    known.add(summary.id)
                    report.added.append(summary)
            if progress:
                progress(done, len(files))
        self._save_index()
        self._summaries = None
        return report

    def load(self, summary: ArticleSummary) -> tuple[Article, list[Entity]]:
        """The full article with its entities, read from its file when it is opened."""
        path = Path(summary.path)
        article = read_article(path)
        _, spans = self._indexed(path)
        self._save_index()
        entities = [Entity(e.start, e.end, e.label, article.text[e.start : e.end]) for e in spans]
        return article, entities

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


def names_of(entities: list[Entity]) -> list[list[str]]:
    """Each distinct (label, name) once, in order of first mention."""
    seen = dict.fromkeys((e.label, " ".join(e.text.split())) for e in entities)
    return [[label, name] for label, name in seen if name]
