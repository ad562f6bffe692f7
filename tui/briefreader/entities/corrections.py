"""The user's corrections to entity recognition, applied to every article.

A correction is about a name, not about one mention, so it holds wherever the name occurs:

- ``reject``: the name is never an entity ("Scrambled");
- ``relabel``: the name always carries this label ("Florida" → ORG for the team);
- ``add``: the text is an entity with this label wherever it occurs as whole words, even
  where the recognizer found nothing; it wins over any recognized span it overlaps;
- ``alias``: the name is another spelling of a canonical name ("Sergei Shoigu", "Shoigu"
  → "Sergey Shoigu"), so lists and the entity index count them as one.

Names are compared by `name_key` (case and spacing do not matter). Corrections are applied
after recognition, never baked into the index cache, so they survive re-indexing and take
effect at once. Pure functions, no I/O: the store keeps the corrections.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from briefreader.entities.types import LABELS, Entity

REJECT = "reject"
RELABEL = "relabel"
ADD = "add"
ALIAS = "alias"
KINDS = (REJECT, RELABEL, ADD, ALIAS)


def name_key(name: str) -> str:
    """One name however it is capitalised or spaced ("MINSK", "Minsk")."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Correction:
    """One rule: kind, the name it is about, and a label (relabel, add) or canonical (alias)."""

    kind: str
    name: str
    label: str = ""
    canonical: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown correction kind {self.kind!r}")
        if not self.name.strip():
            raise ValueError("a correction needs a name")
        if self.kind in {RELABEL, ADD} and self.label not in LABELS:
            raise ValueError(f"{self.kind} needs a label in {LABELS}, not {self.label!r}")
        if self.kind == ALIAS and not self.canonical.strip():
            raise ValueError("an alias needs a canonical name")

    @property
    def key(self) -> str:
        """What identifies the correction in the store: one of each kind per name."""
        return f"{self.kind}:{name_key(self.name)}"

    def as_doc(self) -> dict[str, str]:
        """The stored form."""
        return {
            "key": self.key,
            "kind": self.kind,
            "name": self.name,
            "label": self.label,
            "canonical": self.canonical,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, object]) -> Correction:
        """Rebuild from a stored document (already shape-checked by annotations.repair)."""
        return cls(
            kind=str(doc["kind"]),
            name=str(doc["name"]),
            label=str(doc.get("label") or ""),
            canonical=str(doc.get("canonical") or ""),
        )


class Corrections:
    """Corrections by name key, ready to apply; build once, apply to many articles."""

    def __init__(self, items: Iterable[Correction] = ()) -> None:
        self.items = tuple(items)
        self.rejected: set[str] = set()
        self.labels: dict[str, str] = {}
        self.added: dict[str, tuple[str, str]] = {}  # key → (name as written, label)
        self.aliases: dict[str, str] = {}  # key → canonical name
        for item in self.items:
            key = name_key(item.name)
            if item.kind == REJECT:
                self.rejected.add(key)
            elif item.kind == RELABEL:
                self.labels[key] = item.label
            elif item.kind == ADD:
                self.added[key] = (" ".join(item.name.split()), item.label)
            else:
                self.aliases[key] = " ".join(item.canonical.split())
        self._pattern = _added_pattern([name for name, _ in self.added.values()])

    def __bool__(self) -> bool:
        return bool(self.items)

    def added_spans(self, text: str) -> list[Entity]:
        """Every whole-word occurrence of an added name, longest first where they overlap."""
        if self._pattern is None:
            return []
        found = []
        for match in self._pattern.finditer(text):
            start, end = match.span()
            label = self.added[name_key(match.group())][1]
            found.append(Entity(start, end, label, match.group()))
        return found


