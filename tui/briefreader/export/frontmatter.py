"""YAML front matter written so no title, tag or note can break it.

Every string is written double-quoted with escapes (the JSON string syntax, which YAML's
double-quoted style accepts), plus escapes for the few characters YAML forbids raw. So a
title like `Breaking: # 1 --- "war"` stays one value, and the file needs no YAML library.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence

# Characters YAML does not allow unescaped even inside double quotes (DEL, C1 controls
# including NEL, surrogates, BOM, non-characters) and line separators some editors split on.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")

Value = str | int | float | bool | None | Sequence[str] | Mapping[str, Sequence[str]]


def quoted(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly `text`."""
    dumped = json.dumps(text, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    return quoted(str(value))


def yaml_lines(data: Mapping[str, Value], indent: str = "") -> list[str]:
    """Lines of a YAML mapping: scalars, lists of strings, and one level of nested lists."""
    lines: list[str] = []
    for key, value in data.items():
        name = quoted(key) if not re.fullmatch(r"[A-Za-z_][\w-]*", key) else key
        if isinstance(value, Mapping):
            lines.append(f"{indent}{name}:" + ("" if value else " {}"))
            lines += yaml_lines(value, indent + "  ")
        elif isinstance(value, list | tuple):
            lines.append(f"{indent}{name}:" + ("" if value else " []"))
            lines += [f"{indent}  - {_scalar(item)}" for item in value]
        else:
            lines.append(f"{indent}{name}: {_scalar(value)}")
    return lines


def front_matter(data: Mapping[str, Value]) -> str:
    """A complete front matter block, fences included."""
    return "\n".join(["---", *yaml_lines(data), "---"]) + "\n"
