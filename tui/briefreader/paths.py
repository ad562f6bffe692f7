"""Where briefreader keeps its files.

Every location is decided here, once, so the CLI, the TUI and the tests agree on it and a
test can never touch a person's real data by accident: they pass ``data_dir`` explicitly.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "briefreader"
DATA_DIR_ENV = "BRIEFREADER_DATA_DIR"


@dataclass(frozen=True)
class AppPaths:
    """The set of files one briefreader instance reads and writes."""

    data_dir: Path
    config_file: Path

    @property
    def annotations_file(self) -> Path:
        """The TinyDB file holding the user's work: tags, notes, the library's folders."""
        return self.data_dir / "briefreader.json"

    @property
    def index_file(self) -> Path:
        """A rebuildable cache of parsed articles; kept apart so the user's file stays small."""
        return self.data_dir / "index.jsonl"

    @property
    def first_rows_file(self) -> Path:
        """The top of the list as last shown, so a big library's first screen needs no index."""
        return self.data_dir / "first-rows.json"

    @property
    def marks_file(self) -> Path:
        """A rebuildable cache: which articles hold each name the user marked as an entity."""
        return self.data_dir / "marked-names.json"

    @property
    def drafts_dir(self) -> Path:
        """Notes being typed, autosaved about once a second until the editor closes."""
        return self.data_dir / "drafts"

    @property
    def export_dir(self) -> Path:
        """Default target of the in-app export when config.toml names none."""
        return self.data_dir / "exports"


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Pick the data and config locations: explicit argument, then environment, then platform.

    When a data dir is chosen explicitly (flag or environment) config.toml is read from it
    too, so one folder holds everything a test or a portable setup needs.
    """
    chosen = data_dir if data_dir is not None else os.environ.get(DATA_DIR_ENV) or None
    if chosen is not None:
        root = Path(chosen).expanduser().resolve()
        return AppPaths(data_dir=root, config_file=root / "config.toml")
    return AppPaths(
        data_dir=Path(platformdirs.user_data_dir(APP_NAME)),
        config_file=Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml",
    )
