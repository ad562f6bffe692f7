"""What one capitalised word is: an acronym, name-like, a brand, a known surname.

Small tests on a single word (its shape, and the name lists that give it a reading) that
the reader and the final labelling both ask; nothing here looks at the text around it.
"""

from __future__ import annotations

import re

from briefreader.entities import gazetteer as gz

CAPS_NOISE = gz.load_words("capitals_not_names.txt")


def is_cap(word: str) -> bool:
    """Capitalised: the only words that open or continue a name."""
    return word[:1].isupper()


def is_acronym(word: str) -> bool:
    """Letters and digits in capitals, two or more, dots and "&" aside ("NATO", "U.S.", "G7")."""
    letters = word.replace(".", "").replace("&", "")
    return (
        len(letters) >= 2
        and letters.isalnum()
        and letters[:1].isalpha()
        and letters.upper() == letters
    )


def known_word(word: str) -> bool:
    """A word the lists give another reading: a place, a given name, an ordinary word."""
    return (
        word in gz.PLACES
        or word in gz.GIVEN_NAMES
        or word in gz.NATIONALITIES
        or word in gz.COMMON_WORDS
        or word in gz.ORG_HEADS
    )


def foreign_name(words: tuple[str, ...]) -> bool:
    """No word is an English word or a place, none has a one-letter part ("C-Max")."""
    return not any(
        w.casefold() in gz.ENGLISH_WORDS
        or w in gz.PLACES
        or any(len(part) < 2 for part in w.split("-"))
        for w in words
    )


def plural_noun(word: str) -> bool:
    """Plurals in -ies, -ians, -eans ("Treasuries", "Californians"), unless a surname."""
    return word.endswith(("ies", "ians", "eans")) and word not in gz.SURNAMES


def hyphenated_title(word: str) -> bool:
    """A title written with a hyphen: "Attorney-General", "Vice-President"."""
    if "-" not in word:
        return False
    parts = word.split("-")
    return all(p in gz.TITLES or p in {"in", "of"} for p in parts) and parts[0] in gz.TITLES


def hyphenated_given(word: str) -> bool:
    """Two given names joined by a hyphen: "Eva-Marie", "Jean-Pierre", "Mary-Kate"."""
    if "-" not in word:
        return False
    parts = word.split("-")
    return len(parts) == 2 and all(p in gz.GIVEN_NAMES for p in parts)


def known_surname(word: str) -> bool:
    """A census or notable surname, or one written with an apostrophe ("O'Brien")."""
    return word in gz.SURNAMES or word in gz.NOTABLE_SURNAMES or apostrophe_surname(word)


# "O'Brien", "D’Amato" (a one-letter prefix and a capital), "Nyong'o" (a lower-case tail
# that is no clitic): surnames with an apostrophe inside, which the census lists without it.
_APOSTROPHE_SURNAME = re.compile(
    r"[A-Z][’'][A-Z][a-z]+|[A-Z][a-z]+[’'](?!(?:re|ll|ve|d|m|t|s)$)[a-z]+"
)


def apostrophe_surname(word: str) -> bool:
    """A surname with an apostrophe inside, which the census lists without it."""
    return ("'" in word or "’" in word) and bool(_APOSTROPHE_SURNAME.fullmatch(word))


_CAMEL_RE = re.compile(r"([A-Z][a-z]+)[A-Z][a-z]+(?:[A-Z][a-z]+)*")
_DOMAIN_RE = re.compile(r"[A-Z][\w-]*\.(?:com|org|net|io|Com|Net|Org)")  # "PanARMENIAN.Net"
# Name prefixes before an inner capital: "McKelvey", "DeSantis", "LaGuardia", "DuBois".
_NAME_PREFIXES = frozenset("Mc Mac De Di Da Del La Le Van Von Du Fitz".split())


def brand_like(word: str) -> bool:
    """An inner capital after a lower-case word ("SoundCloud") or a web address."""
    if _DOMAIN_RE.fullmatch(word):
        return True
    camel = _CAMEL_RE.fullmatch(word)
    return camel is not None and camel.group(1) not in _NAME_PREFIXES


def name_like(word: str) -> bool:
    """Title-case letters, maybe with an apostrophe or hyphen inside ("O’Connor")."""
    if re.search(r"[’'](?:re|ll|ve|d|m|t)$", word):
        return False
    core = word.replace("’", "").replace("'", "").replace("-", "").replace(".", "")
    return core.isalpha() and word[:1].isupper() and not word.isupper() and len(core) >= 2
