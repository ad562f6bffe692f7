"""The annotation store: tags and notes saved at once, undo, import merge, damaged files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefreader.annotations import storage as storage_module
from briefreader.annotations.model import Annotation, ArticleRef
from briefreader.annotations.store import AnnotationStore
from briefreader.annotations.tags import (
    TagEdit,
    normalise_tag,
    parse_tag_arguments,
    parse_tag_input,
    tag_key,
)
from briefreader.atomicfile import atomic_write_bytes

A = ArticleRef("aaaaaaaaaaaa", "First story", "/news/a.txt", "2025-12-19", "Minsk", "TASS")
B = ArticleRef("bbbbbbbbbbbb", "Second story", "/news/b.txt", None, "Kyiv", "Reuters")


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "briefreader.json"


@pytest.fixture
def store(db_file: Path):
    opened = AnnotationStore(db_file)
    yield opened
    opened.close()


def add(store: AnnotationStore, ref: ArticleRef, *tags: str) -> int:
    return store.edit_tags([ref], TagEdit(add=tags, remove=()))


def file_docs(db_file: Path) -> list[dict]:
    """The annotations in the readable JSON file itself (it must always parse)."""
    data = json.loads(db_file.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return list(data.get("annotations", {}).values())


def persisted(db_file: Path) -> dict[str, tuple[list[str], str]]:
    """What another instance opening the file now would find: tags and note per article."""
    reader = AnnotationStore(db_file)
    try:
        return {a.article_id: (a.tags, a.note) for a in reader.annotations()}
    finally:
        reader.close()


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(".tmp"))


# -- saved and read back ---------------------------------------------------------------


def test_tags_and_note_survive_close_and_reopen(db_file: Path):
    first = AnnotationStore(db_file)
    add(first, A, "defense", "Minsk")
    first.set_note(A, "Khrenin says no expansion.\nSecond line.")
    first.close()

    again = AnnotationStore(db_file)
    try:
        annotation = again.annotation(A.id)
        assert annotation.tags == ["defense", "Minsk"]
        assert annotation.note == "Khrenin says no expansion.\nSecond line."
        assert annotation.title == "First story"
        assert annotation.agency == "TASS"
        assert [a.article_id for a in again.annotations()] == [A.id]
        assert again.problems == []
    finally:
        again.close()


def test_unannotated_article_has_an_empty_annotation(store: AnnotationStore):
    annotation = store.annotation("ffffffffffff")
    assert annotation.tags == [] and annotation.note == ""
    assert annotation.is_empty
    assert store.annotations() == []


def test_file_is_valid_json_after_every_change(store: AnnotationStore, db_file: Path):
    steps = [
        lambda: add(store, A, "one"),
        lambda: add(store, B, "two", "three"),
        lambda: store.set_note(A, 'a "quoted" note with ünïcode and \\ backslash'),
        lambda: store.toggle_tag(A, "one"),
        lambda: store.edit_tags([A, B], TagEdit(add=("both",), remove=("two",))),
        lambda: store.undo(),
        lambda: store.merge(Annotation(B.id, tags=["imported"], note="from backup")),
        lambda: store.undo(),
    ]
    for step in steps:
        step()
        if db_file.exists():
            file_docs(db_file)  # raises if the readable file is not JSON
        current = {a.article_id: (a.tags, a.note) for a in store.annotations()}
        assert persisted(db_file) == current  # saved the moment the change completed
    store.close()
    in_file = {d["article_id"]: (d["tags"], d["note"]) for d in file_docs(db_file)}
    assert in_file == current


# -- tags ------------------------------------------------------------------------------


def test_normalise_tag():
    assert normalise_tag("#Defense") == "Defense"
    assert normalise_tag("  ##union state ") == "union-state"
    assert normalise_tag("Union   State") == "Union-State"
    assert normalise_tag("#") == ""
    assert tag_key("Defense") == tag_key("DEFENSE") == tag_key("defense")


def test_parse_tag_input_adds_and_removes():
    edit = parse_tag_input("defense #Minsk -draft Defense")
    assert edit.add == ("defense", "Minsk")
    assert edit.remove == ("draft",)
    assert edit.refused == ()
    edit = parse_tag_input("defense, #Minsk, -draft,Defense")
    assert (edit.add, edit.remove) == (("defense", "Minsk"), ("draft",))


def test_with_a_comma_the_prompt_reads_tags_as_the_cli_does():
    # QA: 'Union State, belarus russia' gave four tags; the CLI and README say #Union-State.
    edit = parse_tag_input("Union State, belarus russia")
    assert edit.add == ("Union-State", "belarus-russia")
    assert parse_tag_input("Union State").add == ("Union", "State")  # no comma: as before
    assert parse_tag_input("-old draft, new").remove == ("old-draft",)
    cli = parse_tag_arguments(["Union State", "belarus russia"])
    assert cli == parse_tag_input("Union State, belarus russia")
    assert parse_tag_arguments(["a,b", "x"], remove=True).remove == ("a", "b", "x")


def test_words_that_leave_no_tag_are_refused_not_dropped():
    edit = parse_tag_input("defense # -# \x1b#")
    assert edit.add == ("defense",)
    assert edit.refused == ("#", "-#", "\x1b#")


@pytest.mark.parametrize(
    ("raw", "tag"),
    [("\x1b#", ""), ("-#a", "a"), (",#b", "b"), ("#\x00#c", "c"), ("a\x1cb", "a-b")],
)
def test_control_characters_and_commas_go_before_the_leading_marks(raw: str, tag: str):
    # Dropped after the '#'/'-' trim, they left '#' or '#a', which normalised again to
    # '' or 'a': a stored tag that a backup import then dropped or renamed.
    assert normalise_tag(raw) == tag


@settings(max_examples=300)
@given(st.text())
def test_a_normalised_tag_normalises_to_itself(raw: str):
    # What the store keeps is what an import of its backup keeps: the round trip needs this.
    tag = normalise_tag(raw)
    assert normalise_tag(tag) == tag
    assert parse_tag_input(tag).add == ((tag,) if tag else ())


def test_a_tag_an_older_version_stored_unnormalised_can_be_renamed(db_file: Path):
    first = AnnotationStore(db_file)
    add(first, A, "legacy", "kept")
    first.close()
    db_file.write_text(db_file.read_text("utf-8").replace('"legacy"', '"#"'), "utf-8")
    store = AnnotationStore(db_file)
    assert store.annotation(A.id).tags == ["#", "kept"]
    assert store.rename_tag("#", "#") == 0  # no tag to rename into
    assert store.rename_tag("#", "fixed") == 1
    assert store.annotation(A.id).tags == ["fixed", "kept"]
    store.close()


def test_tags_are_case_insensitive_and_keep_first_spelling(store: AnnotationStore):
    add(store, A, "Defense")
    assert add(store, A, "defense", "DEFENSE") == 0  # nothing changed
    assert store.annotation(A.id).tags == ["Defense"]
    store.edit_tags([A], TagEdit(add=(), remove=("DEFENSE",)))
    assert store.annotation(A.id).tags == []


def test_tag_counts_group_spellings(store: AnnotationStore):
    add(store, A, "Defense")
    add(store, B, "defense", "economy")
    assert store.tag_counts() == {"Defense": 2, "economy": 1}


def test_toggle_tag(store: AnnotationStore):
    assert store.toggle_tag(A, "important") is True
    assert store.annotation(A.id).tags == ["important"]
    assert store.toggle_tag(A, "IMPORTANT") is False
    assert store.annotation(A.id).tags == []
    assert store.toggle_tag(A, "important") is True
    assert store.annotation(A.id).tags == ["important"]


def test_set_note_reports_whether_it_changed(store: AnnotationStore):
    assert store.set_note(A, "first") is True
    assert store.set_note(A, "first") is False
    assert store.set_note(A, "second") is True
    assert store.annotation(A.id).note == "second"
    assert store.undo() == "edit note"
    assert store.annotation(A.id).note == "first"


# -- undo ------------------------------------------------------------------------------


def test_undo_of_first_annotation_removes_it(store: AnnotationStore, db_file: Path):
    assert not store.can_undo
    add(store, A, "defense")
    assert store.can_undo
    assert store.undo() is not None
    assert store.annotation(A.id).is_empty
    assert store.annotations() == []
    assert persisted(db_file) == {}
    store.close()
    assert file_docs(db_file) == []
    assert store.undo() is None
    assert not store.can_undo


def test_undo_restores_previous_state(store: AnnotationStore):
    add(store, A, "one")
    store.set_note(A, "note")
    add(store, A, "two")
    store.undo()
    assert store.annotation(A.id).tags == ["one"]
    assert store.annotation(A.id).note == "note"
    store.undo()
    assert store.annotation(A.id).note == ""
    assert store.annotation(A.id).tags == ["one"]


def test_multi_article_edit_is_undone_as_one_step(store: AnnotationStore):
    add(store, A, "keep")
    changed = store.edit_tags([A, B], TagEdit(add=("batch",), remove=()))
    assert changed == 2
    assert store.annotation(B.id).tags == ["batch"]
    store.undo()
    assert store.annotation(A.id).tags == ["keep"]
    assert store.annotation(B.id).is_empty
    assert [a.article_id for a in store.annotations()] == [A.id]


def test_unchanged_edit_records_no_undo_step(store: AnnotationStore):
    add(store, A, "one")
    add(store, A, "one")
    store.undo()
    assert store.annotation(A.id).is_empty
    assert not store.can_undo


def test_a_new_change_after_undo_clears_redo(store: AnnotationStore, db_file: Path):
    # Audit: with redo kept after a new change, tag one, undo, tag two, redo turned the
    # tags from `two` back into `one`: the new work was silently lost.
    add(store, A, "one")
    store.undo()
    add(store, A, "two")
    assert store.redo() is None
    assert store.annotation(A.id).tags == ["two"]
    assert persisted(db_file)[A.id][0] == ["two"]


def test_undo_of_a_bulk_tag_reverts_every_article_and_redo_reapplies_it(store: AnnotationStore):
    add(store, A, "keep")
    add(store, B, "other")
    store.edit_tags([A, B], TagEdit(add=("batch",), remove=("keep",)))
    assert store.undo() is not None
    assert store.annotation(A.id).tags == ["keep"]
    assert store.annotation(B.id).tags == ["other"]
    assert store.redo() is not None
    assert store.annotation(A.id).tags == ["batch"]
    assert store.annotation(B.id).tags == ["other", "batch"]


# -- merge (import) --------------------------------------------------------------------


def test_merge_unites_tags_and_appends_a_different_note(store: AnnotationStore):
    add(store, A, "defense")
    store.set_note(A, "mine")
    assert store.merge(Annotation(A.id, tags=["DEFENSE", "minsk"], note="theirs")) is True
    annotation = store.annotation(A.id)
    assert annotation.tags == ["defense", "minsk"]
    assert annotation.note == "mine\n\ntheirs"


def test_merging_twice_never_duplicates(store: AnnotationStore):
    incoming = Annotation(B.id, tags=["a", "b"], note="imported note", title="Second story")
    assert store.merge(incoming) is True
    assert store.merge(incoming) is False
    annotation = store.annotation(B.id)
    assert annotation.tags == ["a", "b"]
    assert annotation.note == "imported note"
    assert annotation.title == "Second story"


def test_merge_does_not_duplicate_case_variants_within_one_import(store: AnnotationStore):
    store.merge(Annotation(A.id, tags=["Defense", "defense", "DEFENSE"]))
    tags = store.annotation(A.id).tags
    assert len({tag_key(t) for t in tags}) == len(tags), tags
    assert len(tags) == 1


def test_merge_treats_hash_prefixed_tag_as_the_same_tag(store: AnnotationStore):
    # A tag typed as "#defense" is the tag "defense" everywhere (tags.normalise_tag).
    add(store, A, "defense")
    store.merge(Annotation(A.id, tags=["#defense"]))
    assert store.annotation(A.id).tags == ["defense"]


# -- the file on disk ------------------------------------------------------------------


def test_corrupt_file_is_moved_aside_and_store_keeps_working(db_file: Path):
    damaged = b'{"annotations": {"1": {"article_id": "aaaa'  # truncated by a crash
    db_file.write_bytes(damaged)
    store = AnnotationStore(db_file)
    try:
        kept = [p for p in db_file.parent.iterdir() if ".corrupt-" in p.name]
        assert len(kept) == 1
        assert kept[0].name.startswith("briefreader.json")
        assert kept[0].read_bytes() == damaged
        assert len(store.problems) == 1
        assert str(kept[0]) in store.problems[0]
        add(store, A, "fresh")
        assert store.annotation(A.id).tags == ["fresh"]
        assert persisted(db_file) == {A.id: (["fresh"], "")}
    finally:
        store.close()
    assert kept[0].read_bytes() == damaged
    assert [d["tags"] for d in file_docs(db_file)] == [["fresh"]]


def test_wrong_shape_json_is_moved_aside_too(db_file: Path):
    db_file.write_text("[1, 2, 3]", encoding="utf-8")
    store = AnnotationStore(db_file)
    try:
        assert store.problems
        kept = [p for p in db_file.parent.iterdir() if ".corrupt-" in p.name]
        assert [p.read_text(encoding="utf-8") for p in kept] == ["[1, 2, 3]"]
    finally:
        store.close()


def test_second_corrupt_file_never_overwrites_the_first_kept_copy(db_file: Path, monkeypatch):
    # Two damaged files within the same second must both be kept.
    monkeypatch.setattr(storage_module, "_timestamp", lambda: "20250101-000000-000000")
    kept_bytes = []
    for damaged in (b"{first damaged", b"{second damaged"):
        db_file.write_bytes(damaged)
        store = AnnotationStore(db_file)
        store.close()
        kept_bytes.append(damaged)
    kept = sorted(p.read_bytes() for p in db_file.parent.iterdir() if ".corrupt-" in p.name)
    assert kept == sorted(kept_bytes)


def test_two_instances_see_each_others_changes(db_file: Path):
    first = AnnotationStore(db_file)
    second = AnnotationStore(db_file)
    try:
        add(first, A, "from-first")
        assert second.annotation(A.id).tags == ["from-first"]
        second.set_note(A, "from second")
        add(second, B, "second-only")
        assert first.annotation(A.id).note == "from second"
        assert first.annotation(A.id).tags == ["from-first"]
        add(first, A, "again")
        assert second.annotation(A.id).tags == ["from-first", "again"]
        assert {a.article_id for a in first.annotations()} == {A.id, B.id}
        assert persisted(db_file) == {
            A.id: (["from-first", "again"], "from second"),
            B.id: (["second-only"], ""),
        }
    finally:
        first.close()
        second.close()
    assert sorted(d["article_id"] for d in file_docs(db_file)) == [A.id, B.id]


def test_library_sources_are_remembered(db_file: Path, tmp_path: Path):
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    store = AnnotationStore(db_file)
    assert store.add_source(folder) is True
    assert store.add_source(folder) is False
    assert store.add_source(folder / "sub") is False  # already inside a known folder
    store.close()
    again = AnnotationStore(db_file)
    try:
        assert again.sources() == [folder.resolve()]
    finally:
        again.close()


# -- atomic writes ---------------------------------------------------------------------


def test_atomic_write_leaves_no_temp_files(tmp_path: Path):
    path = tmp_path / "sub" / "db.json"
    for n in range(5):
        atomic_write_bytes(path, json.dumps({"n": n}).encode())
    assert os.listdir(path.parent) == ["db.json"]
    assert json.loads(path.read_text(encoding="utf-8")) == {"n": 4}


def test_atomic_write_syncs_the_new_file_then_renames_it_then_syncs_the_folder(
    tmp_path: Path, monkeypatch
):
    # A crash at any moment leaves the old or the new version: the new bytes are on disk
    # before the rename, and the rename is on disk before the write returns.
    import stat

    steps: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        steps.append("sync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "sync file")
        real_fsync(fd)

    def replace(source, target) -> None:
        steps.append("rename")
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    path = tmp_path / "db.json"
    path.write_bytes(b'{"v": "old"}')
    atomic_write_bytes(path, b'{"v": "new"}')
    assert steps == ["sync file", "rename", "sync folder"]
    assert path.read_bytes() == b'{"v": "new"}'


def test_failed_atomic_write_keeps_old_file_and_leaves_no_temp(tmp_path: Path, monkeypatch):
    path = tmp_path / "db.json"
    atomic_write_bytes(path, b'{"v": "old"}')

    def refuse(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        atomic_write_bytes(path, b'{"v": "new"}')
    monkeypatch.undo()
    assert os.listdir(tmp_path) == ["db.json"]
    assert path.read_bytes() == b'{"v": "old"}'


def test_store_leaves_no_temp_files(tmp_path: Path):
    db_file = tmp_path / "briefreader.json"
    store = AnnotationStore(db_file)
    for n in range(30):
        add(store, A, f"tag{n}")
        store.set_note(B, f"note {n}")
    store.undo()
    store.close()
    again = AnnotationStore(db_file)
    add(again, B, "more")
    again.close()
    assert temp_files(tmp_path) == []
    assert (tmp_path / "briefreader.json").is_file()


def test_empty_database_file_is_not_treated_as_corrupt(tmp_path: Path):
    db_file = tmp_path / "briefreader.json"
    db_file.write_text("  \n", encoding="utf-8")
    store = AnnotationStore(db_file)
    try:
        assert store.problems == []
        assert store.annotations() == []
        add(store, A, "works")
    finally:
        store.close()
    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert persisted(db_file) == {A.id: (["works"], "")}


def test_rename_tag_merges_keeps_order_and_undoes_in_one_step(store: AnnotationStore, db_file):
    a, b = ArticleRef("a" * 12), ArticleRef("b" * 12)
    add(store, a, "Defense", "x")
    add(store, b, "military", "defense")
    assert store.rename_tag("DEFENSE", "military") == 2
    assert store.annotation(a.id).tags == ["military", "x"]  # renamed in place
    assert store.annotation(b.id).tags == ["military"]  # merged, not duplicated
    store.close()
    reopened = AnnotationStore(db_file)
    assert reopened.tag_counts() == {"military": 2, "x": 1}
    reopened.close()
    assert store.rename_tag("nothing-has-this", "y") == 0


def test_rename_tag_undo(store: AnnotationStore):
    a, b = ArticleRef("a" * 12), ArticleRef("b" * 12)
    add(store, a, "defense")
    add(store, b, "defense", "x")
    store.rename_tag("defense", "army")
    store.undo()
    assert store.annotation(a.id).tags == ["defense"]
    assert store.annotation(b.id).tags == ["defense", "x"]


def test_read_marks_and_stars_persist_and_only_stars_undo(store: AnnotationStore, db_file):
    ids = ["a" * 12, "b" * 12]
    assert store.toggle_star(ids) is True
    assert store.set_read(ids[0]) is True
    assert store.set_read(ids[0]) is False  # already read: no write
    store.undo()  # the star, not the read mark
    assert store.reading_state(ids[0]).read and not store.reading_state(ids[0]).starred
    store.redo()
    store.close()
    reopened = AnnotationStore(db_file)
    states = reopened.reading_states()
    assert states[ids[0]].read and states[ids[0]].starred
    assert not states[ids[1]].read and states[ids[1]].starred
    assert reopened.toggle_star(ids) is False  # all starred: the toggle unstars
    assert reopened.reading_states()[ids[0]].starred is False
    reopened.close()


def test_a_tag_never_starts_with_a_minus():
    # In the prompt "-defense" means "remove #defense", so such a tag could never be removed.
    assert normalise_tag("-defense") == "defense"
    assert normalise_tag("--x-y") == "x-y"
    assert normalise_tag("-") == ""


def test_a_new_file_whose_first_change_is_a_read_mark_is_not_upgraded_later(db_file: Path):
    store = AnnotationStore(db_file)
    store.set_read("a1")  # opening an article is often the very first write
    store.close()
    again = AnnotationStore(db_file)
    assert again.problems == []  # no "Upgraded … from schema 1" on the next start
    assert not list(db_file.parent.glob("*.schema-*.bak"))
    assert again.reading_state("a1").read
    again.close()
