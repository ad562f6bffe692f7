"""What an annotation, a highlight and an article reference are: plain values, no database.

The store, the exports, the library's filters and the settings all speak of these; they live
apart from the TinyDB store so that reading them (config needs the highlight colours, the
list's filters need Annotation) never loads the database layer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from briefreader.annotations.anchors import TextQuote

HIGHLIGHT_COLOURS = ("yellow", "green", "blue", "red")


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
