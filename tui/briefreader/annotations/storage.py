"""A TinyDB storage that is fast at 10k+ documents and loses nothing on a crash.

TinyDB's JSONStorage re-reads and rewrites the whole file in place on every operation:
slow when the file is large, and a crash mid-write truncates the user's work. This storage:

- keeps the database in memory and never re-reads it unless another process changed it;
- records each change as one fsynced line in a write-ahead journal beside the file
  (``briefreader.json.wal``), so a change costs a small append, not a rewrite;
- folds the journal into the readable JSON file now and then (and on close) with an atomic
  replace (temp file, fsync, ``os.replace``, fsync of the folder); journal entries are
  whole documents, so replaying one twice is harmless;
- serialises read-modify-write across processes with a lock file, re-reading what another
  instance wrote before applying its own change, so two instances never lose each other's
  changes;
- moves an unreadable file aside (original bytes kept) instead of overwriting it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from briefreader.atomicfile import atomic_write_bytes, fsync_folder

try:  # POSIX; on Windows the cross-process lock is skipped (single instance assumed)
    import fcntl
except ImportError:  # pragma: no cover - exercised only on Windows
    fcntl = None  # type: ignore[assignment]

Tables = dict[str, dict[str, Any]]
COMPACT_EVERY = 200
KEEP_BACKUPS = 5


class NewerSchemaError(Exception):
    """The file was written by a newer briefreader; opening it could lose its data."""


class JournaledJSONStorage(Storage):
    """In-memory TinyDB storage persisted through an fsynced journal and atomic rewrites."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        compact_every: int = COMPACT_EVERY,
        keep_backups: int = KEEP_BACKUPS,
    ) -> None:
        self.path = Path(path)
        self.journal_path = self.path.with_name(self.path.name + ".wal")
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.backup_dir = self.path.parent / "backups"
        self.compact_every = compact_every
        self.keep_backups = keep_backups
        self.problems: list[str] = []
        self._data: Tables | None = None
        # Serialised form of every document, to find what a write changed.
        self._cache: dict[str, dict[str, bytes]] = {}
        self._main_stamp: tuple[int, int, int] | None = None
        self._journal_offset = 0
        self._journal_entries = 0
        self._lock_fd: int | None = None
        self._lock_depth = 0
        self._backed_up = False
        # Bumped whenever data arrives from disk rather than from our own writes, so
        # callers holding indexes over the documents know to rebuild them.
        self.generation = 0  # reloads of what another process wrote
        self.writes = 0  # changes this process journaled

    # -- cross-process lock ------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the lock across read-modify-write so another instance cannot interleave."""
        self._acquire()
        try:
            yield
        finally:
            self._release()

    def _acquire(self) -> None:
        self._lock_depth += 1
        if self._lock_depth > 1 or fcntl is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock_fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(self._lock_fd, fcntl.LOCK_EX)

    def _release(self) -> None:
        self._lock_depth -= 1
        if self._lock_depth == 0 and self._lock_fd is not None:
            if fcntl is not None:
                fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = None

    # -- reading -----------------------------------------------------------------------

    def _stamp(self, path: Path) -> tuple[int, int, int] | None:
        try:
            info = path.stat()
        except FileNotFoundError:
            return None
        return (info.st_ino, info.st_mtime_ns, info.st_size)

    def _journal_size(self) -> int:
        try:
            return self.journal_path.stat().st_size
        except FileNotFoundError:
            return 0

    def read(self) -> Tables | None:
        if self._data is None or self._stamp(self.path) != self._main_stamp:
            self._load_all()
        elif self._journal_size() != self._journal_offset:
            self._replay_journal()
        return self._data

    def _load_all(self) -> None:
        self.generation += 1
        self._main_stamp = self._stamp(self.path)
        self._data = self._load_main()
        self._cache = {
            table: {doc_id: orjson.dumps(doc) for doc_id, doc in docs.items()}
            for table, docs in self._data.items()
        }
        self._journal_offset = 0
        self._journal_entries = 0
        self._replay_journal()

    def _load_main(self) -> Tables:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        if not raw.strip():
            return {}
        try:
            data = orjson.loads(raw)
            if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
                raise ValueError("not a TinyDB table map")
        except ValueError:
            kept = self._move_aside(self.path)
            pinned = self._pin_backups()
            earlier = sorted(self.backup_dir.glob("before-corruption-*"))
            if pinned is None and earlier:  # corrupted again before any new backup
                restore = (
                    f"The backups from before an earlier corruption are in {earlier[-1]}; "
                    f"to restore, quit briefreader and copy one over {self.path}."
                )
            elif pinned is None:
                restore = f"There were no backups in {self.backup_dir} to restore from."
            else:
                restore = (
                    f"The backups from before were moved to {pinned}, where they are never "
                    f"rotated out; to restore, quit briefreader and copy one over {self.path}."
                )
            self.problems.append(
                f"{self.path} was unreadable, so it was kept as {kept} and a new database "
                f"was started. {restore}"
            )
            self._main_stamp = None
            return {}
        return data

    def _pin_backups(self) -> Path | None:
        """Move the backups made before a corruption where rotation never deletes.

        The fresh database's own sessions make backups of a nearly empty file; rotating
        those in would delete every good version the user could restore from. Rotation
        only looks at the backups folder's top level, so a subfolder keeps them.
        """
        backups = sorted(self.backup_dir.glob(f"{self.path.stem}-*.json"))
        if not backups:
            return None
        pinned = _unused(self.backup_dir, "before-corruption-")
        pinned.mkdir()
        for backup in backups:
            os.replace(backup, pinned / backup.name)
        fsync_folder(pinned)
        fsync_folder(self.backup_dir)
        return pinned

    def _move_aside(self, path: Path) -> Path:
        """Keep a damaged file's bytes under a name no later move can overwrite."""
        kept = _unused_name(path, "corrupt")
        os.replace(path, kept)
        fsync_folder(path.parent)
        return kept

    def keep_copy(self, label: str) -> Path:
        """Copy the file's current bytes beside it before the program rewrites what it read."""
        kept = _unused_name(self.path, label)
        atomic_write_bytes(kept, self.path.read_bytes())
        return kept

    def _replay_journal(self) -> None:
        """Apply journal lines written since the last look (by us or another instance)."""
        assert self._data is not None
        try:
            with self.journal_path.open("rb") as handle:
                handle.seek(self._journal_offset)
                chunk = handle.read()
        except FileNotFoundError:
            self._journal_offset = 0
            return
        position = 0
        for line in chunk.splitlines(keepends=True):
            if not line.endswith(b"\n"):
                break  # a torn last line from a crash: never reported saved
            try:
                entry = orjson.loads(line)
                changes = entry["c"]
            except (ValueError, KeyError, TypeError):
                self._quarantine_journal()
                return
            for table, doc_id, doc in changes:
                self._apply_change(table, str(doc_id), doc)
            position += len(line)
            self._journal_entries += 1
        if position:
            self.generation += 1
        self._journal_offset += position

    def _quarantine_journal(self) -> None:
        kept = self._move_aside(self.journal_path)
        self._journal_offset = 0
        self.problems.append(
            f"The change journal {self.journal_path} was damaged; it was kept as {kept}. "
            "Changes after the last full save may be missing."
        )

    def _apply_change(self, table: str, doc_id: str, doc: dict[str, Any] | None) -> None:
        assert self._data is not None
        docs = self._data.setdefault(table, {})
        cache = self._cache.setdefault(table, {})
        if doc is None:
            docs.pop(doc_id, None)
            cache.pop(doc_id, None)
        else:
            docs[doc_id] = doc
            cache[doc_id] = orjson.dumps(doc)

    # -- writing -----------------------------------------------------------------------

    def write(self, data: Tables, touched: dict[str, set[str]] | None = None) -> None:
        """Journal what changed; `touched` (table → doc ids) spares comparing every document."""
        with self.transaction():
            changes = self._diff(data) if touched is None else self._diff_touched(data, touched)
            if not changes:
                self._data = data
                return
            if not self._backed_up:
                self._rolling_backup()
            line = orjson.dumps({"c": [[t, i, d] for t, i, d, _ in changes]}) + b"\n"
            try:
                self._append_journal(line)
            except OSError:
                self._data = None  # forget the unsaved change; the next read reloads
                raise
            self._data = data
            self.writes += 1
            for table, doc_id, _, encoded in changes:
                cache = self._cache.setdefault(table, {})
                if encoded is None:
                    cache.pop(doc_id, None)
                else:
                    cache[doc_id] = encoded
            self._journal_entries += 1
            if self._journal_entries >= self.compact_every:
                self.compact()

    def _diff(self, data: Tables) -> list[tuple[str, str, Any, bytes | None]]:
        changes: list[tuple[str, str, Any, bytes | None]] = []
        for table, docs in data.items():
            cache = self._cache.get(table, {})
            for doc_id, doc in docs.items():
                encoded = orjson.dumps(doc)
                if cache.get(doc_id) != encoded:
                    changes.append((table, doc_id, doc, encoded))
            changes += [(table, gone, None, None) for gone in cache.keys() - docs.keys()]
        for table in self._cache.keys() - data.keys():
            changes += [(table, gone, None, None) for gone in self._cache[table]]
        return changes

    def _diff_touched(
        self, data: Tables, touched: dict[str, set[str]]
    ) -> list[tuple[str, str, Any, bytes | None]]:
        changes: list[tuple[str, str, Any, bytes | None]] = []
        for table, doc_ids in touched.items():
            docs = data.get(table, {})
            cache = self._cache.get(table, {})
            for doc_id in doc_ids:
                if doc_id in docs:
                    encoded = orjson.dumps(docs[doc_id])
                    if cache.get(doc_id) != encoded:
                        changes.append((table, doc_id, docs[doc_id], encoded))
                elif doc_id in cache:
                    changes.append((table, doc_id, None, None))
        return changes

    def _append_journal(self, line: bytes) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self._journal_size() > self._journal_offset:
            # A torn line left by a writer that crashed: it was never reported saved, and
            # appending after it would glue our line to it.
            os.truncate(self.journal_path, self._journal_offset)
        created = not self.journal_path.exists()
        fd = os.open(self.journal_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)
        if created:
            fsync_folder(self.path.parent)
        self._journal_offset += len(line)

    @property
    def pending_changes(self) -> int:
        """Journal entries not yet folded into the readable file."""
        return self._journal_entries

    def compact(self) -> None:
        """Fold the journal into the readable JSON file, atomically."""
        if self._data is None:
            return
        with self.transaction():
            self.read()  # take in what another instance journalled since our last look
            payload = orjson.dumps(self._data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
            atomic_write_bytes(self.path, payload)
            # The file now holds every journalled change; replaying them again is harmless,
            # so a crash between these two steps loses nothing.
            with contextlib.suppress(FileNotFoundError):
                os.truncate(self.journal_path, 0)
            self._main_stamp = self._stamp(self.path)
            self._journal_offset = 0
            self._journal_entries = 0

    def _rolling_backup(self) -> None:
        """Once per session, before the first change: keep the last few versions."""
        self._backed_up = True
        if self._main_stamp is None or not self.path.exists():
            return
        if self._journal_entries:
            self.compact()
        self.backup_dir.mkdir(parents=True, exist_ok=True)
        # Sortable by name: the newest backups are the last ones.
        stamp = _timestamp()
        target = self.backup_dir / f"{self.path.stem}-{stamp}.json"
        shutil.copy2(self.path, target)
        backups = sorted(self.backup_dir.glob(f"{self.path.stem}-*.json"))
        for old in backups[: -self.keep_backups]:
            with contextlib.suppress(OSError):
                old.unlink()

    def close(self) -> None:
        if self._data is not None and self._journal_entries:
            with contextlib.suppress(OSError):
                self.compact()
        self._data = None


def _unused_name(path: Path, label: str) -> Path:
    """`<name>.<label>-<time>` beside `path`, never the name of a file already there."""
    return _unused(path.parent, f"{path.name}.{label}-")


def _unused(folder: Path, prefix: str) -> Path:
    """`<prefix><time>` in `folder`, with a counter if two are made within a microsecond."""
    stamp = _timestamp()
    kept = folder / f"{prefix}{stamp}"
    counter = 1
    while kept.exists():
        kept = folder / f"{prefix}{stamp}-{counter}"
        counter += 1
    return kept


def _timestamp() -> str:
    """UTC time to the microsecond, sortable as text: names of backups and kept files."""
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
