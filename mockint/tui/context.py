"""What the screens know of the app: its services and the state they share.

:class:`~mockint.tui.app.MockintApp` is an AppContext; screens reach it through
:func:`mockint.tui.screens._app.mockint_app` and ask it for things by posting messages
(:class:`~mockint.tui.messages.StartPractice`, :class:`~mockint.tui.messages.HomeShown`), so
no screen imports the app that imports the screens.
"""

from __future__ import annotations

import threading

from textual.app import App

from mockint.tui.services import Services
from mockint.tui.session import ModelHolder


class AppContext(App[int]):
    """The app's services and shared state, for the screens."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.model = ModelHolder(services.make_transcriber)
        """The speech model, warmed up in the background once the first screen is up."""
        self.audio_checked = False
        self.audio_problem: str | None = None
        """Why recording cannot work here, once the microphone check is done."""
        self._audio_done = threading.Event()

    def wait_for_audio_check(self, timeout: float = 15.0) -> str | None:
        """The microphone problem, once the check is done (blocking: for workers)."""
        self._audio_done.wait(timeout)
        return self.audio_problem
