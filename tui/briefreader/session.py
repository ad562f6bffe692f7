"""One opened briefreader: its paths, settings, store and library, built in one place.

The CLI, the TUI and the tests all start here, so an isolated instance (a temp data dir)
is one call away and nothing reaches for global state.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from briefreader.annotations.store import AnnotationStore
from briefreader.config import Config, load_config
from briefreader.entities.backend import EntityBackend
from briefreader.entities.corrections import Correction, NameCorrector
from briefreader.entities.index import EntityIndex
from briefreader.library.catalog import Library
from briefreader.library.indexing import decode_names
from briefreader.paths import AppPaths, resolve_paths


@dataclass
class Session:
    """Everything an instance works with; close it to release the database."""

    paths: AppPaths
    config: Config
    store: AnnotationStore
    library: Library
    problems: list[str]
    _corrector: tuple[tuple[Correction, ...], NameCorrector] | None = field(
        default=None, repr=False
    )
    _entity_index: tuple[object, EntityIndex] | None = field(default=None, repr=False)

    def name_corrector(self) -> NameCorrector:
        """The user's entity corrections ready for names; rebuilt only when they change."""
        corrections = tuple(self.store.corrections())
        marked = self.library.marked_names(corrections)
        if (
            self._corrector is None
            or self._corrector[0] != corrections
            or self._corrector[1].marked is not marked
        ):
            self._corrector = (corrections, NameCorrector(corrections, marked))
        return self._corrector[1]

    def entity_index(self) -> EntityIndex:
        """Entity → articles over the whole library, reused until names or corrections change.

        Building it walks every article's names (about a second at 100k articles), so
        opening the entity panel twice must not pay for it twice.
        """
        corrector = self.name_corrector()
        stamp = self._entity_stamp(corrector)
        if self._entity_index is None or self._entity_index[0] != stamp:
            # A snapshot: a worker may be adding articles' names while this is built.
            packed = list(self.library.entity_names.packed.items())
            index = EntityIndex(
                ((i, corrector.article_names(i, decode_names(p))) for i, p in packed),
                corrector.rules,
            )
            self._entity_index = (stamp, index)
        return self._entity_index[1]

    def entity_index_is_current(self) -> bool:
        """True when `entity_index()` answers at once (nothing changed since it was built)."""
        return self._entity_index is not None and self._entity_index[0] == self._entity_stamp(
            self.name_corrector()
        )

    def _entity_stamp(self, corrector: NameCorrector) -> object:
        names = self.library.entity_names
        return (names.version, len(names.packed), corrector.rules.items, corrector.marked)

    @property
    def export_target(self) -> Path:
        """Where the in-app export writes: config.toml's [export] path, else the data dir."""
        configured = self.config.export_path
        if configured is None:
            return self.paths.export_dir / "briefreader-notes.md"
        return configured if configured.suffix else configured / "briefreader-notes.md"

    def close(self) -> None:
        """Release the database file; every change was already saved when it was made."""
        self.store.close()


def open_session(data_dir: str | os.PathLike[str] | None = None) -> Session:
    """Open the data dir (flag, environment or platform default) with its config."""
    paths = resolve_paths(data_dir)
    config_result = load_config(paths.config_file)
    store = AnnotationStore(paths.annotations_file)
    library = Library(paths, store, EntityBackend(config_result.config.entities, paths.data_dir))
    problems = [*config_result.problems, *store.problems]
    return Session(paths, config_result.config, store, library, problems)
