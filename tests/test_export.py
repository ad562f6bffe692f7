"""Exports: Markdown for notebooks, JSON backups that restore exactly, HTML that stays inert."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from briefreader import store as store_module
from briefreader.cli import main
from briefreader.export import (
    ExportError,
    escape_markdown,
    obsidian_tag,
    parse_backup,
    select,
    to_html,
    to_json,
    to_markdown,
)
from briefreader.session import Session, open_session
from briefreader.store import Annotation, ArticleRef
from briefreader.tags import TagEdit


@pytest.fixture
def session(tmp_path: Path):
    opened = open_session(tmp_path / "data")
    yield opened
    opened.close()


def seeds_by_title(session: Session) -> dict[str, ArticleRef]:
    return {s.title[:20]: s.ref for s in session.library.summaries()}


def annotate_seeds(session: Session) -> tuple[ArticleRef, ArticleRef]:
    refs = seeds_by_title(session)
    no_plans = refs["There are no plans t"]
    bolstering = refs["Bolstering Union Sta"]
    session.store.edit_tags([no_plans], TagEdit(add=("defense", "Union-State"), remove=()))
    session.store.set_note(no_plans, "Khrenin: no expansion.\n\nSee also the 2024 pact.")
    session.store.edit_tags([bolstering], TagEdit(add=("follow-up",), remove=()))
    return no_plans, bolstering


def sections(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("## ")]


# -- Markdown --------------------------------------------------------------------------


def test_markdown_has_a_section_per_annotated_article(session: Session):
    no_plans, _ = annotate_seeds(session)
    markdown = to_markdown(select(session.store.annotations()))
    assert markdown.startswith("# briefreader notes\n")
    assert sorted(sections(markdown)) == [
        "## Bolstering Union State’s defenses continues in response to new threats — "
        "alliance official",
        "## There are no plans to expand the regional group of forces of Russia and Belarus",
    ]
    parts = markdown.split("\n## ")[1:]
    first = next(p for p in parts if p.startswith("Bolstering"))
    second = next(p for p in parts if p.startswith("There are no plans"))
    assert "- **Source:** TASS" in first
    assert "- **Date:** October 26" in first
    assert "- **Tags:** #follow-up" in first
    assert "### Notes" not in first
    assert "- **Source:** TASS" in second
    assert "- **Date:** 2025-12-19" in second
    assert "- **Place:** Minsk" in second
    assert f"`{no_plans.id}`" in second
    assert "- **Tags:** #defense #Union-State" in second
    assert "### Notes\n\nKhrenin: no expansion.\n\nSee also the 2024 pact.\n" in second


def test_unannotated_articles_are_left_out(session: Session):
    _, bolstering = annotate_seeds(session)
    session.store.edit_tags([bolstering], TagEdit(add=(), remove=("follow-up",)))
    markdown = to_markdown(select(session.store.annotations()))
    assert len(sections(markdown)) == 1
    assert "Bolstering" not in markdown
    assert bolstering.id not in markdown


def test_empty_export_says_so():
    markdown = to_markdown([])
    assert sections(markdown) == []
    assert "No annotated articles" in markdown


def test_tag_filter(session: Session):
    annotate_seeds(session)
    chosen = select(session.store.annotations(), "#DEFENSE")
    assert [a.title[:20] for a in chosen] == ["There are no plans t"]


def test_markdown_special_characters_in_titles_are_escaped():
    title = "*Breaking* [news](http://x.test) <b>#1</b> _under_ `code` a|b ~x~ back\\slash"
    annotation = Annotation("cccccccccccc", tags=["t"], title=title, agency="AP")
    markdown = to_markdown([annotation])
    assert sections(markdown) == [
        r"## \*Breaking\* \[news\](http://x.test) \<b\>\#1\</b\> \_under\_ \`code\` a\|b "
        r"\~x\~ back\\slash"
    ]
    assert escape_markdown("# Heading\nsecond line") == r"\# Heading second line"


def test_tags_are_obsidian_safe():
    assert obsidian_tag("defense") == "#defense"
    assert obsidian_tag("Union State") == "#Union-State"
    assert obsidian_tag("R&D") == "#R-D"
    assert obsidian_tag("2025") == "#tag-2025"  # Obsidian ignores all-digit tags
    annotation = Annotation("dddddddddddd", tags=["Union State", "2025", "a,b"], title="T")
    tag_line = next(x for x in to_markdown([annotation]).splitlines() if "**Tags:**" in x)
    tags = tag_line.split("**Tags:** ")[1].split(" ")
    assert tags == ["#Union-State", "#tag-2025", "#a-b"]
    for tag in tags:
        assert re.fullmatch(r"#[\w/\-]*[^\W\d][\w/\-]*", tag)


def test_reexport_is_byte_identical(session: Session, tmp_path: Path):
    annotate_seeds(session)
    first = to_markdown(select(session.store.annotations()))
    session.store.close()
    again = open_session(tmp_path / "data")
    try:
        second = to_markdown(select(again.store.annotations()))
        assert second.encode("utf-8") == first.encode("utf-8")
        assert to_json(select(again.store.annotations())) == to_json(
            select(again.store.annotations())
        )
    finally:
        again.close()


# -- HTML ------------------------------------------------------------------------------


def test_html_escapes_titles_notes_and_tags():
    annotation = Annotation(
        "eeeeeeeeeeee",
        tags=["<b>bold</b>"],
        note="<script>alert('note')</script> & more",
        title="<script>alert('title')</script>",
        agency="TASS",
        date="2025-12-19",
    )
    page = to_html([annotation])
    assert "<script>" not in page
    assert "<b>bold" not in page
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(&#x27;note&#x27;)&lt;/script&gt; &amp; more" in page
    assert "TASS" in page and "2025-12-19" in page
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<section>") == 1


# -- JSON backups ----------------------------------------------------------------------


class _Clock:
    """Stands in for datetime in the store so 'updated' stamps are known values."""

    value = datetime.fromisoformat("2024-01-01T10:00:00+00:00")

    @classmethod
    def now(cls, tz=None):
        return cls.value


def test_json_export_import_into_empty_dir_export_is_identical(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(store_module, "datetime", _Clock)
    source, target = tmp_path / "source", tmp_path / "target"
    first = open_session(source)
    try:
        annotate_seeds(first)
    finally:
        first.close()
    backup = tmp_path / "backup.json"
    assert main(["export", "--format", "json", "-o", str(backup), "--data-dir", str(source)]) == 0

    # The backup is restored later, on another machine.
    monkeypatch.setattr(_Clock, "value", datetime.fromisoformat("2025-06-30T12:00:00+00:00"))
    assert main(["import", str(backup), "--data-dir", str(target)]) == 0
    restored = tmp_path / "restored.json"
    assert main(["export", "--format", "json", "-o", str(restored), "--data-dir", str(target)]) == 0

    original = json.loads(backup.read_text(encoding="utf-8"))
    assert len(original["annotations"]) == 2
    again = json.loads(restored.read_text(encoding="utf-8"))
    assert len(again["annotations"]) == len(original["annotations"])
    for got, want in zip(again["annotations"], original["annotations"], strict=True):
        assert got == want  # every field, including when it was last changed
    assert again == original
    assert restored.read_bytes() == backup.read_bytes()


def test_json_export_is_a_complete_backup(session: Session):
    no_plans, _ = annotate_seeds(session)
    payload = json.loads(to_json(select(session.store.annotations())))
    assert payload["format"] == "briefreader-annotations"
    assert payload["schema"] == 1
    by_id = {a["article_id"]: a for a in payload["annotations"]}
    assert by_id[no_plans.id]["tags"] == ["defense", "Union-State"]
    assert by_id[no_plans.id]["note"] == "Khrenin: no expansion.\n\nSee also the 2024 pact."
    assert by_id[no_plans.id]["agency"] == "TASS"
    restored = parse_backup(to_json(select(session.store.annotations())), "backup.json")
    assert {a.article_id: a.tags for a in restored} == {k: v["tags"] for k, v in by_id.items()}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("not json at all", "is not JSON"),
        ('{"format": "something-else"}', "not a briefreader JSON export"),
        ('{"format": "briefreader-annotations", "schema": 99, "annotations": []}', "newer"),
        ('{"format": "briefreader-annotations", "schema": 1}', "no annotations"),
    ],
)
def test_parse_backup_rejects_other_files_with_a_reason(raw: str, message: str):
    with pytest.raises(ExportError, match=message) as error:
        parse_backup(raw, "mine.json")
    assert "mine.json" in str(error.value)
    assert "\n" not in str(error.value)
