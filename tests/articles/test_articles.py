"""Article parsing: headline, subtitle, dateline, body, ids and every kind of file we may meet."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefreader.articles.article import read_article
from briefreader.articles.decoding import ArticleError
from briefreader.articles.parsing import Article, article_id, parse_article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_000 = SEEDS / "000_d411f9fd35a54ee2.txt"
SEED_002 = SEEDS / "002_e81098f512d6ea99.txt"


def all_parts(article: Article) -> list[str]:
    return [
        article.title,
        article.subtitle_text,
        *(article.part(span) for span in article.body),
    ]


# -- the two bundled TASS stories ------------------------------------------------------


def test_seed_002_headline_subtitle_and_dateline():
    article = read_article(SEED_002)
    assert article.title == (
        "Bolstering Union State’s defenses continues in response to new threats — alliance official"
    )
    assert article.part(article.headline) == article.title
    assert article.subtitle_text.startswith("Dmitry Mezentsev pointed out")
    assert article.place == "Minsk"
    assert article.date == "October 26"
    assert article.agency == "TASS"
    assert article.part(article.dateline) == "MINSK, October 26. /TASS/. "
    assert article.part(article.body[0]).startswith("The process of strengthening")
    assert len(article.body) == 5


def test_seed_002_site_boilerplate_is_dropped():
    article = read_article(SEED_002)
    assert article.text.startswith("All news")  # the file has it ...
    for part in all_parts(article):
        assert "All news" not in part  # ... but no part of the story does


def test_seed_000_without_headline_takes_title_from_lede():
    article = read_article(SEED_000)
    assert article.headline is None
    assert article.title.startswith("There are no plans")
    assert len(article.title) <= 90
    assert "told reporters" not in article.title
    assert article.title == (
        "There are no plans to expand the regional group of forces of Russia and Belarus"
    )
    assert article.date_iso == "2025-12-19"
    assert article.place == "Minsk"
    assert article.agency == "TASS"
    assert article.part(article.body[0]).startswith("There are no plans to expand")


def test_parts_are_offsets_into_the_text_as_read():
    for seed in (SEED_000, SEED_002):
        article = read_article(seed)
        assert article.text == seed.read_text(encoding="utf-8")
        spans = [s for s in (article.headline, article.subtitle, article.dateline) if s]
        spans += list(article.body)
        for span in spans:
            assert 0 <= span.start < span.end <= len(article.text)
        starts = [s.start for s in spans]
        assert starts == sorted(starts)


# -- ids -------------------------------------------------------------------------------


def test_ids_are_twelve_hex_digits():
    for seed in (SEED_000, SEED_002):
        assert re.fullmatch(r"[0-9a-f]{12}", read_article(seed).id)


def test_id_survives_whitespace_changes_and_moving_the_file(tmp_path: Path):
    text = SEED_002.read_text(encoding="utf-8")
    original = read_article(SEED_002).id

    moved = tmp_path / "elsewhere" / "renamed.txt"
    moved.parent.mkdir()
    moved.write_text(text, encoding="utf-8")
    assert read_article(moved).id == original

    respaced = tmp_path / "respaced.txt"
    respaced.write_text(
        "\n\n" + text.replace("\n\n", "\n \n\n").replace(". ", ".  ") + "\n  \n", encoding="utf-8"
    )
    assert read_article(respaced).id == original

    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert read_article(crlf).id == original


def test_different_text_gives_different_id():
    assert read_article(SEED_000).id != read_article(SEED_002).id
    base = "MINSK, October 26. /TASS/. Troops were moved."
    assert article_id(base) != article_id(base.replace("moved", "removed"))
    assert parse_article(base).id == article_id(base)


# -- other agencies' datelines ---------------------------------------------------------


def test_reuters_dateline():
    text = (
        "Ukraine says drones downed\n\n"
        "KYIV, Oct 26 (Reuters) - Ukraine said on Thursday its air defences shot down 20 drones."
        "\n\nMore text here."
    )
    article = parse_article(text)
    assert article.title == "Ukraine says drones downed"
    assert article.place == "Kyiv"
    assert article.date == "Oct 26"
    assert article.agency == "Reuters"
    assert article.part(article.dateline) == "KYIV, Oct 26 (Reuters) - "
    assert article.part(article.body[0]).startswith("Ukraine said on Thursday")


def test_reuters_dateline_with_year_has_iso_date():
    article = parse_article("KYIV, Oct 26, 2023 (Reuters) - Ukraine said its defences held.")
    assert article.date_iso == "2023-10-26"
    assert article.agency == "Reuters"


def test_ap_dateline():
    text = "WASHINGTON (AP) — The Senate voted on Tuesday to pass the bill.\n\nSecond paragraph."
    article = parse_article(text)
    assert article.place == "Washington"
    assert article.agency == "AP"
    assert article.part(article.dateline) == "WASHINGTON (AP) — "
    assert article.title == "The Senate voted on Tuesday to pass the bill"
    assert [article.part(s) for s in article.body] == [
        "The Senate voted on Tuesday to pass the bill.",
        "Second paragraph.",
    ]


# -- files of every kind ---------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>Site name | World</title>
<script>var tracking = "All news";</script><style>p { color: red }</style></head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<h1>Real <em>headline</em> &amp; more</h1>
<p>MINSK, October 26. /TASS/. The <b>process</b> continues.</p>
<p>Second paragraph.</p>
<footer>Copyright</footer>
</body></html>
"""


