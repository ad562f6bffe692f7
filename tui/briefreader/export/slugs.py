"""File names from titles that are safe on every system and never leave their folder.

Titles come from scraped articles: `../../etc/x`, `CON`, 300 characters of emoji. A slug
keeps letters (any script), digits and hyphens, avoids names Windows reserves, and gets a
numeric suffix when two articles would otherwise share a file.
"""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 80
_RESERVED = {
    "con", "prn", "aux", "nul",
    *(f"com{n}" for n in range(10)),
    *(f"lpt{n}" for n in range(10)),
}  # fmt: skip
_NOT_WORD = re.compile(r"[^\w]+")


def slugify(text: str, fallback: str = "untitled") -> str:
    """Lower-case words joined by hyphens; never empty, never a path, never reserved."""
    normal = unicodedata.normalize("NFKC", text).casefold()
    slug = _NOT_WORD.sub("-", normal).replace("_", "-")
    slug = re.sub(r"-{2,}", "-", slug).strip("-")[:MAX_SLUG].strip("-")
    if not slug:
        slug = fallback
    if slug.split(".")[0] in _RESERVED:
        slug = f"{slug}-file"
    return slug


class SlugAllocator:
    """Hands out distinct slugs: the same key always gets the same one within an export."""

    def __init__(self) -> None:
        self.by_key: dict[str, str] = {}
        self.taken: set[str] = set()

    def slug(self, key: str, text: str) -> str:
        """The slug for `key` (an article id), made from `text` (its title)."""
        if key in self.by_key:
            return self.by_key[key]
        base = slugify(text)
        slug, counter = base, 2
        while slug.casefold() in self.taken:
            slug = f"{base}-{counter}"
            counter += 1
        self.taken.add(slug.casefold())
        self.by_key[key] = slug
        return slug
