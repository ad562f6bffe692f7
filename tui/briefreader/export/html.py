"""Self-contained HTML: the article with entity colours, and the user's notes and highlights.

Entity colours come from the same Pygments token types and style as the terminal view,
formatted by Pygments' own HtmlFormatter, so the page and the reader always agree.
Every piece of article or user text is HTML-escaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pygments.formatters import HtmlFormatter

from briefreader.entities.colours import (
    LEGEND_NAMES,
    LightEntityStyle,
    TokenType,
    token_for,
    tokens_in,
)
from briefreader.entities.types import Entity
from briefreader.export.data import ExportItem
from briefreader.textsafety import one_line, visible

MARK = "<!-- written by briefreader export: replaced on every export -->"
SWATCHES = {"yellow": "#fff3a3", "green": "#c8f0c0", "blue": "#cfe3ff", "red": "#ffc9c9"}
_BASE_CSS = (
    "body{font-family:Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;"
    "line-height:1.55;color:#222}h1,h2{font-family:sans-serif}"
    ".facts{color:#555;font-family:sans-serif}.tag{background:#eef;border-radius:4px;"
    "padding:0 .3em;margin-right:.3em;font-family:sans-serif}"
    ".note{white-space:pre-wrap;background:#f7f7f2;padding:.6em;border-left:3px solid #bbb}"
    "blockquote{margin:.6em 0;padding:.4em .8em;border-radius:4px}"
    "blockquote footer{font-size:.9em;color:#444}.legend span{margin-right:1em}"
)


@dataclass(frozen=True)
class ArticleText:
    """The article's text, its body paragraphs and entities, when its file could be read."""

    text: str
    paragraphs: Sequence[tuple[int, int]]
    entities: Sequence[Entity]


def _formatter() -> HtmlFormatter[str]:
    return HtmlFormatter(style=LightEntityStyle, nowrap=True, cssclass="article")


def _paragraph(source: ArticleText, start: int, end: int) -> str:
    tokens = [
        (token, visible(text))
        for token, text in tokens_in(source.text, source.entities, start, end)
    ]
    return "<p>" + _format(tokens) + "</p>"


def _format(tokens: list[tuple[TokenType, str]]) -> str:
    from io import StringIO

    out = StringIO()
    _formatter().format(tokens, out)
    return out.getvalue()


def _legend() -> str:
    spans = [_format([(token_for(label), f"■ {name}")]) for label, name in LEGEND_NAMES.items()]
    return '<p class="legend">' + "".join(f"<span>{s}</span>" for s in spans) + "</p>"


def article_section(
    item: ExportItem, source: ArticleText | None, meanings: Mapping[str, str], level: int = 2
) -> str:
    """One article: title, facts, tags, note, highlights, then the text with entities."""
    esc = html.escape
    annotation = item.annotation
    parts = [
        f'<section id="{esc(item.article_id)}"><h{level}>{esc(one_line(item.title))}</h{level}>'
    ]
    facts = " · ".join(
        esc(one_line(v)) for v in (annotation.agency, annotation.date, annotation.place) if v
    )
    if facts:
        parts.append(f'<p class="facts">{facts}</p>')
    if annotation.tags:
        parts.append(
            "<p>"
            + "".join(f'<span class="tag">#{esc(one_line(t))}</span>' for t in annotation.tags)
            + "</p>"
        )
    if annotation.note.strip():
        parts.append(f'<div class="note">{esc(visible(annotation.note.strip()))}</div>')
    for highlight in item.highlights:
        colour = SWATCHES.get(highlight.colour, "#eee")
        meaning = esc(one_line(meanings.get(highlight.colour, highlight.colour)))
        comment = f" · {esc(one_line(highlight.comment))}" if highlight.comment.strip() else ""
        parts.append(
            f'<blockquote style="background:{colour}">{esc(visible(highlight.selector.exact))}'
            f"<footer>— <em>{meaning}</em>{comment}</footer></blockquote>"
        )
    if source is not None:
        parts.append('<div class="article">' + _legend())
        parts += [_paragraph(source, start, end) for start, end in source.paragraphs]
        parts.append("</div>")
    parts.append("</section>")
    return "\n".join(parts)


def page(title: str, sections: Sequence[str]) -> str:
    """A complete, self-contained HTML document (styles inline, nothing fetched)."""
    css = _BASE_CSS + str(_formatter().get_style_defs(".article"))  # type: ignore[no-untyped-call]
    return (
        "\n".join(
            [
                "<!DOCTYPE html>",
                MARK,
                f'<html lang="en"><head><meta charset="utf-8"><title>{html.escape(one_line(title))}'
                f"</title><style>{css}</style></head><body>",
                f"<h1>{html.escape(one_line(title))}</h1>",
                *sections,
                "</body></html>",
            ]
        )
        + "\n"
    )
