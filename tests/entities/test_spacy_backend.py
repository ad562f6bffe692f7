"""The optional spaCy backend, tested without spaCy: a fake pipeline shaped like spaCy's.

The CI venv has no spaCy, so these tests give the backend objects with spaCy's shape
(`nlp(text).ents` with start_char/end_char/label_, or a fake `spacy` module whose `load`
returns one) and check our side: label mapping, offsets, trimming to the guideline, the
config table, the fallback line, the separate span cache and the reader's background load.
"""

from __future__ import annotations

import json
import re
import sys
import threading
import types
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefreader.annotations.store import AnnotationStore
from briefreader.cli import main
from briefreader.config import load_config
from briefreader.entities.backend import EntityBackend
from briefreader.entities.corrections import REJECT, Correction
from briefreader.entities.recognizer import recognize
from briefreader.entities.settings import EntitySettings
from briefreader.entities.spacy_backend import (
    DEFAULT_MODEL,
    SpacyRecognizer,
    SpacyUnavailable,
    load_spacy_recognizer,
    trim_span,
)
from briefreader.entities.types import Entity
from briefreader.library.catalog import Library
from briefreader.paths import AppPaths
from briefreader.ui.app import BriefreaderApp
from briefreader.ui.screens.reader import ReaderScreen
from pilot import table_titles

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_002 = SEEDS / "002_e81098f512d6ea99.txt"
TITLE_002 = "Bolstering Union State’s defenses"
SPACY_ON = '[entities]\nbackend = "spacy"\n'


@dataclass
class FakeSpan:
    start_char: int
    end_char: int
    label_: str


class FakeDoc:
    def __init__(self, ents: list[FakeSpan]) -> None:
        self.ents = ents


class FakeNlp:
    """Labels every match of each pattern, like a spaCy pipeline's doc.ents."""

    def __init__(self, patterns: dict[str, str]) -> None:
        self.patterns = patterns
        self.calls = 0
        self.pipe_names = ["ner"]
        self.meta = {"version": "0.0-test"}

    def __call__(self, text: str) -> FakeDoc:
        self.calls += 1
        spans = [
            FakeSpan(m.start(), m.end(), label)
            for pattern, label in self.patterns.items()
            for m in re.finditer(pattern, text)
        ]
        return FakeDoc(sorted(spans, key=lambda s: s.start_char))


def spans_of(nlp: FakeNlp, text: str) -> list[tuple[str, str]]:
    return [(e.label, e.text) for e in SpacyRecognizer(nlp).recognize(text)]


# -- label mapping, offsets, trimming -------------------------------------------------


def test_labels_map_to_ours_and_others_are_dropped():
    text = "Anna Lee of Acme flew from Paris over the Alps to Heathrow Airport on Monday with $5."
    nlp = FakeNlp(
        {
            r"Anna Lee": "PERSON",
            r"Acme": "ORG",
            r"Paris": "GPE",
            r"Alps": "LOC",
            r"Heathrow Airport": "FAC",
            r"Monday": "DATE",
            r"\$5": "MONEY",
            r"flew": "NORP",
        }
    )
    found = SpacyRecognizer(nlp).recognize(text)
    assert [(e.label, e.text) for e in found] == [
        ("PERSON", "Anna Lee"),
        ("ORG", "Acme"),
        ("PLACE", "Paris"),
        ("PLACE", "Alps"),
        ("PLACE", "Heathrow Airport"),
        ("DATE", "Monday"),
    ]
    for entity in found:  # character offsets into the text given
        assert text[entity.start : entity.end] == entity.text


def test_spans_are_trimmed_to_the_guideline():
    text = "The United Nations met Putin’s envoy.\n\nOn Monday, the Kremlin's aides said “ the ”."
    nlp = FakeNlp(
        {
            r"The United Nations": "ORG",  # a leading determiner is not part of the name
            r"Putin’s": "PERSON",  # nor the possessive
            r"Monday, ": "DATE",  # nor trailing punctuation and space
            r"the Kremlin's": "ORG",
            r"the(?= ”)": "ORG",  # nothing left: dropped
        }
    )
    assert spans_of(nlp, text) == [
        ("ORG", "United Nations"),
        ("PERSON", "Putin"),
        ("DATE", "Monday"),
        ("ORG", "Kremlin"),
    ]


def test_a_span_over_a_blank_line_is_cut_there_and_offsets_stay_exact():
    text = "Dateline Aug. 11, 2010\n\nThis month the plant closed."
    start = text.index("Aug.")
    end = text.index(" the plant")
    assert trim_span(text, start, end, "DATE") == (start, text.index("\n"))
    leading = text.index("\n\nThis")
    assert trim_span(text, leading, end, "DATE") is None  # nothing before the break


