"""The job screen (paste a posting, see and practise its set) and the field choice, on
fakes."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static, TextArea

from mockint.tui.app import MockintApp
from mockint.tui.screens.field import FieldScreen
from mockint.tui.screens.home import HomeScreen
from mockint.tui.screens.job import JobScreen
from mockint.tui.screens.practice import PracticeScreen
from mockint.tui.screens.welcome import WelcomeScreen
from tests.tui.conftest import SIZE, app_ready, settle
from tests.tui.fakes import FakeBackend, make_services, seeded_backend

POSTING = """Team Lead, Platform
Responsibilities:
- Resolve disagreements between coworkers on the team
- Lead projects without formal authority
- Write the monthly report for the board
"""


def text(widget: Static) -> str:
    return str(widget.render())


async def test_a_pasted_posting_becomes_a_set_to_practise(tmp_path: Path) -> None:
    backend = seeded_backend(tmp_path)
    app = MockintApp(make_services(tmp_path, backend=backend))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("j")
        await settle(pilot, lambda: isinstance(app.screen, JobScreen))
        screen = app.screen
        await pilot.press("ctrl+s")  # nothing pasted yet: a hint, no set
        await pilot.pause()
        assert screen.prepared is None
        screen.query_one("#job-posting", TextArea).text = POSTING
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: screen.prepared is not None)
        shown = text(screen.query_one("#job-result", Static))
        assert "Team Lead, Platform" in shown
        assert "disagreed with a coworker" in shown and "practises duty 1" in shown
        assert "[new]" in shown  # the board report has no bundled question
        assert "Saved as job-test" in text(screen.query_one("#job-hint", Static))
        assert backend.jobs_made and backend.jobs_made[0].role == "Team Lead, Platform"
        await pilot.press("p")
        await settle(pilot, lambda: isinstance(app.screen, PracticeScreen))


async def test_a_past_interview_date_is_refused(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path, backend=seeded_backend(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("j")
        await settle(pilot, lambda: isinstance(app.screen, JobScreen))
        screen = app.screen
        screen.query_one("#job-posting", TextArea).text = POSTING
        screen.query_one("#job-date").value = "2001-01-01"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.prepared is None and not screen.busy


async def test_first_run_asks_the_field_after_the_welcome(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path, user_field="")
    app = MockintApp(make_services(tmp_path, backend=backend))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, FieldScreen))
        options = app.screen.query_one("#field-list", OptionList)
        options.highlighted = 1  # healthcare
        # The footer says what enter does (the list's own enter is not shown there).
        shown = {b.binding.action for b in app.screen.active_bindings.values() if b.binding.show}
        assert {"choose", "skip"} <= shown
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert backend.user_field == "healthcare"


async def test_the_field_can_be_changed_from_home(tmp_path: Path) -> None:
    backend = seeded_backend(tmp_path)
    backend.user_field = "education"
    app = MockintApp(make_services(tmp_path, backend=backend))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("f")
        await settle(pilot, lambda: isinstance(app.screen, FieldScreen))
        assert app.screen.query_one("#field-list", OptionList).highlighted == 2
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert backend.user_field == "education"
