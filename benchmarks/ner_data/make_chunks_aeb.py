"""Cut English news pages of Zyte's article-extraction benchmark into units (sixth source).

Provenance and the split are fixed here, before any annotation or tuning:

- Source: ``ground-truth.json`` of the article-extraction-benchmark repository
  (github.com/scrapinghub/article-extraction-benchmark, commit 4a3bc97, 2026; MIT licence).
  Each record holds a page's URL and its hand-checked article body (the pages themselves
  are in ``html/<sha256>.html.gz``). Only English news stories from outlets and regions
  not in the earlier sources, or new stories of them: wire copy (AP), Al Jazeera,
  Al Bawaba (Middle East), Deccan Herald, Moneycontrol, India Post and News Nation (South
  Asia), The Paradigm (Nigeria), PanArmenian, RT, Polygraph.info (VOA), Sky News, City
  A.M. and the Express (UK), CTV and Sportsnet (Canada), business (Barron's), sports (CBS
  Sports, Times Union, Twin Cities, Florida Today) and US regional papers (Houston
  Chronicle, Detroit News, SFGate), SpaceNews, pv magazine and AutoIndustriya
  (Philippines).
- Text: the ``articleBody`` as given, one paragraph per line; lines of at least 12 words
  are kept (drops captions, embedded-tweet lines and bylines).
- Units: consecutive paragraphs until at least 120 words; the first unit of each page.
- Split: the 32 names sorted; positions i % 4 == 3 are held out (the rule of
  ``make_chunks.py``), never looked at while tuning the recognizer.

Usage: python make_chunks_aeb.py path/to/ground-truth.json >> texts.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# short name -> first 8 hex digits of the page's sha256 key in ground-truth.json
PAGES = {
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
NAMES = sorted(PAGES)
MIN_PARAGRAPH_WORDS = 12
MIN_WORDS = 120


def first_unit(body: str) -> tuple[int, str] | None:
    found = [" ".join(line.split()) for line in body.splitlines()]
    found = [line for line in found if len(line.split()) >= MIN_PARAGRAPH_WORDS]
    taken: list[str] = []
    for index, paragraph in enumerate(found):
        taken.append(paragraph)
        if sum(len(p.split()) for p in taken) >= MIN_WORDS:
            return index, "\n\n".join(taken)
    return None


def main() -> None:
    truth = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    for position, name in enumerate(NAMES):
        (key,) = [k for k in truth if k.startswith(PAGES[name])]
        cut = first_unit(truth[key]["articleBody"])
        if cut is None:
            continue
        record = {
            "id": "aeb_" + name.replace("-", "_") + "_0",
            "split": "heldout" if position % 4 == 3 else "dev",
            "source": (
                f"article-extraction-benchmark (4a3bc97), ground-truth.json, {truth[key]['url']}, "
                f"articleBody, kept paragraphs 0-{cut[0]}"
            ),
            "text": cut[1],
        }
        print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
