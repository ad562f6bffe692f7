"""The reader: one pass over an article's capitalised runs, left to right.

At each word it takes the longest reading the phrase rules give (an organisation, a
known name, a place, a title before a person...) and keeps the words it cannot place as
unknown mentions, decided later from the whole article (see mention_labels).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefreader.entities import gazetteer as gz
from briefreader.entities.phrases import PhraseFinder
from briefreader.entities.tokens import CONNECTORS, Token
from briefreader.entities.types import ORG, PERSON, PLACE
from briefreader.entities.word_kinds import (
    CAPS_NOISE,
    hyphenated_given,
    hyphenated_title,
    is_acronym,
    is_cap,
    known_surname,
    plural_noun,
)


@dataclass
class Mention:
    """A stretch of a run the reader labelled, or left unknown ("?") for the final pass."""

    start: int
    end: int
    label: str  # PERSON, ORG, PLACE or "?" (unknown, decided after coreference)
    words: tuple[str, ...]
    context: str = ""  # the lower-case word before the run, for unknown names
    sentence_start: bool = False
    in_phrase: bool = False  # next to ordinary capitalised words ("Paris Climate Accord")


class ArticleReader(PhraseFinder):
    """Reads one article: first pass over the runs, then coreference and guesses."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.mid_sentence: set[str] = set()
        self._spoken: dict[str, bool] = {}
        self.org_aliases: set[str] = set()
        self.work_acronyms: set[str] = set()

    def spoken(self, word: str) -> bool:
        """The word acts as a person somewhere in the text ("X said", "according to X").

        Evidence for a lone surname the name lists do not know ("X, who" too). Only such
        words are looked up, each once, by finding the word's occurrences.
        """
        known = self._spoken.get(word)
        if known is None:
            known = self._spoken[word] = _acts_as_person(self.text, word)
        return known

    def ordinary(self, token: Token) -> bool:
        """A capitalised ordinary word inside a title-case phrase, not at a sentence start."""
        word = token.text
        return (
            not token.sentence_start
            and word not in gz.FUNCTION_WORDS
            and word not in gz.TITLES
            and self.common(token)
        )

    def mention(self, run: list[Token], i: int, end: int, label: str) -> Mention:
        before = self.text[max(0, run[i].start - 30) : run[i].start].split()
        context = before[-1].casefold() if before else ""
        words = tuple(t.text for t in run[i:end])
        return Mention(run[i].start, run[end - 1].end, label, words, context, run[i].sentence_start)

    def read_run(self, run: list[Token]) -> list[Mention]:
        """Read one run left to right, taking the longest reading at each position."""
        mentions: list[Mention] = []
        i = 0
        after_title = False
        n = len(run)
        words = [t.text for t in run]
        if n >= 2 and all(is_acronym(w) or w.isupper() for w in words):
            # A shouted heading ("ADD TO CART") unless it is a known name ("NEW YORK").
            if not all(w.title() in gz.PLACES or w in gz.ORGANISATIONS for w in words) and (
                " ".join(words).title() not in gz.PLACES
            ):
                return []
        work_end = _work_spans(run)
        while i < n:
            token = run[i]
            word = token.text
            if word in _SHIP_PREFIXES and i + 1 < n and is_cap(run[i + 1].text):
                i = self.unknown_end(run, i + 1)  # "USS Higgins": ships carry no entities
                after_title = False
                continue
            if i in work_end:
                i = work_end[i]  # "Paris Climate Accord", "US Open": no entities inside
                defined = _DEFINED_ACRONYM.match(self.text, run[i - 1].end)
                if defined:  # "Economic Recovery and Growth Plan (EGRP)": the plan again
                    self.work_acronyms.add(defined.group(1))
                after_title = False
                continue
            if (
                word in CONNECTORS
                or word in gz.FUNCTION_WORDS
                or (
                    token.sentence_start
                    and self.common(token)
                    and not after_title
                    and not (word in gz.TITLES and i + 1 < n and is_cap(run[i + 1].text))
                    and (self.known(run, i)[0] or 0) <= i + 1
                    and (
                        word.endswith(("ing", "ly", "ed"))
                        or (self.org_phrase(run, i) or 0) <= i + 2
                    )
                )
            ):
                i += 1
                after_title = after_title and word in {"of", "the"}
                continue
            org_end = self.org_phrase(run, i)
            known_end, label = self.known(run, i)
            place_end = self.place_phrase(run, i) or self.facility_phrase(run, i)
            qualified = self.qualified_org(run, i)
            best = max(
                (org_end or 0, 1, ORG),
                (known_end or 0, 2, label),
                (place_end or 0, 0, PLACE),
                (qualified or 0, 3, ORG),
            )
            if best[0] > i and not (
                best[2] == PLACE and after_title and self.person_end(run, i) > best[0]
            ):
                if not (best[0] == i + 1 and word in gz.NATIONALITIES):
                    if best[2] == PLACE:
                        best = (self.named_after_place(run, i, best[0]), 0, ORG)
                        if (
                            best[0] == known_end
                            or best[0] == place_end
                            or _POLICE_AFTER.match(self.text, run[best[0] - 1].end)
                        ):
                            best = (best[0], 0, PLACE)  # "West Mercia police": the area
                    end = best[0]
                    if (
                        best[1] == 1
                        and end == i + 1
                        and end < n
                        and run[end].text in _PORTFOLIO_TITLES
                        and not token.possessive
                    ):
                        i += 1  # "Communications Minister Malcolm Turnbull": a portfolio
                        continue
                    if best[2] == ORG and end == known_end and end == i + 1:
                        product_end = self.product_end(run, i, end)
                        if product_end > end:  # "Apple TV", "Amazon Echo Dot", "Google Play"
                            i, after_title = product_end, False
                            continue
                    if (
                        best[2] == ORG
                        and end < n
                        and run[end].text in gz.COUNTRIES
                        and run[end].gap_before == " "
                        and not run[end - 1].possessive
                    ):
                        end += 1  # "Yahoo Japan", "Google China": the company's arm there
                    mentions.append(self.mention(run, i, end, best[2]))
                    i, after_title = end, False
                    continue
            if word == "House" and i + 1 < n and run[i + 1].text in _HOUSE_NEXT:
                if not token.possessive:  # "House Republicans", "House Speaker Pelosi"
                    mentions.append(self.mention(run, i, i + 1, ORG))
                    i, after_title = i + 1, False
                    continue
            if (
                (word in gz.TITLES or hyphenated_title(word))
                and not token.possessive
                and i + 1 < n
                and not (word in gz.GIVEN_NAMES and after_title)
            ):
                if is_cap(run[i + 1].text) and run[i + 1].text not in gz.ORG_HEADS:
                    after_title = True
                    i += 1
                    continue
            if word in gz.NATIONALITIES or word in gz.TITLES or hyphenated_title(word):
                i += 1
                continue
            if self.common(token) and not after_title:
                i += 1
                continue
            if after_title or word in gz.GIVEN_NAMES or hyphenated_given(word):
                end = self.person_end(run, i)
                mentions.append(self.mention(run, i, end, PERSON))
                i, after_title = end, False
                continue
            if is_acronym(word) and word not in CAPS_NOISE:
                end = i + 1
                while end < n and is_cap(run[end].text) and not run[end - 1].possessive:
                    if run[end].text in gz.TITLES or run[end].gap_before != " ":
                        break
                    if plural_noun(run[end].text):
                        break  # "U.S. Treasuries": the country and a thing, not one name
                    end += 1
                mentions.append(self.mention(run, i, end, ORG if end > i + 1 else "?"))
                i = end
                continue
            end = self.unknown_end(run, i)
            unknown = self.mention(run, i, end, "?")
            unknown.in_phrase = (
                ((i > 0 and self.ordinary(run[i - 1])) or (end < n and self.ordinary(run[end])))
                and not (
                    # "with Putin and Russia", "Gates and Rice": a surname next to "and" is no
                    # word of a title-case phrase
                    end == i + 1
                    and known_surname(word)
                    and (i == 0 or run[i - 1].text in CONNECTORS)
                    and (end == n or run[end].text in CONNECTORS)
                )
                and not (
                    # "Marcel Granollers and Feliciano Lopez": a person listed after a person
                    i >= 2
                    and run[i - 1].text == "and"
                    and mentions
                    and mentions[-1].label == PERSON
                    and mentions[-1].end == run[i - 2].end
                    and known_surname(run[end - 1].text)
                )
            )
            mentions.append(unknown)
            i = end
        return mentions


