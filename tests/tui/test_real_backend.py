"""The app over the REAL backend (SQLite store, planner, bundled banks) in the test's own
data root; only audio, the model and the clock are fakes. What the screens do must land in
the store as `mockint history`, `replay` and `--retry` expect it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile
from textual.widgets import Static, TextArea

from mockint.config import Config
from mockint.models import Question
from mockint.store import Status, Store, recovery
from mockint.tui.app import MockintApp
from mockint.tui.backend import RealBackend
from mockint.tui.screens.history import AttemptScreen
from mockint.tui.screens.home import HomeScreen
from mockint.tui.screens.practice import PracticeScreen
from mockint.tui.services import Services
from tests.tui.conftest import SIZE, app_ready, settle
from tests.tui.fakes import make_services


@pytest.fixture
def backend() -> Iterator[RealBackend]:
    real = RealBackend(Config())
    yield real
    real.close()


def _services(tmp_path: Path, backend: RealBackend, **kwargs: object) -> Services:
    services = make_services(tmp_path, **kwargs)  # type: ignore[arg-type]
    services.backend = backend
    return services


def _question(backend: RealBackend) -> Question:
    return backend.catalog().banks[0].questions[0]


def _cut_off_recording(question: Question) -> int:
    """What a killed app leaves: an attempt 'recording', its audio on disk, no live lock."""
    with Store.open() as store:
        attempt = store.begin_attempt(question, suffix=".wav")
        assert attempt.audio_path is not None
        t = np.arange(16000 * 2) / 16000
        soundfile.write(attempt.audio_path, (0.1 * np.sin(2 * np.pi * 220 * t)), 16000)
        recovery.release_lock(recovery.lock_path(store.recordings, attempt.id))
        return attempt.id


async def test_a_typed_answer_is_stored_without_audio(tmp_path: Path, backend: RealBackend) -> None:
    question = _question(backend)
    services = _services(tmp_path, backend, audio_problem="no microphone found")
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.start_practice("practice", questions=[question])
        await settle(pilot, lambda: isinstance(app.screen, PracticeScreen))
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        await pilot.press("y")
        screen.query_one(TextArea).text = "At my last job I led a migration; errors fell by half."
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: screen.stage == "feedback")
    with Store.open() as store:
        (attempt,) = store.list_attempts()
        assert attempt.status is Status.SCORED and attempt.question_id == question.id
        assert attempt.audio_path is None and attempt.duration_s is None
        assert attempt.transcript and "migration" in attempt.transcript
        assert store.pending() == []
    assert not any(p.is_file() for p in Path(store.recordings).rglob("*"))


async def test_a_recovered_recording_is_offered_and_scored(
    tmp_path: Path, backend: RealBackend
) -> None:
    question = _question(backend)
    attempt_id = _cut_off_recording(question)
    scored_paths: list[Path] = []
    services = _services(tmp_path, backend)
    fake_score_file = services.score_file

    def score_file(path: Path, q: Question | None, transcriber: object) -> object:
        scored_paths.append(Path(path))
        assert q is not None and q.id == question.id  # the bank's question, looked up
        return fake_score_file(path, q, transcriber)

    services.score_file = score_file  # type: ignore[assignment]
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.data is not None and (home.data.pending, home.data.recovered) == (1, 1)
        line = home.query_one("#pending-line", Static)
        assert str(line.render()) == "1 unfinished answer was recovered — press R to score it"
        await pilot.press("R")
        await settle(pilot, lambda: not home.scoring_pending and not line.display, timeout=20)
        assert home.data.pending == 0
    with Store.open() as store:
        attempt = store.get(attempt_id)
        assert attempt.status is Status.SCORED and attempt.overall is not None
        assert attempt.audio_path == scored_paths[0]
        # It counted as practice: the question's card has a review for this attempt.
        reviews = store.read("SELECT count(*) FROM reviews WHERE attempt_id = ?", (attempt_id,))[0][
            0
        ]
        assert reviews == 1


async def test_rating_and_flagging_from_history_reach_the_store(
    tmp_path: Path, backend: RealBackend
) -> None:
    question = _question(backend)
    services = _services(tmp_path, backend, audio_problem="no microphone found")
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.start_practice("practice", questions=[question])
        await settle(pilot, lambda: isinstance(app.screen, PracticeScreen))
        practice = app.screen
        assert isinstance(practice, PracticeScreen)
        await pilot.press("y")
        practice.query_one(TextArea).text = "So I, um, helped. It went fine I guess."
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: practice.stage == "feedback")
        attempt_id = practice.attempt_id
        assert attempt_id is not None
        app.push_screen(AttemptScreen(app.context, attempt_id))
        await settle(pilot, lambda: isinstance(app.screen, AttemptScreen) and app.screen.detail)
        screen = app.screen
        assert isinstance(screen, AttemptScreen)
        was_weak = screen.weak  # a low score may have flagged it already
        assert was_weak == backend.is_weak(question.id)
        await pilot.press("2", "w")
        await settle(pilot, lambda: screen.weak is not was_weak and screen.rated == "hard")
        await settle(pilot, lambda: backend.is_weak(question.id) is not was_weak)
        await pilot.press("w")
        await settle(pilot, lambda: backend.is_weak(question.id) is was_weak)
    with Store.open() as store:
        assert store.get(attempt_id).self_rating == 2


async def test_a_follow_up_is_linked_and_a_discarded_take_leaves_nothing(
    tmp_path: Path, backend: RealBackend
) -> None:
    question = _question(backend)
    app = MockintApp(_services(tmp_path, backend), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.start_practice("practice", questions=[question])
        await settle(pilot, lambda: isinstance(app.screen, PracticeScreen))
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        await settle(pilot, lambda: screen.stage == "record")
        await pilot.press("space")
        await settle(pilot, lambda: screen.stage == "feedback")
        assert screen.follow_offer is not None  # every bundled question has follow-ups
        await pilot.press("f")
        await settle(pilot, lambda: screen.stage == "record")
        await pilot.press("space")
        await settle(pilot, lambda: screen.stage == "feedback")
        with Store.open() as store:
            first, follow = sorted(store.list_attempts(), key=lambda a: a.id)
            assert follow.follows_id == first.id and not follow.counted
            assert store.question_trend(question.id).scores == [first.overall]
        await pilot.press("x")
        await pilot.press("x")  # confirmed: the follow-up take goes
        await settle(pilot, lambda: screen.stage != "feedback")
        # The follow-up is asked again (a new take starts): the discarded one is gone.
        await settle(pilot, lambda: follow.id not in {a.id for a in backend.coach.attempts()})
        assert follow.audio_path is not None and not follow.audio_path.exists()


async def test_a_pasted_posting_is_kept_as_a_job_in_the_store(
    tmp_path: Path, backend: RealBackend
) -> None:
    """The job screen over the real banks and SQLite: the set is matched from the posting's
    field, the job's own bank is written and loads, and the daily plan then leads with it."""
    from datetime import timedelta

    from mockint.banks import load_bank_file
    from mockint.coach import Coach
    from mockint.paths import user_banks_dir
    from mockint.tui.screens.job import JobScreen
    from tests.conftest import FIXTURES

    services = _services(tmp_path, backend)
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        await pilot.press("j")
        await settle(pilot, lambda: isinstance(app.screen, JobScreen))
        screen = app.screen
        posting = (FIXTURES / "postings" / "staff-nurse.txt").read_text()
        screen.query_one("#job-posting", TextArea).text = posting
        interview = services.now().date() + timedelta(days=3)
        screen.query_one("#job-date").value = interview.isoformat()  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: screen.prepared is not None, timeout=20)
        shown = str(screen.query_one("#job-result", Static).render())
        assert "field: healthcare" in shown and "practises duty 2" in shown
    bank = load_bank_file(user_banks_dir() / "job-staff-nurse-surgical-ward.yaml", user=True)
    assert bank.field == "healthcare" and bank.questions
    with Coach.open(Config()) as coach:
        (job,) = coach.jobs()
        assert job.interview_date == interview
        plan = coach.plan_today(services.now())
        assert plan.items[0].why == "job"
        assert plan.items[0].question.id in job.question_ids


