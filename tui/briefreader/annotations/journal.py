"""The annotation file's documents, looked up by key, and the undo/redo journal over them.

AnnotationStore says what tags, notes and highlights mean; this layer is what it stands on:
opening the TinyDB file (upgrading an old schema, repairing hand edits, each time keeping
the file as it was), finding a document by its key without scanning a table, and recording
every write of one user action as one step that `u` reverts and redo re-applies whole.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from briefreader.annotations.fasttable import InPlaceTinyDB
from briefreader.annotations.migrations import CURRENT_SCHEMA, migrate, schema_of
from briefreader.annotations.repair import repair_tables
from briefreader.annotations.storage import JournaledJSONStorage, NewerSchemaError

# One recorded document change: table, key field, key value, before, after.
Change = tuple[str, str, str, dict[str, Any] | None, dict[str, Any] | None]


def now() -> str:
    """When a change is made, as every stored document records it (UTC, to the second)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def shorten(text: str, limit: int = 30) -> str:
    """A passage or name cut to fit an undo step's description ("undid highlight “…”")."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


TABLES = ("annotations", "highlights", "library", "meta", "reading", "stars", "corrections")


@dataclass(frozen=True)
class JournalStep:
    """One user action, which may have touched many documents, undone and redone whole."""

    description: str
    changes: tuple[Change, ...]


class JournaledTables:
    """The store's tables in one TinyDB file: keyed lookups, and writes recorded for undo."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.storage = JournaledJSONStorage(path)
        storage = self.storage
        self.db = InPlaceTinyDB(str(path), storage=lambda _path: storage)
        self._tables = {name: self.db.table(name, cache_size=0) for name in TABLES}
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

    # -- the journal -------------------------------------------------------------------

    @contextmanager
    def _recording(self, description: str) -> Iterator[list[Change]]:
        """Collect document changes of one action into one undoable step."""
        changes: list[Change] = []
        with self._changing():
            yield changes
        if changes:
            self._undo.append(JournalStep(description, tuple(changes)))
            self._redo.clear()

    def _put(
        self, changes: list[Change], table: str, key: str, value: str, doc: dict[str, Any] | None
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

    def change_stamp(self) -> tuple[int, int]:
        """How far the data has changed: another process's writes reloaded, and our own.

        Rows built in a worker are kept only if this did not move while they were built.
        """
        return (self.storage.generation, self.storage.writes)
