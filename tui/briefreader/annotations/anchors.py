"""Anchor a passage so it can be found again after the article file is edited or moved.

Like the W3C TextQuoteSelector: the quoted text plus a little context before and after,
with the character offsets as a hint. Re-attaching prefers an exact quote whose context
matches and that lies nearest the old position; a quote that cannot be found anywhere is
an orphan, kept and listed, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CONTEXT = 32


@dataclass(frozen=True)
class TextQuote:
    """A passage: what it says, what surrounds it, and where it was last seen."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int

    def as_doc(self) -> dict[str, str | int]:
        """The stored form, a flat JSON object."""
        return {
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, object]) -> TextQuote:
        """Rebuild from storage, tolerating a hand-edited document."""
        return cls(
            exact=str(doc.get("exact", "")),
            prefix=str(doc.get("prefix", "")),
            suffix=str(doc.get("suffix", "")),
            start=int(doc.get("start", 0) or 0),  # type: ignore[call-overload]
            end=int(doc.get("end", 0) or 0),  # type: ignore[call-overload]
        )


def quote(text: str, start: int, end: int) -> TextQuote:
    """Describe text[start:end] so it can be found again."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"passage {start}-{end} is outside the text (0-{len(text)})")
    return TextQuote(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        start=start,
        end=end,
    )


def _common_suffix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        count += 1
    return count


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def attach(selector: TextQuote, text: str) -> tuple[int, int] | None:
    """Where the passage is in text now, or None when it is gone (an orphan)."""
    exact = selector.exact
    if not exact:
        return None
    if text[selector.start : selector.end] == exact and (
        text[max(0, selector.start - len(selector.prefix)) : selector.start] == selector.prefix
    ):
        return selector.start, selector.end
    candidates = [m.start() for m in re.finditer(re.escape(exact), text)]
    if candidates:
        best = max(candidates, key=lambda at: _score(selector, text, at, at + len(exact)))
        return best, best + len(exact)
    return _attach_loosely(selector, text)


def _score(selector: TextQuote, text: str, start: int, end: int) -> tuple[int, int]:
    context = _common_suffix(text[max(0, start - CONTEXT) : start], selector.prefix)
    context += _common_prefix(text[end : end + CONTEXT], selector.suffix)
    return context, -abs(start - selector.start)


def _attach_loosely(selector: TextQuote, text: str) -> tuple[int, int] | None:
    """Find the quote when only whitespace or line breaks around its words changed."""
    words = selector.exact.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(word) for word in words)
    matches = list(re.finditer(pattern, text))
    if not matches:
        return None
    best = max(matches, key=lambda m: _score(selector, text, m.start(), m.end()))
    return best.start(), best.end()
