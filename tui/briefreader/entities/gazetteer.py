"""Word lists the rule-based recognizer leans on: places, organisations, names, titles.

The lists are data, in ``data/`` beside this module, one entry a line; this module loads
them and derives the combined sets the rules ask (PLACES, GIVEN_NAMES...). Two kinds:
lists written by hand for this project (countries, regions, well-known organisations and
their acronyms, titles, nationality words, organisation and place head nouns, the
capitalised English words that open sentences; each file's header says what it holds),
and larger lists built by ``benchmarks/ner_data/make_gazetteers.py`` from openly licensed
sources: ``places.txt`` from GeoNames (CC BY 4.0; cities, and towns whose words have no
other reading), ``given_names.txt`` and ``surnames.txt`` from the 1990 US Census name
files (public domain), ``world_given_names.txt`` (Latin-script given names of many
countries) from Faker's locale lists (MIT), ``legal_forms.txt`` (company legal forms:
"GmbH", "S.A.", "Pvt.") from cleanco's term list (MIT), and ``english_words.txt``
(lower-case English words) from SCOWL (its permissive licence). ``data/NOTICE`` credits
each file. Kept apart from the rules so the data can grow without touching them.
Each list is loaded once, when the module that uses it is imported (together well under
the 0.3 s load budget): frozensets of strings, nothing compiled per call.
"""

from __future__ import annotations

import re
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data"
# A comment runs from "#" to the end of its line. Entries never hold "#", so every match
# is a whole comment line or the tail of one, and only comment lines start with "#": taking
# the matches away from the lines drops exactly the comments. One scan in C, as fast as
# the plain split on the largest list (filtering the lines one by one in Python is not).
_COMMENT = re.compile(r"#.*")


def load_words(name: str) -> frozenset[str]:
    """The entries of one list in the shipped data folder: one a line, "#" lines skipped.

    The files are written clean (no blanks around an entry), so a line is an entry as it
    stands; every word list of the recognizer is read through here.
    """
    text = (_DATA / name).read_text(encoding="utf-8")
    return frozenset(text.split("\n")).difference(_COMMENT.findall(text), ("",))


def _phrase_lengths(*lists: frozenset[str]) -> dict[str, int]:
    """For each word that opens a several-word name, the most words such a name has.

    The recognizer looks up the longest known name at each capitalised word; this tells it
    how many words can match at all, so most words cost one lookup instead of six joins.
    """
    longest: dict[str, int] = {}
    for names in lists:
        for name in [n for n in names if " " in n]:
            words = name.split(" ")
            longest[words[0]] = max(longest.get(words[0], 1), len(words))
    return longest


COUNTRIES = load_words("countries.txt")
CITIES_AND_REGIONS = load_words("cities_and_regions.txt")
PLACE_ALIASES = load_words("place_aliases.txt")
# US state postal codes: a place only after "City, " ("College Station, TX").
STATE_CODES = load_words("us_state_codes.txt")
# AP-style state abbreviations, written with a full stop after "City, " ("Grand Isle, La.").
STATE_ABBREVIATIONS = load_words("us_state_abbreviations.txt")
# One-word US state names ("Lincoln, Nebraska"; the two-word ones open with a place word).
US_STATES = load_words("us_one_word_states.txt")
PLACES = COUNTRIES | CITIES_AND_REGIONS | PLACE_ALIASES | load_words("places.txt")

ORGANISATIONS = load_words("organisations.txt")
KNOWN_PHRASE_LENGTHS = _phrase_lengths(ORGANISATIONS, PLACES)

# Company legal forms ("GmbH", "S.A.", "Pvt.", "Sdn Bhd"), each also without its last full
# stop, which the tokenizer keeps only after initials and known abbreviations.
LEGAL_FORMS = load_words("legal_forms.txt") | frozenset("Inc. Corp. Co. Ltd. LLC".split())
LEGAL_FORMS = LEGAL_FORMS | frozenset(f.rstrip(".") for f in LEGAL_FORMS)
# A capitalised run that ends in one of these names an organisation ("Health Ministry",
# "Tata Sons Pvt. Ltd."); the generic ones need something specific in front.
ORG_HEADS = load_words("org_heads.txt") | LEGAL_FORMS
GENERIC_ORG_WORDS = load_words("generic_org_words.txt")
# A capitalised run that ends in one of these names a place ("Ben Gurion Airport").
PLACE_HEADS = load_words("place_heads.txt")
GENERIC_PLACE_WORDS = load_words("generic_place_words.txt")

NATIONALITIES = load_words("nationalities.txt")
# Title words that can stand alone before a surname and end the title ("President Putin"),
# and all the words that stand in front of a name without being part of it: the title
# heads are titles too, listed once.
TITLE_HEADS = load_words("title_heads.txt")
TITLES = load_words("titles.txt") | TITLE_HEADS

# Given names the census lists miss: names common in international news.
NEWS_GIVEN_NAMES = load_words("news_given_names.txt")
GIVEN_NAMES = NEWS_GIVEN_NAMES | load_words("given_names.txt") | load_words("world_given_names.txt")
SURNAMES = load_words("surnames.txt")
# Ordinary English words in lower case (SCOWL): a capitalised word that is one of these is
# no evidence of a foreign name the lists lack.
ENGLISH_WORDS = load_words("english_words.txt")
# Surnames of people the news names alone ("with Putin") that the census list lacks. A
# lone unknown word is read as a person only with evidence; being one of these is evidence.
NOTABLE_SURNAMES = load_words("notable_surnames.txt")
# Lower-case particles inside personal and place names.
NAME_PARTICLES = load_words("name_particles.txt")

# Closed-class words: never part of a name at the edge of a run, wherever they stand.
FUNCTION_WORDS = load_words("function_words.txt")
# Capitalised words that open sentences, headings and quotes and are not names by
# themselves (words found in lower case elsewhere in the same article count as well), the
# function words, and the colours and size words that start product and programme names.
COMMON_WORDS = (
    load_words("common_words.txt") | FUNCTION_WORDS | load_words("colour_and_size_words.txt")
)
