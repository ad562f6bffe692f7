"""The final label of each mention, from the whole article: coreference and guesses.

People found anywhere make their surnames people everywhere; organisations their short
names. Unknown capitalised words are decided from their context (a preposition of place,
a relative, a role, a speech verb) or dropped, since precision matters as much as recall.
"""

from __future__ import annotations

import re

from briefreader.entities import gazetteer as gz
from briefreader.entities.article_reader import CUE_AFTER, ArticleReader, Mention
from briefreader.entities.text_patterns import DOTTED_PLACES
from briefreader.entities.types import ORG, PERSON, PLACE, Entity
from briefreader.entities.word_kinds import (
    CAPS_NOISE,
    apostrophe_surname,
    brand_like,
    foreign_name,
    is_acronym,
    known_surname,
    known_word,
    name_like,
    plural_noun,
)

_PERSON_VERBS = gz.load_words("person_verbs.txt")
# Nouns that follow an organisation's name ("Wikileaks founder", "Elbit shares").
_ORG_AFTER = gz.load_words("org_nouns_after.txt")
# Kinds of organisation named right before the name ("spyware firm Candiru").
_ORG_BEFORE = gz.load_words("org_kinds_before.txt")
_ORG_PLURALS = gz.load_words("org_plurals.txt")


# Words right before a two-word name that make it the speaker or author ("by X Y",
# "said Sanjiv Bhasin, Director, IIFL Securities").
_SPEAKER_BEFORE = frozenset("by said says added wrote explained noted insisted recalled".split())


# What "the Surname ..." names when it is a politician's time in office, not a company.
_PERSON_ERAS = gz.load_words("person_eras.txt")
# Relatives: the capitalised word right after one is the relative's name.
_KIN = gz.load_words("kin.txt")
# Lower-case roles written right before a name ("Pittsburgh center Maurkice Pouncey",
# "pass rusher Myles Garrett", "math teacher Angela Cooper"): the name is a person's.
_ROLES = gz.load_words("person_roles.txt")


_AUXILIARIES = frozenset("has had was is will would did does".split())


_PLANETS = frozenset("Mercury Venus Mars Jupiter Saturn Uranus Neptune Pluto".split())


# Lower-case words after an unknown name that make it an area ("Logar province").
_AREA_AFTER = gz.load_words("area_nouns_after.txt")
_SERVICES = frozenset({("Army",), ("Navy",), ("Air", "Force"), ("Coast", "Guard")})
_PLACE_PREPOSITIONS = frozenset("in at near outside inside across throughout into".split())


def name_evidence(mention: Mention) -> bool:
    """A known given name or surname in the mention, or "by" in front: more than capitals."""
    words = mention.words
    return (
        words[0] in gz.GIVEN_NAMES
        or (len(words) > 1 and words[-1] in gz.SURNAMES)
        or mention.context == "by"
    )


def person_aliases(mentions: list[Mention], nicknamed: list[Entity]) -> set[str]:
    """Words that name a person found in this article: surnames and handles."""
    aliases: set[str] = set()
    for mention in mentions:
        if mention.label == PERSON and len(mention.words) >= 2:
            for word in mention.words[1:]:
                if word not in gz.NAME_PARTICLES and not re.fullmatch(r"(?:[A-Z]\.)+", word):
                    aliases.add(word)
            aliases.add(" ".join(mention.words[-2:]))
    for entity in nicknamed:
        handle = re.search(r"[“\"]([^”\"]+)[”\"]", entity.text)
        if handle:
            aliases.add(handle.group(1))
    return aliases


def org_aliases(mentions: list[Mention]) -> set[str]:
    """Last words that name an organisation found in this article ("Las Vegas Sands")."""
    found = set()
    for mention in mentions:
        if mention.label == ORG and len(mention.words) == 2 and mention.words[1] in _ALIAS_HEADS:
            first = mention.words[0]  # "Amnesty" after "Amnesty International"
            if name_like(first) and not known_word(first):
                found.add(first)
        if mention.label == ORG and len(mention.words) >= 2:
            word = mention.words[-1]
            if (
                word not in gz.ORG_HEADS
                and word not in gz.GENERIC_ORG_WORDS
                and word not in gz.COMMON_WORDS
                and name_like(word)
            ):
                found.add(word)
    return found


# Second words of a two-word organisation whose first word names it alone afterwards.
_ALIAS_HEADS = frozenset("International Corporation Inc. Inc Corp. Group".split())


