"""Make sense of a hand-edited database file instead of failing on it.

The JSON file is meant to be readable and editable by a person, so a wrong type in one
document must not stop the program: documents that can be understood are normalised to
their proper shape, documents that cannot be are left out (the caller keeps a copy of the
file as it was), and the caller tells the user how many of each.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Tables = dict[str, dict[str, Any]]

_STRING_FIELDS = ("title", "path", "date", "place", "agency", "created", "updated")


@dataclass(frozen=True)
class RepairReport:
    """What a repair changed; both zero means the file was already well formed."""

    normalised: int = 0
    left_out: int = 0

    @property
    def changed(self) -> bool:
        """True when the stored file no longer matches what was read."""
        return bool(self.normalised or self.left_out)


def _tag_list(value: object) -> list[str] | None:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [t for t in value if isinstance(t, str) and t.strip()]
    return [] if value is None else None


def _annotation(doc: dict[str, Any]) -> dict[str, Any] | None:
    if not isinstance(doc.get("article_id"), str) or not doc["article_id"]:
        return None
    fixed = dict(doc)
    tags = _tag_list(doc.get("tags"))
    if tags is None:
        return None
    fixed["tags"] = tags
    note = doc.get("note")
    if note is None:
        fixed["note"] = ""
    elif isinstance(note, int | float):
        fixed["note"] = str(note)
    elif not isinstance(note, str):
        return None
    for name in _STRING_FIELDS:
        value = doc.get(name)
        if value is not None and not isinstance(value, str):
            fixed[name] = str(value) if isinstance(value, int | float) else None
    return fixed


def _highlight(doc: dict[str, Any]) -> dict[str, Any] | None:
    selector = doc.get("selector")
    if not (
        isinstance(doc.get("id"), str)
        and isinstance(doc.get("article_id"), str)
        and isinstance(selector, dict)
        and isinstance(selector.get("exact"), str)
        and selector["exact"]
    ):
        return None
    fixed = dict(doc)
    fixed["selector"] = dict(selector)
    for name in ("start", "end"):
        if not isinstance(selector.get(name), int):
            fixed["selector"][name] = 0
    for name in ("prefix", "suffix"):
        if not isinstance(selector.get(name), str):
            fixed["selector"][name] = ""
    for name in ("colour", "comment", "created"):
        if name in doc and not isinstance(doc[name], str):
            fixed[name] = ""
    return fixed


def _library(doc: dict[str, Any]) -> dict[str, Any] | None:
    return doc if isinstance(doc.get("path"), str) and doc["path"] else None


def _by_article(doc: dict[str, Any]) -> dict[str, Any] | None:
    return doc if isinstance(doc.get("article_id"), str) and doc["article_id"] else None


def _correction(doc: dict[str, Any]) -> dict[str, Any] | None:
    """A user entity correction: kind, name and key are required, the rest is mended."""
    kind, name = doc.get("kind"), doc.get("name")
    if kind not in {"reject", "relabel", "add", "alias"}:
        return None
    if not isinstance(name, str) or not name.strip():
        return None
    fixed = dict(doc)
    for field in ("label", "canonical", "created"):
        if not isinstance(doc.get(field), str):
            fixed[field] = str(doc[field]) if isinstance(doc.get(field), int | float) else ""
    if kind in {"relabel", "add"} and fixed["label"] not in {"PERSON", "ORG", "PLACE", "DATE"}:
        return None
    if kind == "alias" and not fixed["canonical"].strip():
        return None
    fixed["key"] = f"{kind}:{' '.join(name.split()).casefold()}"
    return fixed


def _anything(doc: dict[str, Any]) -> dict[str, Any] | None:
    return doc


_CHECKS = {
    "annotations": _annotation,
    "highlights": _highlight,
    "library": _library,
    "reading": _by_article,
    "stars": _by_article,
    "corrections": _correction,
}


def repair_tables(tables: Tables) -> tuple[Tables, RepairReport]:
    """Return the tables with every document in its proper shape, and what that took."""
    normalised = left_out = 0
    repaired: Tables = {}
    for name, docs in tables.items():
        check = _CHECKS.get(name, _anything)
        kept: dict[str, Any] = {}
        for doc_id, doc in docs.items():
            fixed = check(doc) if isinstance(doc, dict) and str(doc_id).isdigit() else None
            if fixed is None:
                left_out += 1
                continue
            if fixed != doc:
                normalised += 1
            kept[str(doc_id)] = fixed
        repaired[name] = kept
    return repaired, RepairReport(normalised, left_out)
