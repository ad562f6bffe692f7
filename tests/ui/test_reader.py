"""The reader as a person uses it: find, next/previous article, highlights, note drafts."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Offset
from textual.selection import Selection
from textual.widgets import Static, TextArea

from briefreader.annotations.drafts import NoteDrafts
from briefreader.annotations.tags import TagEdit
from briefreader.entities.corrections import REJECT, Correction
from briefreader.ui.app import BriefreaderApp
from briefreader.ui.screens.article_list import ArticleListScreen
from briefreader.ui.screens.dialogs import CommentPrompt, HighlightList, NoteEditor
from briefreader.ui.screens.help import HelpScreen
from briefreader.ui.screens.reader import ReaderScreen
from briefreader.ui.widgets.entity_content import CURRENT_MATCH, SELECTION, highlight_style
from pilot import (
    edit_on_disk,
    library_of,
    open_row,
    opens_of,
    screen_text,
    settle,
    wait_until,
)


def _status(reader: ReaderScreen) -> str:
    return reader.query_one("#reader-status", Static).render().plain


def _styled(reader: ReaderScreen, widget_id: str, style: str) -> list[str]:
    """The pieces of a block's text drawn with exactly this style."""
    body = reader.query_one(f"#{widget_id}", Static).render()
    return [body.plain[s.start : s.end] for s in body.spans if str(s.style) == style]


async def test_find_highlights_every_match_and_n_N_step_through_them(make_session):
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        reader = await open_row(pilot, 0)
        await pilot.press("slash")
        await pilot.press(*"GROUP")  # case does not matter
        await pilot.pause()
        assert len(reader.matches) == 6
        assert "6 matches" in _status(reader)
        await pilot.press("enter")
        await pilot.pause()
        assert reader.current_match == 0
        assert "match 1 of 6" in _status(reader)
        assert _styled(reader, "p0", CURRENT_MATCH) == ["group"]
        await pilot.press("n", "n")
        await pilot.pause()
        assert "match 3 of 6" in _status(reader)
        assert not isinstance(app.screen, NoteEditor)  # n is "next match" while finding
        await pilot.press("N", "N", "N")
        await pilot.pause()
        assert "match 6 of 6" in _status(reader)  # wraps round
        await pilot.press("escape")  # clears the search, stays in the reader
        await pilot.pause()
        assert app.screen is reader and reader.matches == []
        assert _styled(reader, "p0", CURRENT_MATCH) == []
        await pilot.press("n")  # no search: n is the note editor again
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)


async def test_next_and_previous_article_without_leaving_the_reader(make_session):
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.list_screen.table
        first = await open_row(pilot, 0)
        await pilot.press("J")
        await settle(pilot)
        second = app.screen
        assert second is first  # one reader, showing the next article
        assert second.summary.id == app.list_screen.table.entries[1].summary.id
        assert app.list_screen.table.entries[1].summary.title in screen_text(app)
        assert table.cursor == 1
        await pilot.press("J")  # already the last: says so, stays
        await settle(pilot)
        assert app.screen is second
        assert any("last article" in n.message for n in app._notifications)
        await pilot.press("K")
        await settle(pilot)
        assert app.screen.summary.id == app.list_screen.table.entries[0].summary.id
        await pilot.press("escape")  # straight back to the list, on the article just read
        await pilot.pause()
        assert isinstance(app.screen, ArticleListScreen) and table.cursor == 0


