"""Annotations out as files other tools read: Markdown notebooks, JSON backups, HTML pages.

This module decides where things go (a digest file, or one file per article in a folder)
and writes them safely: atomically, only inside the chosen folder, never over a file that
briefreader did not write, and keeping what the user wrote around the generated part.
The output is a pure function of the annotations, so exporting twice gives the same bytes.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from briefreader.articles.decoding import ArticleError
from briefreader.atomicfile import atomic_write_text
from briefreader.entities.corrections import shows_better
from briefreader.export.backup import EXPORT_FORMAT, to_json
from briefreader.export.data import (
    LINKED_LABELS,
    ExportFilter,
    ExportItem,
    LibraryFacts,
    gather,
)
from briefreader.export.html import MARK, ArticleText, article_section, page
from briefreader.export.markdown import (
    BEGIN,
    END,
    FRONT,
    NotOurFileError,
    article_file,
    block_id,
    digest,
    entity_slug,
    escape_markdown,
    merge,
    obsidian_tag,
)
from briefreader.export.slugs import SlugAllocator
from briefreader.library.summary import ArticleSummary
from briefreader.session import Session
from briefreader.textsafety import one_line

FORMATS = ("md", "json", "html")
SUFFIX = {"md": ".md", "json": ".json", "html": ".html"}
DIGEST_NAME = "briefreader-notes"
_ID_LINE = re.compile(r'^id: "([0-9a-f]+)"$', re.MULTILINE)
_SOURCE_LINE = re.compile(r"^source: (.+)$", re.MULTILINE)

__all__ = ["FORMATS", "ExportError", "ExportOptions", "escape_markdown", "obsidian_tag"]


class ExportError(Exception):
    """An export that cannot be written; the message says what to do."""


@dataclass(frozen=True)
class ExportOptions:
    """Everything an export needs to know; `output` None means standard output."""

    fmt: str = "md"
    output: Path | None = None
    folder: bool = False
    chosen: ExportFilter = field(default_factory=ExportFilter)
    entity_pages: bool = False


@dataclass
class ExportResult:
    """What was written (or the text, for standard output)."""

    articles: int = 0
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    text: str | None = None
    # Articles --since/--until could not place because their date has no year.
    undated: int = 0

    @property
    def where(self) -> str:
        """The folder or file to name in a message."""
        if not self.written:
            return "nowhere"
        return str(self.written[0] if len(self.written) == 1 else self.written[0].parent)


def library_facts(session: Session) -> dict[str, LibraryFacts]:
    """What the library knows about each article, for titles, dates and entities."""
    names = session.library.entity_names
    corrector = session.name_corrector()  # aliases merged, rejected names gone, as in the app
    return {
        s.id: LibraryFacts(
            s.title,
            s.date_iso or s.date,
            s.place,
            s.agency,
            s.path,
            corrector.names(corrector.article_names(s.id, names.get(s.id, ()))),
        )
        for s in session.library.summaries()
    }


def choose(
    session: Session, chosen: ExportFilter, undated: list[str] | None = None
) -> list[ExportItem]:
    """The articles an export with these filters contains (`undated`: see `gather`)."""
    return gather(session.store, library_facts(session), chosen, undated)


def run_export(session: Session, options: ExportOptions) -> ExportResult:
    """Export as asked; raise ExportError with a one-line message when it cannot."""
    undated: list[str] = []
    items = choose(session, options.chosen, undated)
    meanings = session.config.highlight_meanings
    result = ExportResult(articles=len(items), undated=len(undated))
    links = options.entity_pages
    if options.fmt == "json":
        text = to_json(items, session.store.dated_corrections())
    elif options.fmt == "html":
        if options.folder and options.output is not None:
            _html_folder(session, items, options.output, result)
            return result
        summaries = {s.id: s for s in session.library.summaries()}
        sections = [_html_section(session, i, meanings, summaries) for i in items]
        text = page("briefreader notes", sections)
    elif options.folder and options.output is not None:
        _markdown_folder(items, options, meanings, result)
        return result
    else:
        text = digest(items, meanings, links, filtered=options.chosen.narrows)
    if options.output is None:
        result.text = text if options.fmt != "md" else f"# briefreader notes\n\n{text}"
        return result
    target = (
        options.output / f"{DIGEST_NAME}{SUFFIX[options.fmt]}" if options.folder else options.output
    )
    _write(target, _merged_single(target, text, options.fmt))
    result.written.append(target)
    return result


# -- one file --------------------------------------------------------------------------------


def _read_existing(target: Path) -> str | None:
    try:
        return target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise ExportError(f"cannot read {target} to update it: {error}") from error


def _refuse(target: Path) -> ExportError:
    return ExportError(
        f"{target} exists and was not written by briefreader; "
        "move it away or choose another path with -o"
    )


def _merged_single(target: Path, text: str, fmt: str) -> str:
    existing = _read_existing(target)
    if fmt == "md":
        try:
            return merge(existing, text, title="briefreader notes")
        except NotOurFileError as error:
            raise _refuse(target) from error
    if existing is not None:
        ours = MARK in existing if fmt == "html" else f'"format": "{EXPORT_FORMAT}"' in existing
        if not ours:
            raise _refuse(target)
    return text


def _write(target: Path, text: str) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if _read_existing(target) == text:
            return  # unchanged: leave the file (and its modification time) alone
        atomic_write_text(target, text, shared=True)
    except OSError as error:
        raise ExportError(
            f"cannot write {target}: {error.strerror or error}; choose another path with -o"
        ) from error


def _inside(folder: Path, target: Path) -> Path:
    """Refuse any path that would land outside the chosen folder."""
    resolved_folder = folder.resolve()
    if resolved_folder not in target.resolve().parents:
        raise ExportError(f"refusing to write {target}: it is outside {folder}")
    return target


# -- one file per article --------------------------------------------------------------------


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


def _markdown_folder(
    items: list[ExportItem], options: ExportOptions, meanings: dict[str, str], result: ExportResult
) -> None:
    folder = options.output
    assert folder is not None
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
        _inside(folder, target)
        front, body = article_file(item, meanings, options.entity_pages)
        existing = _read_existing(target)
        try:
            text = merge(existing, body, front=front)
        except NotOurFileError as error:
            raise _refuse(target) from error
        _write(target, text)
        result.written.append(target)
    unfiltered = options.chosen == ExportFilter()
    if unfiltered:
        written = set(result.written)
        for article_id, path in previous.items():
            if article_id not in exported and path not in written:
                _retire(path, result)
    if options.entity_pages:
        files = dict(zip((i.article_id for i in items), result.written, strict=True))
        _entity_pages(items, folder, files, result, retire_others=unfiltered)


def _retire(
    path: Path,
    result: ExportResult,
    left: str = "_No annotations left in briefreader._\n",
    heading: bool = False,
) -> None:
    """An article whose annotations were all deleted: its generated part goes too.

    `heading`: the page opens with a title line briefreader wrote (entity pages), which
    is not the user's text.
    """
    existing = _read_existing(path) or ""
    rest = FRONT.sub("", existing, count=1)
    start, end = rest.find(BEGIN), rest.find(END)
    if start < 0 or end < 0:
        return  # not a page briefreader wrote: left alone
    before = rest[:start]
    if heading and before.startswith("# "):
        before = before.split("\n", 1)[1] if "\n" in before else ""  # the title we wrote
    if (before + rest[end + len(END) :]).strip():
        _write(path, merge(existing, left))
    else:
        path.unlink()  # nothing of the user's in it: the file itself goes
        result.removed.append(path)


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
        target = _inside(folder, pages / f"{slug}.md")
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
            text = merge(_read_existing(target), body, title=escape_markdown(name))
        except NotOurFileError as error:
            raise _refuse(target) from error
        _write(target, text)
        result.written.append(target)
    if retire_others and pages.is_dir():
        for page in sorted(pages.glob("*.md")):
            if page.stem not in mentions:
                _retire(page, result, "_No exported article mentions it now._\n", heading=True)


# -- HTML ------------------------------------------------------------------------------------


def _html_section(
    session: Session,
    item: ExportItem,
    meanings: dict[str, str],
    summaries: dict[str, ArticleSummary],
) -> str:
    source = None
    try:
        article, entities = session.library.load(summaries[item.article_id])
        source = ArticleText(
            article.text, [(span.start, span.end) for span in article.body], entities
        )
    except (KeyError, ArticleError, OSError):
        pass  # the file is gone: the notes and highlights still export
    return article_section(item, source, meanings)


def _html_folder(
    session: Session, items: list[ExportItem], folder: Path, result: ExportResult
) -> None:
    meanings = session.config.highlight_meanings
    summaries = {s.id: s for s in session.library.summaries()}
    slugs = SlugAllocator()
    for item in items:
        target = _inside(folder, folder / f"{slugs.slug(item.article_id, item.title)}.html")
        text = page(item.title, [_html_section(session, item, meanings, summaries)])
        _write(target, _merged_single(target, text, "html"))
        result.written.append(target)
