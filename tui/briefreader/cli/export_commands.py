"""The commands that take annotations out and bring them back: export and import.

They load the exporters and the backup reader when run, never when the CLI starts, so
`briefreader list` or the reader do not pay for them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefreader.cli.errors import UserError
from briefreader.cli.output import for_stdout
from briefreader.session import Session
from briefreader.textsafety import one_line


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
        sys.stdout.write(for_stdout(result.text))
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


HANDLERS = {"export": _cmd_export, "import": _cmd_import}
