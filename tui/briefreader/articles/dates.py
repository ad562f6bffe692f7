"""Dates as news writes them: month names, datelines without a year, full dates in the text.

A wire dateline says "October 26" and leaves the year to the reader of the day; the
functions here find the year from the text and the file's save time, and turn dateline
dates into sort keys and ISO dates.
"""

from __future__ import annotations

import contextlib
import functools
import re
from datetime import date, datetime

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# A regular expression matching any month name or abbreviation (longest first).
MONTH_PATTERN = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"


@functools.lru_cache(maxsize=4096)  # a library has a few hundred distinct datelines
def month_day_key(date_text: str | None) -> str:
    """A sort key 0000-MM-DD for a dateline date without a year ("October 26"), else "".

    Wire datelines rarely carry the year; sorting them by month and day (after every
    dated article) beats leaving them in file order.
    """
    found = re.fullmatch(r"(\w+)\.?\s+(\d{1,2})", (date_text or "").strip())
    if not found or found.group(1).casefold() not in MONTHS:
        return ""
    return f"0000-{MONTHS[found.group(1).casefold()]:02d}-{int(found.group(2)):02d}"


def short_date(date_text: str | None) -> str:
    """A year-less dateline date as the list's narrow column shows it: "Feb 13"."""
    text = (date_text or "").strip()
    found = re.fullmatch(r"(\w+)\.?\s+(\d{1,2})", text)
    if found and found.group(1).casefold() in MONTHS:
        return f"{found.group(1)[:3].capitalize()} {int(found.group(2))}"
    return text


def iso_date(date_text: str | None) -> str | None:
    """A dateline date that gives its year ("October 26, 2025") as ISO; else None."""
    if not date_text:
        return None
    found = re.fullmatch(r"(\w+)\.?\s+(\d{1,2})(?:,\s+(\d{4}))?", date_text.strip())
    if not found or not found.group(3):
        return None
    try:
        return date(
            int(found.group(3)), MONTHS[found.group(1).casefold()], int(found.group(2))
        ).isoformat()
    except (KeyError, ValueError):
        return None


# A full date ends in its year or is ISO: the scan finds each four-digit number (a quick
# pass over digits) and only there looks for the month and day before it, or for ISO's
# "-MM-DD" after it. Running the month patterns over the whole text doubled a parse.
_YEAR_NUMBER = re.compile(r"(?<!\d)\d{4}(?!\d)")
_MONTH_DAY_BEFORE = (
    re.compile(rf"(?<!\w)(?P<month>{MONTH_PATTERN})\.?[^\S\n]+(?P<day>\d{{1,2}}),?[^\S\n]+$", re.I),
    re.compile(rf"(?<!\w)(?P<day>\d{{1,2}})[^\S\n]+(?P<month>{MONTH_PATTERN})\.?,?[^\S\n]+$", re.I),
)
_ISO_DATE = re.compile(r"(?<![\w-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\w-])")
# How far before a year its month and day may start: "September 30, " is 14; the rest is
# room for runs of spaces (a month and day spread wider is not a date anyone writes).
_LONGEST_MONTH_DAY = 80
_MONTH_DAY = re.compile(r"(\w+)\.?\s+(\d{1,2})")


def full_dates(text: str) -> list[date]:
    """Every full date written in the text ("January 27, 2025", "27 January 2025", ISO)."""
    found = []
    for number in _YEAR_NUMBER.finditer(text):
        start, end = number.span()
        year = int(number.group())
        if text.startswith("-", end):
            iso = _ISO_DATE.match(text, start)
            if iso is not None:
                with contextlib.suppress(ValueError):
                    found.append(date(year, int(iso.group("month")), int(iso.group("day"))))
                continue
        for pattern in _MONTH_DAY_BEFORE:
            match = pattern.search(text, max(0, start - _LONGEST_MONTH_DAY), start)
            if match is not None:
                with contextlib.suppress(ValueError):
                    month = MONTHS[match.group("month").casefold()]
                    found.append(date(year, month, int(match.group("day"))))
                break
    return found


def infer_year(month: int, day: int, text: str, mtime: float | None = None) -> int | None:
    """The year of a dateline's "August 1", or None when nothing sensible says it.

    Wire datelines leave the year out because the reader of the day knew it. In order:
    a full date in the text on that very day; else a file saved within SAVED_SOON days
    after that day in some year (wire copy kept the day it came in: stronger evidence
    than the dates a story recalls, which can be a year or more back); else the year
    that puts the day nearest to the latest full date the text gives (a story filed on
    January 2 about "December 30, 2024" is from 2025); else the latest year in which the
    day is not after the file was last saved.
    """
    dates = full_dates(text)
    for found in dates:
        if (found.month, found.day) == (month, day):
            return found.year
    saved = _saved_day(mtime)
    year = _year_saved_in(month, day, saved)
    if year is not None and saved is not None:
        if (saved - date(year, month, day)).days <= SAVED_SOON:
            return year
    if dates:
        return _year_near(month, day, max(dates))
    return year


SAVED_SOON = 45  # days between a dateline and the file's save that still date it


def _saved_day(mtime: float | None) -> date | None:
    if mtime is None:
        return None
    try:
        return datetime.fromtimestamp(mtime).date()
    except (OverflowError, OSError, ValueError):
        return None


def _year_saved_in(month: int, day: int, saved: date | None) -> int | None:
    """The latest year in which month/day is not after the day the file was saved."""
    if saved is None:
        return None
    for year in range(saved.year, saved.year - 9, -1):  # February 29 waits for a leap year
        try:
            if date(year, month, day) <= saved:
                return year
        except ValueError:
            continue
    return None


def _year_near(month: int, day: int, latest: date) -> int:
    """The year putting month/day nearest the latest date a story names.

    The latest date is an anniversary, an event or an announced meeting, so the story is
    usually filed after it: a day before it counts three times its distance. "August 1"
    with "January 27, 2025" is 2025; "December 28" with "January 5, 2026" is 2025.
    """
    best: tuple[int, int] = (1 << 30, latest.year)
    for year in (latest.year - 1, latest.year, latest.year + 1):
        try:
            days = (date(year, month, day) - latest).days
        except ValueError:  # February 29 in a common year
            continue
        cost = days if days >= 0 else -3 * days
        best = min(best, (cost, year))
    return best[1]


def inferred_iso_date(date_text: str | None, text: str, mtime: float | None) -> str | None:
    """A yearless dateline date as ISO, with the year infer_year finds; else None."""
    found = _MONTH_DAY.fullmatch((date_text or "").strip())
    if not found or found.group(1).casefold() not in MONTHS:
        return None
    month, day = MONTHS[found.group(1).casefold()], int(found.group(2))
    year = infer_year(month, day, text, mtime)
    if year is None:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
