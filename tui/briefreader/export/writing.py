"""Writing export files without harming anything of the user's.

Every export file is written atomically, only inside the folder asked for, never over a
file briefreader did not write, keeping what the user wrote around the generated part,
and left untouched (modification time too) when its bytes would not change. Both a single
digest (export.run) and a folder of notes (export.folders) write through here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefreader.atomicfile import atomic_write_text
from briefreader.export.backup import EXPORT_FORMAT
from briefreader.export.html import MARK
from briefreader.export.markdown import (
    BEGIN,
    END,
    FRONT,
    NotOurFileError,
    merge,
)


class ExportError(Exception):
    """An export that cannot be written; the message says what to do."""


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


def read_existing(target: Path) -> str | None:
    """The file as it is now, None when there is none; ExportError when it cannot be read."""
    try:
        return target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise ExportError(f"cannot read {target} to update it: {error}") from error


def refusal(target: Path) -> ExportError:
    """The error for a file in the way that briefreader did not write: it is never replaced."""
    return ExportError(
        f"{target} exists and was not written by briefreader; "
        "move it away or choose another path with -o"
    )


def merged_single(target: Path, text: str, fmt: str) -> str:
    """The digest to write over `target`, never over a file briefreader did not write.

    Markdown is merged with the user's text around the generated part; JSON and HTML are
    checked to be briefreader's own before they are replaced.
    """
    existing = read_existing(target)
    if fmt == "md":
        try:
            return merge(existing, text, title="briefreader notes")
        except NotOurFileError as error:
            raise refusal(target) from error
    if existing is not None:
        ours = MARK in existing if fmt == "html" else f'"format": "{EXPORT_FORMAT}"' in existing
        if not ours:
            raise refusal(target)
    return text


def write_file(target: Path, text: str) -> None:
    """Write atomically, creating folders; a file that would not change is not touched."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if read_existing(target) == text:
            return  # unchanged: leave the file (and its modification time) alone
        atomic_write_text(target, text, shared=True)
    except OSError as error:
        raise ExportError(
            f"cannot write {target}: {error.strerror or error}; choose another path with -o"
        ) from error


def inside(folder: Path, target: Path) -> Path:
    """Refuse any path that would land outside the chosen folder."""
    resolved_folder = folder.resolve()
    if resolved_folder not in target.resolve().parents:
        raise ExportError(f"refusing to write {target}: it is outside {folder}")
    return target


def retire(
    path: Path,
    result: ExportResult,
    left: str = "_No annotations left in briefreader._\n",
    heading: bool = False,
) -> None:
    """An article whose annotations were all deleted: its generated part goes too.

    `heading`: the page opens with a title line briefreader wrote (entity pages), which
    is not the user's text.
    """
    existing = read_existing(path) or ""
    rest = FRONT.sub("", existing, count=1)
    start, end = rest.find(BEGIN), rest.find(END)
    if start < 0 or end < 0:
        return  # not a page briefreader wrote: left alone
    before = rest[:start]
    if heading and before.startswith("# "):
        before = before.split("\n", 1)[1] if "\n" in before else ""  # the title we wrote
    if (before + rest[end + len(END) :]).strip():
        write_file(path, merge(existing, left))
    else:
        path.unlink()  # nothing of the user's in it: the file itself goes
        result.removed.append(path)
