"""The user's entity corrections as stored: one per kind and name, undoable, restorable.

A correction ("this is a place", "this name is that person") is annotation data like a tag,
so it lives in the same file and on the same undo journal; it has its own table, its own
merge rule for restoring a backup and its own report, which are kept here. AnnotationStore
is built on this layer.
"""

from __future__ import annotations

from briefreader.annotations.journal import JournaledTables, now, shorten
from briefreader.annotations.model import CorrectionMerge
from briefreader.entities.corrections import Correction


class CorrectionTables(JournaledTables):
    """Entity corrections in the annotation file, each change one undoable step."""

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
                continue  # a hand edit annotations.repair could not make sense of
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
        doc = {**incoming.as_doc(), "created": created or now()}
        with self._recording(f"import {incoming.kind} “{shorten(incoming.name)}”") as changes:
            self._put(changes, "corrections", "key", incoming.key, doc)
        return CorrectionMerge.ADDED

    def add_correction(self, correction: Correction) -> bool:
        """Save a correction (replacing one of the same kind for the same name); undoable."""
        before = self._get("corrections", "key", correction.key)
        doc = {**correction.as_doc(), "created": (before or {}).get("created") or now()}
        if before is not None and {**before, "created": doc["created"]} == doc:
            return False
        with self._recording(f"{correction.kind} “{shorten(correction.name)}”") as changes:
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


def _spaced(text: str) -> str:
    return " ".join(text.split())
