"""What a tag is and how typed tag input is read.

One definition used by the TUI prompt, the CLI and the importer, so a tag typed in one place
is the same tag everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from briefreader.textsafety import visible


def normalise_tag(raw: str) -> str:
    """Clean a typed tag; tags are compared case-insensitively but shown as typed.

    A leading '#' is dropped (people type Obsidian-style tags) and inner whitespace becomes
    '-', so one tag never turns into two on export; leading '-'s go, since the prompt reads
    one as "remove". Commas (the prompt's separator) and control characters go *first*:
    removing one must not uncover a leading '#' or '-', or a stored tag would normalise
    again to something else and a backup of it would not import as it was exported.
    """
    kept = "".join(ch for ch in raw if ch != "," and (ch.isprintable() or ch.isspace()))
    return "-".join(kept.split()).lstrip("#-")


def not_tags(words: Iterable[str]) -> list[str]:
    """The words that normalise to nothing, so every way in can refuse them the same way."""
    return [word for word in words if not normalise_tag(word)]


def not_a_tag_message(words: Iterable[str]) -> str:
    """One line naming words that are not tags (control characters shown) and what a tag needs."""
    shown = ", ".join(repr(visible(word)) for word in words)
    return (
        f"not a tag: {shown}; a tag needs a character other than '#', '-', ',', "
        "spaces and control characters"
    )


def tag_key(tag: str) -> str:
    """The identity of a tag: 'Defense' and 'defense' are one tag."""
    return tag.casefold()


@dataclass(frozen=True)
class TagEdit:
    """Tags to add and to remove, parsed from one line of input."""

    add: tuple[str, ...]
    remove: tuple[str, ...]
    refused: tuple[str, ...] = ()
    """Words typed that are no tag at all ('#', '-#'): the caller says so instead of guessing."""


def parse_tag_input(line: str) -> TagEdit:
    """Split 'defense, minsk -draft' into additions and removals.

    Commas or spaces separate tags; a leading '-' removes that tag. A word that leaves no
    tag ('#', '-', a pasted control character) goes to `refused`, so the prompt can say so
    rather than silently do less than was typed.
    """
    add: list[str] = []
    remove: list[str] = []
    refused: list[str] = []
    for word in line.replace(",", " ").split():
        target = remove if word.startswith("-") and len(word) > 1 else add
        tag = normalise_tag(word[1:] if target is remove else word)
        if not tag:
            refused.append(word)
        elif tag_key(tag) not in {tag_key(t) for t in target}:
            target.append(tag)
    return TagEdit(tuple(add), tuple(remove), tuple(refused))
