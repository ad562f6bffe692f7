"""Indexing many files: in parallel worker processes, once per file version."""

from __future__ import annotations

import os
from pathlib import Path

from briefreader import indexing, library
from briefreader.session import open_session


def write_stories(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"story-{n:03}.txt").write_text(
            f"Story number {n} from Minsk\n\n"
            f"MINSK, October {n % 28 + 1}. /TASS/. Viktor Khrenin met officials in Minsk "
            f"on the {n}th visit of the Belarusian Defense Ministry.\n",
            encoding="utf-8",
        )


def test_parallel_ingest_gives_the_same_index_as_one_process(tmp_path: Path, monkeypatch):
    count = indexing.PARALLEL_FROM + 12
    write_stories(tmp_path / "news", count)
    parallel = open_session(tmp_path / "a")
    report = parallel.library.add([tmp_path / "news"])
    assert len(report.added) == count and not report.skipped
    monkeypatch.setattr(indexing, "PARALLEL_FROM", 10**9)
    serial = open_session(tmp_path / "b")
    serial.library.add([tmp_path / "news"])
    assert parallel.library.summaries() == serial.library.summaries()
    assert parallel.library.entity_names == serial.library.entity_names
    names = serial.library.entity_names
    assert any(("PERSON", "Viktor Khrenin") in names.get(i) for i in names.packed)
    parallel.close()
    serial.close()


def test_progress_is_reported_for_every_file(tmp_path: Path):
    write_stories(tmp_path / "news", 5)
    session = open_session(tmp_path / "data")
    seen: list[tuple[int, int]] = []
    session.library.add(
        [tmp_path / "news"], progress=lambda done, total: seen.append((done, total))
    )
    assert seen[-1] == (5, 5) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    session.close()


def test_unchanged_files_are_never_parsed_again(tmp_path: Path, monkeypatch):
    write_stories(tmp_path / "news", 3)
    session = open_session(tmp_path / "data")
    session.library.add([tmp_path / "news"])
    session.close()
    calls: list[str] = []
    real = indexing.index_record

    def counting(path_text: str):
        calls.append(path_text)
        return real(path_text)

    monkeypatch.setattr(indexing, "index_record", counting)
    monkeypatch.setattr(library, "index_record", counting)
    touched = tmp_path / "news" / "story-001.txt"
    os.utime(touched, ns=(1, 1))  # new mtime, same bytes: the content hash says unchanged
    again = open_session(tmp_path / "data")
    assert len(again.library.summaries()) == 3
    assert calls == []
    edited = tmp_path / "news" / "story-002.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    assert len(again.library.summaries(refresh=True)) == 3
    assert calls == [str(edited.resolve())]
    again.close()


def test_the_first_list_comes_from_the_index_and_the_check_catches_changes(tmp_path: Path):
    write_stories(tmp_path / "news", 4)
    session = open_session(tmp_path / "data")
    session.library.add([tmp_path / "news"])
    session.close()
    (tmp_path / "news" / "story-000.txt").unlink()
    again = open_session(tmp_path / "data")
    quick = again.library.summaries(trust_index=True)
    assert len(quick) == 4  # straight from the index, no file touched
    checked = again.library.summaries()
    assert len(checked) == 3 and all("story-000" not in s.path for s in checked)
    again.close()
