"""The key hint line: what it shows at each width, and that a click presses the key."""

from __future__ import annotations

from briefreader.ui.app import BriefreaderApp
from briefreader.ui.screens.dialogs import NoteEditor
from briefreader.ui.screens.help import HelpScreen
from briefreader.ui.widgets.key_bar import KeyBar
from pilot import open_row, settle


def bar_text(app: BriefreaderApp) -> str:
    return str(app.screen.query_one(KeyBar).render())


async def test_wide_list_shows_every_list_key_and_the_palette(make_session):
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        text = bar_text(app)
        for hint in ("t Tag", "n Note", "u Undo", "e Export", "/ Filter", "q Quit", "? Keys"):
            assert hint in text
        assert "^p palette" in text
        assert "more keys" not in text


async def test_narrow_reader_says_keys_were_left_out_and_points_at_help(make_session):
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_row(pilot, 0)
        text = bar_text(app)
        assert text.startswith(" t Tag")
        assert text.rstrip().endswith("? more keys")
        assert "  ? more keys" in text and "   ? more keys" not in text  # spaced like the rest
        assert len(text) <= 80
        await pilot.click(KeyBar, offset=(text.index("? more keys"), 0))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)  # the way to every key
        wide = BriefreaderApp(make_session())
    async with wide.run_test(size=(200, 24)) as pilot:
        await settle(pilot)
        await open_row(pilot, 0)
        assert "E Entities" in bar_text(wide) and "more keys" not in bar_text(wide)


async def test_clicking_a_hint_presses_its_key(make_session):
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        x = bar_text(app).index("n Note")
        assert bar.key_at(x) == "n"
        await pilot.click(KeyBar, offset=(x, 0))
        await settle(pilot)
        assert isinstance(app.screen, NoteEditor)