def test_the_session_recap_does_not_repeat_its_table(backend: RealBackend) -> None:
    """The summary screen's table shows each score, its change and when it comes back, so
    the notes under it only add why a question is still weak ("Comes back: …" was there
    twice)."""
    from datetime import UTC, datetime

    now = datetime(2026, 12, 1, 9, tzinfo=UTC)
    question = _question(backend)
    session = backend.start_session("practice")
    backend.score_typed(question, "Um, I think maybe I helped.", session, now)
    backend.end_session(session)
    recap = backend.session_summary(session, now)
    (line,) = recap.lines
    assert line[0] == question.text and line[3]  # when it comes back, in the table
    assert not any(n.startswith(("Comes back", "Better")) for n in recap.notes)
    assert all(n.startswith("Still weak: ") for n in recap.notes) and recap.notes


async def test_a_text_file_given_as_a_recording_says_to_type_it(
    tmp_path: Path, backend: RealBackend
) -> None:
    """Without a microphone: the card offers typing and files, never "space tries again"."""
    from textual.widgets import Input

    draft = tmp_path / "draft.txt"
    draft.write_text("At my last job I led a migration; errors fell by half.", encoding="utf-8")
    services = _services(tmp_path, backend, audio_problem="no microphone found")
    app = MockintApp(services, welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app_ready(app))
        app.start_practice("practice", questions=[_question(backend)])
        await settle(pilot, lambda: isinstance(app.screen, PracticeScreen))
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        for given, says in (("", "no file given"), (str(draft), "press y to type")):
            await pilot.press("f")
            await settle(pilot, lambda: screen.stage == "file")
            screen.query_one(Input).value = given
            await pilot.press("enter")
            problem = screen.query_one("#audio-problem", Static)
            await settle(pilot, lambda s=says, w=problem: s in str(w.render()))
            assert "space" not in str(screen.query_one("#countdown", Static).render())
    with Store.open() as store:
        assert store.list_attempts() == []
