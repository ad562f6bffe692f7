"""Small helpers for driving the app with Pilot the way a person would."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Static

from briefreader.ui.app import BriefreaderApp
from briefreader.ui.screens.reader import ReaderScreen
from briefreader.ui.widgets.article_table import cell_texts


async def settle(pilot) -> None:
    """Wait until no worker runs, including ones a finished worker started (read-ahead)."""
    for _ in range(10):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in pilot.app.workers):
            return


async def wait_until(pilot, condition: Callable[[], bool], what: str, limit: float = 10.0) -> None:
    """Let the app run until `condition` holds: for a timer or a worker, not a fixed time.

    The limit only bounds a failing test; a passing one goes on the moment the app gets
    there, however loaded the machine is.
    """
    import time

    give_up = time.monotonic() + limit
    while not condition():
        if time.monotonic() > give_up:
            raise AssertionError(f"the app never got to: {what}")
        await pilot.pause(0.02)


def opens_of(session) -> list[str]:
    """Record the id of every article the library reads from its file from now on."""
    opened: list[str] = []
    real_open = session.library.open

    def counting_open(summary, *args, **kwargs):
        opened.append(summary.id)
        return real_open(summary, *args, **kwargs)

    session.library.open = counting_open
    return opened


def table_titles(app: BriefreaderApp) -> list[str]:
    return [entry.summary.title for entry in app.list_screen.table.entries]


def row_cells(app: BriefreaderApp, index_or_id: int | str) -> dict[str, str]:
    """What one list row shows, column by column, as plain text."""
    table = app.list_screen.table
    if isinstance(index_or_id, str):
        entry = next(e for e in table.entries if e.summary.id == index_or_id)
    else:
        entry = table.entries[index_or_id]
    cells = cell_texts(entry, entry.summary.id in table.selected)
    return {key: text.plain for key, text in cells.items()}


def screen_text(app: BriefreaderApp) -> str:
    """Everything the current screen shows in its Static widgets, as plain text."""
    parts = []
    for widget in app.screen.query(Static):
        rendered = widget.render()
        parts.append(rendered.plain if hasattr(rendered, "plain") else str(rendered))
    return "\n".join(parts)


async def open_row(pilot, index: int) -> ReaderScreen:
    pilot.app.list_screen.table.cursor = index
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ReaderScreen)
    return pilot.app.screen


def library_of(make_session, folder, stories: dict[str, str]):
    """A session whose library is these files (name -> text), written into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in stories.items():
        (folder / name).write_text(text, encoding="utf-8")
    session = make_session()
    session.library.add([folder])
    return session


def edit_on_disk(path, text: str) -> None:
    """Rewrite a file as an editor would, with a clearly later mtime."""
    import os

    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


async def palette_shows(pilot, words: str, timeout: float = 5.0) -> list[str]:
    """Type into the open command palette and wait until a command with the words shows.

    The palette searches in a worker; a fixed pause was too short under load, and enter
    then ran whatever was highlighted (or nothing).
    """
    await pilot.press(*words)
    shown: list[str] = []

    def listed() -> bool:
        nonlocal shown
        options = pilot.app.screen.query("CommandList")
        if not options:
            return False
        found = options.first()
        shown = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
        return found.highlighted is not None and any(words in text for text in shown)

    await wait_until(pilot, listed, f"the palette listing {words!r}", timeout)
    return shown
