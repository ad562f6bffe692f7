"""Parse and recognise many article files at once, in worker processes.

Entity recognition is pure Python and CPU bound, so threads would queue on the GIL;
separate processes use every core. Small batches stay in-process, where starting
workers would cost more than it saves.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import resource_tracker
from pathlib import Path
from typing import Any

from briefreader.articles.article import read_article_file
from briefreader.articles.decoding import ArticleError, read_head
from briefreader.entities.coreference import fold_surnames
from briefreader.entities.types import Entity
from briefreader.library.summary import summarise

# Below this many files, one process is faster than starting a pool.
PARALLEL_FROM = 48
# Files per task sent to a worker: each task is a round trip through the pool's queues
# and threads, so large batches cost the parent less; small enough that the last batches
# still spread over every worker and progress moves often.
CHUNK = 64

# What the index keeps about one file version: size, mtime (ns), content hash, the list's
# summary (an ArticleSummary) and the packed entity names.
Record = tuple[int, int, str, Any, str]
Result = tuple[str, Record | None, str | None]  # path, index record or None, why not


def content_hash(path: Path) -> str:
    """A hash of what the reader would read, so a touched but unchanged file is not re-read."""
    return digest_of(read_head(path)[0])


def digest_of(raw: bytes) -> str:
    """The content hash of bytes read with read_head."""
    return hashlib.sha256(raw).hexdigest()[:20]


def names_of(entities: list[Entity]) -> str:
    """Each distinct (label, name) once, in order of first mention, as one compact string.

    One string per article instead of a list of lists keeps a 100k-article index small in
    memory; it is decoded only when a filter or an export needs the names.
    """
    return pack_names(fold_surnames((e.label, " ".join(e.text.split())) for e in entities))


def pack_names(pairs: Iterable[tuple[str, str]]) -> str:
    """(label, name) pairs, each distinct one once, as the index stores them."""
    return "\n".join(f"{label}\t{name}" for label, name in dict.fromkeys(pairs) if name)


def decode_names(packed: str) -> tuple[tuple[str, str], ...]:
    """The (label, name) pairs of names_of."""
    pairs = (line.split("\t", 1) for line in packed.split("\n") if "\t" in line)
    return tuple((label, name) for label, name in pairs)


def index_record(path_text: str) -> Result:
    """Everything the index keeps about one file, or the reason it cannot be read."""
    from briefreader.entities.recognizer import recognize  # the recognizer loads where it is used

    try:
        article, raw, info = read_article_file(Path(path_text))
    except ArticleError as error:
        return path_text, None, str(error)
    entities = recognize(article.text)
    summary = summarise(article, len(entities))
    record = (info.st_size, info.st_mtime_ns, digest_of(raw), summary, names_of(entities))
    return path_text, record, None


def index_files(
    paths: Sequence[str], progress: Callable[[Result], None] | None = None
) -> Iterator[Result]:
    """Index each path, yielding results as they finish (in order); parallel when it pays."""
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_FROM or workers < 2:
        results: Iterator[Result] = map(index_record, paths)
        yield from _reporting(results, progress)
        return
    context = multiprocessing.get_context(_start_method())
    prepare_workers()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_quiet_worker)
    chunk = max(1, min(CHUNK, len(paths) // (workers * 4)))
    try:
        yield from _reporting(pool.map(index_record, paths, chunksize=chunk), progress)
    finally:
        # Also when the caller stops early (the app quits mid-way): drop what is queued
        # instead of indexing 100k files on the way out.
        pool.shutdown(wait=False, cancel_futures=True)


def _start_method() -> str:
    """Workers are forked when nothing else runs in this process (the CLI), else spawned.

    A forked worker starts in milliseconds with the recognizer already loaded, where a
    spawned one starts a new interpreter and imports the program again (a tenth of a
    second of each core at every `add`). But the TUI runs threads, and forking a threaded
    process can deadlock: there, and where fork is not the platform's safe default, spawn.
    """
    if sys.platform == "linux" and threading.active_count() == 1:
        import briefreader.entities.recognizer  # noqa: F401  loaded once here, inherited by each worker

        return "fork"
    return "spawn"


def prepare_workers() -> None:
    """Start multiprocessing's helper process while stderr is still the real one.

    Textual replaces sys.stderr with a capture whose fileno() is -1; the first worker pool
    started inside the app then failed ("bad value(s) in fds_to_keep"). Called before the
    app runs, and again (harmlessly) before each pool.
    """
    try:
        resource_tracker.ensure_running()
    except (OSError, ValueError):
        pass  # the pool will report a real problem itself


def _quiet_worker() -> None:
    """Keep workers off the terminal the TUI is drawing on.

    Their failures come back as results or as a broken pool, not as text.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)


def _reporting(
    results: Iterator[Result], progress: Callable[[Result], None] | None
) -> Iterator[Result]:
    for result in results:
        if progress is not None:
            progress(result)
        yield result
