"""What every part of the app shares: the session, plain notices, errors, quiet time.

The app is put together from a few parts (see briefreader.ui.app): loading the library,
opening articles, commands. Each builds on this one; it holds the state they share and
the services the screens ask for through briefreader.ui.host.ScreenHost.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import ParamSpec

from rich.console import RenderableType
from textual.actions import ActionParseResult
from textual.app import App
from textual.dom import DOMNode

from briefreader.annotations.drafts import NoteDrafts
from briefreader.crashlog import write_crash_log
from briefreader.session import Session
from briefreader.textsafety import one_line
from briefreader.ui.screens.article_list import ArticleListScreen
from briefreader.ui.screens.error import ErrorScreen

P = ParamSpec("P")


class AppCore(App[None]):
    """The app's shared state and services, under its parts."""

    def __init__(self, session: Session, add_paths: Sequence[Path] = ()) -> None:
        super().__init__()
        self.session = session
        self.add_paths = list(add_paths)
        # Tag text typed and then escaped, per article, offered again next time.
        self.tag_drafts: dict[str, str] = {}
        # Notes being typed, autosaved so a crash loses at most a second of typing.
        self.note_drafts = NoteDrafts(session.paths.drafts_dir)
        # The list owns the listing; the app hands it the library as it is read.
        self.list_screen = ArticleListScreen(session.library.showing_samples)
        self.exit_message: str | None = None
        # Until the first key or click, the list's cursor stays on its top row while rows
        # join and the list is sorted: the newest article, not whichever file came first.
        self.user_acted = False
        self.leaving = False  # set by exit(): workers still running must not touch screens
        # Cleared while the user waits for a screen (an article opening, the first list);
        # background loops pause on it, so 100k files being checked do not slow that down.
        self._quiet = threading.Event()
        self._quiet.set()
        self._ui_thread = threading.get_ident()  # set again on mount, where the loop runs
        session.library.pause_point = self.pause_point
        session.library.should_stop = lambda: self.leaving
        if session.config.theme:
            if session.config.theme in self.available_themes:
                self.theme = session.config.theme
            else:
                session.problems.append(
                    f"Unknown theme {session.config.theme!r} in {session.paths.config_file}; "
                    f"choose one of: {', '.join(sorted(self.available_themes))}."
                )

    def say(self, message: str, severity: str = "information") -> None:
        """Notify with plain text: article and user text must never be read as markup."""
        self.notify(one_line(message), severity=severity, markup=False)  # type: ignore[arg-type]

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Run a key's action; an unexpected error becomes the error screen, not a crash."""
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except Exception as error:
            self.show_error(error)
            return True

    def show_error(self, error: BaseException) -> None:
        """Log the traceback, keep the app alive, and let the user continue or quit."""
        log = write_crash_log(self.session.paths.data_dir, error)

        def chosen(keep_going: bool | None) -> None:
            if keep_going is False:
                self.exit(return_code=1)

        self.push_screen(ErrorScreen(error, log), chosen)

    def guard(self, callback: Callable[P, None]) -> Callable[P, None]:
        """Wrap a dialog callback so an error in it shows the error screen."""

        def guarded(*args: P.args, **kwargs: P.kwargs) -> None:
            try:
                callback(*args, **kwargs)
            except Exception as error:
                self.show_error(error)

        return guarded

    def _handle_exception(self, error: Exception) -> None:
        # Anything that escaped every guard: the traceback goes to the log file, and the
        # terminal gets one line naming it instead of a screenful of Python.
        log = write_crash_log(self.session.paths.data_dir, error)
        self.exit_message = (
            f"briefreader stopped on an unexpected error ({type(error).__name__}); "
            f"your saved work is safe; details: {log or 'no log could be written'}"
        )
        self._return_code = 1
        if self._exception is None:  # let test frameworks see it, as Textual does
            self._exception = error
            self._exception_event.set()
        self._close_messages_no_wait()

    def pause_point(self) -> None:
        """Where background work waits while a screen the user asked for is drawn.

        Only background loops that hold no lock call it (the folder check, the search
        folding), so the work the user waits for never waits on it.
        """
        if threading.get_ident() == self._ui_thread:
            return  # the UI itself (an export listing the library) never waits on itself
        self._quiet.wait(1.0)  # never longer: a lost wake-up must not stall the work
        time.sleep(0)

    def _painted(self) -> None:
        """The screen the user waited for is on the terminal: background work may go on."""
        self.call_after_refresh(self._quiet.set)

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        """Quit; background workers see `leaving` and stop reporting to the screens."""
        self.leaving = True
        super().exit(result, return_code, message)
