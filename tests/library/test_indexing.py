"""Indexing many files: in parallel worker processes, once per file version."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefreader.entities import recognizer as entities
from briefreader.library import catalog as library
from briefreader.library import index_cache, indexing
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


def indexed_stories(tmp_path: Path, count: int) -> list[library.ArticleSummary]:
    """`count` stories added to a fresh library in tmp_path/data (closed again); its list."""
    write_stories(tmp_path / "news", count)
    session = open_session(tmp_path / "data")
    session.library.add([tmp_path / "news"])
    listed = session.library.summaries()
    session.close()
    return listed


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
    monkeypatch.setattr(index_cache, "index_record", counting)
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


def test_editing_a_file_keeps_its_tags_notes_highlights_and_marks(tmp_path: Path):
    from briefreader.annotations.tags import TagEdit

    write_stories(tmp_path / "news", 2)
    session = open_session(tmp_path / "data")
    session.library.add([tmp_path / "news"])
    path = (tmp_path / "news" / "story-001.txt").resolve()
    summary = session.library.resolve(str(path))
    article, _ = session.library.load(summary)
    store = session.store
    store.edit_tags([summary.ref], TagEdit(("defense",), ()))
    store.set_note(summary.ref, "watch this")
    start = article.text.index("Viktor Khrenin")
    store.add_highlight(summary.ref, article.text, start, start + 14, "yellow", "who")
    store.toggle_star([summary.id])
    store.set_read(summary.id)
    session.close()

    path.write_text(path.read_text(encoding="utf-8").replace("met officials", "met ministers"))
    again = open_session(tmp_path / "data")
    edited = again.library.resolve(str(path))
    assert edited.id != summary.id  # a new text, a new id …
    annotation = again.store.annotation(edited.id)  # … and the work came along
    assert annotation.tags == ["defense"] and annotation.note == "watch this"
    text = again.library.load(edited)[0].text
    (attached,) = again.store.attached_highlights(edited.id, text)
    assert attached.span is not None and text[slice(*attached.span)] == "Viktor Khrenin"
    state = again.store.reading_state(edited.id)
    assert state.starred and state.read
    assert again.store.annotation(summary.id).is_empty
    assert again.store.highlights(summary.id) == []
    again.close()


def test_a_damaged_or_old_index_is_rebuilt_and_nothing_is_lost(tmp_path: Path):
    expected = indexed_stories(tmp_path, 3)
    index = tmp_path / "data" / "index.jsonl"
    lines = index.read_bytes().splitlines()
    assert len(lines) == 4  # a version line, then one row per file
    row = json.loads(lines[3])
    row[7] = 404  # a title that is not text
    wrong_types = json.dumps(row).encode()
    index.write_bytes(b"\n".join([*lines[:2], b'["cut off', wrong_types]))
    old = tmp_path / "data" / "index.json"
    old.write_text('{"version": 4, "files": {}}')  # what an older briefreader left behind
    again = open_session(tmp_path / "data")
    assert again.library.summaries() == expected  # re-read from the files
    assert not old.exists()
    again.close()
    third = open_session(tmp_path / "data")  # and the rebuilt index is whole again
    assert third.library.summaries(trust_index=True) == expected
    third.close()


def test_an_index_made_by_another_recognizer_is_read_again(tmp_path: Path, monkeypatch):
    expected = indexed_stories(tmp_path, 3)
    old = tmp_path / "data" / "index.json"
    old.write_text('{"version": 4, "files": {}}')  # what an older briefreader left behind
    monkeypatch.setattr(entities, "RECOGNIZER_VERSION", "a newer recognizer")
    calls: list[str] = []
    real = indexing.index_record
    monkeypatch.setattr(index_cache, "index_record", lambda p: calls.append(p) or real(p))
    monkeypatch.setattr(indexing, "PARALLEL_FROM", 10**9)
    monkeypatch.setattr(indexing, "index_record", lambda p: calls.append(p) or real(p))
    again = open_session(tmp_path / "data")
    assert again.library.summaries() == expected
    assert len(calls) == 3  # every file read again: its names may differ now
    assert not old.exists()
    again.close()


def test_the_top_of_the_list_is_kept_for_the_next_first_screen(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(library, "FIRST_ROWS", 3)
    listed = indexed_stories(tmp_path, 8)
    again = open_session(tmp_path / "data")
    rows, total = again.library.first_rows()
    assert rows == listed[:3] and total == 8  # the same rows, in the same order
    assert again.library._loaded_index is None  # … without reading the index
    (tmp_path / "more").mkdir()
    again.library.add([tmp_path / "more"])
    assert again.library.first_rows() is None  # another set of folders: not to be trusted
    again.close()
    (tmp_path / "data" / "first-rows.json").write_text("{ damaged")
    third = open_session(tmp_path / "data")
    assert third.library.first_rows() is None
    assert len(third.library.summaries()) == 8  # and the list is rebuilt as before
    third.close()


def test_a_big_folder_opened_in_the_real_terminal_app_is_indexed_in_parallel(tmp_path: Path):
    """The real program in a pseudo-terminal: Textual owns stderr there, which once broke
    starting the worker pool ("bad value(s) in fds_to_keep")."""
    import sys

    from pty_session import drive_in_pty

    count = indexing.PARALLEL_FROM + 12
    write_stories(tmp_path / "news", count)
    data = tmp_path / "data"
    env = dict(os.environ, BRIEFREADER_DATA_DIR=str(data), TERM="xterm-256color")
    _, unmet = drive_in_pty(
        [sys.executable, "-m", "briefreader", str(tmp_path / "news")],
        env,
        [(f"{count} articles".encode(), b"q")],
        timeout=90,
    )
    assert not unmet, "the list never showed every story"
    assert not list(data.glob("briefreader-error*")), (data / "briefreader-error.log").read_text()
    session = open_session(data)
    assert len(session.library.summaries(trust_index=True)) == count
    session.close()


def test_indexing_stops_when_asked_and_keeps_what_it_read(tmp_path: Path, monkeypatch):
    write_stories(tmp_path / "news", 12)
    monkeypatch.setattr(indexing, "PARALLEL_FROM", 10**9)
    session = open_session(tmp_path / "data")
    read: list[str] = []
    real = indexing.index_record
    monkeypatch.setattr(index_cache, "index_record", real)
    monkeypatch.setattr(indexing, "index_record", lambda p: read.append(p) or real(p))
    session.library.should_stop = lambda: len(read) >= 5  # the user quit meanwhile
    with pytest.raises(index_cache.IndexingStopped):
        session.library.add([tmp_path / "news"])
    assert len(read) == 5  # not one file more
    session.close()
    again = open_session(tmp_path / "data")
    monkeypatch.setattr(indexing, "index_record", lambda p: read.append(p) or real(p))
    assert len(again.library.summaries()) == 12
    assert len(read) == 12  # the first five were kept in the index, only seven read again
    again.close()


def test_saving_the_index_while_another_thread_adds_rows_is_safe(tmp_path: Path, monkeypatch):
    write_stories(tmp_path / "news", 3)
    session = open_session(tmp_path / "data")
    session.library.add([tmp_path / "news"])
    lib = session.library
    real_row = index_cache.IndexEntry.row
    some = next(iter(lib._index.values()))

    def row_while_adding(self, path):  # as the listing worker would, mid-save
        lib._index[f"/elsewhere/{len(lib._index)}.txt"] = some
        return real_row(self, path)

    monkeypatch.setattr(index_cache.IndexEntry, "row", row_while_adding)
    lib._dirty = True
    lib._save_index()  # a snapshot is written; no "dictionary changed size" error
    monkeypatch.setattr(index_cache.IndexEntry, "row", real_row)
    session.close()
    again = open_session(tmp_path / "data")
    assert len(again.library.summaries(trust_index=True)) == 3
    again.close()


def test_a_command_that_must_read_files_again_says_how_far_it_is_on_a_terminal(tmp_path: Path):
    """After an upgrade of the recognizer every file is read again: `export` or `list` on a
    100k library then takes a minute, and must not look hung. Piped, it stays quiet."""
    import subprocess
    import sys

    from pty_session import drive_in_pty

    indexed_stories(tmp_path, 4)
    index = tmp_path / "data" / "index.jsonl"
    lines = index.read_text("utf-8").splitlines()
    header = json.loads(lines[0])
    header["recognizer"] = "an older recognizer"
    index.write_text("\n".join([json.dumps(header), *lines[1:]]) + "\n", "utf-8")
    env = dict(os.environ, BRIEFREADER_DATA_DIR=str(tmp_path / "data"), TERM="xterm-256color")
    command = [sys.executable, "-m", "briefreader", "list"]
    piped = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    assert "indexing" not in piped.stderr and "Story number 3" in piped.stdout

    index.write_text("\n".join([json.dumps(header), *lines[1:]]) + "\n", "utf-8")
    output, _ = drive_in_pty(command, env, [], timeout=60)
    assert b"indexing 0/4" in output or b"indexing 1/4" in output
    assert b"Story number 3" in output


def test_a_library_listed_without_its_index_hears_each_article_as_it_is_read(tmp_path: Path):
    # The TUI fills its list from these while a lost (or outdated) index is rebuilt.
    indexed_stories(tmp_path, 5)
    (tmp_path / "data" / "index.jsonl").unlink()
    (tmp_path / "data" / "first-rows.json").unlink(missing_ok=True)
    session = open_session(tmp_path / "data")
    heard: list[library.ArticleSummary] = []
    listed = session.library.summaries(refresh=True, found=heard.append)
    assert sorted(s.id for s in heard) == sorted(s.id for s in listed) and len(listed) == 5
    session.close()
