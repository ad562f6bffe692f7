"""Drafts of notes being typed, so a crash costs at most the last second of typing.

The note editor writes its text here about once a second while it changes; closing the
editor saves the note to the store and discards the draft. A draft still present when the
editor opens again is work that a crash interrupted: the editor offers it back.
Each draft is one small file, replaced atomically, so it is never half written.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefreader.atomicfile import atomic_write_text

_UNSAFE = re.compile(r"[^0-9A-Za-z_-]")


class NoteDrafts:
    """Unsaved note text per article, in a folder of the data dir."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, article_id: str) -> Path:
        return self.folder / f"{_UNSAFE.sub('_', article_id)}.md"

    def save(self, article_id: str, text: str) -> None:
        """Keep text as the article's draft (atomically: the old or the new, never half)."""
        atomic_write_text(self._path(article_id), text)

    def load(self, article_id: str) -> str | None:
        """The draft left for the article, or None."""
        try:
            return self._path(article_id).read_text(encoding="utf-8")
        except (FileNotFoundError, UnicodeDecodeError):
            return None

    def discard(self, article_id: str) -> None:
        """Forget the draft once its text is safely in the store."""
        self._path(article_id).unlink(missing_ok=True)
