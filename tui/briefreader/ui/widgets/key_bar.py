"""The key hint line at the bottom of every screen, drawn as one widget.

Textual's Footer mounts a widget per key and recomposes all of them whenever the active
bindings change (every screen push, every focus change). With the reader's thirty-odd
keys that styling work was most of the time it took to open an article. This bar renders
the same hints as one line of Content: what fits is shown in binding order, and when keys
are left out it says so and points at `?`. A click on a hint presses its key, as before.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import RenderResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

_GAP = 2  # spaces between hints


class KeyBar(Widget):
    """Key hints for the screen's active bindings, in one line."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--disabled"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        & > .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-bar--disabled {
            text-style: dim;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._clickable: list[tuple[int, int, str]] = []  # (start x, end x, key)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen[Any]) -> None:
        if screen is self.screen:
            self.refresh()

    def hints(self) -> list[tuple[Binding, bool]]:
        """The bindings to show, one per action, each with whether it is enabled now.

        The command palette comes last, as Textual's footer shows it.
        """
        seen: set[str] = set()
        shown: list[tuple[Binding, bool]] = []
        active = self.screen.active_bindings
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                shown.append((binding, enabled))
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if self.app.ENABLE_COMMAND_PALETTE and palette is not None:
            shown.append((palette[1], palette[2]))
        return shown

    def render(self) -> RenderResult:
        width = self.size.width
        key_style = self.get_visual_style("key-bar--key", partial=True)
        text_style = self.get_visual_style("key-bar--description", partial=True)
        dim_style = self.get_visual_style("key-bar--disabled", partial=True)
        parts: list[str | tuple[str, object]] = []
        clickable: list[tuple[int, int, str]] = []
        x = 1
        more = " " * _GAP + "? more keys"  # spaced like the hints before it
        hints = self.hints()
        for index, (binding, enabled) in enumerate(hints):
            key = self.app.get_key_display(binding)
            label = f"{key} {binding.description}".rstrip()
            room = width - (len(more) if index < len(hints) - 1 else 0)
            if x + len(label) > room:
                parts.append((more, text_style))
                clickable.append((x, x + len(more) - _GAP, "question_mark"))  # opens help
                break
            style_key, style_text = (key_style, text_style) if enabled else (dim_style, dim_style)
            parts.append(" " if index == 0 else " " * _GAP)
            parts.append((key, style_key))
            if binding.description:
                parts.append((f" {binding.description}", style_text))
            clickable.append((x, x + len(label), binding.key))
            x += len(label) + _GAP
        self._clickable = clickable
        return Content.assemble(*parts)  # type: ignore[arg-type]

    def key_at(self, x: int) -> str | None:
        """The key whose hint covers column x, for clicks."""
        for start, end, key in self._clickable:
            if start <= x < end:
                return key
        return None

    def on_click(self, event: events.Click) -> None:
        key = self.key_at(event.x)
        if key is not None:
            event.stop()
            self.app.simulate_key(key.split(",")[0].strip())
