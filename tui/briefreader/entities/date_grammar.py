"""The date grammar: calendar dates, weekdays, anchored relative dates, holidays, years.

Dates are found first and claim their characters, so no name run crosses them. The
patterns are filtered where the same characters are usually something else ("Jan"
alone, a bare year after a name, "USA Today").
"""

from __future__ import annotations

import re

from briefreader.entities import gazetteer as gz
from briefreader.entities.tokens import opens_sentence
from briefreader.entities.types import DATE, Entity, span_start

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

DATE_PATTERNS = [
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
DATE_RE = re.compile(
    rf"\b(?={_DATE_FIRST_CHARS})(?=(?:{_DATE_OPENINGS}))(?:"
    + "|".join("(?:" + p.removeprefix(r"\b") + ")" for p in DATE_PATTERNS)
    + ")"
)
_MONTH_RE = re.compile(_MONTH)
_SHORT_DECADE_RE = re.compile(r"(?<![\w'’])['’]\d0s\b")  # "the '80s" (no word boundary)
_MONTH_NAMES_RE = re.compile(_MONTH_NAMES)
_BARE_YEAR = re.compile(rf"(?:{_MODIFIER}[\s-])?{_YEAR}")
_YEAR_CONTEXT = gz.load_words("date_year_context.txt")
_BARE_MONTH_CONTEXT = gz.load_words("date_month_context.txt")


def find_dates(text: str) -> list[Entity]:
    """Date expressions, filtered where the same characters are usually something else."""
    found = []
    for match in DATE_RE.finditer(text):
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
            if not opens_sentence(text, start, 0):
                continue  # "USA Today", "Russia Today": a paper's name, not the day
        if value.startswith(("the ", "The ")):
            start, value = start + 4, value[4:]
        found.append(Entity(start, start + len(value), DATE, value))
    if "0s" in text:
        for match in _SHORT_DECADE_RE.finditer(text):
            if not any(d.start <= match.start() < d.end for d in found):
                found.append(Entity(match.start(), match.end(), DATE, match.group()))
        found.sort(key=span_start)
    return found