async def test_select_by_words_and_sentences_then_highlight_in_a_colour(make_session):
    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        reader = await open_row(pilot, 0)
        article_id = reader.summary.id
        assert reader.query_one("#quick-tags").display
        await pilot.press("v")  # starts at the top of the visible text
        await pilot.pause()
        assert _styled(reader, "p0", SELECTION) == ["There"]
        # 1-4 now mean colours: the quick-tag hint line steps aside while selecting.
        assert not reader.query_one("#quick-tags").display
        await pilot.press("w", "w", "w", "b")
        await pilot.pause()
        assert _styled(reader, "p0", SELECTION) == ["There are no"]
        await pilot.press("right", "left", "left")
        await pilot.pause()
        assert _styled(reader, "p0", SELECTION) == ["There are n"]
        await pilot.press("2")  # green, not quick tag 2 while selecting
        await pilot.pause()
        [made] = session.store.highlights(article_id)
        assert made.selector.exact == "There are n" and made.colour == "green"
        assert session.store.annotation(article_id).tags == []
        assert reader.selection is None
        assert reader.query_one("#quick-tags").display  # and comes back after
        assert "Highlights: 1" in reader.query_one("#annotations", Static).render().plain
        # A whole sentence, from a find match.
        await pilot.press("slash")
        await pilot.press(*"he said", "enter")
        await pilot.pause()
        await pilot.press("escape", "2")  # escape clears the find; 2 is the quick tag again
        await pilot.pause()
        assert session.store.annotation(article_id).tags == ["follow-up"]
        await pilot.press("slash")
        await pilot.press(*"he emphasized", "enter")
        await pilot.pause()
        await pilot.press("v", "s", "4")
        await pilot.pause()
        quotes = {h.selector.exact: h.colour for h in session.store.highlights(article_id)}
        assert (
            quotes[
                "He emphasized that cooperation, particularly with the strategic ally, "
                'the Russian Federation, "will only be strengthened and improved."'
            ]
            == "red"
        )


async def test_highlight_from_a_mouse_selection(make_session):
    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        reader = await open_row(pilot, 0)
        paragraph = reader.query_one("#p1", Static)
        # What Textual records when the mouse drags over "no plans" in the second paragraph.
        reader.selections = {paragraph: Selection(Offset(11, 0), Offset(19, 0))}
        await pilot.pause()
        assert "highlights the text selected with the mouse" in _status(reader)
        await pilot.press("v", "1")
        await pilot.pause()
        [made] = session.store.highlights(reader.summary.id)
        assert made.selector.exact == "no plans" and made.colour == "yellow"
        start, end = made.selector.start, made.selector.end
        assert reader.article.text[start:end] == "no plans"
        assert start > reader.article.body[1].start


async def test_comment_jump_delete_and_undo_a_highlight(make_session):
    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        reader = await open_row(pilot, 0)
        article_id = reader.summary.id
        await pilot.press("v", "w", "3")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CommentPrompt)
        await pilot.press(*"who says so?", "enter")
        await pilot.pause()
        [made] = session.store.highlights(article_id)
        assert made.comment == "who says so?" and made.colour == "blue"
        # The theme the test runs, not a fixed one: a check for the other theme's colour
        # could never fail.
        blue = highlight_style("blue", app.current_theme.dark)
        assert "".join(_styled(reader, "p0", blue)) == made.selector.exact
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HighlightList)
        await pilot.press("x")  # delete from the list
        await pilot.pause()
        assert app.screen is reader
        assert session.store.highlights(article_id) == []
        assert _styled(reader, "p0", blue) == []  # no longer drawn
        await pilot.press("u")
        await pilot.pause()
        [back] = session.store.highlights(article_id)
        assert back.comment == "who says so?"
        assert "".join(_styled(reader, "p0", blue)) == back.selector.exact  # drawn again
        assert "Highlights: 1" in reader.query_one("#annotations", Static).render().plain
        await pilot.press("less_than_sign", "x")  # jump to it, delete with the reader key
        await pilot.pause()
        assert session.store.highlights(article_id) == []


async def test_orphaned_highlight_is_listed_not_dropped(make_session):
    session = make_session()
    summary = session.library.summaries()[0]
    other_text = "A paragraph that was in an earlier version of the file only."
    session.store.add_highlight(summary.ref, other_text, 2, 11, "red", "gone?")
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        reader = await open_row(pilot, 0)
        assert "1 not found in the text" in reader.query_one("#annotations", Static).render().plain
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HighlightList)
        listed = app.screen.query_one("#highlight-list")
        row = listed.get_option_at_index(0).prompt.plain
        assert "paragraph" in row and "not found" in row and "gone?" in row
        await pilot.press("enter")  # jumping to an orphan says so
        await pilot.pause()
        assert any("not in the text" in n.message for n in app._notifications)
    assert len(session.store.highlights(summary.id)) == 1


async def test_help_in_the_reader_shows_its_keys(make_session):
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(100, 50)) as pilot:
        await settle(pilot)
        await open_row(pilot, 0)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = {str(label.render()).strip() for label in app.screen.query(".help-key")}
        for key in ("/", "n", "n / N", "v", "w / b", "s / S", "1-4", "h", "J", "K", "c", "x"):
            assert key in keys, key