def test_html_tags_stripped_scripts_and_nav_dropped(tmp_path: Path):
    page = tmp_path / "story.html"
    page.write_text(PAGE, encoding="utf-8")
    article = read_article(page)
    assert article.title == "Real headline & more"
    assert article.place == "Minsk"
    assert article.agency == "TASS"
    body = [article.part(s) for s in article.body]
    assert body == ["The process continues.", "Second paragraph."]
    for dropped in ("<", ">", "tracking", "color", "Home", "Site name", "Copyright"):
        assert dropped not in article.text


def test_htm_suffix_is_html_too(tmp_path: Path):
    page = tmp_path / "story.HTM"
    page.write_text("<h1>Head line</h1><p>Body <i>text</i> here.</p>", encoding="utf-8")
    article = read_article(page)
    assert article.title == "Head line"
    assert "<" not in article.text


TEXT_CRLF = "Headline here\r\n\r\nMINSK, October 26. /TASS/. Body text is here.\r\nSecond line.\r\n"
TEXT_LF = TEXT_CRLF.replace("\r\n", "\n")


def test_utf16_with_bom(tmp_path: Path):
    story = tmp_path / "utf16.txt"
    story.write_bytes(TEXT_CRLF.encode("utf-16"))
    article = read_article(story)
    assert article.text == TEXT_LF
    assert article.title == "Headline here"
    assert article.agency == "TASS"
    assert article.notes == ()


def test_crlf_offsets_are_into_text_with_plain_newlines(tmp_path: Path):
    story = tmp_path / "crlf.txt"
    story.write_bytes(TEXT_CRLF.encode("utf-8"))
    article = read_article(story)
    assert "\r" not in article.text
    assert article.text == story.read_text(encoding="utf-8")  # what Python's text mode sees
    assert article.part(article.dateline) == "MINSK, October 26. /TASS/. "
    body = article.part(article.body[0])
    assert body == "Body text is here.\nSecond line."
    assert article.text.index("Body text") == article.body[0].start


def test_invalid_utf8_falls_back_with_a_note(tmp_path: Path):
    story = tmp_path / "latin.txt"
    story.write_bytes("Café news\n\nMINSK, October 26. /TASS/. Body.".encode("cp1252"))
    article = read_article(story)
    assert article.title == "Café news"
    assert len(article.notes) == 1
    assert "UTF-8" in article.notes[0]


def test_valid_utf8_has_no_note():
    assert read_article(SEED_002).notes == ()


def test_binary_file_raises_article_error(tmp_path: Path):
    image = tmp_path / "picture.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    with pytest.raises(ArticleError, match="binary"):
        read_article(image)


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n"])
def test_empty_file_raises_article_error(tmp_path: Path, content: bytes):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    with pytest.raises(ArticleError, match="empty"):
        read_article(empty)


def test_missing_file_raises_article_error(tmp_path: Path):
    with pytest.raises(ArticleError, match="not found"):
        read_article(tmp_path / "nope.txt")


