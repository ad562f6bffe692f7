"""Keys that change annotations: saved on disk the moment the key completes; redo never loses work.

README: "every change is written the moment its key completes". These tests read the files
themselves (the readable briefreader.json and its journal), not the store that wrote them,
so a store that only kept a change in memory would fail them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefreader.ui.app import BriefreaderApp
from pilot import open_row, row_cells, settle


def on_disk(data_dir: Path) -> dict[str, dict[str, Any]]:
    """Each article's annotation as the files hold it now: the JSON file, then the journal.

    The journal (briefreader.json.wal) holds whole documents, one fsynced line per change;
    replaying it over the readable file is what any process opening the data dir does.
    """
    main = data_dir / "briefreader.json"
    tables: dict[str, dict[str, Any]] = {}
    if main.exists() and main.read_text(encoding="utf-8").strip():
        tables = json.loads(main.read_text(encoding="utf-8"))
    journal = data_dir / "briefreader.json.wal"
    if journal.exists():
        for line in journal.read_text(encoding="utf-8").splitlines():
            for table, doc_id, doc in json.loads(line)["c"]:
                docs = tables.setdefault(table, {})
                if doc is None:
                    docs.pop(str(doc_id), None)
                else:
                    docs[str(doc_id)] = doc
    by_article: dict[str, dict[str, Any]] = {}
    for table in ("annotations", "stars", "highlights"):
        for doc in tables.get(table, {}).values():
            by_article.setdefault(doc["article_id"], {})[table] = doc
    return by_article


def saved_tags(data_dir: Path, article_id: str) -> list[str]:
    return on_disk(data_dir).get(article_id, {}).get("annotations", {}).get("tags", [])


async def test_a_new_tag_after_undo_is_not_replaced_by_redo(make_session, data_dir: Path):
    # Audit: tag one, undo, tag two, U turned the tags from `two` back into `one`.
    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = app.list_screen.current_summary()
        await pilot.press("t", *"one", "enter")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert session.store.annotation(first.id).tags == []
        await pilot.press("t", *"two", "enter")
        await pilot.pause()
        await pilot.press("U")
        await pilot.pause()
        assert session.store.annotation(first.id).tags == ["two"]
        assert row_cells(app, first.id)["tags"] == "#two"
        assert saved_tags(data_dir, first.id) == ["two"]


async def test_every_change_is_on_disk_when_its_key_completes(make_session, data_dir: Path):
    session = make_session()
    app = BriefreaderApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = app.list_screen.current_summary()
        await pilot.press("t", *"defense, Minsk", "enter")
        await pilot.pause()
        assert saved_tags(data_dir, first.id) == ["defense", "Minsk"]
        await pilot.press("1")  # a quick tag
        await pilot.pause()
        assert saved_tags(data_dir, first.id) == ["defense", "Minsk", "important"]
        await pilot.press("s")  # star
        await pilot.pause()
        assert "stars" in on_disk(data_dir)[first.id]
        await pilot.press("u")  # undo the star: written too
        await pilot.pause()
        assert "stars" not in on_disk(data_dir)[first.id]
        await pilot.press("n", *"Khrenin says no expansion", "escape")
        await pilot.pause()
        assert on_disk(data_dir)[first.id]["annotations"]["note"] == "Khrenin says no expansion"
        await open_row(pilot, 0)
        await pilot.press("v", "w", "2")  # select a word, highlight it in a colour
        await pilot.pause()
        assert len(session.store.highlights(first.id)) == 1
        assert "highlights" in on_disk(data_dir)[first.id]
        # All of it while the app still runs: nothing waited for quit or for a compaction.
        assert app.is_running
