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
    """Split 'Union State, belarus -draft' into additions and removals.

    With a comma anywhere, commas separate tags and the spaces inside one become '-'
    ('Union State' is #Union-State, as README's example and the CLI have it); without one,
    spaces separate ('defense minsk'), as people type quick single words. A leading '-'
    removes that tag. A part that leaves no tag ('#', '-', a pasted control character)
    goes to `refused`, so the prompt can say so rather than silently do less than was typed.
    """
    return _parse_parts(line.split(",") if "," in line else line.split())


def parse_tag_arguments(arguments: Iterable[str], remove: bool = False) -> TagEdit:
    """Tags given as separate command-line words: each one tag, commas inside also split.

    The shell already split the words, so 'Union State' (quoted) is one tag, #Union-State,
    exactly as the prompt reads 'Union State, ...'. With `remove` (--remove) every tag is
    removed; a word that parses to nothing at all (',') is refused like '#'.
    """
    words = list(arguments)
    edit = _parse_parts(part for word in words for part in word.split(","))
    if not (edit.add or edit.remove or edit.refused):
        return TagEdit((), (), tuple(words))
    if remove:
        return TagEdit((), tuple(dict.fromkeys(edit.add + edit.remove)), edit.refused)
    return edit


def _parse_parts(parts: Iterable[str]) -> TagEdit:
    """One tag per part (blank parts skipped); the prompt and the CLI both end here."""
    add: list[str] = []
    remove: list[str] = []
    refused: list[str] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        target = remove if part.startswith("-") and len(part) > 1 else add
        tag = normalise_tag(part[1:] if target is remove else part)
        if not tag:
            refused.append(part)
        elif tag_key(tag) not in {tag_key(t) for t in target}:
            target.append(tag)
    return TagEdit(tuple(add), tuple(remove), tuple(refused))