# Last words of the names of laws, treaties, events and awards: the guideline annotates
# neither these names nor the names inside them ("Paris Climate Accord", "US Open").
_WORK_HEADS = gz.load_words("work_heads.txt")


def _work_spans(run: list[Token]) -> dict[int, int]:
    """Start -> end of each law, treaty, event or award name in a run.

    The name is the stretch of capitalised words ending in a head from _WORK_HEADS (not
    crossing a possessive), plus an "of the Name" tail ("Treaty of Versailles"). A head
    opening the run alone is left to the other rules (a capitalised "Open" or "War" at a
    sentence start is an ordinary word).
    """
    spans: dict[int, int] = {}
    n = len(run)
    for j, token in enumerate(run):
        if token.text not in _WORK_HEADS:
            continue
        if (
            j + 1 < n
            and not token.possessive
            and is_cap(run[j + 1].text)
            and run[j + 1].gap_before == " "
        ):
            continue  # "Federal Open Market Committee": the head is inside a longer name
        k = j
        while k > 0 and is_cap(run[k - 1].text) and not run[k - 1].possessive:
            if run[k - 1].text in gz.TITLES:
                break
            k -= 1
        end = j + 1
        if end + 1 < n and run[end].text == "of" and not token.possessive:
            m = end + 1
            while m < n and run[m].text == "the":
                m += 1
            while m < n and is_cap(run[m].text):
                m += 1
                if run[m - 1].possessive:
                    break
            if m > end + 1 and is_cap(run[m - 1].text):
                end = m
        if (k < j or end > j + 1) and " ".join(t.text for t in run[k:end]) not in gz.PLACES:
            spans[k] = max(spans.get(k, end), end)  # "Silver Spring" is a town
    return spans


