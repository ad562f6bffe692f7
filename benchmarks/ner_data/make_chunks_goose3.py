"""Cut the English news pages in goose3's test fixtures into annotation units (second source).

Provenance and the split are fixed here, before any annotation or tuning:

- Source: the goose3 repository (Apache-2.0), commit c5a8902eed0c4592a1ff5ec51a0277cf73a3aca7,
  ``tests/data/content/test_<name>.html`` (the sdist does not ship them). Mostly US outlets
  from 2010-2014: BusinessWeek, Business Insider, CNET, ESPN, Fox News, the Guardian,
  HuffPost (an AP story), Politico, TechCrunch, TIME, Yahoo (an AP story), plus two UK
  pages (an accountancy trade story and an Edinburgh local story). Pages that are not
  English news articles (French, blog posts, comment pages, empty extractions) are left out.
- Text: the contents of ``<p>`` elements outside scripts, whitespace collapsed, keeping
  paragraphs of at least 12 words (drops captions, bylines and share buttons), joined by a
  blank line.
- Units: consecutive paragraphs until at least 120 words; only the first unit of each
  page, so each page counts once.
- Split: the 16 names sorted; positions i % 4 == 3 are held out (the same rule as
  ``make_chunks.py``), never looked at while tuning the recognizer.

Usage: python make_chunks_goose3.py DIR_WITH_test_NAME.html >> texts.jsonl
"""

from __future__ import annotations

import json
import sys
from html.parser import HTMLParser
from pathlib import Path

COMMIT = "c5a8902eed0c4592a1ff5ec51a0277cf73a3aca7"
NAMES = sorted(
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
)
MIN_PARAGRAPH_WORDS = 12
MIN_WORDS = 120


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.current: list[str] | None = None
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
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


def first_unit(html: str) -> tuple[int, str]:
    parser = _Paragraphs()
    parser.feed(html)
    taken: list[str] = []
    for paragraph in parser.found:
        taken.append(paragraph)
        if sum(len(p.split()) for p in taken) >= MIN_WORDS:
            break
    return len(taken) - 1, "\n\n".join(taken)


def main() -> None:
    folder = Path(sys.argv[1])
    for position, name in enumerate(NAMES):
        split = "heldout" if position % 4 == 3 else "dev"
        html = (folder / f"test_{name}.html").read_text(encoding="utf-8", errors="replace")
        last, text = first_unit(html)
        record = {
            "id": f"goose3_{name}_0",
            "split": split,
            "source": (
                f"goose3 repository {COMMIT[:12]}, tests/data/content/test_{name}.html, "
                f"kept paragraphs 0-{last}"
            ),
            "text": text,
        }
        print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
