"""Every screen but practice, on fakes: home, welcome, banks, history, progress, debrief."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.widgets import DataTable, Input, OptionList, SelectionList, Static, TextArea
from textual_plotext import PlotextPlot

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
from tests.tui.fakes import BANKS, FakeBackend, make_services, seeded_backend


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
        await settle(pilot, lambda: app.audio_checked)
        verdict = app.screen.query_one("#mic-verdict", Static)
        await settle(pilot, lambda: "PortAudio" in text(verdict))
        assert "type answers" in text(verdict)


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


async def test_banks_practice_a_whole_bank(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("b")
        await settle(pilot, lambda: isinstance(app.screen, BanksScreen) and app.screen.catalog)
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
        empty = app.screen.query_one("#history-empty", Static)
        await settle(pilot, lambda: "No attempts yet" in text(empty))


async def test_an_unscored_attempt_says_its_audio_is_kept(tmp_path: Path) -> None:
    backend = seeded_backend(tmp_path, count=1)
    backend.rows[0] = replace(backend.rows[0], status="failed", overall=None)
    backend.results.clear()
    backend.failed[1] = "the model crashed"
    app = MockintApp(make_services(tmp_path, backend=backend))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.push_screen(AttemptScreen(1))
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
        selection = screen.query_one(SelectionList)
        assert selection.option_count == 2
        selection.select("Tell me about a failure")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: bool(backend.debriefs))
        entry = backend.debriefs[0]
        assert entry.company == "Acme"
        assert entry.questions == ("Why Acme?", "Tell me about a failure")
        assert entry.struggled == ("Tell me about a failure",)
