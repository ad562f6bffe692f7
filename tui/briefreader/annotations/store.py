"""The user's work: tags, notes and highlights per article, the library's folders, undo.

Every change is on disk (an fsynced journal line) the moment its method returns, so
quitting, a crash or a second instance never costs more than the change in flight. The UI
and the CLI both go through this class; neither touches TinyDB directly.
"""

from __future__ import annotations

import copy
import shutil
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from tinydb import Query

from briefreader.annotations.anchors import TextQuote, attach, quote
from briefreader.annotations.fasttable import InPlaceTinyDB
from briefreader.annotations.migrations import CURRENT_SCHEMA, migrate, schema_of
from briefreader.annotations.repair import repair_tables
from briefreader.annotations.storage import JournaledJSONStorage, NewerSchemaError
from briefreader.annotations.tags import TagEdit, normalise_tag, tag_key
from briefreader.entities.corrections import Correction

SCHEMA_VERSION = CURRENT_SCHEMA
HIGHLIGHT_COLOURS = ("yellow", "green", "blue", "red")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


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
    """Tags and note of one article, plus a snapshot of what the article was."""

    article_id: str
    tags: list[str] = field(default_factory=list)
    note: str = ""
    title: str = ""
    path: str | None = None
    date: str | None = None
    place: str | None = None
    agency: str | None = None
    created: str = ""
    updated: str = ""

    @property
    def is_empty(self) -> bool:
        """An annotation with no tags and no note carries no work worth exporting."""
        return not self.tags and not self.note.strip()

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Annotation:
        """Rebuild from a stored document, tolerating fields a hand edit left out."""
        known = {name: doc[name] for name in cls.__dataclass_fields__ if name in doc}
        known["tags"] = [str(t) for t in known.get("tags", []) or [] if isinstance(t, str)]
        known["note"] = str(known.get("note") or "")
        known["title"] = str(known.get("title") or "")
        return cls(**known)

    def as_doc(self) -> dict[str, Any]:
        """The stored form: a flat JSON object a person can read in the file."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class Highlight:
    """A highlighted passage of an article, anchored so it survives edits to the file."""

    id: str
    article_id: str
    selector: TextQuote
    colour: str
    comment: str = ""
    created: str = ""

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Highlight:
        """Rebuild from a stored document."""
        return cls(
            id=str(doc["id"]),
            article_id=str(doc["article_id"]),
            selector=TextQuote.from_doc(doc.get("selector") or {}),
            colour=str(doc.get("colour") or HIGHLIGHT_COLOURS[0]),
            comment=str(doc.get("comment") or ""),
            created=str(doc.get("created") or ""),
        )

    def as_doc(self) -> dict[str, Any]:
        """The stored form."""
        return {
            "id": self.id,
            "article_id": self.article_id,
            "selector": self.selector.as_doc(),
            "colour": self.colour,
            "comment": self.comment,
            "created": self.created,
        }


@dataclass(frozen=True)
class AttachedHighlight:
    """A highlight and where it is in the article's current text (None: orphaned)."""

    highlight: Highlight
    span: tuple[int, int] | None

    @property
    def orphaned(self) -> bool:
        """The quoted passage is no longer in the text; kept and listed, never dropped."""
        return self.span is None


class CorrectionMerge(Enum):
    """What importing one entity correction did: what the import report counts."""

    ADDED = "added"
    SAME = "same"  # already here, saying the same
    CONFLICT = "conflict"  # here, saying something else: the one here is kept


@dataclass(frozen=True)
class ReadingState:
    """Whether an article was opened and whether it is starred: the list's read marks."""

    read: bool = False
    starred: bool = False


# One recorded document change: table, key field, key value, before, after.
_Change = tuple[str, str, str, dict[str, Any] | None, dict[str, Any] | None]


@dataclass(frozen=True)
class JournalStep:
    """One user action, which may have touched many documents, undone and redone whole."""

    description: str
    changes: tuple[_Change, ...]


