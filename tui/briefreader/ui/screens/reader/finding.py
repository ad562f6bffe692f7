"""Finding words in the article: `/` opens the box, enter jumps to a match, n/N step.

Matching itself lives in briefreader.articles.navigation; this only shows the matches.
"""

from __future__ import annotations

from textual import on
from textual.widgets import Input

from briefreader.articles import navigation
from briefreader.ui.screens.reader.page import ReaderPage


class FindKeys(ReaderPage):
    """`/`, n and N: find in the article and step through the matches."""

    def action_find(self) -> None:
        self.selection = None
        box = self.query_one("#find", Input)
        box.display = True
        self.set_focus(box)  # at once, so keys typed right after "/" reach the box

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        self.find_query = event.value
        self.matches = navigation.find_matches(self.article.text, event.value, self.spans)
        self.current_match = None
        self._refresh_keys()

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#reader").focus()
        if not self.matches:
            self.host.say(f"Not found: {event.value}" if event.value else "Nothing to find")
            return
        self.go_to_match(0)

    def go_to_match(self, index: int) -> None:
        self.current_match = index % len(self.matches)
        self.scroll_to_offset(self.matches[self.current_match][0])
        self._refresh_keys()

    def action_find_next(self) -> None:
        if not self.matches:
            self.host.say(f"No matches for {self.find_query}")
            return
        if self.current_match is None:
            self.go_to_match(navigation.match_after(self.matches, self.top_offset()))
        else:
            self.go_to_match(self.current_match + 1)

    def action_find_previous(self) -> None:
        if not self.matches:
            self.host.say(f"No matches for {self.find_query}")
            return
        if self.current_match is None:
            self.go_to_match(navigation.match_after(self.matches, self.top_offset()) - 1)
        else:
            self.go_to_match(self.current_match - 1)

    def clear_find(self) -> None:
        box = self.query_one("#find", Input)
        box.value = ""
        box.display = False
        self.find_query = ""
        self.matches = []
        self.current_match = None
        self.query_one("#reader").focus()
        self._refresh_keys()
