"""Find people, organisations, places and dates in article text, offline and instantly.

A rule-based recognizer that follows the annotation convention in shared/ner/GUIDELINE.md
(no determiners, titles or possessives inside spans; spans never overlap):

1. a date grammar (calendar dates, weekdays, anchored relative dates, holidays, years in a
   date-like context) claims its characters first (date_grammar), with the names that
   whole-text patterns find (text_patterns: nicknamed people, transcript speakers);
2. the rest of the text is cut into runs of capitalised words (joined by "of", "for the",
   name particles...), never across punctuation or a sentence end (tokens);
3. each run is read left to right (reader, with the phrase rules of phrases):
   organisation phrases ending in a head noun ("Ministry", "University", "Airlines",
   "Department of Justice"), known organisations and places (longest match), place
   phrases ending in a place head noun ("Airport", "County"), titles that announce a
   person ("Defense Minister", "Judge"), given names, acronyms;
4. surnames and nicknames of people found anywhere in the article make the same words
   people everywhere in it (coreference); leftover unknown words are decided from their
   context or dropped, since precision matters as much as recall (mention_labels).

This module puts the steps together. The word lists are data (gazetteer, data/*.txt);
word_kinds holds the tests on a single word. Recognizers share one interface so a
statistical backend can stand in later.
"""

from __future__ import annotations

import re

from briefreader.entities.article_reader import ArticleReader, Mention
from briefreader.entities.date_grammar import find_dates
from briefreader.entities.mention_labels import (
    name_evidence,
    org_aliases,
    person_aliases,
    resolve_label,
)
from briefreader.entities.phrases import FACILITY_PREPOSITIONS
from briefreader.entities.text_patterns import (
    LISTED_PORTFOLIOS_RE,
    before_state,
    headline_lines,
    listed_places,
    nicknamed_people,
    speakers,
    stat_lines,
)
from briefreader.entities.tokens import find_tokens, name_runs
from briefreader.entities.types import (
    ORG,
    PERSON,
    PLACE,
    Entity,
    span_start,
)

# Changed whenever recognition changes: the index keeps names found by one version, and a
# library indexed by another is read again rather than mixing the two.
RECOGNIZER_VERSION = "2026-12-06.2"  # name data round (world names, towns, legal forms), ner10


_PLACE_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w“”\"’'-]+\s+){0,4}?[“\"]?"
    r"(?:city|town|village|neighbou?rhood|suburb|region|province|district|island|port|"
    r"capital|enclave|settlement|country|borough|municipality)\b"
    # "Hanson, a city official": the noun describes the person's job, not the name
    r"(?![\s-]+(?:council\w*|officials?|officers?|employees?|workers?|planners?|managers?|"
    r"attorneys?|lawyers?|judges?|commissioners?|representatives?|senators?|lawmakers?|"
    r"legislators?|residents?|natives?|police|spokes\w+|leaders?|administrators?))"
)


_FACILITY_AFTER = re.compile(
    r"\s+(?:hospital|airport|station|stadium|arena|hotel|prison|terminal|airbase)\b"
)


class RuleRecognizer:
    """The default recognizer: rules and gazetteers, no model, no download."""

    def recognize(self, text: str) -> list[Entity]:
        """Find entities; people found anywhere make their surnames people everywhere."""
        dates = find_dates(text)
        nicknamed = nicknamed_people(text, dates) + speakers(text)
        taken = [(e.start, e.end) for e in dates + nicknamed]
        reader = ArticleReader(text)
        mentions: list[Mention] = []
        tokens = find_tokens(text, taken)
        headlines = headline_lines(text)
        if headlines:
            for token in tokens:
                if any(s <= token.start < e for s, e in headlines):
                    token.sentence_start = True  # every word is capitalised there
        reader.mid_sentence.update(t.text for t in tokens if not t.sentence_start)
        for run in name_runs(tokens):
            mentions.extend(reader.read_run(run))
        aliases = person_aliases(mentions, nicknamed)
        reader.org_aliases = org_aliases(mentions)
        names: list[Entity] = []
        if reader.work_acronyms:
            mentions = [m for m in mentions if " ".join(m.words) not in reader.work_acronyms]
        for mention in mentions:
            label = resolve_label(text, mention, aliases, reader)
            if headlines and label and mention.label == "?" and not name_evidence(mention):
                if any(s <= mention.start < e for s, e in headlines):
                    continue  # capitals in a title-case line are no evidence of a name
            if label == PERSON and len(mention.words) == 1 and before_state(text, mention.end):
                label = PLACE  # "Lincoln, Neb.", "Modena, Italy": a town, not a person
            if (
                label in {PERSON, None}
                and mention.label == "?"
                and len(mention.words) <= 2
                and _PLACE_APPOSITION.match(text, mention.end)
            ):
                label = PLACE  # "Abydos, a “lost city”", "Tel Rumeida, the neighborhood"
            if (
                label in {PERSON, None}
                and mention.label in {PERSON, "?"}
                and mention.context in FACILITY_PREPOSITIONS
                and _FACILITY_AFTER.match(text, mention.end)
            ):
                label = PLACE  # "taken to Royal Shrewsbury hospital", "at Kennedy airport"
            if label:
                names.append(
                    Entity(mention.start, mention.end, label, text[mention.start : mention.end])
                )
        if "of " in text and ", " in text:  # "Ministry of Trade, Industry and Energy"
            listed_orgs = [
                Entity(m.start(), m.end(), ORG, m.group())
                for m in LISTED_PORTFOLIOS_RE.finditer(text)
                if not _overlaps(Entity(m.start(), m.end(), ORG, ""), dates + nicknamed)
            ]
            if listed_orgs:
                names = [e for e in names if not _overlaps(e, listed_orgs)] + listed_orgs
        scorers = [e for e in stat_lines(text) if not _overlaps(e, dates + nicknamed)]
        if scorers:  # "Tolivert 25 points. Davis 17 points.": players in a box score
            names = [e for e in names if not _overlaps(e, scorers)] + scorers
        listed = [e for e in listed_places(text) if not _overlaps(e, dates + nicknamed)]
        if listed:  # "Rogers, Craig and Mayes counties": the list decides, not the names
            names = [e for e in names if not _overlaps(e, listed)] + listed
        return sorted(dates + nicknamed + names, key=span_start)


def _overlaps(entity: Entity, others: list[Entity]) -> bool:
    return any(o.start < entity.end and entity.start < o.end for o in others)


DEFAULT_RECOGNIZER = RuleRecognizer()


def recognize(text: str) -> list[Entity]:
    """Entities in text with the default backend."""
    return DEFAULT_RECOGNIZER.recognize(text)
