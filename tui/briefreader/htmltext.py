"""Turn an HTML page into readable paragraphs with the standard library's HTML parser.

Scraped pages carry navigation, scripts and footers; only the article's blocks are kept,
one paragraph per block element, so the text parser downstream sees what a reader sees.
"""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCKS = frozenset(
    "address article blockquote br dd div dl dt figcaption h1 h2 h3 h4 h5 h6 hr li main "
    "ol p pre section table td th tr ul".split()
)
_SKIPPED = frozenset("script style noscript nav header footer aside form svg template".split())
_VOID = frozenset("br hr img input meta link area base col embed source track wbr".split())


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.in_title = False
        self.in_h1 = False
        self.title = ""
        self.h1 = ""

    def flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED and tag not in _VOID:
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        elif tag in _BLOCKS:
            self.flush()
            self.in_h1 = tag == "h1" and not self.h1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCKS:
            if self.in_h1 and tag == "h1":
                self.h1 = " ".join("".join(self.current).split())
                self.in_h1 = False
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.skip_depth:
            self.current.append(data)


def html_to_text(markup: str) -> str:
    """Paragraphs separated by blank lines; the <title> leads when the page has no <h1>."""
    collector = _Collector()
    collector.feed(markup)
    collector.close()
    collector.flush()
    blocks = collector.blocks
    title = " ".join(collector.title.split())
    if not collector.h1 and title and (not blocks or blocks[0] != title):
        blocks.insert(0, title)
    return "\n\n".join(blocks)
