"""Which recognizer to use: the part of config.toml the entity layer reads."""

from __future__ import annotations

from dataclasses import dataclass

from briefreader.entities.spacy_backend import DEFAULT_MODEL

RULES_BACKEND = "rules"
SPACY_BACKEND = "spacy"
ENTITY_BACKENDS = (RULES_BACKEND, SPACY_BACKEND)


@dataclass(frozen=True)
class EntitySettings:
    """[entities]: which recognizer finds entities; rules need nothing, spaCy is an extra."""

    backend: str = RULES_BACKEND
    spacy_model: str = DEFAULT_MODEL
