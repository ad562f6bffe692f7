"""Names found by patterns over the whole text rather than run by run.

Nicknamed people (Lee “Faker” Sang-hyeok), transcript speakers, players in box scores,
lists of counties, ministries named by a list of portfolios, towns before a state, and
the title-case lines where capitals say nothing about names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefreader.entities import gazetteer as gz
from briefreader.entities.types import PERSON, PLACE, Entity

_PLACE_PLURALS_RE = re.compile(
    r"\b(?:[Cc]ounties|[Pp]arishes|[Pp]rovinces|[Oo]blasts|[Dd]istricts|[Aa]irports)\b"
)
_PLACE_PLURAL_STEMS = ("ounties", "arishes", "rovinces", "blasts", "istricts", "irports")
# One or two capitalised words, middle initials allowed ("John F. Kennedy").
_LIST_NAME = r"[A-Z][\w’'-]*[a-z](?: (?:[A-Z]\. )?[A-Z][\w’'-]*[a-z])?"
_PLACE_LIST = rf"(?:{_LIST_NAME},\s+)*{_LIST_NAME},?\s+(?:and|or)\s+{_LIST_NAME}"
_PLACE_LIST_RE = re.compile(rf"{_PLACE_LIST}\s+$")
# The list after the plural and a dash or colon: "airports -- LaGuardia, JFK and Newark".
_PLACE_LIST_AFTER_RE = re.compile(rf"\s*(?:--|—|–|:)\s*({_PLACE_LIST})\b")
_LIST_NAME_RE = re.compile(_LIST_NAME)


def listed_places(text: str) -> list[Entity]:
    """The names in "Rogers, Craig and Mayes counties": each one is a county, a PLACE."""
    found: list[Entity] = []
    if not any(stem in text for stem in _PLACE_PLURAL_STEMS):
        return found  # most articles: a substring test is cheaper than the pattern's scan
    for plural in _PLACE_PLURALS_RE.finditer(text):
        start = max(0, plural.start() - 160)
        match = _PLACE_LIST_RE.search(text, start, plural.start())
        span: tuple[int, int] | None = match.span() if match else None
        if not match:
            after = _PLACE_LIST_AFTER_RE.match(text, plural.end())
            if not after:
                continue
            span = after.span(1)
        assert span is not None
        for name in _LIST_NAME_RE.finditer(text, span[0], span[1]):
            if name.group() not in gz.FUNCTION_WORDS:
                found.append(Entity(name.start(), name.end(), PLACE, name.group()))
    return found


# A ministry or department named by a list of portfolios, commas inside the name.
LISTED_PORTFOLIOS_RE = re.compile(
    r"\b(?:Ministry|Department|Committee) of (?:[A-Z][a-z]+, )+"
    r"(?:[A-Z][a-z]+ )?and [A-Z][a-z]+\b"
)
# A box score's line: a player's name (an initial allowed) opening a line or a sentence,
# then a number and what was counted ("K. Hupfer 1 goal.", "Armani Sheffield 19 points").
_STAT_LINE_RE = re.compile(
    r"(?:^|(?<=[.:;,]\s)|(?<=\n))((?:[A-Z][A-Za-z]?\.?\s)?[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)"
    r"\s\d+\s(?:points?|goals?|assists?|saves|rebounds|steals|blocks|yards|touchdowns?|"
    r"strikeouts|tackles|sacks|receptions|carries)\b",
    re.MULTILINE,
)


def stat_lines(text: str) -> list[Entity]:
    """Players named in a box score: "Tolivert 25 points. Davis 17 points." are people."""
    if " points" not in text and " goal" not in text and " saves" not in text:
        return []
    found = []
    for match in _STAT_LINE_RE.finditer(text):
        name = match.group(1)
        if name in gz.ORGANISATIONS or name in gz.COMMON_WORDS or name in gz.FUNCTION_WORDS:
            continue  # "Lakers 110 points", "The 25 points"
        found.append(Entity(match.start(1), match.end(1), PERSON, name))
    return found


# US states, cities and countries written as dotted initials (the full stops kept).
DOTTED_PLACES = gz.load_words("dotted_places.txt")
_AFTER_DOTTED_RE = re.compile(r",\s+([A-Z](?:\.[A-Z][a-z]?)+)\.")
_AFTER_COMMA_RE = re.compile(r",\s+([A-Z][A-Za-z]*)(\.?)(?![’'\w])(\s*[,;:)]|\s*$|)")


def before_state(text: str, end: int) -> bool:
    """A state ("Neb.", "TX", "Texas") or a country after a comma: a town's address."""
    dotted = _AFTER_DOTTED_RE.match(text, end)
    if dotted and dotted.group(1) in DOTTED_PLACES:
        return True  # "Linden, N.J."
    match = _AFTER_COMMA_RE.match(text, end)
    if not match:
        return False
    word, stop, closed = match.groups()
    if stop and word in gz.STATE_ABBREVIATIONS:
        return True
    return (bool(closed) or stop == ".") and (
        word in gz.STATE_CODES or word in gz.COUNTRIES or word in gz.US_STATES
    )


