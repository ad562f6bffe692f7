"""Settings from config.toml, with defaults that make a first run useful.

A broken config must never stop the app: we fall back to defaults and hand back one
message that names the file and the line, so the person can fix it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from briefreader.annotations.model import HIGHLIGHT_COLOURS
from briefreader.annotations.tags import normalise_tag
from briefreader.entities.settings import ENTITY_BACKENDS, RULES_BACKEND, EntitySettings
from briefreader.entities.spacy_backend import DEFAULT_MODEL

DEFAULT_QUICK_TAGS: dict[str, str] = {
    "1": "important",
    "2": "follow-up",
    "3": "defense",
    "4": "diplomacy",
    "5": "economy",
}

QUICK_TAG_KEYS = tuple(str(n) for n in range(1, 10))

# What each highlight colour means; the reader shows these names, config.toml renames them.
DEFAULT_HIGHLIGHT_MEANINGS: dict[str, str] = {
    "yellow": "claim",
    "green": "evidence",
    "blue": "question",
    "red": "quote",
}


# An importable package name: what spacy.load takes for an installed model.
_MODEL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")


@dataclass(frozen=True)
class Config:
    """Everything the user can set; every field has a working default."""

    quick_tags: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_QUICK_TAGS))
    export_path: Path | None = None
    theme: str | None = None
    # Binding id → keys, e.g. {"tag": "T"}: overrides for people with other habits.
    keys: dict[str, str] = field(default_factory=dict)
    highlight_meanings: dict[str, str] = field(
        default_factory=lambda: dict(DEFAULT_HIGHLIGHT_MEANINGS)
    )
    entities: EntitySettings = field(default_factory=EntitySettings)


@dataclass(frozen=True)
class ConfigResult:
    """A config plus the problems found while reading it, for the UI and CLI to show."""

    config: Config
    problems: tuple[str, ...] = ()


def load_config(path: Path) -> ConfigResult:
    """Read config.toml; a missing file means defaults, a bad one means defaults plus a message."""
    try:
        raw_bytes = path.read_bytes()
    except FileNotFoundError:
        return ConfigResult(Config())
    except OSError as error:
        return ConfigResult(
            Config(), (f"Cannot read {path}: {error.strerror}; using default settings.",)
        )
    try:
        data = tomllib.loads(raw_bytes.decode("utf-8"))
    except UnicodeDecodeError:
        return ConfigResult(
            Config(), (f"{path} is not UTF-8 text; fix or delete it. Using default settings.",)
        )
    except tomllib.TOMLDecodeError as error:
        return ConfigResult(
            Config(),
            (f"{path}: {error}. Fix that line or delete the file; using default settings.",),
        )
    return _from_table(data, path, raw_bytes.decode("utf-8"))


def _line(text: str, key: str) -> str:
    """' (line N)' for the first line that sets `key`, so a message points at it."""
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", re.MULTILINE)
    found = pattern.search(text)
    return f" (line {text.count(chr(10), 0, found.start()) + 1})" if found else ""


def _from_table(data: dict[str, object], path: Path, text: str = "") -> ConfigResult:
    problems: list[str] = []
    quick_tags = dict(DEFAULT_QUICK_TAGS)
    raw_tags = data.get("quick_tags")
    if raw_tags is not None:
        if not isinstance(raw_tags, dict):
            problems.append(f'{path}: [quick_tags] must be a table like 1 = "defense".')
        else:
            quick_tags = {}
            for key, value in raw_tags.items():
                where = f"{path}{_line(text, key)}"
                if key not in QUICK_TAG_KEYS:
                    problems.append(f"{where}: quick_tags key {key!r} must be one of 1..9.")
                elif not isinstance(value, str) or not normalise_tag(value):
                    problems.append(f"{where}: quick_tags.{key} must be a non-empty tag name.")
                else:
                    quick_tags[key] = normalise_tag(value)
    export_path: Path | None = None
    export = data.get("export", {})
    if isinstance(export, dict) and isinstance(export.get("path"), str):
        export_path = Path(export["path"]).expanduser()
    elif export != {}:
        problems.append(
            f'{path}{_line(text, "path")}: [export] path must be a string such as "~/notes.md".'
        )
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        problems.append(
            f'{path}{_line(text, "theme")}: theme must be a string such as "textual-dark".'
        )
        theme = None
    keys: dict[str, str] = {}
    raw_keys = data.get("keys", {})
    if not isinstance(raw_keys, dict):
        problems.append(f'{path}: [keys] must be a table like tag = "T".')
    else:
        for action, value in raw_keys.items():
            if isinstance(value, str) and value.strip():
                keys[action] = value.strip()
            else:
                problems.append(
                    f"{path}{_line(text, action)}: keys.{action} must be a key name like "
                    '"T" or "ctrl+t".'
                )
    meanings = _highlight_meanings(data.get("highlights"), path, text, problems)
    entities = _entity_settings(data.get("entities"), path, text, problems)
    return ConfigResult(
        Config(quick_tags, export_path, theme, keys, meanings, entities), tuple(problems)
    )


def _entity_settings(raw: object, path: Path, text: str, problems: list[str]) -> EntitySettings:
    """[entities] backend = "rules" | "spacy", spacy_model = an installed model package."""
    if raw is None:
        return EntitySettings()
    if not isinstance(raw, dict):
        problems.append(f'{path}: [entities] must be a table like backend = "spacy".')
        return EntitySettings()
    backend = RULES_BACKEND
    model = DEFAULT_MODEL
    for key, value in raw.items():
        where = f"{path}{_line(text, key)}"
        if key == "backend":
            if isinstance(value, str) and value.strip().casefold() in ENTITY_BACKENDS:
                backend = value.strip().casefold()
            else:
                problems.append(
                    f"{where}: entities.backend = {value!r} is not one of "
                    f"{', '.join(repr(b) for b in ENTITY_BACKENDS)}; using the rules."
                )
        elif key == "spacy_model":
            # The pip name ("en-core-web-sm") and the import name are both accepted.
            name = value.strip().replace("-", "_") if isinstance(value, str) else ""
            if _MODEL_NAME.fullmatch(name):
                model = name
            else:
                problems.append(
                    f"{where}: entities.spacy_model = {value!r} must be an installed model "
                    f'package name such as "en_core_web_sm"; using {DEFAULT_MODEL}.'
                )
        else:
            problems.append(
                f"{where}: [entities] has no setting {key!r}; use backend or spacy_model."
            )
    return EntitySettings(backend, model)


def _highlight_meanings(raw: object, path: Path, text: str, problems: list[str]) -> dict[str, str]:
    """[highlights] yellow = "claim" …: a name for each of the four colours."""
    meanings = dict(DEFAULT_HIGHLIGHT_MEANINGS)
    if raw is None:
        return meanings
    if not isinstance(raw, dict):
        problems.append(f'{path}: [highlights] must be a table like yellow = "claim".')
        return meanings
    for colour, meaning in raw.items():
        if colour not in HIGHLIGHT_COLOURS:
            problems.append(
                f"{path}{_line(text, colour)}: highlights colour {colour!r} is not one of "
                f"{', '.join(HIGHLIGHT_COLOURS)}."
            )
        elif not isinstance(meaning, str) or not meaning.strip():
            problems.append(
                f"{path}{_line(text, colour)}: highlights.{colour} = {meaning!r} must be a "
                "non-empty name "
                'such as "claim".'
            )
        else:
            meanings[colour] = " ".join(meaning.split())
    return meanings
