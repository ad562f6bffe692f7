"""Where each character of an article's text came from in the file it was read from.

The reader, the index and the annotations all work on the article's text: newlines
normalised, and for HTML the tags stripped and character references decoded. Scripts that
call `briefreader entities --json` are promised offsets into the file's own text instead
(INTERFACE.md), so the steps that derive the text also record, per output character, the
span of source characters that produced it; a span of entity offsets then maps back to
the file by taking the outermost source positions of its characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SourceMap:
    """For character i of a derived text, source characters [starts[i], ends[i]).

    An inserted character (a blank line between HTML blocks) has an empty span at the
    source position nearest to it. `outer` is the map of the step before, so that the
    steps chain: stripped text → decoded file text with newlines normalised → file text.
    """

    starts: Sequence[int]
    ends: Sequence[int]
    source_length: int
    outer: SourceMap | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The source span [start, end) of derived characters [start, end) came from.

        The outermost positions, so a span whose characters came from either side of
        markup includes that markup: the source slice then differs from the derived text,
        but always holds all of it.
        """
        count = len(self.starts)
        start = max(0, min(start, count))
        end = max(start, min(end, count))
        if end > start:
            first, last = min(self.starts[start:end]), max(self.ends[start:end])
        elif start < count:
            first = last = self.starts[start]
        else:
            first = last = self.ends[-1] if count else 0
        if self.outer is not None:
            return self.outer.span(first, last)
        return first, last

    def then(self, outer: SourceMap) -> SourceMap:
        """Chain a step before this one: `outer` maps this map's source to its own source."""
        inner_outer = self.outer.then(outer) if self.outer is not None else outer
        return SourceMap(self.starts, self.ends, self.source_length, inner_outer)


def identity_map(length: int) -> SourceMap:
    """A text that is its own source (ranges: no per-character lists for a plain file)."""
    return SourceMap(range(length), range(1, length + 1), length)


def normalise_newlines(file_text: str, strip_bom: bool = True) -> tuple[str, SourceMap]:
    """The text without a leading byte order mark and with universal newlines, and its map.

    The same text `decode_article_bytes` gives (it is what articles are parsed from);
    the map leads back to the file's text with its CRLF or CR line ends kept. The UTF-16
    codec has already taken its mark off, so a file in UTF-16 passes `strip_bom=False`.
    """
    skip = 1 if strip_bom and file_text.startswith("\ufeff") else 0
    if "\r" not in file_text:
        length = len(file_text)
        return file_text[skip:], SourceMap(range(skip, length), range(skip + 1, length + 1), length)
    starts: list[int] = []
    ends: list[int] = []
    chars: list[str] = []
    position, length = skip, len(file_text)
    while position < length:
        char = file_text[position]
        step = 2 if char == "\r" and file_text.startswith("\n", position + 1) else 1
        chars.append("\n" if char == "\r" else char)
        starts.append(position)
        ends.append(position + step)
        position += step
    return "".join(chars), SourceMap(starts, ends, length)
