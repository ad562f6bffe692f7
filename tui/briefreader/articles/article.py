"""Read an article file and find its parts: headline, subtitle, dateline, agency, body.

Wire stories follow a few conventions ("MINSK, October 26. /TASS/.", "KYIV, Oct 26
(Reuters) -", "WASHINGTON (AP) —"), and scraped copies carry site boilerplate. Every part is
kept as character offsets into the text exactly as read, so entity spans, highlights and
the display all agree on positions.
"""

from __future__ import annotations

import codecs
import functools
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from briefreader.articles.dates import MONTH_PATTERN, inferred_iso_date, iso_date
from briefreader.articles.html import html_to_text, html_to_text_mapped
from briefreader.articles.markdown import MarkdownFacts, is_markdown, markdown_to_text
from briefreader.articles.sourcemap import SourceMap, normalise_newlines

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
# A wire story is a few kilobytes; a file far larger is a dump or a mistake. Reading only its
# head keeps opening, recognising and rendering it quick: the reader shows that much and says so.
READ_LIMIT_BYTES = 4 * 1024 * 1024
TEXT_LIMIT_CHARS = 200_000
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
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class ArticleError(Exception):
    """An article file that cannot be read; the message says why, in one line."""


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


def decode_article_bytes(raw: bytes, complete: bool = True) -> tuple[str, tuple[str, ...]]:
    """Decode bytes as UTF-8 (or UTF-16 with a BOM), falling back to cp1252 and saying so.

    `complete=False` means `raw` is only the head of a file: a character cut in half at its
    end is dropped rather than taken as proof that the file is not UTF-8. The text is
    what articles are parsed from: no byte order mark, universal newlines, as Python's
    text mode reads it (`decode_file_text` keeps both, for offsets into the file).
    """
    return _decode(raw, complete, "utf-8-sig")


def decode_file_text(raw: bytes, complete: bool = True) -> tuple[str, tuple[str, ...]]:
    """The file's text exactly as decoded: a UTF-8 byte order mark and CRLF/CR line ends kept.

    The text `open(path, encoding="utf-8", newline="").read()` gives a script, into which
    `briefreader entities --json` promises its offsets (INTERFACE.md).
    """
    return _decode(raw, complete, "utf-8", newlines=False)


def _decode(
    raw: bytes, complete: bool, utf8: str, newlines: bool = True
) -> tuple[str, tuple[str, ...]]:
    notes: tuple[str, ...] = ()
    if raw.startswith(_UTF16_BOMS):
        encoding = "utf-16"
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(raw, final=complete)
        except UnicodeDecodeError:
            text = raw.decode(encoding, errors="replace")
            notes = ("damaged UTF-16; unreadable characters were replaced",)
    else:
        if b"\x00" in raw[:8192]:
            raise ArticleError("looks like a binary file, not text")
        try:
            text = codecs.getincrementaldecoder(utf8)().decode(raw, final=complete)
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
            notes = ("not valid UTF-8; read as Windows-1252",)
    if newlines:  # universal newlines, as Python's text mode reads the file
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, notes


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _cap_text(text: str, file_size: int) -> tuple[str, tuple[str, ...]]:
    """Keep the first TEXT_LIMIT_CHARS characters, cut at a paragraph end when there is one."""
    if len(text) <= TEXT_LIMIT_CHARS:
        return text, ()
    cut = text.rfind("\n\n", 0, TEXT_LIMIT_CHARS)
    if cut < TEXT_LIMIT_CHARS // 2:
        cut = text.rfind("\n", 0, TEXT_LIMIT_CHARS)
    if cut < TEXT_LIMIT_CHARS // 2:
        cut = TEXT_LIMIT_CHARS
    shown = len(text[:cut].encode("utf-8"))
    note = (
        f"very long file ({_megabytes(file_size)}): only its first {_megabytes(shown)} "
        "are shown and annotated"
    )
    return text[:cut], (note,)


def read_head(path: Path) -> tuple[bytes, os.stat_result]:
    """The first READ_LIMIT_BYTES of a file and its stat, from one open.

    Indexing needs the size, the modification time, a hash of these bytes and the parse:
    one open serves them all. A buffered read(READ_LIMIT_BYTES) sets aside 4 MB for every
    few-kilobyte story, five times the cost of the read itself, so this asks for what the
    file holds and reads on only when there is more (a file that grew, a pipe). Raises
    OSError.
    """
    limit = READ_LIMIT_BYTES
    with path.open("rb", buffering=0) as stream:
        info = os.fstat(stream.fileno())
        want = min(info.st_size + 1, limit)
        raw = stream.read(want) or b""
        if len(raw) == want:  # not at the end yet: read on to the limit
            parts, total = [raw], len(raw)
            while total < limit:
                chunk = stream.read(min(limit - total, 1 << 16))
                if not chunk:
                    break
                parts.append(chunk)
                total += len(chunk)
            raw = b"".join(parts)
    return raw, info


def _read_head_or_say_why(path: Path) -> tuple[bytes, os.stat_result, bool]:
    """The head of the file, its stat and whether the head is all of it; ArticleError if not."""
    try:
        raw, info = read_head(path)
    except FileNotFoundError as error:
        raise ArticleError("file not found") from error
    except PermissionError as error:
        raise ArticleError("permission denied") from error
    except IsADirectoryError as error:
        raise ArticleError("is a folder") from error
    except OSError as error:
        raise ArticleError(error.strerror or str(error)) from error
    complete = len(raw) < READ_LIMIT_BYTES or info.st_size <= READ_LIMIT_BYTES
    return raw, info, complete


