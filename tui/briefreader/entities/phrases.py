"""Where each kind of name ends in a capitalised run: organisations, places, people.

The phrase rules of the reader: a head noun ends an organisation ("Health Ministry") or
a place ("Ben Gurion Airport"), known names match longest first, a facility is a place
only where the text puts something there, a maker's name before a product is no entity.
"""

from __future__ import annotations

import re

from briefreader.entities import gazetteer as gz
from briefreader.entities.tokens import CONNECTORS, Token, previous_char
from briefreader.entities.types import ORG, PLACE
from briefreader.entities.word_kinds import is_acronym, is_cap, name_like, plural_noun


class PhraseFinder:
    """Where each kind of name ends in a capitalised run of one article.

    Each method answers for a run and a start: the end of an organisation named by a
    head noun, a known name, a place phrase, a facility, a product, a person's name.
    The reader tries them all at each word and keeps the longest reading.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower_words = frozenset(re.findall(r"\b[a-z][a-z’']+\b", text))

    def common(self, token: Token) -> bool:
        """A capitalised word that is an ordinary word here, not a name."""
        word = token.text
        if word in gz.COMMON_WORDS:
            return True
        if token.sentence_start and word.endswith(("ing", "ly")) and word not in gz.PLACES:
            return True
        return word.casefold() in self.lower_words and (
            token.sentence_start or word not in gz.GIVEN_NAMES
        )

    def named_after_place(self, run: list[Token], i: int, place_end: int) -> int:
        """End of "Las Vegas Sands", "Texas Instruments", "Boston Globe" after a place.

        In news copy a place followed in the same capitalised run by unknown name words is
        a company, team or paper named after the place; returns place_end when nothing
        follows. A given name in front of a surname stays a person ("Paris Hilton").
        """
        end = place_end
        n = len(run)
        if place_end == i + 1 and is_acronym(run[i].text) and run[i].text in gz.COUNTRIES:
            return place_end  # "US Chinook helicopter", "the U.S. Market": the country
        while end < n and not run[end - 1].possessive and run[end].gap_before == " ":
            token = run[end]
            word = token.text
            if (
                word in gz.PLACES
                or word in gz.TITLES
                or word in gz.NATIONALITIES
                or word in gz.PLACE_HEADS
                or word in gz.GIVEN_NAMES
                or word in CONNECTORS
                or self.common(token)
                or not name_like(word)
                or plural_noun(word)
            ):
                break
            end += 1
        if end > place_end and place_end == i + 1 and run[i].text in gz.GIVEN_NAMES:
            return place_end
        return end

    def qualified_org(self, run: list[Token], i: int) -> int | None:
        """Places and nationality words in front of a known organisation belong to it."""
        k = i
        while k < len(run) and (run[k].text in gz.PLACES or run[k].text in gz.NATIONALITIES):
            if run[k].possessive:
                return None
            k += 1
        if k == i or k >= len(run):
            return None
        end, label = self.known(run, k)
        if label != ORG:
            end = self.org_phrase(run, k)
        return end

    def org_phrase(self, run: list[Token], i: int) -> int | None:
        """End of an organisation named by a head noun: "Health Ministry", "Bank of Japan"."""
        n = len(run)
        j = i
        head_end = None
        while j < n:
            word = run[j].text
            if word in CONNECTORS:
                if (
                    word == "and"
                    and head_end is None
                    and j > i
                    and j + 1 < n
                    and is_cap(run[j + 1].text)
                    and not is_acronym(run[j + 1].text)  # "LNG Esports and JD Gaming"
                    and self.known(run, i)[0] != j  # "United Nations and European Union"
                    and self.org_phrase(run, j + 1) is not None
                ):
                    j += 1
                    continue  # "National Oceanic and Atmospheric Administration"
                break
            if (
                j == i
                and word in gz.GENERIC_ORG_WORDS
                and word in gz.ORG_HEADS
                and j + 2 < n
                and run[j + 1].text == "of"
                and is_cap(run[j + 2].text)
                and not run[j].possessive
            ):
                head_end = j + 1  # "University of Southern California", "Bank of Japan"
                break
            if word in gz.ORG_HEADS and (j > i or run[j].text not in gz.GENERIC_ORG_WORDS):
                head_end = j + 1
                if word in gz.LEGAL_FORMS and not (j + 1 < n and run[j + 1].text in gz.LEGAL_FORMS):
                    break  # "Tata Sons Pvt. Ltd.", "Siemens Energy AG": a legal form ends it
            elif (
                j > i
                and head_end is None
                and run[j - 1].text in gz.ORG_HEADS
                and run[j - 1].text not in gz.GENERIC_ORG_WORDS
            ):
                break
            if run[j].possessive:
                break
            if head_end is None and (word in gz.TITLE_HEADS and word not in gz.ORG_HEADS):
                return None
            if head_end is not None and run[j - 1].text not in CONNECTORS and j >= head_end:
                # After the head only "of/for/on (the) Name" continues the name.
                if word not in gz.ORG_HEADS:
                    break
            j += 1
        if head_end is None:
            return None
        if (
            run[i].text in gz.GIVEN_NAMES
            and head_end - i > 2
            and run[i + 1].text not in (gz.ORG_HEADS)
            and run[i + 1].text not in gz.PLACES  # "Sierra Nevada Corporation"
        ):
            return None  # "Kevin Wallace Foundation" is fine, "Rex Tillerson Exxon" is not
        # Pull in "of the Name" chains after the head.
        k = head_end
        while k < n and run[k].text in {"of", "for", "on", "and"}:
            m = k + 1
            while m < n and run[m].text == "the":
                m += 1
            if m < n and is_cap(run[m].text) and run[k].text != "and":
                k = m + 1
                while k < n and is_cap(run[k].text) and not run[k - 1].possessive:
                    if run[k].text in gz.TITLE_HEADS and run[k].text not in gz.ORG_HEADS:
                        break  # "Federal Reserve Bank of Kansas City President Hoenig"
                    k += 1
                head_end = k
            else:
                break
        # A leading title word is not part of the organisation: "Chief of the Army".
        if run[i].text in gz.TITLE_HEADS and run[i].text not in gz.ORG_HEADS:
            return None
        return head_end

    def place_phrase(self, run: list[Token], i: int) -> int | None:
        """End of a place named by a head noun: "Ben Gurion Airport", "Gulf of Mexico"."""
        n = len(run)
        j = i
        while j < n and is_cap(run[j].text) and run[j].text not in gz.PLACE_HEADS:
            if run[j].possessive or run[j].text in gz.TITLES:
                return None
            j += 1
        if j >= n or j == i or run[j].text not in gz.PLACE_HEADS:
            if j < n and j == i and run[j].text in gz.PLACE_HEADS:
                # "Gulf of Mexico", "Republic of Korea"
                if j + 2 < n and run[j + 1].text == "of" and is_cap(run[j + 2].text):
                    if run[j].text not in gz.GENERIC_PLACE_WORDS:
                        return j + 3
            return None
        if any(self.common(t) and t.text not in _FACILITY_WORDS for t in run[i:j]):
            return None
        if run[j].text in gz.SURNAMES and run[j - 1].text in gz.GIVEN_NAMES:
            return None  # "Kevin Shore", "Sally Ridge": a person, not "Jersey Shore"
        while j + 1 < n and run[j + 1].text in gz.PLACE_HEADS and not run[j].possessive:
            j += 1  # "San Francisco Bay Area": heads one after another
        return j + 1

    def product_end(self, run: list[Token], i: int, end: int) -> int:
        """End of the product names after a company's name ("Amazon Echo Dot").

        The guideline gives products no entities, the maker's name in front included. The
        words after the maker must be no known name, head, title or name part; returns
        end when nothing follows.
        """
        n = len(run)
        k = end
        while k < n and run[k].gap_before == " " and not run[k - 1].possessive:
            word = run[k].text
            if (
                not is_cap(word)
                or word in gz.PLACES
                or word in gz.ORGANISATIONS
                or word in gz.ORG_HEADS
                or word in gz.PLACE_HEADS
                or word in gz.TITLES
                or word in gz.NATIONALITIES
                or word in gz.GIVEN_NAMES
                or word in gz.SURNAMES
                or word in gz.FUNCTION_WORDS
                or word in gz.GENERIC_ORG_WORDS
            ):
                break
            k += 1
        if k == end or (k < n and run[k].gap_before == " " and is_cap(run[k].text)):
            return end  # the stretch goes on with a name: not a product
        # Something one owns or uses: "an Apple TV", "the Amazon Echo Dot", "Verizon Fios
        # TV subscribers". Without such a cue the words may be a division ("CNN Español").
        before = self.text[max(0, run[i].start - 12) : run[i].start].split()
        previous = before[-1].casefold().strip('“"(') if before else ""
        after = _PRODUCT_AFTER.match(self.text, run[k - 1].end)
        if previous in _PRODUCT_BEFORE or after:
            return k
        return end

    def facility_phrase(self, run: list[Token], i: int) -> int | None:
        """End of "Plaza Hotel" in "at the Plaza Hotel", "at Manhattan's Plaza Hotel".

        Hotels, terminals, museums and the like are places only where the text puts
        something there: a place preposition (with or without "the") or a possessive
        place right before the name. Elsewhere "Hotel" or "Museum" ends an organisation
        or a work as often.
        """
        n = len(run)
        j = i
        while j < n and run[j].text not in _FACILITY_HEADS:
            if run[j].possessive or not is_cap(run[j].text) or run[j].text in gz.TITLES:
                return None
            j += 1
        if j == i or j >= n:
            return None
        before = self.text[max(0, run[i].start - 30) : run[i].start].split()
        if before and before[-1] in {"the", "The"}:
            before.pop()
        if not before:
            return None
        previous = before[-1]
        if previous.casefold() in FACILITY_PREPOSITIONS:
            return j + 1
        if any(t.text in _FACILITY_WORDS for t in run[i:j]):
            return j + 1  # "stormed the Bardo National Museum": a named public building
        if previous.endswith(("'s", "’s")) and previous[:-2] in gz.PLACES:
            return j + 1
        return None

    def known(self, run: list[Token], i: int) -> tuple[int | None, str]:
        """Longest known organisation or place starting at i, ORG phrases first."""
        n = len(run)
        word = run[i].text
        longest = gz.KNOWN_PHRASE_LENGTHS.get(word, 1)
        if word.isupper():
            longest = max(longest, gz.KNOWN_PHRASE_LENGTHS.get(word.title(), 1))
        for end in range(min(n, i + min(6, longest)), i, -1):
            if end > i + 1 and any(t.possessive for t in run[i : end - 1]):
                continue
            phrase = word if end == i + 1 else " ".join(t.text for t in run[i:end])
            if phrase in gz.ORGANISATIONS:
                return end, ORG
            if phrase in gz.PLACES or (phrase.isupper() and phrase.title() in gz.PLACES):
                if end == i + 1 and run[i].text in gz.GIVEN_NAMES and i + 1 < n:
                    nxt = run[i + 1].text
                    if (
                        is_cap(nxt)
                        and nxt not in gz.PLACES
                        and nxt not in CONNECTORS
                        and nxt not in gz.TITLES  # "Cleveland DL Larry Ogunjobi": the team
                    ):
                        continue  # "Jordan Henderson", "Georgia Meloni"
                if end == i + 1 and run[i].sentence_start and self.common(run[i]):
                    continue
                return end, PLACE
        if (word in gz.STATE_CODES or word.rstrip(".") in gz.STATE_ABBREVIATIONS) and (
            previous_char(self.text, run[i].start) == ","
        ):
            return i + 1, PLACE
        return None, ""

    def person_end(self, run: list[Token], i: int) -> int:
        """A personal name: given name, initials, particles, surnames; stops at a head."""
        n = len(run)
        j = i + 1
        while j < n and not run[j - 1].possessive:
            word = run[j].text
            if _first_person(self.text, run[j]):
                break  # "If I were Hafner and Franzese I’d": the pronoun
            if word in gz.NAME_PARTICLES and j + 1 < n and is_cap(run[j + 1].text):
                j += 1
                continue
            if not is_cap(word) or word in gz.NATIONALITIES or word in gz.ORG_HEADS:
                break
            if run[j].gap_before != " ":
                break
            if (
                word in gz.COMMON_WORDS
                and not re.fullmatch(r"(?:[A-Z]\.)+", run[j - 1].text)
                and not (word in _MONTH_SURNAMES and j == i + 1 and run[i].text in gz.GIVEN_NAMES)
            ):
                break
            if word in gz.TITLES and j + 1 < n and is_cap(run[j + 1].text):
                break
            j += 1
        return j

    def unknown_end(self, run: list[Token], i: int) -> int:
        n = len(run)
        j = i + 1
        while j < n and not run[j - 1].possessive:
            word = run[j].text
            if _first_person(self.text, run[j]):
                break
            if not is_cap(word) or word in gz.NATIONALITIES or word in gz.TITLES:
                break
            if word in gz.PLACES and j + 1 < n and not is_cap(run[j + 1].text):
                break
            j += 1
        return j


# Heads of buildings that are places only with a preposition of place in front.
_FACILITY_HEADS = gz.load_words("facility_heads.txt")
FACILITY_PREPOSITIONS = frozenset("at in near from to outside inside into".split())
_FACILITY_WORDS = frozenset("National International Royal Memorial Regional Municipal".split())


# Month names that are also surnames: after a known given name, and not followed by a day
# or a year (the date grammar would have claimed it then), "Theresa May" is a person.
_MONTH_SURNAMES = frozenset("May June April August".split())


# Verbs after the pronoun "I" (not "was": "Elizabeth I was queen").
_FIRST_PERSON_AFTER = re.compile(
    r"\s+(?:am|would|will|think|know|have|had|do|did|could|can|should|feel|believe|want|"
    r"said|told|get|got|went|saw|love|like|mean|guess|hope|wish|remember|asked)\b"
)
_I_CONTRACTIONS = frozenset("I’d I'd I’m I'm I’ll I'll I’ve I've".split())


def _first_person(text: str, token: Token) -> bool:
    """The pronoun I ("I’d", "I would"), not a regnal numeral ("Elizabeth I was")."""
    word = token.text
    if word in _I_CONTRACTIONS:
        return True
    return word == "I" and bool(_FIRST_PERSON_AFTER.match(text, token.end))


_PRODUCT_BEFORE = frozenset("a an the new his her their my your its our".split())
_PRODUCT_AFTER = re.compile(
    r"\s+(?:subscribers?|users?|customers?|owners?|app|apps|devices?|speakers?|platform|"
    r"service|services|box|boxes|models?)\b"
)
