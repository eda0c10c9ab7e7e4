"""Every screen at 100×32 (and again at 80×24), from the app factory with fakes and a frozen clock.

Update the baselines after a deliberate change with
``.venv/bin/python -m pytest tests/tui/test_snapshots.py --snapshot-update`` and look at them
(tests/tui/__snapshots__/) before committing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Footer, Input, TextArea

from mockint.tui.app import MockintApp
from mockint.tui.data import CatalogData
from mockint.tui.screens.banks import BanksScreen
from mockint.tui.screens.debrief import DebriefScreen
from mockint.tui.screens.field import FieldScreen
from mockint.tui.screens.history import AttemptScreen, CompareScreen, HistoryScreen
from mockint.tui.screens.job import JobScreen
from mockint.tui.screens.practice import PracticeScreen
from mockint.tui.screens.progress import ProgressScreen
from mockint.tui.screens.summary import SummaryScreen
from mockint.tui.screens.welcome import WelcomeScreen
from mockint.tui.widgets.feedback_view import FeedbackView
from mockint.tui.widgets.timer import ElapsedTimer
from tests.tui.conftest import SIZE, app_ready, settle
from tests.tui.fakes import BANKS, QUESTIONS, FakeBackend, make_services, seeded_backend

Snap = Callable[..., bool]


def _app(tmp_path: Path, **kwargs: Any) -> MockintApp:
    backend = kwargs.pop("backend", None) or seeded_backend(tmp_path)
    services = make_services(
        tmp_path,
        backend=backend,
        audio_problem=kwargs.pop("audio_problem", None),
        prep_seconds=kwargs.pop("prep_seconds", 0),
    )
    return MockintApp(services, **kwargs)


def _on(app: MockintApp, screen_type: type, ready: Callable[[Any], bool] = bool) -> Any:
    def check() -> bool:
        return isinstance(app.screen, screen_type) and ready(app.screen)

    return check


async def _practice_to(pilot: Pilot[int], stage: str) -> None:
    app = pilot.app
    assert isinstance(app, MockintApp)
    await settle(pilot, app_ready(app))
    app.start_practice("practice", questions=[QUESTIONS[0], QUESTIONS[1]])
    await settle(pilot, _on(app, PracticeScreen, lambda s: s.stage == "record"))
    screen = app.screen
    await settle(pilot, lambda: screen.query_one(ElapsedTimer).elapsed_s == 75.0)
    if stage == "feedback":
        await pilot.press("space")
        await settle(pilot, lambda: screen.stage == "feedback")
        await settle(pilot, lambda: "n next" in str(screen.query_one("#feedback-status").render()))


def test_home(snap_compare: Snap, tmp_path: Path) -> None:
    app = _app(tmp_path)

    async def before(pilot: Pilot[int]) -> None:
        await settle(pilot, app_ready(app))

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_welcome_first_run(snap_compare: Snap, tmp_path: Path) -> None:
    app = _app(tmp_path, backend=FakeBackend(root=tmp_path))

    async def before(pilot: Pilot[int]) -> None:
        await settle(pilot, _on(app, WelcomeScreen, lambda s: s.loudest > -30))

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_practice_card_countdown(snap_compare: Snap, tmp_path: Path) -> None:
    app = _app(tmp_path, prep_seconds=5, welcome=False)

    async def before(pilot: Pilot[int]) -> None:
        await settle(pilot, app_ready(app))
        app.start_practice("practice", questions=[QUESTIONS[0]])
        await settle(pilot, _on(app, PracticeScreen))
        screen = app.screen
        screen._stop_countdown()
        # A loaded machine may have ticked once before the stop: freeze it at "5 s".
        screen.countdown = 5
        screen._update_countdown()
        await pilot.press("t")

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_practice_without_microphone(snap_compare: Snap, tmp_path: Path) -> None:
    app = _app(tmp_path, audio_problem="no microphone found", welcome=False)

    async def before(pilot: Pilot[int]) -> None:
        await settle(pilot, app_ready(app))
        app.start_practice("practice", questions=[QUESTIONS[0]])
        await settle(pilot, _on(app, PracticeScreen))

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_practice_recording(snap_compare: Snap, tmp_path: Path) -> None:
    app = _app(tmp_path, welcome=False)

    async def before(pilot: Pilot[int]) -> None:
        await _practice_to(pilot, "record")

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_practice_feedback(snap_compare: Snap, tmp_path: Path) -> None:
    app = _app(tmp_path, welcome=False)

    async def before(pilot: Pilot[int]) -> None:
        await _practice_to(pilot, "feedback")

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_practice_feedback_scrolled_to_star(snap_compare: Snap, tmp_path: Path) -> None:
    app = _app(tmp_path, welcome=False)

    async def before(pilot: Pilot[int]) -> None:
        await _practice_to(pilot, "feedback")
        view = app.screen.query_one(FeedbackView)
        view.scroll_to(y=12, animate=False)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_session_summary(snap_compare: Snap, tmp_path: Path) -> None:
    app = _app(tmp_path, welcome=False)

    async def before(pilot: Pilot[int]) -> None:
        await _practice_to(pilot, "feedback")
        await pilot.press("escape")
        await settle(pilot, _on(app, SummaryScreen))

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_banks(snap_compare: Snap, tmp_path: Path) -> None:
    problems = ("banks/mine.yaml:3:5: questions[0].text: a question needs text",)
    backend = FakeBackend(root=tmp_path, catalog_data=CatalogData(BANKS, problems))
    app = _app(tmp_path, backend=backend, welcome=False)

    async def before(pilot: Pilot[int]) -> None:
        await settle(pilot, app_ready(app))
        await pilot.press("b")
        await settle(pilot, _on(app, BanksScreen, lambda s: s.catalog is not None))

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_history(snap_compare: Snap, tmp_path: Path) -> None:
    app = _app(tmp_path)

    async def before(pilot: Pilot[int]) -> None:
        await settle(pilot, app_ready(app))
        await pilot.press("h")
        await settle(pilot, _on(app, HistoryScreen, lambda s: bool(s.rows)))

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_attempt_detail(snap_compare: Snap, tmp_path: Path) -> None:
    app = _app(tmp_path)

    async def before(pilot: Pilot[int]) -> None:
        await settle(pilot, app_ready(app))
        app.push_screen(AttemptScreen(app.context, 2))
        await settle(pilot, _on(app, AttemptScreen, lambda s: s.detail is not None))

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_compare(snap_compare: Snap, tmp_path: Path) -> None:
    app = _app(tmp_path)

    async def before(pilot: Pilot[int]) -> None:
        await settle(pilot, app_ready(app))
        app.push_screen(CompareScreen(app.context, 1, 3))
        await settle(
            pilot,
            _on(
                app,
                CompareScreen,
                lambda s: all(s.query_one(f"#compare-{x}").data for x in ("left", "right")),
            ),
        )

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_progress(snap_compare: Snap, tmp_path: Path) -> None:
    app = _app(tmp_path)

    async def before(pilot: Pilot[int]) -> None:
        await settle(pilot, app_ready(app))
        await pilot.press("g")
        drawn = _on(app, ProgressScreen, lambda s: s.query_one("#progress-grid").display)
        await settle(pilot, drawn)

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_debrief(snap_compare: Snap, tmp_path: Path) -> None:
    app = _app(tmp_path, welcome=False)

    async def before(pilot: Pilot[int]) -> None:
        await settle(pilot, app_ready(app))
        await pilot.press("e")
        await settle(pilot, _on(app, DebriefScreen))
        screen = app.screen
        for widget in screen.query(Input):
            widget.cursor_blink = False
        screen.query_one("#debrief-company", Input).value = "Acme"
        screen.query_one("#debrief-role", Input).value = "Platform engineer"
        area = screen.query_one("#debrief-questions", TextArea)
        area.cursor_blink = False
        area.text = "Why Acme?\nTell me about a failure\nHow do you test a migration?"
        await pilot.pause()
        screen.query_one("#debrief-struggled").select("Tell me about a failure")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_home_with_a_recovered_answer(snap_compare: Snap, tmp_path: Path) -> None:
    backend = seeded_backend(tmp_path)
    backend.add_recovered(QUESTIONS[0])
    app = _app(tmp_path, backend=backend)

    async def before(pilot: Pilot[int]) -> None:
        await settle(pilot, app_ready(app))

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_job_set(snap_compare: Snap, tmp_path: Path) -> None:
    app = _app(tmp_path, welcome=False)

    async def before(pilot: Pilot[int]) -> None:
        await settle(pilot, app_ready(app))
        await pilot.press("j")
        await settle(pilot, _on(app, JobScreen))
        screen = app.screen
        screen.query_one(TextArea).text = (
            "Team Lead, Platform\nResponsibilities:\n"
            "- Resolve disagreements between coworkers on the team\n"
            "- Lead projects without formal authority\n"
            "- Write the monthly report for the board\n"
            "Requirements:\n- A driving licence\n"
        )
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: screen.prepared is not None)

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_field_choice(snap_compare: Snap, tmp_path: Path) -> None:
    app = _app(tmp_path, welcome=False)

    async def before(pilot: Pilot[int]) -> None:
        await settle(pilot, app_ready(app))
        await pilot.press("f")
        await settle(pilot, _on(app, FieldScreen))

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_help_on_practice_feedback(snap_compare: Snap, tmp_path: Path) -> None:
    """F1 on the feedback stage: the screen's keys, those of other stages dimmed."""
    app = _app(tmp_path, welcome=False)

    async def before(pilot: Pilot[int]) -> None:
        from mockint.tui.screens.help import HelpScreen

        await _practice_to(pilot, "feedback")
        await pilot.press("f1")
        await settle(pilot, _on(app, HelpScreen))

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


