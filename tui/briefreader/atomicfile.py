"""Replace a file so that a crash at any moment leaves either the old or the new version.

Write to a temporary file in the same folder, fsync it, ``os.replace`` it over the target,
then fsync the folder so the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes | Iterable[bytes], shared: bool = False) -> None:
    """Write data (bytes, or chunks of them) to path atomically, creating the folder if needed.

    Chunks let a 100k-row index stream to disk instead of being joined in memory first.
    The temporary file is private (0600), right for the database; `shared` gives the file
    the permissions a normal new file gets (umask applied), right for exports other tools read.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if shared:
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                handle.writelines(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    fsync_folder(path.parent)


def atomic_write_text(path: Path, text: str, shared: bool = False) -> None:
    """Text flavour of atomic_write_bytes, always UTF-8."""
    atomic_write_bytes(path, text.encode("utf-8"), shared)


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in folder durable (a no-op where the OS refuses)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems refuse fsync on folders; the rename is still atomic
    finally:
        os.close(fd)
