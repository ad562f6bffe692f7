"""Cut English news pages among Mozilla Readability's test pages into units (fifth source).

Provenance and the split are fixed here, before any annotation or tuning:

- Source: ``test/test-pages/<name>/source.html`` of the Readability repository
  (github.com/mozilla/readability, commit ab4027a, 2026; Apache-2.0; the npm package
  ``@mozilla/readability`` is built from it but ships no test pages). Only English news
  pages from outlets not in the earlier sources, or new stories of them: the BBC,
  Breitbart, BuzzFeed, CityLab, the Herald Sun (Australia), The New York Times, Salon,
  The Seattle Times, The Telegraph (UK), TMZ, The Washington Post and Yahoo News.
- Text and units as in ``make_chunks_postlight.py`` (trafilatura 2.3.1 in a throwaway
  venv, paragraphs of 12+ words, the first unit of 120+ words of each page).
- Split: the 12 names sorted; positions i % 4 == 3 are held out (the rule of
  ``make_chunks.py``), never looked at while tuning the recognizer.

Usage: python make_chunks_readability.py path/to/readability/test/test-pages >> texts.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from make_chunks_postlight import first_unit, paragraphs

NAMES = sorted(
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
)


def main() -> None:
    folder = Path(sys.argv[1])
    for position, name in enumerate(NAMES):
        html = (folder / name / "source.html").read_text(encoding="utf-8", errors="replace")
        cut = first_unit(paragraphs(html))
        if cut is None:
            continue
        record = {
            "id": "readability_" + name.replace("-", "_") + "_0",
            "split": "heldout" if position % 4 == 3 else "dev",
            "source": (
                f"Mozilla Readability repository (ab4027a), test/test-pages/{name}/source.html, "
                f"trafilatura text, kept paragraphs 0-{cut[0]}"
            ),
            "text": cut[1],
        }
        print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