# -- the smallest common terminal ------------------------------------------------------------

SMALL = (80, 24)
SMALL_SCREENS = (
    "home_with_a_recovered_answer",
    "welcome_first_run",
    "practice_card_countdown",
    "practice_without_microphone",
    "practice_recording",
    "practice_feedback",
    "session_summary",
    "banks",
    "history",
    "attempt_detail",
    "compare",
    "progress",
    "debrief",
    "job_set",
    "field_choice",
    "help_on_practice_feedback",
)


@pytest.mark.parametrize("screen", SMALL_SCREENS)
def test_at_80x24(snap_compare: Snap, tmp_path: Path, screen: str) -> None:
    """The same screens at 80×24: nothing essential cut off."""

    def small(app: MockintApp, **kwargs: Any) -> bool:
        return snap_compare(app, **{**kwargs, "terminal_size": SMALL})

    globals()[f"test_{screen}"](small, tmp_path)


@pytest.mark.parametrize("screen", SMALL_SCREENS)
def test_nothing_overflows_at_80x24(tmp_path: Path, screen: str) -> None:
    """Every key in the footer is visible, and no table or card needs sideways scrolling."""

    def check(app: MockintApp, *, terminal_size: object, run_before: Any) -> bool:
        async def run() -> None:
            async with app.run_test(size=SMALL) as pilot:
                await run_before(pilot)
                await pilot.pause()
                current = app.screen
                footer = current.query_one(Footer)
                # By type name: the key widget's class is private to Textual's footer.
                keys = [k for k in footer.query("FooterKey") if k.display]
                cut = [str(k.description) for k in keys if k.region.right > footer.region.right]
                assert not cut, f"footer keys cut off: {cut}"
                for table in current.query(DataTable):
                    assert table.virtual_size.width <= table.scrollable_content_region.width, (
                        f"table {table.id} is wider than the screen"
                    )
                assert current.query_one("Screen > *").region.right <= SMALL[0]

        asyncio.run(run())
        return True

    globals()[f"test_{screen}"](check, tmp_path)
