"""Cut the English article texts shipped in the newspaper4k sdist into annotation units.

Provenance and the split are fixed here, before any annotation or tuning:

- Source: ``newspaper4k-0.9.6.tar.gz`` (sdist), files ``tests/data/txt/*.txt``. Only the
  English articles; ``video_article_01.txt`` (same text as ``cleveland.com1.txt``) and
  ``cnn_summary.txt`` (a summary of ``cnn_article.txt``) are left out as duplicates.
- Units: consecutive paragraphs (blank-line separated) are grouped until a unit has at
  least 120 words; at most the first 6 units of each article are kept, so one long article
  cannot dominate.
- Split: the 12 source files sorted by name; files at positions i % 4 == 3 (cnn_001,
  fox13now_001, yna_co_kr) are held out: never looked at while tuning the recognizer.

Usage: python make_chunks.py path/to/newspaper4k-0.9.6/tests/data/txt > chunks.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FILES = sorted(
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
)
MIN_WORDS = 120
MAX_UNITS = 6


def units(text: str) -> list[tuple[int, int, str]]:
    """Paragraph groups of at least MIN_WORDS words: (first paragraph, last paragraph, text)."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    found: list[tuple[int, int, str]] = []
    start = 0
    current: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        current.append(paragraph)
        if sum(len(p.split()) for p in current) >= MIN_WORDS:
            found.append((start, index, "\n\n".join(current)))
            start, current = index + 1, []
    if current:
        found.append((start, len(paragraphs) - 1, "\n\n".join(current)))
    return found[:MAX_UNITS]


def main() -> None:
    folder = Path(sys.argv[1])
    for position, name in enumerate(FILES):
        split = "heldout" if position % 4 == 3 else "dev"
        text = (folder / name).read_text(encoding="utf-8")
        for number, (first, last, unit) in enumerate(units(text)):
            record = {
                "id": f"{Path(name).stem}_{number}",
                "split": split,
                "source": (
                    f"newspaper4k 0.9.6 sdist, tests/data/txt/{name}, paragraphs {first}-{last}"
                ),
                "text": unit,
            }
            print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
