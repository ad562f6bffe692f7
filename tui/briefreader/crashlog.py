"""Where unexpected errors go: a log file with the traceback, never the user's terminal.

The CLI and the TUI both write here and then show one line naming the file, so a person
can report the problem and nothing of their screen or data is disturbed.
"""

from __future__ import annotations

import traceback
from datetime import UTC, datetime
from pathlib import Path

LOG_NAME = "briefreader-error.log"


def write_crash_log(folder: Path, error: BaseException) -> Path | None:
    """Append the error's traceback to the log in folder; None when it cannot be written."""
    log = folder / LOG_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now(UTC).isoformat(timespec='seconds')}\n")
            handle.write("".join(traceback.format_exception(error)))
            handle.write("\n")
    except OSError:
        return None
    return log
