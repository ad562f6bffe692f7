"""Find people, organisations, places and dates in article text, offline and instantly.

A rule-based recognizer that follows the annotation convention in shared/ner/GUIDELINE.md
(no determiners, titles or possessives inside spans; spans never overlap):

1. a date grammar (calendar dates, weekdays, anchored relative dates, holidays, years in a
   date-like context) claims its characters first;
2. the rest of the text is cut into runs of capitalised words (joined by "of", "for the",
   name particles...), never across punctuation or a sentence end;
3. each run is read left to right: organisation phrases ending in a head noun ("Ministry",
   "University", "Airlines", "Department of Justice"), known organisations and places
   (longest match), place phrases ending in a place head noun ("Airport", "County"),
   titles that announce a person ("Defense Minister", "Judge"), given names, acronyms;
4. surnames and nicknames of people found anywhere in the article make the same words
   people everywhere in it (coreference); leftover unknown words are decided from their
   context or dropped, since precision matters as much as recall.

Recognizers share one interface so a statistical backend can stand in later.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefreader.entities import gazetteer as gz
from briefreader.entities.types import DATE, LABELS, ORG, PERSON, PLACE, Entity, Recognizer

__all__ = ["DATE", "LABELS", "ORG", "PERSON", "PLACE", "Entity", "Recognizer", "recognize"]

# Changed whenever recognition changes: the index keeps names found by one version, and a
# library indexed by another is read again rather than mixing the two.
RECOGNIZER_VERSION = "2026-12-06.2"  # name data round (world names, towns, legal forms), ner10


# -- dates -----------------------------------------------------------------------------

_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
_MONTH = rf"(?:{_MONTH_NAMES}|(?:{_MONTH_ABBR})\.?)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[7-9]\d\d|20\d\d)"
_MODIFIER = r"(?:[Ee]arly|[Mm]id|[Ll]ate|[Ee]nd of|[Bb]eginning of|[Ss]tart of)"
_RELATIVE = (
    r"(?:[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Pp]revious|[Cc]oming|[Rr]ecent|[Cc]urrent|"
    r"[Ee]arlier this|[Ll]ater this|[Ee]arlier last|[Ll]ater last|[Ee]arlier next)"
)
_PERIOD = r"(?:year|month|week|spring|summer|autumn|fall|winter|decade|century|weekend|quarter)"
_NUMBER = (
    r"(?:\d+|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|"
    r"[Tt]welve|[Ff]ifteen|[Tt]wenty|[Tt]hirty|[Ff]ifty|[Aa] few|[Aa] couple of|[Ss]everal|"
    r"[Mm]any|[Aa]n?)"
)
_UNITS = r"(?:[Dd]ays?|[Ww]eeks?|[Mm]onths?|[Yy]ears?|[Dd]ecades?|[Cc]enturies|[Cc]entury)"
_HOLIDAY = (
    r"(?:Christmas(?: Eve| Day)?|Thanksgiving(?: Day)?(?: holiday)?(?: weekend)?|"
    r"New Year(?:['’]s (?:Day|Eve))?|Easter(?: Sunday| Monday)?|Ramadan|Hanukkah|Passover|"
    r"Halloween|Eid(?: al-Fitr| al-Adha)?|Yom Kippur|Rosh Hashanah|Diwali|"
    r"(?:Independence|Memorial|Labor|Labour|Veterans|Victory|Boxing|Valentine['’]s) Day)"
)
_EPOCH = (
    r"(?:Cenozoic|Mesozoic|Paleozoic|Palaeozoic|Precambrian|Cambrian|Devonian|Permian|"
    r"Triassic|Jurassic|Cretaceous|Paleocene|Eocene|Oligocene|Miocene|Pliocene|Pleistocene|"
    r"Holocene|Anthropocene)"
)

_DATE_PATTERNS = [
    r"\b\d{4}-\d{2}-\d{2}\b",
    r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b",
    # "Sunday, October 29", "early January 2023", "19 December 2025", "Nov. 2"
    rf"\b(?:{_WEEKDAY},?\s+)?(?:{_MODIFIER}[\s-])?(?:{_DAY}\s+(?:of\s+)?)?{_MONTH}"
    rf"(?:\s+{_DAY}\b)?(?:,?\s+{_YEAR}\b)?",
    rf"\b(?:{_RELATIVE}\s+)?{_WEEKDAY}\b",
    rf"\b(?:(?:[Ee]arlier|[Ll]ater)\s)?{_RELATIVE}\s+(?:{_PERIOD}|{_MONTH_NAMES})\b",
    rf"\b{_RELATIVE}\s+(?:years|months|weeks|days|decades|times)\b",
    # "the next five years", "the past two decades": a stretch anchored to now
    rf"\b(?:[Nn]ext|[Pp]ast|[Ll]ast|[Cc]oming|[Pp]revious)\s+(?:{_NUMBER}|few)\s+{_UNITS}\b",
    r"\b\d[\d,]*\s(?:BCE|BC|CE|AD)\b",  # "5,316 BCE"
    # "the following day"; "in the spring", "over the weekend": the season alone, not
    # "the fall of Rome"
    r"\b(?<=the )(?:(?:following|previous|next|preceding) (?:day|week|month|year)\b|"
    r"new year\b|end of (?:the|this|last|next) (?:year|month|week|decade)\b|"
    r"(?:spring|summer|autumn|fall|winter|weekend)\b(?!\s+(?:of|in|from|to|on|by|for|and)\b|-))",
    rf"\bQ[1-4](?:\s+(?:of\s+)?{_YEAR})?\b",
    r"\b9/11\b(?!/)",
    r"\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow)\b",
    rf"\b(?:{_NUMBER}\s+)?{_UNITS}\s+(?:ago|later|earlier)\b",
    rf"\b(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)(?:\s+of)?\s+{_YEAR}\b",
    rf"\b(?:{_MODIFIER}[\s-])?(?:1[7-9]|20)\d0s\b",
    rf"\b(?:{_MODIFIER}\s)?['’]\d0s\b",  # "the '80s and early '90s"
    rf"\b{_HOLIDAY}(?:,?\s+{_YEAR})?\b(?!\s+[A-Z])",
    rf"\b{_EPOCH}\b",
    rf"\b(?:{_MODIFIER}[\s-])?{_YEAR}\b(?![-\d])",
]
# What a date can open with: every pattern above starts with one of these (its optional
# leading parts included), so they let no match through that the patterns would not make.
_DATE_OPENINGS = "|".join(
    [
        r"\d",
        _WEEKDAY,
        _MODIFIER,
        _MONTH,
        _RELATIVE,
        r"[Ee]arlier|[Ll]ater",
        r"[Tt]oday|[Yy]esterday|[Tt]omorrow",
        _NUMBER,
        _UNITS,
        r"[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter|following|weekend",
        r"preceding|new year|end of",
        r"Q[1-4]",
        _HOLIDAY,
        _EPOCH,
    ]
)
# The first characters of those openings (no lower-case g h i j k q u v x z, no capital
# G K U X Z).
_DATE_FIRST_CHARS = r"[\dabcdeflmnoprstwyA-FH-JL-TV-WY]"
# Every pattern opens with a word boundary; testing it once, before the alternation, halves
# the time of the scan (the engine no longer tries each branch at every character). The
# two look-aheads then turn most words away before the thirteen patterns are tried: "the",
# "in", "said" cannot open a date. Together about twice as fast again, the same matches.
_DATE_RE = re.compile(
    rf"\b(?={_DATE_FIRST_CHARS})(?=(?:{_DATE_OPENINGS}))(?:"
    + "|".join("(?:" + p.removeprefix(r"\b") + ")" for p in _DATE_PATTERNS)
    + ")"
)
_MONTH_RE = re.compile(_MONTH)
_SHORT_DECADE_RE = re.compile(r"(?<![\w'’])['’]\d0s\b")  # "the '80s" (no word boundary)
_MONTH_NAMES_RE = re.compile(_MONTH_NAMES)
_BARE_YEAR = re.compile(rf"(?:{_MODIFIER}[\s-])?{_YEAR}")
_YEAR_CONTEXT = gz.load_words("date_year_context.txt")
_BARE_MONTH_CONTEXT = gz.load_words("date_month_context.txt")


def _dates(text: str) -> list[Entity]:
    """Date expressions, filtered where the same characters are usually something else."""
    found = []
    for match in _DATE_RE.finditer(text):
        start, end = match.span()
        value = match.group()
        before = text[max(0, start - 20) : start].split()
        previous = before[-1].casefold().strip('("“') if before else ""
        bare_month = _MONTH_NAMES_RE.fullmatch(value)
        if not bare_month and _MONTH_RE.fullmatch(value):
            continue  # "Jan" alone is a name more often than a month
        if bare_month:
            if previous not in _BARE_MONTH_CONTEXT:
                continue
        if _BARE_YEAR.fullmatch(value):
            following = text[end : end + 1]
            capital_before = (
                bool(before) and before[-1][:1].isupper() and previous not in (_YEAR_CONTEXT)
            )
            if previous not in _YEAR_CONTEXT and (
                capital_before or following not in {".", ",", ";", ":", ")", ""}
            ):
                continue
        if value == "Today" and before and before[-1] in gz.ORGANISATIONS | gz.PLACES:
            if not _opens_sentence(text, start, 0):
                continue  # "USA Today", "Russia Today": a paper's name, not the day
        if value.startswith(("the ", "The ")):
            start, value = start + 4, value[4:]
        found.append(Entity(start, start + len(value), DATE, value))
    if "0s" in text:
        for match in _SHORT_DECADE_RE.finditer(text):
            if not any(d.start <= match.start() < d.end for d in found):
                found.append(Entity(match.start(), match.end(), DATE, match.group()))
        found.sort(key=_span_start)
    return found


# -- tokens ----------------------------------------------------------------------------

_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")
_ABBREVIATIONS = (
    gz.load_words("abbreviations.txt")
    | gz.STATE_ABBREVIATIONS
    # legal forms written with a full stop ("Pvt. Ltd.", "Bhd."): no sentence ends there
    | frozenset(
        f[:-1] for f in gz.LEGAL_FORMS if f.endswith(".") and not _INITIALS.fullmatch(f[:-1])
    )
)
_HYPHEN_SUFFIXES = gz.load_words("hyphen_suffixes.txt")
_HYPHEN_PREFIXES = frozenset("anti pro ex non post pre mid trans inter pan neo sub".split())
_CONNECTORS = frozenset({"of", "for", "on", "the", "and", "&"}) | gz.NAME_PARTICLES
# A word: letters, digits and "&", with an apostrophe, full stop or hyphen inside when a
# letter or digit follows ("O’Brien", "U.S", "Sang-hyeok"); runs of word characters at a
# time rather than one character per step through an alternation (same matches).
_TOKEN_BODY = r"[\w&]*(?:[’'.\-](?=[^\W_])[\w&]*)*"
# The words a name run can use: those that do not start in lower case (names, numbers),
# connectors, and hyphenated words whose prefix is split off ("pro-Russia"). An all
# lower-case word only breaks a run, which the gap before the next kept word shows as well,
# so the scan skips those inside the regex engine. The look-behinds make a match start only
# where a word starts, never inside one ("McDonald", "O’Brien", "AT&T").
_TOKEN_RE = re.compile(
    r"(?<![\w&])(?<![\w&][’'.\-])(?:[^\W_a-z]"
    + _TOKEN_BODY
    + r"|(?:"
    + "|".join(sorted(_HYPHEN_PREFIXES))
    + r")-[^\W_]"
    + _TOKEN_BODY
    + r"|(?:"
    + "|".join(sorted(_CONNECTORS - {"&"}, key=len, reverse=True))
    + r")(?![\w&]|[’'.\-][^\W_]))"
)
_QUOTE_AFTER_COMMA = re.compile(r",\s*[\"”’]\s*$")
_CAPS_NOISE = gz.load_words("capitals_not_names.txt")


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    possessive: bool = False  # followed by 's or ’ (the name ends here)
    sentence_start: bool = False
    gap_before: str = " "  # the characters between this token and the previous one


_SENTENCE_PUNCTUATION = frozenset('.!?:;\n"“”‘’([—–')


def _opens_sentence(text: str, start: int, first_word: int) -> bool:
    """Whether the word at start follows a sentence end, a heading break or an opening quote.

    A backwards scan over at most 40 characters: this runs for every capitalised word, so it
    avoids slicing the text and running a regular expression on the slice.
    """
    if start <= first_word:
        return True
    low = max(0, start - 40)
    k = start
    newline = False
    while k > low and text[k - 1].isspace():
        k -= 1
        newline = newline or text[k] == "\n"
    if newline or k == low:
        return True
    char = text[k - 1]
    if char in _SENTENCE_PUNCTUATION:
        return True
    return char == "-" and k - 2 >= low and (text[k - 2] == "-" or text[k - 2].isspace())


def _tokens(text: str, taken: list[tuple[int, int]]) -> list[_Token]:
    """Word tokens outside dates, with possessives and useless hyphen parts split off.

    Lower-case words other than connectors are not kept (the regex skips the ASCII ones,
    the check below the rest): a name run only needs to know that something broke it, and
    the gap before the next kept token, which then holds a word, says so. Most words of news
    copy are lower case, so this skips most of the work.
    """
    tokens: list[_Token] = []
    blocked = sorted(taken)
    next_block = 0
    previous_end = 0
    first_word = len(text) - len(text.lstrip())
    text_end = len(text)
    for match in _TOKEN_RE.finditer(text):
        word = match.group()
        if word[0].islower() and word.islower() and word not in _CONNECTORS:
            continue
        start, end = match.span()
        while next_block < len(blocked) and blocked[next_block][1] <= start:
            next_block += 1
        if next_block < len(blocked) and blocked[next_block][0] < end:
            continue  # inside a date or a nicknamed person
        # Initials and abbreviations keep their full stop ("U.S.", "St.", "M.").
        if (
            end < text_end
            and text[end] == "."
            and (word in _ABBREVIATIONS or _INITIALS.fullmatch(word))
        ):
            end += 1
            word += "."
        parts = [(start, end)] if "-" not in word else _hyphen_parts(word, start)
        for part_start, part_end in parts:
            part = text[part_start:part_end]
            possessive = False
            if part.endswith(("’s", "'s")) and len(part) > 2:
                part_end -= 2
                part = part[:-2]
                possessive = True
            elif part_end < text_end and text[part_end] in "’'" and part.endswith("s"):
                after = text[part_end + 1 : part_end + 2]
                possessive = not after.isalnum()
            sentence_start = (
                part[:1].isupper()
                and _opens_sentence(text, part_start, first_word)
                and not _QUOTE_AFTER_COMMA.search(text, max(0, part_start - 40), part_start)
            )
            tokens.append(
                _Token(
                    part_start,
                    part_end,
                    part,
                    possessive,
                    sentence_start,
                    text[previous_end:part_start],
                )
            )
            previous_end = part_end
    return tokens


def _hyphen_parts(word: str, start: int) -> list[tuple[int, int]]:
    """Split "US-led" and "pro-Russia", keep "Mar-a-Lago", "Sang-hyeok" and "Iraq-Iran"."""
    if "-" not in word:
        return [(start, start + len(word))]
    parts = word.split("-")
    spans = []
    offset = start
    for part in parts:
        spans.append((offset, offset + len(part)))
        offset += len(part) + 1
    if parts[0].casefold() in _HYPHEN_PREFIXES and len(parts) > 1 and parts[1][:1].isupper():
        return [(spans[1][0], start + len(word))]
    if parts[-1].casefold() in _HYPHEN_SUFFIXES and parts[0][:1].isupper():
        return [(start, spans[-2][1])]
    known = [p in gz.PLACES or p in gz.ORGANISATIONS or p in gz.NATIONALITIES for p in parts]
    if all(known) and len(parts) > 1:
        return spans
    return [(start, start + len(word))]


def _previous_char(text: str, position: int) -> str:
    """The last non-space character before position ("" at the start)."""
    k = position
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return text[k - 1] if k else ""


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "").replace("&", "")
    return (
        len(letters) >= 2
        and letters.isalnum()
        and letters[:1].isalpha()
        and letters.upper() == letters
    )


def _runs(tokens: list[_Token]) -> list[list[_Token]]:
    """Capitalised tokens joined by single spaces, with connectors allowed inside."""
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    pending: list[_Token] = []  # connectors waiting for a capitalised word
    for token in tokens:
        joined = token.gap_before in {" ", "-"} and current and not current[-1].possessive
        if _is_cap(token.text) or (token.text[:1].isdigit() and current and joined):
            if current and joined and (not pending or pending[-1].gap_before == " "):
                current.extend(pending)
                current.append(token)
            else:
                if current:
                    runs.append(current)
                current = [token]
            pending = []
        elif token.text in _CONNECTORS and current and joined and len(pending) < 2:
            pending.append(token)
        else:
            if current:
                runs.append(current)
            current, pending = [], []
    if current:
        runs.append(current)
    return runs


# -- classifying runs ------------------------------------------------------------------


@dataclass
class _Mention:
    start: int
    end: int
    label: str  # PERSON, ORG, PLACE or "?" (unknown, decided after coreference)
    words: tuple[str, ...]
    context: str = ""  # the lower-case word before the run, for unknown names
    sentence_start: bool = False
    in_phrase: bool = False  # next to ordinary capitalised words ("Paris Climate Accord")


class _Reader:
    """Reads one article: first pass over the runs, then coreference and guesses."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower_words = frozenset(re.findall(r"\b[a-z][a-z’']+\b", text))
        self.mid_sentence: set[str] = set()
        self._spoken: dict[str, bool] = {}
        self.org_aliases: set[str] = set()
        self.work_acronyms: set[str] = set()

    def spoken(self, word: str) -> bool:
        """The word acts as a person somewhere in the text ("X said", "according to X").

        Evidence for a lone surname the name lists do not know ("X, who" too). Only such
        words are looked up, each once, by finding the word's occurrences.
        """
        known = self._spoken.get(word)
        if known is None:
            known = self._spoken[word] = _acts_as_person(self.text, word)
        return known

    def common(self, token: _Token) -> bool:
        """A capitalised word that is an ordinary word here, not a name."""
        word = token.text
        if word in gz.COMMON_WORDS:
            return True
        if token.sentence_start and word.endswith(("ing", "ly")) and word not in gz.PLACES:
            return True
        return word.casefold() in self.lower_words and (
            token.sentence_start or word not in gz.GIVEN_NAMES
        )

    def read_run(self, run: list[_Token]) -> list[_Mention]:
        """Read one run left to right, taking the longest reading at each position."""
        mentions: list[_Mention] = []
        i = 0
        after_title = False
        n = len(run)
        words = [t.text for t in run]
        if n >= 2 and all(_is_acronym(w) or w.isupper() for w in words):
            # A shouted heading ("ADD TO CART") unless it is a known name ("NEW YORK").
            if not all(w.title() in gz.PLACES or w in gz.ORGANISATIONS for w in words) and (
                " ".join(words).title() not in gz.PLACES
            ):
                return []
        work_end = _work_spans(run)
        while i < n:
            token = run[i]
            word = token.text
            if word in _SHIP_PREFIXES and i + 1 < n and _is_cap(run[i + 1].text):
                i = self.unknown_end(run, i + 1)  # "USS Higgins": ships carry no entities
                after_title = False
                continue
            if i in work_end:
                i = work_end[i]  # "Paris Climate Accord", "US Open": no entities inside
                defined = _DEFINED_ACRONYM.match(self.text, run[i - 1].end)
                if defined:  # "Economic Recovery and Growth Plan (EGRP)": the plan again
                    self.work_acronyms.add(defined.group(1))
                after_title = False
                continue
            if (
                word in _CONNECTORS
                or word in gz.FUNCTION_WORDS
                or (
                    token.sentence_start
                    and self.common(token)
                    and not after_title
                    and not (word in gz.TITLES and i + 1 < n and _is_cap(run[i + 1].text))
                    and (self.known(run, i)[0] or 0) <= i + 1
                    and (
                        word.endswith(("ing", "ly", "ed"))
                        or (self.org_phrase(run, i) or 0) <= i + 2
                    )
                )
            ):
                i += 1
                after_title = after_title and word in {"of", "the"}
                continue
            org_end = self.org_phrase(run, i)
            known_end, label = self.known(run, i)
            place_end = self.place_phrase(run, i) or self.facility_phrase(run, i)
            qualified = self.qualified_org(run, i)
            best = max(
                (org_end or 0, 1, ORG),
                (known_end or 0, 2, label),
                (place_end or 0, 0, PLACE),
                (qualified or 0, 3, ORG),
            )
            if best[0] > i and not (
                best[2] == PLACE and after_title and self.person_end(run, i) > best[0]
            ):
                if not (best[0] == i + 1 and word in gz.NATIONALITIES):
                    if best[2] == PLACE:
                        best = (self.named_after_place(run, i, best[0]), 0, ORG)
                        if (
                            best[0] == known_end
                            or best[0] == place_end
                            or _POLICE_AFTER.match(self.text, run[best[0] - 1].end)
                        ):
                            best = (best[0], 0, PLACE)  # "West Mercia police": the area
                    end = best[0]
                    if (
                        best[1] == 1
                        and end == i + 1
                        and end < n
                        and run[end].text in _PORTFOLIO_TITLES
                        and not token.possessive
                    ):
                        i += 1  # "Communications Minister Malcolm Turnbull": a portfolio
                        continue
                    if best[2] == ORG and end == known_end and end == i + 1:
                        product_end = self.product_end(run, i, end)
                        if product_end > end:  # "Apple TV", "Amazon Echo Dot", "Google Play"
                            i, after_title = product_end, False
                            continue
                    if (
                        best[2] == ORG
                        and end < n
                        and run[end].text in gz.COUNTRIES
                        and run[end].gap_before == " "
                        and not run[end - 1].possessive
                    ):
                        end += 1  # "Yahoo Japan", "Google China": the company's arm there
                    mentions.append(self.mention(run, i, end, best[2]))
                    i, after_title = end, False
                    continue
            if word == "House" and i + 1 < n and run[i + 1].text in _HOUSE_NEXT:
                if not token.possessive:  # "House Republicans", "House Speaker Pelosi"
                    mentions.append(self.mention(run, i, i + 1, ORG))
                    i, after_title = i + 1, False
                    continue
            if (
                (word in gz.TITLES or _hyphenated_title(word))
                and not token.possessive
                and i + 1 < n
                and not (word in gz.GIVEN_NAMES and after_title)
            ):
                if _is_cap(run[i + 1].text) and run[i + 1].text not in gz.ORG_HEADS:
                    after_title = True
                    i += 1
                    continue
            if word in gz.NATIONALITIES or word in gz.TITLES or _hyphenated_title(word):
                i += 1
                continue
            if self.common(token) and not after_title:
                i += 1
                continue
            if after_title or word in gz.GIVEN_NAMES or _hyphenated_given(word):
                end = self.person_end(run, i)
                mentions.append(self.mention(run, i, end, PERSON))
                i, after_title = end, False
                continue
            if _is_acronym(word) and word not in _CAPS_NOISE:
                end = i + 1
                while end < n and _is_cap(run[end].text) and not run[end - 1].possessive:
                    if run[end].text in gz.TITLES or run[end].gap_before != " ":
                        break
                    if _plural_noun(run[end].text):
                        break  # "U.S. Treasuries": the country and a thing, not one name
                    end += 1
                mentions.append(self.mention(run, i, end, ORG if end > i + 1 else "?"))
                i = end
                continue
            end = self.unknown_end(run, i)
            unknown = self.mention(run, i, end, "?")
            unknown.in_phrase = (
                ((i > 0 and self.ordinary(run[i - 1])) or (end < n and self.ordinary(run[end])))
                and not (
                    # "with Putin and Russia", "Gates and Rice": a surname next to "and" is no
                    # word of a title-case phrase
                    end == i + 1
                    and _known_surname(word)
                    and (i == 0 or run[i - 1].text in _CONNECTORS)
                    and (end == n or run[end].text in _CONNECTORS)
                )
                and not (
                    # "Marcel Granollers and Feliciano Lopez": a person listed after a person
                    i >= 2
                    and run[i - 1].text == "and"
                    and mentions
                    and mentions[-1].label == PERSON
                    and mentions[-1].end == run[i - 2].end
                    and _known_surname(run[end - 1].text)
                )
            )
            mentions.append(unknown)
            i = end
        return mentions

    def named_after_place(self, run: list[_Token], i: int, place_end: int) -> int:
        """End of "Las Vegas Sands", "Texas Instruments", "Boston Globe" after a place.

        In news copy a place followed in the same capitalised run by unknown name words is
        a company, team or paper named after the place; returns place_end when nothing
        follows. A given name in front of a surname stays a person ("Paris Hilton").
        """
        end = place_end
        n = len(run)
        if place_end == i + 1 and _is_acronym(run[i].text) and run[i].text in gz.COUNTRIES:
            return place_end  # "US Chinook helicopter", "the U.S. Market": the country
        while end < n and not run[end - 1].possessive and run[end].gap_before == " ":
            token = run[end]
            word = token.text
            if (
                word in gz.PLACES
                or word in gz.TITLES
                or word in gz.NATIONALITIES
                or word in gz.PLACE_HEADS
                or word in gz.GIVEN_NAMES
                or word in _CONNECTORS
                or self.common(token)
                or not _name_like(word)
                or _plural_noun(word)
            ):
                break
            end += 1
        if end > place_end and place_end == i + 1 and run[i].text in gz.GIVEN_NAMES:
            return place_end
        return end

    def ordinary(self, token: _Token) -> bool:
        """A capitalised ordinary word inside a title-case phrase, not at a sentence start."""
        word = token.text
        return (
            not token.sentence_start
            and word not in gz.FUNCTION_WORDS
            and word not in gz.TITLES
            and self.common(token)
        )

    def qualified_org(self, run: list[_Token], i: int) -> int | None:
        """Places and nationality words in front of a known organisation belong to it."""
        k = i
        while k < len(run) and (run[k].text in gz.PLACES or run[k].text in gz.NATIONALITIES):
            if run[k].possessive:
                return None
            k += 1
        if k == i or k >= len(run):
            return None
        end, label = self.known(run, k)
        if label != ORG:
            end = self.org_phrase(run, k)
        return end

    def mention(self, run: list[_Token], i: int, end: int, label: str) -> _Mention:
        before = self.text[max(0, run[i].start - 30) : run[i].start].split()
        context = before[-1].casefold() if before else ""
        words = tuple(t.text for t in run[i:end])
        return _Mention(
            run[i].start, run[end - 1].end, label, words, context, run[i].sentence_start
        )

    def org_phrase(self, run: list[_Token], i: int) -> int | None:
        """End of an organisation named by a head noun: "Health Ministry", "Bank of Japan"."""
        n = len(run)
        j = i
        head_end = None
        while j < n:
            word = run[j].text
            if word in _CONNECTORS:
                if (
                    word == "and"
                    and head_end is None
                    and j > i
                    and j + 1 < n
                    and _is_cap(run[j + 1].text)
                    and not _is_acronym(run[j + 1].text)  # "LNG Esports and JD Gaming"
                    and self.known(run, i)[0] != j  # "United Nations and European Union"
                    and self.org_phrase(run, j + 1) is not None
                ):
                    j += 1
                    continue  # "National Oceanic and Atmospheric Administration"
                break
            if (
                j == i
                and word in gz.GENERIC_ORG_WORDS
                and word in gz.ORG_HEADS
                and j + 2 < n
                and run[j + 1].text == "of"
                and _is_cap(run[j + 2].text)
                and not run[j].possessive
            ):
                head_end = j + 1  # "University of Southern California", "Bank of Japan"
                break
            if word in gz.ORG_HEADS and (j > i or run[j].text not in gz.GENERIC_ORG_WORDS):
                head_end = j + 1
                if word in gz.LEGAL_FORMS and not (j + 1 < n and run[j + 1].text in gz.LEGAL_FORMS):
                    break  # "Tata Sons Pvt. Ltd.", "Siemens Energy AG": a legal form ends it
            elif (
                j > i
                and head_end is None
                and run[j - 1].text in gz.ORG_HEADS
                and run[j - 1].text not in gz.GENERIC_ORG_WORDS
            ):
                break
            if run[j].possessive:
                break
            if head_end is None and (word in gz.TITLE_HEADS and word not in gz.ORG_HEADS):
                return None
            if head_end is not None and run[j - 1].text not in _CONNECTORS and j >= head_end:
                # After the head only "of/for/on (the) Name" continues the name.
                if word not in gz.ORG_HEADS:
                    break
            j += 1
        if head_end is None:
            return None
        if (
            run[i].text in gz.GIVEN_NAMES
            and head_end - i > 2
            and run[i + 1].text not in (gz.ORG_HEADS)
            and run[i + 1].text not in gz.PLACES  # "Sierra Nevada Corporation"
        ):
            return None  # "Kevin Wallace Foundation" is fine, "Rex Tillerson Exxon" is not
        # Pull in "of the Name" chains after the head.
        k = head_end
        while k < n and run[k].text in {"of", "for", "on", "and"}:
            m = k + 1
            while m < n and run[m].text == "the":
                m += 1
            if m < n and _is_cap(run[m].text) and run[k].text != "and":
                k = m + 1
                while k < n and _is_cap(run[k].text) and not run[k - 1].possessive:
                    if run[k].text in gz.TITLE_HEADS and run[k].text not in gz.ORG_HEADS:
                        break  # "Federal Reserve Bank of Kansas City President Hoenig"
                    k += 1
                head_end = k
            else:
                break
        # A leading title word is not part of the organisation: "Chief of the Army".
        if run[i].text in gz.TITLE_HEADS and run[i].text not in gz.ORG_HEADS:
            return None
        return head_end

    def place_phrase(self, run: list[_Token], i: int) -> int | None:
        """End of a place named by a head noun: "Ben Gurion Airport", "Gulf of Mexico"."""
        n = len(run)
        j = i
        while j < n and _is_cap(run[j].text) and run[j].text not in gz.PLACE_HEADS:
            if run[j].possessive or run[j].text in gz.TITLES:
                return None
            j += 1
        if j >= n or j == i or run[j].text not in gz.PLACE_HEADS:
            if j < n and j == i and run[j].text in gz.PLACE_HEADS:
                # "Gulf of Mexico", "Republic of Korea"
                if j + 2 < n and run[j + 1].text == "of" and _is_cap(run[j + 2].text):
                    if run[j].text not in gz.GENERIC_PLACE_WORDS:
                        return j + 3
            return None
        if any(self.common(t) and t.text not in _FACILITY_WORDS for t in run[i:j]):
            return None
        if run[j].text in gz.SURNAMES and run[j - 1].text in gz.GIVEN_NAMES:
            return None  # "Kevin Shore", "Sally Ridge": a person, not "Jersey Shore"
        while j + 1 < n and run[j + 1].text in gz.PLACE_HEADS and not run[j].possessive:
            j += 1  # "San Francisco Bay Area": heads one after another
        return j + 1

    def product_end(self, run: list[_Token], i: int, end: int) -> int:
        """End of the product names after a company's name ("Amazon Echo Dot").

        The guideline gives products no entities, the maker's name in front included. The
        words after the maker must be no known name, head, title or name part; returns
        end when nothing follows.
        """
        n = len(run)
        k = end
        while k < n and run[k].gap_before == " " and not run[k - 1].possessive:
            word = run[k].text
            if (
                not _is_cap(word)
                or word in gz.PLACES
                or word in gz.ORGANISATIONS
                or word in gz.ORG_HEADS
                or word in gz.PLACE_HEADS
                or word in gz.TITLES
                or word in gz.NATIONALITIES
                or word in gz.GIVEN_NAMES
                or word in gz.SURNAMES
                or word in gz.FUNCTION_WORDS
                or word in gz.GENERIC_ORG_WORDS
            ):
                break
            k += 1
        if k == end or (k < n and run[k].gap_before == " " and _is_cap(run[k].text)):
            return end  # the stretch goes on with a name: not a product
        # Something one owns or uses: "an Apple TV", "the Amazon Echo Dot", "Verizon Fios
        # TV subscribers". Without such a cue the words may be a division ("CNN Español").
        before = self.text[max(0, run[i].start - 12) : run[i].start].split()
        previous = before[-1].casefold().strip('“"(') if before else ""
        after = _PRODUCT_AFTER.match(self.text, run[k - 1].end)
        if previous in _PRODUCT_BEFORE or after:
            return k
        return end

    def facility_phrase(self, run: list[_Token], i: int) -> int | None:
        """End of "Plaza Hotel" in "at the Plaza Hotel", "at Manhattan's Plaza Hotel".

        Hotels, terminals, museums and the like are places only where the text puts
        something there: a place preposition (with or without "the") or a possessive
        place right before the name. Elsewhere "Hotel" or "Museum" ends an organisation
        or a work as often.
        """
        n = len(run)
        j = i
        while j < n and run[j].text not in _FACILITY_HEADS:
            if run[j].possessive or not _is_cap(run[j].text) or run[j].text in gz.TITLES:
                return None
            j += 1
        if j == i or j >= n:
            return None
        before = self.text[max(0, run[i].start - 30) : run[i].start].split()
        if before and before[-1] in {"the", "The"}:
            before.pop()
        if not before:
            return None
        previous = before[-1]
        if previous.casefold() in _FACILITY_PREPOSITIONS:
            return j + 1
        if any(t.text in _FACILITY_WORDS for t in run[i:j]):
            return j + 1  # "stormed the Bardo National Museum": a named public building
        if previous.endswith(("'s", "’s")) and previous[:-2] in gz.PLACES:
            return j + 1
        return None

    def known(self, run: list[_Token], i: int) -> tuple[int | None, str]:
        """Longest known organisation or place starting at i, ORG phrases first."""
        n = len(run)
        word = run[i].text
        longest = gz.KNOWN_PHRASE_LENGTHS.get(word, 1)
        if word.isupper():
            longest = max(longest, gz.KNOWN_PHRASE_LENGTHS.get(word.title(), 1))
        for end in range(min(n, i + min(6, longest)), i, -1):
            if end > i + 1 and any(t.possessive for t in run[i : end - 1]):
                continue
            phrase = word if end == i + 1 else " ".join(t.text for t in run[i:end])
            if phrase in gz.ORGANISATIONS:
                return end, ORG
            if phrase in gz.PLACES or (phrase.isupper() and phrase.title() in gz.PLACES):
                if end == i + 1 and run[i].text in gz.GIVEN_NAMES and i + 1 < n:
                    nxt = run[i + 1].text
                    if (
                        _is_cap(nxt)
                        and nxt not in gz.PLACES
                        and nxt not in _CONNECTORS
                        and nxt not in gz.TITLES  # "Cleveland DL Larry Ogunjobi": the team
                    ):
                        continue  # "Jordan Henderson", "Georgia Meloni"
                if end == i + 1 and run[i].sentence_start and self.common(run[i]):
                    continue
                return end, PLACE
        if (word in gz.STATE_CODES or word.rstrip(".") in gz.STATE_ABBREVIATIONS) and (
            _previous_char(self.text, run[i].start) == ","
        ):
            return i + 1, PLACE
        return None, ""

    def person_end(self, run: list[_Token], i: int) -> int:
        """A personal name: given name, initials, particles, surnames; stops at a head."""
        n = len(run)
        j = i + 1
        while j < n and not run[j - 1].possessive:
            word = run[j].text
            if _first_person(self.text, run[j]):
                break  # "If I were Hafner and Franzese I’d": the pronoun
            if word in gz.NAME_PARTICLES and j + 1 < n and _is_cap(run[j + 1].text):
                j += 1
                continue
            if not _is_cap(word) or word in gz.NATIONALITIES or word in gz.ORG_HEADS:
                break
            if run[j].gap_before != " ":
                break
            if (
                word in gz.COMMON_WORDS
                and not re.fullmatch(r"(?:[A-Z]\.)+", run[j - 1].text)
                and not (word in _MONTH_SURNAMES and j == i + 1 and run[i].text in gz.GIVEN_NAMES)
            ):
                break
            if word in gz.TITLES and j + 1 < n and _is_cap(run[j + 1].text):
                break
            j += 1
        return j

    def unknown_end(self, run: list[_Token], i: int) -> int:
        n = len(run)
        j = i + 1
        while j < n and not run[j - 1].possessive:
            word = run[j].text
            if _first_person(self.text, run[j]):
                break
            if not _is_cap(word) or word in gz.NATIONALITIES or word in gz.TITLES:
                break
            if word in gz.PLACES and j + 1 < n and not _is_cap(run[j + 1].text):
                break
            j += 1
        return j


# Last words of the names of laws, treaties, events and awards: the guideline annotates
# neither these names nor the names inside them ("Paris Climate Accord", "US Open").
_WORK_HEADS = gz.load_words("work_heads.txt")


def _work_spans(run: list[_Token]) -> dict[int, int]:
    """Start -> end of each law, treaty, event or award name in a run.

    The name is the stretch of capitalised words ending in a head from _WORK_HEADS (not
    crossing a possessive), plus an "of the Name" tail ("Treaty of Versailles"). A head
    opening the run alone is left to the other rules (a capitalised "Open" or "War" at a
    sentence start is an ordinary word).
    """
    spans: dict[int, int] = {}
    n = len(run)
    for j, token in enumerate(run):
        if token.text not in _WORK_HEADS:
            continue
        if (
            j + 1 < n
            and not token.possessive
            and _is_cap(run[j + 1].text)
            and run[j + 1].gap_before == " "
        ):
            continue  # "Federal Open Market Committee": the head is inside a longer name
        k = j
        while k > 0 and _is_cap(run[k - 1].text) and not run[k - 1].possessive:
            if run[k - 1].text in gz.TITLES:
                break
            k -= 1
        end = j + 1
        if end + 1 < n and run[end].text == "of" and not token.possessive:
            m = end + 1
            while m < n and run[m].text == "the":
                m += 1
            while m < n and _is_cap(run[m].text):
                m += 1
                if run[m - 1].possessive:
                    break
            if m > end + 1 and _is_cap(run[m - 1].text):
                end = m
        if (k < j or end > j + 1) and " ".join(t.text for t in run[k:end]) not in gz.PLACES:
            spans[k] = max(spans.get(k, end), end)  # "Silver Spring" is a town
    return spans


# Heads of buildings that are places only with a preposition of place in front.
_FACILITY_HEADS = gz.load_words("facility_heads.txt")
_FACILITY_PREPOSITIONS = frozenset("at in near from to outside inside into".split())
_FACILITY_WORDS = frozenset("National International Royal Memorial Regional Municipal".split())
_PERSON_VERBS = gz.load_words("person_verbs.txt")
# Nouns that follow an organisation's name ("Wikileaks founder", "Elbit shares").
_ORG_AFTER = gz.load_words("org_nouns_after.txt")
# Kinds of organisation named right before the name ("spyware firm Candiru").
_ORG_BEFORE = gz.load_words("org_kinds_before.txt")
_ORG_PLURALS = gz.load_words("org_plurals.txt")
_SPEECH_VERBS = (
    "said|says|told|tells|added|adds|asked|asks|wrote|writes|noted|notes|explained|argued|"
    "recalled|recalls|replied|responded|insisted|acknowledged|admitted|testified|tweeted|"
    "announced|warned|claimed|stated"
)
# Words right before a two-word name that make it the speaker or author ("by X Y",
# "said Sanjiv Bhasin, Director, IIFL Securities").
_SPEAKER_BEFORE = frozenset("by said says added wrote explained noted insisted recalled".split())
_CUE_AFTER = re.compile(rf"\s+(?:{_SPEECH_VERBS}|himself|herself)\b|,\s+(?:who|whose)\b")
_CUE_BEFORE = re.compile(rf"\b(?:{_SPEECH_VERBS}|[Aa]ccording to)\s+$")


def _acts_as_person(text: str, word: str) -> bool:
    """An occurrence of word before "said" (", who") or after "says" ("according to")."""
    size = len(word)
    position = text.find(word)
    while position >= 0:
        end = position + size
        if not text[end : end + 1].isalnum() and not text[position - 1 : position].isalnum():
            if _CUE_AFTER.match(text, end) or _CUE_BEFORE.search(
                text, max(0, position - 16), position
            ):
                return True
        position = text.find(word, end)
    return False


# After "House" these say it is the US House of Representatives (its parties, its leaders).
_HOUSE_NEXT = gz.load_words("house_next.txt")
# What "the Surname ..." names when it is a politician's time in office, not a company.
_PERSON_ERAS = gz.load_words("person_eras.txt")
# Relatives: the capitalised word right after one is the relative's name.
_KIN = gz.load_words("kin.txt")
# Lower-case roles written right before a name ("Pittsburgh center Maurkice Pouncey",
# "pass rusher Myles Garrett", "math teacher Angela Cooper"): the name is a person's.
_ROLES = gz.load_words("person_roles.txt")
# Month names that are also surnames: after a known given name, and not followed by a day
# or a year (the date grammar would have claimed it then), "Theresa May" is a person.
_MONTH_SURNAMES = frozenset("May June April August".split())
_PLACE_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w“”\"’'-]+\s+){0,4}?[“\"]?"
    r"(?:city|town|village|neighbou?rhood|suburb|region|province|district|island|port|"
    r"capital|enclave|settlement|country|borough|municipality)\b"
    # "Hanson, a city official": the noun describes the person's job, not the name
    r"(?![\s-]+(?:council\w*|officials?|officers?|employees?|workers?|planners?|managers?|"
    r"attorneys?|lawyers?|judges?|commissioners?|representatives?|senators?|lawmakers?|"
    r"legislators?|residents?|natives?|police|spokes\w+|leaders?|administrators?))"
)
# Verbs after the pronoun "I" (not "was": "Elizabeth I was queen").
_FIRST_PERSON_AFTER = re.compile(
    r"\s+(?:am|would|will|think|know|have|had|do|did|could|can|should|feel|believe|want|"
    r"said|told|get|got|went|saw|love|like|mean|guess|hope|wish|remember|asked)\b"
)
_I_CONTRACTIONS = frozenset("I’d I'd I’m I'm I’ll I'll I’ve I've".split())


