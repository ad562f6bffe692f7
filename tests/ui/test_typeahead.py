"""Keys typed in one burst, as a fast typist or a paste sends them, land where they were meant.

A terminal delivers "/minsk" in one read: all six keys reach the app before "/" has moved
the focus. Pilot's press() waits between keys, so these tests post the keys at once, the
way the terminal driver does.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea

from briefreader.ui.app import BriefreaderApp
from briefreader.ui.screens.article_list import ArticleListScreen
from briefreader.ui.screens.dialogs import NoteEditor
from pilot import open_row, settle

KEY_NAMES = {"/": "slash", " ": "space", ",": "comma", "\r": "enter"}


async def burst(pilot, text: str) -> None:
    """Every key of `text` handed to the app at once, then time to handle them."""
    for char in text:
        key = KEY_NAMES.get(char, char)
        pilot.app.post_message(events.Key(key, None if char == "\r" else char))
    await settle(pilot)


async def test_a_filter_typed_in_one_burst_goes_into_the_filter_box(make_session):
    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await burst(pilot, "/Minsk")
        assert app.screen.query_one("#filter", Input).value == "Minsk"
        assert isinstance(app.screen, ArticleListScreen)  # "n" did not open the note editor
        assert not any(
            session.store.reading_state(s.id).starred for s in session.library.summaries()
        )


async def test_a_tag_typed_right_after_t_is_the_tag(make_session):
    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = app.list_screen.table.entries[0].summary
        order = [e.summary.id for e in app.list_screen.table.entries]
        await burst(pilot, "tquick,fox\r")
        assert session.store.annotation(first.id).tags == ["quick", "fox"]
        assert [e.summary.id for e in app.list_screen.table.entries] == order  # no "o" sort


async def test_a_note_typed_right_after_n_is_the_note(make_session):
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await burst(pilot, "nShoigu said so")
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "Shoigu said so"


async def test_a_search_typed_in_one_burst_in_the_reader_finds(make_session):
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        reader = await open_row(pilot, 0)
        await burst(pilot, "/Minsk\r")
        assert reader.find_query == "Minsk" and reader.matches
        assert reader.selection is None  # "s" and "k" were letters, not reader keys
