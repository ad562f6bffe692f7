"""What counts as the user's mistake: one line on stderr, exit status 1, no traceback.

Every command raises UserError for what the user can fix; main() also treats the errors of
reading, looking up, exporting and importing that way, and only those.
"""

from __future__ import annotations

from briefreader.annotations.storage import NewerSchemaError
from briefreader.articles.decoding import ArticleError


class UserError(Exception):
    """A mistake the user can fix; its message is printed as is."""


def user_errors() -> tuple[type[BaseException], ...]:
    """Errors that are the user's to fix: one line, no traceback.

    A function, evaluated only when an error reaches `main`, so opening the reader does
    not import the export and backup code just to name their error classes.
    """
    from briefreader.export.backup import BackupError
    from briefreader.export.writing import ExportError

    return (UserError, ArticleError, LookupError, ExportError, BackupError, NewerSchemaError)
