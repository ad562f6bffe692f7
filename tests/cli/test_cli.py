"""The command line as INTERFACE.md promises it, run in-process (and once as a real process)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import briefreader
from briefreader.articles.article import read_article
from briefreader.articles.parsing import article_id
from briefreader.cli import main
from briefreader.entities.recognizer import recognize
from briefreader.export.markdown import BEGIN, END
from briefreader.paths import DATA_DIR_ENV

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_000 = SEEDS / "000_d411f9fd35a54ee2.txt"
SEED_002 = SEEDS / "002_e81098f512d6ea99.txt"
ID_000 = read_article(SEED_000).id
ID_002 = read_article(SEED_002).id


@pytest.fixture(autouse=True)
def _work_in_tmp(tmp_path: Path, monkeypatch) -> None:
    # An id prefix must never be mistaken for a file in the current folder, and nothing
    # the CLI writes by accident may land in the checkout.
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


class Run:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def cli(data: Path, capsys):
    def run(*args: str) -> Run:
        capsys.readouterr()
        try:
            code = main([*args, "--data-dir", str(data)])
        except SystemExit as exit_:  # argparse: --version, --help and bad usage
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 2)
        out, err = capsys.readouterr()
        return Run(code, out, err)

    return run


def listing(cli) -> list[dict]:
    result = cli("list", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def assert_user_error(result: Run, *words: str) -> None:
    assert result.code == 1
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("briefreader: ")
    assert "Traceback" not in result.err
    for word in words:
        assert word in lines[0]


# -- version and list ------------------------------------------------------------------


def test_version(cli):
    assert briefreader.__version__ == "0.1.0"
    result = cli("--version")
    assert result.code == 0
    assert result.out == f"briefreader {briefreader.__version__}\n"


def test_list_shows_both_seeds_with_ids(cli):
    result = cli("list")
    assert result.code == 0
    lines = result.out.splitlines()
    assert len(lines) == 2
    by_id = {line.split()[0]: line for line in lines}
    assert set(by_id) == {ID_000, ID_002}
    assert "There are no plans to expand" in by_id[ID_000]
    assert "2025-12-19" in by_id[ID_000]
    assert "Bolstering Union State’s defenses" in by_id[ID_002]


def test_list_json(cli):
    rows = listing(cli)
    assert len(rows) == 2
    for row in rows:
        assert {"id", "title", "date", "place", "agency", "path", "tags", "entities"} <= set(row)
    by_id = {row["id"]: row for row in rows}
    first, second = by_id[ID_000], by_id[ID_002]
    assert Path(first["path"]).resolve() == SEED_000.resolve()
    assert Path(second["path"]).resolve() == SEED_002.resolve()
    assert first["title"].startswith("There are no plans")
    assert second["title"].startswith("Bolstering Union State")
    assert first["date"] == "2025-12-19"
    assert second["date"] == "October 26"
    assert first["place"] == second["place"] == "Minsk"
    assert first["agency"] == second["agency"] == "TASS"
    assert first["tags"] == second["tags"] == []
    assert first["entities"] == len(recognize(SEED_000.read_text(encoding="utf-8"))) == 25
    assert second["entities"] == len(recognize(SEED_002.read_text(encoding="utf-8"))) == 31


# -- tags and notes --------------------------------------------------------------------


def test_tag_by_id_prefix_then_list_by_tag(cli):
    result = cli("tag", ID_000[:5], "Defense", "#Union State")
    assert result.code == 0, result.err
    assert ID_000 in result.out
    assert "#Defense" in result.out and "#Union-State" in result.out

    tagged = cli("list", "--tag", "defense")
    assert tagged.code == 0
    assert [line.split()[0] for line in tagged.out.splitlines()] == [ID_000]
    assert "#Defense" in tagged.out

    rows = json.loads(cli("list", "--json", "--tag", "#union-state").out)
    assert [(r["id"], r["tags"]) for r in rows] == [(ID_000, ["Defense", "Union-State"])]

    none = cli("list", "--tag", "economy")
    assert none.code == 0
    assert none.out == ""


def test_tag_by_path(cli):
    assert cli("tag", str(SEED_002), "follow-up").code == 0
    assert {r["id"]: r["tags"] for r in listing(cli)} == {ID_000: [], ID_002: ["follow-up"]}


def test_tag_twice_does_not_duplicate_and_remove_removes(cli):
    cli("tag", ID_002, "defense", "minsk")
    cli("tag", ID_002, "DEFENSE")
    assert {r["id"]: r["tags"] for r in listing(cli)}[ID_002] == ["defense", "minsk"]
    result = cli("tag", ID_002, "Defense", "--remove")
    assert result.code == 0
    assert {r["id"]: r["tags"] for r in listing(cli)}[ID_002] == ["minsk"]
    assert cli("list", "--tag", "defense").out == ""


def test_a_comma_separates_tags_as_in_the_tag_prompt(cli):
    assert cli("tag", ID_002, "a,b", "Union State").code == 0
    assert {r["id"]: r["tags"] for r in listing(cli)}[ID_002] == ["a", "b", "Union-State"]
    assert_user_error(cli("tag", ID_002, ","), "not a tag")


def test_note_set_and_print(cli):
    assert cli("note", ID_000, "Khrenin: no expansion planned.").code == 0
    printed = cli("note", ID_000[:4])
    assert printed.code == 0
    assert printed.out == "Khrenin: no expansion planned.\n"
    assert cli("note", ID_002).out == ""  # no note yet: prints nothing


def test_note_from_stdin(cli, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("line one\nline two — ünïcode\n"))
    assert cli("note", ID_002, "-").code == 0
    printed = cli("note", ID_002)
    assert printed.out.rstrip("\n") == "line one\nline two — ünïcode"
    exported = cli("export")
    assert "line one\nline two — ünïcode" in exported.out


# -- entities --------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [SEED_000, SEED_002], ids=["000", "002"])
def test_entities_json_offsets_into_file_text(cli, seed: Path):
    result = cli("entities", "--json", str(seed))
    assert result.code == 0, result.err
    spans = json.loads(result.out)
    with seed.open(encoding="utf-8") as handle:
        file_text = handle.read()
    assert len(spans) > 20
    for span in spans:
        assert set(span) == {"start", "end", "label", "text"}
        assert span["label"] in {"PERSON", "ORG", "PLACE", "DATE"}
        assert span["text"] == file_text[span["start"] : span["end"]]
    labels = {(s["label"], s["text"]) for s in spans}
    assert ("ORG", "Union State") in labels
    assert ("PLACE", "Minsk") in labels


def test_entities_by_id_plain_output(cli):
    result = cli("entities", ID_000)
    assert result.code == 0
    assert "PERSON" in result.out and "Viktor Khrenin" in result.out
    assert len(result.out.splitlines()) == 25


# -- export and import -----------------------------------------------------------------


def annotate(cli) -> None:
    assert cli("tag", ID_000, "defense").code == 0
    assert cli("note", ID_000, "Worth a follow-up.").code == 0
    assert cli("tag", ID_002, "union-state").code == 0


def test_export_to_stdout(cli):
    annotate(cli)
    result = cli("export")
    assert result.code == 0
    assert result.out.startswith("# briefreader notes")
    assert result.out.count("\n## ") == 2
    assert "#defense" in result.out and "Worth a follow-up." in result.out


def test_export_to_file(cli, tmp_path: Path):
    annotate(cli)
    target = tmp_path / "out" / "notes.md"
    result = cli("export", "-o", str(target))
    assert result.code == 0
    assert str(target) in result.err
    written = target.read_text(encoding="utf-8")
    generated = written.split(f"{BEGIN}\n")[1].split(END)[0]
    assert cli("export").out == f"# briefreader notes\n\n{generated}"
    assert written.startswith("# briefreader notes\n")


def test_export_to_folder_with_trailing_slash(cli, tmp_path: Path):
    annotate(cli)
    folder = tmp_path / "new-folder"
    result = cli("export", "-o", str(folder) + "/")
    assert result.code == 0, result.err
    files = sorted(folder.glob("*.md"))  # one per annotated article
    assert [f.name[:20] for f in files] == ["bolstering-union-sta", "there-are-no-plans-t"]
    assert all(f.read_text(encoding="utf-8").startswith("---\nid: ") for f in files)


def test_export_to_existing_folder(cli, tmp_path: Path):
    annotate(cli)
    folder = tmp_path / "exports"
    folder.mkdir()
    assert cli("export", "--format", "html", "-o", str(folder)).code == 0
    assert len(list(folder.glob("*.html"))) == 2


def test_export_json_and_html_formats(cli):
    annotate(cli)
    backup = json.loads(cli("export", "--format", "json").out)
    assert backup["format"] == "briefreader-annotations"
    assert {a["article_id"] for a in backup["annotations"]} == {ID_000, ID_002}
    page = cli("export", "--format", "html").out
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<section ") == 2
    only = cli("export", "--tag", "defense").out
    assert only.count("\n## ") == 1


def test_export_is_byte_identical_when_repeated(cli, tmp_path: Path):
    annotate(cli)
    cli("export", "-o", str(tmp_path / "a.md"))
    cli("export", "-o", str(tmp_path / "b.md"))
    assert (tmp_path / "a.md").read_bytes() == (tmp_path / "b.md").read_bytes()


def test_import_reports_counts_and_never_duplicates(cli, capsys, tmp_path: Path):
    annotate(cli)
    backup = tmp_path / "backup.json"
    assert cli("export", "--format", "json", "-o", str(backup)).code == 0

    other = tmp_path / "other-data"
    code = main(["import", str(backup), "--data-dir", str(other)])
    out, _ = capsys.readouterr()
    assert code == 0
    assert (
        out == "imported 2 item(s): 2 changed, 0 unchanged; no entity corrections in the backup\n"
    )
    code = main(["import", str(backup), "--data-dir", str(other)])
    out, _ = capsys.readouterr()
    assert code == 0
    assert (
        out == "imported 2 item(s): 0 changed, 2 unchanged; no entity corrections in the backup\n"
    )
    main(["list", "--json", "--data-dir", str(other)])
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows[ID_000]["tags"] == ["defense"]
    assert rows[ID_002]["tags"] == ["union-state"]
    main(["note", ID_000, "--data-dir", str(other)])
    assert capsys.readouterr().out == "Worth a follow-up.\n"

    # Importing into the data it came from changes nothing either.
    again = cli("import", str(backup))
    assert (
        again.out
        == "imported 2 item(s): 0 changed, 2 unchanged; no entity corrections in the backup\n"
    )
    assert cli("note", ID_000).out == "Worth a follow-up.\n"


def test_import_restores_entity_corrections_into_a_fresh_data_dir(
    cli, data: Path, capsys, tmp_path: Path
):
    from briefreader.entities.corrections import ADD, ALIAS, REJECT, RELABEL, Correction
    from briefreader.session import open_session

    annotate(cli)
    session = open_session(data)  # the reader's d, l, a and m keys save these
    for correction in (
        Correction(REJECT, "TASS"),
        Correction(RELABEL, "Belarus", label="ORG"),
        Correction(ALIAS, "Khrenin", canonical="Viktor Khrenin"),
        Correction(ADD, "regional group of forces", label="ORG"),
    ):
        session.store.add_correction(correction)
    session.close()
    backup = tmp_path / "backup.json"
    assert cli("export", "--format", "json", "-o", str(backup)).code == 0

    fresh = tmp_path / "fresh-data"
    code = main(["import", str(backup), "--data-dir", str(fresh)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out == (
        "imported 6 item(s): 6 changed, 0 unchanged; entity corrections: 4 added, 0 already here\n"
    )
    main(["import", str(backup), "--data-dir", str(fresh)])
    assert capsys.readouterr().out == (
        "imported 6 item(s): 0 changed, 6 unchanged; entity corrections: 0 added, 4 already here\n"
    )
    again = tmp_path / "again.json"
    main(["export", "--format", "json", "-o", str(again), "--data-dir", str(fresh)])
    capsys.readouterr()
    assert (
        json.loads(again.read_text())["corrections"]
        == json.loads(backup.read_text())["corrections"]
    )
    main(["entities", "--json", ID_000, "--data-dir", str(fresh)])
    found = {(e["label"], e["text"]) for e in json.loads(capsys.readouterr().out)}
    assert not any(text == "TASS" for _, text in found)
    assert ("ORG", "Belarus") in found and ("PLACE", "Belarus") not in found
    assert ("ORG", "regional group of forces") in found


def test_import_names_a_conflicting_correction_and_keeps_the_one_here(
    cli, data: Path, tmp_path: Path
):
    from briefreader.entities.corrections import RELABEL, Correction
    from briefreader.session import open_session

    session = open_session(data)
    session.store.add_correction(Correction(RELABEL, "Belarus", label="ORG"))
    session.close()
    backup = tmp_path / "backup.json"
    assert cli("export", "--format", "json", "-o", str(backup)).code == 0
    session = open_session(data)
    session.store.add_correction(Correction(RELABEL, "Belarus", label="PLACE"))
    session.close()
    result = cli("import", str(backup))
    assert result.code == 0
    assert result.out == (
        "imported 1 item(s): 0 changed, 1 unchanged; "
        "entity corrections: 0 added, 0 already here, 1 conflicting, kept as here\n"
    )
    assert "relabel 'Belarus': ORG in the backup, PLACE here" in result.err
    assert result.err.count("\n") == 1


# -- add -------------------------------------------------------------------------------


def make_folder(root: Path) -> Path:
    folder = root / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(
        "Headline one\n\nMINSK, October 1. /TASS/. Text one.\n", encoding="utf-8"
    )
    (folder / "sub" / "b.md").write_text(
        "# Markdown headline\n\nKYIV, Oct 2 (Reuters) - Text two.\n", encoding="utf-8"
    )
    (folder / "c.html").write_text(
        "<h1>Html headline</h1><p>WASHINGTON (AP) — Text three.</p>", encoding="utf-8"
    )
    (folder / "d.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "e.pdf").write_bytes(b"%PDF-1.4 not an article")
    return folder


def test_add_folder_reports_added_and_skipped(cli, tmp_path: Path):
    folder = make_folder(tmp_path)
    missing = tmp_path / "does-not-exist"
    result = cli("add", str(folder), str(missing))
    assert result.code == 0
    assert "added 3 article(s)" in result.out
    assert "skipped 2" in result.out
    skipped = result.err.splitlines()
    assert len(skipped) == 2
    assert any(str(missing) in line and "no such file" in line for line in skipped)
    assert any("d.txt" in line and "binary" in line for line in skipped)
    assert "Traceback" not in result.err

    titles = sorted(r["title"] for r in listing(cli))
    assert titles == ["Headline one", "Html headline", "Markdown headline"]

    again = cli("add", str(folder))
    assert again.code == 0
    assert "added 0 article(s), 3 already in the library" in again.out


def test_an_annotated_sample_stays_in_the_library_after_a_folder_is_added(cli, tmp_path: Path):
    # QA: the samples were tagged and noted, then `add ~/news` made them unreachable.
    assert {r["id"] for r in listing(cli)} == {ID_000, ID_002}
    assert cli("tag", ID_000, "Union State").code == 0
    assert cli("note", ID_000, "my take on the drills").code == 0
    assert cli("add", str(make_folder(tmp_path))).code == 0

    listed = {r["id"]: r for r in listing(cli)}
    assert ID_000 in listed and listed[ID_000]["entities"] > 0
    assert ID_002 not in listed  # never annotated: it made way, as INTERFACE.md says
    assert len(listed) == 4
    assert cli("note", ID_000).out == "my take on the drills\n"
    assert cli("tag", ID_000[:8], "t2").code == 0
    pages = tmp_path / "vault"
    assert cli("export", "-o", f"{pages}/").code == 0
    (page,) = pages.glob("*.md")
    assert "Union-State" in page.read_text("utf-8")
    assert "Belarus" in page.read_text("utf-8")  # its entities came along
    assert cli("note", ID_002).code == 1


def test_add_with_everything_skipped_exits_1(cli, tmp_path: Path):
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\x03")
    result = cli("add", str(binary), str(tmp_path / "missing.txt"))
    assert result.code == 1
    assert "added 0 article(s)" in result.out
    assert len(result.err.splitlines()) == 2
    assert "Traceback" not in result.err


def test_add_utf16_file_that_is_truncated_is_skipped_not_a_crash(cli, tmp_path: Path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text("Good headline\n\nMINSK, May 5. /TASS/. Fine.\n")
    (folder / "odd.txt").write_bytes(b"\xff\xfeA")
    result = cli("add", str(folder))
    assert result.code == 0, result.err
    assert "unexpected error" not in result.err
    assert "Traceback" not in result.err
    # Either read (with its damage replaced) or skipped with the file named.
    assert "added 2 article(s)" in result.out or (
        "added 1 article(s)" in result.out and "odd.txt" in result.err
    )
    assert "Good headline" in {r["title"] for r in listing(cli)}


# -- errors ----------------------------------------------------------------------------


def test_unknown_id_is_a_user_error(cli):
    assert_user_error(cli("tag", "zzzzzz", "defense"), "zzzzzz", "briefreader list")
    assert_user_error(cli("note", "does-not-exist.txt"))
    assert_user_error(cli("entities", "0000000000000000"))


def test_ambiguous_prefix_is_a_user_error(cli, tmp_path: Path):
    folder = tmp_path / "twins"
    folder.mkdir()
    texts: dict[str, str] = {}
    n = 0
    while True:
        text = f"Story {n}\n\nMINSK, October 1. /TASS/. Body number {n}.\n"
        prefix = article_id(text)[:2]
        if prefix in texts:
            break
        texts[prefix] = text
        n += 1
    (folder / "one.txt").write_text(texts[prefix], encoding="utf-8")
    (folder / "two.txt").write_text(text, encoding="utf-8")
    assert "added 2 article(s)" in cli("add", str(folder)).out
    assert_user_error(cli("tag", prefix, "defense"), "matches 2 articles")
    assert all(r["tags"] == [] for r in listing(cli))


def test_import_of_non_json_is_a_user_error(cli, tmp_path: Path):
    assert_user_error(cli("import", str(SEED_000)), "not JSON", "export --format json")
    other = tmp_path / "other.json"
    other.write_text('{"some": "thing"}', encoding="utf-8")
    assert_user_error(cli("import", str(other)), "not a briefreader JSON export")
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\x00\xfe")
    assert_user_error(cli("import", str(binary)))
    assert_user_error(cli("import", str(tmp_path / "missing.json")))


def test_empty_tag_is_a_user_error(cli):
    assert_user_error(cli("tag", ID_000, "#"), "not a tag: '#'")


def test_a_word_that_is_no_tag_refuses_the_whole_command(cli):
    # As the TUI prompt does: nothing half-applied, and the control character shown.
    assert_user_error(cli("tag", ID_000, "defense", "\x1b#"), "'␛#'", "nothing changed")
    assert "#defense" not in cli("list").out


def test_import_keeps_the_rest_of_an_annotation_and_names_a_tag_it_left_out(cli, tmp_path):
    backup = {
        "format": "briefreader-annotations",
        "schema": 2,
        "annotations": [{"article_id": ID_000, "tags": ["#", "kept"], "note": "my note"}],
    }
    path = tmp_path / "old.json"
    path.write_text(json.dumps(backup), "utf-8")
    result = cli("import", str(path))
    assert result.code == 0 and "Traceback" not in result.err
    assert result.err.count("\n") == 1 and "not a tag: '#'" in result.err
    assert "everything else" in result.err
    listed = json.loads(cli("list", "--json").out)
    mine = next(a for a in listed if a["id"] == ID_000)
    assert mine["tags"] == ["kept"]
    assert "my note" in cli("export", "--format", "json").out


@pytest.mark.parametrize(
    "args",
    [
        ["tag"],
        ["tag", "only-an-id"],
        ["export", "--format", "pdf"],
        ["list", "--no-such-option"],
        ["entities"],
    ],
)
def test_bad_usage_exits_2(cli, args: list[str]):
    result = cli(*args)
    assert result.code == 2
    assert "usage:" in result.err
    assert "Traceback" not in result.err


# -- where data goes -------------------------------------------------------------------


@pytest.mark.parametrize("position", ["before-command", "after-command"])
def test_data_dir_flag_moves_the_database(tmp_path: Path, monkeypatch, capsys, position: str):
    env_dir = tmp_path / "env-dir"
    flag_dir = tmp_path / "flag-dir"
    monkeypatch.setenv(DATA_DIR_ENV, str(env_dir))
    command = ["tag", ID_000, "defense"]
    flag = ["--data-dir", str(flag_dir)]
    argv = [*flag, *command] if position == "before-command" else [*command, *flag]
    assert main(argv) == 0
    capsys.readouterr()
    assert (flag_dir / "briefreader.json").is_file()
    assert not (env_dir / "briefreader.json").exists()


def test_environment_variable_moves_the_database(tmp_path: Path, monkeypatch, capsys):
    env_dir = tmp_path / "env-dir"
    monkeypatch.setenv(DATA_DIR_ENV, str(env_dir))
    assert main(["tag", ID_002, "defense"]) == 0
    assert main(["list", "--tag", "defense"]) == 0
    out, _ = capsys.readouterr()
    assert ID_002 in out
    assert (env_dir / "briefreader.json").is_file()
    stored = json.loads((env_dir / "briefreader.json").read_text(encoding="utf-8"))
    assert [d["tags"] for d in stored["annotations"].values()] == [["defense"]]


def test_real_entry_point_in_a_subprocess(tmp_path: Path):
    env = {**os.environ, DATA_DIR_ENV: str(tmp_path / "data")}
    version = subprocess.run(
        [sys.executable, "-m", "briefreader", "--version"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert version.returncode == 0, version.stderr
    assert version.stdout == f"briefreader {briefreader.__version__}\n"

    listed = subprocess.run(
        [sys.executable, "-m", "briefreader", "list"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert listed.returncode == 0, listed.stderr
    assert listed.stderr == ""
    assert {line.split()[0] for line in listed.stdout.splitlines()} == {ID_000, ID_002}
    assert (tmp_path / "data" / "index.jsonl").is_file()


def test_a_mistyped_command_is_a_user_error_not_an_empty_tui(cli):
    result = cli("frob")
    assert_user_error(result, "frob")
    assert "commands are add, list" in result.err


def test_wire_datelines_without_a_year_are_exported_by_date(cli, tmp_path: Path):
    folder = tmp_path / "wire"
    folder.mkdir()
    story = folder / "talks.txt"
    story.write_text(
        "Talks resume\n\nMOSCOW, August 1. /TASS/. The accord of January 27, 2025 holds.\n",
        encoding="utf-8",
    )
    assert cli("add", str(folder)).code == 0
    (row,) = listing(cli)
    assert row["date"] == "2025-08-01"
    result = cli("export", "--since", "2025-01", "--all")
    assert result.code == 0 and "Talks resume" in result.out
    assert "without a year" not in result.err


def test_export_says_how_many_articles_a_date_filter_could_not_place(cli):
    # The bundled samples: "October 26" has no year and nothing in the text gives one.
    result = cli("export", "--since", "2025-01", "--all")
    assert result.code == 0
    assert "note: 1 article dated without a year left out by --since/--until" in result.err


# -- a corrupted database --------------------------------------------------------------


def test_backups_from_before_a_corruption_survive_later_sessions(cli, data: Path):
    # QA: truncate the file, then five changing commands rotated out every good backup.
    for n in range(7):
        assert cli("tag", ID_000, f"good{n}").code == 0
    good = sorted((data / "backups").glob("briefreader-*.json"))
    assert len(good) == 5
    good_bytes = {p.name: p.read_bytes() for p in good}
    db = data / "briefreader.json"
    with db.open("r+b") as handle:
        handle.truncate(1000)

    listed = cli("list")
    assert listed.code == 0
    pinned = [p for p in (data / "backups").iterdir() if p.is_dir()]
    assert len(pinned) == 1 and pinned[0].name.startswith("before-corruption-")
    assert str(pinned[0]) in listed.err and "copy one over" in listed.err
    for n in range(1, 6):
        assert cli("tag", ID_000, f"t{n}").code == 0

    kept = {p.name: p.read_bytes() for p in pinned[0].glob("*.json")}
    assert kept == good_bytes
    restored = json.loads(kept[max(kept)])
    tags = [d["tags"] for d in restored["annotations"].values()]
    assert any("good5" in t for t in tags)
    # Rotation goes on for the new database's own backups (the first session had no file).
    assert len(list((data / "backups").glob("briefreader-*.json"))) == 4


def test_a_corrupted_database_without_backups_says_so(cli, data: Path):
    data.mkdir()
    (data / "briefreader.json").write_bytes(b'{"annotations": {"1": {"art')
    result = cli("list")
    assert result.code == 0
    assert "no backups" in result.err


# -- usage errors that say what to do -----------------------------------------------------


def test_a_tag_starting_with_a_dash_points_to_remove(cli, data: Path, capsys):
    # QA: "the following arguments are required: TAG", which says nothing of --remove.
    assert cli("tag", ID_000, "germany").code == 0
    result = cli("tag", ID_000, "-germany")
    assert result.code == 2
    assert "usage: briefreader tag" in result.err
    assert "--remove" in result.err and "-- -germany" in result.err
    assert "required" not in result.err
    # The hint works: after --, a leading '-' removes the tag, as in the TUI prompt.
    assert main(["--data-dir", str(data), "tag", ID_000, "--", "-germany"]) == 0
    assert capsys.readouterr().out == f"{ID_000}: (no tags)\n"


def test_an_unknown_option_of_a_command_shows_that_commands_usage(cli):
    result = cli("list", "--bogus")
    assert result.code == 2
    assert "usage: briefreader list" in result.err and "--bogus" in result.err
    assert "COMMAND" not in result.err


def test_tagging_an_empty_file_says_what_to_do(cli, tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert_user_error(cli("tag", str(empty), "x"), "empty file", "an id from 'briefreader list'")


def test_export_refuses_a_day_that_does_not_exist(cli):
    for day in ("2025-13", "2025-02-30"):
        result = cli("export", "--since", day)
        assert result.code == 2 and "is not a date like 2025-10-01" in result.err
    assert cli("export", "--since", "2024-02-29").code == 0  # a leap day is a day


def test_a_second_corruption_points_to_the_backups_kept_from_the_first(cli, data: Path):
    # QA: corrupted again before any new backup, the message said there were none.
    for n in range(3):
        assert cli("tag", ID_000, f"good{n}").code == 0
    db = data / "briefreader.json"
    db.write_bytes(b"{not json")
    assert cli("list").code == 0
    db.write_bytes(b"{not json either")
    result = cli("list")
    (pinned,) = sorted((data / "backups").glob("before-corruption-*"))
    assert str(pinned) in result.err and "no backups" not in result.err


def test_add_counts_a_new_file_in_a_folder_already_added(cli, tmp_path: Path):
    # QA: "added 0 article(s), 18 already in the library" for a file new to the folder.
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks\n\nMINSK, May 5. /TASS/. Talks went on.\n", "utf-8")
    assert "added 1 article(s)" in cli("add", str(folder)).out
    (folder / "b.txt").write_text("Oslo\n\nOSLO, May 6. /TASS/. A new story.\n", "utf-8")
    result = cli("add", str(folder))
    assert "added 1 article(s), 1 already in the library" in result.out, result.out
    assert "added 0 article(s), 2 already" in cli("add", str(folder)).out


def test_an_edit_does_not_move_a_yearless_dateline_to_another_year(cli, tmp_path: Path):
    # QA: a story of last November, saved then, dated 2025; a typo fixed today (saved
    # now) put it in this year, and filters and exports followed.
    import os
    from datetime import datetime

    folder = tmp_path / "wire"
    folder.mkdir()
    story = folder / "a2.txt"
    story.write_text(
        "Talks\n\nMOSCOW, November 20. /TASS/. The accord of December 6, 2021 holds.\n",
        encoding="utf-8",
    )
    saved = datetime(2025, 11, 25, 12, 0).timestamp()
    os.utime(story, (saved, saved))
    assert cli("add", str(folder)).code == 0
    (before,) = listing(cli)
    assert before["date"] == "2025-11-20"
    with story.open("a", encoding="utf-8") as handle:
        handle.write("\nUpdated with a correction.\n")  # saved now
    (after,) = listing(cli)
    assert after["id"] != before["id"]  # the text changed
    assert after["date"] == "2025-11-20"  # the day it was filed did not
    story.write_text(  # the dateline itself edited: read anew
        "Talks\n\nMOSCOW, November 21. /TASS/. The accord of December 6, 2021 holds.\n",
        encoding="utf-8",
    )
    (edited,) = listing(cli)
    assert edited["date"].endswith("-11-21")
