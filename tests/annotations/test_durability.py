"""The store never loses a saved change: crashes (a real kill -9), two instances, migrations."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefreader.annotations.migrations import CURRENT_SCHEMA
from briefreader.annotations.model import ArticleRef
from briefreader.annotations.storage import NewerSchemaError
from briefreader.annotations.store import AnnotationStore
from briefreader.annotations.tags import TagEdit

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from briefreader.annotations.store import AnnotationStore
    from briefreader.annotations.model import ArticleRef
    from briefreader.annotations.tags import TagEdit

    store = AnnotationStore(Path(sys.argv[1]))
    store.storage.compact_every = int(sys.argv[2])  # fold often: crash inside compaction too
    prefix = sys.argv[3]
    for i in range(100000):
        ref = ArticleRef(f"{prefix}{i:06d}", title=f"Article {i}")
        store.set_note(ref, f"note {i} " + "x" * 200)
        store.edit_tags([ref], TagEdit((f"t{i % 7}",), ()))
        print(i, flush=True)
    """
)


def _start_writer(db: Path, compact_every: int, prefix: str = "a") -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(compact_every), prefix],
        stdout=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize(("kill_after", "compact_every"), [(3, 2), (17, 5), (40, 1), (61, 200)])
def test_kill_9_mid_writes_keeps_every_reported_change(tmp_path, kill_after, compact_every):
    db = tmp_path / "briefreader.json"
    writer = _start_writer(db, compact_every)
    assert writer.stdout is not None
    reported = [int(writer.stdout.readline()) for _ in range(kill_after)]
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)

    if db.exists():  # the readable file always parses, whatever moment the kill hit
        json.loads(db.read_text(encoding="utf-8"))
    store = AnnotationStore(db)
    try:
        assert store.problems == []
        for i in reported:
            annotation = store.annotation(f"a{i:06d}")
            assert annotation.note.startswith(f"note {i} ")
            assert annotation.tags == [f"t{i % 7}"]
    finally:
        store.close()
    # After a clean close the readable file alone holds everything.
    on_disk = json.loads(db.read_text(encoding="utf-8"))
    ids = {doc["article_id"] for doc in on_disk["annotations"].values()}
    assert {f"a{i:06d}" for i in reported} <= ids


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    db = tmp_path / "briefreader.json"
    first, second = _start_writer(db, 7, "p"), _start_writer(db, 11, "q")
    assert first.stdout is not None and second.stdout is not None
    done_first = [int(first.stdout.readline()) for _ in range(40)]
    done_second = [int(second.stdout.readline()) for _ in range(40)]
    for writer in (first, second):
        writer.kill()
        writer.wait(timeout=30)
    store = AnnotationStore(db)
    try:
        for prefix, done in (("p", done_first), ("q", done_second)):
            for i in done:
                assert store.annotation(f"{prefix}{i:06d}").note.startswith(f"note {i} ")
    finally:
        store.close()


def test_two_instances_see_and_keep_each_others_changes(tmp_path):
    db = tmp_path / "briefreader.json"
    one, two = AnnotationStore(db), AnnotationStore(db)
    try:
        one.edit_tags([ArticleRef("aaa")], TagEdit(("from-one",), ()))
        two.edit_tags([ArticleRef("aaa")], TagEdit(("from-two",), ()))
        two.set_note(ArticleRef("bbb"), "second instance")
        one.set_note(ArticleRef("aaa"), "first instance")
        assert one.annotation("aaa").tags == ["from-one", "from-two"]
        assert one.annotation("bbb").note == "second instance"
        assert two.annotation("aaa").note == "first instance"
    finally:
        one.close()
        two.close()
    third = AnnotationStore(db)
    try:
        assert third.annotation("aaa").tags == ["from-one", "from-two"]
        assert third.annotation("aaa").note == "first instance"
    finally:
        third.close()


def test_a_bulk_change_left_in_the_journal_by_a_crash_comes_back_whole(tmp_path):
    # Each document the step wrote is in the journal before the key completes; a process
    # that dies without closing (no fold into the file) must lose none of them.
    db = tmp_path / "briefreader.json"
    crashing = textwrap.dedent(
        """
        import os, sys
        from pathlib import Path
        from briefreader.annotations.model import ArticleRef
        from briefreader.annotations.store import AnnotationStore
        from briefreader.annotations.tags import TagEdit

        store = AnnotationStore(Path(sys.argv[1]))
        refs = [ArticleRef(name) for name in ("aaa", "bbb", "ccc")]
        store.edit_tags(refs, TagEdit(("batch",), ()))
        os._exit(0)  # no close: the journal is never folded into the file
        """
    )
    subprocess.run([sys.executable, "-c", crashing, str(db)], check=True)
    assert (tmp_path / "briefreader.json.wal").stat().st_size > 0
    reopened = AnnotationStore(db)
    try:
        assert {a.article_id: a.tags for a in reopened.annotations()} == {
            "aaa": ["batch"],
            "bbb": ["batch"],
            "ccc": ["batch"],
        }
    finally:
        reopened.close()


