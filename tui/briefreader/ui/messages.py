"""Messages that flow up from screens and widgets to the app: what happened, or what is asked.

A screen posts one of these and the app, which owns the session, the reader and the
order in which screens show, decides what follows; so no screen needs to know the app's
class (attributes flow down from the app, messages flow up to it).
"""

from __future__ import annotations

from textual.message import Message

from briefreader.library.summary import ArticleSummary


class AnnotationChanged(Message):
    """Tags or a note changed; article_id None means possibly many (after undo)."""

    def __init__(self, article_id: str | None) -> None:
        super().__init__()
        self.article_id = article_id


class OpenArticle(Message):
    """The user asked to read this article (enter on a row)."""

    def __init__(self, summary: ArticleSummary) -> None:
        super().__init__()
        self.summary = summary


class StepArticle(Message):
    """From the reader: the article `step` rows away in the list's order (J/K)."""

    def __init__(self, article_id: str, step: int) -> None:
        super().__init__()
        self.article_id = article_id
        self.step = step


class CursorRested(Message):
    """The list's cursor is on this article now (None: on no row): worth reading ahead."""

    def __init__(self, summary: ArticleSummary | None) -> None:
        super().__init__()
        self.summary = summary


class ArticleEdited(Message):
    """An article's file was edited since it was listed: it has a new id and maybe title."""

    def __init__(self, old_id: str, summary: ArticleSummary) -> None:
        super().__init__()
        self.old_id = old_id
        self.summary = summary


class CorrectionsChanged(Message):
    """An entity correction was saved: marked names are looked for again in every file."""


class ExportAgain(Message):
    """`e`: export with the options used last."""


class FilterByEntity(Message):
    """Back to the list, filtered to the articles that mention this entity."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
