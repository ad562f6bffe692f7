"""The `briefreader` command: the TUI by default, and subcommands for scripts.

main() is the console script's entry point (and `python -m briefreader`'s): it picks a
parser (cli.parser), opens the session, runs the reader or a command (library_commands,
export_commands) and turns every failure into one line.

Every failure a user can cause ends in one line on stderr saying what is wrong and what to
do, with exit status 1; bad usage exits 2 (argparse's convention). Tracebacks go to a log
file, never to the terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from briefreader.cli import export_commands, library_commands
from briefreader.cli.errors import UserError, user_errors
from briefreader.cli.output import terminal_progress
from briefreader.cli.parser import (
    COMMANDS,
    CommandParser,
    build_parser,
    build_tui_parser,
    first_positional,
)
from briefreader.crashlog import write_crash_log
from briefreader.session import Session, open_session
from briefreader.textsafety import one_line

# Every command's handler by its name: main() runs the one the first word names.
HANDLERS = {**library_commands.HANDLERS, **export_commands.HANDLERS}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    wants_command = first_positional(args_list) in COMMANDS or "-h" in args_list
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
            session.library.indexing_progress = terminal_progress
        return HANDLERS[command](session, args)
    except user_errors() as error:
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


def _run_tui(session: Session, paths: list[Path]) -> int:
    from briefreader.library.indexing import prepare_workers
    from briefreader.ui.app import BriefreaderApp  # textual is imported only for the TUI

    prepare_workers()  # before Textual takes over stderr: see prepare_workers

    app = BriefreaderApp(session, add_paths=paths)
    app.run()
    if app.exit_message:
        print(app.exit_message, file=sys.stderr)
    return app.return_code or 0
