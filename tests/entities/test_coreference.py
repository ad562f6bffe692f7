"""A lone surname is the person named in full in the same article; ambiguity is left alone."""

from __future__ import annotations

from pathlib import Path

from briefreader.entities.coreference import fold_surnames, surname_owners
from briefreader.entities.recognizer import recognize
from briefreader.library.indexing import decode_names, names_of
from briefreader.ui.widgets.entity_panel import article_counts

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_d411f9fd35a54ee2.txt"


def test_a_lone_surname_folds_into_the_full_name():
    names = [("PERSON", "Viktor Khrenin"), ("PLACE", "Minsk"), ("PERSON", "Khrenin")]
    assert fold_surnames(names) == [
        ("PERSON", "Viktor Khrenin"),
        ("PLACE", "Minsk"),
        ("PERSON", "Viktor Khrenin"),
    ]


def test_two_people_sharing_the_surname_are_not_guessed():
    names = [("PERSON", "Kim Jong Un"), ("PERSON", "Kim Yo Jong"), ("PERSON", "Kim")]
    assert surname_owners(names) == {}


def test_only_people_fold_and_a_place_named_like_a_surname_stays():
    names = [("PERSON", "Paris Hilton"), ("PLACE", "Hilton"), ("ORG", "Hilton")]
    assert fold_surnames(names) == names


def test_the_index_and_the_panel_count_one_person_for_full_name_and_surname():
    text = SEED.read_text(encoding="utf-8")
    entities = recognize(text)
    assert {e.text for e in entities if e.label == "PERSON"} >= {"Viktor Khrenin", "Khrenin"}
    people = [name for label, name in decode_names(names_of(entities)) if label == "PERSON"]
    assert "Khrenin" not in people and "Viktor Khrenin" in people
    counts = {name: n for label, name, n in article_counts(entities) if label == "PERSON"}
    mentions = sum(1 for e in entities if e.text in ("Viktor Khrenin", "Khrenin"))
    assert counts["Viktor Khrenin"] == mentions and "Khrenin" not in counts
