"""Find people, organisations, places and dates in article text, offline and instantly.

A rule-based recognizer: a date grammar, gazetteers, organisation head nouns ("Ministry",
"Forces"), titles that announce a person, and surname coreference within an article. It
follows the annotation convention in shared/ner/GUIDELINE.md: no determiners, titles or
possessives inside spans, spans never overlap. Recognizers share one interface so a
statistical backend can stand in later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from briefreader import gazetteer as gz

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


_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
_MONTH = rf"(?:{_MONTH_NAMES}|(?:{_MONTH_ABBR})\.?)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_MODIFIER = r"(?:[Ee]arly|[Mm]id|[Ll]ate|[Ee]nd of|[Bb]eginning of|[Mm]id-)"
_RELATIVE = r"(?:[Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier this|[Ll]ater this|[Pp]revious|[Cc]oming)"
_PERIOD = r"(?:year|month|week|spring|summer|autumn|fall|winter|decade|century|weekend)"

_DATE_PATTERNS = [
    r"\b\d{4}-\d{2}-\d{2}\b",
    rf"\b(?:{_MODIFIER}[\s-])?(?:{_DAY}\s+)?{_MONTH}(?:\s+{_DAY}\b)?(?:,?\s+{_YEAR}\b)?",
    rf"\b(?:{_RELATIVE}\s+)?{_WEEKDAY}\b",
    rf"\b{_RELATIVE}\s+(?:{_PERIOD}|{_MONTH_NAMES})\b",
    r"\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow)\b",
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+"
    r"(?:days?|weeks?|months?|years?|decades?)\s+ago\b",
    rf"\b(?:the\s+)?{_YEAR}s\b",
    rf"\b(?:{_MODIFIER}\s+)?{_YEAR}\b(?![-\d])",
]
_DATE_RE = re.compile("|".join(f"(?:{p})" for p in _DATE_PATTERNS))

# A capitalised word, possibly hyphenated ("Belarus-Russia") or dotted ("U.S.", "St.").
_WORD = r"(?:[A-Z][\w’'.]*(?:-[A-Z][\w’'.]*)*|[A-Z]{2,})"
_CONNECTOR = r"(?:of the|of|for the|for|on|and|de|al|bin|von|van|der|la)"
_RUN_RE = re.compile(rf"{_WORD}(?:[^\S\n]+(?:{_CONNECTOR}[^\S\n]+)?{_WORD})*")
_POSSESSIVE = re.compile(r"[’']s$|[’']$")


class RuleRecognizer:
    """The default recognizer: rules and gazetteers, no model, no download."""

    def recognize(self, text: str) -> list[Entity]:
        """Find entities; people found anywhere make their bare surnames people everywhere."""
        dates = [Entity(m.start(), m.end(), DATE, m.group()) for m in _DATE_RE.finditer(text)]
        dates = [d for d in (_trim_date(text, d) for d in dates) if d is not None]
        taken = _Occupancy(dates)
        names: list[Entity] = []
        for run in _runs(text, taken):
            names.extend(_classify_run(text, run[0], run[1]))
        surnames = {word for e in names if e.label == PERSON for word in e.text.split()[1:]}
        resolved = []
        for entity in names:
            if entity.label == "?" and entity.text in surnames:
                resolved.append(Entity(entity.start, entity.end, PERSON, entity.text))
            elif entity.label != "?":
                resolved.append(entity)
        return sorted(dates + resolved)


class _Occupancy:
    """Character ranges already claimed, so name runs never overlap a date."""

    def __init__(self, entities: list[Entity]) -> None:
        self.ranges = sorted((e.start, e.end) for e in entities)

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.ranges)


def _trim_date(text: str, entity: Entity) -> Entity | None:
    """Drop date matches that are really something else ("May" the verb, "2000 troops")."""
    value = entity.text
    if value in {"May", "March"}:  # without a day or year these are usually not dates
        return None
    if re.fullmatch(rf"(?:{_MONTH_ABBR})\.?", value):
        return None
    if re.fullmatch(_YEAR, value):
        before = text[max(0, entity.start - 12) : entity.start].split()
        if not before or before[-1].casefold() not in {
            "in",
            "since",
            "of",
            "by",
            "from",
            "until",
            "till",
            "to",
            "before",
            "after",
            "the",
            "during",
            "between",
            "and",
            "early",
            "late",
            "mid",
        }:
            return None
    if value.startswith("the "):
        return Entity(entity.start + 4, entity.end, DATE, value[4:])
    return entity


def _runs(text: str, taken: _Occupancy) -> list[tuple[int, int]]:
    """Capitalised word runs outside dates; a run may span "of the" inside a name."""
    runs = []
    for match in _RUN_RE.finditer(text):
        start, end = match.span()
        if taken.overlaps(start, end):
            # Split around the date: keep the word runs on either side.
            for part in _RUN_RE.finditer(text, start, end):
                pieces = _split_around(text, part.start(), part.end(), taken)
                runs.extend(pieces)
            continue
        runs.extend(_split_sentences(text, start, end))
    return runs


_ABBREVIATED = re.compile(
    r"(?:[A-Z]\.)+|(?:St|Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Jr|Sr|Gov|Sen|Rep)\."
)


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run never crosses a full stop, except after an initial or a short title."""
    pieces = []
    piece_start = start
    for word in re.finditer(r"\S+", text[start:end]):
        word_end = start + word.end()
        if word.group().endswith(".") and not _ABBREVIATED.fullmatch(word.group()):
            pieces.append((piece_start, word_end))
            following = re.search(r"\S", text[word_end:end])
            if following is None:
                return pieces
            piece_start = word_end + following.start()
    pieces.append((piece_start, end))
    return [(s, e) for s, e in pieces if e > s]