class AnnotationStore:
    """Tags, notes, highlights and library folders in one TinyDB file, with undo/redo."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.storage = JournaledJSONStorage(path)
        storage = self.storage
        self.db = InPlaceTinyDB(str(path), storage=lambda _path: storage)
        self._tables = {
            name: self.db.table(name, cache_size=0)
            for name in (
                "annotations",
                "highlights",
                "library",
                "meta",
                "reading",
                "stars",
                "corrections",
            )
        }
        self._undo: list[JournalStep] = []
        self._redo: list[JournalStep] = []
        self.migrated_from: int | None = None
        # key value → TinyDB doc id, per (table, key field); rebuilt after outside changes.
        self._indexes: dict[tuple[str, str], dict[str, int]] = {}
        self._indexed_generation = -1
        self._upgrade_schema()
        self._repair_hand_edits()

    @property
    def problems(self) -> list[str]:
        """Messages about the database file (moved aside as corrupt, migrated, …)."""
        return self.storage.problems

    def close(self) -> None:
        """Fold the journal into the JSON file and release it; every change was saved."""
        self.db.close()

    # -- schema ------------------------------------------------------------------------

    def _upgrade_schema(self) -> None:
        with self.storage.transaction():
            raw = self.storage.read() or {}
            version = schema_of(raw) if raw else CURRENT_SCHEMA
            if version > CURRENT_SCHEMA:
                raise NewerSchemaError(
                    f"{self.path} was written by a newer briefreader (schema {version}); "
                    "upgrade briefreader to open it"
                )
            if version == CURRENT_SCHEMA:
                return
            kept = self.path.with_name(f"{self.path.name}.schema-{version}.bak")
            if self.storage.pending_changes:
                self.storage.compact()  # the kept copy must hold every saved change
            shutil.copy2(self.path, kept)
            tables, self.migrated_from = migrate(copy.deepcopy(raw))
            self.storage.write(tables)
            self.storage.compact()
            self.problems.append(
                f"Upgraded {self.path} from schema {version} to {CURRENT_SCHEMA}; "
                f"the old file is kept as {kept}."
            )

    def _repair_hand_edits(self) -> None:
        """Normalise documents a person edited into the wrong shape; keep the file as it was."""
        with self.storage.transaction():
            raw = self.storage.read() or {}
            repaired, report = repair_tables(raw)
            if not report.changed:
                return
            kept = self.storage.keep_copy("hand-edited")
            self.storage.write(repaired)
            self.storage.compact()
        left_out = (
            f"{report.left_out} entries it could not read were left out"
            if report.left_out
            else "nothing was left out"
        )
        self.problems.append(
            f"{self.path} had been edited by hand: {report.normalised} entries were fixed and "
            f"{left_out}. The file as it was is kept as {kept}; "
            "fix it there and copy it back with briefreader closed."
        )

    def _index(self, table: str, key: str) -> dict[str, int]:
        """Doc ids by key, so a lookup never scans every document."""
        self.storage.read()  # notice another instance's changes first
        if self._indexed_generation != self.storage.generation:
            self._indexes.clear()
            self._indexed_generation = self.storage.generation
        index = self._indexes.get((table, key))
        if index is None:
            index = {}
            for doc in self._tables[table].all():
                if isinstance(doc.get(key), str):
                    index[doc[key]] = doc.doc_id
            self._indexes[(table, key)] = index
        return index

    def _get(self, table: str, key: str, value: str) -> dict[str, Any] | None:
        doc_id = self._index(table, key).get(value)
        doc = self._tables[table].get(doc_id=doc_id) if doc_id is not None else None
        return dict(doc) if doc is not None else None

    @contextmanager
    def _changing(self) -> Iterator[None]:
        """One transaction that writes documents; the file records its schema with the first.

        Every write goes through here: a file whose first change was a read mark once had
        no schema, and the next start "upgraded" it from schema 1.
        """
        with self.storage.transaction():
            if not self._tables["meta"].all():
                self._tables["meta"].insert({"schema": CURRENT_SCHEMA})
            yield

    # -- reading -----------------------------------------------------------------------

    def annotation(self, article_id: str) -> Annotation:
        """The annotation for an article, empty when it has none."""
        doc = self._get("annotations", "article_id", article_id)
        return Annotation(article_id) if doc is None else Annotation.from_doc(doc)

    def annotations(self) -> list[Annotation]:
        """All articles that have any tag or note, oldest change first."""
        found = [Annotation.from_doc(dict(doc)) for doc in self._tables["annotations"].all()]
        return sorted((a for a in found if not a.is_empty), key=lambda a: a.updated)

    def annotation_map(self) -> dict[str, Annotation]:
        """Every stored annotation by article id, read in one pass for building long lists."""
        found = (Annotation.from_doc(dict(doc)) for doc in self._tables["annotations"].all())
        return {a.article_id: a for a in found}

    def annotated_ids(self) -> set[str]:
        """Ids of articles with any work on them: tags, a note, a highlight or a star.

        The library keeps such articles listed even when their folder is no longer one of
        the library's (the bundled samples, once the user adds a folder of their own).
        """
        ids: set[object] = {a.article_id for a in self.annotations()}
        for table in ("highlights", "stars"):
            ids.update(doc.get("article_id") for doc in self._tables[table].all())
        return {i for i in ids if isinstance(i, str)}

    def highlight_counts(self) -> Counter[str]:
        """How many highlights each article has, for the list's marks and filters."""
        return Counter(
            str(doc["article_id"])
            for doc in self._tables["highlights"].all()
            if doc.get("article_id") is not None
        )

    def tag_counts(self) -> Counter[str]:
        """How many articles carry each tag, under the spelling first used."""
        counts: Counter[str] = Counter()
        spelling: dict[str, str] = {}
        for annotation in self.annotations():
            for tag in annotation.tags:
                counts[spelling.setdefault(tag_key(tag), tag)] += 1
        return counts

    def highlights(self, article_id: str) -> list[Highlight]:
        """An article's highlights in reading order of where they were made."""
        docs = self._tables["highlights"].search(Query().article_id == article_id)
        found = [Highlight.from_doc(dict(doc)) for doc in docs]
        return sorted(found, key=lambda h: (h.selector.start, h.created))

    def all_highlights(self) -> dict[str, list[Highlight]]:
        """Every highlight by article, in reading order: for exports and backups."""
        found: dict[str, list[Highlight]] = {}
        for doc in self._tables["highlights"].all():
            highlight = Highlight.from_doc(dict(doc))
            found.setdefault(highlight.article_id, []).append(highlight)
        for highlights in found.values():
            highlights.sort(key=lambda h: (h.selector.start, h.created, h.id))
        return found

    def merge_highlight(self, incoming: Highlight) -> bool:
        """Restore a highlight from a backup by its id: added, or updated when it differs."""
        current = self._get("highlights", "id", incoming.id)
        if current is not None and Highlight.from_doc(current) == incoming:
            return False
        with self._recording("import highlight") as changes:
            self._put(changes, "highlights", "id", incoming.id, incoming.as_doc())
        return True

    def merge_star(self, article_id: str) -> bool:
        """Star from a backup; an article already starred stays as it is."""
        if self.reading_state(article_id).starred:
            return False
        self.toggle_star([article_id])
        return True

    def attached_highlights(self, article_id: str, text: str) -> list[AttachedHighlight]:
        """Highlights placed on the article's current text; orphans keep span None."""
        return [AttachedHighlight(h, attach(h.selector, text)) for h in self.highlights(article_id)]

    # -- the journal -------------------------------------------------------------------

    @contextmanager
    def _recording(self, description: str) -> Iterator[list[_Change]]:
        """Collect document changes of one action into one undoable step."""
        changes: list[_Change] = []
        with self._changing():
            yield changes
        if changes:
            self._undo.append(JournalStep(description, tuple(changes)))
            self._redo.clear()

    def _put(
        self, changes: list[_Change], table: str, key: str, value: str, doc: dict[str, Any] | None
    ) -> None:
        """Write (or delete, when doc is None) one document and record before/after."""
        before_doc = self._get(table, key, value)
        if before_doc == doc:
            return
        self._write_doc(table, key, value, doc)
        changes.append((table, key, value, before_doc, copy.deepcopy(doc)))

    def _write_doc(self, table: str, key: str, value: str, doc: dict[str, Any] | None) -> None:
        index = self._index(table, key)
        doc_id = index.get(value)
        target = self._tables[table]
        if doc is None:
            if doc_id is not None:
                target.remove(doc_ids=[doc_id])
                del index[value]
        elif doc_id is None:
            index[value] = target.insert(copy.deepcopy(doc))
        else:

            def replace(stored: MutableMapping[Any, Any]) -> None:
                # Replace, not merge: a field the change removed must leave the file too.
                stored.clear()
                stored.update(copy.deepcopy(doc))

            target.update(replace, doc_ids=[doc_id])

    def undo(self) -> str | None:
        """Revert the last change; returns its description, or None when nothing is left."""
        return self._replay(self._undo, self._redo, before=True)

    def redo(self) -> str | None:
        """Re-apply the last undone change; returns its description, or None."""
        return self._replay(self._redo, self._undo, before=False)

    def _replay(
        self, source: list[JournalStep], target: list[JournalStep], before: bool
    ) -> str | None:
        if not source:
            return None
        step = source.pop()
        with self._changing():
            ordered = reversed(step.changes) if before else step.changes
            for table, key, value, old, new in ordered:
                self._write_doc(table, key, value, old if before else new)
        target.append(step)
        return step.description

    @property
    def can_undo(self) -> bool:
        """Whether `u` has anything to revert in this session."""
        return bool(self._undo)

    # -- changing annotations ------------------------------------------------------------

    def edit_tags(self, refs: list[ArticleRef], edit: TagEdit) -> int:
        """Add and remove tags on many articles as one undoable step; returns how many changed."""
        # Every way in (keys, CLI, import, scripts) stores a tag the same way.
        add = [t for t in map(normalise_tag, edit.add) if t]
        remove = [t for t in map(normalise_tag, edit.remove) if t]

        def change(annotation: Annotation) -> None:
            removed = {tag_key(t) for t in remove}
            tags = [t for t in annotation.tags if tag_key(t) not in removed]
            present = {tag_key(t) for t in tags}
            for tag in add:
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

    def merge(self, incoming: Annotation) -> bool:
        """Merge an imported annotation: tags are united, a different note is appended.

        An article with no local annotation takes the imported one as it was, timestamps
        included, so export → import → export gives the same file.
        """
        current = self.annotation(incoming.article_id)
        tags = list(current.tags)
        keys = {tag_key(t) for t in tags}
        for raw in incoming.tags:
            tag = normalise_tag(raw)
            if tag and tag_key(tag) not in keys:
                tags.append(tag)
                keys.add(tag_key(tag))
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

        fresh = current.is_empty and bool(incoming.updated)
        stamps = (incoming.created or incoming.updated, incoming.updated) if fresh else None
        return bool(self._apply([ref], change, "import", stamps))

    def _apply(
        self,
        refs: list[ArticleRef],
        change: Callable[[Annotation], None],
        description: str,
        stamps: tuple[str, str] | None = None,
    ) -> int:
        changed = 0
        with self._recording(description) as changes:
            for ref in refs:
                annotation = self.annotation(ref.id)
                original = (list(annotation.tags), annotation.note)
                change(annotation)
                if (annotation.tags, annotation.note) == original:
                    continue
                annotation.title = ref.title or annotation.title
                annotation.path = ref.path or annotation.path
                annotation.date = ref.date or annotation.date
                annotation.place = ref.place or annotation.place
                annotation.agency = ref.agency or annotation.agency
                if stamps is not None:
                    annotation.created, annotation.updated = stamps
                else:
                    annotation.updated = _now()
                    annotation.created = annotation.created or annotation.updated
                doc = None if annotation.is_empty else annotation.as_doc()
                self._put(changes, "annotations", "article_id", ref.id, doc)
                changed += 1
        return changed

    def rename_tag(self, old: str, new: str) -> int:
        """Rename a tag on every article (merging into `new` where it exists), one undo step.

        `old` also matches as stored, so a tag an older version kept unnormalised (such as
        '#', left by a control character) can still be renamed into a real one.
        """
        old_keys = {tag_key(old), tag_key(normalise_tag(old))} - {""}
        new_tag = normalise_tag(new)
        if not old_keys or not new_tag:
            return 0
        refs = [
            ArticleRef(a.article_id)
            for a in self.annotations()
            if any(tag_key(t) in old_keys for t in a.tags)
        ]

        def change(annotation: Annotation) -> None:
            renamed = [new_tag if tag_key(t) in old_keys else t for t in annotation.tags]
            annotation.tags = list({tag_key(t): t for t in reversed(renamed)}.values())[::-1]

        return self._apply(refs, change, f"rename #{old} to #{new_tag}")

    def move_article(self, old_id: str, new_id: str) -> bool:
        """Carry everything from an article's old id to its new one (its file was edited).

        Tags and notes merge into whatever the new id already has, highlights and marks
        follow (their quotes re-attach to the new text, or are listed as orphans), and the
        old id keeps nothing. One undo step.
        """
        if old_id == new_id:
            return False
        old = self.annotation(old_id)
        highlights = self.highlights(old_id)
        state = self.reading_state(old_id)
        if old.is_empty and not highlights and state == ReadingState():
            return False
        with self._recording("file edited: annotations follow") as changes:
            if not old.is_empty:
                current = self.annotation(new_id)
                moved = Annotation.from_doc({**old.as_doc(), "article_id": new_id})
                if not current.is_empty:
                    moved.tags = current.tags + [
                        t for t in old.tags if tag_key(t) not in {tag_key(c) for c in current.tags}
                    ]
                    notes = [n for n in (current.note.strip(), old.note.strip()) if n]
                    moved.note = "\n\n".join(dict.fromkeys(notes))
                self._put(changes, "annotations", "article_id", new_id, moved.as_doc())
                self._put(changes, "annotations", "article_id", old_id, None)
            for highlight in highlights:
                doc = {**highlight.as_doc(), "article_id": new_id}
                self._put(changes, "highlights", "id", highlight.id, doc)
            for table in ("reading", "stars"):
                row = self._get(table, "article_id", old_id)
                if row is not None:
                    if self._get(table, "article_id", new_id) is None:
                        self._put(
                            changes, table, "article_id", new_id, {**row, "article_id": new_id}
                        )
                    self._put(changes, table, "article_id", old_id, None)
        return True

    # -- reading state -----------------------------------------------------------------

    def reading_state(self, article_id: str) -> ReadingState:
        """Read and starred marks of one article."""
        return ReadingState(
            read=self._get("reading", "article_id", article_id) is not None,
            starred=self._get("stars", "article_id", article_id) is not None,
        )

    def change_stamp(self) -> tuple[int, int]:
        """How far the data has changed: another process's writes reloaded, and our own.

        Rows built in a worker are kept only if this did not move while they were built.
        """
        return (self.storage.generation, self.storage.writes)

    def reading_states(self) -> dict[str, ReadingState]:
        """Every article's marks at once, for building a long list without a lookup per row."""
        read = {doc.get("article_id") for doc in self._tables["reading"].all()}
        starred = {doc.get("article_id") for doc in self._tables["stars"].all()}
        return {
            article_id: ReadingState(article_id in read, article_id in starred)
            for article_id in (read | starred)
            if isinstance(article_id, str)
        }

    def set_read(self, article_id: str, read: bool = True) -> bool:
        """Mark opened (or unread again); not an annotation, so not on the undo journal."""
        if self.reading_state(article_id).read == read:
            return False
        doc = {"article_id": article_id, "read_at": _now()} if read else None
        with self._changing():
            self._write_doc("reading", "article_id", article_id, doc)
        return True

    def toggle_star(self, article_ids: list[str]) -> bool:
        """Star the articles (unstar when all are starred already); one undo step."""
        star = not all(self.reading_state(i).starred for i in article_ids)
        with self._recording("star" if star else "unstar") as changes:
            for article_id in article_ids:
                had = self._get("stars", "article_id", article_id)
                doc = (had or {"article_id": article_id, "starred_at": _now()}) if star else None
                self._put(changes, "stars", "article_id", article_id, doc)
        return star

    # -- highlights --------------------------------------------------------------------

    def add_highlight(
        self, ref: ArticleRef, text: str, start: int, end: int, colour: str, comment: str = ""
    ) -> Highlight:
        """Highlight text[start:end] of an article; anchored by quote, context and offsets."""
        highlight = Highlight(
            id=uuid.uuid4().hex[:12],
            article_id=ref.id,
            selector=quote(text, start, end),
            colour=colour,
            comment=comment,
            created=_now(),
        )
        with self._recording(f"highlight “{_short(highlight.selector.exact)}”") as changes:
            self._put(changes, "highlights", "id", highlight.id, highlight.as_doc())
        return highlight

    def set_highlight_comment(self, highlight_id: str, comment: str) -> bool:
        """Attach or change the comment on a highlight."""
        doc = self._get("highlights", "id", highlight_id)
        if doc is None or doc.get("comment") == comment:
            return False
        with self._recording("comment on highlight") as changes:
            self._put(changes, "highlights", "id", highlight_id, {**doc, "comment": comment})
        return True

    def delete_highlight(self, highlight_id: str) -> bool:
        """Remove a highlight; undo brings it back."""
        if self._get("highlights", "id", highlight_id) is None:
            return False
        with self._recording("delete highlight") as changes:
            self._put(changes, "highlights", "id", highlight_id, None)
        return True

    # -- entity corrections ------------------------------------------------------------

    def corrections(self) -> list[Correction]:
        """The user's entity corrections, in the order they were made."""
        return [correction for correction, _ in self.dated_corrections()]

    def dated_corrections(self) -> list[tuple[Correction, str]]:
        """Each correction with when it was first made, oldest first.

        A backup carries the date so a restored correction exports exactly as it was.
        """
        docs = sorted(self._tables["corrections"].all(), key=lambda d: str(d.get("created", "")))
        found = []
        for doc in docs:
            try:
                found.append((Correction.from_doc(dict(doc)), str(doc.get("created") or "")))
            except (KeyError, ValueError):
                continue  # a hand edit dbrepair could not make sense of
        return found

    def merge_correction(self, incoming: Correction, created: str = "") -> CorrectionMerge:
        """Restore a correction from a backup without ever duplicating or overriding one.

        One correction of each kind per name (its key): none here takes the backup's, with
        its date; one that says the same (label, canonical) is left alone; one that says
        something else is a conflict and the one here wins. Corrections carry only the
        date they were first made (a relabel changed later keeps it), so no date can say
        which of the two is newer, and what the user decided in this data dir stands.
        """
        before = self._get("corrections", "key", incoming.key)
        if before is not None:
            try:
                local = Correction.from_doc(before)
            except (KeyError, ValueError):
                local = None  # unreadable: the backup's replaces it
            if local is not None:
                same = _spaced(local.label) == _spaced(incoming.label) and _spaced(
                    local.canonical
                ) == _spaced(incoming.canonical)
                return CorrectionMerge.SAME if same else CorrectionMerge.CONFLICT
        doc = {**incoming.as_doc(), "created": created or _now()}
        with self._recording(f"import {incoming.kind} “{_short(incoming.name)}”") as changes:
            self._put(changes, "corrections", "key", incoming.key, doc)
        return CorrectionMerge.ADDED

    def add_correction(self, correction: Correction) -> bool:
        """Save a correction (replacing one of the same kind for the same name); undoable."""
        before = self._get("corrections", "key", correction.key)
        doc = {**correction.as_doc(), "created": (before or {}).get("created") or _now()}
        if before is not None and {**before, "created": doc["created"]} == doc:
            return False
        with self._recording(f"{correction.kind} “{_short(correction.name)}”") as changes:
            self._put(changes, "corrections", "key", correction.key, doc)
        return True

    def remove_correction(self, correction: Correction | str) -> bool:
        """Forget a correction (or its key); undo brings it back."""
        key = correction if isinstance(correction, str) else correction.key
        if self._get("corrections", "key", key) is None:
            return False
        with self._recording("remove correction") as changes:
            self._put(changes, "corrections", "key", key, None)
        return True

    # -- library folders -----------------------------------------------------------------

    def sources(self) -> list[Path]:
        """Files and folders the user added, in the order added."""
        docs = self._tables["library"].all()
        return [Path(doc["path"]) for doc in docs if isinstance(doc.get("path"), str)]

    def add_source(self, path: Path) -> bool:
        """Remember a file or folder; returns False when it (or a folder holding it) is known."""
        resolved = path.resolve()
        for known in self.sources():
            if resolved == known or known in resolved.parents:
                return False
        with self._changing():
            self._tables["library"].insert({"path": str(resolved), "added": _now()})
        return True


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _short(text: str, limit: int = 30) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _describe_edit(edit: TagEdit) -> str:
    parts = [f"+{t}" for t in edit.add] + [f"-{t}" for t in edit.remove]
    return "tag " + " ".join(parts)
