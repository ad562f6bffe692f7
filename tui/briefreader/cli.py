"""The `briefreader` command: the TUI by default, and subcommands for scripts.

Every failure a user can cause ends in one line on stderr saying what is wrong and what to
do, with exit status 1; bad usage exits 2 (argparse's convention). Tracebacks go to a log
file, never to the terminal.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from briefreader import __version__
from briefreader.annotations.storage import NewerSchemaError
from briefreader.annotations.tags import (
    normalise_tag,
    not_a_tag_message,
    parse_tag_arguments,
    tag_key,
)
from briefreader.articles.article import read_article_source
from briefreader.articles.decoding import ArticleError
from briefreader.crashlog import write_crash_log
from briefreader.library.summary import ArticleSummary
from briefreader.session import Session, open_session
from briefreader.textsafety import one_line, visible

COMMANDS = ("add", "list", "tag", "note", "entities", "export", "import")


class UserError(Exception):
    """A mistake the user can fix; its message is printed as is."""


def _common(parser: argparse.ArgumentParser, top_level: bool = False) -> None:
    # Subcommands must not reset a --data-dir given before the command word.
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None if top_level else argparse.SUPPRESS,
        help="keep annotations, index and config.toml in DIR (or set BRIEFREADER_DATA_DIR)",
    )


class CommandParser(argparse.ArgumentParser):
    """The top-level parser, knowing each command's parser so a usage error shows its usage.

    argparse reports an unknown option of a command ('list --bogus') from the top-level
    parser, with the top-level usage, which does not tell what 'list' takes.
    """

    commands: dict[str, argparse.ArgumentParser]

    def parse_command(self, argv: list[str]) -> argparse.Namespace:
        """Parse `argv`; a usage error names the command's usage, not the top level's."""
        command = _first_positional(argv)
        sub = self.commands.get(command or "")
        if command == "tag" and sub is not None:
            _refuse_dash_tag(sub, argv)
        args, extra = self.parse_known_args(argv)
        if extra:
            (sub or self).error(f"unrecognized arguments: {' '.join(extra)}")
        return args


def _refuse_dash_tag(tag: argparse.ArgumentParser, argv: list[str]) -> None:
    """'tag ID -germany': argparse takes '-germany' for an option and says TAG is missing."""
    known = {"-h", "--help", "--remove", "--data-dir"}
    for word in argv[argv.index("tag") + 1 :]:
        if word == "--":
            return
        if word.startswith("-") and len(word) > 1 and word not in known and word[1] != "-":
            tag.error(
                f"{word!r} looks like an option; to remove the tag use --remove "
                f"(briefreader tag ID {word[1:]} --remove), or put -- before it "
                f"(briefreader tag ID -- {word})"
            )


def build_parser() -> CommandParser:
    """The subcommand parser; `briefreader [PATH ...]` without a command opens the TUI."""
    from briefreader.export.run import FORMATS  # exports load only for the commands

    parser = CommandParser(
        prog="briefreader",
        description="Read news articles with entities highlighted; tag, note and export.",
        epilog="Run 'briefreader [PATH ...]' without a command to open the reader.",
    )
    parser.add_argument("--version", action="version", version=f"briefreader {__version__}")
    _common(parser, top_level=True)
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=argparse.ArgumentParser
    )
    parser.commands = commands.choices

    add = commands.add_parser("add", help="add files or folders to the library")
    add.add_argument("paths", nargs="+", metavar="PATH")
    _common(add)

    listing = commands.add_parser("list", help="list articles: id, date, title, tags")
    listing.add_argument("--tag", help="only articles with this tag")
    listing.add_argument("--json", action="store_true", help="print one JSON array")
    _common(listing)

    tag = commands.add_parser("tag", help="add (or --remove) tags on one article")
    tag.add_argument("article", metavar="PATH_OR_ID")
    tag.add_argument("tags", nargs="+", metavar="TAG")
    tag.add_argument("--remove", action="store_true", help="remove the tags instead")
    _common(tag)

    note = commands.add_parser("note", help="print, or set, an article's note")
    note.add_argument("article", metavar="PATH_OR_ID")
    note.add_argument("text", nargs="?", metavar="TEXT", help="the note; '-' reads stdin")
    _common(note)

    entities = commands.add_parser(
        "entities",
        help="recognised people, orgs, places, dates",
        description="Recognised entities with character offsets into the file's text as "
        "read (UTF-8, newlines kept). In an HTML file the offsets take in any markup inside "
        "the entity: --json's text is always the file's text at [start:end], so it can "
        "hold tags or character references ('<b>Viktor</b> Khrenin', 'AT&amp;T'); the "
        "plain listing shows the readable text.",
    )
    entities.add_argument("article", metavar="PATH_OR_ID")
    entities.add_argument(
        "--json", action="store_true", help="print a JSON list of {start, end, label, text}"
    )
    _common(entities)

    export = commands.add_parser("export", help="export annotations (Markdown by default)")
    export.add_argument("--format", choices=FORMATS, default="md")
    export.add_argument("--tag", help="only articles with this tag")
    export.add_argument("--entity", help="only articles that mention this entity (any part)")
    export.add_argument("--since", type=_iso_day, help="only articles dated on or after DAY")
    export.add_argument("--until", type=_iso_day, help="only articles dated on or before DAY")
    scope = export.add_mutually_exclusive_group()
    scope.add_argument(
        "--only-annotated",
        action="store_true",
        help="articles with tags, a note, highlights or a star (the default)",
    )
    scope.add_argument("--all", action="store_true", help="every article in the library")
    export.add_argument(
        "--entity-pages",
        action="store_true",
        help="with a folder: a page per entity, linked from the articles ([[wiki links]])",
    )
    export.add_argument(
        "-o", "--output", metavar="PATH", help="file, or a folder (ends in / or exists)"
    )
    _common(export)

    restore = commands.add_parser("import", help="merge a JSON export into the annotations")
    restore.add_argument("file", metavar="FILE.json")
    _common(restore)
    return parser


def build_tui_parser() -> argparse.ArgumentParser:
    """`briefreader [PATH ...]`: the reader, after adding any PATHs to the library."""
    parser = argparse.ArgumentParser(
        prog="briefreader",
        description="Read news articles with entities highlighted; tag, note and export. "
        f"Commands: {', '.join(COMMANDS)} (see 'briefreader COMMAND --help').",
    )
    parser.add_argument("--version", action="version", version=f"briefreader {__version__}")
    _common(parser, top_level=True)
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to add")
    return parser


def _first_positional(argv: Sequence[str]) -> str | None:
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--data-dir":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    wants_command = _first_positional(args_list) in COMMANDS or "-h" in args_list
    parser = build_parser() if wants_command else build_tui_parser()
    if not wants_command and "--help" in args_list:
        parser = build_parser()
    if isinstance(parser, CommandParser):
        args = parser.parse_command(args_list)
    else:
        args = parser.parse_args(args_list)
    session: Session | None = None
    try:
        session = open_session(args.data_dir)
        for problem in session.problems:
            print(f"briefreader: {one_line(problem)}", file=sys.stderr)
        command = getattr(args, "command", None)
        if command is None:
            missing = [p for p in args.paths if not Path(p).expanduser().exists()]
            if missing:  # most likely a mistyped command, not a folder to read
                raise UserError(
                    f"no such file, folder or command: {missing[0]!r}; "
                    f"commands are {', '.join(COMMANDS)} (briefreader --help)"
                )
            return _run_tui(session, [Path(p).expanduser() for p in args.paths])
        if sys.stderr.isatty():  # a listing that must read files says how far it is
            session.library.indexing_progress = _terminal_progress
        return HANDLERS[command](session, args)
    except _user_errors() as error:
        print(f"briefreader: {one_line(str(error))}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader of our output went away (`| head`): not an error worth a message.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        print(
            f"briefreader: {error.strerror or error}{where}; check the path and permissions",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        # The last line of defence: the traceback goes to a log file, not the terminal.
        folder = session.paths.data_dir if session else Path.cwd()
        log = write_crash_log(folder, error)
        where = f"details were written to {log}" if log else "and no log could be written"
        print(f"briefreader: unexpected error ({type(error).__name__}); {where}", file=sys.stderr)
        return 1
    finally:
        if session is not None:
            session.close()


def _user_errors() -> tuple[type[BaseException], ...]:
    """Errors that are the user's to fix: one line, no traceback.

    A function, evaluated only when an error reaches `main`, so opening the reader does
    not import the export and backup code just to name their error classes.
    """
    from briefreader.export.backup import BackupError
    from briefreader.export.run import ExportError

    return (UserError, ArticleError, LookupError, ExportError, BackupError, NewerSchemaError)


def _run_tui(session: Session, paths: list[Path]) -> int:
    from briefreader.library.indexing import prepare_workers
    from briefreader.ui.app import BriefreaderApp  # textual is imported only for the TUI

    prepare_workers()  # before Textual takes over stderr: see prepare_workers

    app = BriefreaderApp(session, add_paths=paths)
    app.run()
    if app.exit_message:
        print(app.exit_message, file=sys.stderr)
    return app.return_code or 0


def _terminal_progress(done: int, total: int) -> None:
    """'indexing 1200/100000' on one line of a terminal, cleared when the last file is read."""
    line = f"\rindexing {done}/{total}" if done < total else "\r\033[K"
    print(line, end="", file=sys.stderr, flush=True)


def _cmd_add(session: Session, args: argparse.Namespace) -> int:
    show_progress = sys.stderr.isatty()
    report = session.library.add(
        [Path(p).expanduser() for p in args.paths], _terminal_progress if show_progress else None
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


def _for_stdout(text: str) -> str:
    """Exact text for a pipe or file; on a terminal, control characters made visible."""
    return visible(text) if sys.stdout.isatty() else text


def _cmd_note(session: Session, args: argparse.Namespace) -> int:
    summary = session.library.resolve(args.article)
    if args.text is None:
        note = session.store.annotation(summary.id).note
        if note:
            print(_for_stdout(note))
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


def _iso_day(value: str) -> str:
    from briefreader.library.filtering import is_day_or_period

    if not is_day_or_period(value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2025-10-01")
    return value


def _cmd_export(session: Session, args: argparse.Namespace) -> int:
    from briefreader.export.data import ExportFilter
    from briefreader.export.run import ExportOptions, run_export

    output = Path(args.output).expanduser() if args.output else None
    folder = output is not None and (args.output.endswith(("/", "\\")) or output.is_dir())
    options = ExportOptions(
        fmt=args.format,
        output=output,
        folder=folder,
        chosen=ExportFilter(args.tag, args.entity, args.since, args.until, args.all),
        entity_pages=args.entity_pages,
    )
    result = run_export(session, options)
    if result.undated:
        from briefreader.library.filtering import no_year_message

        print(
            f"note: {no_year_message(result.undated)} left out by --since/--until",
            file=sys.stderr,
        )
    if result.text is not None:
        sys.stdout.write(_for_stdout(result.text))
        return 0
    removed = f"; removed {len(result.removed)} emptied file(s)" if result.removed else ""
    print(f"exported {result.articles} article(s) to {result.where}{removed}", file=sys.stderr)
    return 0


def _cmd_import(session: Session, args: argparse.Namespace) -> int:
    from briefreader.export.backup import import_backup, parse_backup

    source = Path(args.file).expanduser()
    try:
        raw = source.read_text("utf-8")
    except UnicodeDecodeError as error:
        raise UserError(
            f"{source} is not UTF-8 text; pass a file made by 'export --format json'"
        ) from error
    report = import_backup(session.store, parse_backup(raw, str(source)))
    if report.left_out_tags:
        print(f"note: {report.left_out_message()}", file=sys.stderr)
    if report.unreadable_corrections:
        print(f"note: {report.unreadable_message()}", file=sys.stderr)
    if report.conflicts:
        print(f"note: {one_line(report.conflicts_message())}", file=sys.stderr)
    print(
        f"imported {report.total} item(s): {report.changed} changed, "
        f"{report.unchanged} unchanged; {report.corrections_summary()}"
    )
    return 0


HANDLERS = {
    "add": _cmd_add,
    "list": _cmd_list,
    "tag": _cmd_tag,
    "note": _cmd_note,
    "entities": _cmd_entities,
    "export": _cmd_export,
    "import": _cmd_import,
}
