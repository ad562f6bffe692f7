"""Pure reading logic for the reader: find matches, word and sentence motions, progress.

The reader shows an article as blocks (headline, subtitle, paragraphs), each a span of the
article's text. Everything here works in character offsets into that text, so what the UI
highlights, selects and stores always lines up with the file, and none of it needs Textual.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Block = tuple[int, int]

_TOKEN = re.compile(r"\S+")
# A sentence ends at . ! ? (or …) plus any closing quotes/brackets, before space or the end.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)")


def find_matches(text: str, query: str, blocks: Sequence[Block]) -> list[Block]:
    """Every case-insensitive occurrence of query inside the blocks, in reading order.

    Spaces in the query match any run of whitespace, so a phrase broken across lines in the
    file is still found. Matches never run from one block into the next.
    """
    words = query.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)
    found: list[Block] = []
    for start, end in blocks:
        for match in pattern.finditer(text, start, end):
            if match.end() > match.start():
                found.append((match.start(), match.end()))
    return found


def match_after(matches: Sequence[Block], position: int) -> int:
    """Index of the first match starting at or after position (wrapping to 0)."""
    for index, (start, _) in enumerate(matches):
        if start >= position:
            return index
    return 0


def _limits(blocks: Sequence[Block]) -> Block:
    return blocks[0][0], blocks[-1][1]


def word_at(text: str, position: int, blocks: Sequence[Block]) -> Block | None:
    """The word (a run of non-space characters) at or after position, inside the blocks."""
    low, high = _limits(blocks)
    position = min(max(position, low), high)
    inside = position < len(text) and not text[position].isspace()
    while inside and position > low and not text[position - 1].isspace():
        position -= 1
    match = _TOKEN.search(text, position, high)
    return (match.start(), match.end()) if match else None


def extend_by_word(text: str, start: int, end: int, blocks: Sequence[Block]) -> int:
    """The new end after taking in the next word (unchanged at the end of the text)."""
    _, high = _limits(blocks)
    match = _TOKEN.search(text, end, high)
    return match.end() if match else end


def shrink_by_word(text: str, start: int, end: int, blocks: Sequence[Block]) -> int:
    """The new end after dropping the last word (never below the first word)."""
    ends = [m.end() for m in _TOKEN.finditer(text, start, end) if m.end() < end]
    return ends[-1] if ends else end


def _sentence_ends(text: str, start: int, end: int, blocks: Sequence[Block]) -> list[int]:
    """Where sentences end between start and end: punctuation, and every block's end."""
    ends = {m.end() for m in _SENTENCE_END.finditer(text, start, end)}
    ends.update(block_end for _, block_end in blocks if start <= block_end <= end)
    return sorted(ends)


def extend_by_sentence(text: str, start: int, end: int, blocks: Sequence[Block]) -> int:
    """The new end at the end of the next sentence."""
    _, high = _limits(blocks)
    later = [at for at in _sentence_ends(text, end, high, blocks) if at > end]
    # Skip a "sentence" that is only the whitespace between two sentences.
    for at in later:
        if text[end:at].strip():
            return at
    return end


def shrink_by_sentence(text: str, start: int, end: int, blocks: Sequence[Block]) -> int:
    """The new end at the previous sentence end (or the first word when there is none)."""
    earlier = [at for at in _sentence_ends(text, start, end, blocks) if start < at < end]
    if earlier:
        return earlier[-1]
    first = _TOKEN.search(text, start, end)
    return first.end() if first else end


def move_end(text: str, start: int, end: int, step: int, blocks: Sequence[Block]) -> int:
    """The end moved by step characters, kept after start and inside the blocks."""
    _, high = _limits(blocks)
    return min(high, max(start + 1, end + step))


def trimmed(text: str, start: int, end: int) -> Block:
    """The span without surrounding whitespace (a passage is stored as its words)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def offset_in_block(block_text: str, line: int, column: int) -> int:
    """The offset in block_text of a (line, column) position, lines as str.splitlines cuts them.

    This is how a mouse selection in a widget (which counts lines and columns of the text it
    shows, before wrapping) maps back to the article.
    """
    lines = block_text.splitlines(keepends=True)
    if not lines:
        return 0
    if line >= len(lines):
        return len(block_text)
    before = sum(len(part) for part in lines[:line])
    content = lines[line].rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
    return before + min(max(column, 0), len(content))


def progress(scroll_y: float, max_scroll_y: float) -> int:
    """How far through the article the reader is, in percent (100 when it all fits)."""
    if max_scroll_y <= 0:
        return 100
    return max(0, min(100, round(100 * scroll_y / max_scroll_y)))
