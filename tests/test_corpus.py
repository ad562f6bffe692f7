"""The benchmark corpus generator: deterministic, parseable stories, a well-formed feed."""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from briefreader.articles.article import read_article
from briefreader.entities.recognizer import recognize

CORPUS_PY = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus.py"
N = 40


@pytest.fixture(scope="module")
def corpus():
    spec = importlib.util.spec_from_file_location("benchmark_corpus", CORPUS_PY)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "manifest.json"  # the manifest names its own folder
    }


def test_same_seed_same_bytes(corpus, tmp_path: Path) -> None:
    corpus.generate(N, tmp_path / "a", seed=7)
    corpus.generate(N, tmp_path / "b", seed=7)
    corpus.generate(N, tmp_path / "c", seed=8)
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert len(first) == N + 1  # N stories and the feed
    assert first == second
    assert _files(tmp_path / "c") != first


def test_smaller_corpus_is_a_prefix(corpus, tmp_path: Path) -> None:
    corpus.generate(N, tmp_path / "big")
    corpus.generate(5, tmp_path / "small")
    for i in range(5):
        assert (
            corpus.article_path(tmp_path / "small", i).read_bytes()
            == corpus.article_path(tmp_path / "big", i).read_bytes()
        )


def test_stories_parse_with_title_place_date(corpus, tmp_path: Path) -> None:
    manifest = corpus.generate(N, tmp_path)
    paths = sorted((tmp_path / "articles").rglob("*.txt"))
    assert len(paths) == N
    agencies = set()
    for path in paths[:12]:
        article = read_article(path)
        assert article.title and article.title != "(untitled)"
        assert article.place, path.read_text()[:300]
        assert article.date, path.read_text()[:300]
        assert article.agency in {"TASS", "Reuters", "AP"}
        agencies.add(article.agency)
        labels = {e.label for e in recognize(article.text)}
        assert {"PERSON", "PLACE", "DATE"} <= labels
    assert agencies == {"TASS", "Reuters", "AP"}
    probe = read_article(Path(manifest["probe"]["path"]))
    assert probe.title == manifest["probe"]["title"]
    assert probe.date_iso == "2025-12-31"  # newer than any other story
    # Saved on the day they were filed: a dateline without a year gets its own year, so
    # the probe is the newest (first) row, not stories of "November 26" read as this year.
    dated = [read_article(path).date_iso for path in paths]
    assert all(d and "2024-01-01" <= d <= "2025-12-31" for d in dated), dated
    assert max(dated) == probe.date_iso and dated.count(probe.date_iso) == 1
    assert manifest["probe"]["text"] in probe.text


def test_feed_is_rss_with_n_items(corpus, tmp_path: Path) -> None:
    manifest = corpus.generate(N, tmp_path)
    root = ET.parse(manifest["feed"]).getroot()
    assert root.tag == "rss" and root.get("version") == "2.0"
    items = root.findall("./channel/item")
    assert len(items) == N
    assert items[0].findtext("title") == manifest["probe"]["title"]
    assert all(item.findtext("pubDate") and item.findtext("description") for item in items)
    assert len({item.findtext("guid") for item in items}) == N


def test_shards_hold_at_most_1000(corpus, tmp_path: Path) -> None:
    assert corpus.article_path(tmp_path, 999).parent.name == "000"
    assert corpus.article_path(tmp_path, 1000).parent.name == "001"
