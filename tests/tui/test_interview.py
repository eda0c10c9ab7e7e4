"""A mock interview on fakes: read aloud → record → next, no feedback between, all at the end."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Label, Static, TextArea

from mockint.tui.app import MockintApp
from mockint.tui.screens.home import HomeScreen
from mockint.tui.screens.interview import ConfirmEnd, InterviewScreen
from mockint.tui.screens.interview_results import InterviewResults
from mockint.tui.widgets.feedback_view import FeedbackView
from mockint.tui.widgets.timer import ElapsedTimer
from tests.tui.conftest import SIZE, app_ready, settle
from tests.tui.fakes import FakeBackend, FakeRecorder, make_services

InterviewScreen.pause_after_reading_s = 0.0  # the fakes speak through no loudspeaker


def interview(app: MockintApp) -> InterviewScreen:
    assert isinstance(app.screen, InterviewScreen)
    return app.screen


def stage_is(app: MockintApp, stage: str):  # type: ignore[no-untyped-def]
    return lambda: isinstance(app.screen, InterviewScreen) and app.screen.stage == stage


def logged_services(tmp_path: Path, backend: FakeBackend, **kwargs: Any) -> tuple[Any, list[str]]:
    """Services whose reading aloud and recorder say when they run, in one log."""
    services = make_services(tmp_path, backend=backend, **kwargs)
    log: list[str] = []
    lock = threading.Lock()

    def speak(text: str) -> None:
        with lock:
            log.append(f"speak {text}")

    class LoggedRecorder(FakeRecorder):
        def start(self) -> None:
            with lock:
                log.append("record")
            super().start()

    services.speak = speak
    services.make_recorder = lambda path, on_block: LoggedRecorder(path, on_block)
    return services, log


async def open_from_home(pilot: Any, app: MockintApp, stage: str) -> None:
    """Press i on the home screen and wait for the interview's ``stage``."""
    await settle(pilot, app_ready(app))
    await pilot.press("i")
    await settle(pilot, stage_is(app, stage))


async def test_an_interview_from_the_home_screen(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path)
    services, log = logged_services(tmp_path, backend)
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_from_home(pilot, app, "record")
        screen = interview(app)
        questions = screen.questions
        assert len(questions) == 3
        await settle(pilot, lambda: screen.query_one(ElapsedTimer).elapsed_s == 75.0)
        for index in range(3):
            await settle(pilot, stage_is(app, "record"))
            assert screen.index == index
            assert not screen.query(FeedbackView)  # no feedback between questions
            await pilot.press("space")
        await settle(pilot, lambda: isinstance(app.screen, InterviewResults))
        # Each question was read before its answer was recorded, never during.
        assert log == [entry for q in questions for entry in (f"speak {q.text}", "record")]
        assert [r.status for r in backend.rows] == ["scored"] * 3

        results = app.screen
        assert isinstance(results, InterviewResults)
        summary = results.result.summary
        assert summary.overall is not None and summary.counted == 3
        assert [x.question_id for x in summary.answers] == [q.id for q in questions]
        text = str(results.query_one("#interview-summary", Static).render())
        assert f"Overall {summary.overall}/100 across 3 answers" in text
        assert "Practise next" in text
        assert results.query_one(DataTable).row_count == 3

        await pilot.press("down", "enter")
        await settle(pilot, lambda: results.current == 1)
        title = str(results.query_one("#interview-answer-title", Label).render())
        assert title.startswith(f"Answer 2 of 3 · {questions[1].text}")
        assert results.query_one(FeedbackView).data is not None
        await pilot.press("n")
        assert results.current == 2
        await pilot.press("n")
        assert results.current == 0
        await pilot.press("escape")
        assert results.current is None
        await pilot.press("h")
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
    assert backend.sessions == 1


async def test_escape_asks_first_and_keeps_the_answer_being_given(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path)
    services, _ = logged_services(tmp_path, backend)
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_from_home(pilot, app, "record")
        await pilot.press("space")
        await settle(pilot, lambda: stage_is(app, "record")() and interview(app).index == 1)

        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmEnd))
        await pilot.press("n")  # go on: still recording the second answer
        await settle(pilot, stage_is(app, "record"))
        assert len(backend.rows) == 2 and backend.rows[1].status == "recording"

        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmEnd))
        await pilot.press("y")
        await settle(pilot, lambda: isinstance(app.screen, InterviewResults))
        results = app.screen
        assert isinstance(results, InterviewResults)
        assert len(results.result.answers) == 2
        assert [r.status for r in backend.rows] == ["scored", "scored"]


async def test_without_a_microphone_answers_are_typed(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path)
    services, log = logged_services(tmp_path, backend, audio_problem="no microphone")
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.start_practice("interview")
        await settle(pilot, stage_is(app, "ask"))
        screen = interview(app)
        assert "Press y to type" in str(screen.query_one("#interview-status", Static).render())
        await pilot.press("y")
        await settle(pilot, stage_is(app, "typed"))
        screen.query_one("#interview-typed", TextArea).text = "I led the migration. It worked."
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: stage_is(app, "ask")() and screen.index == 1)
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmEnd))
        await pilot.press("y")
        await settle(pilot, lambda: isinstance(app.screen, InterviewResults))
    assert "record" not in log
    assert [r.status for r in backend.rows] == ["scored"]


async def test_a_question_read_while_asking_to_end_waits_for_the_answer(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path)
    services, log = logged_services(tmp_path, backend)
    reading = threading.Event()
    services.speak = lambda text: reading.wait(5)  # type: ignore[assignment,return-value]
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_from_home(pilot, app, "ask")
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmEnd))
        reading.set()  # the reading ends while the question is open
        await pilot.pause(0.2)
        assert "record" not in log
        await pilot.press("n")
        await settle(pilot, stage_is(app, "record"))
        assert log == ["record"]