async def test_note_draft_survives_an_app_torn_down_with_the_editor_open(
    make_session, data_dir: Path
):
    session = make_session()
    article_id = session.library.summaries()[0].id
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"half a thought")
        drafts = NoteDrafts(data_dir / "drafts")
        # The autosave timer writes it within a tick: wait for the file, not for a time.
        await wait_until(
            pilot, lambda: drafts.load(article_id) == "half a thought", "the draft autosaved"
        )
        assert isinstance(app.screen, NoteEditor)
        # The process dies here: nobody closes the editor or quits.
        app._flush_open_editors = lambda: None  # type: ignore[method-assign]
    assert session.store.annotation(article_id).note == ""
    session.close()

    again = make_session()
    relaunched = BriefreaderApp(again)
    async with relaunched.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert relaunched.screen.query_one(TextArea).text == "half a thought"
        await pilot.press("escape")
        await pilot.pause()
    assert again.store.annotation(article_id).note == "half a thought"
    assert not list((data_dir / "drafts").glob("*"))


async def test_palette_offers_the_reader_actions(make_session):
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        reader = await open_row(pilot, 0)
        titles = {command.title for command in app.get_system_commands(reader)}
        for title in (
            "Find in article",
            "Next article",
            "Previous article",
            "Select passage",
            "List highlights",
        ):
            assert title in titles, title
        await pilot.press("ctrl+down")  # the alias of J
        await settle(pilot)
        assert app.screen.summary.id == app.list_screen.table.entries[1].summary.id


def _long_and_short(make_session, tmp_path: Path, paragraphs: int) -> BriefreaderApp:
    """An app on two stories: "Long story" (paragraphs that scroll) and "Short story"."""
    body = "\n\n".join(f"Paragraph {n} of the long story about Minsk." for n in range(paragraphs))
    stories = {
        "a.txt": f"Long story\n\n{body}\n",
        "b.txt": "Short story\n\nOnly one paragraph here.\n",
    }
    return BriefreaderApp(library_of(make_session, tmp_path / "news", stories))


async def test_the_next_article_starts_fresh_in_the_reused_reader(make_session, tmp_path: Path):
    # One reader shows every article: nothing of the last one may stay on screen.
    app = _long_and_short(make_session, tmp_path, 20)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)

        def row(title: str) -> int:
            return [e.summary.title for e in app.list_screen.table.entries].index(title)

        reader = await open_row(pilot, row("Long story"))
        await pilot.press("slash", *"story", "enter")
        await pilot.press("v")
        await settle(pilot)
        assert reader.find_query == "story" and reader.selection is not None
        await pilot.press("escape", "escape", "space")  # scrolled down a page
        await settle(pilot)
        assert not _status(reader).startswith("  0%")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ArticleListScreen)

        again = await open_row(pilot, row("Short story"))
        assert again is reader
        text = screen_text(app)
        assert "Only one paragraph here." in text
        assert "Paragraph 19 of the long story" not in text
        assert reader.find_query == "" and not reader.matches and reader.selection is None
        assert not reader.query_one("#find").display
        shown = [w for w in reader.query(".paragraph") if w.display]
        assert len(shown) == 1

        await pilot.press("escape")
        await settle(pilot)
        back = await open_row(pilot, row("Long story"))  # more paragraphs again
        assert back is reader
        assert "Paragraph 19 of the long story about Minsk." in screen_text(app)
        assert len([w for w in reader.query(".paragraph") if w.display]) == 20
        assert _status(reader).startswith("  0%")  # from the top, not where the last one was


async def test_the_reader_is_ready_before_the_first_open(make_session):
    # Made while the list is shown (and kept: every open reuses it).
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        prepared = app.reader
        assert prepared is not None
        assert isinstance(app.screen, ArticleListScreen)  # made, not shown
        second = app.list_screen.table.entries[1].summary
        reader = await open_row(pilot, 1)
        assert reader is prepared and reader.summary.id == second.id
        assert second.title in screen_text(app)


