"""The practice loop on fakes: card → countdown → recording → feedback → next → summary."""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding
from textual.widgets import Input, Label, Static, TextArea

from mockint.tui.app import MockintApp
from mockint.tui.screens._stages import PRACTICE_BINDINGS
from mockint.tui.screens.home import HomeScreen
from mockint.tui.screens.practice import PracticeScreen
from mockint.tui.screens.summary import SummaryScreen
from mockint.tui.widgets.feedback_view import FeedbackView
from mockint.tui.widgets.level_meter import LevelMeter
from mockint.tui.widgets.timer import ElapsedTimer
from mockint.tui.widgets.transcript_view import TranscriptView
from tests.tui.conftest import SIZE, app_ready, settle
from tests.tui.fakes import QUESTIONS, FakeBackend, make_services


def practice(app: MockintApp) -> PracticeScreen:
    assert isinstance(app.screen, PracticeScreen)
    return app.screen


def stage_is(app: MockintApp, stage: str):  # type: ignore[no-untyped-def]
    return lambda: isinstance(app.screen, PracticeScreen) and app.screen.stage == stage


def text_of(widget: Static | Label) -> str:
    return str(widget.render())


async def test_full_session_records_scores_rates_and_summarises(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path)
    services = make_services(tmp_path, backend=backend)
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("d")
        await settle(pilot, stage_is(app, "record"))
        screen = practice(app)
        await settle(pilot, lambda: screen.query_one(ElapsedTimer).elapsed_s == 75.0)
        assert screen.query_one(LevelMeter).level_dbfs == -20.0
        assert "Um, so at my last job" in text_of(screen.query_one("#live", TranscriptView))

        await pilot.press("space")
        await settle(pilot, stage_is(app, "feedback"))
        view = screen.query_one(FeedbackView)
        assert view.data is not None and view.data.overall > 0
        assert any(w.tag == "filler" for w in view.data.words)
        assert [p.name for p in view.data.star] == ["situation", "task", "action", "result"]
        assert backend.rows[0].status == "scored"

        await pilot.press("3", "w")
        await settle(pilot, lambda: backend.ratings == [(1, "good")] and backend.weak_ids)
        assert "rated good" in text_of(screen.query_one("#feedback-status", Label))

        await pilot.press("n")
        await settle(pilot, stage_is(app, "record"))
        assert screen.index == 1
        await pilot.press("space")
        await settle(pilot, stage_is(app, "feedback"))
        await pilot.press("n")
        await settle(pilot, lambda: isinstance(app.screen, SummaryScreen))
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert len(summary.summary.lines) == 2
        assert "Fillers fell" in text_of(summary.query_one("#summary-notes", Static))

        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_countdown_shows_and_space_skips_it(tmp_path: Path) -> None:
    services = make_services(tmp_path, prep_seconds=30)
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.start_practice("practice", questions=[QUESTIONS[0]])
        await settle(pilot, stage_is(app, "card"))
        screen = practice(app)
        assert "Recording starts in 30 s" in text_of(screen.query_one("#countdown", Static))
        await pilot.press("t")
        assert "Use STAR" in text_of(screen.query_one("#question-card", Static))
        await pilot.press("space")
        await settle(pilot, stage_is(app, "record"))