def test_torn_journal_line_is_ignored_and_later_writes_survive(tmp_path):
    db = tmp_path / "briefreader.json"
    store = AnnotationStore(db)
    store.set_note(ArticleRef("aaa"), "kept")
    with (tmp_path / "briefreader.json.wal").open("ab") as journal:
        journal.write(b'{"c": [["annotations", "9", {"article_id": "zz')  # a crash mid-line
    store.storage._data = None  # as a new process would see it
    reopened = AnnotationStore(db)
    try:
        reopened.set_note(ArticleRef("bbb"), "after the crash")
        assert reopened.problems == []
    finally:
        reopened.close()
    final = AnnotationStore(db)
    try:
        assert final.annotation("aaa").note == "kept"
        assert final.annotation("bbb").note == "after the crash"
        assert final.annotation("zz").is_empty
    finally:
        final.close()


def test_rolling_backups_keep_the_last_versions(tmp_path):
    db = tmp_path / "briefreader.json"
    for round_ in range(8):
        store = AnnotationStore(db)
        store.storage.keep_backups = 3
        store.set_note(ArticleRef("aaa"), f"version {round_}")
        store.close()
    backups = sorted((tmp_path / "backups").glob("briefreader-*.json"))
    assert len(backups) == 3
    # Each backup is a complete, readable earlier version, and they are the newest ones:
    # session n backs up the file before its first change, so it keeps version n - 1.
    notes = [
        doc["note"]
        for path in backups
        for doc in json.loads(path.read_text())["annotations"].values()
    ]
    assert notes == ["version 4", "version 5", "version 6"]


def test_migration_from_schema_1_keeps_everything_and_the_old_file(tmp_path):
    db = tmp_path / "briefreader.json"
    version_1 = {
        "annotations": {
            "1": {
                "article_id": "0a6193866d6f",
                "tags": ["defense"],
                "note": "from the first release",
                "title": "Bolstering Union State’s defenses",
                "path": "/x/002.txt",
                "date": "October 26",
                "place": "Minsk",
                "agency": "TASS",
                "updated": "2026-01-02T03:04:05+00:00",
            }
        },
        "library": {"1": {"path": "/x"}},
        "meta": {"1": {"schema": 1}},
    }
    original = json.dumps(version_1, indent=1)
    db.write_text(original, encoding="utf-8")
    store = AnnotationStore(db)
    try:
        assert store.migrated_from == 1
        annotation = store.annotation("0a6193866d6f")
        assert annotation.tags == ["defense"] and annotation.note == "from the first release"
        assert annotation.created == "2026-01-02T03:04:05+00:00"
        assert store.sources() == [Path("/x")]
        assert any("schema 1" in p for p in store.problems)
    finally:
        store.close()
    assert (tmp_path / "briefreader.json.schema-1.bak").read_text(encoding="utf-8") == original
    assert json.loads(db.read_text())["meta"]["1"]["schema"] == CURRENT_SCHEMA


def test_a_file_from_a_newer_release_is_refused_not_damaged(tmp_path):
    db = tmp_path / "briefreader.json"
    newer = json.dumps({"meta": {"1": {"schema": CURRENT_SCHEMA + 1}}, "annotations": {}})
    db.write_text(newer, encoding="utf-8")
    with pytest.raises(NewerSchemaError, match="newer briefreader"):
        AnnotationStore(db)
    assert db.read_text(encoding="utf-8") == newer


def test_undo_redo_of_a_bulk_change_is_one_step(tmp_path):
    store = AnnotationStore(tmp_path / "briefreader.json")
    try:
        refs = [ArticleRef(f"id{n}") for n in range(50)]
        store.set_note(refs[0], "before the bulk change")
        assert store.edit_tags(refs, TagEdit(("belarus",), ())) == 50
        assert store.undo() == "tag +belarus"
        assert all(store.annotation(r.id).tags == [] for r in refs)
        assert store.annotation("id0").note == "before the bulk change"
        assert store.redo() == "tag +belarus"
        assert all(store.annotation(r.id).tags == ["belarus"] for r in refs)
        assert store.undo() and store.undo() == "edit note"
        assert store.annotation("id0").is_empty
        assert store.undo() is None
    finally:
        store.close()