_SPEECH_VERBS = (
    "said|says|told|tells|added|adds|asked|asks|wrote|writes|noted|notes|explained|argued|"
    "recalled|recalls|replied|responded|insisted|acknowledged|admitted|testified|tweeted|"
    "announced|warned|claimed|stated"
)


CUE_AFTER = re.compile(rf"\s+(?:{_SPEECH_VERBS}|himself|herself)\b|,\s+(?:who|whose)\b")
_CUE_BEFORE = re.compile(rf"\b(?:{_SPEECH_VERBS}|[Aa]ccording to)\s+$")


def _acts_as_person(text: str, word: str) -> bool:
    """An occurrence of word before "said" (", who") or after "says" ("according to")."""
    size = len(word)
    position = text.find(word)
    while position >= 0:
        end = position + size
        if not text[end : end + 1].isalnum() and not text[position - 1 : position].isalnum():
            if CUE_AFTER.match(text, end) or _CUE_BEFORE.search(
                text, max(0, position - 16), position
            ):
                return True
        position = text.find(word, end)
    return False


# After "House" these say it is the US House of Representatives (its parties, its leaders).
_HOUSE_NEXT = gz.load_words("house_next.txt")


_PORTFOLIO_TITLES = frozenset("Minister Secretary Commissioner Spokesman Spokeswoman".split())


_SHIP_PREFIXES = frozenset("USS HMS HMAS HMCS HMNZS INS RFS USNS MV RMS".split())


_DEFINED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z&]+)\)")
_POLICE_AFTER = re.compile(r"\s+police\b")
