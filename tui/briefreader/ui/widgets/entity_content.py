"""Article text with entities as Textual Content, coloured by the Pygments entity style.

Content is built from plain strings and spans, never parsed as markup, so a "[bold]" or
"[@click=app.quit]" in an article is shown as typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pygments.style import Style
from textual.content import Content, Span

from briefreader.entities.colours import (
    LEGEND_NAMES,
    DarkEntityStyle,
    LightEntityStyle,
    colour_of,
    relative_spans,
)
from briefreader.entities.types import LABELS, Entity
from briefreader.textsafety import visible


def entity_style(dark: bool) -> type[Style]:
    """The Pygments style that reads well on the active theme's background."""
    return DarkEntityStyle if dark else LightEntityStyle


# A mark: article offsets and a style laid over the text (highlight, find match, selection).
Mark = tuple[int, int, str]

# Backgrounds only, so a highlighted entity keeps its own colour on top.
HIGHLIGHT_BACKGROUNDS = {
    True: {"yellow": "#6b5d00", "green": "#23522a", "blue": "#1f4770", "red": "#6e2428"},
    False: {"yellow": "#fff08a", "green": "#c4efc4", "blue": "#cde2ff", "red": "#ffcccc"},
}
FIND_MATCH = {True: "underline on #4a4a4a", False: "underline on #dcdcdc"}
CURRENT_MATCH = "bold #000000 on #ff9f1c"
SELECTION = "reverse"
CURRENT_ENTITY = "underline reverse"


def highlight_style(colour: str, dark: bool) -> str:
    """The background style of a highlight colour on the active theme."""
    backgrounds = HIGHLIGHT_BACKGROUNDS[dark]
    return f"on {backgrounds.get(colour, backgrounds['yellow'])}"


def highlighted(
    text: str,
    entities: Sequence[Entity],
    start: int,
    end: int,
    dark: bool,
    marks: Iterable[Mark] = (),
) -> Content:
    """The text between start and end with each entity in its label's colour.

    Marks (in article offsets) are laid over the entities in the order given, so a later
    mark (the current find match, the selection) shows on top of an earlier one.
    """
    style = entity_style(dark)
    spans = [
        Span(s, e, colour_of(style, label)) for s, e, label in relative_spans(entities, start, end)
    ]
    spans += [
        Span(max(s, start) - start, min(e, end) - start, mark_style)
        for s, e, mark_style in marks
        if e > start and s < end
    ]
    return Content(visible(text[start:end]), spans)


def legend(dark: bool) -> Content:
    """One line naming each colour, so highlighting explains itself."""
    style = entity_style(dark)
    parts: list[str | tuple[str, str]] = ["Entities: "]
    for label in LABELS:
        parts += [(f"■ {LEGEND_NAMES[label]}", colour_of(style, label)), "  "]
    return Content.assemble(*parts)
