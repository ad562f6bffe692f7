"""Turn the hand-written surface lists (dev.ann, heldout.ann) into gold JSONL with offsets.

Annotating by listing surfaces is faster and easier to review than typing offsets: each
line ``LAB surface`` marks every word-bounded occurrence of ``surface`` in the unit
(``LAB`` is PER, ORG, PLA, DAT, or X for text that is *not* an entity but must not be
matched inside, such as an award name). ``LAB surface @0,2`` keeps only those occurrences.
Longer surfaces win over shorter ones. The result is checked (text[start:end] == text).

Usage: python build_gold.py   (reads texts.jsonl, writes dev.jsonl and heldout.jsonl)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = {"PER": "PERSON", "ORG": "ORG", "PLA": "PLACE", "DAT": "DATE", "X": None}


def parse(path: Path) -> dict[str, list[tuple[str | None, str, set[int] | None]]]:
    units: dict[str, list[tuple[str | None, str, set[int] | None]]] = {}
    current = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if line.startswith("## "):
            current = line[3:].strip()
            units[current] = []
            continue
        label, surface = line.split(" ", 1)
        only = None
        restricted = re.fullmatch(r"(.*) @([\d,]+)", surface)
        if restricted:
            surface = restricted.group(1)
            only = {int(i) for i in restricted.group(2).split(",")}
        units[current].append((LABELS[label], surface, only))
    return units


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    found = []
    for match in re.finditer(re.escape(surface), text):
        start, end = match.span()
        if start > 0 and text[start - 1].isalnum():
            continue
        if end < len(text) and text[end].isalnum():
            continue
        found.append((start, end))
    return found


def annotate(text: str, items: list[tuple[str | None, str, set[int] | None]]) -> list[dict]:
    candidates = []
    for label, surface, only in items:
        hits = occurrences(text, surface)
        if not hits:
            raise SystemExit(f"not found: {surface!r}")
        candidates += [(s, e, label) for i, (s, e) in enumerate(hits) if only is None or i in only]
    candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
    taken: list[tuple[int, int]] = []
    entities = []
    for start, end, label in candidates:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        if label:
            entities.append({"start": start, "end": end, "label": label, "text": text[start:end]})
    entities.sort(key=lambda e: e["start"])
    for entity in entities:
        assert text[entity["start"] : entity["end"]] == entity["text"]
    return entities


def main() -> None:
    texts = {}
    for line in (HERE / "texts.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts[record["id"]] = record
    for split in ("dev", "heldout"):
        lines = []
        for unit_id, items in parse(HERE / f"{split}.ann").items():
            record = texts[unit_id]
            assert record["split"] == split, unit_id
            gold = {
                "id": unit_id,
                "source": record["source"],
                "text": record["text"],
                "entities": annotate(record["text"], items),
            }
            lines.append(json.dumps(gold, ensure_ascii=False))
        (HERE / f"{split}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(split, len(lines), "units")


if __name__ == "__main__":
    main()
