"""Hostile input: articles from scrapers and strangers, hand-edited files, broken settings.

Every case ends in a clear message or a readable screen: never a traceback, never an escape
sequence reaching the terminal, never a user file overwritten.
"""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefreader.annotations.model import Annotation
from briefreader.articles import article as articles
from briefreader.articles import decoding
from briefreader.articles.article import read_article
from briefreader.articles.decoding import READ_LIMIT_BYTES, TEXT_LIMIT_CHARS, ArticleError
from briefreader.cli import main
from briefreader.entities.recognizer import recognize
from briefreader.library.filtering import ListEntry
from briefreader.library.summary import ArticleSummary
from briefreader.textsafety import one_line, visible
from briefreader.ui.app import BriefreaderApp
from briefreader.ui.screens.reader import ReaderScreen
from briefreader.ui.widgets.article_table import columns_for, row_text
from briefreader.ui.widgets.entity_content import highlighted
from pilot import open_row, palette_shows, row_cells, screen_text, settle, table_titles
from pty_session import drive_in_pty

# Every trick a scraped page can carry: a title change, a clipboard write (OSC 52), a
# hyperlink (OSC 8), a screen clear, bells, a C1 CSI, and Rich/Textual markup.
HOSTILE = (
    "Fake \x1b]0;pwned\x07 headline [bold red]red[/] [@click=app.quit]quit[/]\n\n"
    "MINSK, May 5. /TASS/. Body of Minsk with clipboard \x1b]52;c;cHduZWQ=\x07 write, "
    "a \x1b]8;;http://evil.example/\x1b\\hyperlink\x1b]8;;\x1b\\, a clear \x1b[2J\x1b[H screen, "
    "a bell \x07\x07, C1 \x9b31m CSI and [link=http://evil.example]link[/link].\n"
)

# C0 and C1 controls and ESC; newline is the one control a rendering may keep.
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
assert CONTROL.search("\t") and CONTROL.search("\x1b") and not CONTROL.search("\n")


