"""README's promises about the list: big lists fold their text early, front-matter tags stay out."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from briefreader.ui.app import BriefreaderApp
from pilot import library_of, open_row, row_cells, screen_text, settle, table_titles

WIRES = {
    "kyiv.txt": "Talks resume in Kyiv\n\nKYIV, Oct 3, 2025 (Reuters) - Officials met.",
    "tokyo.txt": "Markets rally in Tokyo\n\nTOKYO, Sep 1, 2025 (Reuters) - Shares rose.",
    "minsk.txt": "Drills near Minsk\n\nMINSK, November 5, 2025. /TASS/. Viktor Khrenin said.",
    "riga.txt": "Port strike in Riga\n\nRIGA, Aug 8, 2025 (AP) - Dockers stopped work.",
}


async def test_a_big_lists_text_is_folded_for_search_in_the_background(
    make_session, tmp_path: Path, monkeypatch
):
    # README: with 5,000 articles or more the list's text is folded for searching in the
    # background right after it shows. Here four rows count as big.
    import threading

    import briefreader.ui.screens.article_list.rows as list_module

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "With 5,000 articles or more" in readme and list_module.LARGE_LIST == 5000
    monkeypatch.setattr(list_module, "LARGE_LIST", 4)
    folded_on: list[bool] = []
    real = list_module.prepare_search

    def watching(entries):
        folded_on.append(threading.current_thread() is threading.main_thread())
        return real(entries)

    monkeypatch.setattr(list_module, "prepare_search", watching)
    app = BriefreaderApp(library_of(make_session, tmp_path / "wires", WIRES))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)  # no key pressed yet
        assert folded_on and not any(folded_on)  # off the screen's thread
        entries = app.list_screen.table.entries
        assert len(entries) == 4
        assert all(entry._haystack is not None for entry in entries)


async def test_a_small_lists_text_is_folded_only_when_a_filter_needs_it(
    make_session, tmp_path: Path, monkeypatch
):
    import briefreader.ui.screens.article_list.rows as list_module

    monkeypatch.setattr(list_module, "LARGE_LIST", 5)
    app = BriefreaderApp(library_of(make_session, tmp_path / "wires", WIRES))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert not any(entry._haystack is not None for entry in app.list_screen.table.entries)


async def test_front_matter_tags_of_a_markdown_file_are_not_imported(make_session, tmp_path: Path):
    # README: a Markdown file's `tags:` are not imported: your tags are the ones you add.
    story = (
        "---\ntitle: Drills near Brest\ntags: [wire-tag, belarus]\nplace: Brest\n---\n\n"
        "BREST, Nov 5, 2025 (Reuters) - Drills began.\n"
    )
    session = library_of(make_session, tmp_path / "notes", {"story.md": story})
    app = BriefreaderApp(session)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert table_titles(app) == ["Drills near Brest"]
        assert row_cells(app, 0)["place"] == "Brest"  # the front matter was read
        assert row_cells(app, 0)["tags"] == ""
        assert session.store.tag_counts() == {}
        assert session.store.annotations() == []
        reader = await open_row(pilot, 0)
        assert "wire-tag" not in screen_text(app)
        assert "#" not in reader.query_one("#annotations", Static).render().plain
