"""The TUI as a person uses it: keys pressed through Pilot, checked on screen and in the store."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual.widgets import Input, Static, TextArea

from briefreader.annotations.model import Annotation
from briefreader.annotations.tags import TagEdit
from briefreader.library.filtering import ListEntry
from briefreader.ui.app import BriefreaderApp
from briefreader.ui.screens.article_list import ArticleListScreen
from briefreader.ui.screens.help import HelpScreen
from briefreader.ui.widgets.article_table import ArticleTable, columns_for, row_text
from pilot import open_row, row_cells, screen_text, settle, table_titles

TITLE_002 = "Bolstering Union State’s defenses continues in response to new threats"


async def test_first_run_lists_the_two_samples_with_proper_titles(make_session):
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        titles = table_titles(app)
        assert len(titles) == 2
        assert any(t.startswith(TITLE_002) for t in titles)
        assert any(t.startswith("There are no plans to expand") for t in titles)
        assert not any(t == "All news" for t in titles)
        # The list has focus at start so j/k and enter work at once.
        assert isinstance(app.focused, ArticleTable)
        # At 80 columns at least 20 characters of each title are visible.
        title_column = next(c for c in app.list_screen.table.columns if c.key == "title")
        assert title_column.width >= 20
        screen = app.export_screenshot()
        assert "There are no plans to e" in screen.replace("&#160;", " ")


async def test_list_shows_date_place_and_tags_columns(make_session):
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        labels = [c.header for c in app.list_screen.table.columns]
        assert labels[1:6] == ["Date", "Place", "Source", "Title", "Tags"]
        first = row_cells(app, 0)
        assert first["date"] == "2025-12-19" and first["place"] == "Minsk"
        assert first["source"] == "TASS" and first["state"] == "•"  # unread


async def test_open_article_shows_dateline_legend_and_highlighted_entities(make_session):
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        index = next(i for i, t in enumerate(table_titles(app)) if t.startswith(TITLE_002))
        reader = await open_row(pilot, index)
        text = screen_text(app)
        assert TITLE_002 in text
        assert "Dmitry Mezentsev pointed out" in text  # subtitle
        assert "MINSK, October 26 · TASS" in text
        for word in ("person", "organisation", "place", "date"):
            assert word in reader.query_one("#legend", Static).render().plain
        # Entities carry styles in the rendered body; each label has its own colour.
        body = reader.query_one("#p0", Static).render()
        styled = {body.plain[s.start : s.end]: str(s.style) for s in body.spans}
        assert "Russia-Belarus Union State" in styled
        assert "Minsk" in styled and "Dmitry Mezentsev" in styled
        assert styled["Minsk"] != styled["Dmitry Mezentsev"]
        assert styled["Minsk"] != styled["Russia-Belarus Union State"]


async def test_escape_returns_to_the_same_row(make_session):
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_row(pilot, 1)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ArticleListScreen)
        assert app.list_screen.table.cursor == 1


async def test_tag_note_quit_relaunch_keeps_everything(make_session, data_dir: Path):
    first_session = make_session()
    app = BriefreaderApp(first_session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        reader = await open_row(pilot, 0)
        article_id = reader.summary.id
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"defense, Minsk")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Khrenin says no expansion")
        await pilot.press("escape")
        await pilot.pause()
        assert "#defense #Minsk" in screen_text(app)
        await pilot.press("q")
    assert app.is_running is False
    first_session.close()  # what the process does on exit
    saved = (data_dir / "briefreader.json").read_text(encoding="utf-8")
    assert "Khrenin says no expansion" in saved  # the readable file holds the work

    # A new process would build a new session on the same data dir.
    relaunched = BriefreaderApp(make_session())
    async with relaunched.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        row = row_cells(relaunched, article_id)
        assert row["tags"] == "#defense #Minsk"
        assert row["marks"].strip() == "✎"
        annotation = relaunched.session.store.annotation(article_id)
        assert annotation.note == "Khrenin says no expansion"


async def test_tag_prompt_completes_existing_tags_and_removes_with_minus(make_session):
    session = make_session()
    summary = session.library.summaries()[1]
    # Used once already, so it ranks above the unused quick tag "diplomacy".
    session.store.edit_tags([session.library.summaries()[0].ref], TagEdit(("diplomacy-watch",), ()))
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.list_screen.table.cursor = 1
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"dipl")
        await pilot.pause()
        prompt_input = app.screen.query_one(Input)
        assert prompt_input._suggestion == "diplomacy-watch"
        await pilot.press("right", "enter")
        await pilot.pause()
        assert session.store.annotation(summary.id).tags == ["diplomacy-watch"]
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"-diplomacy-watch", "enter")
        await pilot.pause()
        assert session.store.annotation(summary.id).tags == []


async def test_tag_prompt_with_commas_keeps_spaced_names_as_one_tag(make_session):
    # QA: 'Union State, belarus russia' gave #Union #State #belarus #russia; the CLI
    # (briefreader tag ID "Union State") and README say #Union-State.
    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = app.list_screen.current_summary()
        await pilot.press("t", *"Union State, belarus russia", "enter")
        await pilot.pause()
        assert session.store.annotation(first.id).tags == ["Union-State", "belarus-russia"]
        await pilot.press("t", *"drills minsk", "enter")  # no comma: spaces separate
        await pilot.pause()
        tags = session.store.annotation(first.id).tags
        assert tags == ["Union-State", "belarus-russia", "drills", "minsk"]


async def test_escape_from_tag_prompt_keeps_typed_text(make_session):
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("t", *"half typed", "escape")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "half typed"


async def test_a_word_that_is_no_tag_changes_nothing_and_keeps_the_typed_text(make_session):
    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        first = app.list_screen.current_summary()
        await pilot.press("t", *"defense #", "enter")
        await pilot.pause()
        assert session.store.annotation(first.id).tags == []  # as the CLI: nothing half-done
        toasts = " ".join(str(t.render()) for t in app.screen.query("Toast"))
        assert "not a tag: '#'" in toasts and "press t" in toasts
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "defense #"


async def test_quick_tags_toggle_and_undo(make_session):
    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = app.list_screen.current_summary()
        await pilot.press("1")
        await pilot.pause()
        assert session.store.annotation(first.id).tags == ["important"]
        await pilot.press("3")
        await pilot.pause()
        assert session.store.annotation(first.id).tags == ["important", "defense"]
        await pilot.press("1")
        await pilot.pause()
        assert session.store.annotation(first.id).tags == ["defense"]
        await pilot.press("u")
        await pilot.pause()
        assert session.store.annotation(first.id).tags == ["important", "defense"]
        assert row_cells(app, first.id)["tags"] == "#important #defense"
        await pilot.press("U")  # redo the untag
        await pilot.pause()
        assert session.store.annotation(first.id).tags == ["defense"]


async def test_quick_tag_names_come_from_config(make_session, data_dir: Path):
    data_dir.mkdir(parents=True)
    (data_dir / "config.toml").write_text('[quick_tags]\n1 = "belarus"\n7 = "wire"\n')
    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        hint = app.list_screen.query_one("#quick-tags", Static).render().plain
        assert "1 belarus" in hint and "7 wire" in hint and "important" not in hint
        await pilot.press("7")
        await pilot.pause()
        assert session.store.annotation(app.list_screen.current_summary().id).tags == ["wire"]


async def test_note_is_saved_when_quitting_with_editor_open(make_session):
    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        article_id = app.list_screen.current_summary().id
        await pilot.press("n", *"typed but never closed")
        await pilot.pause()
        assert isinstance(app.focused, TextArea)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert session.store.annotation(article_id).note == "typed but never closed"


async def test_help_lists_every_key(make_session):
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = {str(label.render()).strip() for label in app.screen.query(".help-key")}
        text = " ".join(str(label.render()) for label in app.screen.query(".help-text"))
        for key in ("t", "n", "u", "e", "/", "q", "?", "enter", "escape", "j/k, up/down", "ctrl+p"):
            assert key in keys, key
        assert "important" in text  # quick tag 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ArticleListScreen)


async def test_export_key_writes_markdown_and_says_where(make_session, data_dir: Path):
    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("2", "e")
        await settle(pilot)
        target = data_dir / "exports" / "briefreader-notes.md"
        assert target.exists()
        assert "#follow-up" in target.read_text()
        assert any(str(target) in n.message for n in app._notifications)


async def test_filter_narrows_the_list_and_escape_clears_it(make_session):
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"bolstering")
        await pilot.pause()
        assert len(table_titles(app)) == 1 and table_titles(app)[0].startswith(TITLE_002)
        await pilot.press("escape")  # leaves the box, filter stays
        await pilot.pause()
        assert len(table_titles(app)) == 1
        await pilot.press("escape")  # clears the filter
        await pilot.pause()
        assert len(table_titles(app)) == 2


async def test_article_text_is_data_not_markup(make_session, tmp_path: Path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "[bold red]Fake[/] headline [@click=app.quit]x[/]\n\n"
        "MINSK, May 5. /TASS/. Text with \x1b]0;pwned\x07 escape and [link=http://x]link[/link].",
        encoding="utf-8",
    )
    session = make_session()
    session.library.add([folder])
    app = BriefreaderApp(session)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert table_titles(app)[0].startswith("[bold red]Fake[/] headline")
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "[@click=app.quit]x[/]" in text
        assert "[link=http://x]link[/link]" in text
        assert "\x1b" not in text and "\x07" not in text
        assert app.is_running


async def test_paths_on_the_command_line_are_added(make_session, tmp_path: Path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "story.md").write_text("# My own story\n\nKYIV, Oct 26 (Reuters) - Something.\n")
    session = make_session()
    app = BriefreaderApp(session, add_paths=[folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert table_titles(app) == ["My own story"]
    assert session.store.sources() == [folder.resolve()]


def test_rendered_cells_are_rich_text_not_markup_strings(make_session):
    # A str would be parsed as markup somewhere down the line; rows are built from Text.
    session = make_session()
    summary = replace(session.library.summaries()[0], title="[b]x[/b]\x1b[31m")
    row = row_text(ListEntry(summary, Annotation(summary.id)), False, columns_for(100))
    assert isinstance(row, Text) and "[b]x[/b]" in row.plain
    assert "\x1b" not in row.plain


async def test_unexpected_error_shows_error_screen_logs_and_continues(
    make_session, data_dir: Path, monkeypatch
):
    from briefreader.ui.screens.error import ErrorScreen

    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = app.list_screen.current_summary()
        await pilot.press("2")  # saved before the failure
        await pilot.pause()

        def broken(*_args, **_kwargs):
            raise RuntimeError("simulated bug in toggle_tag")

        monkeypatch.setattr(session.store, "toggle_tag", broken)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        shown = " ".join(str(label.render()) for label in app.screen.query("Label"))
        assert "simulated bug in toggle_tag" in shown
        log = data_dir / "briefreader-error.log"
        assert str(log) in shown
        assert "Traceback" in log.read_text() and "simulated bug" in log.read_text()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ArticleListScreen) and app.is_running
        monkeypatch.undo()
        await pilot.press("3")  # the app still works after the error
        await pilot.pause()
        assert session.store.annotation(first.id).tags == ["follow-up", "defense"]


async def test_a_tag_added_by_another_process_appears_in_the_open_list(make_session, data_dir):
    from briefreader.cli import main

    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        first = app.list_screen.current_summary()
        assert main(["tag", first.id, "from-a-script", "--data-dir", str(data_dir)]) == 0
        app._check_outside_changes()  # what the two-second timer does
        await pilot.pause()
        assert row_cells(app, first.id)["tags"].strip() == "#from-a-script"


async def test_a_library_being_indexed_is_not_called_the_samples(make_session, tmp_path: Path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "story.md").write_text("# My own story\n\nKYIV, Oct 26 (Reuters) - Something.\n")
    session = make_session()
    session.library.add([folder])
    app = BriefreaderApp(session)
    assert not app.list_screen.showing_samples  # from the first frame, before the list is read
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "sample articles" not in app.screen.sub_title
