"""An export into a folder: one Markdown note per article, and a page per entity.

A folder export is meant to live on in a notes app (Obsidian and the like): a note keeps
its file name when its article's file is edited (its id changes), a renamed note is still
found, a note whose annotations were all deleted loses its generated part, and entity
pages link back to the notes and their quotes.
"""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path

from briefreader.entities.corrections import shows_better
from briefreader.export.data import (
    LINKED_LABELS,
    ExportFilter,
    ExportItem,
)
from briefreader.export.markdown import (
    BEGIN,
    NotOurFileError,
    article_file,
    block_id,
    entity_slug,
    escape_markdown,
    merge,
)
from briefreader.export.slugs import SlugAllocator
from briefreader.export.writing import (
    ExportResult,
    inside,
    read_existing,
    refusal,
    retire,
    write_file,
)
from briefreader.textsafety import one_line

_ID_LINE = re.compile(r'^id: "([0-9a-f]+)"$', re.MULTILINE)
_SOURCE_LINE = re.compile(r"^source: (.+)$", re.MULTILINE)


def _existing_files(folder: Path) -> tuple[dict[str, Path], dict[str, tuple[str, Path]]]:
    """The notes a previous export wrote (even if the user renamed them), two ways.

    Article id → note, and the article's source file → (id, note): editing a source file
    changes its id (a hash of the text), and the note of the old id, with the user's own
    text around the markers, must be updated in place, not joined by a second one.
    """
    found: dict[str, Path] = {}
    by_source: dict[str, tuple[str, Path]] = {}
    if not folder.is_dir():
        return found, by_source
    for path in sorted(folder.glob("*.md")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        head = text[:4000]
        match = _ID_LINE.search(head)
        if match and BEGIN in text:
            found.setdefault(match.group(1), path)
            source = _SOURCE_LINE.search(head)
            if source:
                by_source.setdefault(_source_path(source.group(1)), (match.group(1), path))
    return found, by_source


def _source_path(value: str) -> str:
    """The `source:` property as written (JSON-quoted), or as an editor may re-save it."""
    value = value.strip()
    if value.startswith('"'):
        with contextlib.suppress(ValueError):
            return str(json.loads(value))
    return value.strip("'\"")


def write_markdown_folder(
    items: list[ExportItem],
    folder: Path,
    chosen: ExportFilter,
    entity_pages: bool,
    meanings: dict[str, str],
    result: ExportResult,
) -> None:
    """One note per article in `folder`, updated in place, and entity pages if asked.

    Only a whole export (`chosen` narrows nothing) retires the notes of articles it no
    longer holds: a filtered one says nothing about the articles it left out.
    """
    previous, by_source = _existing_files(folder)
    slugs = SlugAllocator()
    for path in previous.values():
        slugs.taken.add(path.stem.casefold())
    exported = {i.article_id for i in items}
    for item in items:
        target = previous.get(item.article_id)
        if target is None and item.annotation.path in by_source:
            old_id, note = by_source[item.annotation.path]
            if old_id not in exported:  # the same file under its id before an edit
                target = note
        if target is None:
            target = folder / f"{slugs.slug(item.article_id, item.title)}.md"
        inside(folder, target)
        front, body = article_file(item, meanings, entity_pages)
        existing = read_existing(target)
        try:
            text = merge(existing, body, front=front)
        except NotOurFileError as error:
            raise refusal(target) from error
        write_file(target, text)
        result.written.append(target)
    unfiltered = chosen == ExportFilter()
    if unfiltered:
        written = set(result.written)
        for article_id, path in previous.items():
            if article_id not in exported and path not in written:
                retire(path, result)
    if entity_pages:
        files = dict(zip((i.article_id for i in items), result.written, strict=True))
        _entity_pages(items, folder, files, result, retire_others=unfiltered)


def _entity_pages(
    items: list[ExportItem],
    folder: Path,
    files: dict[str, Path],
    result: ExportResult,
    retire_others: bool = False,
) -> None:
    """One page per entity: every article that mentions it and every quote naming it.

    After a whole export (`retire_others`), a page of an entity no article mentions any
    more (a mark undone, a name rejected) is retired as article pages are.
    """
    # Keyed by the slug article pages link to, so every link lands on a page: "MINSK" in
    # one article and "Minsk" in another are one page, titled with the better spelling.
    mentions: dict[str, list[ExportItem]] = {}
    titles: dict[str, str] = {}
    for item in items:
        for label in LINKED_LABELS:
            for name in item.entities.get(label, []):
                slug = entity_slug(name)
                if item not in mentions.setdefault(slug, []):
                    mentions[slug].append(item)
                if shows_better(name, titles.get(slug)):
                    titles[slug] = name
    pages = folder / "entities"
    for slug in sorted(mentions, key=lambda s: (titles[s].casefold(), s)):
        name = titles[slug]
        target = inside(folder, pages / f"{slug}.md")
        lines = []
        for item in mentions[slug]:
            stem = files[item.article_id].stem
            lines.append(f"- [[{stem}|{escape_markdown(item.title)}]]")
            for highlight in item.highlights:
                if name.casefold() in highlight.selector.exact.casefold():
                    quote = escape_markdown(one_line(highlight.selector.exact))
                    lines.append(f"  - > {quote} [[{stem}#^{block_id(highlight)}|↗]]")
        body = "\n".join(lines) + "\n"
        try:
            text = merge(read_existing(target), body, title=escape_markdown(name))
        except NotOurFileError as error:
            raise refusal(target) from error
        write_file(target, text)
        result.written.append(target)
    if retire_others and pages.is_dir():
        for page in sorted(pages.glob("*.md")):
            if page.stem not in mentions:
                retire(page, result, "_No exported article mentions it now._\n", heading=True)
