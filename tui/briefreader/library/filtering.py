"""Which articles a typed filter keeps, decided in one place for the TUI and the CLI.

A filter is free words plus fields, as in a mail client's search box:
`tag:defense place:Minsk entity:"Dmitry Mezentsev" after:2025-10-01 unread`. Every part
must match (free words anywhere in title, lede, place, source, date, tags, note or entity
names), so typing more narrows the list the way people expect. A part that makes no sense
is reported, not silently ignored, so the user knows why the list looks as it does.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from briefreader.annotations.model import Annotation, ReadingState
from briefreader.annotations.tags import normalise_tag, tag_key
from briefreader.entities.corrections import NameCorrector, canonical_name
from briefreader.entities.types import LABELS
from briefreader.library.indexing import decode_names
from briefreader.library.summary import ArticleSummary

FIELDS = ("tag", "place", "source", "entity", "after", "before", "has", "is")
_EXAMPLES = {
    "place": "minsk",
    "source": "reuters",
    "entity": '"Dmitry Mezentsev"',
    "after": "2025-10-01",
    "before": "2025-12",
    "has": "note",
    "is": "unread",
}
FLAGS = ("unread", "read", "starred", "annotated", "untagged")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_FOLDED_LABELS = tuple(f"{label.casefold()}\t" for label in LABELS)


_UNREAD = ReadingState()


@dataclass(slots=True)
class ListEntry:
    """One article as the list sees it: what was parsed, what the user added, how it was read.

    A 100k-article list builds 100k of these at start, so they are slotted and plain (not
    frozen: a frozen init costs three times as much); treat them as read-only all the same.
    """

    summary: ArticleSummary
    annotation: Annotation
    state: ReadingState = _UNREAD
    # The entities as the index packs them ("LABEL\tname" lines): decoded only when a
    # filter asks, so 100k rows start without 2M little tuples.
    packed_names: str = ""
    highlights: int = 0
    _names: tuple[tuple[str, str], ...] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    _haystack: str | None = field(default=None, init=False, repr=False, compare=False)
    _names_text: str | None = field(default=None, init=False, repr=False, compare=False)

    def update(self, annotation: Annotation, state: ReadingState, highlights: int) -> None:
        """The user tagged, noted, read or marked the article: the row follows."""
        self.annotation, self.state, self.highlights = annotation, state, highlights
        self._haystack = None  # tags and note are searched

    @property
    def entity_names(self) -> tuple[tuple[str, str], ...]:
        """(label, name) of each distinct entity in the article."""
        if self._names is None:
            self._names = decode_names(self.packed_names)
        return self._names

    @property
    def names_text(self) -> str:
        """The entity names folded, one per line, without labels: for `entity:` filters."""
        if self._names_text is None:
            self._names_text = _without_labels(fold(self.packed_names))
        return self._names_text

    @property
    def haystack(self) -> str:
        """Folded once per entry, not once per keystroke."""
        if self._haystack is None:
            self._haystack = searchable_text(self)
        return self._haystack


Test = Callable[[ListEntry], bool]


@dataclass
class ParsedQuery:
    """A filter split into tests, with a message for every part that could not be used."""

    tests: list[Test] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    # Free words, folded, each with whether it was negated ("-word"): kept apart from the
    # tests so 100k rows are checked in one tight loop per word, not a call chain per row.
    words: list[tuple[str, bool]] = field(default_factory=list)
    # The after:/before: parts: an article whose date has no year passes neither, and the
    # user is told how many that left out rather than seeing them silently vanish.
    date_bounds: list[str] = field(default_factory=list)

    def matches(self, entry: ListEntry) -> bool:
        """True when the entry passes every part of the filter."""
        return all(
            (word in entry.haystack or word in entry.names_text) != negate
            for word, negate in self.words
        ) and all(test(entry) for test in self.tests)

    def keep(self, entries: Iterable[ListEntry]) -> list[ListEntry]:
        """The entries that pass, in order; the rarest-looking word narrows first."""
        kept = list(entries)
        for word, negate in sorted(self.words, key=lambda w: (w[1], -len(w[0]))):
            kept = [e for e in kept if (word in e.haystack or word in e.names_text) != negate]
        if self.tests:
            tests = self.tests
            kept = [e for e in kept if all(test(e) for test in tests)]
        return kept


def _split(query: str) -> list[str]:
    """Words, with "double quotes" grouping; an apostrophe is a letter (don't, Cote d'Ivoire).

    Typographic double quotes (pasted from a word processor) group like plain ones.
    """
    for fancy in "“”„":
        query = query.replace(fancy, '"')
    for closing in ("", '"'):  # an unclosed quote while typing: close it for the user
        lexer = shlex.shlex(query + closing, posix=True)
        lexer.whitespace_split, lexer.quotes, lexer.escape, lexer.commenters = True, '"', "", ""
        try:
            return list(lexer)
        except ValueError:
            continue
    return query.replace('"', " ").split()


def searchable_text(entry: ListEntry) -> str:
    """The text free words look in (entity names aside, see `names_text`), folded.

    Built once per row (100k rows at start), so it is one join and one fold.
    """
    summary, annotation = entry.summary, entry.annotation
    text = "\n".join(
        (
            summary.title,
            summary.lede,
            summary.place or "",
            summary.agency or "",
            summary.date or "",
            summary.date_iso or "",
        )
    )
    if annotation.tags:
        text += "\n" + " ".join(f"#{t}" for t in annotation.tags)
    if annotation.note:
        text += "\n" + annotation.note
    return fold(text)


# Typographic marks typed as plain ones: "don't" finds "don’t", and a folded row that
# was only non-ASCII for its quotes is stored at one byte a character, not two.
_PLAIN = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"), ("\xa0", " "))


def fold(text: str) -> str:
    """Text as filters compare it: case folded, typographic quotes and dashes made plain."""
    if not text.isascii():
        for fancy, plain in _PLAIN:
            if fancy in text:
                text = text.replace(fancy, plain)
    return text.casefold()


def _without_labels(folded: str) -> str:
    """Folded packed names lose their labels ("person", a tab, the name): only names match."""
    if "\t" in folded:
        for label in _FOLDED_LABELS:
            folded = folded.replace(label, "\n")
    return folded


def _has_tag(wanted: str) -> Test:
    key = tag_key(normalise_tag(wanted))
    return lambda e: any(tag_key(t) == key for t in e.annotation.tags)


def _contains(getter: Callable[[ListEntry], str], wanted: str) -> Test:
    folded = wanted.casefold()
    return lambda e: folded in getter(e).casefold()


def _mentions(wanted: str, corrector: NameCorrector | None) -> Test:
    folded = fold(wanted)
    if "\n" in folded or "\t" in folded:
        return lambda e: False
    if not corrector:  # one substring test on the folded names: no decoding per row
        return lambda e: folded in e.names_text
    # With corrections, an article matches through any alias of the wanted name, and a
    # rejected name matches nothing: the same entities the reader and the panel show.
    rules = corrector.rules
    canonical = fold(canonical_name(wanted, rules))
    triggers = {folded, canonical} | {
        fold(alias)
        for alias in rules.aliases
        if folded in (target := fold(canonical_name(alias, rules))) or canonical in target
    }

    marked = corrector.marked

    def test(entry: ListEntry) -> bool:
        text = entry.names_text
        article_id = entry.summary.id
        if article_id not in marked and not any(trigger in text for trigger in triggers):
            return False  # most rows: no name could match, skip the per-name work
        for label, name in corrector.article_names(article_id, entry.entity_names):
            answer = corrector.correct(label, name)
            if answer is None:
                continue
            shown = fold(answer[2])
            if folded in fold(name) or folded in shown or canonical in shown:
                return True
        return False

    return test


def is_day_or_period(value: str) -> bool:
    """Whether value is a year, a month or a day that exists: 2025, 2025-10, 2025-10-01.

    after:2025-13 or --since 2025-02-30 matched the pattern and filtered as if it made
    sense; now they are reported as not a date.
    """
    if not _DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        return False
    if len(parts) == 3:
        try:
            date(*parts)
        except ValueError:
            return False
    return True


def _date_bound(value: str, after: bool) -> Test | None:
    if not is_day_or_period(value):
        return None

    # A partial date bounds by its whole period: after:2025-10 keeps October itself.
    def test(entry: ListEntry) -> bool:
        day = entry.summary.date_iso
        if not day:
            return False
        cut = day[: len(value)]
        return cut >= value if after else cut <= value

    return test


def _flag(name: str) -> Test | None:
    flags: dict[str, Test] = {
        "unread": lambda e: not e.state.read,
        "read": lambda e: e.state.read,
        "starred": lambda e: e.state.starred,
        "annotated": lambda e: not e.annotation.is_empty or e.highlights > 0,
        "untagged": lambda e: not e.annotation.tags,
        "note": lambda e: bool(e.annotation.note.strip()),
        "highlight": lambda e: e.highlights > 0,
        "highlights": lambda e: e.highlights > 0,
    }
    return flags.get(name)


def parse_query(query: str, corrector: NameCorrector | None = None) -> ParsedQuery:
    """Turn typed filter text into tests; unknown fields and bad dates become problems.

    `corrector` carries the user's entity corrections, so `entity:` follows aliases.
    """
    parsed = ParsedQuery()
    for part in _split(query):
        negate = part.startswith("-") and len(part) > 1
        word = part[1:] if negate else part
        name, colon, value = word.partition(":")
        name = name.casefold()
        test: Test | None
        if colon and name in FIELDS:
            if not value:
                example = _EXAMPLES.get(name, "defense")
                parsed.problems.append(f"{name}: needs a value, e.g. {name}:{example}")
                continue
            if name == "tag":
                test = _has_tag(value)
            elif name == "place":
                test = _contains(lambda e: e.summary.place or "", value)
            elif name == "source":
                test = _contains(lambda e: e.summary.agency or "", value)
            elif name == "entity":
                test = _mentions(value, corrector)
            elif name in ("after", "before"):
                test = _date_bound(value, after=name == "after")
                if test is None:
                    parsed.problems.append(f"{name}: needs a date like 2025-10-01, not {value!r}")
                    continue
                parsed.date_bounds.append(f"{name}:")
            else:  # has: / is:
                test = _flag(value.casefold())
                if test is None:
                    parsed.problems.append(f"{name}:{value} is not known; try is:unread")
                    continue
        elif not colon and _flag(word.casefold()) is not None and word.casefold() in FLAGS:
            test = _flag(word.casefold())
        else:
            parsed.words.append((fold(word), negate))
            continue
        assert test is not None
        parsed.tests.append((lambda t: lambda e: not t(e))(test) if negate else test)
    return parsed


def prepare_search(entries: Iterable[ListEntry]) -> None:
    """Fold every row's searchable text ahead of the first keystroke.

    Folding non-ASCII text costs ~10 µs a row, a second or more at 100k rows: done in the
    background right after the list shows, the first typed letter does not pay for it.
    """
    for entry in entries:
        _ = entry.haystack, entry.names_text


def filter_entries(
    entries: Iterable[ListEntry], query: str, corrector: NameCorrector | None = None
) -> tuple[list[ListEntry], list[str]]:
    """The entries a filter keeps, in their order, and what was wrong with the filter."""
    parsed = parse_query(query, corrector)
    if not parsed.date_bounds:
        return parsed.keep(entries), parsed.problems
    entries = list(entries)
    # Only dates without a year: an article with no date at all is plainly not in range.
    undated = sum(1 for e in entries if e.summary.date and not e.summary.date_iso)
    problems = list(parsed.problems)
    if undated:
        fields = "/".join(dict.fromkeys(parsed.date_bounds))
        problems.append(f"{no_year_message(undated)}: {fields} cannot place them")
    return parsed.keep(entries), problems


def no_year_message(count: int) -> str:
    """How many articles a date filter cannot place, said the same way in the TUI and CLI."""
    return f"{count} article{'s' if count != 1 else ''} dated without a year"


SORT_KEYS = ("date", "place", "source", "title", "tags", "marks", "state")


def _sort_value(entry: ListEntry, key: str) -> tuple[object, ...]:
    summary, annotation = entry.summary, entry.annotation
    if key == "place":
        return ((summary.place or "").casefold(),)
    if key == "source":
        return ((summary.agency or "").casefold(),)
    if key == "title":
        return (summary.title.casefold(),)
    if key == "tags":
        return (len(annotation.tags), " ".join(annotation.tags).casefold())
    if key == "marks":
        return (int(bool(annotation.note.strip())) + entry.highlights,)
    if key == "state":
        return (entry.state.starred, not entry.state.read)
    return (summary.sort_date,)


def sort_entries(entries: list[ListEntry], key: str, descending: bool) -> list[ListEntry]:
    """Sorted by one column, newest first within equal values, so ties stay readable."""
    by_date = sorted(entries, key=lambda e: (e.summary.sort_date, e.summary.path), reverse=True)
    if key == "date":
        return by_date if descending else by_date[::-1]
    return sorted(by_date, key=lambda e: _sort_value(e, key), reverse=descending)
