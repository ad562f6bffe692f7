"""Article text with entities as Textual Content, coloured by the Pygments entity style.

Content is built from plain strings and spans, never parsed as markup, so a "[bold]" or
"[@click=app.quit]" in an article is shown as typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from pygments.style import Style
from textual.content import Content, Span

from briefreader.entities import LABELS, Entity
from briefreader.highlighting import (
    LEGEND_NAMES,
    DarkEntityStyle,
    LightEntityStyle,
    colour_of,
    relative_spans,
)
from briefreader.textsafety import visible


def entity_style(dark: bool) -> type[Style]:
    """The Pygments style that reads well on the active theme's background."""
    return DarkEntityStyle if dark else LightEntityStyle


def highlighted(text: str, entities: Sequence[Entity], start: int, end: int, dark: bool) -> Content:
    """The text between start and end with each entity in its label's colour."""
    style = entity_style(dark)
    spans = [
        Span(s, e, colour_of(style, label)) for s, e, label in relative_spans(entities, start, end)
    ]
    return Content(visible(text[start:end]), spans)


def legend(dark: bool) -> Content:
    """One line naming each colour, so highlighting explains itself."""
    style = entity_style(dark)
    parts: list[str | tuple[str, str]] = ["Entities: "]
    for label in LABELS:
        parts += [(f"■ {LEGEND_NAMES[label]}", colour_of(style, label)), "  "]
    return Content.assemble(*parts)
