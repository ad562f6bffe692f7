"""The JSON backup: every annotation, highlight and star, restorable without duplicates.

Import merges by article id and highlight id, so restoring the same backup twice, or into
the data it came from, changes nothing; timestamps are kept so a restored backup exports
to the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from briefreader import __version__
from briefreader.export_data import ExportItem
from briefreader.store import Annotation, AnnotationStore, Highlight
from briefreader.tags import not_a_tag_message, not_tags

EXPORT_FORMAT = "briefreader-annotations"
EXPORT_SCHEMA = 2


class BackupError(Exception):
    """The file is not a backup this version can read; the message says what to do."""


@dataclass
class Backup:
    """What a backup file holds."""

    annotations: list[Annotation] = field(default_factory=list)
    highlights: list[Highlight] = field(default_factory=list)
    starred: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    """What an import changed, for one line of output."""

    total: int = 0
    changed: int = 0
    left_out_tags: list[str] = field(default_factory=list)

    @property
    def unchanged(self) -> int:
        """Entries that were already there exactly as in the backup."""
        return self.total - self.changed

    def left_out_message(self) -> str:
        """One line saying which backup tags could not be kept, so none goes silently."""
        return (
            f"{not_a_tag_message(self.left_out_tags)}, so those were left out; "
            "everything else on those articles was imported"
        )


def to_json(items: list[ExportItem]) -> str:
    """The backup text: sorted and stable, so the same data gives the same bytes."""
    payload = {
        "format": EXPORT_FORMAT,
        "schema": EXPORT_SCHEMA,
        "generator": f"briefreader {__version__}",
        "annotations": [i.annotation.as_doc() for i in items if not i.annotation.is_empty],
        "highlights": [h.as_doc() for i in items for h in i.highlights],
        "starred": sorted(i.article_id for i in items if i.starred),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


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
    return report
