"""Finding a story's parts in its text: headline, subtitle, dateline, place, agency, body.

Wire stories follow a few conventions ("MINSK, October 26. /TASS/.", "KYIV, Oct 26
(Reuters) -", "WASHINGTON (AP) —"), and scraped copies carry site boilerplate. Every part is
kept as character offsets into the text exactly as read, so entity spans, highlights and
the display all agree on positions. Text in, Article out: no files here (articles.article
reads them, articles.decoding turns their bytes into text).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from briefreader.articles.dates import MONTH_PATTERN, inferred_iso_date, iso_date
from briefreader.articles.markdown import MarkdownFacts

ID_LENGTH = 12
_META_DATE = re.compile(
    r"\s*(?:date|published|updated)\s*:?\s+(?P<iso>\d{4}-\d{2}-\d{2})\b[^\S\n]*", re.I
)
_PLACE = r"[A-Z][A-Z.'’\-]*(?:[^\S\n]+[A-Z][A-Z.'’\-]*)*"
_DATELINE = re.compile(
    rf"""(?P<place>{_PLACE})
    (?:,[^\S\n]+(?P<region>[A-Z][a-z]+(?:[^\S\n]+[A-Z][a-z]+)?)(?=,))?
    (?:,[^\S\n]+(?P<date>(?i:{MONTH_PATTERN})\.?[^\S\n]+\d{{1,2}}(?:,[^\S\n]+\d{{4}})?))?
    (?:
        \.?[^\S\n]*/(?P<agency_slash>[A-Za-z][A-Za-z\- ]{{1,20}})/\.?
      | [^\S\n]*\((?P<agency_paren>[A-Za-z][A-Za-z.\- ]{{1,20}})\)[^\S\n]*[-–—]
      | [^\S\n]+[-–—]
    )[^\S\n]*""",
    re.X,
)
_BOILERPLATE = frozenset(
    {
        "all news",
        "latest news",
        "more news",
        "related news",
        "top stories",
        "read more",
        "read also",
        "share",
        "print",
        "comments",
        "advertisement",
        "subscribe",
        "follow us",
        "back to top",
    }
)
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt st jr sr inc ltd corp co u.s u.k u.n e.g i.e vs no".split()
)
_ATTRIBUTION = re.compile(
    r",[^,]*\b(?:said|says|told|tells|reported|reports|stated|announced|noted|according to)\b"
    r"[^,]*$"
)
TITLE_MAX = 90


@dataclass(frozen=True)
class Span:
    """A half-open range of character offsets into an article's text."""

    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """A parsed article: the text as read plus where each part of it lies."""

    id: str
    text: str
    path: str | None
    title: str
    headline: Span | None
    subtitle: Span | None
    dateline: Span | None
    place: str | None
    date: str | None
    date_iso: str | None
    agency: str | None
    body: tuple[Span, ...]
    notes: tuple[str, ...] = field(default=())

    def part(self, span: Span | None) -> str:
        """The text of one part, or an empty string for a part the article lacks."""
        return self.text[span.start : span.end] if span else ""

    @property
    def subtitle_text(self) -> str:
        """The subtitle (standfirst) under the headline, if there is one."""
        return self.part(self.subtitle)


