"""The export choices the app offers, and the one `e` repeats.

Kept out of the UI so the palette, the `e` key and tests share one list, and so the last
choice survives a restart (a small JSON file in the data dir).
"""

from __future__ import annotations

import json
from pathlib import Path

from briefreader.atomicfile import atomic_write_text
from briefreader.export.run import DIGEST_NAME, ExportOptions
from briefreader.session import Session

OPTIONS_FILE = "export-options.json"


def export_choices(session: Session) -> list[tuple[str, str, ExportOptions]]:
    """Palette entries: (title, help, options) for each shape and format."""
    digest = session.export_target
    folder = digest.parent
    return [
        ("Export: Markdown digest", f"One file: {digest}", ExportOptions("md", digest)),
        (
            "Export: Markdown, one file per article",
            f"Obsidian-ready files with entity pages in {folder / 'articles'}",
            ExportOptions("md", folder / "articles", folder=True, entity_pages=True),
        ),
        (
            "Export: JSON backup",
            f"Everything, re-importable: {folder / 'briefreader-backup.json'}",
            ExportOptions("json", folder / "briefreader-backup.json"),
        ),
        (
            "Export: HTML digest",
            f"One page with entity colours: {folder / (DIGEST_NAME + '.html')}",
            ExportOptions("html", folder / f"{DIGEST_NAME}.html"),
        ),
    ]


def last_export_options(session: Session) -> ExportOptions:
    """What `e` does: the last export made in the app, else the Markdown digest."""
    try:
        data = json.loads((session.paths.data_dir / OPTIONS_FILE).read_text("utf-8"))
        return ExportOptions(
            fmt=data["fmt"] if data["fmt"] in ("md", "json", "html") else "md",
            output=Path(data["output"]),
            folder=bool(data.get("folder")),
            entity_pages=bool(data.get("entity_pages")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return ExportOptions("md", session.export_target)


def remember_export_options(session: Session, options: ExportOptions) -> None:
    """Keep the choice for the next `e`; failing to remember is not worth an error."""
    payload = {
        "fmt": options.fmt,
        "output": str(options.output),
        "folder": options.folder,
        "entity_pages": options.entity_pages,
    }
    try:
        atomic_write_text(session.paths.data_dir / OPTIONS_FILE, json.dumps(payload))
    except OSError:
        pass
