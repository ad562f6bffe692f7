"""Small helpers for driving the app with Pilot the way a person would."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from briefreader.ui.app import BriefreaderApp
from briefreader.ui.reader_screen import ReaderScreen


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def table_titles(app: BriefreaderApp) -> list[str]:
    table = app.list_screen.query_one(DataTable)
    return [table.get_row_at(i)[2].plain for i in range(table.row_count)]


def screen_text(app: BriefreaderApp) -> str:
    """Everything the current screen shows in its Static widgets, as plain text."""
    parts = []
    for widget in app.screen.query(Static):
        rendered = widget.render()
        parts.append(rendered.plain if hasattr(rendered, "plain") else str(rendered))
    return "\n".join(parts)


async def open_row(pilot, index: int) -> ReaderScreen:
    table = pilot.app.list_screen.query_one(DataTable)
    table.move_cursor(row=index)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ReaderScreen)
    return pilot.app.screen