@pytest.mark.parametrize("raw", [b"\xff\xfeA", b"\xff\xfe\x00\xd8A\x00", b"\xfe\xff\x00"])
def test_damaged_utf16_is_refused_or_read_with_a_note(tmp_path: Path, raw: bytes):
    # A UTF-16 BOM followed by a torn or invalid sequence: say so, never crash.
    broken = tmp_path / "broken.txt"
    broken.write_bytes(raw)
    try:
        article = read_article(broken)
    except ArticleError as error:
        assert str(error)
    else:
        assert article.notes, "damaged text was read without telling the reader"


# -- never crash -----------------------------------------------------------------------


@settings(max_examples=200)
@given(st.text())
def test_parse_article_never_raises(text: str):
    article = parse_article(text)
    assert re.fullmatch(r"[0-9a-f]{12}", article.id)
    assert isinstance(article.title, str)
    for span in (article.headline, article.subtitle, article.dateline, *article.body):
        if span is not None:
            assert 0 <= span.start <= span.end <= len(text)


_BYTES = st.one_of(
    st.binary(max_size=400),
    st.binary(max_size=400).map(lambda raw: b"\xff\xfe" + raw),  # UTF-16 BOMs
    st.binary(max_size=400).map(lambda raw: b"\xfe\xff" + raw),
    st.text(max_size=400).map(lambda text: text.encode("utf-8")),
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=_BYTES, suffix=st.sampled_from([".txt", ".md", ".html"]))
@example(raw=b"\xff\xfeA", suffix=".txt")
def test_read_article_raises_only_article_error(tmp_path: Path, raw: bytes, suffix: str):
    story = tmp_path / f"fuzz{suffix}"
    story.write_bytes(raw)
    try:
        article = read_article(story)
    except ArticleError as error:
        assert str(error)  # always a reason a person can read
    else:
        assert article.text.strip()


def test_markdown_headline_is_shown_without_its_hashes():
    from briefreader.articles.parsing import parse_article

    text = "# Tokyo hosts G7 finance meeting\n\n*Ministers discuss inflation*\n\nBody text here.\n"
    article = parse_article(text)
    assert article.part(article.headline) == "Tokyo hosts G7 finance meeting"
    assert article.title == "Tokyo hosts G7 finance meeting"


def test_dateline_dates_without_a_year_sort_by_month_and_day():
    from briefreader.articles.dates import month_day_key

    keys = [month_day_key(d) for d in ("Jan 2", "October 26", "Oct 3", "March 5")]
    assert sorted(keys) == ["0000-01-02", "0000-03-05", "0000-10-03", "0000-10-26"]
    assert month_day_key("2025-10-26") == "" and month_day_key(None) == ""


def test_year_less_dates_fit_the_list_column():
    from briefreader.articles.dates import short_date

    assert short_date("February 13") == "Feb 13"
    assert short_date("Sept. 3") == "Sep 3"
    assert short_date("2025-12-19") == "2025-12-19"
    assert short_date(None) == ""
    assert len(short_date("September 30")) <= 10


def test_a_dateline_without_a_year_takes_the_year_of_the_same_day_in_the_text():
    text = "Talks resume\n\nMOSCOW, August 1. /TASS/. On August 1, 2024 the talks began anew.\n"
    article = parse_article(text)
    assert article.date == "August 1" and article.date_iso == "2024-08-01"


def test_a_dateline_without_a_year_takes_the_nearest_year_of_other_full_dates():
    text = "Talks resume\n\nMOSCOW, January 2. /TASS/. Since December 30, 2024 nothing moved.\n"
    assert parse_article(text).date_iso == "2025-01-02"
    text = "Talks\n\nMOSCOW, August 1. /TASS/. The deal of 27 January 2025 holds.\n"
    assert parse_article(text).date_iso == "2025-08-01"


