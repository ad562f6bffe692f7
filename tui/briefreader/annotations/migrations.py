"""Schema versions of briefreader.json and the steps that bring an old file up to date.

The file records its schema in the ``meta`` table. Each migration takes the raw TinyDB
tables of one version and returns those of the next, so a file from any earlier release
opens in this one; the store keeps a copy of the old file before migrating.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Tables = dict[str, dict[str, Any]]

CURRENT_SCHEMA = 2


def schema_of(tables: Tables) -> int:
    """The schema a file was written with; files from before versioning count as 1."""
    for doc in tables.get("meta", {}).values():
        if isinstance(doc, dict) and isinstance(schema := doc.get("schema"), int):
            return schema
    return 1


def _v1_to_v2(tables: Tables) -> Tables:
    """Version 2 records when an annotation was first made and when a folder was added.

    Version 1 kept only the last change time; the creation time is the best we know.
    """
    for doc in tables.get("annotations", {}).values():
        doc.setdefault("created", doc.get("updated", ""))
    for doc in tables.get("library", {}).values():
        doc.setdefault("added", "")
    return tables


MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {1: _v1_to_v2}


def migrate(tables: Tables) -> tuple[Tables, int]:
    """Bring tables to CURRENT_SCHEMA; returns them and the version they started at."""
    start = version = schema_of(tables)
    while version < CURRENT_SCHEMA:
        tables = MIGRATIONS[version](tables)
        version += 1
    tables["meta"] = {"1": {"schema": CURRENT_SCHEMA}}
    return tables, start
