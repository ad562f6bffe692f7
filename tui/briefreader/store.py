"""The user's work: tags and notes per article, the library's folders, and undo.

Everything here is saved the moment a change completes (one atomic write per change), so
quitting, a crash or a second instance never costs more than the change in flight. The UI
and the CLI both go through this class; neither touches TinyDB directly.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB
from tinydb.table import Table

from briefreader.storage import AtomicJSONStorage
from briefreader.tags import TagEdit, tag_key

SCHEMA_VERSION = 1


class _FreshIdTable(Table):
    """Compute the next id from the data each time: another process may have inserted."""

    def _get_next_id(self) -> int:
        self._next_id = None
        return super()._get_next_id()


class _Database(TinyDB):
    table_class = _FreshIdTable


@dataclass(frozen=True)
class ArticleRef:
    """What the store remembers about an article so exports work even if its file is gone."""

    id: str
    title: str = ""
    path: str | None = None
    date: str | None = None
    place: str | None = None
    agency: str | None = None


@dataclass
class Annotation:
    """Tags and note of one article, plus a snapshot of what it was."""

    article_id: str
    tags: list[str] = field(default_factory=list)
    note: str = ""
    title: str = ""
    path: str | None = None
    date: str | None = None
    place: str | None = None
    agency: str | None = None
    updated: str = ""

    @property
    def is_empty(self) -> bool:
        """An annotation with no tags and no note carries no work worth exporting."""
        return not self.tags and not self.note.strip()

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Annotation:
        """Rebuild from a stored document, tolerating fields a hand edit left out."""
        known = {name: doc[name] for name in cls.__dataclass_fields__ if name in doc}
        known["tags"] = [str(t) for t in known.get("tags", []) if isinstance(t, str)]
        known["note"] = str(known.get("note") or "")
        return cls(**known)

    def as_doc(self) -> dict[str, Any]:
        """The stored form: a flat JSON object a person can read in the file."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class UndoStep:
    """One user action, which may have touched several articles, undone as a whole."""

    description: str
    before: tuple[tuple[str, dict[str, Any] | None], ...]


