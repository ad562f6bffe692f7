"""What a tag is and how typed tag input is read.

One definition used by the TUI prompt, the CLI and the importer, so a tag typed in one place
is the same tag everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass


def normalise_tag(raw: str) -> str:
    """Clean a typed tag; tags are compared case-insensitively but shown as typed.

    A leading '#' is dropped (people type Obsidian-style tags) and inner whitespace becomes
    '-', so one tag never turns into two on export; leading '-'s go, since the prompt reads
    one as "remove".
    """
    tag = raw.strip().lstrip("#").strip()
    tag = "-".join(tag.split())
    # A leading '-' means "remove" in the tag prompt, so no tag may start with one.
    return "".join(ch for ch in tag if ch.isprintable() and ch != ",").lstrip("-")


def tag_key(tag: str) -> str:
    """The identity of a tag: 'Defense' and 'defense' are one tag."""
    return tag.casefold()


@dataclass(frozen=True)
class TagEdit:
    """Tags to add and to remove, parsed from one line of input."""

    add: tuple[str, ...]
    remove: tuple[str, ...]


def parse_tag_input(line: str) -> TagEdit:
    """Split 'defense, minsk -draft' into additions and removals.

    Commas or spaces separate tags; a leading '-' removes that tag.
    """
    add: list[str] = []
    remove: list[str] = []
    for word in line.replace(",", " ").split():
        target = remove if word.startswith("-") and len(word) > 1 else add
        tag = normalise_tag(word[1:] if target is remove else word)
        if tag and tag_key(tag) not in {tag_key(t) for t in target}:
            target.append(tag)
    return TagEdit(tuple(add), tuple(remove))
