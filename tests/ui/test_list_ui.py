"""The article list as an analyst uses it: sort, star, read marks, filters, bulk tags."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from briefreader.ui.app import BriefreaderApp
from briefreader.ui.screens.dialogs import ConfirmScreen, TextPrompt
from briefreader.ui.widgets.article_table import ListHeader, cell_texts, row_text
from pilot import open_row, row_cells, settle, table_titles


def write_wires(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    stories = {
        "kyiv.txt": "Talks resume in Kyiv\n\nKYIV, Oct 3, 2025 (Reuters) - Officials met.",
        "tokyo.txt": "Markets rally in Tokyo\n\nTOKYO, Sep 1, 2025 (Reuters) - Shares rose.",
        "minsk.txt": "Drills near Minsk\n\nMINSK, November 5, 2025. /TASS/. Viktor Khrenin said.",
        "riga.txt": "Port strike in Riga\n\nRIGA, Aug 8, 2025 (AP) - Dockers stopped work.",
    }
    for name, text in stories.items():
        (folder / name).write_text(text, encoding="utf-8")


def wires_app(make_session, tmp_path: Path):
    """A session whose library is the four wire stories, and an app on it."""
    write_wires(tmp_path / "wires")
    session = make_session()
    session.library.add([tmp_path / "wires"])
    return session, BriefreaderApp(session)


def title_is_bold(app: BriefreaderApp, index: int) -> bool:
    entry = app.list_screen.table.entries[index]
    return "bold" in str(cell_texts(entry, False)["title"].style)


async def test_opening_marks_read_and_star_is_undoable(make_session):
    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        first = app.list_screen.current_summary()
        assert row_cells(app, 0)["state"] == "•"
        assert title_is_bold(app, 0)  # unread
        await open_row(pilot, 0)
        await pilot.press("escape")
        await pilot.pause()
        assert session.store.reading_state(first.id).read
        assert row_cells(app, 0)["state"] == " "
        assert not title_is_bold(app, 0)
        # The same title in the row as drawn, cut (with "…") only to fit its column.
        assert row_cells(app, 0)["title"] == first.title
        table = app.list_screen.table
        drawn = row_text(table.entries[0], False, table.columns).plain
        assert first.title[:20] in drawn
        await pilot.press("s")
        await pilot.pause()
        assert session.store.reading_state(first.id).starred
        assert row_cells(app, 0)["state"] == "★"
        await pilot.press("u")
        await pilot.pause()
        assert not session.store.reading_state(first.id).starred
        await pilot.press("r")  # back to unread
        await pilot.pause()
        assert not session.store.reading_state(first.id).read


async def test_sort_by_keys_and_by_clicking_a_column(make_session, tmp_path: Path):
    _, app = wires_app(make_session, tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert table_titles(app)[0] == "Drills near Minsk"  # newest first
        await pilot.press("o")  # date → place
        await pilot.pause()
        assert [row_cells(app, i)["place"].strip() for i in range(4)] == [
            "Kyiv",
            "Minsk",
            "Riga",
            "Tokyo",
        ]
        await pilot.press("O")
        await pilot.pause()
        assert row_cells(app, 0)["place"].strip() == "Tokyo"
        header = app.list_screen.query_one(ListHeader)
        title = next(c for c in header.columns if c.key == "title")
        x = sum(c.width + 1 for c in header.columns[: header.columns.index(title)]) + 2
        await pilot.click(ListHeader, offset=(x, 0))
        await pilot.pause()
        assert app.list_screen.sort_key == "title"
        assert table_titles(app)[0] == "Drills near Minsk"
        assert "sorted by title" in str(app.list_screen.query_one("#list-status").render())


async def test_structured_filter_is_shown_and_clearable(make_session, tmp_path: Path):
    _, app = wires_app(make_session, tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*"source:reuters after:2025-09-15")
        await pilot.pause()
        assert table_titles(app) == ["Talks resume in Kyiv"]
        status = str(app.list_screen.query_one("#list-status").render())
        assert "1 of 4 articles" in status and "filter: source:reuters" in status
        await pilot.press("enter")
        await pilot.press(*"2")  # quick tag on the one shown article
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert len(table_titles(app)) == 4
        assert not app.list_screen.query_one("#filter", Input).display
        await pilot.press("slash")
        await pilot.press(*"after:someday")
        await pilot.pause()
        status = str(app.list_screen.query_one("#list-status").render())
        assert "needs a date like 2025-10-01" in status


async def test_bulk_tag_asks_first_and_one_undo_reverts_all(make_session, tmp_path: Path):
    session, app = wires_app(make_session, tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        ids = [e.summary.id for e in app.list_screen.table.entries]
        await pilot.press("space", "space", "space")  # selects three, moving down
        await pilot.pause()
        assert app.list_screen.table.selected == set(ids[:3])
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"Baltic Sea, ports")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        # The question shows the tags as they will be written (it lowercased them).
        assert app.screen.question == "Add #Baltic-Sea #ports on 3 selected articles?"
        await pilot.press("n")  # said no: nothing changes
        await pilot.pause()
        assert all(session.store.annotation(i).tags == [] for i in ids)
        await pilot.press("3")  # quick tag #defense on the selection
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert [session.store.annotation(i).tags for i in ids] == [["defense"]] * 3 + [[]]
        assert all(row_cells(app, i)["tags"].strip() == "#defense" for i in range(3))
        await pilot.press("u")
        await pilot.pause()
        assert all(session.store.annotation(i).tags == [] for i in ids)
        await pilot.press("escape")  # clears the selection first
        await pilot.pause()
        assert app.list_screen.table.selected == set()


async def test_tag_panel_counts_filter_and_rename(make_session, tmp_path: Path):
    session, app = wires_app(make_session, tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        for row in (0, 1):
            app.list_screen.table.cursor = row
            await pilot.press("3")
        app.list_screen.table.cursor = 2
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("number_sign")
        await pilot.pause()
        panel = app.list_screen.query_one("#tag-panel", OptionList)
        assert panel.has_focus
        options = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert options[0].split() == ["2", "#defense"] and options[1].split() == ["1", "#follow-up"]
        await pilot.press("j")  # j/k move here as in the list beside it
        await pilot.pause()
        assert panel.highlighted == 1
        await pilot.press("k")
        await pilot.pause()
        assert panel.highlighted == 0
        await pilot.press("enter")
        await pilot.pause()
        assert app.list_screen.query_text == "tag:defense"
        assert len(table_titles(app)) == 2
        assert not panel.display and app.list_screen.table.has_focus  # closed on the choice
        await pilot.press("number_sign")
        await pilot.pause()
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        app.screen.query_one(Input).value = "military"
        await pilot.press("enter")
        await pilot.pause()
        assert session.store.tag_counts() == {"military": 2, "follow-up": 1}
        await pilot.press("u")
        await pilot.pause()
        assert session.store.tag_counts() == {"defense": 2, "follow-up": 1}


async def test_list_at_80x24_keeps_titles_readable_and_a_status_line(make_session):
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        columns = {c.key: c.width for c in app.list_screen.table.columns}
        assert columns["title"] >= 30 and "source" not in columns
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        columns = {c.key: c.width for c in app.list_screen.table.columns}
        assert columns["title"] >= 100 and "source" in columns


async def test_indexing_shows_progress_and_fills_the_list_as_it_goes(make_session, tmp_path):
    write_wires(tmp_path / "wires")
    session = make_session()
    app = BriefreaderApp(session, add_paths=[tmp_path / "wires"])
    seen: list[tuple[int, int, int, bool]] = []
    real = app.list_screen.show_progress

    def watching(done, total, new):
        real(done, total, new)
        bar = app.list_screen.query_one("#ingest")
        seen.append((done, total, len(app.list_screen.table.entries), bar.display))

    app.list_screen.show_progress = watching
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert sorted(table_titles(app)) == sorted(
            [
                "Talks resume in Kyiv",
                "Markets rally in Tokyo",
                "Drills near Minsk",
                "Port strike in Riga",
            ]
        )
        assert not app.list_screen.query_one("#ingest").display
    finals = [s for s in seen if s[1] == 4]
    assert finals and finals[-1][0] == 4  # the last report covers every file
    assert any(rows >= 4 for _, total, rows, _ in seen if total == 4)  # rows came with it


async def test_an_annotated_article_whose_file_vanished_is_reported(make_session, tmp_path):
    session, _ = wires_app(make_session, tmp_path)
    riga = next(s for s in session.library.summaries() if s.title.startswith("Port strike"))
    session.store.set_note(riga.ref, "dockers: follow up")
    (tmp_path / "wires" / "riga.txt").unlink()
    app = BriefreaderApp(session)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        await settle(pilot)
        toasts = " ".join(str(t.render()) for t in app.screen.query("Toast"))
        assert "1 annotated article(s) have no file in the library" in toasts
    assert session.store.annotation(riga.id).note == "dockers: follow up"  # kept


async def test_annotated_samples_stay_listed_and_are_never_called_missing(make_session, tmp_path):
    # QA: a starred and a highlighted sample vanished when a folder was added, and the
    # app then said they had no file "(moved or deleted?)".
    session = make_session()
    first, second = session.library.summaries()
    session.store.toggle_star([first.id])
    session.store.set_note(second.ref, "my take")
    write_wires(tmp_path / "wires")
    session.library.add([tmp_path / "wires"])
    app = BriefreaderApp(session)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        await settle(pilot)
        shown = {entry.summary.id for entry in app.list_screen.table.entries}
        assert {first.id, second.id} <= shown
        assert len(shown) == 6
        toasts = " ".join(str(t.render()) for t in app.screen.query("Toast"))
        assert "no file in the library" not in toasts
    assert session.library.missing_annotated([]) == []  # samples are never missing


async def test_a_folder_given_again_at_launch_brings_no_repeated_warnings(make_session, tmp_path):
    write_wires(tmp_path / "wires")
    (tmp_path / "wires" / "empty.txt").write_text("", encoding="utf-8")
    session = make_session()
    session.library.add([tmp_path / "wires"])
    app = BriefreaderApp(session, add_paths=[tmp_path / "wires"])
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        await settle(pilot)
        toasts = " ".join(str(t.render()) for t in app.screen.query("Toast"))
        assert "Skipped" not in toasts and "empty.txt" not in toasts
        assert len(table_titles(app)) == 4


async def test_a_big_library_shows_its_top_rows_before_the_index_is_read(
    make_session, tmp_path: Path, monkeypatch
):
    import threading

    from briefreader.library import catalog as library_module

    monkeypatch.setattr(library_module, "FIRST_ROWS", 2)
    session, _ = wires_app(make_session, tmp_path)
    newest = [s.title for s in session.library.summaries()]
    session.close()
    again = make_session()
    release = threading.Event()
    real_load = library_module.Library._load_index

    def slow_load(self):
        release.wait(10)  # the index of 100k articles takes a while to read
        return real_load(self)

    monkeypatch.setattr(library_module.Library, "_load_index", slow_load)
    app = BriefreaderApp(again)
    async with app.run_test(size=(120, 30)) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if app.list_screen.table.entries:
                break
        assert table_titles(app) == newest[:2]  # the last session's top rows, in order
        status = str(app.list_screen.query_one("#list-status").render())
        assert "the newest 2 of 4" in status and "loading" in status
        release.set()
        await settle(pilot)
        await settle(pilot)
        assert table_titles(app) == newest  # then the whole list
        status = str(app.list_screen.query_one("#list-status").render())
        assert "4 articles" in status and "loading" not in status


async def test_after_quit_the_indexing_worker_stops_reporting_to_the_screens(make_session):
    from briefreader.ui.app.loading import ProgressTicker

    app = BriefreaderApp(make_session())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        calls: list[object] = []
        app.call_from_thread = lambda *args: calls.append(args)  # type: ignore[method-assign]
        ticker = ProgressTicker(app)
        ticker.progress(1, 10)
        assert len(calls) == 1  # while running, progress reaches the list
        await pilot.press("q")
    assert app.leaving
    ticker.progress(10, 10)  # a 100k check still running after q: its screens are gone
    assert len(calls) == 1


async def test_the_ui_thread_never_waits_at_a_pause_point(make_session):
    import threading

    class WatchedEvent(threading.Event):
        """Records which threads waited on it (no clock: a wait is seen, not timed)."""

        def __init__(self) -> None:
            super().__init__()
            self.waited_on: list[int] = []

        def wait(self, timeout: float | None = None) -> bool:
            self.waited_on.append(threading.get_ident())
            return super().wait(timeout)

    app = BriefreaderApp(make_session())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        quiet = WatchedEvent()  # cleared, as while an article opens
        app._quiet = quiet
        app.pause_point()  # e.g. an export listing the library on the UI thread
        assert quiet.waited_on == []
        # A background loop does wait there (released at once here: the event is set).
        quiet.set()
        worker = threading.Thread(target=app.pause_point)
        worker.start()
        worker.join()
        assert quiet.waited_on == [worker.ident]


async def test_a_new_filter_puts_the_cursor_on_its_first_row(make_session, tmp_path: Path):
    # Not on whatever row has the old row number: the next key (t, 1-9) would tag it.
    folder = tmp_path / "news"
    folder.mkdir()
    for n, title in enumerate(["Minsk talks one", "Minsk talks two", "Kyiv report three"]):
        (folder / f"{n}.txt").write_text(
            f"{title}\n\nMINSK, May {3 - n}. /TASS/. Text.\n", encoding="utf-8"
        )
    session = make_session()
    session.library.add([folder])
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.list_screen.table
        table.cursor = [e.summary.title for e in table.entries].index("Kyiv report three")
        await pilot.press("slash", *"talks")
        await settle(pilot)
        assert len(table.entries) == 2
        assert table.cursor == 0 and table.current.summary.title == table.entries[0].summary.title


async def test_clearing_a_filter_scrolls_the_cursor_row_into_view(make_session, tmp_path: Path):
    # QA at 80x24: sort by title, filter source:ap (a list that fits, so no scrollbar),
    # open and close an article, clear the filter: the cursor row was below the screen.
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(60):
        if n % 7 == 0:
            text = f"Zeta wire {n:02d}\n\nKYIV, May {n % 28 + 1}, 2025 (AP) - Text {n}.\n"
        else:
            text = f"Alpha wire {n:02d}\n\nMINSK, May {n % 28 + 1}. /TASS/. Text {n}.\n"
        (folder / f"{n:02d}.txt").write_text(text, encoding="utf-8")
    session = make_session()
    session.library.add([folder])
    app = BriefreaderApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o", "o", "o")
        assert app.list_screen.sort_key == "title"
        await pilot.press("slash", *"source:ap", "escape", "enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        table = app.list_screen.table
        assert len(table.entries) == 60
        assert table.current.summary.title.startswith("Zeta")
        assert table.cursor > table.size.height  # the case: a row far below the top
        top = table.scroll_offset.y
        assert top <= table.cursor < top + table.size.height


async def test_a_big_librarys_rows_are_built_off_the_screens_thread(
    make_session, tmp_path: Path, monkeypatch
):
    # At 100k, building and sorting the rows on the screen's thread froze the list for
    # ~0.5 s after start; the loading worker builds them (here: any list counts as big).
    import threading

    import briefreader.ui.app.loading as app_module

    monkeypatch.setattr(app_module, "LARGE_LIST", 1)
    built_on: list[bool] = []
    real = app_module.build_rows

    def watching(*args, **kwargs):
        built_on.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(app_module, "build_rows", watching)
    _, app = wires_app(make_session, tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert built_on and not any(built_on)  # in the worker, never on the screen
        assert len(table_titles(app)) == 4
        await pilot.press("3")  # a tag shows at once on the rows the worker built
        await pilot.pause()
        assert "#defense" in row_cells(app, 0)["tags"]


def test_rows_built_before_a_store_change_do_not_fit_any_more(make_session, tmp_path: Path):
    from briefreader.library.listing import build_rows

    session, _ = wires_app(make_session, tmp_path)
    summaries = session.library.summaries()
    rows = build_rows(summaries, session.store, session.library, ("date", True))
    stamp = session.store.change_stamp()
    assert rows.fits(summaries, ("date", True), stamp)
    assert not rows.fits(summaries, ("title", False), stamp)  # another sort
    assert not rows.fits(list(summaries), ("date", True), stamp)  # another listing
    session.store.toggle_tag(summaries[0].ref, "late")
    assert not rows.fits(summaries, ("date", True), session.store.change_stamp())
    assert [e.summary.id for e in rows.in_order] == [
        s.id for s in sorted(summaries, key=lambda s: (s.sort_date, s.path), reverse=True)
    ]


async def test_rows_joining_at_start_leave_an_untouched_cursor_on_the_newest(
    make_session, tmp_path: Path
):
    # Files are read in name order; a newer story read later sorts above the first one.
    # Before any key, the cursor belongs on the top row (the newest), not on whichever
    # file came first, or the first t tags an article the user never looked at.
    from briefreader.session import open_session

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Older story\n\nMINSK, January 5. /TASS/. On January 5, 2030 talks went on.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Newer story\n\nMINSK, November 5. /TASS/. On November 5, 2030 talks ended.\n",
        encoding="utf-8",
    )
    elsewhere = open_session(tmp_path / "elsewhere")  # the rows as an indexing worker finds them
    try:
        elsewhere.library.add([folder])
        older, newer = sorted(elsewhere.library.summaries(), key=lambda s: s.title != "Older story")
    finally:
        elsewhere.close()
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.list_screen
        samples = len(table_titles(app))
        screen.show_progress(1, 2, [older])  # read first, shown first
        await pilot.pause()
        screen.show_progress(2, 2, [newer])  # newer: sorts above it
        await pilot.pause()
        assert table_titles(app)[:1] == ["Newer story"] and len(table_titles(app)) == samples + 2
        assert screen.table.cursor == 0 and screen.current_summary().title == "Newer story"
        # Once the user moved, their article keeps the cursor as rows join.
        await pilot.press("j")
        chosen = screen.current_summary()
        screen.show_progress(2, 2, [])
        await pilot.pause()
        assert screen.current_summary() == chosen


async def test_a_shown_row_follows_its_file_edited_on_disk(make_session, tmp_path: Path):
    # QA: edited while the app ran, a starred, tagged row kept its old title and showed no
    # star or tags until the cursor reached it.
    _, app = wires_app(make_session, tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert table_titles(app)[0] == "Drills near Minsk"
        await pilot.press("s", "3")  # star and tag the top row
        await pilot.pause()
        (tmp_path / "wires" / "minsk.txt").write_text(
            "Drills near Minsk end\n\nMINSK, November 5, 2025. /TASS/. Viktor Khrenin said.",
            encoding="utf-8",
        )
        app._check_outside_changes()  # what the two-second timer does; no key pressed
        await settle(pilot)
        assert table_titles(app)[0] == "Drills near Minsk end"
        cells = row_cells(app, 0)
        assert cells["state"].strip() == "★" and "#defense" in cells["tags"]
