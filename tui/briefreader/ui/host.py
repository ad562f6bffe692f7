"""What a screen may ask of the app that shows it: the session and a few shared services.

Screens are typed against this Protocol, not the app's class, so the app can import its
screens without the screens importing it back. It names only what screens need; a request
that changes what is shown elsewhere (open an article, filter the list) is a message in
briefreader.ui.messages instead, handled by the app.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ParamSpec, Protocol

from briefreader.annotations.drafts import NoteDrafts
from briefreader.session import Session

if TYPE_CHECKING:  # the index loads when first used
    from briefreader.entities.index import EntityIndex

P = ParamSpec("P")


class ScreenHost(Protocol):
    """The app as seen from a screen."""

    session: Session
    # Tag text typed and then escaped, per article, offered again next time.
    tag_drafts: dict[str, str]
    # Notes being typed, autosaved so a crash loses at most a second of typing.
    note_drafts: NoteDrafts

    @property
    def user_acted(self) -> bool:
        """Whether the user pressed a key or clicked yet (until then the list keeps its top)."""
        ...

    @property
    def leaving(self) -> bool:
        """Whether the app is quitting: background work must stop touching screens."""
        ...

    def say(self, message: str, severity: str = "information") -> None:
        """Notify with plain text (never read as markup)."""
        ...

    def guard(self, callback: Callable[P, None]) -> Callable[P, None]:
        """Wrap a dialog callback so an error in it shows the error screen."""
        ...

    def pause_point(self) -> None:
        """Where background work waits while a screen the user asked for is drawn."""
        ...

    def with_entity_index(self, then: Callable[[EntityIndex], None]) -> None:
        """Call `then` with the library's entity index, built in a worker when it must be."""
        ...
