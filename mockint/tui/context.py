"""What a screen is given when it is constructed: the services and the state screens share.

The app (:class:`~mockint.tui.app.MockintApp`) makes one :class:`ScreenContext` and hands it
to every screen it opens; a screen that opens another hands it on. Screens ask the app for
things by posting messages (:class:`~mockint.tui.messages.StartPractice`,
:class:`~mockint.tui.messages.HomeShown`), so no screen imports or reaches into the app.
"""

from __future__ import annotations

import threading

from mockint.tui.services import Services
from mockint.tui.session import ModelHolder


class ScreenContext:
    """The app's services and the state its screens share."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.model = ModelHolder(services.make_transcriber)
        """The speech model, warmed up in the background once the first screen is up."""
        self.audio_checked = False
        self.audio_problem: str | None = None
        """Why recording cannot work here, once the microphone check is done."""
        self._audio_done = threading.Event()

    def audio_check_done(self, problem: str | None) -> None:
        """The microphone check's result (from the worker that ran it)."""
        self.audio_problem = problem
        self._audio_done.set()

    def wait_for_audio_check(self, timeout: float = 15.0) -> str | None:
        """The microphone problem, once the check is done (blocking: for workers)."""
        self._audio_done.wait(timeout)
        return self.audio_problem