def _is_html(path: Path) -> bool:
    return path.suffix.lower() in {".html", ".htm"}


def read_article_file(path: Path) -> tuple[Article, bytes, os.stat_result]:
    """The parsed article with the bytes it was read from and the file's stat.

    Raises ArticleError with a reason a person understands.
    """
    raw, info, complete = _read_head_or_say_why(path)
    text, notes = decode_article_bytes(raw, complete=complete)
    facts = None
    if _is_html(path):
        text = html_to_text(text)
    elif is_markdown(path.suffix):
        text, facts = _markdown(text)
    return _parsed(path, text, notes, info, complete, facts), raw, info


def _markdown(text: str) -> tuple[str, tuple[str, MarkdownFacts]]:
    """The readable text of a Markdown file, with its facts and the file's text.

    The id stays a hash of the file's text, as it was before Markdown was read as
    Markdown, so the work on a `.md` article stays with it.
    """
    plain, _, facts = markdown_to_text(text)
    return plain, (text, facts)


@dataclass(frozen=True)
class ArticleSource:
    """An article with the file text it was read from and a map back into that text.

    The article's offsets are into its text (tags stripped, newlines normalised); the
    command line promises scripts offsets into the file (INTERFACE.md), and this turns
    one into the other.
    """

    article: Article
    file_text: str
    offsets: SourceMap

    def to_source_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets into `file_text` of the article text's [start, end).

        For HTML the span can take in markup (an entity split by tags, "<b>Viktor</b>
        Khrenin") or a character reference ("AT&amp;T"); `file_text[start:end]` is the
        raw slice, not the readable text.
        """
        return self.offsets.span(start, end)


def read_article_source(path: Path) -> ArticleSource:
    """Read and parse one article, keeping the file's own text and where each part lies in it.

    Slower than `read_article` (a map entry per character), so only the command line's
    `entities` uses it; the article is the same one `read_article` gives.
    """
    raw, info, complete = _read_head_or_say_why(path)
    file_text, notes = decode_file_text(raw, complete=complete)
    text, offsets = normalise_newlines(file_text, strip_bom=not raw.startswith(_UTF16_BOMS))
    facts = None
    if _is_html(path):
        text, stripped = html_to_text_mapped(text)
        offsets = stripped.then(offsets)
    elif is_markdown(path.suffix):
        source = text
        text, unmarked, markdown = markdown_to_text(source)
        offsets = unmarked.then(offsets)
        facts = (source, markdown)
    return ArticleSource(_parsed(path, text, notes, info, complete, facts), file_text, offsets)


@functools.cache
def seeds_folder() -> Path:
    """The bundled sample articles: inside the installed package, or the source checkout."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "seeds"
    return packaged if packaged.is_dir() else package.parents[1] / "seeds"


def _dating_mtime(path: Path, info: os.stat_result) -> float | None:
    """The file's modification time, when it can say roughly when the story was written.

    A bundled sample's time is when the program was installed, not when the story was
    filed, so it dates nothing.
    """
    if path.name in _sample_names():  # resolving every path cost more than the parse
        try:
            if path.resolve().parent == seeds_folder():
                return None
        except OSError:
            return None
    return info.st_mtime


@functools.cache
def _sample_names() -> frozenset[str]:
    try:
        return frozenset(p.name for p in seeds_folder().iterdir())
    except OSError:
        return frozenset()


def _parsed(
    path: Path,
    text: str,
    notes: tuple[str, ...],
    info: os.stat_result,
    complete: bool,
    markdown: tuple[str, MarkdownFacts] | None = None,
) -> Article:
    """The checks and the cap every read applies, then the parse.

    `markdown`: the file's own text and what its front matter says, for a `.md` file.
    """
    size = info.st_size
    if not text.strip():
        raise ArticleError("empty file")
    if not any(ch.isalnum() for ch in text[:65536]):
        raise ArticleError("no readable text in it (not a single letter or digit)")
    text, cap_notes = _cap_text(text, size)
    if not complete and not cap_notes:
        cap_notes = (
            f"very long file ({_megabytes(size)}): only its first "
            f"{_megabytes(READ_LIMIT_BYTES)} are shown and annotated",
        )
    facts, id_text = None, None
    if markdown is not None:
        id_text, facts = markdown
        notes += facts.notes
    return parse_article(
        text,
        path=str(path),
        notes=notes + cap_notes,
        mtime=_dating_mtime(path, info),
        facts=facts,
        id_text=id_text,
    )


def read_article(path: Path) -> Article:
    """Read and parse one article file; raise ArticleError with a reason a person understands."""
    return read_article_file(path)[0]


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


def iter_article_files(root: Path) -> list[Path]:
    """Article files under a path (or the path itself), sorted, without following link loops."""
    if root.is_file():
        return [root]
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                stack.append(entry)
            elif entry.suffix.lower() in ARTICLE_SUFFIXES and entry.is_file():
                found.append(entry)
    return sorted(found)