def _first_person(text: str, token: _Token) -> bool:
    """The pronoun I ("I’d", "I would"), not a regnal numeral ("Elizabeth I was")."""
    word = token.text
    if word in _I_CONTRACTIONS:
        return True
    return word == "I" and bool(_FIRST_PERSON_AFTER.match(text, token.end))


_AUXILIARIES = frozenset("has had was is will would did does".split())
_PORTFOLIO_TITLES = frozenset("Minister Secretary Commissioner Spokesman Spokeswoman".split())
_PLANETS = frozenset("Mercury Venus Mars Jupiter Saturn Uranus Neptune Pluto".split())
_SHIP_PREFIXES = frozenset("USS HMS HMAS HMCS HMNZS INS RFS USNS MV RMS".split())
_PRODUCT_BEFORE = frozenset("a an the new his her their my your its our".split())
_PRODUCT_AFTER = re.compile(
    r"\s+(?:subscribers?|users?|customers?|owners?|app|apps|devices?|speakers?|platform|"
    r"service|services|box|boxes|models?)\b"
)
_FACILITY_AFTER = re.compile(
    r"\s+(?:hospital|airport|station|stadium|arena|hotel|prison|terminal|airbase)\b"
)
_DEFINED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z&]+)\)")
_POLICE_AFTER = re.compile(r"\s+police\b")
# Lower-case words after an unknown name that make it an area ("Logar province").
_AREA_AFTER = gz.load_words("area_nouns_after.txt")
_SERVICES = frozenset({("Army",), ("Navy",), ("Air", "Force"), ("Coast", "Guard")})
_PLACE_PREPOSITIONS = frozenset("in at near outside inside across throughout into".split())


