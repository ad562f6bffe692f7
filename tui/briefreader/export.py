"""Annotations out as files other tools read: Markdown for notebooks, JSON for backups, HTML.

The output is a pure function of the annotations (no timestamps), so exporting twice with
no change gives the same bytes and a notebook under version control shows real changes only.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from pathlib import Path

from briefreader import __version__
from briefreader.atomicfile import atomic_write_text
from briefreader.store import Annotation
from briefreader.tags import tag_key
from briefreader.textsafety import one_line

EXPORT_FORMAT = "briefreader-annotations"
EXPORT_SCHEMA = 1
FORMATS = ("md", "json", "html")
_SUFFIX = {"md": ".md", "json": ".json", "html": ".html"}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


class ExportError(Exception):
    """An export that cannot be written; the message says what to do."""


def select(annotations: Sequence[Annotation], tag: str | None = None) -> list[Annotation]:
    """Annotated articles, optionally only those carrying a tag, in a stable order."""
    chosen = [a for a in annotations if not a.is_empty]
    if tag:
        chosen = [a for a in chosen if tag_key(tag.lstrip("#")) in {tag_key(t) for t in a.tags}]
    return sorted(chosen, key=lambda a: (a.date or "", a.title, a.article_id))


def escape_markdown(text: str) -> str:
    """Make a title inert in Markdown: it reads the same and never becomes a link or heading."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text))


def obsidian_tag(tag: str) -> str:
    """A tag Obsidian reads as one tag: no spaces or punctuation that would end it."""
    cleaned = re.sub(r"[^\w/\-]", "-", tag)
    if cleaned.isdigit():
        cleaned = f"tag-{cleaned}"  # Obsidian ignores purely numeric tags
    return f"#{cleaned}"


def to_markdown(annotations: Sequence[Annotation]) -> str:
    """One digest: a section per annotated article with its facts, tags and note."""
    lines = ["# briefreader notes", ""]
    if not annotations:
        lines += ["_No annotated articles yet: tag or note an article first._", ""]
    for annotation in annotations:
        lines += [f"## {escape_markdown(annotation.title or annotation.article_id)}", ""]
        facts = [
            ("Source", annotation.agency),
            ("Date", annotation.date),
            ("Place", annotation.place),
            ("File", f"`{one_line(annotation.path)}`" if annotation.path else None),
            ("Id", f"`{annotation.article_id}`"),
            ("Tags", " ".join(obsidian_tag(t) for t in annotation.tags) or None),
        ]
        lines += [
            f"- **{name}:** {value if name in ('File', 'Id', 'Tags') else escape_markdown(value)}"
            for name, value in facts
            if value
        ]
        lines.append("")
        if annotation.note.strip():
            lines += ["### Notes", "", annotation.note.strip(), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def to_json(annotations: Sequence[Annotation]) -> str:
    """A complete, re-importable backup of the annotations."""
    payload = {
        "format": EXPORT_FORMAT,
        "schema": EXPORT_SCHEMA,
        "generator": f"briefreader {__version__}",
        "annotations": [a.as_doc() for a in annotations],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def to_html(annotations: Sequence[Annotation]) -> str:
    """A self-contained page of the same digest, for sharing with people without a terminal."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8"><title>briefreader notes</title>',
        "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.5}"
        ".tag{background:#eef;border-radius:4px;padding:0 .3em;margin-right:.3em}"
        "pre{white-space:pre-wrap;font-family:inherit}</style></head><body>",
        "<h1>briefreader notes</h1>",
    ]
    for annotation in annotations:
        esc = html.escape
        parts.append(
            f"<section><h2>{esc(one_line(annotation.title or annotation.article_id))}</h2>"
        )
        facts = " · ".join(
            esc(one_line(v)) for v in (annotation.agency, annotation.date, annotation.place) if v
        )
        if facts:
            parts.append(f"<p>{facts}</p>")
        if annotation.tags:
            tags = "".join(f'<span class="tag">#{esc(t)}</span>' for t in annotation.tags)
            parts.append(f"<p>{tags}</p>")
        if annotation.note.strip():
            parts.append(f"<pre>{esc(annotation.note.strip())}</pre>")
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


RENDERERS = {"md": to_markdown, "json": to_json, "html": to_html}


def render(annotations: Sequence[Annotation], fmt: str) -> str:
    """The export text in one of FORMATS."""
    return RENDERERS[fmt](annotations)


def target_file(output: Path, fmt: str, is_folder_hint: bool) -> Path:
    """Where to write: a folder (existing, or named with a trailing slash) gets a fixed name."""
    if is_folder_hint or output.is_dir():
        return output / f"briefreader-notes{_SUFFIX[fmt]}"
    return output


def write_export(text: str, target: Path) -> Path:
    """Write atomically so a failed export never leaves half a file where a good one was."""
    try:
        atomic_write_text(target, text)
    except OSError as error:
        raise ExportError(
            f"cannot write {target}: {error.strerror or error}; choose another path with -o"
        ) from error
    return target


def parse_backup(raw: str, source: str) -> list[Annotation]:
    """Read a JSON export back; raise ExportError naming the file when it is not one."""
    try:
        data = json.loads(raw)
    except ValueError as error:
        raise ExportError(
            f"{source} is not JSON ({error}); pass a file made by 'export --format json'"
        ) from error
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise ExportError(
            f"{source} is not a briefreader JSON export; pass a file made by 'export --format json'"
        )
    if not isinstance(data.get("schema"), int) or data["schema"] > EXPORT_SCHEMA:
        raise ExportError(f"{source} was written by a newer briefreader; upgrade to import it")
    items = data.get("annotations")
    if not isinstance(items, list):
        raise ExportError(f"{source} has no annotations list; it may be damaged")
    found = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("article_id"), str):
            found.append(Annotation.from_doc(item))
    return found
