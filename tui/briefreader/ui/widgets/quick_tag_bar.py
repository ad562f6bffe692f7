"""The hint line for quick tags: which number key toggles which tag."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from briefreader.textsafety import one_line


class QuickTagBar(Static):
    """The hint line for quick tags: which key toggles which tag."""

    def __init__(self, quick_tags: dict[str, str]) -> None:
        super().__init__(self.describe(quick_tags), id="quick-tags")

    @staticmethod
    def describe(quick_tags: dict[str, str]) -> Content:
        """'1 important  2 follow-up …' with the keys emphasised."""
        parts: list[str | tuple[str, str]] = ["Quick tags: "]
        for key in sorted(quick_tags):
            parts += [(key, "bold reverse"), f" {one_line(quick_tags[key])}  "]
        if not quick_tags:
            parts.append("none set (config.toml [quick_tags])")
        return Content.assemble(*parts)
