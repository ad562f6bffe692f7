"""config.toml as a person edits it: clear messages with line numbers, keys, saved theme."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefreader.config import load_config
from briefreader.config_edit import ConfigEditError, set_top_level
from briefreader.keymap import KeyUse, plan_overrides
from briefreader.ui.app import BriefreaderApp
from briefreader.ui.screens.dialogs import NoteEditor, TagPrompt
from pilot import settle


def test_bad_values_name_their_line(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text(
        '# my settings\ntheme = 3\n\n[quick_tags]\n1 = "defense"\n2 = ""\n12 = "x"\n',
        encoding="utf-8",
    )
    result = load_config(path)
    problems = " | ".join(result.problems)
    assert f"{path} (line 2): theme must be a string" in problems
    assert f"{path} (line 6): quick_tags.2 must be a non-empty tag name" in problems
    assert f"{path} (line 7): quick_tags key '12'" in problems
    assert result.config.quick_tags == {"1": "defense"}  # the good part still counts
    assert result.config.theme is None


def test_setting_a_value_keeps_comments_and_tables(tmp_path: Path):
    path = tmp_path / "config.toml"
    original = '# mine\ntheme = "nord"  \n\n[quick_tags]\n1 = "defense" # key one\n'
    path.write_text(original, encoding="utf-8")
    set_top_level(path, "theme", "gruvbox")
    text = path.read_text(encoding="utf-8")
    assert text == '# mine\ntheme = "gruvbox"\n\n[quick_tags]\n1 = "defense" # key one\n'
    set_top_level(tmp_path / "new" / "config.toml", "theme", 'we"ird')
    assert load_config(tmp_path / "new" / "config.toml").config.theme == 'we"ird'


def test_setting_is_added_before_the_first_table(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text('[quick_tags]\n1 = "x"\n', encoding="utf-8")
    set_top_level(path, "theme", "nord")
    assert path.read_text(encoding="utf-8") == 'theme = "nord"\n[quick_tags]\n1 = "x"\n'


def test_a_broken_file_is_never_rewritten(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text("theme = \n", encoding="utf-8")
    with pytest.raises(ConfigEditError, match="fix it to save settings"):
        set_top_level(path, "theme", "nord")
    assert path.read_text(encoding="utf-8") == "theme = \n"


async def test_key_overrides_from_config(make_session, data_dir: Path):
    data_dir.mkdir(parents=True)
    (data_dir / "config.toml").write_text(
        '[keys]\ntag = "T"\nno_such_action = "x"\n', encoding="utf-8"
    )
    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert not isinstance(app.screen, TagPrompt)  # t was moved
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, TagPrompt)
    assert any("'no_such_action' is not an action" in p for p in session.problems)


async def test_a_key_override_that_takes_another_actions_key_is_refused_with_a_warning(
    make_session, data_dir: Path
):
    # QA: tag = "s" silently left star (s) without a key, the footer still showing it.
    data_dir.mkdir(parents=True)
    (data_dir / "config.toml").write_text('[keys]\ntag = "s"\n', encoding="utf-8")
    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        first = app.list_screen.current_summary()
        toasts = " ".join(str(t.render()) for t in app.screen.query("Toast"))
        await pilot.press("s")
        await pilot.pause()
        assert not isinstance(app.screen, TagPrompt)
        assert session.store.reading_state(first.id).starred  # s still stars
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TagPrompt)  # tag stays on t
    (clash,) = [p for p in session.problems if "tag = " in p]
    assert "tag" in clash and "star" in clash and "pick a free key for tag" in clash
    assert "\n" not in clash
    assert "would take s from star" in toasts


async def test_a_key_that_is_no_key_name_or_would_unbind_a_shared_key_is_refused(
    make_session, data_dir: Path
):
    # QA: note = "ctrl+alt+shift+x+y" was taken, leaving the note without a working key;
    # moving note off n (also Next match while finding) would unbind find-next's n too.
    data_dir.mkdir(parents=True)
    (data_dir / "config.toml").write_text(
        '[keys]\nnote = "ctrl+alt+shift+x+y"\nstar = "f"\n', encoding="utf-8"
    )
    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = app.list_screen.current_summary()
        await pilot.press("f")
        await pilot.pause()
        assert session.store.reading_state(first.id).starred  # the good override applies
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)  # n still writes the note
    (bad,) = [p for p in session.problems if "note = " in p]
    assert "is not a key name" in bad and "\n" not in bad
    plan = plan_overrides(
        {"note": "m"},
        [[KeyUse("note", "note", "Note", ("n",)), KeyUse(None, "find_next", "Next match", ("n",))]],
        "config.toml",
    )
    assert plan.apply == {}
    assert plan.problems == [
        'config.toml: [keys] note = "m" would move note off n, which it shares with Next '
        "match; Next match would lose n too, so it was not applied (note stays on n)"
    ]


def test_key_overrides_that_swap_two_actions_are_both_applied():
    uses = [
        KeyUse("tag", "tag", "Tag", ("t",)),
        KeyUse("star", "star", "Star", ("s",)),
        KeyUse(None, "move(1)", "Down", ("down", "j")),
    ]
    swap = plan_overrides({"tag": "s", "star": "t"}, [uses], "config.toml")
    assert swap.apply == {"tag": "s", "star": "t"} and swap.problems == []
    onto_j = plan_overrides({"tag": "j", "star": "f"}, [uses], "config.toml")
    assert onto_j.apply == {"star": "f"}
    assert onto_j.problems == [
        'config.toml: [keys] tag = "j" would take j from Down, leaving it without a key, so '
        "it was not applied (tag stays on t); pick a free key for tag"
    ]


async def test_theme_picked_in_the_app_is_saved_and_used_next_time(make_session, data_dir):
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.theme = "textual-light"
        await pilot.pause()
    assert 'theme = "textual-light"' in (data_dir / "config.toml").read_text(encoding="utf-8")
    again = BriefreaderApp(make_session())
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert again.theme == "textual-light"
