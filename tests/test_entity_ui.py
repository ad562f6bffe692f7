"""Entities as a way to move: between mentions in an article, and across the library."""

from __future__ import annotations

from briefreader.entity_index import EntityIndex
from briefreader.ui.app import BriefreaderApp
from briefreader.ui.entity_panel import EntityPanel, article_counts
from briefreader.ui.list_screen import ArticleListScreen
from pilot import open_row, settle, table_titles

TITLE_002 = "Bolstering Union State’s defenses"


def test_entity_index_counts_articles_and_company():
    index = EntityIndex(
        [
            (
                "a",
                [
                    ("PERSON", "Dmitry Mezentsev"),
                    ("PLACE", "Minsk"),
                    ("ORG", "Union State"),
                    ("DATE", "Today"),
                ],
            ),
            ("b", [("PERSON", "Viktor Khrenin"), ("PLACE", "MINSK")]),
            ("c", [("PERSON", "Dmitry Mezentsev"), ("PLACE", "Minsk")]),
        ]
    )
    assert index.articles_for("minsk") == {"a", "b", "c"}
    assert index.articles_for("Dmitry  Mezentsev") == {"a", "c"}
    assert index.co_occurring("Dmitry Mezentsev") == [("Minsk", 2), ("Union State", 1)]
    assert index.articles_for("nobody") == set()


async def test_brackets_walk_the_entities_and_E_lists_them(make_session):
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        index = next(i for i, t in enumerate(table_titles(app)) if t.startswith(TITLE_002))
        reader = await open_row(pilot, index)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        first = reader.current_entity
        assert first is not None
        status = str(reader.query_one("#reader-status").render())
        assert f"entity {first + 1} of {len(reader.entities)}" in status
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert reader.current_entity == first + 1
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert reader.current_entity == first
        await pilot.press("escape")  # leaves entity mode first, not the reader
        await pilot.pause()
        assert reader.current_entity is None and app.screen is reader
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, EntityPanel)
        rows = article_counts(reader.entities)
        assert rows[0][2] >= rows[-1][2]  # most mentioned first
        names = [name for _, name, _ in rows]
        assert "Dmitry Mezentsev" in names and "Minsk" in names
        await pilot.press("enter")  # jumps to the first mention of the top entity
        await pilot.pause()
        assert app.screen is reader
        assert reader.entities[reader.current_entity].text.casefold() == rows[0][1].casefold()


async def test_filter_the_library_by_an_entity_from_the_reader(make_session):
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        index = next(i for i, t in enumerate(table_titles(app)) if t.startswith(TITLE_002))
        reader = await open_row(pilot, index)
        await pilot.press("E")
        await pilot.pause()
        panel = app.screen
        names = [name for _, name, _ in article_counts(reader.entities)]
        panel.query_one("OptionList").highlighted = names.index("Dmitry Mezentsev")
        await pilot.pause()
        company = str(panel.query_one("#co-occurring").render())
        assert company.startswith("Often with: Belarus (1), ")  # by count, then name
        assert "October 26" not in company  # dates are not company
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ArticleListScreen)
        assert app.list_screen.query_text == 'entity:"Dmitry Mezentsev"'
        assert [t[:33] for t in table_titles(app)] == [TITLE_002]
