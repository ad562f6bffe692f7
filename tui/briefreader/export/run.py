"""Annotations out as files other tools read: Markdown notebooks, JSON backups, HTML pages.

This module decides what an export holds (the articles the filters choose, with what the
library knows of them) and in which shape: one digest (Markdown, JSON or HTML), or a folder
with a file per article (export.folders for Markdown notes, HTML pages here). Every file is
written through export.writing: atomically, only inside the chosen folder, never over a
file briefreader did not write, keeping what the user wrote around the generated part.
The output is a pure function of the annotations, so exporting twice gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefreader.articles.decoding import ArticleError
from briefreader.export.backup import to_json
from briefreader.export.data import (
    ExportFilter,
    ExportItem,
    LibraryFacts,
    gather,
)
from briefreader.export.folders import write_markdown_folder
from briefreader.export.html import ArticleText, article_section, page
from briefreader.export.markdown import digest
from briefreader.export.slugs import SlugAllocator
from briefreader.export.writing import (
    ExportResult,
    inside,
    merged_single,
    write_file,
)
from briefreader.library.summary import ArticleSummary
from briefreader.session import Session

FORMATS = ("md", "json", "html")
SUFFIX = {"md": ".md", "json": ".json", "html": ".html"}
DIGEST_NAME = "briefreader-notes"


@dataclass(frozen=True)
class ExportOptions:
    """Everything an export needs to know; `output` None means standard output."""

    fmt: str = "md"
    output: Path | None = None
    folder: bool = False
    chosen: ExportFilter = field(default_factory=ExportFilter)
    entity_pages: bool = False


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
        write_markdown_folder(
            items, options.output, options.chosen, options.entity_pages, meanings, result
        )
        return result
    else:
        text = digest(items, meanings, links, filtered=options.chosen.narrows)
    if options.output is None:
        result.text = text if options.fmt != "md" else f"# briefreader notes\n\n{text}"
        return result
    target = (
        options.output / f"{DIGEST_NAME}{SUFFIX[options.fmt]}" if options.folder else options.output
    )
    write_file(target, merged_single(target, text, options.fmt))
    result.written.append(target)
    return result


# -- one file --------------------------------------------------------------------------------


# -- one file per article --------------------------------------------------------------------


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
        target = inside(folder, folder / f"{slugs.slug(item.article_id, item.title)}.html")
        text = page(item.title, [_html_section(session, item, meanings, summaries)])
        write_file(target, merged_single(target, text, "html"))
        result.written.append(target)
