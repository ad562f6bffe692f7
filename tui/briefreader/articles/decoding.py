"""From a file's bytes to its text: how much is read, which encoding, how much is kept.

Reading an article is two jobs: turning bytes into text (a byte order mark, UTF-8 or
Windows-1252, a head cut mid-character, a 20 MB dump) and finding the story's parts in the
text (articles.parsing). This is the first; its limits are what keep a huge or binary file
from stalling the list, and ArticleError carries the one-line reason a file cannot be read.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

# A wire story is a few kilobytes; a file far larger is a dump or a mistake. Reading only its
# head keeps opening, recognising and rendering it quick: the reader shows that much and says so.
READ_LIMIT_BYTES = 4 * 1024 * 1024
TEXT_LIMIT_CHARS = 200_000
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class ArticleError(Exception):
    """An article file that cannot be read; the message says why, in one line."""


def decode_article_bytes(raw: bytes, complete: bool = True) -> tuple[str, tuple[str, ...]]:
    """Decode bytes as UTF-8 (or UTF-16 with a BOM), falling back to cp1252 and saying so.

    `complete=False` means `raw` is only the head of a file: a character cut in half at its
    end is dropped rather than taken as proof that the file is not UTF-8. The text is
    what articles are parsed from: no byte order mark, universal newlines, as Python's
    text mode reads it (`decode_file_text` keeps both, for offsets into the file).
    """
    return _decode(raw, complete, "utf-8-sig")


def decode_file_text(raw: bytes, complete: bool = True) -> tuple[str, tuple[str, ...]]:
    """The file's text exactly as decoded: a UTF-8 byte order mark and CRLF/CR line ends kept.

    The text `open(path, encoding="utf-8", newline="").read()` gives a script, into which
    `briefreader entities --json` promises its offsets (INTERFACE.md).
    """
    return _decode(raw, complete, "utf-8", newlines=False)


def _decode(
    raw: bytes, complete: bool, utf8: str, newlines: bool = True
) -> tuple[str, tuple[str, ...]]:
    notes: tuple[str, ...] = ()
    if raw.startswith(UTF16_BOMS):
        encoding = "utf-16"
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(raw, final=complete)
        except UnicodeDecodeError:
            text = raw.decode(encoding, errors="replace")
            notes = ("damaged UTF-16; unreadable characters were replaced",)
    else:
        if b"\x00" in raw[:8192]:
            raise ArticleError("looks like a binary file, not text")
        try:
            text = codecs.getincrementaldecoder(utf8)().decode(raw, final=complete)
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
            notes = ("not valid UTF-8; read as Windows-1252",)
    if newlines:  # universal newlines, as Python's text mode reads the file
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, notes


def megabytes(size: int) -> str:
    """A size as the notes about long files say it ("20.0 MB")."""
    return f"{size / (1024 * 1024):.1f} MB"


def cap_text(text: str, file_size: int, complete: bool) -> tuple[str, tuple[str, ...]]:
    """Keep the first TEXT_LIMIT_CHARS characters, cut at a paragraph end when there is one.

    The note says what was left out: of the text, or (`complete` False) of the file, whose
    head alone was read.
    """
    if len(text) <= TEXT_LIMIT_CHARS:
        if complete:
            return text, ()
        return text, (
            f"very long file ({megabytes(file_size)}): only its first "
            f"{megabytes(READ_LIMIT_BYTES)} are shown and annotated",
        )
    cut = text.rfind("\n\n", 0, TEXT_LIMIT_CHARS)
    if cut < TEXT_LIMIT_CHARS // 2:
        cut = text.rfind("\n", 0, TEXT_LIMIT_CHARS)
    if cut < TEXT_LIMIT_CHARS // 2:
        cut = TEXT_LIMIT_CHARS
    shown = len(text[:cut].encode("utf-8"))
    note = (
        f"very long file ({megabytes(file_size)}): only its first {megabytes(shown)} "
        "are shown and annotated"
    )
    return text[:cut], (note,)


def read_head(path: Path) -> tuple[bytes, os.stat_result]:
    """The first READ_LIMIT_BYTES of a file and its stat, from one open.

    Indexing needs the size, the modification time, a hash of these bytes and the parse:
    one open serves them all. A buffered read(READ_LIMIT_BYTES) sets aside 4 MB for every
    few-kilobyte story, five times the cost of the read itself, so this asks for what the
    file holds and reads on only when there is more (a file that grew, a pipe). Raises
    OSError.
    """
    limit = READ_LIMIT_BYTES
    with path.open("rb", buffering=0) as stream:
        info = os.fstat(stream.fileno())
        want = min(info.st_size + 1, limit)
        raw = stream.read(want) or b""
        if len(raw) == want:  # not at the end yet: read on to the limit
            parts, total = [raw], len(raw)
            while total < limit:
                chunk = stream.read(min(limit - total, 1 << 16))
                if not chunk:
                    break
                parts.append(chunk)
                total += len(chunk)
            raw = b"".join(parts)
    return raw, info


def read_head_or_say_why(path: Path) -> tuple[bytes, os.stat_result, bool]:
    """The head of the file, its stat and whether the head is all of it; ArticleError if not."""
    try:
        raw, info = read_head(path)
    except FileNotFoundError as error:
        raise ArticleError("file not found") from error
    except PermissionError as error:
        raise ArticleError("permission denied") from error
    except IsADirectoryError as error:
        raise ArticleError("is a folder") from error
    except OSError as error:
        raise ArticleError(error.strerror or str(error)) from error
    complete = len(raw) < READ_LIMIT_BYTES or info.st_size <= READ_LIMIT_BYTES
    return raw, info, complete
