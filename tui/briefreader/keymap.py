"""Which `[keys]` overrides of config.toml can be applied without hiding another action.

Moving an action onto a key another action already has (`tag = "s"` while `s` stars)
would silently leave that other action without a key, and the footer and help would
still show it. Such an override is refused, with a line that names both actions and what
to change; the rest are applied. Pure data in, data out: the UI says which bindings are
reachable together (one "context" per screen) and applies what comes back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class KeyUse:
    """One binding as the user meets it: its id (None: not movable), what it runs, its keys."""

    action_id: str | None
    action: str
    name: str
    keys: tuple[str, ...]

    @property
    def label(self) -> str:
        """How a message names it: the id config.toml uses, else its description."""
        return self.action_id or self.name


def split_keys(keys: str) -> tuple[str, ...]:
    """'down,j' → ('down', 'j'): Textual's spelling of several keys for one binding."""
    return tuple(k.strip() for k in keys.split(",") if k.strip())


@dataclass(frozen=True)
class KeyPlan:
    """The overrides to apply, and one line per override refused."""

    apply: dict[str, str]
    problems: list[str]


def plan_overrides(
    overrides: Mapping[str, str], contexts: Sequence[Sequence[KeyUse]], where: str
) -> KeyPlan:
    """Keep each override whose keys no other binding reachable beside it ends up with.

    Overrides are refused one at a time and the rest checked again, so moving two actions
    onto each other's keys (a swap) is fine, and a refused override is not blamed twice.
    """
    accepted = dict(overrides)
    problems: list[str] = []
    # Textual rebinds a key as a whole: moving an action off a key it shares with another
    # binding (note on n, which is also Next match while finding) unbinds that one too.
    for moved in list(accepted):
        shared = _sharing(moved, accepted, contexts)
        if shared is not None:
            key, other = shared
            problems.append(
                f'{where}: [keys] {moved} = "{accepted[moved]}" would move {moved} off {key}, '
                f"which it shares with {other.label}; {other.label} would lose {key} too, so it "
                f"was not applied ({moved} stays on {key})"
            )
            del accepted[moved]
    while clash := _first_clash(accepted, contexts):
        moved, key, other = clash
        defaults = next(
            use.keys for context in contexts for use in context if use.action_id == moved
        )
        keeps = ", ".join(defaults) or "no key"
        also = f", or move {other.label} as well" if other.action_id else ""
        problems.append(
            f'{where}: [keys] {moved} = "{accepted[moved]}" would take {key} from '
            f"{other.label}, leaving it without a key, so it was not applied ({moved} stays "
            f"on {keeps}); pick a free key for {moved}{also}"
        )
        del accepted[moved]
    return KeyPlan(accepted, problems)


def _sharing(
    moved: str, accepted: Mapping[str, str], contexts: Sequence[Sequence[KeyUse]]
) -> tuple[str, KeyUse] | None:
    """(key, other binding) when `moved` leaves a key another binding keeps, else None."""
    for context in contexts:
        for use in context:
            if use.action_id != moved:
                continue
            for key in use.keys:
                if key in split_keys(accepted[moved]):
                    continue
                for other in context:
                    if (
                        other.action_id != moved
                        and other.action_id not in accepted
                        and key in other.keys
                    ):
                        return key, other
    return None


def _first_clash(
    accepted: Mapping[str, str], contexts: Sequence[Sequence[KeyUse]]
) -> tuple[str, str, KeyUse] | None:
    """(moved action, key, the binding that has it too), or None when nothing clashes."""
    for context in contexts:
        final = [
            (
                use,
                split_keys(accepted[use.action_id])
                if use.action_id is not None and use.action_id in accepted
                else use.keys,
            )
            for use in context
        ]
        for use, keys in final:
            if use.action_id is None or use.action_id not in accepted:
                continue
            for key in keys:
                for other, other_keys in final:
                    if (
                        other.action_id != use.action_id
                        and other.action != use.action  # one action on two bindings
                        and key in other_keys
                    ):
                        return use.action_id, key, other
    return None
