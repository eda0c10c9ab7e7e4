"""Every screen but practice, on fakes: home, welcome, banks, history, progress, debrief."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import (
    DataTable,
    Input,
    Label,
    OptionList,
    SelectionList,
    Static,
    TextArea,
)
from textual_plotext import PlotextPlot

from mockint.models import Transcript
from mockint.tui.app import MockintApp
from mockint.tui.data import CatalogData
from mockint.tui.screens.banks import BanksScreen
from mockint.tui.screens.debrief import DebriefScreen
from mockint.tui.screens.history import AttemptScreen, CompareScreen, HistoryScreen
from mockint.tui.screens.home import HomeScreen
from mockint.tui.screens.practice import PracticeScreen
from mockint.tui.screens.progress import ProgressScreen
from mockint.tui.screens.welcome import WelcomeScreen
from mockint.tui.widgets.feedback_view import FeedbackView
from mockint.tui.widgets.level_meter import LevelMeter
from tests.tui.conftest import SIZE, app_ready, settle
from tests.tui.fakes import (
    BANKS,
    NOW,
    QUESTIONS,
    FakeBackend,
    make_services,
    seeded_backend,
)


def text(widget: Static) -> str:
    return str(widget.render())


async def test_home_shows_plan_streak_weak_and_status(tmp_path: Path) -> None:
    backend = seeded_backend(tmp_path)
    app = MockintApp(make_services(tmp_path, backend=backend))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        home = app.screen
        assert isinstance(home, HomeScreen)  # not the first run: no welcome
        assert "2 questions" in text(home.query_one("#plan", Static))
        assert "speech model ready" in text(home.query_one("#status-line", Static))
        assert "microphone ready" in text(home.query_one("#status-line", Static))
        assert "latest" in text(home.query_one("#recent-caption", Static))


async def test_home_actions_open_each_screen(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path, backend=seeded_backend(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        for key, screen_type in (
            ("b", BanksScreen),
            ("h", HistoryScreen),
            ("g", ProgressScreen),
            ("e", DebriefScreen),
        ):
            await pilot.press(key)
            await settle(pilot, lambda t=screen_type: isinstance(app.screen, t))
            await pilot.press("escape")
            await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        # The action list works with arrows and enter as well as with letters.
        await pilot.press("down", "enter")
        await settle(pilot, lambda: isinstance(app.screen, BanksScreen))


async def test_first_run_welcomes_and_checks_the_microphone(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        welcome = app.screen
        await settle(pilot, lambda: welcome.query_one(LevelMeter).level_dbfs == -20.0)
        assert "I can hear you" in text(welcome.query_one("#mic-verdict", Static))
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_mic_check_without_audio_explains_the_fallbacks(tmp_path: Path) -> None:
    services = make_services(tmp_path, audio_problem="PortAudio library not found")
    app = MockintApp(services)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        await settle(pilot, lambda: app.context.audio_checked)
        verdict = app.screen.query_one("#mic-verdict", Static)
        await settle(pilot, lambda: "PortAudio" in text(verdict))
        assert "type answers" in text(verdict)
        # Nothing to speak into: neither "say something" nor a silent meter.
        title = app.screen.query_one("#mic-title", Label)
        assert "say something" not in str(title.render())
        assert not app.screen.query_one(LevelMeter).display


async def test_banks_lists_banks_questions_and_user_bank_problems(tmp_path: Path) -> None:
    backend = FakeBackend(
        root=tmp_path,
        catalog_data=CatalogData(BANKS, ("banks/mine.yaml:3:5: questions[0].text: missing",)),
    )
    app = MockintApp(make_services(tmp_path, backend=backend), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("b")
        await settle(pilot, lambda: isinstance(app.screen, BanksScreen) and app.screen.catalog)
        screen = app.screen
        assert "mine.yaml:3:5" in text(screen.query_one("#bank-problems", Static))
        assert screen.query_one("#bank-list", OptionList).option_count == 2
        assert screen.query_one("#question-list", OptionList).option_count == 3
        await pilot.press("enter")  # the bank: focus moves to its questions
        await pilot.press("down")
        assert "Tell me about a time you failed" in text(
            screen.query_one("#question-detail", Static)
        )
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, PracticeScreen))
        assert [q.id for q in app.screen.questions] == ["beh-failure"]


async def open_banks(pilot: Pilot[None], app: MockintApp) -> None:
    await settle(pilot, app_ready(app))
    await pilot.press("b")
    await settle(pilot, lambda: isinstance(app.screen, BanksScreen) and app.screen.catalog)


async def test_banks_practice_a_whole_bank(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_banks(pilot, app)
        await pilot.press("down", "p")
        await settle(pilot, lambda: isinstance(app.screen, PracticeScreen))
        assert [q.id for q in app.screen.questions] == ["me-intro", "me-why"]


async def test_banks_empty_state_teaches(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path, catalog_data=CatalogData(()))
    app = MockintApp(make_services(tmp_path, backend=backend), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("b")
        await settle(pilot, lambda: isinstance(app.screen, BanksScreen) and app.screen.catalog)
        assert "No banks found" in text(app.screen.query_one("#question-detail", Static))


async def test_history_filters_sorts_opens_and_replays(tmp_path: Path) -> None:
    services = make_services(tmp_path, backend=seeded_backend(tmp_path))
    app = MockintApp(services)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("h")
        await settle(pilot, lambda: isinstance(app.screen, HistoryScreen) and app.screen.rows)
        history = app.screen
        assert isinstance(history, HistoryScreen)
        table = history.query_one(DataTable)
        assert table.row_count == 4
        assert [r.id for r in history.shown] == [4, 3, 2, 1]  # newest first

        await pilot.press("s")
        scores = [r.overall for r in history.shown]
        assert scores == sorted(scores, reverse=True)

        await pilot.press("slash")
        await pilot.press(*"failed")
        assert table.row_count == 2
        history.query_one(Input).value = "nothing-matches"
        await pilot.pause()
        assert "Nothing matches" in text(history.query_one("#history-empty", Static))
        history.query_one(Input).value = ""
        await pilot.press("escape")  # leaves the filter, stays on the screen

        await pilot.press("d", "enter")
        await settle(pilot, lambda: isinstance(app.screen, AttemptScreen) and app.screen.detail)
        detail = app.screen
        assert detail.query_one(FeedbackView).data is not None
        (audio := detail.detail.row.audio_path).parent.mkdir(parents=True, exist_ok=True)
        audio.write_bytes(b"RIFF")
        await pilot.press("p")
        await settle(pilot, lambda: bool(services.played))  # type: ignore[attr-defined]


async def test_history_compares_two_attempts_of_one_question(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path, backend=seeded_backend(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("h")
        await settle(pilot, lambda: isinstance(app.screen, HistoryScreen) and app.screen.rows)
        # Rows newest first: 4 and 2 answer one question, 3 and 1 the other.
        assert app.screen.check_action("compare", ()) is False  # nothing marked yet
        await pilot.press("m", "down", "c")
        assert isinstance(app.screen, HistoryScreen)  # different questions: refused
        await pilot.press("down", "c")
        await settle(pilot, lambda: isinstance(app.screen, CompareScreen))
        compare = app.screen
        await settle(
            pilot,
            lambda: all(
                compare.query_one(f"#compare-{s}", FeedbackView).data for s in ("left", "right")
            ),
        )


async def test_history_empty_state(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("h")
        await settle(pilot, lambda: isinstance(app.screen, HistoryScreen))
        history = app.screen
        empty = history.query_one("#history-empty", Static)
        await settle(pilot, lambda: "No attempts yet" in text(empty))
        # It says how to reach the home screen's d (here d sorts), and offers only esc.
        assert "esc, then d on the home screen" in text(empty)
        offered = {b.binding.action for b in history.active_bindings.values() if b.enabled}
        for action in ("sort('date')", "sort('score')", "mark", "compare", "filter"):
            assert history.check_action(action.split("(")[0], ()) is False, action
        assert "back" in offered


async def test_an_unscored_attempt_says_its_audio_is_kept(tmp_path: Path) -> None:
    backend = seeded_backend(tmp_path, count=1)
    backend.rows[0] = replace(backend.rows[0], status="failed", overall=None)
    backend.results.clear()
    backend.failed[1] = "the model crashed"
    app = MockintApp(make_services(tmp_path, backend=backend))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.push_screen(AttemptScreen(app.context, 1))
        await settle(pilot, lambda: isinstance(app.screen, AttemptScreen) and app.screen.detail)
        note = text(app.screen.query_one("#attempt-note", Static))
        assert "the model crashed" in note and "kept at" in note


async def test_progress_draws_charts_from_history(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path, backend=seeded_backend(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("g")
        await settle(pilot, lambda: isinstance(app.screen, ProgressScreen))
        grid = app.screen.query_one("#progress-grid")
        await settle(pilot, lambda: grid.display)
        assert len(app.screen.query(PlotextPlot)) == 3
        side = text(app.screen.query_one("#progress-side", Static))
        assert "behavioral" in side and "no result" in side
        assert "By question" in side and "→" in side  # each question's own trend
        assert "answer(s)" not in side and "in 3 answers" in side


async def test_progress_needs_two_answers(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path, backend=seeded_backend(tmp_path, count=1)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("g")
        await settle(pilot, lambda: isinstance(app.screen, ProgressScreen))
        empty = app.screen.query_one("#progress-empty", Static)
        await settle(pilot, lambda: "two scored answers" in text(empty))


async def test_debrief_form_saves_struggled_questions(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path)
    app = MockintApp(make_services(tmp_path, backend=backend), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, DebriefScreen))
        screen = app.screen
        await pilot.press("ctrl+s")
        assert "at least one question" in text(screen.query_one("#debrief-result", Static))
        await pilot.press(*"Acme")
        screen.query_one(
            "#debrief-questions", TextArea
        ).text = "- Why Acme?\n- Tell me about a failure\n"
        await pilot.pause()
        selection = screen.query_one("#debrief-struggled", SelectionList)
        assert selection.option_count == 2
        selection.select("Tell me about a failure")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: bool(backend.debriefs))
        entry = backend.debriefs[0]
        assert entry.company == "Acme"
        assert entry.questions == ("Why Acme?", "Tell me about a failure")
        assert entry.struggled == ("Tell me about a failure",)


# -- answers waiting to be scored (recovered after a crash) ----------------------------------


async def test_home_offers_recovered_answers_and_r_scores_them(tmp_path: Path) -> None:
    backend = seeded_backend(tmp_path)
    recovered = backend.add_recovered(QUESTIONS[0])
    app = MockintApp(make_services(tmp_path, backend=backend))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        home = app.screen
        assert isinstance(home, HomeScreen)
        line = home.query_one("#pending-line", Static)
        assert line.display
        assert text(line) == "1 unfinished answer was recovered — press R to score it"
        assert home.check_action("score_pending", ()) is True
        await pilot.press("R")
        await settle(pilot, lambda: backend.rows[recovered - 1].status == "scored")
        await settle(pilot, lambda: not line.display and not home.scoring_pending)
        assert backend.rows[recovered - 1].overall is not None
        assert home.check_action("score_pending", ()) is False  # nothing left: no key


async def test_home_without_waiting_answers_says_nothing_and_r_does_nothing(
    tmp_path: Path,
) -> None:
    backend = seeded_backend(tmp_path)
    app = MockintApp(make_services(tmp_path, backend=backend))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert not home.query_one("#pending-line").display
        assert home.check_action("score_pending", ()) is False
        await pilot.press("R")
        assert not home.scoring_pending


async def test_scoring_waiting_answers_without_a_model_keeps_them(tmp_path: Path) -> None:
    from mockint.errors import MockintError

    backend = seeded_backend(tmp_path)
    recovered = backend.add_recovered(QUESTIONS[1])
    services = make_services(tmp_path, backend=backend)

    def broken() -> object:
        raise MockintError("model files are missing")

    services.make_transcriber = broken  # type: ignore[assignment]
    app = MockintApp(services)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: app.context.model.ready and app.context.audio_checked)
        home = app.screen
        assert isinstance(home, HomeScreen)
        await settle(pilot, lambda: home.data is not None)
        await pilot.press("R")
        await settle(pilot, lambda: not home.scoring_pending)
        assert backend.rows[recovered - 1].status == "recorded"  # untouched, still waiting
        line = home.query_one("#pending-line", Static)
        await settle(pilot, lambda: "press R" in text(line))


# -- rating and flagging a past attempt -------------------------------------------------------


async def test_attempt_detail_rates_and_flags_weak(tmp_path: Path) -> None:
    backend = seeded_backend(tmp_path)
    app = MockintApp(make_services(tmp_path, backend=backend))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.push_screen(AttemptScreen(app.context, 2))
        await settle(pilot, lambda: isinstance(app.screen, AttemptScreen) and app.screen.detail)
        screen = app.screen
        status = screen.query_one("#attempt-status", Static)
        assert "1 again · 2 hard · 3 good · 4 easy" in text(status)
        assert "w flags it weak" in text(status)
        await pilot.press("3")
        await settle(pilot, lambda: backend.ratings == [(2, "good")])
        assert "rated good" in text(status)
        await pilot.press("1")
        await settle(pilot, lambda: backend.ratings[-1] == (2, "again"))
        qid = backend.rows[1].question_id
        await pilot.press("w")
        await settle(pilot, lambda: qid in backend.weak_ids)
        assert "flagged weak" in text(status)
        await pilot.press("w")
        await settle(pilot, lambda: qid not in backend.weak_ids)


async def test_attempt_detail_shows_an_existing_weak_flag(tmp_path: Path) -> None:
    backend = seeded_backend(tmp_path)
    backend.weak_ids.add(backend.rows[0].question_id)
    app = MockintApp(make_services(tmp_path, backend=backend))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.push_screen(AttemptScreen(app.context, 1))
        await settle(pilot, lambda: isinstance(app.screen, AttemptScreen) and app.screen.detail)
        assert app.screen.weak
        assert "flagged weak" in text(app.screen.query_one("#attempt-status", Static))


async def test_a_typed_attempt_has_no_replay(tmp_path: Path) -> None:
    from tests.tui.fakes import fake_score

    backend = FakeBackend(root=tmp_path)
    attempt_id = backend.add_typed_attempt(QUESTIONS[0], None)
    scored = fake_score(Transcript.from_text("I led it and errors fell by half."), QUESTIONS[0])
    backend.save_scored(attempt_id, QUESTIONS[0], scored, NOW)
    services = make_services(tmp_path, backend=backend)
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("h")
        await settle(pilot, lambda: isinstance(app.screen, HistoryScreen) and app.screen.rows)
        assert "typed" in str(app.screen.query_one(DataTable).get_row_at(0)[3])
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, AttemptScreen) and app.screen.detail)
        screen = app.screen
        assert "typed answer" in text(screen.query_one("#attempt-note", Static))
        assert screen.check_action("replay", ()) is False
        await pilot.press("p")
        await pilot.pause()
        assert services.played == []  # type: ignore[attr-defined]


# -- the debrief's interview date -------------------------------------------------------------


async def test_debrief_date_defaults_to_today_and_is_validated(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path)
    app = MockintApp(make_services(tmp_path, backend=backend), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, DebriefScreen))
        screen = app.screen
        field = screen.query_one("#debrief-date", Input)
        error = screen.query_one("#debrief-date-error", Static)
        assert field.value == "2025-03-14"  # today, on the frozen clock
        assert not error.display
        screen.query_one("#debrief-questions", TextArea).text = "Why Acme?\n"
        field.value = "2025-14-03"
        await pilot.pause()
        assert error.display and "not a real date" in text(error)
        assert field.has_class("-invalid")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert backend.debriefs == []  # not saved with a wrong date
        assert field.has_focus
        field.value = "2025-03-20"
        await pilot.pause()
        assert "in the future" in text(error)
        field.value = "2025-03-10"
        await pilot.pause()
        assert not error.display
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: bool(backend.debriefs))
        assert backend.debriefs[0].interview_date == date(2025, 3, 10)


async def test_debrief_date_keys_are_restricted_to_digits_and_dashes(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, DebriefScreen))
        field = app.screen.query_one("#debrief-date", Input)
        field.focus()
        field.value = ""
        await pilot.press(*"2025/x03-01")
        assert field.value == "202503-01"
        assert "YYYY-MM-DD" in text(app.screen.query_one("#debrief-date-error", Static))


async def test_banks_enter_opens_the_highlighted_bank_at_once(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_banks(pilot, app)
        screen = app.screen
        banks = screen.query_one("#bank-list", OptionList)
        banks.highlighted = None  # as before any arrow key: Enter still opens the first bank
        await pilot.press("enter")
        await settle(pilot, lambda: app.focused is screen.query_one("#question-list"))
        # the footer's Enter follows the focus: now it practises the question
        assert screen.check_action("practice_question", ())
        assert not screen.check_action("open_bank", ())
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, PracticeScreen))
        assert [q.id for q in app.screen.questions] == ["beh-conflict"]


async def test_help_opens_on_every_screen_with_its_keys(tmp_path: Path) -> None:
    from mockint.tui.screens.help import HelpScreen

    app = MockintApp(make_services(tmp_path, backend=seeded_backend(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        for key, screen_type, expected in (
            (None, HomeScreen, "Mic check"),
            ("b", BanksScreen, "Practice bank"),
            ("h", HistoryScreen, "Back"),
            ("g", ProgressScreen, "Back"),
        ):
            if key:
                await pilot.press(key)
                await settle(pilot, lambda t=screen_type: isinstance(app.screen, t))
            under = app.screen
            await pilot.press("f1" if key == "h" else "question_mark")
            await settle(pilot, lambda: isinstance(app.screen, HelpScreen))
            shown = text(app.screen.query_one("#help-text", Static))
            assert expected in shown and "Screens" in shown and "this help" in shown
            assert under.__class__.__name__.removesuffix("Screen") in shown
            await pilot.press("escape")
            await settle(pilot, lambda u=under: app.screen is u)
            if key:
                await pilot.press("escape")
                await settle(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_help_and_quit_work_in_dialogs_too(tmp_path: Path) -> None:
    """The welcome and the field picker are dialogs (modal screens), which hide the app's
    ordinary bindings: ? and F1 still open help there (and close it), ctrl+q still quits."""
    from mockint.tui.screens.field import FieldScreen
    from mockint.tui.screens.help import HelpScreen, describe

    backend = FakeBackend(root=tmp_path, user_field="")
    app = MockintApp(make_services(tmp_path, backend=backend))
    async with app.run_test(size=SIZE) as pilot:
        for dialog in (WelcomeScreen, FieldScreen):
            if dialog is FieldScreen:
                await pilot.press("enter")  # the welcome leads on to the field picker
            await settle(pilot, lambda d=dialog: isinstance(app.screen, d))
            under = app.screen
            await pilot.press("question_mark")
            await settle(pilot, lambda: isinstance(app.screen, HelpScreen))
            assert describe(under) in text(app.screen.query_one("#help-text", Static))
            await pilot.press("f1")  # the key that opened it closes it
            await settle(pilot, lambda u=under: app.screen is u)
        await pilot.press("ctrl+q")
        await settle(pilot, lambda: app._exit)


async def test_question_mark_types_in_a_text_box_and_f1_still_helps(tmp_path: Path) -> None:
    from mockint.tui.screens.help import HelpScreen

    app = MockintApp(make_services(tmp_path, backend=seeded_backend(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, DebriefScreen))
        area = app.screen.query_one(TextArea)
        area.focus()
        await pilot.press(*"Why us", "question_mark")
        assert area.text.endswith("Why us?") and isinstance(app.screen, DebriefScreen)
        await pilot.press("f1")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen))


async def test_home_status_says_what_still_works_before_the_long_problem(tmp_path: Path) -> None:
    problem = "no microphone found: plug one in (or enable it in your sound settings)"
    app = MockintApp(make_services(tmp_path, audio_problem=problem), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        status = app.screen.query_one("#status-line", Static)
        await settle(pilot, lambda: "no recording" in text(status))
        line = text(status)
        assert line.index("typed answers and files still work") < line.index(problem)
