"""Entity spans as Pygments tokens, so one Pygments style colours every view.

Each label is a token type under ``Token.Name.Entity``; the terminal view and the HTML
export both ask a Pygments style for the colour of a token, so changing the style changes
them together.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pygments.style import Style
from pygments.token import Token, _TokenType

from briefreader.entities.types import DATE, ORG, PERSON, PLACE, Entity

# Pygments names the type of its tokens privately; one public alias for our signatures.
TokenType = _TokenType

EntityToken = Token.Name.Entity
TOKENS: dict[str, TokenType] = {
    PERSON: EntityToken.Person,
    ORG: EntityToken.Organization,
    PLACE: EntityToken.Place,
    DATE: EntityToken.Date,
}
LEGEND_NAMES = {PERSON: "person", ORG: "organisation", PLACE: "place", DATE: "date"}


class DarkEntityStyle(Style):
    """Entity colours readable on a dark background; distinct hues, not just shades."""

    name = "briefreader-dark"
    background_color = "#1e1e1e"
    styles = {
        Token: "",
        EntityToken.Person: "bold #7fd4ff",
        EntityToken.Organization: "bold #ffb86c",
        EntityToken.Place: "bold #8be28b",
        EntityToken.Date: "#e5a4ff",
    }


class LightEntityStyle(Style):
    """The same hues, darkened for a light background."""

    name = "briefreader-light"
    background_color = "#ffffff"
    styles = {
        Token: "",
        EntityToken.Person: "bold #005f9e",
        EntityToken.Organization: "bold #a14d00",
        EntityToken.Place: "bold #1d7a1d",
        EntityToken.Date: "#7a2e9e",
    }


def token_for(label: str) -> TokenType:
    """The token type of a label; unknown labels still get an entity token."""
    token: TokenType = TOKENS.get(label, getattr(EntityToken, label.title()))
    return token


def colour_of(style: type[Style], label: str) -> str:
    """Rich/Textual style string ("bold #7fd4ff") for a label under a Pygments style."""
    info = style.style_for_token(token_for(label))
    parts = []
    if info["bold"]:
        parts.append("bold")
    if info["italic"]:
        parts.append("italic")
    if info["underline"]:
        parts.append("underline")
    if info["color"]:
        parts.append(f"#{info['color']}")
    return " ".join(parts)


def tokens_in(
    text: str, entities: Sequence[Entity], start: int = 0, end: int | None = None
) -> Iterator[tuple[TokenType, str]]:
    """Pygments-style (token, text) pairs for text[start:end], plain text as ``Token.Text``."""
    end = len(text) if end is None else end
    position = start
    for entity in entities:
        if entity.end <= start or entity.start >= end:
            continue
        e_start, e_end = max(entity.start, start), min(entity.end, end)
        if e_start > position:
            yield Token.Text, text[position:e_start]
        if e_start >= position:
            yield token_for(entity.label), text[e_start:e_end]
            position = e_end
    if position < end:
        yield Token.Text, text[position:end]


def relative_spans(
    entities: Sequence[Entity], start: int, end: int
) -> Iterator[tuple[int, int, str]]:
    """Entity spans clipped to [start, end) and shifted to start at 0, for one display block."""
    for entity in entities:
        if entity.end > start and entity.start < end:
            yield max(entity.start, start) - start, min(entity.end, end) - start, entity.label