class RuleRecognizer:
    """The default recognizer: rules and gazetteers, no model, no download."""

    def recognize(self, text: str) -> list[Entity]:
        """Find entities; people found anywhere make their surnames people everywhere."""
        dates = _dates(text)
        nicknamed = _nicknamed_people(text, dates) + _speakers(text)
        taken = [(e.start, e.end) for e in dates + nicknamed]
        reader = _Reader(text)
        mentions: list[_Mention] = []
        tokens = _tokens(text, taken)
        headlines = _headline_lines(text)
        if headlines:
            for token in tokens:
                if any(s <= token.start < e for s, e in headlines):
                    token.sentence_start = True  # every word is capitalised there
        reader.mid_sentence.update(t.text for t in tokens if not t.sentence_start)
        for run in _runs(tokens):
            mentions.extend(reader.read_run(run))
        aliases = _person_aliases(mentions, nicknamed)
        reader.org_aliases = _org_aliases(mentions)
        names: list[Entity] = []
        if reader.work_acronyms:
            mentions = [m for m in mentions if " ".join(m.words) not in reader.work_acronyms]
        for mention in mentions:
            label = _resolve(text, mention, aliases, reader)
            if headlines and label and mention.label == "?" and not _name_evidence(mention):
                if any(s <= mention.start < e for s, e in headlines):
                    continue  # capitals in a title-case line are no evidence of a name
            if label == PERSON and len(mention.words) == 1 and _before_state(text, mention.end):
                label = PLACE  # "Lincoln, Neb.", "Modena, Italy": a town, not a person
            if (
                label in {PERSON, None}
                and mention.label == "?"
                and len(mention.words) <= 2
                and _PLACE_APPOSITION.match(text, mention.end)
            ):
                label = PLACE  # "Abydos, a “lost city”", "Tel Rumeida, the neighborhood"
            if (
                label in {PERSON, None}
                and mention.label in {PERSON, "?"}
                and mention.context in _FACILITY_PREPOSITIONS
                and _FACILITY_AFTER.match(text, mention.end)
            ):
                label = PLACE  # "taken to Royal Shrewsbury hospital", "at Kennedy airport"
            if label:
                names.append(
                    Entity(mention.start, mention.end, label, text[mention.start : mention.end])
                )
        if "of " in text and ", " in text:  # "Ministry of Trade, Industry and Energy"
            listed_orgs = [
                Entity(m.start(), m.end(), ORG, m.group())
                for m in _LISTED_PORTFOLIOS_RE.finditer(text)
                if not _overlaps(Entity(m.start(), m.end(), ORG, ""), dates + nicknamed)
            ]
            if listed_orgs:
                names = [e for e in names if not _overlaps(e, listed_orgs)] + listed_orgs
        scorers = [e for e in _stat_lines(text) if not _overlaps(e, dates + nicknamed)]
        if scorers:  # "Tolivert 25 points. Davis 17 points.": players in a box score
            names = [e for e in names if not _overlaps(e, scorers)] + scorers
        listed = [e for e in _listed_places(text) if not _overlaps(e, dates + nicknamed)]
        if listed:  # "Rogers, Craig and Mayes counties": the list decides, not the names
            names = [e for e in names if not _overlaps(e, listed)] + listed
        return sorted(dates + nicknamed + names, key=_span_start)