class AnnotationStore:
    """Tags, notes and library folders in one TinyDB file, with an undo journal."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._storage_holder: list[AtomicJSONStorage] = []

        def make_storage(file: str) -> AtomicJSONStorage:
            storage = AtomicJSONStorage(file)
            self._storage_holder.append(storage)
            return storage

        self.db = _Database(str(path), storage=make_storage)
        self._annotations = self.db.table("annotations", cache_size=0)
        self._sources = self.db.table("library", cache_size=0)
        self._meta = self.db.table("meta", cache_size=0)
        self._undo: list[UndoStep] = []
        # Reading once surfaces a corrupt file now, not at the first change.
        self.db.tables()

    @property
    def problems(self) -> list[str]:
        """Messages about the database file (e.g. moved aside because it was corrupt)."""
        return self._storage_holder[0].problems

    def close(self) -> None:
        """Release the file; every change was already written."""
        self.db.close()

    # -- reading -----------------------------------------------------------------------

    def annotation(self, article_id: str) -> Annotation:
        """The annotation for an article, empty when it has none."""
        doc = self._annotations.get(Query().article_id == article_id)
        if doc is None:
            return Annotation(article_id)
        return Annotation.from_doc(dict(doc))

    def annotations(self) -> list[Annotation]:
        """All articles that have any tag or note, oldest change first."""
        found = [Annotation.from_doc(dict(doc)) for doc in self._annotations.all()]
        return sorted((a for a in found if not a.is_empty), key=lambda a: a.updated)

    def tag_counts(self) -> Counter[str]:
        """How many articles carry each tag, under the spelling first used."""
        counts: Counter[str] = Counter()
        spelling: dict[str, str] = {}
        for annotation in self.annotations():
            for tag in annotation.tags:
                counts[spelling.setdefault(tag_key(tag), tag)] += 1
        return counts

    # -- changing ----------------------------------------------------------------------

    def edit_tags(self, refs: list[ArticleRef], edit: TagEdit) -> int:
        """Add and remove tags on many articles as one undoable step; returns how many changed."""

        def change(annotation: Annotation) -> None:
            removed = {tag_key(t) for t in edit.remove}
            tags = [t for t in annotation.tags if tag_key(t) not in removed]
            present = {tag_key(t) for t in tags}
            for tag in edit.add:
                if tag_key(tag) not in present:
                    tags.append(tag)
                    present.add(tag_key(tag))
            annotation.tags = tags

        return self._apply(refs, change, _describe_edit(edit))

    def toggle_tag(self, ref: ArticleRef, tag: str) -> bool:
        """Quick-tag key: add the tag if missing, else remove it; returns whether it is now set."""
        has = tag_key(tag) in {tag_key(t) for t in self.annotation(ref.id).tags}
        edit = TagEdit(add=(), remove=(tag,)) if has else TagEdit(add=(tag,), remove=())
        self.edit_tags([ref], edit)
        return not has

    def set_note(self, ref: ArticleRef, note: str) -> bool:
        """Replace the article's note; returns False (and records nothing) when unchanged."""
        if self.annotation(ref.id).note == note:
            return False

        def change(annotation: Annotation) -> None:
            annotation.note = note

        return bool(self._apply([ref], change, "edit note"))

    def undo(self) -> str | None:
        """Revert the last change; returns its description, or None when nothing is left."""
        if not self._undo:
            return None
        step = self._undo.pop()
        for article_id, before in step.before:
            condition = Query().article_id == article_id
            if before is None:
                self._annotations.remove(condition)
            else:
                self._annotations.upsert(before, condition)
        return step.description

    @property
    def can_undo(self) -> bool:
        """Whether `u` has anything to revert in this session."""
        return bool(self._undo)

    def merge(self, incoming: Annotation) -> bool:
        """Merge an imported annotation: tags are united, a different note is appended."""
        current = self.annotation(incoming.article_id)
        tags = list(current.tags)
        keys = {tag_key(t) for t in tags}
        tags += [t for t in incoming.tags if tag_key(t) not in keys]
        note = current.note
        if incoming.note.strip() and incoming.note.strip() not in note:
            note = f"{note.rstrip()}\n\n{incoming.note}" if note.strip() else incoming.note
        if tags == current.tags and note == current.note:
            return False
        ref = ArticleRef(
            incoming.article_id,
            incoming.title,
            incoming.path,
            incoming.date,
            incoming.place,
            incoming.agency,
        )

        def change(annotation: Annotation) -> None:
            annotation.tags, annotation.note = tags, note

        return bool(self._apply([ref], change, "import"))

    def _ensure_schema(self) -> None:
        if not self._meta.all():
            self._meta.insert({"schema": SCHEMA_VERSION})

    def _apply(self, refs: list[ArticleRef], change: Any, description: str) -> int:
        self._ensure_schema()
        before: list[tuple[str, dict[str, Any] | None]] = []
        changed = 0
        for ref in refs:
            condition = Query().article_id == ref.id
            old_doc = self._annotations.get(condition)
            annotation = self.annotation(ref.id)
            original = copy.deepcopy(annotation.as_doc())
            change(annotation)
            if annotation.tags == original["tags"] and annotation.note == original["note"]:
                continue
            annotation.title = ref.title or annotation.title
            annotation.path = ref.path or annotation.path
            annotation.date = ref.date or annotation.date
            annotation.place = ref.place or annotation.place
            annotation.agency = ref.agency or annotation.agency
            annotation.updated = datetime.now(UTC).isoformat(timespec="seconds")
            before.append((ref.id, dict(old_doc) if old_doc is not None else None))
            self._annotations.upsert(annotation.as_doc(), condition)
            changed += 1
        if before:
            self._undo.append(UndoStep(description, tuple(before)))
        return changed

    # -- library folders -----------------------------------------------------------------

    def sources(self) -> list[Path]:
        """Files and folders the user added, in the order added."""
        return [
            Path(doc["path"]) for doc in self._sources.all() if isinstance(doc.get("path"), str)
        ]

    def add_source(self, path: Path) -> bool:
        """Remember a file or folder; returns False when it (or a folder holding it) is known."""
        resolved = path.resolve()
        for known in self.sources():
            if resolved == known or known in resolved.parents:
                return False
        self._ensure_schema()
        self._sources.insert({"path": str(resolved)})
        return True


def _describe_edit(edit: TagEdit) -> str:
    parts = [f"+{t}" for t in edit.add] + [f"-{t}" for t in edit.remove]
    return "tag " + " ".join(parts)
