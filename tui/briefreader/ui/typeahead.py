"""Keys typed faster than the screen changes go where the person meant them.

Textual hands each key to the widget focused when the key arrives, and that widget gets
to it later. Type "/minsk" in one burst and every letter is handed to the list before
"/" has moved the focus to the filter box: the letters then run the list's keys (n opens
the note editor, s stars). The same happens to "t" followed by a tag typed at once. The
app remembers where each key was sent; a key that comes back unhandled from a widget that
has lost the focus in the meantime is sent on to the widget (or screen) focused now,
as if it had arrived after the move.
"""

from __future__ import annotations

from collections import OrderedDict

from textual import events
from textual.dom import DOMNode

REMEMBERED = 256  # keys in flight at once; older ones were handled or swallowed long ago


class KeyTargets:
    """Where each key in flight was sent: a small map, oldest entries dropped first."""

    def __init__(self) -> None:
        # id(key) -> (key, target): the key is kept so its id is not reused while listed.
        self._sent: OrderedDict[int, tuple[events.Key, DOMNode]] = OrderedDict()

    def sent(self, key: events.Key, target: DOMNode) -> None:
        """The app is handing `key` to `target`."""
        self._sent[id(key)] = (key, target)
        while len(self._sent) > REMEMBERED:
            self._sent.popitem(last=False)

    def redirect(self, key: events.Key, focused_now: DOMNode) -> bool:
        """Send an unhandled key on when the focus moved after it was sent; True if sent."""
        entry = self._sent.pop(id(key), None)
        if entry is None or entry[0] is not key or entry[1] is focused_now:
            return False
        again = events.Key(key.key, key.character)
        again._set_forwarded()  # a key the app has already routed: not a new keypress
        self.sent(again, focused_now)
        focused_now.post_message(again)
        return True