def test_a_date_keeps_what_a_name_would_lose():
    text = "in the 1990s' boom"
    start = text.index("the")
    assert trim_span(text, start, start + len("the 1990s'"), "DATE") == (
        text.index("1990s"),
        text.index("1990s") + len("1990s'"),
    )


# -- config ------------------------------------------------------------------------------


def test_entities_table_good_values(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text('[entities]\nbackend = "spacy"\nspacy_model = "en-core-web-sm"\n', "utf-8")
    result = load_config(path)
    assert result.problems == ()
    assert result.config.entities == EntitySettings("spacy", "en_core_web_sm")
    assert load_config(tmp_path / "none.toml").config.entities == EntitySettings(
        "rules", DEFAULT_MODEL
    )


def test_entities_table_bad_values_name_their_line(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text(
        'theme = "nord"\n\n[entities]\nbackend = "bert"\nspacy_model = "en core/web"\ncolour = 1\n',
        "utf-8",
    )
    result = load_config(path)
    problems = " | ".join(result.problems)
    assert f"{path} (line 4): entities.backend = 'bert' is not one of 'rules', 'spacy'" in (
        problems
    )
    assert f"{path} (line 5): entities.spacy_model = 'en core/web' must be" in problems
    assert f"{path} (line 6): [entities] has no setting 'colour'" in problems
    assert result.config.entities == EntitySettings()  # the defaults, and the app still opens
    assert result.config.theme == "nord"  # the rest of the file still counts


def test_entities_must_be_a_table(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text('entities = "spacy"\n', "utf-8")
    result = load_config(path)
    assert len(result.problems) == 1 and "[entities] must be a table" in result.problems[0]


# -- loading, and the fallback when spaCy is missing -----------------------------------


def fake_spacy_module(nlp: FakeNlp, loaded: list[tuple[str, list[str]]]) -> types.ModuleType:
    module = types.ModuleType("spacy")
    module.__version__ = "9.9-test"

    def load(name: str, exclude: list[str] = ()) -> FakeNlp:
        if name != DEFAULT_MODEL:
            raise OSError(f"[E050] Can't find model '{name}'")
        loaded.append((name, list(exclude)))
        return nlp

    module.load = load
    return module


def test_missing_spacy_gives_one_line_and_the_rules_stay(tmp_path: Path, monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)  # import spacy now raises ImportError
    with pytest.raises(SpacyUnavailable, match=r"pip install '\.\[spacy\]'"):
        load_spacy_recognizer()
    backend = EntityBackend(EntitySettings("spacy"), tmp_path)
    assert backend.pending
    problem = backend.load()
    assert problem is not None and "\n" not in problem
    assert "needs spaCy" in problem and "pip install" in problem and "rules" in problem
    assert not backend.pending and backend.status() is None
    assert backend.entities("Anna Lee went to Paris.") is None  # the caller uses the rules


def test_missing_model_names_the_model(monkeypatch, tmp_path: Path):
    monkeypatch.setitem(sys.modules, "spacy", fake_spacy_module(FakeNlp({}), []))
    backend = EntityBackend(EntitySettings("spacy", "en_core_web_trf"), tmp_path)
    problem = backend.load()
    assert problem is not None
    assert "'en_core_web_trf' is not installed" in problem and "rules" in problem


def test_loading_asks_spacy_for_the_entity_recognizer_only(monkeypatch):
    loaded: list[tuple[str, list[str]]] = []
    nlp = FakeNlp({"Paris": "GPE"})
    monkeypatch.setitem(sys.modules, "spacy", fake_spacy_module(nlp, loaded))
    recognizer = load_spacy_recognizer()
    assert loaded and loaded[0][0] == DEFAULT_MODEL and "parser" in loaded[0][1]
    assert recognizer.description == f"spacy 9.9-test {DEFAULT_MODEL} 0.0-test"
    assert [e.text for e in recognizer.recognize("To Paris.")] == ["Paris"]


def test_the_rules_backend_never_imports_spacy(cli_data: Path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "spacy", None)  # any import attempt would fail loudly
    code = main(["entities", "--json", str(SEED_002), "--data-dir", str(cli_data)])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    text = SEED_002.read_text("utf-8")
    assert [tuple(e.values()) for e in json.loads(out)] == [
        tuple(e.as_json().values()) for e in recognize(text)
    ]


@pytest.fixture
def cli_data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_cli_entities_honours_the_spacy_backend(cli_data: Path, monkeypatch, capsys):
    cli_data.mkdir()
    (cli_data / "config.toml").write_text(SPACY_ON, "utf-8")
    nlp = FakeNlp({r"Minsk": "GPE", r"Dmitry Mezentsev": "PERSON"})
    monkeypatch.setitem(sys.modules, "spacy", fake_spacy_module(nlp, []))
    code = main(["entities", "--json", str(SEED_002), "--data-dir", str(cli_data)])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    text = SEED_002.read_text("utf-8")
    spans = json.loads(out)
    assert {(s["label"], s["text"]) for s in spans} == {
        ("PLACE", "Minsk"),
        ("PERSON", "Dmitry Mezentsev"),
    }
    assert all(text[s["start"] : s["end"]] == s["text"] for s in spans)


def test_cli_entities_without_spacy_says_so_and_answers_with_the_rules(
    cli_data: Path, monkeypatch, capsys
):
    cli_data.mkdir()
    (cli_data / "config.toml").write_text(SPACY_ON, "utf-8")
    monkeypatch.setitem(sys.modules, "spacy", None)
    code = main(["entities", "--json", str(SEED_002), "--data-dir", str(cli_data)])
    out, err = capsys.readouterr()
    assert code == 0
    assert len(err.splitlines()) == 1 and "pip install" in err and "Traceback" not in err
    assert len(json.loads(out)) == len(recognize(SEED_002.read_text("utf-8")))


# -- the cache never mixes backends ----------------------------------------------------


def library_with(tmp_path: Path, backend: EntityBackend | None) -> Library:
    data = tmp_path / "data"
    paths = AppPaths(data, data / "config.toml")
    return Library(paths, AnnotationStore(paths.annotations_file), backend)


def fake_backend(tmp_path: Path, nlp: FakeNlp, description: str = "fake 1") -> EntityBackend:
    return EntityBackend(
        EntitySettings("spacy"), tmp_path / "data", lambda _model: SpacyRecognizer(nlp, description)
    )


def test_the_index_does_not_serve_rules_spans_to_the_spacy_backend(tmp_path: Path):
    rules_library = library_with(tmp_path, None)
    summary = rules_library.resolve(str(SEED_002))
    _, by_rules = rules_library.load(summary)  # the index now holds the rules' spans
    assert ("PLACE", "Minsk") in {(e.label, e.text) for e in by_rules}
    rules_library.store.close()

    nlp = FakeNlp({r"Minsk": "ORG"})  # deliberately unlike the rules
    backend = fake_backend(tmp_path, nlp)
    library = library_with(tmp_path, backend)
    _, while_loading = library.load(summary)
    assert while_loading == by_rules  # not loaded yet: the rules stand in, as the UI says
    assert backend.load() is None
    _, by_spacy = library.load(summary)
    assert by_spacy and {(e.label, e.text) for e in by_spacy} == {("ORG", "Minsk")}
    assert nlp.calls == 1
    _, again = library.load(summary)
    assert again == by_spacy and nlp.calls == 1  # served from the backend's own cache
    assert backend.cache_file.exists() and backend.cache_file != library.paths.index_file
    # Corrections apply after either backend.
    library.store.add_correction(Correction(REJECT, "Minsk"))
    assert library.load(summary)[1] == []
    library.store.close()


def test_another_model_does_not_reuse_the_cached_spans(tmp_path: Path):
    text = "Talks in Minsk."
    first = fake_backend(tmp_path, FakeNlp({"Minsk": "GPE"}), "model 1")
    first.load()
    assert first.entities(text) == [Entity(9, 14, "PLACE", "Minsk")]
    newer_nlp = FakeNlp({"Minsk": "ORG"})
    newer = fake_backend(tmp_path, newer_nlp, "model 2")
    newer.load()
    assert newer.entities(text) == [Entity(9, 14, "ORG", "Minsk")]
    assert newer_nlp.calls == 1


# -- the reader does not wait for the model ---------------------------------------------


async def test_reader_opens_at_once_while_a_slow_backend_loads(make_session):
    session = make_session()
    gate = threading.Event()
    nlp = FakeNlp({r"Minsk": "ORG"})

    def slow_loader(_model: str) -> SpacyRecognizer:
        gate.wait(30)
        return SpacyRecognizer(nlp, "slow fake")

    backend = EntityBackend(EntitySettings("spacy"), session.paths.data_dir, slow_loader)
    session.library.backend = backend
    app = BriefreaderApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):  # the list fills while the model is still loading
            await pilot.pause(0.02)
            if any(t.startswith(TITLE_002) for t in table_titles(app)):
                break
        app.list_screen.table.cursor = next(
            i for i, t in enumerate(table_titles(app)) if t.startswith(TITLE_002)
        )
        await pilot.press("enter")
        for _ in range(200):
            await pilot.pause(0.02)
            if isinstance(app.screen, ReaderScreen):
                break
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert not gate.is_set() and backend.pending  # opened while the model loads
        assert ("PLACE", "Minsk") in {(e.label, e.text) for e in reader.entities}  # rules
        status = str(reader.query_one("#reader-status").render())
        assert "loading spaCy" in status
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert reader.entities and {(e.label, e.text) for e in reader.entities} == {
            ("ORG", "Minsk")
        }
        assert "loading spaCy" not in str(reader.query_one("#reader-status").render())