_HEADLINE_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in title case (headlines, "Read more:" links, shop blurbs).

    There capitals say nothing about names, so unknown words are not guessed as names.
    A line counts when it has four words or more, at least 70% of its words of four
    letters or more are capitalised, and it does not end like a sentence.
    """
    found = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        stripped = line.rstrip()
        if stripped and stripped[-1] not in '.!?"”)':
            words = _HEADLINE_WORD.findall(line)
            long = [w for w in words if len(w) >= 4]
            if len(words) >= 4 and long and sum(w[0].isupper() for w in long) >= 0.7 * len(long):
                found.append((start, end))
        start = end + 1
    return found


# Every nicknamed name has a quoted capitalised word inside: a text without one has none.
# Looking for that first (a scan for a quote mark, which the engine does fast) spares the
# full pattern's attempt at every word of the many articles that have no nickname at all.
_QUOTED_HANDLE = re.compile(r"[“\"][A-Z]\w*[”\"]")


def nicknamed_people(text: str, dates: Sequence[Entity]) -> list[Entity]:
    """Names with a quoted handle inside: Lee “Faker” Sang-hyeok."""
    if not _QUOTED_HANDLE.search(text):
        return []
    pattern = re.compile(r"\b[A-Z][\w’'-]*\s+[“\"][A-Z]\w*[”\"]\s+[A-Z]\w*(?:-\w+)*")
    found = []
    for match in pattern.finditer(text):
        if any(d.start < match.end() and match.start() < d.end for d in dates):
            continue
        found.append(Entity(match.start(), match.end(), PERSON, match.group()))
    return found


_SPEAKER_RE = re.compile(r"^[A-Z][A-Z’'-]+(?: [A-Z][A-Z’'-]+){1,2}(?=: )", re.MULTILINE)


def speakers(text: str) -> list[Entity]:
    """Speakers in a transcript: "MARK BANNERMAN: Perhaps..." opening a line."""
    if not _SPEAKER_RE.search(text):
        return []
    lower = frozenset(re.findall(r"\b[a-z]+\b", text))  # ordinary words: "ADD TO CART"
    found = [
        Entity(m.start(), m.end(), PERSON, m.group())
        for m in _SPEAKER_RE.finditer(text)
        if not any(
            w.title() in gz.PLACES
            or w.title() in gz.COMMON_WORDS
            or w in gz.ORGANISATIONS
            or w.casefold() in lower
            for w in m.group().split()
        )
    ]
    if len(found) < 2:  # one shouted label is a button or a heading, two turns a transcript
        return [e for e in found if e.text.split()[0].title() in gz.GIVEN_NAMES]
    return found
