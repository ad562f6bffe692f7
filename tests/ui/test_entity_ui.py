"""Entities as a way to move: between mentions in an article, and across the library."""

from __future__ import annotations

from briefreader.entities.index import EntityIndex
from briefreader.ui.app import BriefreaderApp
from briefreader.ui.screens.article_list import ArticleListScreen
from briefreader.ui.widgets.entity_panel import EntityPanel, article_counts
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
        shown = reader.shown_entities()
        # From the top, the first mention in the text shown: the dateline's ("MINSK",
        # "TASS") are not drawn as text, so stepping onto them showed nothing.
        assert first == shown[0]
        assert [e.text for e in reader.entities[: shown[0]]] == [
            e.text for e in reader.entities if e.end <= reader.blocks[0][1]
        ]
        assert all(reader.entities[i].start >= reader.blocks[0][1] for i in shown)
        status = str(reader.query_one("#reader-status").render())
        assert f"· 1/{len(shown)} {reader.entities[first].text} " in status
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


async def test_correcting_entities_applies_everywhere_and_undoes(make_session):
    session = make_session()
    app = BriefreaderApp(session)
    said: list[str] = []
    say = app.say
    app.say = lambda message, *args: (said.append(message), say(message, *args))[1]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        index = next(i for i, t in enumerate(table_titles(app)) if t.startswith(TITLE_002))
        reader = await open_row(pilot, index)
        target = next(i for i, e in enumerate(reader.entities) if e.text == "West")
        reader.go_to_entity(target)
        await pilot.press("l")  # West: place → date (the next label)
        await pilot.pause()
        west = [e for e in reader.entities if e.text == "West"]
        assert west and all(e.label == "DATE" for e in west)
        await pilot.press("u")
        await pilot.pause()
        assert all(e.label == "PLACE" for e in reader.entities if e.text == "West")
        reader.go_to_entity(next(i for i, e in enumerate(reader.entities) if e.text == "West"))
        await pilot.press("d")  # not an entity, in any article
        await pilot.pause()
        assert not [e for e in reader.entities if e.text == "West"]
        mezentsev = next(i for i, e in enumerate(reader.entities) if e.text == "Mezentsev")
        reader.go_to_entity(mezentsev)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("Input").value = "Dmitry Mezentsev"
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.entity_index().articles_for(
            "Mezentsev"
        ) == app.session.entity_index().articles_for("Dmitry Mezentsev")
        start = reader.article.text.index("Eurasian security")
        reader.selection = (start, start + len("Eurasian security"))
        reader.refresh_bindings()
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("Input").value = "org"
        await pilot.press("enter")
        await pilot.pause()
        assert any(e.text == "Eurasian security" and e.label == "ORG" for e in reader.entities)
    kinds = sorted(c.kind for c in session.store.corrections())
    assert kinds == ["add", "alias", "reject"]
    # QA: "... is an organisation, in every article in every article; u undoes it".
    corrections = [m for m in said if m.endswith("u undoes it")]
    assert corrections == [
        "“West” is a date, in every article; u undoes it",
        "“West” is not an entity, in any article; u undoes it",
        "“Mezentsev” counts as “Dmitry Mezentsev”, in every article; u undoes it",
        "“Eurasian security” is an organisation, in every article; u undoes it",
    ]
    # The CLI sees the same corrections: they apply to every article.
    summary = session.library.resolve(index_id := reader.summary.id)
    _, entities = session.library.load(summary)
    assert index_id and not [e for e in entities if e.text == "West"]
