"""Shared fixtures: every test gets its own data dir, never the user's real one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from briefreader.paths import DATA_DIR_ENV
from briefreader.session import Session, open_session

# No per-example time limit: Hypothesis' default 200 ms deadline fails a correct test on a
# loaded machine. Speed is measured by benchmarks/, never by tests.
settings.register_profile("briefreader", deadline=None)
settings.load_profile("briefreader")

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    # Anything that forgets to pass a data dir still lands in a temp dir, not in $HOME.
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path_factory.mktemp("default-data")))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def make_session(data_dir: Path) -> Iterator[Callable[[], Session]]:
    opened: list[Session] = []

    def make() -> Session:
        session = open_session(data_dir)
        opened.append(session)
        return session

    yield make
    for session in opened:
        session.close()
