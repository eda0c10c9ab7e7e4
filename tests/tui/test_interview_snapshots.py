"""The mock interview's screens at 100×32 and 80×24 (fakes, a frozen clock).

Update with ``--snapshot-update`` after a deliberate change, and look at the SVGs.
"""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Footer

from mockint.tui.app import MockintApp
from mockint.tui.screens.interview import ConfirmEnd, InterviewScreen
from mockint.tui.screens.interview_results import InterviewResults
from mockint.tui.widgets.timer import ElapsedTimer
from tests.tui.conftest import SIZE, app_ready, settle
from tests.tui.fakes import FakeBackend, make_services

InterviewScreen.pause_after_reading_s = 0.0

SMALL = (80, 24)
Snap = Callable[..., bool]
Steps = Callable[[Pilot[int]], Awaitable[None]]


def _app(tmp_path: Path, reading: threading.Event | None = None) -> MockintApp:
    services = make_services(tmp_path, backend=FakeBackend(root=tmp_path))
    if reading is not None:
        # The reading goes on until the snapshot is taken (at most a few seconds).
        services.speak = lambda text: reading.wait(3)  # type: ignore[assignment,return-value]
    return MockintApp(services, welcome=False)


async def _start(pilot: Pilot[int], stage: str = "record") -> InterviewScreen:
    app = pilot.app
    assert isinstance(app, MockintApp)
    await settle(pilot, app_ready(app))
    await pilot.press("i")
    await settle(
        pilot, lambda: isinstance(app.screen, InterviewScreen) and app.screen.stage == stage
    )
    screen = app.screen
    assert isinstance(screen, InterviewScreen)
    if stage == "record":
        await settle(pilot, lambda: screen.query_one(ElapsedTimer).elapsed_s == 75.0)
    return screen


async def asking(pilot: Pilot[int]) -> None:
    await _start(pilot, "ask")


async def recording(pilot: Pilot[int]) -> None:
    await _start(pilot)


async def confirm_end(pilot: Pilot[int]) -> None:
    await _start(pilot)
    await pilot.press("space")
    await settle(
        pilot,
        lambda: (
            isinstance(pilot.app.screen, InterviewScreen)
            and pilot.app.screen.stage == "record"
            and pilot.app.screen.index == 1
        ),
    )
    await pilot.press("escape")
    await settle(pilot, lambda: isinstance(pilot.app.screen, ConfirmEnd))


async def results(pilot: Pilot[int]) -> None:
    screen = await _start(pilot)
    for index in range(len(screen.questions)):
        await settle(pilot, lambda i=index: screen.stage == "record" and screen.index == i)
        await pilot.press("space")
    await settle(pilot, lambda: isinstance(pilot.app.screen, InterviewResults))
    await pilot.pause()


async def answer_feedback(pilot: Pilot[int]) -> None:
    await results(pilot)
    await pilot.press("enter")
    await settle(pilot, lambda: getattr(pilot.app.screen, "current", None) == 0)
    await pilot.pause()


SCREENS: dict[str, Steps] = {
    "asking": asking,
    "recording": recording,
    "confirm_end": confirm_end,
    "results": results,
    "answer_feedback": answer_feedback,
}


@pytest.mark.parametrize("size", [SIZE, SMALL], ids=["100x32", "80x24"])
@pytest.mark.parametrize("screen", SCREENS)
def test_interview_screen(snap_compare: Snap, tmp_path: Path, screen: str, size: Any) -> None:
    reading = threading.Event() if screen == "asking" else None
    try:
        assert snap_compare(_app(tmp_path, reading), terminal_size=size, run_before=SCREENS[screen])
    finally:
        if reading is not None:
            reading.set()


@pytest.mark.parametrize("screen", SCREENS)
async def test_nothing_overflows_at_80x24(tmp_path: Path, screen: str) -> None:
    """Every key in the footer is visible, and no table needs sideways scrolling."""
    reading = threading.Event() if screen == "asking" else None
    app = _app(tmp_path, reading)
    async with app.run_test(size=SMALL) as pilot:
        await SCREENS[screen](pilot)
        await pilot.pause()
        current = app.screen
        footer = current.query_one(Footer)
        keys = [k for k in footer.query("FooterKey") if k.display]
        cut = [str(k.description) for k in keys if k.region.right > footer.region.right]
        assert not cut, f"footer keys cut off: {cut}"
        for table in current.query(DataTable):
            if not table.region.width:
                continue  # not shown
            assert table.virtual_size.width <= table.scrollable_content_region.width
        if reading is not None:
            reading.set()
