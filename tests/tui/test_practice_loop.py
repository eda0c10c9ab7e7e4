"""The practice loop on fakes: card → countdown → recording → feedback → next → summary."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Input, Label, Static, TextArea

from mockint.models import Transcript
from mockint.tui.app import MockintApp
from mockint.tui.screens._stages import PRACTICE_BINDINGS
from mockint.tui.screens.choice import ChoiceScreen
from mockint.tui.screens.home import HomeScreen
from mockint.tui.screens.practice import PracticeScreen
from mockint.tui.screens.summary import SummaryScreen
from mockint.tui.widgets.feedback_view import FeedbackView
from mockint.tui.widgets.level_meter import LevelMeter
from mockint.tui.widgets.timer import ElapsedTimer
from mockint.tui.widgets.transcript_view import TranscriptView
from tests.tui.conftest import SIZE, app_ready, settle
from tests.tui.fakes import ANSWER, QUESTIONS, FakeBackend, FakeLive, make_services


def practice(app: MockintApp) -> PracticeScreen:
    assert isinstance(app.screen, PracticeScreen)
    return app.screen


def stage_is(app: MockintApp, stage: str):  # type: ignore[no-untyped-def]
    return lambda: isinstance(app.screen, PracticeScreen) and app.screen.stage == stage


def text_of(widget: Static | Label) -> str:
    return str(widget.render())


async def answer_one(pilot: Pilot[None], app: MockintApp) -> None:
    """Practice the first question and answer it: the feedback is showing."""
    await settle(pilot, app_ready(app))
    app.start_practice("practice", questions=[QUESTIONS[0]])
    await settle(pilot, stage_is(app, "record"))
    await pilot.press("space")
    await settle(pilot, stage_is(app, "feedback"))


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
        await answer_one(pilot, app)
        await pilot.press("r")
        await settle(pilot, stage_is(app, "record"))
        await pilot.press("space")
        await settle(pilot, stage_is(app, "feedback"))
        assert [r.question_id for r in backend.rows] == ["beh-conflict", "beh-conflict"]


async def test_replay_plays_the_answer_and_follows_words(tmp_path: Path) -> None:
    services = make_services(tmp_path)
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await answer_one(pilot, app)
        await pilot.press("p")
        await settle(pilot, lambda: bool(services.played))  # type: ignore[attr-defined]
        assert services.played[0].name == "1.wav"  # type: ignore[attr-defined]


class _LateStart(FakeLive):
    """The first word comes 4 s into the recording."""

    def finish(self) -> Transcript:
        done = super().finish()
        words = tuple(replace(w, start=w.start + 4.0, end=w.end + 4.0) for w in done.words)
        return replace(done, words=words)


async def test_replay_shows_its_position_skips_silence_and_p_pauses(tmp_path: Path) -> None:
    import threading

    services = make_services(tmp_path)
    release = threading.Event()
    starts: list[float] = []

    def play(path: Path, on_position, stop: threading.Event, start_s: float) -> None:  # type: ignore[no-untyped-def]
        starts.append(start_s)
        on_position(start_s + 2.0)
        while not (stop.is_set() or release.is_set()):
            stop.wait(0.01)

    services.play = play
    services.make_live = lambda transcriber, on_update: _LateStart(ANSWER, on_update)
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await answer_one(pilot, app)
        screen = practice(app)
        status = screen.query_one("#replay-status", Label)
        await pilot.press("p")
        await settle(pilot, lambda: "playing" in text_of(status))
        assert starts == [pytest.approx(4.0 - 0.3)]  # 4 s of silence skipped
        await pilot.press("p")  # pause
        await settle(pilot, lambda: "paused at" in text_of(status))
        await pilot.press("p")  # resume where it was
        await settle(pilot, lambda: len(starts) == 2)
        assert starts[1] == starts[0] + 2.0
        release.set()  # it plays to the end: the status goes
        await settle(pilot, lambda: text_of(status) == "")


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
        # An empty box is not scored (it would be a silent take: "check the microphone").
        screen.query_one(TextArea).text = "  \n "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.stage == "typed" and not backend.rows
        assert any("Type your answer first" in str(n.message) for n in app._notifications)
        screen.query_one(
            TextArea
        ).text = "At my last job I led a migration and errors fell by half."
        await pilot.press("ctrl+s")
        await settle(pilot, stage_is(app, "feedback"))
        assert backend.rows[0].status == "scored"
        # A typed answer has no recording: the footer never offers to replay one.
        assert screen.check_action("replay", ()) is False
        assert screen.check_action("next", ()) is True


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
        await settle(pilot, lambda: app.context.audio_problem is not None)
        screen = practice(app)
        assert screen.stage == "card"
        assert "device busy" in text_of(screen.query_one("#audio-problem", Static))
        assert screen.check_action("typed", ()) is True
        assert screen.check_action("start_now", ()) is False


def _failing(path: Path):  # type: ignore[no-untyped-def]
    from tests.tui.fakes import FakeRecorder

    return FakeRecorder(path, None, fail="device busy")


async def escape_while_recording(pilot: Pilot[None], app: MockintApp) -> None:
    await settle(pilot, app_ready(app))
    app.start_practice("practice", questions=[QUESTIONS[0]])
    await settle(pilot, stage_is(app, "record"))
    await pilot.press("escape")
    await settle(pilot, lambda: isinstance(app.screen, ChoiceScreen))


async def test_escape_during_recording_asks_and_keeps_recording(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path)
    app = MockintApp(make_services(tmp_path, backend=backend), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await escape_while_recording(pilot, app)
        await pilot.press("escape")  # keep recording: nothing was stopped
        await settle(pilot, stage_is(app, "record"))
        assert backend.rows[0].status == "recording"
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("space")  # stop and score it
        await settle(pilot, stage_is(app, "feedback"))
        assert backend.rows[0].status == "scored"


async def test_escape_during_recording_can_discard_the_take(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path)
    app = MockintApp(make_services(tmp_path, backend=backend), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await escape_while_recording(pilot, app)
        await pilot.press("d")
        await settle(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await settle(pilot, lambda: backend.discarded == [1])
        assert backend.attempts() == []


async def test_a_take_is_discarded_from_the_feedback(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path)
    app = MockintApp(make_services(tmp_path, backend=backend), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await answer_one(pilot, app)
        await pilot.press("x")
        await settle(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("escape")  # changed their mind: the take stays
        await settle(pilot, stage_is(app, "feedback"))
        assert backend.discarded == []
        await pilot.press("x")
        await settle(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("x")
        await settle(pilot, lambda: backend.discarded == [1])
        screen = practice(app)
        assert screen.stage in ("card", "record", "working")
        assert screen.scores == {}


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
        said = next(iter(app._notifications)).message
        assert "Nothing to drill" in said and "Press d" in said  # and what to do instead


async def test_drilling_one_problem_that_no_weak_answer_has_says_so(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path), welcome=False, drill_flag="hedging")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("w")
        await settle(pilot, lambda: bool(app._notifications))
        assert "last answer had hedging" in next(iter(app._notifications)).message


async def test_a_full_disk_while_recording_stops_at_once_and_says_why(tmp_path: Path) -> None:
    from tests.tui.fakes import FakeRecorder

    made: list[FakeRecorder] = []

    def recorder(path: Path, on_block: object) -> FakeRecorder:
        made.append(FakeRecorder(path, None))
        return made[-1]

    backend = FakeBackend(root=tmp_path)
    services = make_services(tmp_path, backend=backend)
    services.make_recorder = recorder  # type: ignore[assignment]
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.start_practice("practice", questions=[QUESTIONS[0]])
        await settle(pilot, stage_is(app, "record"))
        made[0].problem = "the disk is full: recording stopped at 12 s; what was said is kept"
        screen = practice(app)
        await settle(pilot, stage_is(app, "card"))
        assert "disk is full" in text_of(screen.query_one("#audio-problem", Static))
        await settle(pilot, lambda: backend.rows[0].status == "recorded")


async def test_the_countdown_pauses_and_resumes(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path, prep_seconds=30), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.start_practice("practice", questions=[QUESTIONS[0]])
        await settle(pilot, stage_is(app, "card"))
        screen = practice(app)
        await pilot.press("p")
        await settle(pilot, lambda: screen.paused)
        assert "paused" in text_of(screen.query_one("#countdown", Static))
        await pilot.press("p")
        await settle(pilot, lambda: not screen.paused)
        assert "Recording starts in" in text_of(screen.query_one("#countdown", Static))
        await pilot.press("p", "space")  # paused, space still starts
        await settle(pilot, stage_is(app, "record"))


async def test_ready_when_you_are_waits_for_space(tmp_path: Path) -> None:
    services = make_services(tmp_path)
    services.config.ui.ready_when_you_are = True
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.start_practice("practice", questions=[QUESTIONS[0]])
        await settle(pilot, stage_is(app, "card"))
        screen = practice(app)
        assert "Ready when you are" in text_of(screen.query_one("#countdown", Static))
        await pilot.pause(0.3)
        assert screen.stage == "card"
        await pilot.press("space")
        await settle(pilot, stage_is(app, "record"))


async def test_recording_never_starts_while_the_question_is_read(tmp_path: Path) -> None:
    import threading

    spoken = threading.Event()
    services = make_services(tmp_path)
    services.config.ui.read_aloud = True
    services.speak = lambda text: spoken.wait(5)
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.start_practice("practice", questions=[QUESTIONS[0]])
        await settle(pilot, stage_is(app, "card"))
        screen = practice(app)
        await settle(pilot, lambda: screen.speaking)
        await pilot.press("space")
        assert "when the question has been read" in text_of(screen.query_one("#countdown", Static))
        assert screen.stage == "card"
        spoken.set()
        await settle(pilot, stage_is(app, "record"))


async def test_tips_stay_visible_while_recording(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path, prep_seconds=30), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.start_practice("practice", questions=[QUESTIONS[0]])
        await settle(pilot, stage_is(app, "card"))
        await pilot.press("t", "space")
        await settle(pilot, stage_is(app, "record"))
        card = practice(app).query_one("#record-question", Static)
        assert "End with a number." in text_of(card)
        await pilot.press("t")  # t hides them again without stopping
        assert "End with a number." not in text_of(card)
        assert practice(app).stage == "record"


async def test_the_question_shows_while_typing(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path, audio_problem="no microphone"), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.start_practice("practice", questions=[QUESTIONS[0]])
        await settle(pilot, stage_is(app, "card"))
        await pilot.press("y")
        await settle(pilot, stage_is(app, "typed"))
        card = practice(app).query_one("#typed-question", Static)
        assert QUESTIONS[0].text in text_of(card)


async def test_the_feedback_scrolls_without_tab_and_opens_on_what_to_fix(
    tmp_path: Path,
) -> None:
    app = MockintApp(make_services(tmp_path), welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_one(pilot, app)
        view = practice(app).query_one(FeedbackView)
        assert app.focused is view
        tips = view.query_one(".fb-tips", Static)
        assert "Fix next:" in text_of(tips)
        # The score card and the tips are on the first screenful.
        assert tips.virtual_region.bottom <= view.scrollable_content_region.height
        await pilot.press("end")
        await settle(pilot, lambda: view.scroll_y > 0)
        await pilot.press("home")
        await settle(pilot, lambda: view.scroll_y == 0)
        await pilot.press("pagedown")
        await settle(pilot, lambda: view.scroll_y > 0)


async def test_the_feedback_compares_with_the_last_try(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await answer_one(pilot, app)
        trend = practice(app).query_one(".fb-trend", Static)
        assert "first scored answer" in text_of(trend)
        await pilot.press("r")
        await settle(pilot, stage_is(app, "record"))
        await pilot.press("space")
        await settle(pilot, lambda: "same as your last try" in text_of(trend))
        score = practice(app).scores["beh-conflict"]
        assert f"this question: {score} → {score}" in text_of(trend)


async def test_the_model_outline_shows_on_o_after_answering(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await answer_one(pilot, app)
        screen = practice(app)
        outline = screen.query_one("Static.fb-outline", Static)
        assert not outline.display
        await pilot.press("o")
        await settle(pilot, lambda: outline.display)
        assert "<the disagreement>" in text_of(outline)
        await pilot.press("o")
        await settle(pilot, lambda: not outline.display)


async def test_the_outline_before_answering_only_when_asked(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path, prep_seconds=30), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.start_practice("practice", questions=[QUESTIONS[0]])
        await settle(pilot, stage_is(app, "card"))
        card = practice(app).query_one("#question-card", Static)
        assert "<the disagreement>" not in text_of(card)
        await pilot.press("o")
        assert "<the disagreement>" in text_of(card)


async def test_a_follow_up_is_offered_answered_and_linked(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path)
    app = MockintApp(make_services(tmp_path, backend=backend), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await answer_one(pilot, app)
        screen = practice(app)
        offer = screen.query_one("#feedback-follow", Label)
        # The fake answer has a result with a number, told with "I": the bank's follow-up.
        assert "What would you do differently?" in text_of(offer)
        await pilot.press("f")
        await settle(pilot, stage_is(app, "record"))
        assert screen.question.text == "What would you do differently?"
        await pilot.press("space")
        await settle(pilot, stage_is(app, "feedback"))
        assert backend.follows == {2: 1}
        trend = text_of(screen.query_one(".fb-trend", Static))
        assert "follow-up" in trend and "does not count" in trend
        assert screen.check_action("rate", ()) is False
        assert screen.scores == {"beh-conflict": backend.rows[0].overall}
        assert text_of(offer) == ""  # nothing else to ask
        await pilot.press("n")
        await settle(pilot, lambda: isinstance(app.screen, SummaryScreen))


async def test_follow_ups_can_be_turned_off(tmp_path: Path) -> None:
    services = make_services(tmp_path)
    services.config.ui.follow_ups = False
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await answer_one(pilot, app)
        screen = practice(app)
        assert text_of(screen.query_one("#feedback-follow", Label)) == ""
        assert screen.check_action("follow_up", ()) is False


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