def _split_around(text: str, start: int, end: int, taken: _Occupancy) -> list[tuple[int, int]]:
    words = [m.span() for m in re.finditer(r"\S+", text[start:end])]
    pieces: list[tuple[int, int]] = []
    current: list[tuple[int, int]] = []
    for ws, we in words:
        if taken.overlaps(start + ws, start + we):
            if current:
                pieces.append((start + current[0][0], start + current[-1][1]))
            current = []
        else:
            current.append((ws, we))
    if current:
        pieces.append((start + current[0][0], start + current[-1][1]))
    return pieces


def _classify_run(text: str, start: int, end: int) -> list[Entity]:
    """Label one capitalised run, splitting it where it holds more than one name."""
    tokens = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    # Trailing punctuation that the word pattern took along ("U.S." keeps its dot).
    tokens = [_strip_token(text, s, e) for s, e in tokens]
    # A possessive ends a name: "Japan's Health Ministry" is two names.
    for index, (s, e) in enumerate(tokens):
        found = _POSSESSIVE.search(text[s:e])
        if found and index < len(tokens) - 1:
            head = _classify_run(text, tokens[0][0], s + found.start())
            return head + _classify_run(text, tokens[index + 1][0], tokens[-1][1])
        if found:
            tokens[index] = (s, s + found.start())
    words = [text[s:e] for s, e in tokens]
    # Leading function words and titles are not part of a name.
    while words and (words[0] in gz.FUNCTION_WORDS or words[0].casefold() in {"the", "a"}):
        words, tokens = words[1:], tokens[1:]
    if not words:
        return []
    return _label_words(text, tokens, words)


def _strip_token(text: str, s: int, e: int) -> tuple[int, int]:
    token = text[s:e]
    if token in gz.PLACES or token in gz.TITLES or re.fullmatch(r"(?:[A-Z]\.)+", token):
        return s, e
    return s, s + len(token.rstrip(".,;:"))


def _span(text: str, tokens: list[tuple[int, int]], label: str) -> Entity:
    return Entity(tokens[0][0], tokens[-1][1], label, text[tokens[0][0] : tokens[-1][1]])


