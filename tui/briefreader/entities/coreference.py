"""Within one article, a surname on its own is the person named in full elsewhere in it.

Wire stories name someone in full once ("Defense Minister Viktor Khrenin") and by surname
after ("Khrenin said"). Counted apart, the entity panel, the library's entity index and
exports would list two people. A one-word person name is folded into the article's one
full name ending with that word; when two full names share it ("Kim Jong Un", "Kim Yo
Jong" and "Kim"), it is left alone rather than guessed.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefreader.entities.corrections import name_key
from briefreader.entities.types import PERSON


def surname_owners(names: Iterable[tuple[str, str]]) -> dict[str, str]:
    """{name_key of a one-word person name: the full name it stands for} in one article."""
    full_by_last: dict[str, set[str]] = {}
    single: set[str] = set()
    for label, name in names:
        if label != PERSON:
            continue
        words = name.split()
        if len(words) == 1:
            single.add(name_key(name))
        elif words:
            full_by_last.setdefault(name_key(words[-1]), set()).add(" ".join(words))
    owners = {}
    for key in single:
        candidates = full_by_last.get(key, set())
        if len({name_key(c) for c in candidates}) == 1:
            owners[key] = min(candidates)  # one person; any of its spellings
    return owners


def fold_surnames(names: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (label, name) pairs with lone surnames replaced by their full name."""
    pairs = list(names)
    owners = surname_owners(pairs)
    if not owners:
        return pairs
    return [
        (label, owners.get(name_key(name), name) if label == PERSON else name)
        for label, name in pairs
    ]