def resolve_label(
    text: str, mention: Mention, aliases: set[str], reader: ArticleReader
) -> str | None:
    """The final label of a mention, or None to drop it.

    Unknown capitalised words that survive the gazetteers and the sentence-start filter
    are, in news copy, mostly people named by surname ("Engoron said"), so that is the
    default; a place preposition in front or a shouted acronym says otherwise.
    """
    phrase = " ".join(mention.words)
    if phrase in aliases and mention.label in {"?", PLACE}:
        return PERSON
    if mention.label == "?" and phrase in reader.org_aliases:
        return ORG  # "Sands" after "Las Vegas Sands" in the same article
    if (
        mention.label == PERSON
        and len(mention.words) == 1
        and mention.context in _PLACE_PREPOSITIONS
        and not mention.sentence_start
        and phrase not in aliases
        and not known_surname(phrase)
        and not reader.spoken(phrase)
    ):
        return PLACE  # "a street in Chelsea": a given name alone after "in" is a place
    if mention.label in {PERSON, "?"} and phrase in _PLANETS and not reader.spoken(phrase):
        return None  # "Mars vs. Venus", "a mission to Mars": planets, not people
    if (
        mention.label == PERSON
        and len(mention.words) == 1
        and mention.context == "the"
        and not mention.sentence_start
        and not known_surname(phrase)
        and phrase not in aliases
    ):
        return None  # "the Maxima sports sedan": a given name after "the" names a thing
    if mention.label != "?":
        return mention.label
    words = mention.words
    if all(w in aliases for w in words):
        return PERSON
    if len(words) == 1 and words[0].rstrip(".") in DOTTED_PLACES:
        return PLACE  # "Charleston, S.C.", "L.A.'s schools": a state or city, not an acronym
    if len(words) == 1 and is_acronym(words[0]):
        return None if words[0] in CAPS_NOISE else ORG
    if text[max(0, mention.start - 1) : mention.start] in {"#", "@"}:
        return None
    if words in _SERVICES:
        return ORG  # the guideline's "Chief of the Army": a service named alone is an ORG
    if len(words) == 1 and brand_like(words[0]):
        return ORG  # "TechCrunch", "SoundCloud", "CouponMom.com": not how people are named
    if any(w in gz.COMMON_WORDS or not name_like(w) for w in words):
        return None
    if len(words) > 4 or mention.in_phrase:
        return None
    following = text[mention.end : mention.end + 24].split()
    next_word = following[0].strip(",.:;") if following else ""
    if next_word[:1].isdigit():
        return None  # "Worlds 2023", "Windows 11": events and products
    if len(words) == 1 and mention.context.endswith(("'s", "’s")):
        return None  # "Oner’s Nocturne", "Verizon's TV-anywhere": something owned, unnamed
    if mention.context == "the" and not mention.sentence_start:
        if len(words) == 1 and next_word in _PERSON_ERAS and known_surname(words[0]):
            return PERSON  # "the Bush administration", "the Obama years"
        return None  # people do not take "the"; an unknown "the X" is as often a work or a thing
    if len(words) == 1 and (next_word in _ORG_AFTER or _org_apposition(text, mention)):
        return ORG  # "Wikileaks founder", "spyware firm Candiru", "companies like Elbit"
    if len(words) == 1:
        word = words[0]
        if re.search(r"-[a-z]", word):
            return None  # "Xbox-only", "HDTV-filling", "Blu-ray": a compound, not a name
        if plural_noun(word):
            return None  # plurals: "Treasuries", "Californians"
        if word.endswith(("ian", "ean", "ese", "ish")) and word not in gz.SURNAMES:
            return None  # adjectives from names: "Faustian"
        if word.endswith("ed") and word not in gz.SURNAMES and word not in gz.GIVEN_NAMES:
            return None  # participles in title-case copy: "Scrambled", "Boiled"
        if mention.sentence_start and word not in reader.mid_sentence:
            if next_word not in _PERSON_VERBS and not (
                next_word in _AUXILIARIES and known_surname(word)
            ):
                return None  # "Done," "Heavy winds": ordinary words opening a sentence
    person_like = (
        words[0] in gz.GIVEN_NAMES or words[-1] in gz.SURNAMES or apostrophe_surname(words[-1])
    )
    if len(words) <= 2 and next_word in _AREA_AFTER and not person_like:
        return PLACE  # "Ozark police": the town the force serves; "Logar province"
    if len(words) <= 2 and mention.context.rstrip(",") in _KIN:
        return PERSON  # "his wife Grace", "her mother, Fiona,": a relative named
    if len(words) <= 2 and mention.context in _ROLES:
        return PERSON  # "Pittsburgh center Maurkice Pouncey", "math teacher Angela Cooper"
    if mention.context in _PLACE_PREPOSITIONS and not person_like:
        return PLACE if len(words) > 1 else None
    if len(words) == 1:
        word = words[0]
        if known_surname(word) or reader.spoken(word):
            return PERSON
        return None  # a lone capitalised word with nothing saying it names a person
    if len(words) == 2 and (
        next_word in _PERSON_VERBS
        or mention.context in _SPEAKER_BEFORE
        or CUE_AFTER.match(text, mention.end)
    ):
        return PERSON  # "Alexia Tsotsis said", "said Sanjiv Bhasin", "Rush Limbaugh, who"
    if len(words) == 2 and not mention.sentence_start and foreign_name(words):
        # "Bukola Saraki", "Semyon Varlamov": two name-like words that are no English words
        # nor places, in the middle of a sentence, are a person the name lists do not know,
        # unless the text puts the same words somewhere ("in Tel Rumeida")
        return PLACE if _placed(text, phrase) else PERSON
    return PERSON if person_like else None


_PLACED_BEFORE = r"\b(?:in|at|near|from|to)\s+"


def _placed(text: str, phrase: str) -> bool:
    """The phrase somewhere after a preposition of place ("lives in Tel Rumeida")."""
    return re.search(_PLACED_BEFORE + re.escape(phrase) + r"\b", text) is not None


def _org_apposition(text: str, mention: Mention) -> bool:
    """A common noun for a kind of organisation right before the name, or "companies like".

    The lower-case words before the name ("defence firm Elbit", "carmaker Tesla", "banks
    such as Barclays") are the description news copy gives an organisation the reader may
    not know.
    """
    if mention.context in _ORG_BEFORE:
        return True
    before = text[max(0, mention.start - 40) : mention.start].split()
    if len(before) >= 2 and before[-1] == "like":
        return before[-2].casefold() in _ORG_PLURALS
    if len(before) >= 3 and before[-2:] == ["such", "as"]:
        return before[-3].casefold() in _ORG_PLURALS
    return False
