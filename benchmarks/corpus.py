"""A deterministic synthetic corpus of wire stories, as .txt files and as one RSS 2.0 feed.

Each story follows one agency's conventions (TASS "MINSK, October 26. /TASS/.", Reuters
"KYIV, Oct 26 (Reuters) -", AP "WASHINGTON (AP) —"): a headline, sometimes a subtitle or
scraped site boilerplate, a dateline, and 3-8 paragraphs naming people with their titles,
organisations, places and dates drawn from sizeable name lists. Story i depends only on
(seed, i), so the same seed gives the same bytes whatever N is, and a larger corpus
contains the smaller ones.

    python benchmarks/corpus.py N OUT_DIR [--seed 1]

writes OUT_DIR/articles/NNN/NNNNNN.txt (shards of at most 1000 files), OUT_DIR/feed.xml
(the same N items, for newsboat) and OUT_DIR/manifest.json (N, seed, and a "probe": the
newest story's title and the start of its text, which the scale benchmark waits for on
screen; it is story 0, dated after all the others, so it is the first row in both readers).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import time
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

SHARD = 1000
FEED_TITLE = "Synthetic wire (briefreader corpus)"
FIRST_DAY = date(2024, 1, 1)
DAYS = 730  # stories are dated 2024-01-01 .. 2025-12-30; the probe story the day after
# Story 0, the probe, is dated after all others and worded like no other story, so a
# benchmark can tell when it is listed (its headline) and when it is open (its lede).
PROBE_HEADLINE = "Minsk to host Eurasian security conference again next autumn"
PROBE_LEDE = (
    "Organisers said on Wednesday that the Eurasian security conference would return to Minsk "
    "next autumn, with delegations from more than 40 countries expected."
)
FILTER_WORD = "Tashkent"  # a dateline city: about 1 story in 150 is filed from there

MONTHS = (
    "January February March April May June July August September October November December"
).split()
REUTERS_MONTHS = "Jan Feb March April May June July Aug Sept Oct Nov Dec".split()


def _split(block: str) -> tuple[str, ...]:
    return tuple(word for word in block.replace("\n", " ").split(" ") if word)


def _lines(block: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in block.strip().splitlines() if line.strip())


GIVEN = _split("""
Alexander Sergey Dmitry Andrei Viktor Mikhail Nikolai Ivan Pavel Yuri Oleg Vladimir Igor
Maxim Roman Konstantin Denis Anton Boris Grigory Leonid Vadim Arkady Stanislav Yevgeny
Anna Maria Elena Olga Natalia Tatiana Irina Svetlana Yulia Ekaterina Marina Daria Ksenia
Valentina Lyudmila Alla Inna Veronika Zhanna Larisa John Michael David James Robert William
Richard Thomas Charles Daniel Matthew Anthony Mark Steven Paul Andrew Joshua Kenneth Kevin
Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan
Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Frank Patrick Raymond Jack Dennis
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty
Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie
Rebecca Laura Sharon Cynthia Kathleen Amy Angela Helen Emmanuel Olaf Friedrich Annalena
Ursula Giorgia Pedro Luis Carlos Javier Miguel Jose Antonio Francesca Marco Luca Giuseppe
Jean Pierre Francois Nicolas Emmanuelle Claire Sophie Camille Lukas Jonas Felix Katarina
Tomas Jan Petr Pavla Agnieszka Piotr Krzysztof Tomasz Andrzej Janos Viktoria Zoltan Recep
Mehmet Ahmet Ali Hassan Hussein Mohammed Omar Khalid Abdullah Fatima Aisha Leila Reza Javad
Hossein Narendra Rahul Amit Priya Sunita Xi Li Wang Zhang Liu Chen Yang Hiroshi Kenji Yoko
Fumio Shigeru Taro Kim Park Lee Moon Yoon Nursultan Kassym-Jomart Shavkat Emomali Sadyr Ilham
Nikol Irakli Salome Maia Volodymyr Denys Oleksandr Olena Yulia Petro Dmytro Andriy Kyrylo
""")

SURNAMES = _split("""
Ivanov Petrov Sidorov Smirnov Kuznetsov Popov Vasiliev Sokolov Mikhailov Novikov Fedorov
Morozov Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev Orlov Andreev
Makarov Nikitin Zakharov Zaitsev Soloviev Borisov Yakovlev Grigoriev Romanov Vorobiev
Sergeev Kuzmin Frolov Alexandrov Dmitriev Korolev Gusev Kiselev Ilyin Maksimov Polyakov
Sorokin Vinogradov Kovalev Belov Medvedev Antonov Tarasov Zhukov Baranov Filippov Komarov
Davydov Belyaev Gerasimov Bogdanov Osipov Sidorenko Matveev Titov Markov Mironov Krylov
Kulikov Karpov Vlasov Melnikov Denisov Gavrilov Tikhonov Kazakov Afanasiev Danilov Savelyev
Timofeev Fomin Chernov Abramov Martynov Efimov Fedotov Shcherbakov Nazarov Kalinin Isaev
Chernyshev Bykov Maslov Rodionov Konovalov Lazarev Voronin Klimov Filatov Ponomarev Golubev
Kudryavtsev Prokhorov Naumov Potapov Zhuravlev Ovchinnikov Trofimov Leonov Sobolev Ermakov
Kolesnikov Goncharov Emelyanov Nikiforov Grachev Kotov Grishin Efremov Arkhipov Gromov
Kirillov Malyshev Panov Moiseev Rumyantsev Akimov Kondratiev Biryukov Gorbunov Anisimov
Eremin Tikhomirov Galkin Lukyanov Mikheev Skvortsov Yudin Belousov Nesterov Simonov
Prokofiev Kharitonov Knyazev Tsvetkov Levin Mitrofanov Voronov Aksenov Sofronov Maltsev
Loginov Gorshkov Savin Krasnov Mayorov Demidov Eliseev Rybakov Safonov Marchenko Shevchenko
Kovalenko Bondarenko Tkachenko Kravchenko Oliynyk Lysenko Rudenko Savchenko Petrenko
Klymenko Pavlenko Kovalchuk Moroz Boyko Tkachuk Melnyk Koval Polishchuk Kovalenko Smith
Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez
Wilson Anderson Taylor Thomas Moore Jackson Martin Thompson White Harris Sanchez Clark
Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green
Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner
Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez
Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Cox Ward Richardson Watson
Brooks Chavez Wood Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel
Myers Long Ross Foster Jimenez Mueller Schmidt Schneider Fischer Weber Meyer Wagner Becker
Schulz Hoffmann Koch Richter Klein Wolf Schroeder Neumann Schwarz Zimmermann Braun Hofmann
Hartmann Lange Schmitt Werner Krause Meier Lehmann Dubois Durand Lefebvre Moreau Laurent
Simon Michel Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti
Nowak Kowalski Wisniewski Wojcik Kowalczyk Kaminski Lewandowski Zielinski Szymanski Novak
Svoboda Dvorak Cerny Horvath Nagy Kovacs Toth Szabo Yilmaz Kaya Demir Sahin Celik Aydin
Ozturk Arslan Rahimi Karimi Hosseini Ahmadi Mohammadi Sharma Singh Kumar Gupta Reddy Rao
Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Nurlanov Tokayev
Abdullaev Rakhimov Karimov Aliyev Mammadov Hasanov Grigoryan Harutyunyan Sargsyan
Beridze Kapanadze Gelashvili Tsereteli
""")

# (title before a name, office holder's organisation or country adjective slot)
TITLES = _lines("""
Foreign Minister
Defense Minister
Prime Minister
Deputy Prime Minister
Finance Minister
Economy Minister
Energy Minister
Interior Minister
Justice Minister
Health Minister
Trade Minister
Agriculture Minister
Transport Minister
President
Vice President
Ambassador
Deputy Foreign Minister
Secretary of State
Defense Secretary
Treasury Secretary
Chief of the General Staff
Governor
Mayor
Senator
Speaker
Chairman
Chairwoman
Chief Executive
Spokesperson
Commissioner
Lieutenant General
Major General
Colonel General
Admiral
Judge
Prosecutor General
Central Bank Governor
Secretary General
Deputy Secretary
Presidential Aide
""")

COUNTRY_ADJ = _lines("""
Russia|Russian
Belarus|Belarusian
Ukraine|Ukrainian
United States|U.S.
China|Chinese
Germany|German
France|French
Italy|Italian
Poland|Polish
Turkey|Turkish
Iran|Iranian
India|Indian
Japan|Japanese
Kazakhstan|Kazakh
Uzbekistan|Uzbek
Armenia|Armenian
Azerbaijan|Azerbaijani
Georgia|Georgian
Hungary|Hungarian
Serbia|Serbian
Finland|Finnish
Sweden|Swedish
Norway|Norwegian
Brazil|Brazilian
Mexico|Mexican
Egypt|Egyptian
Israel|Israeli
Saudi Arabia|Saudi
Qatar|Qatari
Pakistan|Pakistani
Indonesia|Indonesian
Vietnam|Vietnamese
South Africa|South African
Nigeria|Nigerian
Kenya|Kenyan
Canada|Canadian
Britain|British
Spain|Spanish
Greece|Greek
Romania|Romanian
Moldova|Moldovan
Lithuania|Lithuanian
Latvia|Latvian
Estonia|Estonian
Kyrgyzstan|Kyrgyz
Tajikistan|Tajik
Mongolia|Mongolian
South Korea|South Korean
Argentina|Argentine
Chile|Chilean
""")

# (dateline city, country)
PLACES = _lines("""
Moscow|Russia
St. Petersburg|Russia
Kazan|Russia
Novosibirsk|Russia
Yekaterinburg|Russia
Vladivostok|Russia
Kaliningrad|Russia
Sochi|Russia
Minsk|Belarus
Brest|Belarus
Grodno|Belarus
Kyiv|Ukraine
Lviv|Ukraine
Odesa|Ukraine
Kharkiv|Ukraine
Washington|United States
New York|United States
Chicago|United States
Los Angeles|United States
Houston|United States
Atlanta|United States
Boston|United States
Miami|United States
Seattle|United States
Denver|United States
Beijing|China
Shanghai|China
Hong Kong|China
Berlin|Germany
Frankfurt|Germany
Munich|Germany
Paris|France
Marseille|France
Rome|Italy
Milan|Italy
Warsaw|Poland
Ankara|Turkey
Istanbul|Turkey
Tehran|Iran
New Delhi|India
Mumbai|India
Tokyo|Japan
Astana|Kazakhstan
Almaty|Kazakhstan
Tashkent|Uzbekistan
Samarkand|Uzbekistan
Yerevan|Armenia
Baku|Azerbaijan
Tbilisi|Georgia
Budapest|Hungary
Belgrade|Serbia
Helsinki|Finland
Stockholm|Sweden
Oslo|Norway
Brasilia|Brazil
Sao Paulo|Brazil
Mexico City|Mexico
Cairo|Egypt
Jerusalem|Israel
Tel Aviv|Israel
Riyadh|Saudi Arabia
Doha|Qatar
Islamabad|Pakistan
Jakarta|Indonesia
Hanoi|Vietnam
Johannesburg|South Africa
Lagos|Nigeria
Nairobi|Kenya
Ottawa|Canada
Toronto|Canada
London|Britain
Madrid|Spain
Athens|Greece
Bucharest|Romania
Chisinau|Moldova
Vilnius|Lithuania
Riga|Latvia
Tallinn|Estonia
Bishkek|Kyrgyzstan
Dushanbe|Tajikistan
Ulaanbaatar|Mongolia
Seoul|South Korea
Buenos Aires|Argentina
Santiago|Chile
Geneva|Switzerland
Vienna|Austria
Brussels|Belgium
The Hague|Netherlands
Dubai|United Arab Emirates
Abu Dhabi|United Arab Emirates
Singapore|Singapore
Bangkok|Thailand
Manila|Philippines
Kuala Lumpur|Malaysia
""")

ORGS = _lines("""
United Nations
UN Security Council
World Health Organization
International Monetary Fund
World Bank
European Union
European Commission
European Parliament
European Central Bank
NATO
Organization for Security and Co-operation in Europe
Shanghai Cooperation Organization
Collective Security Treaty Organization
Eurasian Economic Union
Commonwealth of Independent States
BRICS
Group of Seven
Group of Twenty
International Atomic Energy Agency
International Criminal Court
World Trade Organization
OPEC
African Union
Association of Southeast Asian Nations
Red Cross
Amnesty International
Gazprom
Rosneft
Rosatom
Lukoil
Sberbank
VTB Bank
Aeroflot
Russian Railways
Roscosmos
Belarusian Railways
Naftogaz
Ukrenergo
Pentagon
State Department
White House
Federal Reserve
Congress
Senate Foreign Relations Committee
Department of Justice
Federal Bureau of Investigation
Central Intelligence Agency
Supreme Court
Kremlin
State Duma
Federation Council
Russian Security Council
Federal Security Service
Russian Foreign Ministry
Russian Defense Ministry
Russian Central Bank
Belarusian Defense Ministry
Belarusian Foreign Ministry
Ukrainian General Staff
Union State
Bundestag
Bundesbank
Elysee Palace
Downing Street
Bank of England
Bank of Japan
People's Bank of China
Chinese Foreign Ministry
Turkish Foreign Ministry
Iranian Foreign Ministry
Indian Ministry of External Affairs
Kazakh Foreign Ministry
Asian Development Bank
New Development Bank
Eurasian Development Bank
International Energy Agency
Moscow Exchange
Tesla
Boeing
Airbus
Siemens
Volkswagen
Microsoft
Apple
Google
Samsung
Toyota
Huawei
ExxonMobil
Chevron
Shell
BP
TotalEnergies
Reuters
Associated Press
TASS
RIA Novosti
Interfax
Xinhua
""")

TOPICS = {
    "defense": (
        "military cooperation|joint exercises|air defense systems|the regional group of forces|"
        "border security|arms control|troop deployments|military infrastructure"
    ),
    "diplomacy": (
        "bilateral relations|a peace settlement|the upcoming summit|visa-free travel|"
        "a new treaty|consular ties|a ceasefire proposal|the negotiating process"
    ),
    "economy": (
        "trade turnover|the national currency|inflation|interest rates|the state budget|"
        "foreign investment|industrial output|payments in national currencies"
    ),
    "energy": (
        "gas supplies|oil exports|the nuclear power plant|electricity prices|a new pipeline|"
        "coal production|renewable energy|fuel reserves"
    ),
    "politics": (
        "the parliamentary elections|constitutional amendments|the new cabinet|"
        "a referendum|the opposition|the ruling coalition|local elections|a no-confidence vote"
    ),
    "courts": (
        "the corruption case|the appeal|the extradition request|the sanctions ruling|"
        "the investigation|the verdict|the indictment|the class action"
    ),
    "health": (
        "the vaccination campaign|hospital capacity|a measles outbreak|drug prices|"
        "the new clinic|medical supplies|the health insurance reform|a flu epidemic"
    ),
    "technology": (
        "satellite launches|the semiconductor plant|artificial intelligence rules|"
        "data protection|a cyberattack|the space program|5G networks|electric vehicles"
    ),
}
TOPIC_ITEMS = {topic: tuple(items.split("|")) for topic, items in TOPICS.items()}

HEADLINES = (
    "{country} and {country2} agree to step up {thing}",
    "{title} {surname} says {org} must act on {thing}",
    "{country} plans no change to {thing}, {title_lower} says",
    "{org} to review {thing} after talks in {city}",
    "{person_full} arrives in {city} for talks on {thing}",
    "{country} warns {country2} over {thing}",
    "Talks on {thing} resume in {city}",
    "{org} reports progress on {thing}",
    "{adj} officials discuss {thing} with {org}",
    "{surname}: {thing} will be on the agenda in {month}",
    "{city} hosts conference on {thing}",
    "{country} expects decision on {thing} by {month}",
)
LEDES = (
    "{country} and {country2} have agreed to step up {thing}, {adj} {title_lower} "
    "{person_full} told reporters on {weekday}.",
    "{adj} {title_lower} {person_full} said on {weekday} that {org} would review {thing} "
    "before the end of {month}.",
    "The {org} has reported progress on {thing}, {person_full}, {title_lower} of {country}, "
    "said in {city}.",
    "{person_full}, the {adj} {title_lower}, arrived in {city} on {weekday} for talks on "
    "{thing} with officials of {org}.",
    "There are no plans to change {thing}, {adj} {title_lower} {person_full} said, "
    "answering a question from journalists.",
)
SENTENCES = (
    "\u201c{quote},\u201d {surname} said.",
    "\u201c{quote},\u201d the {title_lower} added.",
    "{person_full}, {title_lower} of {country}, said the talks on {thing} had been "
    "\u201cconstructive and detailed.\u201d",
    "Earlier this {period}, {org} said it was ready to discuss {thing} with {country}.",
    "The meeting took place in {city} on {month} {day}, {year}.",
    "According to {org}, {thing} remained a priority for {country} and {country2}.",
    "{surname} met {title2_lower} {person2_full} in {city} last {period}.",
    "Officials in {city2} did not immediately respond to a request for comment.",
    "The next round of consultations on {thing} is expected in {month}.",
    "{org} and {org2} signed a memorandum on {thing} on {weekday}.",
    "In {year}, {country} and {country2} agreed on a roadmap for {thing}.",
    "{person2_full}, who heads {org2}, said {thing} would be discussed at a meeting in "
    "{city2} on {month} {day}.",
    "The {adj} side proposed to hold the talks in {city2}, {surname} noted.",
    "Analysts at {org2} said {thing} could take several years.",
    "{surname} said the issue would be raised with {org} next {period}.",
    "The statement was published on the website of {org} on {weekday}.",
)
QUOTES = (
    "We see no reason to change our position on {thing}",
    "All plans have been determined, and we have a procedure in place",
    "The situation around {thing} requires a calm and balanced approach",
    "We are ready to work with our partners in {country2} on {thing}",
    "This decision was not taken lightly",
    "Our priority is the safety and well-being of our citizens",
    "The talks were difficult but useful",
    "We expect our partners to honour their commitments",
)
SUBTITLES = (
    "{person_full} pointed out that \u201c{quote_lower}\u201d",
    "According to the {title_lower}, {thing} remains a priority",
    "The talks in {city} are expected to continue next {period}",
)
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
PERIODS = ("week", "month", "year")


class Story:
    """One generated story: its parts, enough to write it as a .txt file or an RSS item."""

    __slots__ = ("agency", "day", "headline", "i", "paragraphs", "text", "topic")

    def __init__(self, i: int, agency: str, day: date, topic: str) -> None:
        self.i = i
        self.agency = agency
        self.day = day
        self.topic = topic
        self.headline = ""
        self.paragraphs: list[str] = []  # the body, the lede without its dateline
        self.text = ""


def _person(rng: random.Random) -> tuple[str, str]:
    given = rng.choice(GIVEN)
    surname = rng.choice(SURNAMES)
    return f"{given} {surname}", surname


def make_story(seed: int, i: int, probe: bool = False) -> Story:
    """Story i of the corpus with this seed; depends on nothing else."""
    rng = random.Random(seed * 1_000_003 + i)
    agency = rng.choices(("TASS", "Reuters", "AP"), weights=(4, 3.5, 2.5))[0]
    day = FIRST_DAY + timedelta(days=DAYS if probe else rng.randrange(DAYS))
    topic = rng.choice(tuple(TOPICS))
    city, country_of_city = rng.choice(PLACES).split("|")
    if probe:
        city = "Minsk"
        country_of_city = "Belarus"
    country, adj = rng.choice(COUNTRY_ADJ).split("|")
    country2 = rng.choice(COUNTRY_ADJ).split("|")[0]
    if country2 == country:
        country2 = country_of_city if country_of_city != country else "China"
    person_full, surname = _person(rng)
    person2_full, _ = _person(rng)
    title = rng.choice(TITLES)
    title2 = rng.choice(TITLES)
    org, org2 = rng.sample(ORGS, 2)
    # What the story recalls happened before it was filed, as in real copy: a dateline
    # without a year ("LVIV, April 29") takes its year from the dates in the text.
    event = day - timedelta(days=rng.randrange(1, 400))
    month = MONTHS[event.month - 1]
    slots = {
        "country": country,
        "country2": country2,
        "adj": adj,
        "city": city,
        "city2": rng.choice(PLACES).split("|")[0],
        "person_full": person_full,
        "person2_full": person2_full,
        "surname": surname,
        "title": title,
        "title_lower": title.lower(),
        "title2_lower": title2.lower(),
        "org": org,
        "org2": org2,
        "thing": rng.choice(TOPIC_ITEMS[topic]),
        "month": month,
        "day": str(event.day),
        "year": str(event.year),
        "weekday": rng.choice(WEEKDAYS),
        "period": rng.choice(PERIODS),
    }
    quote = rng.choice(QUOTES).format_map(slots)
    slots["quote"] = quote
    slots["quote_lower"] = quote[0].lower() + quote[1:]
    story = Story(i, agency, day, topic)
    headline = rng.choice(HEADLINES).format_map(slots)
    story.headline = headline[0].upper() + headline[1:]
    lede = rng.choice(LEDES).format_map(slots)
    lede = lede[0].upper() + lede[1:]
    if probe:
        story.headline, lede = PROBE_HEADLINE, PROBE_LEDE
    body = [lede]
    deck = rng.sample(SENTENCES, len(SENTENCES))  # no sentence twice in a story
    for _ in range(rng.randint(2, 7)):
        count = min(rng.randint(1, 3), len(deck))
        body.append(" ".join(deck.pop().format_map(slots) for _ in range(count)))
    story.paragraphs = body

    place = city.upper()
    iso = day.isoformat()
    month_name = MONTHS[day.month - 1]
    parts: list[str] = []
    if agency == "TASS":
        if rng.random() < 0.3:
            parts.append("All news")
        parts.append(story.headline)
        if rng.random() < 0.5:
            parts.append(rng.choice(SUBTITLES).format_map(slots))
        meta = f"date {iso} " if probe or rng.random() < 0.5 else ""
        parts.append(f"{meta}{place}, {month_name} {day.day}. /TASS/. {lede}")
        parts.extend(body[1:])
    elif agency == "Reuters":
        parts.append(story.headline)
        meta = f"date {iso} " if probe or rng.random() < 0.5 else ""
        short = REUTERS_MONTHS[day.month - 1]
        parts.append(f"{meta}{place}, {short} {day.day} (Reuters) - {lede}")
        parts.extend(body[1:])
        reporter, _ = _person(rng)
        editor, _ = _person(rng)
        parts.append(f"(Reporting by {reporter}; Editing by {editor})")
    else:
        parts.append(story.headline)
        parts.append(f"date {iso} {place} (AP) \u2014 {lede}")
        parts.extend(body[1:])
    story.text = "\n\n".join(parts) + "\n"
    return story


def _rss_item(story: Story, link: str) -> str:
    published = datetime(
        story.day.year, story.day.month, story.day.day, 12, story.i % 60, tzinfo=UTC
    )
    description = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    return (
        "<item>"
        f"<title>{escape(story.headline)}</title>"
        f"<link>{link}</link>"
        f'<guid isPermaLink="false">synthetic-{story.i}</guid>'
        f"<pubDate>{format_datetime(published)}</pubDate>"
        f"<author>{escape(story.agency)}</author>"
        f"<category>{story.topic}</category>"
        f"<description>{escape(description)}</description>"
        "</item>\n"
    )


def article_path(out_dir: Path, i: int) -> Path:
    """Where story i is written: shards of SHARD files."""
    return out_dir / "articles" / f"{i // SHARD:03d}" / f"{i:06d}.txt"


def generate(n: int, out_dir: Path, seed: int = 1) -> dict[str, object]:
    """Write the corpus (replacing an earlier one in out_dir) and return its manifest."""
    if n < 1:
        raise ValueError("N must be at least 1")
    articles = out_dir / "articles"
    if articles.exists():
        shutil.rmtree(articles)
    out_dir.mkdir(parents=True, exist_ok=True)
    probe: Story | None = None
    with (out_dir / "feed.xml").open("w", encoding="utf-8", newline="\n") as feed:
        feed.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>{escape(FEED_TITLE)}</title><link>https://wire.invalid/</link>"
            f"<description>{n} synthetic wire stories, seed {seed}</description>\n"
        )
        folder: Path | None = None
        for i in range(n):
            story = make_story(seed, i, probe=i == 0)
            path = article_path(out_dir, i)
            if path.parent != folder:
                folder = path.parent
                folder.mkdir(parents=True, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(story.text)
            # Saved on the day it was filed, as a wire story kept by its reader is: a
            # dateline without a year ("MINSK, October 26") takes its year from that.
            filed = datetime.combine(story.day, datetime.min.time(), UTC).timestamp()
            os.utime(path, (filed + 43200, filed + 43200))
            feed.write(_rss_item(story, f"https://wire.invalid/{story.agency.lower()}/{i}"))
            if i == 0:
                probe = story
        feed.write("</channel></rss>\n")
    assert probe is not None
    manifest: dict[str, object] = {
        "n": n,
        "seed": seed,
        "articles": str(articles),
        "feed": str(out_dir / "feed.xml"),
        "feed_title": FEED_TITLE,
        "filter_word": FILTER_WORD,
        "probe": {
            "path": str(article_path(out_dir, 0)),
            "title": probe.headline,
            # The first words of the lede: short enough never to be wrapped on screen.
            "text": " ".join(probe.paragraphs[0].split()[:4]),  # "Organisers said on Wednesday"
        },
    }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, metavar="N", help="number of stories (100 .. 100000)")
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    generate(args.n, args.out_dir, args.seed)
    print(
        f"wrote {args.n} stories to {args.out_dir}/articles and {args.out_dir}/feed.xml "
        f"in {time.perf_counter() - start:.1f}s"
    )


if __name__ == "__main__":
    main()
