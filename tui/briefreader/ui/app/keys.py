"""Key overrides from config.toml [keys]: which are key names, which are actions."""

from __future__ import annotations

from textual.binding import Binding
from textual.keys import KEY_NAME_REPLACEMENTS, Keys, key_to_character

from briefreader.keymap import KeyUse, split_keys


def known_key(key: str) -> bool:
    """Whether Textual can bind this key: modifiers, then one character or a key's name."""
    *modifiers, last = key.split("+")
    if not last or not set(modifiers) <= {"ctrl", "shift", "alt", "meta", "super", "hyper"}:
        return False
    if len(last) == 1 and last.isprintable():
        return True
    named = {k.value for k in Keys} | set(KEY_NAME_REPLACEMENTS.values())
    return last in named or f"ctrl+{last}" in named or key_to_character(last) is not None


def key_uses(*owners: type) -> list[KeyUse]:
    """Every binding the classes (and their bases) declare: the keys reachable together."""
    return [
        KeyUse(binding.id, binding.action, binding.description, split_keys(binding.key))
        for cls in owners
        for owner in cls.__mro__
        for binding in owner.__dict__.get("BINDINGS", [])
        if isinstance(binding, Binding)
    ]
