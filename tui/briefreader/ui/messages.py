"""Messages that flow up from screens and widgets to the app: what happened, never what to do.

A screen posts one of these and the app, which owns the session and the list of
articles, decides what follows; so no screen needs to know the app's class.
"""

from __future__ import annotations

from textual.message import Message


class AnnotationChanged(Message):
    """Tags or a note changed; article_id None means possibly many (after undo)."""

    def __init__(self, article_id: str | None) -> None:
        super().__init__()
        self.article_id = article_id