def write(folder: Path, name: str, data: bytes | str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def run_cli(capsys, data: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([*args, "--data-dir", str(data)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def big_article(size: int) -> str:
    paragraph = (
        "The Belarusian Defense Ministry said on Monday that troops in Minsk and Grodno "
        "continued drills with Russian units, Viktor Khrenin told reporters.\n\n"
    )
    head = "A very long dump of wire stories\n\nMINSK, October 26. /TASS/. Start.\n\n"
    return head + paragraph * (size // len(paragraph) + 1)


# -- terminal safety -------------------------------------------------------------------


def test_hostile_article_never_writes_escape_sequences_to_a_real_terminal(tmp_path: Path):
    folder = tmp_path / "hostile"
    write(folder, "evil.txt", HOSTILE)
    env = dict(os.environ, BRIEFREADER_DATA_DIR=str(tmp_path / "data"), TERM="xterm-256color")
    output, unmet = drive_in_pty(
        [sys.executable, "-m", "briefreader", str(folder)],
        env,
        [(b"headline", b"\r"), (b"Entities", b"q"), (b"headline", b"q")],
    )
    assert not unmet[:2], f"the app never showed {unmet[0][0]!r}"
    # Textual's own pointer-shape sequence is the only OSC it writes; nothing else may pass.
    own = re.sub(rb"\x1b\]22;[a-z-]*\x07", b"", output)
    assert "\u241b]0;pwned\u2407".encode() in own  # shown as visible symbols instead
    assert b"\x1b]52" not in own and b"\x1b]8;" not in own and b"\x1b]0;" not in own
    assert b"evil.example/\x1b" not in own
    assert b"\x07" not in own
    assert b"[bold red]red[/]" in own  # markup shown as the characters it is


async def test_markup_and_escapes_are_shown_literally_in_list_and_reader(
    make_session, tmp_path: Path
):
    folder = tmp_path / "hostile"
    write(folder, "evil.txt", HOSTILE)
    session = make_session()
    session.library.add([folder])
    app = BriefreaderApp(session)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        title = row_cells(app, 0)["title"]
        assert "[bold red]red[/]" in title and "[@click=app.quit]quit[/]" in title
        assert not CONTROL.search(title)
        await open_row(pilot, 0)
        text = screen_text(app)
        assert "[link=http://evil.example]link[/link]" in text
        assert "[@click=app.quit]quit[/]" in text
        assert not CONTROL.search(text)
        assert app.is_running


async def test_tags_and_notes_typed_with_markup_stay_literal_everywhere(make_session):
    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        article_id = app.list_screen.current_summary().id
        await pilot.press("t")
        await pilot.press(*"[b]bold[/b]")
        await pilot.press("enter")
        await pilot.pause()
        assert session.store.annotation(article_id).tags == ["[b]bold[/b]"]
        toasts = " ".join(str(t.render()) for t in app.screen.query("Toast"))
        assert "[b]bold[/b]" in toasts
        assert "#[b]bold[/b]" in row_cells(app, 0)["tags"]
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("TextArea").insert("[@click=app.quit]note[/] \x1b[2J")
        await pilot.press("escape")
        await pilot.pause()
        assert session.store.annotation(article_id).note == "[@click=app.quit]note[/] \x1b[2J"
        await open_row(pilot, 0)
        text = screen_text(app)
        assert "#[b]bold[/b]" in text and "[@click=app.quit]note[/]" in text
        assert not CONTROL.search(text)
        assert app.is_running


async def test_quick_tag_names_with_markup_are_literal_in_bar_and_help(make_session, data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "config.toml").write_text('[quick_tags]\n1 = "[reverse]x[/]"\n', encoding="utf-8")
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert "[reverse]x[/]" in str(app.list_screen.query_one("#quick-tags").render())
        await pilot.press("question_mark")
        await pilot.pause()
        shown = " ".join(str(label.render()) for label in app.screen.query(".help-text"))
        assert "#[reverse]x[/]" in shown


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=300))
def test_rendered_article_text_never_holds_a_control_character(text: str):
    entities = recognize(text)
    for dark in (True, False):
        plain = highlighted(text, entities, 0, len(text), dark).plain
        assert not CONTROL.search(plain)
        assert len(plain) == len(text)  # offsets stay valid: one visible symbol per control
    summary = ArticleSummary("id", "p", text, None, None, text, text, 0)
    row = row_text(ListEntry(summary, Annotation("id", tags=[text])), False, columns_for(200))
    assert not CONTROL.search(row.plain)
    assert not CONTROL.search(one_line(text)) and "\n" not in one_line(text)


@given(st.text())
def test_visible_keeps_length_and_removes_every_control(text: str):
    shown = visible(text)
    assert len(shown) == len(text)
    assert not CONTROL.search(shown)
    assert not any(unicodedata.bidirectional(ch) in {"LRO", "RLO"} for ch in shown)


def test_cli_list_and_entities_print_no_control_characters(capsys, tmp_path: Path):
    data = tmp_path / "data"
    write(tmp_path / "in", "evil.txt", HOSTILE)
    assert run_cli(capsys, data, "add", str(tmp_path / "in"))[0] == 0
    code, out, _ = run_cli(capsys, data, "list")
    assert code == 0 and "[bold red]red[/]" in out and not CONTROL.search(out)
    article_id = out.split()[0]
    code, out, _ = run_cli(capsys, data, "entities", article_id)
    assert code == 0 and not CONTROL.search(out)
    assert "PLACE" in out and "Minsk" in out
    code, out, _ = run_cli(capsys, data, "list", "--json")
    assert json.loads(out)[0]["title"].startswith("Fake")


# -- files -------------------------------------------------------------------------------


def test_add_reports_every_awkward_file_and_keeps_the_good_ones(capsys, tmp_path: Path):
    folder = tmp_path / "in"
    write(
        folder, "cp1252.txt", "Caf\u00e9 talks in Minsk\n\nThe caf\u00e9 opened.".encode("cp1252")
    )
    write(folder, "utf16.txt", "Talks in Kyiv\n\nKYIV, May 1 (Reuters) - Ok.".encode("utf-16"))
    write(folder, "crlf.txt", b"Talks in Riga\r\n\r\nRIGA, May 2 (AP) - Fine.\r\n")
    write(folder, "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write(folder, "empty.md", b"")
    write(folder, "only spaces.html", b"<html><body>  </body></html>")
    write(folder, "Über die Grenze — 2025.md", "# Über die Grenze\n\nBERLIN, June 3 - Text.")
    write(folder, "huge.txt", big_article(20 * 1024 * 1024))
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    data = tmp_path / "data"
    code, out, err = run_cli(capsys, data, "add", str(folder))
    assert code == 0
    assert "added 5 article(s)" in out and "skipped 3" in out
    assert re.search(r"skipped .*binary\.txt: looks like a binary file", err)
    assert re.search(r"skipped .*empty\.md: empty file", err)
    assert re.search(r"skipped .*only spaces\.html: empty file", err)
    assert re.search(r"note: .*cp1252\.txt: not valid UTF-8; read as Windows-1252", err)
    assert re.search(r"note: .*huge\.txt: very long file \(20\.0 MB\)", err)
    titles = {a["title"] for a in json.loads(run_cli(capsys, data, "list", "--json")[1])}
    assert {"Café talks in Minsk", "Talks in Kyiv", "Talks in Riga", "Über die Grenze"} <= titles
    code, out, _ = run_cli(capsys, data, "tag", str(folder / "Über die Grenze — 2025.md"), "x")
    assert code == 0 and "#x" in out


def test_huge_file_is_capped_at_a_paragraph_and_says_so(tmp_path: Path):
    path = write(tmp_path, "huge.txt", big_article(20 * 1024 * 1024))
    article = read_article(path)
    assert len(article.text) <= TEXT_LIMIT_CHARS
    assert article.text.endswith("reporters.")  # cut between paragraphs, not mid-word
    assert any("very long file (20.0 MB)" in note for note in article.notes)
    assert recognize(article.text)  # the shown part is still annotated


def test_huge_file_read_stops_at_the_read_limit(tmp_path: Path, monkeypatch):
    path = write(tmp_path, "huge.txt", big_article(READ_LIMIT_BYTES * 2))
    seen: list[int] = []
    real = articles.decode_article_bytes

    def spy(raw: bytes, complete: bool = True):
        seen.append(len(raw))
        return real(raw, complete)

    monkeypatch.setattr(articles, "decode_article_bytes", spy)
    read_article(path)
    assert seen == [READ_LIMIT_BYTES]


def test_a_multibyte_character_cut_by_the_read_limit_is_not_a_decoding_error(
    tmp_path: Path, monkeypatch
):
    monkeypatch.setattr(decoding, "READ_LIMIT_BYTES", 10)
    path = write(tmp_path, "a.txt", "Минск\n\nМинск, май.")  # 2 bytes per letter
    article = read_article(path)
    assert not any("Windows-1252" in note for note in article.notes)
    assert any("very long file" in note for note in article.notes)


def test_unreadable_and_vanishing_files_are_skipped_with_a_reason(
    capsys, tmp_path: Path, monkeypatch
):
    folder = tmp_path / "in"
    write(folder, "fine.txt", "Fine story\n\nMINSK, May 5. /TASS/. Text.")
    locked = write(folder, "locked.txt", "Locked story\n\nText.")
    write(folder, "gone.txt", "Gone story\n\nText.")
    real_open = Path.open

    def guarded_open(self: Path, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        if self.name == "gone.txt":  # deleted between listing the folder and reading it
            self.unlink(missing_ok=True)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded_open)
    code, out, err = run_cli(capsys, tmp_path / "data", "add", str(folder))
    assert code == 0 and "added 1 article(s)" in out
    assert f"skipped {locked}: permission denied" in err
    assert re.search(r"skipped .*gone\.txt: (file not found|no such file)", err, re.I)


@pytest.mark.parametrize("junk", [b"\x00" * 100, b"\xff\xfe\x00", b"\xfe\xff\xd8", b"\r\r\r"])
def test_read_article_refuses_junk_with_article_error(tmp_path: Path, junk: bytes):
    with pytest.raises(ArticleError):
        read_article(write(tmp_path, "junk.txt", junk))


async def test_reader_shows_how_an_awkward_file_was_read(make_session, tmp_path: Path):
    folder = tmp_path / "in"
    write(
        folder, "cp.txt", "Caf\u00e9 talks\n\nMINSK, May 5. /TASS/. The caf\u00e9.".encode("cp1252")
    )
    write(folder, "huge.txt", big_article(3 * 1024 * 1024))
    session = make_session()
    session.library.add([folder])
    app = BriefreaderApp(session)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        titles = table_titles(app)
        for index, expected in (
            (titles.index("Café talks"), "⚠ not valid UTF-8; read as Windows-1252"),
            (titles.index("A very long dump of wire stories"), "⚠ very long file (3.0 MB)"),
        ):
            await open_row(pilot, index)
            assert isinstance(app.screen, ReaderScreen)
            assert expected in screen_text(app)
            await pilot.press("escape")
            await pilot.pause()


# -- data files ----------------------------------------------------------------------------


def test_hand_edited_database_is_repaired_and_the_edit_kept(capsys, tmp_path: Path):
    data = tmp_path / "data"
    code, out, _ = run_cli(capsys, data, "list")
    article_id = out.split()[0]
    assert run_cli(capsys, data, "tag", article_id, "defense")[0] == 0
    db = data / "briefreader.json"
    main(["list", "--data-dir", str(data)])  # closing folds the journal into the file
    content = json.loads(db.read_text())
    (doc,) = content["annotations"].values()
    doc["tags"] = "defense"  # a person typed a string where a list belongs
    doc["note"] = 42
    content["annotations"]["77"] = ["not", "an", "object"]
    content["annotations"]["x"] = {"article_id": "abc"}
    edited = json.dumps(content).encode()
    db.write_bytes(edited)
    code, out, err = run_cli(capsys, data, "list", "--tag", "defense")
    assert code == 0 and article_id in out
    (message,) = err.splitlines()
    assert str(db) in message and "2 entries it could not read were left out" in message
    kept = Path(re.search(r"kept as (\S+);", message).group(1))
    assert kept.read_bytes() == edited
    code, out, _ = run_cli(capsys, data, "note", article_id)
    assert out.strip() == "42"
    assert run_cli(capsys, data, "list")[2] == ""  # repaired once, quiet after


async def test_corrupt_database_and_bad_config_still_start_the_app(make_session, data_dir: Path):
    data_dir.mkdir(parents=True)
    config = data_dir / "config.toml"
    config.write_text('[quick_tags]\n1 = "defense"\n2 = \n', encoding="utf-8")
    db = data_dir / "briefreader.json"
    db.write_bytes(b'{"annotations": {"1": {"article_id": "ab", "tags": ["x"]')
    app = BriefreaderApp(make_session())
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        toasts = [str(t.render()) for t in app.screen.query("Toast")]
        assert any(str(config) in t and "line 3" in t for t in toasts), toasts
        assert any(str(db) in t and "backup" in t for t in toasts), toasts
        assert len(table_titles(app)) == 2  # defaults, the samples, a working list
    assert config.read_text() == '[quick_tags]\n1 = "defense"\n2 = \n'
    kept = list(data_dir.glob("briefreader.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b'{"annotations"')


def test_bad_config_value_names_the_setting_and_cli_still_works(capsys, tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "config.toml").write_text('theme = 7\n[quick_tags]\n12 = "x"\n', encoding="utf-8")
    code, out, err = run_cli(capsys, data, "list")
    assert code == 0 and len(out.splitlines()) == 2
    assert "theme must be a string" in err and "quick_tags key '12'" in err


async def test_palette_shows_quick_tag_names_literally(make_session, data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "config.toml").write_text('[quick_tags]\n1 = "[b]x[/b]"\n', encoding="utf-8")
    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        article_id = app.list_screen.current_summary().id
        await pilot.press("ctrl+p")
        await pilot.pause()
        shown = await palette_shows(pilot, "Toggle #")
        assert any("[b]x[/b]" in text for text in shown), shown
        await pilot.press("enter")
        await pilot.pause()
        assert session.store.annotation(article_id).tags == ["[b]x[/b]"]
