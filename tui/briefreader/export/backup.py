"""The JSON backup: all annotations, highlights, stars and entity corrections, deduplicated.

Import merges by article id, highlight id and correction key (kind and name), so restoring
the same backup twice, or into the data it came from, changes nothing; timestamps are kept
so a restored backup exports to the same bytes. A correction that says something else than
the one here for the same name (relabel "Florida" to ORG in the backup, PLACE here) is a
conflict: the one here is kept and the report names it.

Schema 3 added the corrections; schema 1 and 2 files import as they always did.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from briefreader import __version__
from briefreader.annotations.model import Annotation, CorrectionMerge, Highlight
from briefreader.annotations.store import AnnotationStore
from briefreader.annotations.tags import not_a_tag_message, not_tags
from briefreader.entities.corrections import ALIAS, Correction
from briefreader.export.data import ExportItem

EXPORT_FORMAT = "briefreader-annotations"
EXPORT_SCHEMA = 3
CORRECTIONS_SINCE = 3  # the first schema whose backups carry entity corrections


class BackupError(Exception):
    """The file is not a backup this version can read; the message says what to do."""


@dataclass
class Backup:
    """What a backup file holds."""

    annotations: list[Annotation] = field(default_factory=list)
    highlights: list[Highlight] = field(default_factory=list)
    starred: list[str] = field(default_factory=list)
    # Each correction with the date it was first made ("" when the file has none).
    corrections: list[tuple[Correction, str]] = field(default_factory=list)
    unreadable_corrections: int = 0


@dataclass
class ImportReport:
    """What an import changed, for one line of output."""

    total: int = 0
    changed: int = 0
    left_out_tags: list[str] = field(default_factory=list)
    # Entity corrections are items too (in total and changed); these say how they went.
    corrections: int = 0
    corrections_added: int = 0
    conflicts: list[str] = field(default_factory=list)
    unreadable_corrections: int = 0

    @property
    def unchanged(self) -> int:
        """Entries already there as in the backup, or kept as here over a conflicting one."""
        return self.total - self.changed

    def corrections_summary(self) -> str:
        """The corrections' part of the report line, so a restore shows they came along."""
        if not self.corrections:
            return "no entity corrections in the backup"
        same = self.corrections - self.corrections_added - len(self.conflicts)
        parts = [f"{self.corrections_added} added", f"{same} already here"]
        if self.conflicts:
            parts.append(f"{len(self.conflicts)} conflicting, kept as here")
        return f"entity corrections: {', '.join(parts)}"

    def conflicts_message(self) -> str:
        """One line naming each conflicting correction, so none is overridden unseen."""
        listed = "; ".join(self.conflicts)
        return (
            f"{len(self.conflicts)} entity correction(s) in the backup differ from the ones "
            f"here ({listed}); the ones here were kept, change them in the reader if needed"
        )

    def unreadable_message(self) -> str:
        """One line saying how many corrections of the file could not be read."""
        return (
            f"{self.unreadable_corrections} entity correction(s) in the backup could not be "
            "read (unknown kind or label, or no name), so those were left out"
        )

    def left_out_message(self) -> str:
        """One line saying which backup tags could not be kept, so none goes silently."""
        return (
            f"{not_a_tag_message(self.left_out_tags)}, so those were left out; "
            "everything else on those articles was imported"
        )