async def test_the_article_under_the_cursor_is_read_into_the_reader_before_enter(make_session):
    # Enter then only shows a reader already holding it; what was changed in the list
    # after that (a tag) still shows in the reader.
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = app.list_screen.current_summary()
        reader = app.reader
        assert reader is not None and first is not None
        assert reader.summary.id == first.id
        await pilot.press("t", *"ahead", "enter")
        await settle(pilot)
        opened = opens_of(app.session)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is reader
        assert opened == []  # shown as read ahead, the file not read again
        text = screen_text(app)
        assert first.title in text
        assert "#ahead" in text
        # Opened once, it is set up afresh the next time (scrolled back to the top).
        await pilot.press("end", "escape")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert reader.query_one("#reader").scroll_y == 0


async def test_an_article_read_ahead_is_read_again_when_its_file_or_corrections_change(
    make_session, tmp_path: Path
):
    # The article under the cursor is read before enter; what changed since must still show.
    old = "Old headline\n\nMINSK, May 5. /TASS/. Old text about Minsk.\n"
    session = library_of(make_session, tmp_path / "news", {"a.txt": old})
    story = tmp_path / "news" / "a.txt"
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)  # the top row is read ahead and the reader built with it
        assert app.reader is not None and "Old text" in app.reader.article.text
        opened = opens_of(session)
        await open_row(pilot, 0)  # unchanged: what was read ahead is shown as it is
        assert opened == [] and "Old text about Minsk." in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        edit_on_disk(story, "New headline\n\nMINSK, May 6. /TASS/. New text about Minsk.\n")
        opened.clear()
        reader = await open_row(pilot, 0)
        assert opened  # changed since it was read ahead: read again
        assert "New text about Minsk." in screen_text(app)
        assert "Old text" not in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)

        session.store.add_correction(Correction(REJECT, "Minsk"))  # e.g. from another window
        await open_row(pilot, 0)
        assert "Minsk" not in {entity.text for entity in reader.entities}


async def test_moving_the_cursor_reads_the_article_under_it_ahead(make_session):
    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        opened = opens_of(session)
        second = app.list_screen.table.entries[1].summary
        await pilot.press("down")
        # Resting on the row, with no enter: the hidden reader gets its article.
        await wait_until(
            pilot,
            lambda: app.reader is not None and app.reader.summary.id == second.id,
            "the second row's article read ahead into the hidden reader",
        )
        await settle(pilot)
        assert isinstance(app.screen, ArticleListScreen)
        assert opened == [second.id]
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.reader and second.title in screen_text(app)
        assert opened == [second.id]  # enter showed what was read, without reading again


async def test_an_article_edited_on_disk_while_listed_keeps_its_annotations(
    make_session, tmp_path: Path
):
    # Its id (a hash of the text) changes; the tags and note move with it, and what is
    # added in the reader goes to the article as it is now, not to a record nobody lists.
    text = "Old headline\n\nMINSK, May 5. /TASS/. Text about Minsk.\n"
    session = library_of(make_session, tmp_path / "news", {"a.txt": text})
    story = tmp_path / "news" / "a.txt"
    old = session.library.summaries()[0]
    session.store.edit_tags([old.ref], TagEdit(("longtag",), ()))
    session.store.set_note(old.ref, "Long note here")
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        edit_on_disk(story, "New headline\n\nMINSK, May 6. /TASS/. Text about Minsk.\n")
        reader = await open_row(pilot, 0)
        assert reader.summary.id != old.id
        shown = screen_text(app)
        assert "#longtag" in shown and "Long note here" in shown
        assert "New headline" in app.screen.sub_title
        await pilot.press("t", *"aftertag", "enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        row = app.list_screen.table.entries[0]
        assert row.summary.id == reader.summary.id and row.summary.title == "New headline"
        assert row.annotation.tags == ["longtag", "aftertag"]
    again = session.store.annotation(reader.summary.id)
    assert again.tags == ["longtag", "aftertag"] and again.note == "Long note here"
    assert session.store.annotation(old.id).tags == []  # nothing left behind


async def test_reading_progress_is_the_next_articles_after_K_from_a_scrolled_one(
    make_session, tmp_path: Path
):
    app = _long_and_short(make_session, tmp_path, 40)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        titles = [e.summary.title for e in app.list_screen.table.entries]
        reader = await open_row(pilot, titles.index("Long story"))
        await pilot.press("space", "space")
        await settle(pilot)
        assert not _status(reader).startswith("100%")
        step = "J" if titles.index("Short story") > titles.index("Long story") else "K"
        await pilot.press(step)
        await settle(pilot)
        assert reader.summary.title == "Short story"
        assert _status(reader).startswith("100%")  # it all fits
