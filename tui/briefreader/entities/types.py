"""What an entity is, apart from how it is found.

Most of the program (the store's corrections, filters, exports, the screens) only handles
entities; only indexing and the reader need the recognizer, whose word lists and patterns
take a tenth of a second to load. Keeping the types here lets the app start without them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

PERSON = "PERSON"
ORG = "ORG"
PLACE = "PLACE"
DATE = "DATE"
LABELS = (PERSON, ORG, PLACE, DATE)


@dataclass(frozen=True, order=True)
class Entity:
    """One recognised mention: half-open character offsets into the article text."""

    start: int
    end: int
    label: str
    text: str

    def as_json(self) -> dict[str, int | str]:
        """The shape `briefreader entities --json` promises."""
        return {"start": self.start, "end": self.end, "label": self.label, "text": self.text}


class Recognizer(Protocol):
    """Anything that turns text into non-overlapping, sorted entity mentions."""

    def recognize(self, text: str) -> list[Entity]:
        """Return the entities in text."""
        ...


def span_start(entity: Entity) -> int:
    """Sort key: spans never overlap, so the start orders them (cheaper than field order)."""
    return entity.start