def to_json(items: list[ExportItem], corrections: Sequence[tuple[Correction, str]]) -> str:
    """The backup text: sorted and stable, so the same data gives the same bytes.

    `corrections` (with their dates, as `AnnotationStore.dated_corrections` gives them)
    are about names across the library, not about the chosen articles, so a filtered
    backup carries all of them too. Required, so no caller can leave them out by accident.
    """
    payload = {
        "format": EXPORT_FORMAT,
        "schema": EXPORT_SCHEMA,
        "generator": f"briefreader {__version__}",
        "annotations": [i.annotation.as_doc() for i in items if not i.annotation.is_empty],
        "highlights": [h.as_doc() for i in items for h in i.highlights],
        "starred": sorted(i.article_id for i in items if i.starred),
        "corrections": [
            _correction_doc(c, created) for c, created in sorted(corrections, key=_by_key)
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _by_key(dated: tuple[Correction, str]) -> tuple[str, str]:
    return dated[0].key, dated[0].name


def _correction_doc(correction: Correction, created: str) -> dict[str, str]:
    # The key is left out: it is worked out from kind and name, so it cannot disagree.
    return {
        "kind": correction.kind,
        "name": correction.name,
        "label": correction.label,
        "canonical": correction.canonical,
        "created": created,
    }


_CORRECTION_FIELDS = ("kind", "name", "label", "canonical", "created")


def _read_correction(item: Any) -> tuple[Correction, str] | None:
    """A correction from a backup entry, None when it is not one this version knows."""
    if not isinstance(item, dict):
        return None
    text: dict[str, str] = {
        k: value if isinstance(value := item.get(k), str) else "" for k in _CORRECTION_FIELDS
    }
    try:
        correction = Correction(text["kind"], text["name"], text["label"], text["canonical"])
    except ValueError:
        return None
    return correction, text["created"]


def parse_backup(raw: str, source: str) -> Backup:
    """Read a backup; raise BackupError naming the file when it is not one."""
    try:
        data = json.loads(raw)
    except ValueError as error:
        raise BackupError(
            f"{source} is not JSON ({error}); pass a file made by 'export --format json'"
        ) from error
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise BackupError(
            f"{source} is not a briefreader JSON export; pass a file made by 'export --format json'"
        )
    if not isinstance(data.get("schema"), int) or data["schema"] > EXPORT_SCHEMA:
        raise BackupError(f"{source} was written by a newer briefreader; upgrade to import it")
    items = data.get("annotations")
    if not isinstance(items, list):
        raise BackupError(f"{source} has no annotations list; it may be damaged")
    backup = Backup()
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("article_id"), str):
            backup.annotations.append(Annotation.from_doc(item))
    for item in data.get("highlights") or []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            backup.highlights.append(Highlight.from_doc(item))
    backup.starred = [s for s in data.get("starred") or [] if isinstance(s, str)]
    if data["schema"] >= CORRECTIONS_SINCE:
        entries = data.get("corrections") or []
        for entry in entries if isinstance(entries, list) else []:
            read = _read_correction(entry)
            if read is None:
                backup.unreadable_corrections += 1
            else:
                backup.corrections.append(read)
    return backup


def import_backup(store: AnnotationStore, backup: Backup) -> ImportReport:
    """Merge a backup into the store; report how much of it was new."""
    report = ImportReport()
    for annotation in backup.annotations:
        report.total += 1
        # An old or hand-edited backup may hold tags like '#'; the rest of the article's
        # annotation still merges, and the report names what could not be a tag.
        report.left_out_tags += not_tags(annotation.tags)
        report.changed += store.merge(annotation)
    for highlight in backup.highlights:
        report.total += 1
        report.changed += store.merge_highlight(highlight)
    for article_id in backup.starred:
        report.total += 1
        report.changed += store.merge_star(article_id)
    report.unreadable_corrections = backup.unreadable_corrections
    for correction, created in backup.corrections:
        report.total += 1
        report.corrections += 1
        outcome = store.merge_correction(correction, created)
        if outcome is CorrectionMerge.ADDED:
            report.changed += 1
            report.corrections_added += 1
        elif outcome is CorrectionMerge.CONFLICT:
            report.conflicts.append(_conflict(store, correction))
    return report


def _conflict(store: AnnotationStore, incoming: Correction) -> str:
    """'relabel "Florida": ORG in the backup, PLACE here', for the report."""
    here = next((c for c in store.corrections() if c.key == incoming.key), None)

    def said(correction: Correction | None) -> str:
        if correction is None:
            return "?"
        return f"→ {correction.canonical}" if correction.kind == ALIAS else correction.label

    return f"{incoming.kind} {incoming.name!r}: {said(incoming)} in the backup, {said(here)} here"
