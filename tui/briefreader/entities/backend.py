"""Which recognizer finds an article's entities: the rules, or spaCy when config.toml says so.

The library's index always holds the rules recognizer's spans: they are instant, computed
in parallel when files are added, and feed the list, filters and the entity index. When
`[entities] backend = "spacy"`, an article's spans for the reader and `briefreader
entities` come from spaCy instead, through this module, and are cached in a file of their
own whose identity names spaCy's and the model's versions, so rules spans are never served
as spaCy's (nor one model's as another's).

Loading spaCy takes seconds, so `EntityBackend.load` is separate and thread-safe: the TUI
calls it in a worker and shows the rules' spans until it is ready; the CLI calls it before
answering. When spaCy or the model is missing, loading gives back one line saying what to
install, and the rules stay in charge: never a traceback.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import orjson

from briefreader.atomicfile import atomic_write_bytes
from briefreader.entities.settings import RULES_BACKEND, SPACY_BACKEND, EntitySettings
from briefreader.entities.spacy_backend import SpacyUnavailable, load_spacy_recognizer
from briefreader.entities.types import Entity

CACHE_VERSION = 1

# The states of a backend that needs loading.
WAITING, LOADING, READY, FAILED = "waiting", "loading", "ready", "failed"


class DescribedRecognizer(Protocol):
    """A Recognizer that can name itself (backend, versions) for cache keys."""

    description: str

    def recognize(self, text: str) -> list[Entity]:
        """Return the entities in text."""
        ...


Loader = Callable[[str], DescribedRecognizer]


class EntityBackend:
    """The configured recognizer, loaded once on demand, with its own span cache."""

    def __init__(
        self,
        settings: EntitySettings,
        cache_dir: Path,
        loader: Loader = load_spacy_recognizer,
    ) -> None:
        self.settings = settings
        self.cache_dir = cache_dir
        self._loader = loader
        self._lock = threading.Lock()
        # One article at a time through the model: the UI's workers may ask at once, and
        # spaCy does not promise that one pipeline can serve two threads together.
        self._run_lock = threading.Lock()
        self._recognizer: DescribedRecognizer | None = None
        self.state = READY if settings.backend == RULES_BACKEND else WAITING
        self.problem: str | None = None
        self._cache: dict[str, str] | None = None

    @property
    def name(self) -> str:
        """What the user chose: "rules" or "spacy"."""
        return self.settings.backend

    @property
    def pending(self) -> bool:
        """True while a chosen statistical backend is not loaded yet (nor given up on)."""
        return self.state in {WAITING, LOADING}

    @property
    def cache_file(self) -> Path:
        """One file per backend and model, beside (never inside) the rules' index."""
        return self.cache_dir / f"entities-{self.name}-{self.settings.spacy_model}.json"

    def status(self) -> str | None:
        """A short note for the reader while its entities are the rules' stand-ins."""
        if self.pending:
            return f"loading spaCy ({self.settings.spacy_model}); rules entities until then"
        return None

    def load(self) -> str | None:
        """Load the model (once; slow: call it off the UI thread); the problem line, if any.

        On failure the rules recognizer stays in charge, and the returned line says so and
        what to install.
        """
        with self._lock:
            if self.state != WAITING:
                return self.problem
            self.state = LOADING
            try:
                if self.name != SPACY_BACKEND:  # config.py only lets known names through
                    raise SpacyUnavailable(f"unknown entity backend {self.name!r}")
                self._recognizer = self._loader(self.settings.spacy_model)
            except SpacyUnavailable as error:
                self.problem = f"{error}; using the rules recognizer"
                self.state = FAILED
                return self.problem
            self.state = READY
            return None

    def entities(self, text: str) -> list[Entity] | None:
        """The backend's entities in text, or None when the rules' spans should be used.

        None for the rules backend, while a model is loading, and after it failed to load.
        """
        recognizer = self._recognizer
        if recognizer is None or self.state != READY:
            return None
        key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]
        with self._lock:
            cache = self._load_cache(recognizer.description)
            packed = cache.get(key)
        if packed is not None:
            return [
                Entity(e.start, e.end, e.label, text[e.start : e.end])
                for e in _decode_spans(packed)
            ]
        with self._run_lock:
            found = recognizer.recognize(text)
        with self._lock:
            cache[key] = _spans_of(found)
            self._save_cache(recognizer.description)
        return found

    # -- the span cache ------------------------------------------------------------------

    def _load_cache(self, identity: str) -> dict[str, str]:
        if self._cache is not None:
            return self._cache
        self._cache = {}
        try:
            data = orjson.loads(self.cache_file.read_bytes())
        except (OSError, ValueError):
            return self._cache  # a cache: missing or damaged means recompute
        if (
            isinstance(data, dict)
            and data.get("version") == CACHE_VERSION
            and data.get("identity") == identity
            and isinstance(data.get("spans"), dict)
        ):
            self._cache = data["spans"]
        return self._cache

    def _save_cache(self, identity: str) -> None:
        payload = {"version": CACHE_VERSION, "identity": identity, "spans": self._cache}
        try:
            atomic_write_bytes(self.cache_file, orjson.dumps(payload))
        except OSError:
            pass  # only a cache: the next open recomputes


def _spans_of(entities: list[Entity]) -> str:
    """Entity offsets and labels as one string: "start,end,LABEL;…" (small on disk)."""
    return ";".join(f"{e.start},{e.end},{e.label}" for e in entities)


def _decode_spans(packed: str) -> list[Entity]:
    """Entities (without their text) from _spans_of."""
    found = []
    for part in packed.split(";") if packed else ():
        start, end, label = part.split(",", 2)
        found.append(Entity(int(start), int(end), label, ""))
    return found