def article_id(text: str) -> str:
    """A short hash of the normalised text, so annotations follow a moved or re-saved file."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:ID_LENGTH]


# A paragraph: lines up to a blank one. Whole lines at a time, not one character per step
# through an alternation: six times faster, the same matches.
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![^\S\n]*\n)[^\n]*)*")


def _paragraphs(text: str) -> list[Span]:
    spans = []
    for match in _PARAGRAPH.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(Span(start, end))
    return spans


def _is_boilerplate(text: str) -> bool:
    return text.strip().strip(".:|»›>").strip().casefold() in _BOILERPLATE


def _markdown_heading(text: str) -> bool:
    return text.startswith("#") and "\n" not in text


def parse_article(
    text: str,
    path: str | None = None,
    notes: tuple[str, ...] = (),
    mtime: float | None = None,
    facts: MarkdownFacts | None = None,
    id_text: str | None = None,
) -> Article:
    """Find headline, subtitle, dateline and body in a story's text.

    `mtime` (the file's modification time, seconds) dates a dateline without a year when
    the text itself cannot (see `infer_year`). `facts` are a Markdown file's front matter
    and whether it opens with a heading; they win over what the text suggests. `id_text`
    is what the id is a hash of, when not the text itself (a Markdown file's own text).
    """
    paragraphs = [p for p in _paragraphs(text) if not _is_boilerplate(text[p.start : p.end])]
    meta_iso: str | None = None
    dateline: Span | None = None
    place = date_text = agency = None
    lede_index: int | None = None
    for index, para in enumerate(paragraphs[:5]):
        start = para.start
        meta = _META_DATE.match(text, start, para.end)
        if meta:
            meta_iso = meta.group("iso")
            start = meta.end()
        found = _DATELINE.match(text, start, para.end)
        if found and (
            found.group("date") or found.group("agency_slash") or found.group("agency_paren")
        ):
            dateline = Span(found.start(), found.end())
            place = found.group("place").strip()
            date_text = found.group("date")
            agency = found.group("agency_slash") or found.group("agency_paren")
            lede_index = index
            paragraphs[index] = Span(found.end(), para.end)
            break
        if meta:
            paragraphs[index] = Span(meta.end(), para.end)
    headline = subtitle = None
    if lede_index is not None:
        before = paragraphs[:lede_index]
        body = tuple(paragraphs[lede_index:])
    elif facts is not None and facts.heading_first and len(paragraphs) > 1:
        before, body = [paragraphs[0]], tuple(paragraphs[1:])
    else:
        before, body = _split_leading_headline(text, paragraphs)
    if before:
        headline = _without_heading_marks(text, before[0])
        subtitle = before[1] if len(before) > 1 else None
        if len(before) > 2:
            body = tuple(before[2:]) + body
    title = _title(text, headline, body)
    date_iso = meta_iso or iso_date(date_text) or inferred_iso_date(date_text, text, mtime)
    place_name = _place_name(place) if place else None
    agency_name = agency.strip() if agency else None
    if facts is not None:
        if facts.title and not headline:
            title = shorten_title(facts.title)
        if facts.date_iso:
            date_iso = meta_iso = facts.date_iso
            date_text = date_text if iso_date(date_text) == date_iso else None
        place_name = facts.place or place_name
        agency_name = facts.agency or agency_name
    return Article(
        id=article_id(text if id_text is None else id_text),
        text=text,
        path=path,
        title=title,
        headline=headline,
        subtitle=subtitle,
        dateline=dateline,
        place=place_name,
        date=date_text or meta_iso,
        date_iso=date_iso,
        agency=agency_name,
        body=body,
        notes=notes,
    )


def _without_heading_marks(text: str, span: Span) -> Span:
    """A Markdown headline without its leading `#`s, so the reader shows just the words."""
    start = span.start
    while start < span.end and text[start] == "#":
        start += 1
    while start < span.end and text[start] in " \t":
        start += 1
    return Span(start, span.end) if start < span.end else span


def _split_leading_headline(
    text: str, paragraphs: list[Span]
) -> tuple[list[Span], tuple[Span, ...]]:
    """Without a dateline, a short first paragraph that is not a sentence is the headline."""
    if len(paragraphs) < 2:
        return [], tuple(paragraphs)
    first = text[paragraphs[0].start : paragraphs[0].end]
    if _markdown_heading(first) or (len(first) <= 200 and not first.rstrip().endswith(".")):
        return [paragraphs[0]], tuple(paragraphs[1:])
    return [], tuple(paragraphs)


def _title(text: str, headline: Span | None, body: tuple[Span, ...]) -> str:
    if headline:
        return " ".join(text[headline.start : headline.end].lstrip("#").split())
    if not body:
        return "(untitled)"
    return shorten_title(first_sentence(text[body[0].start : body[0].end]))


def first_sentence(paragraph: str) -> str:
    """The first sentence, not fooled by "Mr." or "U.S." or a full stop inside quotes."""
    for match in re.finditer(r"[.!?][\"”’)]*(?=\s+[\"“A-Z0-9]|\s*$)", paragraph):
        before = paragraph[: match.start()]
        word = before.split()[-1].casefold() if before.split() else ""
        if word.rstrip(".") in _ABBREVIATIONS or re.fullmatch(r"[a-z]", word):
            continue
        return " ".join(paragraph[: match.end()].split())
    return " ".join(paragraph.split())


def shorten_title(sentence: str, limit: int = TITLE_MAX) -> str:
    """Make a lede sentence read like a headline: drop "…, X told reporters", then trim."""
    title = sentence.rstrip(".").strip()
    without_attribution = _ATTRIBUTION.sub("", title)
    if len(without_attribution) >= 20:
        title = without_attribution
    if len(title) > limit:
        cut = title[: limit - 1]
        if " " in cut:
            cut = cut[: cut.rfind(" ")]
        title = cut.rstrip(",;:-–— ") + "…"
    return title


def _place_name(raw: str) -> str:
    """Datelines shout ("MINSK"); show the place as a name ("Minsk")."""
    return " ".join(
        word if not word.isupper() or len(word) <= 2 else word.capitalize() for word in raw.split()
    )
