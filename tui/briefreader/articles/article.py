"""Read an article file: its bytes, the text in them, and the story's parts in that text.

The way in for every reader of files (the library's index, the CLI, the marks): it ties
together articles.decoding (bytes to text, the limits, ArticleError), the HTML and
Markdown readers, and articles.parsing (headline, dateline, body as offsets into the text),
and keeps, for the command line, a map from those offsets back into the file's own text.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from briefreader.articles.decoding import (
    UTF16_BOMS,
    ArticleError,
    cap_text,
    decode_article_bytes,
    decode_file_text,
    read_head_or_say_why,
)
from briefreader.articles.files import is_bundled_sample
from briefreader.articles.html import html_to_text, html_to_text_mapped
from briefreader.articles.markdown import MarkdownFacts, is_markdown, markdown_to_text
from briefreader.articles.parsing import Article, parse_article
from briefreader.articles.sourcemap import SourceMap, normalise_newlines


def _is_html(path: Path) -> bool:
    return path.suffix.lower() in {".html", ".htm"}


def read_article_file(path: Path) -> tuple[Article, bytes, os.stat_result]:
    """The parsed article with the bytes it was read from and the file's stat.

    Raises ArticleError with a reason a person understands.
    """
    raw, info, complete = read_head_or_say_why(path)
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
    raw, info, complete = read_head_or_say_why(path)
    file_text, notes = decode_file_text(raw, complete=complete)
    text, offsets = normalise_newlines(file_text, strip_bom=not raw.startswith(UTF16_BOMS))
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


def _dating_mtime(path: Path, info: os.stat_result) -> float | None:
    """The file's modification time, when it can say roughly when the story was written.

    A bundled sample's time is when the program was installed, not when the story was
    filed, so it dates nothing.
    """
    return None if is_bundled_sample(path) else info.st_mtime


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
    text, cap_notes = cap_text(text, size, complete)
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
