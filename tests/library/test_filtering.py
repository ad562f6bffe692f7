"""The filter language of the list: words and fields, as a person types them."""

from __future__ import annotations

import pytest

from briefreader.annotations.model import Annotation, ReadingState
from briefreader.library.filtering import ListEntry, filter_entries, parse_query, sort_entries
from briefreader.library.indexing import pack_names
from briefreader.library.summary import ArticleSummary


def entry(
    article_id: str,
    title: str,
    date_iso: str | None = None,
    place: str | None = None,
    agency: str | None = None,
    tags: tuple[str, ...] = (),
    note: str = "",
    read: bool = False,
    starred: bool = False,
    names: tuple[tuple[str, str], ...] = (),
    highlights: int = 0,
    lede: str = "",
) -> ListEntry:
    summary = ArticleSummary(
        article_id,
        f"/news/{article_id}.txt",
        title,
        date_iso,
        date_iso,
        place,
        agency,
        3,
        lede=lede,
    )
    return ListEntry(
        summary,
        Annotation(article_id, tags=list(tags), note=note),
        ReadingState(read=read, starred=starred),
        pack_names(names),
        highlights,
    )


LIBRARY = [
    entry(
        "a",
        "Union State defenses",
        "2025-10-26",
        "Minsk",
        "TASS",
        ("defense",),
        "watch this",
        names=(("PERSON", "Dmitry Mezentsev"), ("ORG", "Union State")),
        lede="The process of strengthening the defense capabilities",
    ),
    entry(
        "b",
        "No plans to expand forces",
        "2025-12-19",
        "Minsk",
        "TASS",
        ("Defense", "follow-up"),
        read=True,
        starred=True,
        names=(("PERSON", "Viktor Khrenin"),),
        highlights=2,
    ),
    entry("c", "Markets rally in Tokyo", "2025-09-01", "Tokyo", "Reuters", read=True),
    entry("d", "Undated wire", None, None, "AP"),
]


def ids(query: str) -> list[str]:
    kept, problems = filter_entries(LIBRARY, query)
    assert problems == [], problems
    return [e.summary.id for e in kept]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["a", "b", "c", "d"]),
        ("minsk", ["a", "b"]),
        ("MINSK plans", ["b"]),
        ("tag:defense", ["a", "b"]),  # tags compare case-insensitively
        ("tag:#follow-up", ["b"]),
        ("-tag:defense", ["c", "d"]),
        ("place:tokyo", ["c"]),
        ("source:reuters", ["c"]),
        ('entity:"Dmitry Mezentsev"', ["a"]),
        ("entity:khrenin", ["b"]),
        ("mezentsev", ["a"]),  # free words look in entity names too
        ("strengthening", ["a"]),  # and in the start of the text
        ("after:2025-10-01", ["a", "b"]),
        ("after:2025-10", ["a", "b"]),
        ("before:2025-10-26", ["a", "c"]),
        ("after:2025-10-01 before:2025-11-30", ["a"]),
        ("unread", ["a", "d"]),
        ("is:read", ["b", "c"]),
        ("starred", ["b"]),
        ("has:note", ["a"]),
        ("has:highlight", ["b"]),
        ("annotated", ["a", "b"]),
        ("untagged", ["c", "d"]),
        ("tag:defense unread place:minsk", ["a"]),
        ('entity:"Dmitry Mez', ["a"]),  # an unclosed quote while typing still works
    ],
)
def test_filter(query: str, expected: list[str]):
    assert ids(query) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("after:yesterday", "after: needs a date like 2025-10-01"),
        ("after:2025-13", "after: needs a date like 2025-10-01"),  # no 13th month
        ("before:2025-02-30", "before: needs a date like 2025-10-01"),
        ("is:bogus", "is:bogus is not known"),
        ("tag:", "tag: needs a value"),
    ],
)
def test_nonsense_is_reported_not_ignored(query: str, message: str):
    parsed = parse_query(query)
    assert any(message in problem for problem in parsed.problems)


def test_unknown_field_is_a_plain_word():
    assert ids("http://x") == []


@pytest.mark.parametrize(
    ("key", "descending", "expected"),
    [
        ("date", True, ["b", "a", "c", "d"]),
        ("date", False, ["d", "c", "a", "b"]),
        ("title", False, ["c", "b", "d", "a"]),
        ("place", False, ["d", "b", "a", "c"]),  # equal places keep newest first
        ("source", False, ["d", "c", "b", "a"]),
        ("tags", True, ["b", "a", "c", "d"]),
        ("marks", True, ["b", "a", "c", "d"]),
        ("state", True, ["b", "a", "d", "c"]),
    ],
)
def test_sort_by_any_column(key: str, descending: bool, expected: list[str]):
    assert [e.summary.id for e in sort_entries(LIBRARY, key, descending)] == expected


def test_typed_plain_quotes_and_dashes_find_typographic_ones():
    rows = [
        entry("a", "Kremlin: “We don’t comment” — Peskov"),
        entry("b", "Markets rally in Tokyo"),
    ]
    kept, _ = filter_entries(rows, "don't")
    assert [e.summary.id for e in kept] == ["a"]
    assert [e.summary.id for e in filter_entries(rows, "comment”")[0]] == ["a"]
    plain = [entry("c", 'He said "no" - twice')]
    assert filter_entries(plain, "“no”")[0] == plain  # and the other way round


def test_entity_labels_are_not_searchable_words():
    rows = [
        entry("a", "One", names=(("PERSON", "Viktor Khrenin"), ("PLACE", "Minsk"))),
        entry("b", "Two", names=(("ORG", "TASS"),)),
    ]
    assert filter_entries(rows, "entity:person")[0] == []
    assert filter_entries(rows, "place")[0] == []
    assert [e.summary.id for e in filter_entries(rows, "khrenin")[0]] == ["a"]
    assert [e.summary.id for e in filter_entries(rows, "entity:tass")[0]] == ["b"]


def test_typographic_double_quotes_group_words_like_plain_ones():
    rows = [
        entry("a", "Calm and balanced, says Peskov", names=(("PERSON", "Dmitry Peskov"),)),
        entry("b", "Balanced budget in Minsk", names=(("PERSON", "Dmitry Medvedev"),)),
    ]
    assert [e.summary.id for e in filter_entries(rows, "entity:“Dmitry Peskov”")[0]] == ["a"]
    assert [e.summary.id for e in filter_entries(rows, "“calm and balanced”")[0]] == ["a"]


def test_date_bounds_say_how_many_articles_have_no_year():
    rows = [entry("a", "Dated", date_iso="2025-11-05"), entry("b", "Yearless")]
    rows[1].summary = ArticleSummary(
        "b", "/news/b.txt", "Yearless", "August 1", None, None, None, 3
    )
    kept, problems = filter_entries(rows, "after:2025-11-01")
    assert [e.summary.id for e in kept] == ["a"]
    assert problems == ["1 article dated without a year: after: cannot place them"]
    assert filter_entries(rows, "dated")[1] == []  # no date bound, nothing to say
