"""The recognizer's word lists are data files: readable, credited and loaded as written."""

from __future__ import annotations

from pathlib import Path

from briefreader.entities import gazetteer as gz

DATA = Path(gz.__file__).resolve().parent / "data"
LISTS = sorted(DATA.glob("*.txt"))


def test_every_list_says_what_it_is_and_has_clean_entries():
    # A blank around an entry would make it never match; a file without its header
    # comment leaves the next reader guessing where the words came from.
    assert len(LISTS) > 30
    for path in LISTS:
        lines = path.read_text(encoding="utf-8").split("\n")
        assert lines[0].startswith("# "), path.name
        assert lines[-1] == "", path.name  # ends with a newline
        entries = [line for line in lines[:-1] if not line.startswith("#")]
        assert entries, path.name
        assert all(entry and entry == entry.strip() for entry in entries), path.name
        assert len(entries) == len(set(entries)), f"{path.name} repeats an entry"


def test_every_list_is_credited_in_the_notice_beside_it_and_at_the_top():
    top = Path(__file__).resolve().parents[2] / "NOTICE"
    for notice in (DATA / "NOTICE", top):
        text = notice.read_text(encoding="utf-8")
        assert [p.name for p in LISTS if p.name not in text] == [], notice


def test_comments_are_not_entries_and_lists_combine_as_the_rules_expect():
    assert not [w for w in gz.ORGANISATIONS | gz.PLACES if w.startswith("#")]
    # entries after a section comment load too ("Steelers" is in the file's last section)
    assert {"Reuters", "Steelers"} <= gz.ORGANISATIONS
    # the title heads are listed once and are titles too
    assert "President" in gz.TITLE_HEADS and gz.TITLE_HEADS <= gz.TITLES
    assert "Vice" in gz.TITLES and "Vice" not in gz.TITLE_HEADS
    # legal forms head organisation names with and without their last full stop
    assert {"Ltd.", "Ltd", "GmbH"} <= gz.ORG_HEADS
