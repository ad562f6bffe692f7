"""Per-change persist time of the annotation store, against plain TinyDB, in one run.

For N annotated articles (1k, 10k, 50k by default) it times one change (set a note on a
random article) as the user would make it, until the change is on disk:

- baseline: TinyDB with its default JSONStorage, `upsert` by article id (the whole file is
  re-read and rewritten on every operation, without fsync);
- briefreader: AnnotationStore.set_note (fsynced journal line, atomic compaction every
  200 changes, cross-process lock).

Reports median and p95 per change and the speed-up ratio (baseline / briefreader) of each;
absolute times on a shared machine are noise, the ratio within one run is the figure.

    python benchmarks/store_persist.py [--sizes 1000 10000 50000] [--changes 200]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tinydb import Query, TinyDB

from briefreader.annotations.model import ArticleRef
from briefreader.annotations.store import AnnotationStore
from briefreader.annotations.tags import TagEdit


def _doc(i: int) -> dict[str, object]:
    return {
        "article_id": f"{i:012x}",
        "tags": ["defense", "union-state"],
        "note": f"Note {i}: " + "Mezentsev on the Union State's defense. " * 4,
        "title": "Bolstering Union State's defenses continues in response to new threats",
        "path": f"/home/analyst/news/tass/{i}.txt",
        "date": "2025-10-26",
        "place": "Minsk",
        "agency": "TASS",
        "created": "2026-11-25T06:00:00+00:00",
        "updated": "2026-11-25T06:00:00+00:00",
    }


def _seed_tinydb(path: Path, size: int) -> None:
    db = TinyDB(path)
    db.table("annotations").insert_multiple(_doc(i) for i in range(size))
    db.close()


def _seed_store(path: Path, size: int) -> None:
    store = AnnotationStore(path)
    refs = [ArticleRef(f"{i:012x}", title="t") for i in range(size)]
    store.edit_tags(refs, TagEdit(("defense", "union-state"), ()))
    store.close()


def _time(change: Callable[[int], None], size: int, changes: int, seed: int) -> list[float]:
    rng = random.Random(seed)
    times = []
    for n in range(changes):
        i = rng.randrange(size)
        start = time.perf_counter()
        change(i * 1_000_003 + n)
        times.append(time.perf_counter() - start)
    return times


def measure(size: int, changes: int) -> tuple[list[float], list[float]]:
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as folder:
        plain_path = Path(folder) / "plain.json"
        _seed_tinydb(plain_path, size)
        plain = TinyDB(plain_path)
        table = plain.table("annotations", cache_size=0)

        def plain_change(key: int) -> None:
            i = key // 1_000_003 % size
            table.upsert(
                {"article_id": f"{i:012x}", "note": f"edit {key}"},
                Query().article_id == f"{i:012x}",
            )

        ours_path = Path(folder) / "briefreader.json"
        _seed_store(ours_path, size)
        store = AnnotationStore(ours_path)

        def our_change(key: int) -> None:
            i = key // 1_000_003 % size
            store.set_note(ArticleRef(f"{i:012x}"), f"edit {key}")

        # Interleave the two in small rounds so machine noise hits both alike.
        plain_times: list[float] = []
        our_times: list[float] = []
        for round_ in range(max(1, changes // 20)):
            plain_times += _time(plain_change, size, 20, round_)
            our_times += _time(our_change, size, 20, round_)
        plain.close()
        store.close()
    return plain_times, our_times


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def ms(value: float) -> str:
    return f"{value * 1000:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--changes", type=int, default=420)
    args = parser.parse_args()
    print(
        "| annotated articles | changes | TinyDB JSONStorage median / p95 / max (ms) "
        "| briefreader median / p95 / max (ms) | speed-up median | speed-up p95 |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        # Enough changes that briefreader's periodic compaction (every 200) is included.
        changes = args.changes if size <= 10000 else max(220, args.changes // 2)
        plain, ours = measure(size, changes)
        print(
            f"| {size:,} | {len(ours)} "
            f"| {ms(statistics.median(plain))} / {ms(p95(plain))} / {ms(max(plain))} "
            f"| {ms(statistics.median(ours))} / {ms(p95(ours))} / {ms(max(ours))} "
            f"| {statistics.median(plain) / statistics.median(ours):.0f}x "
            f"| {p95(plain) / p95(ours):.0f}x |",
            flush=True,
        )


if __name__ == "__main__":
    main()
