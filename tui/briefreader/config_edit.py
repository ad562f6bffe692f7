"""Write one setting back into config.toml without disturbing the rest of the file.

The file is the user's: comments, order and other settings stay as they wrote them. Only
the one top-level line changes (or is added before the first [table]); a file that does
not parse is left alone, since rewriting it could lose what the user meant.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from briefreader.atomicfile import atomic_write_text


class ConfigEditError(Exception):
    """The setting could not be saved; the message says why and what to do."""


def set_top_level(path: Path, key: str, value: str) -> None:
    """Set `key = "value"` at the top level of config.toml, atomically."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigEditError(f"cannot read {path}: {error}") from error
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigEditError(f"{path} has an error ({error}); fix it to save settings") from error
    line = f"{key} = {json.dumps(value, ensure_ascii=False)}"
    lines = text.splitlines()
    first_table = next(
        (i for i, raw in enumerate(lines) if raw.lstrip().startswith("[")), len(lines)
    )
    setting = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for index in range(first_table):
        if setting.match(lines[index]):
            lines[index] = line
            break
    else:
        lines.insert(first_table, line)
    updated = "\n".join(lines) + "\n"
    tomllib.loads(updated)  # never write a file we could not read back
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, updated)
