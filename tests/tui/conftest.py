"""Fixtures for the app's Pilot and snapshot tests: fake services, frozen clock."""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from mockint.tui.app import MockintApp
from tests.tui.fakes import make_services

SIZE = (100, 32)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests in a fresh event loop (no async plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    kwargs = {name: pyfuncitem.funcargs[name] for name in names}
    asyncio.run(pyfuncitem.obj(**kwargs))
    return True


@pytest.fixture
def services(tmp_path: Path):  # type: ignore[no-untyped-def]
    return make_services(tmp_path)


async def settle(pilot: Pilot[int], until: Callable[[], bool], timeout: float = 10.0) -> None:
    """Let workers and messages run until ``until()`` holds (polling, no fixed sleeps)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        await pilot.pause()
        if until():
            return
        await pilot.pause(0.02)
    raise AssertionError("the app did not reach the expected state")


def app_ready(app: MockintApp) -> Callable[[], bool]:
    def ready() -> bool:
        from mockint.tui.screens.home import HomeScreen

        home = next((s for s in app.screen_stack if isinstance(s, HomeScreen)), None)
        return bool(
            home and home.data is not None and app.context.audio_checked and app.context.model.ready
        )

    return ready


Before = Callable[[Pilot[int]], Awaitable[None]]
