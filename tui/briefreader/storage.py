"""A TinyDB storage that keeps the database in memory and writes it atomically.

TinyDB's own JSONStorage re-reads and rewrites the file in place on every operation, so a
crash mid-write truncates the user's work. This one reads once (and again only when another
process has changed the file), writes through a temp file and ``os.replace``, and moves an
unreadable file aside instead of overwriting it.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from briefreader.atomicfile import atomic_write_bytes

Tables = dict[str, dict[str, Any]]


class CorruptDatabaseError(Exception):
    """Raised nowhere outside this module; kept for callers that want to match on it."""


class AtomicJSONStorage(Storage):
    """In-memory TinyDB storage persisted with atomic replaces of a readable JSON file."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.problems: list[str] = []
        self._data: Tables | None = None
        self._stamp: tuple[int, int] | None = None

    def _current_stamp(self) -> tuple[int, int] | None:
        try:
            info = self.path.stat()
        except FileNotFoundError:
            return None
        return (info.st_mtime_ns, info.st_size)

    def read(self) -> Tables | None:
        stamp = self._current_stamp()
        if self._data is None or stamp != self._stamp:
            self._data = self._load()
            self._stamp = stamp
        return self._data

    def _load(self) -> Tables:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        if not raw.strip():
            return {}
        try:
            data = json.loads(raw)
            if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
                raise ValueError("not a TinyDB table map")
        except (ValueError, UnicodeDecodeError):
            kept = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
            os.replace(self.path, kept)
            self.problems.append(
                f"{self.path} was unreadable; it was kept as {kept} and a new database was "
                "started. Restore by copying a good copy over it while briefreader is closed."
            )
            return {}
        return data

    def write(self, data: Tables) -> None:
        payload = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        try:
            atomic_write_bytes(self.path, payload)
        except OSError:
            self._data = None  # forget the unsaved change; the next read reloads the file
            raise
        self._data = data
        self._stamp = self._current_stamp()

    def close(self) -> None:
        self._data = None
