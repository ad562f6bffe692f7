"""`entities --json` offsets point into the file's text as read, for HTML and CRLF files too.

INTERFACE.md promises offsets into "the article's text as read from the file (UTF-8,
newlines kept)": a script reads the file with newline="" and finds each entity's text at
[start:end]. The article itself (reader, index, annotations) keeps working on the stripped,
newline-normalised text, so these also check that text did not change.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefreader.articles.article import read_article, read_article_source
from briefreader.articles.html import html_to_text, html_to_text_mapped
from briefreader.articles.sourcemap import normalise_newlines
from briefreader.cli import main

STORY = """<!DOCTYPE html>
<html><head><title>Site name | World</title>
<script>var teaser = "<p>Moscow</p>";</script></head>
<body><nav>All news</nav>
<h1>Khrenin visits Beijing</h1>
<p>MINSK, October 26. /TASS/. Belarusian Defense Minister <b>Viktor</b> Khrenin met
officials of the Collective Security Treaty Organization&nbsp;in Minsk on Monday.</p>
<p>AT&amp;T and Gazprom&#8217;s chief Alexei Miller said Russia&nbsp;and Belarus would talk.</p>
</body></html>
"""

PLAIN = (
    "Khrenin visits Beijing\n\n"
    "MINSK, October 26. /TASS/. Belarusian Defense Minister Viktor Khrenin met\n"
    "officials in Moscow on Monday.\n\n"
    "Vladimir Putin said Russia and Belarus would talk.\n"
)


def write(path: Path, text: str, newline: str = "\n", bom: bool = False) -> Path:
    data = text.replace("\n", newline).encode("utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + data if bom else data)
    return path


def entities_json(data: Path, path: Path, capsys) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["--data-dir", str(data), "entities", "--json", str(path)]) == 0
    return json.loads(capsys.readouterr().out)


def file_text(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:  # newlines kept, as promised
        return handle.read()


def readable(raw: str) -> str:
    """What a reader sees of a raw HTML slice: tags dropped, references decoded."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", raw)).split())


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html_entity_offsets_point_into_the_file(tmp_path: Path, capsys, newline, suffix):
    path = write(tmp_path / f"story{suffix}", STORY, newline)
    spans = entities_json(tmp_path / "data", path, capsys)
    text = file_text(path)
    for span in spans:
        assert set(span) == {"start", "end", "label", "text"}
        assert text[span["start"] : span["end"]] == span["text"]
    found = {(span["label"], readable(span["text"])) for span in spans}
    assert {("PERSON", "Viktor Khrenin"), ("PLACE", "Minsk"), ("PERSON", "Alexei Miller")} <= found
    raw = {span["text"] for span in spans}
    # An entity split by a tag takes the tag in; one with a reference keeps it as written.
    assert "Viktor</b> Khrenin" in raw
    assert "AT&amp;T" in raw
    assert "Moscow" not in {readable(t) for t in raw}  # the <script> is not the article


def test_plain_entities_listing_uses_the_same_offsets(tmp_path: Path, capsys):
    path = write(tmp_path / "story.html", STORY, "\r\n")
    spans = entities_json(tmp_path / "data", path, capsys)
    assert main(["--data-dir", str(tmp_path / "data"), "entities", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(spans)
    for line, span in zip(lines, spans, strict=True):
        label, where, shown = line.split(maxsplit=2)
        assert (label, where) == (span["label"], f"{span['start']}-{span['end']}")
        assert shown == readable(span["text"])  # the listing shows the readable text


@pytest.mark.parametrize(
    ("newline", "bom"), [("\r\n", False), ("\r", False), ("\n", True), ("\r\n", True)]
)
def test_text_file_offsets_keep_its_newlines_and_byte_order_mark(
    tmp_path: Path, capsys, newline: str, bom: bool
):
    path = write(tmp_path / "story.txt", PLAIN, newline, bom)
    spans = entities_json(tmp_path / "data", path, capsys)
    text = file_text(path)
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]
    names = {span["text"] for span in spans}
    assert {"Viktor Khrenin", "Vladimir Putin", "Moscow", "Belarus"} <= names


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.html", STORY.encode()),
        ("b.htm", STORY.replace("\n", "\r\n").encode()),
        ("c.txt", PLAIN.replace("\n", "\r\n").encode()),
        ("d.md", b"\xef\xbb\xbf" + PLAIN.encode()),
        ("e.txt", "Caf\xe9 in Minsk\n\nViktor Khrenin met officials.".encode("cp1252")),
        ("f.txt", "\ufeffViktor Khrenin in Minsk.\r\n".encode("utf-16")),
    ],
)
def test_the_source_read_gives_the_same_article(tmp_path: Path, name: str, content: bytes):
    path = tmp_path / name
    path.write_bytes(content)
    source = read_article_source(path)
    assert source.article == read_article(path)
    for span in filter(None, (source.article.headline, *source.article.body)):
        start, end = source.to_source_span(span.start, span.end)
        assert readable(source.file_text[start:end]) == readable(source.article.part(span))


def test_newline_map_leads_back_to_crlf():
    text, offsets = normalise_newlines("\ufeffa\r\nb\rc\n")
    assert text == "a\nb\nc\n"
    assert offsets.span(0, 1) == (1, 2)
    assert offsets.span(1, 2) == (2, 4)  # "\n" came from "\r\n"
    assert offsets.span(2, 5) == (4, 7)


_PIECES = [
    "<p>",
    "</p>",
    "<h1>",
    "</h1>",
    "<b>",
    "</b>",
    "<div class='x'>",
    "</div>",
    "<br>",
    "<title>",
    "</title>",
    "<script>a = '&amp; <p>';</script>",
    "<nav>menu</nav>",
    "<!-- note -->",
    "&amp;",
    "&nbsp;",
    "&lt;",
    "&#8212;",
    "&#x41;",
    "&notit;",
    "&amp",
    "&bogus;",
    "& ",
    "a < b",
    "<",
    "\n",
    "  ",
    "Viktor Khrenin",
    "Минск",
    "\xa0",
    "<a href='?a=1&b=2'>link</a>",
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_every_stripped_character_maps_to_markup_that_makes_it(markup: str):
    text, offsets = html_to_text_mapped(markup)
    assert text == html_to_text(markup)  # the article's text (and so its id) is unchanged
    assert len(offsets.starts) == len(offsets.ends) == len(text)
    for index, char in enumerate(text):
        start, end = offsets.starts[index], offsets.ends[index]
        if start == end:  # inserted between blocks
            assert char == "\n"
            continue
        source = markup[start:end]
        made = html.unescape(source)
        assert source == char or char in made or (char == " " and made.isspace()), (
            index,
            char,
            source,
        )