def test_a_dateline_without_a_year_falls_back_to_the_files_modification_time(tmp_path):
    import os
    from datetime import datetime

    story = tmp_path / "story.txt"
    story.write_text("Talks resume\n\nMOSCOW, December 20. /TASS/. Nothing is dated here.\n")
    saved = datetime(2025, 12, 1, 12, 0).timestamp()  # December 20 is after it: a year back
    os.utime(story, (saved, saved))
    assert read_article(story).date_iso == "2024-12-20"
    story.write_text("Talks resume\n\nMOSCOW, November 3. /TASS/. Nothing is dated here.\n")
    os.utime(story, (saved, saved))
    assert read_article(story).date_iso == "2025-11-03"


def test_a_file_saved_days_after_its_dateline_dates_it_before_the_dates_it_recalls(tmp_path):
    # Wire copy is kept the day it comes in; a story recalls dates a year or more back
    # ("signed on December 6, 2024"), which alone would put "December 19" in 2024.
    import os
    from datetime import datetime

    story = tmp_path / "story.txt"
    story.write_text(
        "Pact holds\n\nMINSK, December 19. /TASS/. The pact signed on December 6, 2024 "
        "holds, the minister said.\n"
    )
    assert parse_article(story.read_text()).date_iso == "2024-12-19"  # the text alone
    saved = datetime(2025, 12, 21, 9, 0).timestamp()
    os.utime(story, (saved, saved))
    assert read_article(story).date_iso == "2025-12-19"
    saved = datetime(2026, 6, 1, 9, 0).timestamp()  # saved half a year later: no evidence
    os.utime(story, (saved, saved))
    assert read_article(story).date_iso == "2024-12-19"


def test_a_dateline_without_a_year_stays_yearless_when_nothing_is_known():
    article = parse_article("Talks resume\n\nMOSCOW, August 1. /TASS/. Nothing dated.\n")
    assert article.date == "August 1" and article.date_iso is None
    assert parse_article("X\n\nMOSCOW, February 29. /TASS/. Since March 1, 2023.").date_iso == (
        "2024-02-29"
    )


def test_a_historical_date_in_the_text_does_not_date_the_dateline():
    text = (
        "Memorial\n\nMOSCOW, August 1. /TASS/. Veterans recalled June 22, 1941. The accord "
        "of January 27, 2025 was praised.\n"
    )
    assert parse_article(text).date_iso == "2025-08-01"
    text = "Summit\n\nMOSCOW, December 28. /TASS/. The summit opens on January 5, 2026.\n"
    assert parse_article(text).date_iso == "2025-12-28"


def _full_dates_by_whole_text_patterns(text: str) -> list:
    """The plain way: each full-date pattern run over the whole text (twice as slow)."""
    from datetime import date

    from briefreader.articles.dates import MONTH_PATTERN, MONTHS

    patterns = (
        rf"(?<!\w)(?P<month>{MONTH_PATTERN})\.?[^\S\n]+(?P<day>\d{{1,2}}),?[^\S\n]+(?P<year>\d{{4}})(?!\d)",
        rf"(?<!\w)(?P<day>\d{{1,2}})[^\S\n]+(?P<month>{MONTH_PATTERN})\.?,?[^\S\n]+(?P<year>\d{{4}})(?!\d)",
        r"(?<![\w-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\w-])",
    )
    found = []
    for pattern in patterns:
        for match in re.finditer(pattern, text, re.I):
            month = match.group("month")
            number = int(month) if month.isdigit() else MONTHS[month.casefold()]
            try:
                found.append(date(int(match.group("year")), number, int(match.group("day"))))
            except ValueError:
                continue
    return sorted(found)


_DATE_BITS = st.sampled_from(
    [
        "May",
        "sept.",
        "September",
        "MARCH",
        "Jan",
        "5",
        "31",
        "29",
        "2024",
        "1999",
        "20245",
        "-",
        "-02-",
        "2025-12-19",
        "12",
        ",",
        ".",
        " ",
        "  ",
        "\n",
        "x",
        "on",
        "Feb",
    ]
)


# Up to 30 bits: a month, day and year within 80 characters, the bound full_dates keeps.
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_DATE_BITS, max_size=30).map("".join))
@example("On 2025-12-19 and 12 March 2024, also Sept. 5, 2023 and May  5,2024 x1999")
def test_full_dates_finds_what_the_whole_text_patterns_find(text: str):
    from briefreader.articles.dates import full_dates

    assert sorted(full_dates(text)) == _full_dates_by_whole_text_patterns(text)