def _label_words(text: str, tokens: list[tuple[int, int]], words: list[str]) -> list[Entity]:
    phrase = " ".join(words)
    lowered = [w.casefold() for w in words]
    # Whole-run organisations: known names, or a run ending in a head noun.
    if phrase in gz.PLACES:
        return [_span(text, tokens, PLACE)]
    if phrase in gz.ORGANISATIONS:
        return [_span(text, tokens, ORG)]
    connector_at = next((i for i, w in enumerate(words) if w in {"of", "for"}), None)
    if connector_at and words[connector_at - 1] in gz.ORG_HEADS:
        # "Supreme State Council of the Union State": one name across "of the".
        return [_span(text, tokens, ORG)]
    for size in range(min(3, len(words) - 1), 1, -1):
        if " ".join(words[-size:]) in gz.ORGANISATIONS:
            # Countries and nationality words in front belong to the name
            # ("Belarus-Russia Union State"); anything else is a separate word.
            first = len(words) - size
            while first > 0 and _is_qualifier(words[first - 1]):
                first -= 1
            head = _label_words(text, tokens[:first], words[:first]) if first else []
            return [*head, _span(text, tokens[first:], ORG)]
    if words[-1] in gz.ORG_HEADS and not (len(words) == 1 and words[0] in gz.GENERIC_ORG_WORDS):
        title_at = _last_title(words)
        if title_at is None or title_at < len(words) - 1:
            # "Supreme State Council of the Union State": connectors stay inside.
            return [_span(text, tokens, ORG)]
    if "of" in lowered or "for" in lowered or "and" in lowered or "on" in lowered:
        return _split_connectors(text, tokens, words)
    if phrase in gz.PLACES or (phrase.isupper() and phrase.title() in gz.PLACES):
        return [_span(text, tokens, PLACE)]
    title_at = _last_title(words)
    if title_at is not None:
        rest_tokens, rest_words = tokens[title_at + 1 :], words[title_at + 1 :]
        if not rest_words:
            return []
        before = _label_words(text, tokens[:title_at], words[:title_at]) if title_at else []
        organisations = [e for e in before if e.label in (ORG, PLACE)]
        return [*organisations, _span(text, rest_tokens, PERSON)]
    if words[0] in gz.GIVEN_NAMES and 2 <= len(words) <= 4:
        return [_span(text, tokens, PERSON)]
    given_at = next((i for i, w in enumerate(words[:-1]) if w in gz.GIVEN_NAMES), None)
    if given_at and all(w in gz.TITLES or _is_qualifier(w) for w in words[:given_at]):
        # "State Antony Blinken" after "Secretary of": the name starts at the given name.
        return [_span(text, tokens[given_at:], PERSON)]
    if "-" in phrase and len(words) == 1:
        return _split_hyphen(text, tokens[0])
    if len(words) > 1:
        found: list[Entity] = []
        for token, word in zip(tokens, words, strict=True):
            found.extend(_label_words(text, [token], [word]))
        return found
    if words[0] in gz.NATIONALITIES or words[0] in gz.TITLES:
        return []
    return [_span(text, tokens, "?")]  # resolved later if it is a known person's surname


def _is_qualifier(word: str) -> bool:
    parts = word.split("-")
    return all(p in gz.PLACES or p in gz.NATIONALITIES for p in parts)


def _last_title(words: list[str]) -> int | None:
    positions = [i for i, w in enumerate(words) if w in gz.TITLE_HEADS]
    return positions[-1] if positions else None


def _split_connectors(text: str, tokens: list[tuple[int, int]], words: list[str]) -> list[Entity]:
    found: list[Entity] = []
    group_t: list[tuple[int, int]] = []
    group_w: list[str] = []
    for token, word in zip(tokens, words, strict=True):
        if word in {"of", "for", "on", "and", "the", "de", "al", "bin", "von", "van", "der", "la"}:
            if group_w:
                found.extend(_classify_tokens(text, group_t, group_w))
            group_t, group_w = [], []
        else:
            group_t.append(token)
            group_w.append(word)
    if group_w:
        found.extend(_classify_tokens(text, group_t, group_w))
    return found


def _classify_tokens(text: str, tokens: list[tuple[int, int]], words: list[str]) -> list[Entity]:
    while words and words[0] in gz.FUNCTION_WORDS:
        words, tokens = words[1:], tokens[1:]
    return _label_words(text, tokens, words) if words else []


def _split_hyphen(text: str, token: tuple[int, int]) -> list[Entity]:
    """Split "Belarus-Russia" into two places; each part stands alone."""
    found = []
    offset = token[0]
    for part in text[token[0] : token[1]].split("-"):
        if part in gz.PLACES:
            found.append(Entity(offset, offset + len(part), PLACE, part))
        elif part in gz.ORGANISATIONS:
            found.append(Entity(offset, offset + len(part), ORG, part))
        offset += len(part) + 1
    return found


DEFAULT_RECOGNIZER = RuleRecognizer()


def recognize(text: str) -> list[Entity]:
    """Entities in text with the default backend."""
    return DEFAULT_RECOGNIZER.recognize(text)
