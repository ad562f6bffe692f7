"""Turn an HTML page into readable paragraphs with the standard library's HTML parser.

Scraped pages carry navigation, scripts and footers; only the article's blocks are kept,
one paragraph per block element, so the text parser downstream sees what a reader sees.
`html_to_text_mapped` also says where in the markup each character of that text came
from, for the command line's promise of offsets into the file.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from briefreader.articles.sourcemap import SourceMap

_BLOCKS = frozenset(
    "address article blockquote br dd div dl dt figcaption h1 h2 h3 h4 h5 h6 hr li main "
    "ol p pre section table td th tr ul".split()
)
_SKIPPED = frozenset("script style noscript nav header footer aside form svg template".split())
_VOID = frozenset("br hr img input meta link area base col embed source track wbr".split())
# The character references HTMLParser's convert_charrefs decodes (html.unescape's own).
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")

# A run of text as the parser handed it over: (line, column) where its markup starts, text.
_Piece = tuple[int, int, str]


class _Collector(HTMLParser):
    def __init__(self, track: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.track = track
        self.blocks: list[str] = []
        self.current: list[str] = []
        # With `track`: where each handed-over text starts, per block and for the <title>.
        self.block_pieces: list[list[_Piece]] = []
        self.current_pieces: list[_Piece] = []
        self.title_pieces: list[_Piece] = []
        self.skip_depth = 0
        self.in_title = False
        self.in_h1 = False
        self.title = ""
        self.h1 = ""

    def flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
            if self.track:
                self.block_pieces.append(self.current_pieces)
        self.current = []
        self.current_pieces = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED and tag not in _VOID:
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        elif tag in _BLOCKS:
            self.flush()
            self.in_h1 = tag == "h1" and not self.h1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCKS:
            if self.in_h1 and tag == "h1":
                self.h1 = " ".join("".join(self.current).split())
                self.in_h1 = False
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            if self.track:
                self.title_pieces.append((*self.getpos(), data))
        elif not self.skip_depth:
            self.current.append(data)
            if self.track:
                self.current_pieces.append((*self.getpos(), data))


def _collect(markup: str, track: bool) -> tuple[_Collector, list[tuple[str, list[_Piece]]]]:
    """Parse the page; its blocks in reading order, each with the pieces it was made of."""
    collector = _Collector(track)
    collector.feed(markup)
    collector.close()
    collector.flush()
    pieces = collector.block_pieces
    blocks: list[tuple[str, list[_Piece]]] = [
        (text, pieces[index] if index < len(pieces) else [])
        for index, text in enumerate(collector.blocks)
    ]
    title = " ".join(collector.title.split())
    if not collector.h1 and title and (not blocks or blocks[0][0] != title):
        blocks.insert(0, (title, collector.title_pieces))
    return collector, blocks


def html_to_text(markup: str) -> str:
    """Paragraphs separated by blank lines; the <title> leads when the page has no <h1>."""
    return "\n\n".join(text for text, _ in _collect(markup, track=False)[1])


def html_to_text_mapped(markup: str) -> tuple[str, SourceMap]:
    """`html_to_text(markup)` and, for each of its characters, the markup it came from.

    A character from a reference such as `&amp;` maps to the whole reference; the blank
    lines between blocks map to an empty span where the previous block's text ends.
    """
    _, blocks = _collect(markup, track=True)
    line_starts = [0] + [found.end() for found in re.finditer("\n", markup)]
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for number, (text, pieces) in enumerate(blocks):
        if number:
            at = ends[-1] if ends else 0
            chars.append("\n\n")
            starts += (at, at)
            ends += (at, at)
        block_starts, block_ends = _collapsed_offsets(text, pieces, markup, line_starts)
        chars.append(text)
        starts += block_starts
        ends += block_ends
    return "".join(chars), SourceMap(starts, ends, len(markup))


def _collapsed_offsets(
    text: str, pieces: list[_Piece], markup: str, line_starts: list[int]
) -> tuple[list[int], list[int]]:
    """Source spans of a block's characters after whitespace runs became single spaces.

    Mirrors `" ".join(raw.split())`: a kept space maps to the first character of its run.
    """
    starts: list[int] = []
    ends: list[int] = []
    space: tuple[int, int] | None = None
    for line, column, data in pieces:
        data_starts, data_ends = _data_offsets(markup, line_starts[line - 1] + column, data)
        for char, start, end in zip(data, data_starts, data_ends, strict=True):
            if char.isspace():
                if starts and space is None:
                    space = (start, end)
            else:
                if space is not None:
                    starts.append(space[0])
                    ends.append(space[1])
                    space = None
                starts.append(start)
                ends.append(end)
    if len(starts) != len(text):  # cannot happen: the same pieces made the text
        at = starts[0] if starts else 0
        return [at] * len(text), [at] * len(text)
    return starts, ends


def _data_offsets(markup: str, position: int, data: str) -> tuple[list[int], list[int]]:
    """Source spans of the characters of one text the parser handed over from `position`.

    The parser decodes character references the way html.unescape does; walking the
    markup with the same pattern finds which reference made which characters. Text it
    passed on undecoded (inside <script> in a <title>, say) matches the markup as it is.
    """
    decoded = _decoded_offsets(markup, position, data)
    if decoded is not None:
        return decoded
    if markup.startswith(data, position):
        return list(range(position, position + len(data))), list(
            range(position + 1, position + len(data) + 1)
        )
    # Not the markup the parser read (never seen): it all maps to where it starts.
    return [position] * len(data), [position] * len(data)


def _decoded_offsets(markup: str, position: int, data: str) -> tuple[list[int], list[int]] | None:
    """Spans for `data` read as decoded references and plain characters; None if it is not."""
    starts: list[int] = []
    ends: list[int] = []
    done, wanted, length = 0, len(data), len(markup)
    while done < wanted:
        reference = _CHARREF.match(markup, position) if markup.startswith("&", position) else None
        if reference:
            source = reference.group()
            decoded = html._replace_charref(reference)
            if decoded != source and data.startswith(decoded, done):
                # "&notit;" decodes to "¬it;": the trailing "it;" maps to itself.
                kept = 0
                while (
                    kept < min(len(source), len(decoded)) - 1
                    and source[-1 - kept] == decoded[-1 - kept]
                ):
                    kept += 1
                made = len(decoded) - kept
                starts += [position] * made
                ends += [reference.end() - kept] * made
                for offset in range(kept):
                    at = reference.end() - kept + offset
                    starts.append(at)
                    ends.append(at + 1)
                done += len(decoded)
                position = reference.end()
                continue
        if position < length and markup[position] == data[done]:
            starts.append(position)
            ends.append(position + 1)
            position += 1
            done += 1
            continue
        return None
    return starts, ends
