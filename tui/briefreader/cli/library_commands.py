"""The commands that read and annotate the library: add, list, tag, note, entities.

Each takes the open session and the parsed arguments and returns the exit status; what
they print is the interface scripts rely on (INTERFACE.md), so its wording is kept here,
one function per command.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from briefreader.annotations.tags import (
    normalise_tag,
    not_a_tag_message,
    parse_tag_arguments,
    tag_key,
)
from briefreader.articles.article import read_article_source
from briefreader.cli.errors import UserError
from briefreader.cli.output import for_stdout, terminal_progress
from briefreader.library.summary import ArticleSummary
from briefreader.session import Session
from briefreader.textsafety import one_line


def _cmd_add(session: Session, args: argparse.Namespace) -> int:
    show_progress = sys.stderr.isatty()
    report = session.library.add(
        [Path(p).expanduser() for p in args.paths], terminal_progress if show_progress else None
    )
    if show_progress:
        print("\r\033[K", end="", file=sys.stderr)
    for path, reason in report.skipped:
        print(f"skipped {one_line(path)}: {reason}", file=sys.stderr)
    for path, note in report.warnings:
        print(f"note: {one_line(path)}: {note}", file=sys.stderr)
    print(
        f"added {len(report.added)} article(s), {report.already} already in the library, "
        f"skipped {len(report.skipped)}"
    )
    return 1 if report.skipped and not report.added and not report.already else 0


def _tags_of(session: Session, summary: ArticleSummary) -> list[str]:
    return session.store.annotation(summary.id).tags


def _cmd_list(session: Session, args: argparse.Namespace) -> int:
    rows = []
    for summary in session.library.summaries():
        tags = _tags_of(session, summary)
        if args.tag and tag_key(normalise_tag(args.tag)) not in {tag_key(t) for t in tags}:
            continue
        rows.append((summary, tags))
    if args.json:
        payload = [
            {
                "id": s.id,
                "title": s.title,
                "date": s.date_iso or s.date,
                "place": s.place,
                "agency": s.agency,
                "path": s.path,
                "tags": tags,
                "entities": s.entity_count,
                "note": bool(session.store.annotation(s.id).note.strip()),
            }
            for s, tags in rows
        ]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    for summary, tags in rows:
        date = summary.date_iso or summary.date or "-"
        tag_text = " ".join(f"#{t}" for t in tags)
        print(f"{summary.id}  {date:<10}  {one_line(summary.title)}  {one_line(tag_text)}".rstrip())
    if not rows:
        print("no articles" + (f" tagged {args.tag}" if args.tag else ""), file=sys.stderr)
    return 0


def _cmd_tag(session: Session, args: argparse.Namespace) -> int:
    summary = session.library.resolve(args.article)
    # Read as the TUI prompt reads 'Union State, a,b': each argument one tag, commas split.
    edit = parse_tag_arguments(args.tags, remove=args.remove)
    # Like the TUI prompt: a word that is no tag refuses the whole command, changing nothing.
    if edit.refused:
        example = "e.g. briefreader tag ID defense"
        raise UserError(f"{not_a_tag_message(edit.refused)}; nothing changed ({example})")
    session.store.edit_tags([summary.ref], edit)
    current = session.store.annotation(summary.id).tags
    print(f"{summary.id}: {' '.join('#' + t for t in current) or '(no tags)'}")
    return 0


def _cmd_note(session: Session, args: argparse.Namespace) -> int:
    summary = session.library.resolve(args.article)
    if args.text is None:
        note = session.store.annotation(summary.id).note
        if note:
            print(for_stdout(note))
        return 0
    text = sys.stdin.read() if args.text == "-" else args.text
    session.store.set_note(summary.ref, text)
    return 0


def _cmd_entities(session: Session, args: argparse.Namespace) -> int:
    summary = session.library.resolve(args.article)
    # config.toml's backend (spaCy is loaded here, once); when it cannot be, one line says
    # what to install and the rules answer.
    problem = session.library.backend.load()
    if problem:
        print(f"briefreader: {one_line(problem)}", file=sys.stderr)
    article, entities = session.library.load(summary)
    # Offsets into the file's own text, as INTERFACE.md promises, not into the article's
    # text (which for HTML has its tags stripped): text is always file_text[start:end].
    source = read_article_source(Path(summary.path))
    if source.article.text != article.text:
        raise UserError(f"{summary.path} changed while it was read; run the command again")
    spans = [source.to_source_span(e.start, e.end) for e in entities]
    if args.json:
        payload = [
            {"start": start, "end": end, "label": e.label, "text": source.file_text[start:end]}
            for e, (start, end) in zip(entities, spans, strict=True)
        ]
        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return 0
    # The readable text, so "<b>Viktor</b> Khrenin" in an HTML file reads "Viktor Khrenin".
    for entity, (start, end) in zip(entities, spans, strict=True):
        print(f"{entity.label:<7} {start:>6}-{end:<6} {one_line(entity.text)}")
    return 0


HANDLERS = {
    "add": _cmd_add,
    "list": _cmd_list,
    "tag": _cmd_tag,
    "note": _cmd_note,
    "entities": _cmd_entities,
}
