"""Background store writes shared by screens."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from textual.screen import Screen

from mockint.tui.messages import Notice
from mockint.tui.services import Services

SaveJob = Callable[[Any, datetime], object]
"""``job(backend, now)``: one write through the backend."""


def save_in_background(screen: Screen[Any], services: Services, job: SaveJob) -> None:
    """Run ``job`` in a thread worker. The screen already shows the change (a rating, a weak
    flag), so success is silent; a failure comes back as a Notice for the screen to show."""

    def run() -> None:
        try:
            job(services.backend, services.now())
        except Exception as exc:
            screen.post_message(Notice(f"Could not save that: {exc}", "error"))

    screen.run_worker(run, thread=True, group="db")