async def test_redo_records_the_same_question_again(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path)
    app = MockintApp(make_services(tmp_path, backend=backend), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.start_practice("practice", questions=[QUESTIONS[0]])
        await settle(pilot, stage_is(app, "record"))
        await pilot.press("space")
        await settle(pilot, stage_is(app, "feedback"))
        await pilot.press("r")
        await settle(pilot, stage_is(app, "record"))
        await pilot.press("space")
        await settle(pilot, stage_is(app, "feedback"))
        assert [r.question_id for r in backend.rows] == ["beh-conflict", "beh-conflict"]


async def test_replay_plays_the_answer_and_follows_words(tmp_path: Path) -> None:
    services = make_services(tmp_path)
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.start_practice("practice", questions=[QUESTIONS[0]])
        await settle(pilot, stage_is(app, "record"))
        await pilot.press("space")
        await settle(pilot, stage_is(app, "feedback"))
        await pilot.press("p")
        await settle(pilot, lambda: bool(services.played))  # type: ignore[attr-defined]
        assert services.played[0].name == "1.wav"  # type: ignore[attr-defined]


async def test_without_a_microphone_typed_answers_are_scored(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path)
    services = make_services(tmp_path, backend=backend, audio_problem="no microphone found")
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.start_practice("practice", questions=[QUESTIONS[0]])
        await settle(pilot, stage_is(app, "card"))
        screen = practice(app)
        problem = text_of(screen.query_one("#audio-problem", Static))
        assert "no microphone found" in problem and "type your answer" in problem
        await pilot.press("space")  # recording is not offered: nothing happens
        assert screen.stage == "card"
        await pilot.press("y")
        await settle(pilot, stage_is(app, "typed"))
        screen.query_one(
            TextArea
        ).text = "At my last job I led a migration and errors fell by half."
        await pilot.press("ctrl+s")
        await settle(pilot, stage_is(app, "feedback"))
        assert backend.rows[0].status == "scored"


async def test_without_a_microphone_an_audio_file_is_scored(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path)
    services = make_services(tmp_path, backend=backend, audio_problem="PortAudio missing")
    audio = tmp_path / "answer.wav"
    audio.write_bytes(b"RIFF")
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.start_practice("practice", questions=[QUESTIONS[0]])
        await settle(pilot, stage_is(app, "card"))
        await pilot.press("f")
        await settle(pilot, stage_is(app, "file"))
        screen = practice(app)
        screen.query_one(Input).value = str(tmp_path / "missing.wav")
        await pilot.press("enter")
        await settle(pilot, stage_is(app, "card"))
        assert "no such file" in text_of(screen.query_one("#audio-problem", Static))
        await pilot.press("f")
        screen.query_one(Input).value = str(audio)
        await pilot.press("enter")
        await settle(pilot, stage_is(app, "feedback"))
        assert backend.rows[-1].status == "scored"


async def test_a_recorder_that_fails_offers_the_fallbacks(tmp_path: Path) -> None:
    services = make_services(tmp_path)
    services.make_recorder = lambda path, on_block: _failing(path)
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.start_practice("practice", questions=[QUESTIONS[0]])
        await settle(pilot, lambda: app.audio_problem is not None)
        screen = practice(app)
        assert screen.stage == "card"
        assert "device busy" in text_of(screen.query_one("#audio-problem", Static))
        assert screen.check_action("typed", ()) is True
        assert screen.check_action("start_now", ()) is False


def _failing(path: Path):  # type: ignore[no-untyped-def]
    from tests.tui.fakes import FakeRecorder

    return FakeRecorder(path, None, fail="device busy")


async def test_escape_during_recording_keeps_the_audio(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path)
    app = MockintApp(make_services(tmp_path, backend=backend), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.start_practice("practice", questions=[QUESTIONS[0]])
        await settle(pilot, stage_is(app, "record"))
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await settle(pilot, lambda: backend.rows[0].status == "recorded")
        assert backend.rows[0].audio_path and backend.rows[0].audio_path.exists()


async def test_start_option_opens_practice_for_a_question(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path), start="practice", question="me-why")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, stage_is(app, "record"))
        assert practice(app).question.id == "me-why"


async def test_start_option_daily_with_count(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path), start="daily", count=1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, stage_is(app, "record"))
        assert len(practice(app).questions) == 1


async def test_drill_with_nothing_weak_says_so(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("w")
        await settle(pilot, lambda: bool(app._notifications))
        assert isinstance(app.screen, HomeScreen)
        assert "Nothing to drill" in next(iter(app._notifications)).message


def footer_labels(screen: PracticeScreen) -> list[str]:
    """The footer's labels as the user sees them: bindings shown and offered now."""
    return [
        b.description
        for b in PRACTICE_BINDINGS
        if isinstance(b, Binding)
        and b.show
        and screen.check_action(b.action.split("(")[0], ()) is not False
    ]


async def test_footer_says_flag_or_unflag_and_never_flickers(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path)
    backend.weak_ids.add(QUESTIONS[1].id)  # the second question is already weak
    app = MockintApp(make_services(tmp_path, backend=backend), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("d")
        await settle(pilot, stage_is(app, "record"))
        screen = practice(app)
        seen: list[bool | None] = []
        await pilot.press("space")
        await settle(pilot, stage_is(app, "feedback"))
        await settle(pilot, lambda: screen.weak is not None)
        assert "Flag weak" in footer_labels(screen) and "Unflag" not in footer_labels(screen)
        await pilot.press("w")
        await settle(pilot, lambda: QUESTIONS[0].id in backend.weak_ids)
        assert "Unflag" in footer_labels(screen) and "Flag weak" not in footer_labels(screen)
        assert "flagged weak" in text_of(screen.query_one("#feedback-status", Label))

        await pilot.press("n")  # the next question is weak already: its flag, not the last one's
        await settle(pilot, stage_is(app, "record"))
        await pilot.press("space")
        await settle(pilot, stage_is(app, "feedback"))
        seen.append(screen.weak)  # unknown until read: never the previous question's True
        await settle(pilot, lambda: screen.weak is not None)
        seen.append(screen.weak)
        assert seen[0] in (None, True) and seen[-1] is True
        assert "Unflag" in footer_labels(screen)
        await pilot.press("w")
        await settle(pilot, lambda: QUESTIONS[1].id not in backend.weak_ids)
        assert "Flag weak" in footer_labels(screen)
