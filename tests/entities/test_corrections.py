"""User entity corrections: the pure function, the store's table, the entity index."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from briefreader.annotations.model import Annotation
from briefreader.annotations.repair import repair_tables
from briefreader.annotations.store import AnnotationStore
from briefreader.articles.article import read_article
from briefreader.entities.corrections import (
    ADD,
    ALIAS,
    REJECT,
    RELABEL,
    Correction,
    Corrections,
    NameCorrector,
    apply_corrections,
    canonical_name,
)
from briefreader.entities.index import EntityIndex
from briefreader.entities.recognizer import recognize
from briefreader.entities.types import Entity
from briefreader.library.filtering import ListEntry, filter_entries
from briefreader.library.indexing import pack_names
from briefreader.library.summary import ArticleSummary
from briefreader.session import open_session

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_d411f9fd35a54ee2.txt"


def seed() -> str:
    return SEED.read_text(encoding="utf-8")


def well_formed(text: str, entities: list[Entity]) -> None:
    assert entities == sorted(entities)
    for entity in entities:
        assert text[entity.start : entity.end] == entity.text
    for before, after in itertools.pairwise(entities):
        assert before.end <= after.start


def corrected(*items: Correction) -> list[Entity]:
    text = seed()
    result = apply_corrections(text, recognize(text), items)
    well_formed(text, result)
    return result


def test_no_corrections_leaves_the_recognizer_output():
    text = seed()
    assert apply_corrections(text, recognize(text), []) == recognize(text)


def test_reject_removes_every_mention_whatever_the_case():
    assert any(e.text == "TASS" for e in recognize(seed()))
    result = corrected(Correction(REJECT, "tass"))
    assert not any(e.text == "TASS" for e in result)


def test_relabel_changes_every_mention():
    before = [e for e in recognize(seed()) if e.text == "Minsk"]
    result = [e for e in corrected(Correction(RELABEL, "Minsk", label="ORG")) if e.text == "Minsk"]
    assert len(result) == len(before) > 0
    assert {e.label for e in result} == {"ORG"}


def test_added_name_is_found_everywhere_and_wins_over_overlaps():
    text = seed()
    # "Defense Ministry" lies inside the recognized "Belarusian Defense Ministry".
    assert any(e.text == "Belarusian Defense Ministry" for e in recognize(text))
    result = corrected(Correction(ADD, "Defense Ministry", label="ORG"))
    added = [e for e in result if e.text == "Defense Ministry"]
    assert len(added) == text.count("Defense Ministry")
    assert not any(e.text == "Belarusian Defense Ministry" for e in result)
    # whole words only, and added where the recognizer found nothing at all
    result = apply_corrections(
        "The defence pact and Defense ministry staff.",
        [],
        [Correction(ADD, "defense ministry", label="ORG"), Correction(ADD, "pac", label="ORG")],
    )
    assert [(e.text, e.label) for e in result] == [("Defense ministry", "ORG")]


def test_added_name_with_reject_and_relabel_of_the_same_name():
    result = apply_corrections(
        "Acme Widgets said so.",
        [],
        [
            Correction(ADD, "Acme Widgets", label="ORG"),
            Correction(RELABEL, "Acme Widgets", "PLACE"),
        ],
    )
    assert [(e.text, e.label) for e in result] == [("Acme Widgets", "PLACE")]


def test_alias_merges_under_canonical_name_and_keeps_text():
    rules = Corrections(
        [
            Correction(ALIAS, "Sergei Shoigu", canonical="Sergey Shoigu"),
            Correction(ALIAS, "Shoigu", canonical="Sergei Shoigu"),  # chains are followed
            Correction(ALIAS, "A", canonical="B"),
            Correction(ALIAS, "B", canonical="A"),  # a loop stops
        ]
    )
    assert canonical_name("SHOIGU", rules) == "Sergey Shoigu"
    assert canonical_name("sergei  shoigu", rules) == "Sergey Shoigu"
    assert canonical_name("Khrenin", rules) == "Khrenin"
    assert canonical_name("A", rules) == "B"
    text = seed()
    assert apply_corrections(text, recognize(text), rules) == recognize(text)


@pytest.mark.parametrize(
    ("kind", "extra"),
    [(RELABEL, {"label": "THING"}), (ADD, {}), (ALIAS, {}), ("merge", {})],
)
def test_invalid_corrections_are_refused(kind, extra):
    with pytest.raises(ValueError):
        Correction(kind, "Name", **extra)


# -- the store -------------------------------------------------------------------------


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "briefreader.json"


def test_store_adds_removes_and_undoes_one_step_per_correction(db_file: Path):
    store = AnnotationStore(db_file)
    reject = Correction(REJECT, "TASS")
    alias = Correction(ALIAS, "Shoigu", canonical="Sergey Shoigu")
    assert store.add_correction(reject)
    assert store.add_correction(alias)
    assert not store.add_correction(alias)  # unchanged: nothing recorded
    assert store.corrections() == [reject, alias]
    assert store.undo() is not None
    assert store.corrections() == [reject]
    assert store.redo() is not None
    assert store.corrections() == [reject, alias]
    assert store.remove_correction(reject.key)
    assert store.corrections() == [alias]
    store.undo()
    assert set(store.corrections()) == {reject, alias}
    # a relabel of the same name replaces the earlier one, and undo restores it
    store.add_correction(Correction(RELABEL, "Minsk", label="ORG"))
    store.add_correction(Correction(RELABEL, "minsk", label="PERSON"))
    assert Correction(RELABEL, "minsk", label="PERSON") in store.corrections()
    store.undo()
    assert Correction(RELABEL, "Minsk", label="ORG") in store.corrections()
    store.close()


def test_corrections_survive_reopening_and_apply_to_fresh_recognition(db_file: Path):
    store = AnnotationStore(db_file)
    store.add_correction(Correction(REJECT, "TASS"))
    store.add_correction(Correction(ADD, "Defense Ministry", label="ORG"))
    store.close()
    again = AnnotationStore(db_file)
    text = seed()
    result = apply_corrections(text, recognize(text), again.corrections())
    assert not any(e.text == "TASS" for e in result)
    assert any(e.text == "Defense Ministry" for e in result)
    again.close()


def test_dbrepair_mends_or_leaves_out_hand_edited_corrections():
    tables = {
        "corrections": {
            "1": {"kind": "reject", "name": "TASS", "key": "x"},
            "2": {"kind": "relabel", "name": "Minsk", "label": "CITY"},
            "3": {"kind": "alias", "name": "Shoigu", "canonical": "Sergey Shoigu", "label": 5},
            "4": {"kind": "nonsense", "name": "X"},
        }
    }
    repaired, report = repair_tables(tables)
    docs = repaired["corrections"]
    assert set(docs) == {"1", "3"}
    assert docs["1"]["key"] == "reject:tass" and docs["1"]["label"] == ""
    assert docs["3"]["label"] == "5"
    assert report.left_out == 2 and report.normalised == 2
    assert Correction.from_doc(docs["3"]) == Correction(ALIAS, "Shoigu", "5", "Sergey Shoigu")


# -- the entity index ------------------------------------------------------------------

NAMES = {
    "a1": (("PERSON", "Sergey Shoigu"), ("PLACE", "Minsk"), ("ORG", "TASS"), ("DATE", "Monday")),
    "a2": (("PERSON", "Sergei Shoigu"), ("PLACE", "Minsk"), ("PLACE", "Moscow")),
    "a3": (("PERSON", "Shoigu"), ("PLACE", "Moscow"), ("ORG", "TASS")),
    "a4": (("PLACE", "MINSK"), ("PERSON", "Viktor Khrenin")),
}
ALIASES = [
    Correction(ALIAS, "Sergei Shoigu", canonical="Sergey Shoigu"),
    Correction(ALIAS, "Shoigu", canonical="Sergey Shoigu"),
]


def test_index_merges_aliases_under_the_canonical_name():
    plain = EntityIndex.from_names(NAMES)
    assert plain.count("Shoigu") == 1 and plain.count("Sergey Shoigu") == 1
    index = EntityIndex.from_names(NAMES, ALIASES)
    assert index.articles_for("Sergey Shoigu") == {"a1", "a2", "a3"}
    assert index.articles_for("shoigu") == {"a1", "a2", "a3"}  # an alias finds the same
    assert index.count("Minsk") == 3
    counts = index.counts("PERSON")
    assert counts == {"Sergey Shoigu": 3, "Viktor Khrenin": 1}
    assert index.counts()["Minsk"] == 3  # the mixed-case spelling is shown


def test_index_applies_reject_and_relabel():
    index = EntityIndex.from_names(
        NAMES, [*ALIASES, Correction(REJECT, "TASS"), Correction(RELABEL, "Minsk", label="ORG")]
    )
    assert index.count("TASS") == 0
    assert index.label_of("minsk") == "ORG"
    assert "TASS" not in index.counts()


def test_co_occurring_counts_articles_with_aliases_merged_and_no_dates():
    index = EntityIndex.from_names(NAMES, ALIASES)
    assert index.co_occurring("Shoigu", limit=3) == [("Minsk", 2), ("Moscow", 2), ("TASS", 2)]
    assert index.co_occurring("Viktor Khrenin") == [("Minsk", 1)]
    assert index.co_occurring("nobody") == []


def test_index_builds_for_many_articles():
    names = {
        f"a{i}": tuple(("PERSON", f"Person {j}") for j in range(i % 50, i % 50 + 20))
        for i in range(20_000)
    }
    index = EntityIndex.from_names(names, ALIASES)
    assert index.count("Person 25") > 0
    assert len(index.co_occurring("Person 25", limit=5)) == 5


# -- corrections on names: list filter, export, entity panel ----------------------------


def test_name_corrector_merges_aliases_drops_rejected_and_relabels():
    corrector = NameCorrector(
        [*ALIASES, Correction(REJECT, "TASS"), Correction(RELABEL, "Moscow", label="ORG")]
    )
    assert corrector.names(NAMES["a1"]) == (
        ("PERSON", "Sergey Shoigu"),
        ("PLACE", "Minsk"),
        ("DATE", "Monday"),
    )
    assert corrector.names(NAMES["a3"]) == (("PERSON", "Sergey Shoigu"), ("ORG", "Moscow"))
    both = (("PERSON", "Shoigu"), ("PERSON", "Sergei Shoigu"))
    assert corrector.names(both) == (("PERSON", "Sergey Shoigu"),)  # one entity, not two
    assert NameCorrector().names(NAMES["a4"]) == NAMES["a4"]  # nothing to apply


def _entries(names: dict[str, tuple[tuple[str, str], ...]]) -> list[ListEntry]:
    return [
        ListEntry(
            ArticleSummary(article_id, f"/{article_id}.txt", article_id, None, None, None, None, 0),
            Annotation(article_id),
            packed_names=pack_names(found),
        )
        for article_id, found in names.items()
    ]


def ids(entries: list[ListEntry]) -> list[str]:
    return [e.summary.id for e in entries]


def test_list_filter_by_entity_follows_aliases_and_ignores_rejected_names():
    entries = _entries(NAMES)
    plain, _ = filter_entries(entries, 'entity:"Sergey Shoigu"')
    assert ids(plain) == ["a1"]  # without corrections only the exact spelling matches
    corrector = NameCorrector([*ALIASES, Correction(REJECT, "TASS")])
    merged, _ = filter_entries(entries, 'entity:"Sergey Shoigu"', corrector)
    assert ids(merged) == ["a1", "a2", "a3"]
    by_alias, _ = filter_entries(entries, 'entity:"Sergei Shoigu"', corrector)
    assert ids(by_alias) == ["a1", "a2", "a3"]  # an alias finds what its entity finds
    assert filter_entries(entries, "entity:TASS", corrector)[0] == []
    assert ids(filter_entries(entries, "entity:TASS")[0]) == ["a1", "a3"]


def test_session_reuses_the_entity_index_until_names_or_corrections_change(tmp_path: Path):
    session = open_session(tmp_path / "data")
    try:
        session.library.summaries()
        first = session.entity_index()
        assert session.entity_index() is first  # the second `E` costs nothing
        assert "TASS" in first.counts("ORG")
        session.store.add_correction(Correction(ALIAS, "TASS", canonical="TASS news agency"))
        merged = session.entity_index()
        assert merged is not first and "TASS" not in merged.counts("ORG")
        assert merged.articles_for("TASS") == merged.articles_for("TASS news agency")
        session.store.undo()
        assert "TASS" in session.entity_index().counts("ORG")  # undo is seen too
    finally:
        session.close()


def test_articles_mentioning_a_name_include_longer_names_like_the_filter():
    index = EntityIndex.from_names(NAMES)
    assert index.articles_for("Shoigu") == {"a3"}
    assert index.articles_mentioning("Shoigu") == {"a1", "a2", "a3"}  # Sergey/Sergei Shoigu
    entries = _entries(NAMES)
    assert {e.summary.id for e in filter_entries(entries, "entity:Shoigu")[0]} == (
        index.articles_mentioning("Shoigu")
    )


SIEMENS = (
    "Turbine deal signed\n\nBERLIN, March 3. /TASS/. Siemens Energy signed a turbine deal "
    "with Rosatom, Chancellor Olaf Scholz said.\n"
)


def test_a_marked_name_reaches_the_index_the_filter_and_exports(tmp_path: Path):
    from briefreader.export.data import ExportFilter
    from briefreader.export.run import choose
    from briefreader.library.filtering import ListEntry

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "siemens.txt").write_text(SIEMENS, encoding="utf-8")
    (folder / "other.txt").write_text(
        "Grain talks\n\nANKARA, July 14. /TASS/. Turkey hosted talks on grain exports.\n",
        encoding="utf-8",
    )
    session = open_session(tmp_path / "data")
    try:
        session.library.add([folder])
        (siemens,) = [s for s in session.library.summaries() if s.title == "Turbine deal signed"]
        names = session.library.entity_names
        assert ("ORG", "Siemens") in names.get(siemens.id)  # what the recognizer found
        session.store.add_correction(Correction(ADD, "Siemens Energy", label="ORG"))
        entries = [
            ListEntry(s, Annotation(s.id), packed_names=names.packed_of(s.id))
            for s in session.library.summaries()
        ]
        corrector = session.name_corrector()
        kept, _ = filter_entries(entries, 'entity:"siemens energy"', corrector)
        assert ids(kept) == [siemens.id]
        index = session.entity_index()
        assert index.articles_for("Siemens Energy") == {siemens.id}
        assert index.articles_for("Siemens") == set()  # replaced where the mark covers it
        (item,) = choose(session, ExportFilter(entity="Siemens Energy", include_all=True))
        assert "Siemens Energy" in item.entities["ORG"] and "Siemens" not in item.entities["ORG"]
        session.store.undo()
        assert session.entity_index().articles_for("Siemens") == {siemens.id}
    finally:
        session.close()
    again = open_session(tmp_path / "data")  # a later run: the cache file answers
    try:
        again.library.summaries()
        again.store.add_correction(Correction(ADD, "Siemens Energy", label="ORG"))
        assert again.entity_index().articles_for("Siemens Energy") == {siemens.id}
    finally:
        again.close()


def test_a_mark_is_looked_for_in_the_files_once_not_on_every_keystroke(tmp_path: Path):
    # A filter asks for the marked names on every key: the library (100k rows) is listed
    # and its files read only when the marks or the library changed.
    from briefreader.library.marks import MarkedNames

    story = tmp_path / "siemens.txt"
    story.write_text(SIEMENS, encoding="utf-8")
    article_id = read_article(story).id
    listed: list[int] = []

    def articles():
        listed.append(1)
        return [(article_id, str(story))]

    marks = MarkedNames(tmp_path / "marked-names.json")
    corrections = [Correction(ADD, "Siemens Energy", label="ORG")]
    first = marks.names(corrections, articles, stamp=1)
    assert ("ORG", "Siemens Energy") in first[article_id]
    assert marks.names(corrections, articles, stamp=1) is first
    assert len(listed) == 1
    marks.names(corrections, articles, stamp=2)  # the library changed: listed again
    assert len(listed) == 2
