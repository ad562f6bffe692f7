"""Cut English news pages among the Postlight Parser fixtures into units (fourth source).

Provenance and the split are fixed here, before any annotation or tuning:

- Source: the ``fixtures/*.html`` test pages of the Postlight Parser repository
  (github.com/postlight/parser, commit e8ba7ec, 2023; dual MIT / Apache-2.0; the npm
  package ``@postlight/parser`` is built from it but ships no fixtures). Only English news
  pages from outlets not in the earlier sources: wire services (Reuters), regional papers
  (al.com, Chicago Tribune, Los Angeles Times, Miami Herald, San Diego Union-Tribune,
  New York Daily News, Gothamist), non-US outlets (CBC, NDTV, Times of India, Prospect),
  and national outlets (ABC News, Bloomberg, Fast Company, Fortune, National Geographic,
  NBC News, The New Republic, NPR, The New York Times, Observer, Quartz, The Washington
  Post).
- Text: ``trafilatura.extract(html)`` (trafilatura 2.3.1, defaults; run it in a throwaway
  venv: it is not a dependency of briefreader), one line per paragraph; lines of at least
  12 words are kept (drops headlines, captions and share buttons).
- Units: consecutive paragraphs until at least 120 words; the first unit of each page.
- Split: the 24 names sorted; positions i % 4 == 3 are held out (the rule of
  ``make_chunks.py``), never looked at while tuning the recognizer.

Usage: python make_chunks_postlight.py path/to/parser/fixtures >> texts.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import trafilatura

NAMES = sorted(
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
)
MIN_PARAGRAPH_WORDS = 12
MIN_WORDS = 120


def paragraphs(html: str) -> list[str]:
    lines = [" ".join(line.split()) for line in (trafilatura.extract(html) or "").splitlines()]
    return [line for line in lines if len(line.split()) >= MIN_PARAGRAPH_WORDS]


def first_unit(found: list[str]) -> tuple[int, str] | None:
    taken: list[str] = []
    for index, paragraph in enumerate(found):
        taken.append(paragraph)
        if sum(len(p.split()) for p in taken) >= MIN_WORDS:
            return index, "\n\n".join(taken)
    return None


def main() -> None:
    folder = Path(sys.argv[1])
    for position, name in enumerate(NAMES):
        split = "heldout" if position % 4 == 3 else "dev"
        html = (folder / f"{name}.html").read_text(encoding="utf-8", errors="replace")
        cut = first_unit(paragraphs(html))
        if cut is None:
            continue
        last, text = cut
        record = {
            "id": "postlight_" + name.replace(".", "_").replace("-", "_") + "_0",
            "split": split,
            "source": (
                f"Postlight Parser repository (e8ba7ec), fixtures/{name}.html, "
                f"trafilatura text, kept paragraphs 0-{last}"
            ),
            "text": text,
        }
        print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