def _added_pattern(names: Sequence[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    # Longest first, so "New York City" wins over "New York"; spacing may vary in the text.
    ordered = sorted(set(names), key=lambda n: (-len(n), n))
    parts = [r"\s+".join(re.escape(w) for w in name.split()) for name in ordered]
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.IGNORECASE)


def _as_corrections(corrections: Corrections | Iterable[Correction]) -> Corrections:
    return corrections if isinstance(corrections, Corrections) else Corrections(corrections)


def apply_corrections(
    text: str, entities: Sequence[Entity], corrections: Corrections | Iterable[Correction]
) -> list[Entity]:
    """The entities of text with the user's corrections applied.

    Sorted, never overlapping, offsets exact (``text[start:end] == entity.text``). Added
    names replace any recognized span they overlap; rejected names disappear; relabelled
    names take their label. Aliases do not change the text, only `canonical_name`.
    """
    rules = _as_corrections(corrections)
    if not rules:
        return sorted(entities)
    added: list[Entity] = []
    taken: list[tuple[int, int]] = []
    for entity in rules.added_spans(text):
        if any(entity.start < e and s < entity.end for s, e in taken):
            continue
        key = name_key(entity.text)
        if key in rules.rejected:
            continue
        label = rules.labels.get(key, entity.label)
        added.append(Entity(entity.start, entity.end, label, entity.text))
        taken.append((entity.start, entity.end))
    kept = []
    for entity in entities:
        if any(entity.start < e and s < entity.end for s, e in taken):
            continue
        key = name_key(entity.text)
        if key in rules.rejected:
            continue
        relabel = rules.labels.get(key)
        kept.append(
            entity if relabel is None else Entity(entity.start, entity.end, relabel, entity.text)
        )
    return sorted(kept + added)


def canonical_name(name: str, corrections: Corrections | Iterable[Correction]) -> str:
    """The name the user merged this one into (following chains), else the name itself."""
    rules = _as_corrections(corrections)
    current = " ".join(name.split())
    seen = {name_key(current)}
    while (target := rules.aliases.get(name_key(current))) is not None:
        if name_key(target) in seen:
            break  # a loop of aliases: stop where it closes
        seen.add(name_key(target))
        current = target
    return current


def shows_better(candidate: str, current: str | None) -> bool:
    """Whether to show `candidate` instead of `current` for one entity: "Minsk", not "MINSK"."""
    return current is None or (current.isupper() and not candidate.isupper())


class NameCorrector:
    """Corrections applied to names without their text: lists, filters, the entity index.

    An index keeps each article's distinct names, not its text, so here a name is either
    dropped (rejected), relabelled, or counted under its canonical name (aliases). Names
    repeat across a library, so each distinct name is worked out once and remembered.
    """

    def __init__(
        self,
        corrections: Corrections | Iterable[Correction] = (),
        marked: Mapping[str, tuple[tuple[str, str], ...]] | None = None,
    ) -> None:
        self.rules = _as_corrections(corrections)
        # Article id → its names with the user's marks applied (`add` needs the text, so
        # the library works these out; see marks.py): they replace the index's names.
        self.marked: Mapping[str, tuple[tuple[str, str], ...]] = marked or {}
        self._seen: dict[tuple[str, str], tuple[str, str, str] | None] = {}

    def __bool__(self) -> bool:
        return bool(self.rules)

    def correct(self, label: str, name: str) -> tuple[str, str, str] | None:
        """(label, key, name to show) after corrections; None when the name is rejected.

        `key` identifies the entity (an alias gets its canonical name's key); the name to
        show is the canonical spelling for an alias, else the name as found.
        """
        asked = (label, name)
        if asked in self._seen:
            return self._seen[asked]
        raw = name_key(name)
        answer: tuple[str, str, str] | None
        if raw in self.rules.rejected:
            answer = None
        else:
            target = canonical_name(name, self.rules)
            key = name_key(target)
            label = self.rules.labels.get(raw, label)
            if key != raw:
                label = self.rules.labels.get(key, label)
                name = target
            answer = (label, key, name) if key not in self.rules.rejected else None
        self._seen[asked] = answer
        return answer

    def article_names(
        self, article_id: str, names: Sequence[tuple[str, str]]
    ) -> Sequence[tuple[str, str]]:
        """The article's names as recognised, or with the user's marks where it holds one."""
        return self.marked.get(article_id, names)

    def names(self, names: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
        """One article's (label, name) pairs corrected: aliases merged, rejected names gone."""
        if not self.rules:
            return tuple(names)
        merged: dict[str, tuple[str, str]] = {}
        for label, name in names:
            answer = self.correct(label, name)
            if answer is None:
                continue
            new_label, key, shown = answer
            current = merged.get(key)
            if current is None or shows_better(shown, current[1]):
                merged[key] = (new_label, shown)
        return tuple(merged.values())
