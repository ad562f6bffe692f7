"""Read a Markdown article: its YAML front matter as facts, its markup as plain words.

Notes apps and scrapers save stories as Markdown: a front matter block (title, date,
source…) and a body with `# ` headings, `**bold**`, `*em*` and `[text](url)` links. The
reader should show what a person reads, so the front matter leaves the text and the
markup around words goes, while the words stay where they were: the result only ever
drops characters of the file, and `markdown_to_text` says (as a SourceMap) where each
character it keeps lies, for the command line's promise of offsets into the file.

The front matter is read with PyYAML's `safe_load` (no hand-written YAML); a block that
is not valid YAML, or not a mapping, is left out of the text all the same and the article
carries a note saying its fields were not used. Front-matter tags are not imported into
the user's tags: the user's tags are what the user typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from briefreader.articles.sourcemap import SourceMap

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})

_FENCE = re.compile(r"\A\ufeff?---[ \t]*\n(?P<body>.*?\n)??(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+", re.M)
_LINK = re.compile(r"!?\[(?=[^\]\n]*\S)[^\]\n]*\]\([^()\s]*(?:[ \t]+\"[^\"\n]*\")?\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)[^\n]+?(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*\\])\*(?=[^\s*])[^\n*]+?(?<=[^\s*\\])\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w_\\])_(?=[^\s_])[^\n_]+?(?<=[^\s_\\])_(?![\w_])")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class MarkdownFacts:
    """What the front matter and the first heading say about the article."""

    title: str | None = None
    date_iso: str | None = None
    agency: str | None = None
    place: str | None = None
    # The text (after the front matter) opens with a `# Heading`: it is the headline.
    heading_first: bool = False
    notes: tuple[str, ...] = ()


def is_markdown(suffix: str) -> bool:
    """Whether a file of this suffix is read as Markdown."""
    return suffix.lower() in MARKDOWN_SUFFIXES


def markdown_to_text(text: str) -> tuple[str, SourceMap, MarkdownFacts]:
    """The readable text, where each of its characters lies in `text`, and the facts."""
    keep = [True] * len(text)

    def drop(start: int, end: int) -> None:
        keep[start:end] = [False] * (end - start)

    facts = MarkdownFacts()
    fence = _FENCE.match(text)
    body_start = 0
    if fence:
        facts = _facts(fence.group("body") or "")
        body_start = fence.end()
        drop(0, body_start)
    elif text.startswith("\ufeff"):
        drop(0, 1)
    if not fence and re.match(r"\ufeff?---[ \t]*\r?\n", text):
        # An opening --- with no closing one: shown as text, and said why.
        facts = MarkdownFacts(notes=("front matter has no closing --- line; it is shown as text",))
    heading_first = bool(re.match(r"\s*[ ]{0,3}#{1,6}[ \t]+\S", text[body_start:]))
    for match in _HEADING.finditer(text, body_start):
        drop(*match.span())
    for match in _LINK.finditer(text, body_start):
        start, end = match.span()
        label_start = start + (2 if text[start] == "!" else 1)
        close = text.index("](", label_start)
        drop(start, label_start)
        drop(close, end)
    for pattern, width in ((_STRONG, 2), (_EM_STAR, 1), (_EM_UNDER, 1)):
        for match in pattern.finditer(text, body_start):
            start, end = match.span()
            if keep[start] and keep[end - 1]:  # not a mark inside a link's address
                drop(start, start + width)
                drop(end - width, end)
    positions = [i for i, kept in enumerate(keep) if kept]
    plain = "".join([text[i] for i in positions])
    offsets = SourceMap(positions, [i + 1 for i in positions], len(text))
    if heading_first:
        facts = MarkdownFacts(
            facts.title, facts.date_iso, facts.agency, facts.place, True, facts.notes
        )
    return plain, offsets, facts


def _facts(block: str) -> MarkdownFacts:
    """Title, date, agency and place from a front matter block; a note when it is broken."""
    import yaml  # loaded with the first front matter: start-up does not pay for it

    try:
        data = yaml.safe_load(block) if block.strip() else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        return MarkdownFacts(
            notes=(f"front matter is not valid YAML{where}; its fields were not used",)
        )
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return MarkdownFacts(notes=("front matter is not a list of fields; it was not used",))
    fields = {str(key).casefold(): value for key, value in data.items()}
    return MarkdownFacts(
        title=_text(fields.get("title")),
        date_iso=_iso(fields.get("date")),
        agency=_text(fields.get("source") or fields.get("agency")),
        place=_text(fields.get("place") or fields.get("location") or fields.get("dateline")),
    )


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    shown = " ".join(str(value).split())
    return shown or None


def _iso(value: Any) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    found = _ISO.match(value.strip())
    if found:
        try:
            return date(*map(int, found.groups())).isoformat()
        except ValueError:
            return None
    from briefreader.articles.dates import full_dates  # articles imports this module

    dates = full_dates(value)
    return dates[0].isoformat() if dates else None