def _overlaps(entity: Entity, others: list[Entity]) -> bool:
    return any(o.start < entity.end and entity.start < o.end for o in others)


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


def _listed_places(text: str) -> list[Entity]:
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
_LISTED_PORTFOLIOS_RE = re.compile(
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


def _stat_lines(text: str) -> list[Entity]:
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
_DOTTED_PLACES = gz.load_words("dotted_places.txt")
_AFTER_DOTTED_RE = re.compile(r",\s+([A-Z](?:\.[A-Z][a-z]?)+)\.")
_AFTER_COMMA_RE = re.compile(r",\s+([A-Z][A-Za-z]*)(\.?)(?![’'\w])(\s*[,;:)]|\s*$|)")


def _before_state(text: str, end: int) -> bool:
    """A state ("Neb.", "TX", "Texas") or a country after a comma: a town's address."""
    dotted = _AFTER_DOTTED_RE.match(text, end)
    if dotted and dotted.group(1) in _DOTTED_PLACES:
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


def _name_evidence(mention: _Mention) -> bool:
    """A known given name or surname in the mention, or "by" in front: more than capitals."""
    words = mention.words
    return (
        words[0] in gz.GIVEN_NAMES
        or (len(words) > 1 and words[-1] in gz.SURNAMES)
        or mention.context == "by"
    )


_HEADLINE_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def _headline_lines(text: str) -> list[tuple[int, int]]:
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


def _span_start(entity: Entity) -> int:
    """Sort key: spans never overlap, so the start orders them (cheaper than field order)."""
    return entity.start


# Every nicknamed name has a quoted capitalised word inside: a text without one has none.
# Looking for that first (a scan for a quote mark, which the engine does fast) spares the
# full pattern's attempt at every word of the many articles that have no nickname at all.
_QUOTED_HANDLE = re.compile(r"[“\"][A-Z]\w*[”\"]")


def _nicknamed_people(text: str, dates: Sequence[Entity]) -> list[Entity]:
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


def _speakers(text: str) -> list[Entity]:
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


def _person_aliases(mentions: list[_Mention], nicknamed: list[Entity]) -> set[str]:
    """Words that name a person found in this article: surnames and handles."""
    aliases: set[str] = set()
    for mention in mentions:
        if mention.label == PERSON and len(mention.words) >= 2:
            for word in mention.words[1:]:
                if word not in gz.NAME_PARTICLES and not re.fullmatch(r"(?:[A-Z]\.)+", word):
                    aliases.add(word)
            aliases.add(" ".join(mention.words[-2:]))
    for entity in nicknamed:
        handle = re.search(r"[“\"]([^”\"]+)[”\"]", entity.text)
        if handle:
            aliases.add(handle.group(1))
    return aliases


def _org_aliases(mentions: list[_Mention]) -> set[str]:
    """Last words that name an organisation found in this article ("Las Vegas Sands")."""
    found = set()
    for mention in mentions:
        if mention.label == ORG and len(mention.words) == 2 and mention.words[1] in _ALIAS_HEADS:
            first = mention.words[0]  # "Amnesty" after "Amnesty International"
            if _name_like(first) and not _known_word(first):
                found.add(first)
        if mention.label == ORG and len(mention.words) >= 2:
            word = mention.words[-1]
            if (
                word not in gz.ORG_HEADS
                and word not in gz.GENERIC_ORG_WORDS
                and word not in gz.COMMON_WORDS
                and _name_like(word)
            ):
                found.add(word)
    return found


# Second words of a two-word organisation whose first word names it alone afterwards.
_ALIAS_HEADS = frozenset("International Corporation Inc. Inc Corp. Group".split())


def _known_word(word: str) -> bool:
    """A word the lists give another reading: a place, a given name, an ordinary word."""
    return (
        word in gz.PLACES
        or word in gz.GIVEN_NAMES
        or word in gz.NATIONALITIES
        or word in gz.COMMON_WORDS
        or word in gz.ORG_HEADS
    )


def _resolve(text: str, mention: _Mention, aliases: set[str], reader: _Reader) -> str | None:
    """The final label of a mention, or None to drop it.

    Unknown capitalised words that survive the gazetteers and the sentence-start filter
    are, in news copy, mostly people named by surname ("Engoron said"), so that is the
    default; a place preposition in front or a shouted acronym says otherwise.
    """
    phrase = " ".join(mention.words)
    if phrase in aliases and mention.label in {"?", PLACE}:
        return PERSON
    if mention.label == "?" and phrase in reader.org_aliases:
        return ORG  # "Sands" after "Las Vegas Sands" in the same article
    if (
        mention.label == PERSON
        and len(mention.words) == 1
        and mention.context in _PLACE_PREPOSITIONS
        and not mention.sentence_start
        and phrase not in aliases
        and not _known_surname(phrase)
        and not reader.spoken(phrase)
    ):
        return PLACE  # "a street in Chelsea": a given name alone after "in" is a place
    if mention.label in {PERSON, "?"} and phrase in _PLANETS and not reader.spoken(phrase):
        return None  # "Mars vs. Venus", "a mission to Mars": planets, not people
    if (
        mention.label == PERSON
        and len(mention.words) == 1
        and mention.context == "the"
        and not mention.sentence_start
        and not _known_surname(phrase)
        and phrase not in aliases
    ):
        return None  # "the Maxima sports sedan": a given name after "the" names a thing
    if mention.label != "?":
        return mention.label
    words = mention.words
    if all(w in aliases for w in words):
        return PERSON
    if len(words) == 1 and words[0].rstrip(".") in _DOTTED_PLACES:
        return PLACE  # "Charleston, S.C.", "L.A.'s schools": a state or city, not an acronym
    if len(words) == 1 and _is_acronym(words[0]):
        return None if words[0] in _CAPS_NOISE else ORG
    if text[max(0, mention.start - 1) : mention.start] in {"#", "@"}:
        return None
    if words in _SERVICES:
        return ORG  # the guideline's "Chief of the Army": a service named alone is an ORG
    if len(words) == 1 and _brand_like(words[0]):
        return ORG  # "TechCrunch", "SoundCloud", "CouponMom.com": not how people are named
    if any(w in gz.COMMON_WORDS or not _name_like(w) for w in words):
        return None
    if len(words) > 4 or mention.in_phrase:
        return None
    following = text[mention.end : mention.end + 24].split()
    next_word = following[0].strip(",.:;") if following else ""
    if next_word[:1].isdigit():
        return None  # "Worlds 2023", "Windows 11": events and products
    if len(words) == 1 and mention.context.endswith(("'s", "’s")):
        return None  # "Oner’s Nocturne", "Verizon's TV-anywhere": something owned, unnamed
    if mention.context == "the" and not mention.sentence_start:
        if len(words) == 1 and next_word in _PERSON_ERAS and _known_surname(words[0]):
            return PERSON  # "the Bush administration", "the Obama years"
        return None  # people do not take "the"; an unknown "the X" is as often a work or a thing
    if len(words) == 1 and (next_word in _ORG_AFTER or _org_apposition(text, mention)):
        return ORG  # "Wikileaks founder", "spyware firm Candiru", "companies like Elbit"
    if len(words) == 1:
        word = words[0]
        if re.search(r"-[a-z]", word):
            return None  # "Xbox-only", "HDTV-filling", "Blu-ray": a compound, not a name
        if _plural_noun(word):
            return None  # plurals: "Treasuries", "Californians"
        if word.endswith(("ian", "ean", "ese", "ish")) and word not in gz.SURNAMES:
            return None  # adjectives from names: "Faustian"
        if word.endswith("ed") and word not in gz.SURNAMES and word not in gz.GIVEN_NAMES:
            return None  # participles in title-case copy: "Scrambled", "Boiled"
        if mention.sentence_start and word not in reader.mid_sentence:
            if next_word not in _PERSON_VERBS and not (
                next_word in _AUXILIARIES and _known_surname(word)
            ):
                return None  # "Done," "Heavy winds": ordinary words opening a sentence
    person_like = (
        words[0] in gz.GIVEN_NAMES or words[-1] in gz.SURNAMES or _apostrophe_surname(words[-1])
    )
    if len(words) <= 2 and next_word in _AREA_AFTER and not person_like:
        return PLACE  # "Ozark police": the town the force serves; "Logar province"
    if len(words) <= 2 and mention.context.rstrip(",") in _KIN:
        return PERSON  # "his wife Grace", "her mother, Fiona,": a relative named
    if len(words) <= 2 and mention.context in _ROLES:
        return PERSON  # "Pittsburgh center Maurkice Pouncey", "math teacher Angela Cooper"
    if mention.context in _PLACE_PREPOSITIONS and not person_like:
        return PLACE if len(words) > 1 else None
    if len(words) == 1:
        word = words[0]
        if _known_surname(word) or reader.spoken(word):
            return PERSON
        return None  # a lone capitalised word with nothing saying it names a person
    if len(words) == 2 and (
        next_word in _PERSON_VERBS
        or mention.context in _SPEAKER_BEFORE
        or _CUE_AFTER.match(text, mention.end)
    ):
        return PERSON  # "Alexia Tsotsis said", "said Sanjiv Bhasin", "Rush Limbaugh, who"
    if len(words) == 2 and not mention.sentence_start and _foreign_name(words):
        # "Bukola Saraki", "Semyon Varlamov": two name-like words that are no English words
        # nor places, in the middle of a sentence, are a person the name lists do not know,
        # unless the text puts the same words somewhere ("in Tel Rumeida")
        return PLACE if _placed(text, phrase) else PERSON
    return PERSON if person_like else None


def _foreign_name(words: tuple[str, ...]) -> bool:
    """No word is an English word or a place, none has a one-letter part ("C-Max")."""
    return not any(
        w.casefold() in gz.ENGLISH_WORDS
        or w in gz.PLACES
        or any(len(part) < 2 for part in w.split("-"))
        for w in words
    )


_PLACED_BEFORE = r"\b(?:in|at|near|from|to)\s+"


def _placed(text: str, phrase: str) -> bool:
    """The phrase somewhere after a preposition of place ("lives in Tel Rumeida")."""
    return re.search(_PLACED_BEFORE + re.escape(phrase) + r"\b", text) is not None


def _plural_noun(word: str) -> bool:
    """Plurals in -ies, -ians, -eans ("Treasuries", "Californians"), unless a surname."""
    return word.endswith(("ies", "ians", "eans")) and word not in gz.SURNAMES


def _hyphenated_title(word: str) -> bool:
    """A title written with a hyphen: "Attorney-General", "Vice-President"."""
    if "-" not in word:
        return False
    parts = word.split("-")
    return all(p in gz.TITLES or p in {"in", "of"} for p in parts) and parts[0] in gz.TITLES


def _hyphenated_given(word: str) -> bool:
    """Two given names joined by a hyphen: "Eva-Marie", "Jean-Pierre", "Mary-Kate"."""
    if "-" not in word:
        return False
    parts = word.split("-")
    return len(parts) == 2 and all(p in gz.GIVEN_NAMES for p in parts)


def _known_surname(word: str) -> bool:
    return word in gz.SURNAMES or word in gz.NOTABLE_SURNAMES or _apostrophe_surname(word)


# "O'Brien", "D’Amato" (a one-letter prefix and a capital), "Nyong'o" (a lower-case tail
# that is no clitic): surnames with an apostrophe inside, which the census lists without it.
_APOSTROPHE_SURNAME = re.compile(
    r"[A-Z][’'][A-Z][a-z]+|[A-Z][a-z]+[’'](?!(?:re|ll|ve|d|m|t|s)$)[a-z]+"
)


def _apostrophe_surname(word: str) -> bool:
    return ("'" in word or "’" in word) and bool(_APOSTROPHE_SURNAME.fullmatch(word))


def _org_apposition(text: str, mention: _Mention) -> bool:
    """A common noun for a kind of organisation right before the name, or "companies like".

    The lower-case words before the name ("defence firm Elbit", "carmaker Tesla", "banks
    such as Barclays") are the description news copy gives an organisation the reader may
    not know.
    """
    if mention.context in _ORG_BEFORE:
        return True
    before = text[max(0, mention.start - 40) : mention.start].split()
    if len(before) >= 2 and before[-1] == "like":
        return before[-2].casefold() in _ORG_PLURALS
    if len(before) >= 3 and before[-2:] == ["such", "as"]:
        return before[-3].casefold() in _ORG_PLURALS
    return False


_CAMEL_RE = re.compile(r"([A-Z][a-z]+)[A-Z][a-z]+(?:[A-Z][a-z]+)*")
_DOMAIN_RE = re.compile(r"[A-Z][\w-]*\.(?:com|org|net|io|Com|Net|Org)")  # "PanARMENIAN.Net"
# Name prefixes before an inner capital: "McKelvey", "DeSantis", "LaGuardia", "DuBois".
_NAME_PREFIXES = frozenset("Mc Mac De Di Da Del La Le Van Von Du Fitz".split())


def _brand_like(word: str) -> bool:
    """An inner capital after a lower-case word ("SoundCloud") or a web address."""
    if _DOMAIN_RE.fullmatch(word):
        return True
    camel = _CAMEL_RE.fullmatch(word)
    return camel is not None and camel.group(1) not in _NAME_PREFIXES


def _name_like(word: str) -> bool:
    """Title-case letters, maybe with an apostrophe or hyphen inside ("O’Connor")."""
    if re.search(r"[’'](?:re|ll|ve|d|m|t)$", word):
        return False
    core = word.replace("’", "").replace("'", "").replace("-", "").replace(".", "")
    return core.isalpha() and word[:1].isupper() and not word.isupper() and len(core) >= 2


DEFAULT_RECOGNIZER = RuleRecognizer()


def recognize(text: str) -> list[Entity]:
    """Entities in text with the default backend."""
    return DEFAULT_RECOGNIZER.recognize(text)
