"""A mock interview: which questions it asks, and the summary of the interview as a whole."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mockint.banks import Catalog
from mockint.coach import Coach
from mockint.config import Config
from mockint.errors import MockintError
from mockint.models import Bank, Kind, Question
from mockint.practice.interview import InterviewAnswer, interview_questions, summarize
from mockint.store import Store
from mockint.store.migrations import MIGRATIONS, migrate


def q(qid: str, kind: Kind, bank: str) -> Question:
    return Question(qid, f"Question {qid}?", kind, bank, (60, 120))


BEHAVIORAL = tuple(q(f"beh-{i}", Kind.BEHAVIORAL, "behavioral-core") for i in range(6))
SITUATIONAL = tuple(q(f"sit-{i}", Kind.SITUATIONAL, "behavioral-core") for i in range(2))
ABOUT = (
    q("you-tell-me-about-yourself", Kind.PERSONAL, "about-you"),
    q("you-why-leaving", Kind.PERSONAL, "about-you"),
)
CLOSING = (q("close-questions-for-us", Kind.CLOSING, "closing"),)
SOFTWARE = tuple(q(f"swe-{i}", Kind.TECHNICAL, "software-engineering") for i in range(4))
BANKS = (
    Bank("about-you", "About you", "", ABOUT, "a.yaml"),
    Bank("behavioral-core", "Behavioral", "", BEHAVIORAL + SITUATIONAL, "b.yaml"),
    Bank("closing", "Closing", "", CLOSING, "c.yaml"),
    Bank("software-engineering", "SWE", "", SOFTWARE, "s.yaml", field="software"),
)
ALL = [x for b in BANKS for x in b.questions]


@pytest.mark.parametrize(
    ("count", "bank", "banks", "first", "last", "core_from"),
    [
        (1, None, (), None, None, {"behavioral-core"}),
        (2, None, (), "you-tell-me-about-yourself", None, {"behavioral-core"}),
        (5, None, (), "you-tell-me-about-yourself", "close-questions-for-us", {"behavioral-core"}),
        (
            6,
            None,
            ("software-engineering",),
            "you-tell-me-about-yourself",
            "close-questions-for-us",
            {"behavioral-core", "software-engineering"},
        ),
        (
            4,
            "software-engineering",
            (),
            "you-tell-me-about-yourself",
            "close-questions-for-us",
            {"software-engineering"},
        ),
    ],
    ids=["one", "two", "five", "with-job-bank", "bank-given"],
)
def test_questions_are_shaped_like_an_interview(
    count: int,
    bank: str | None,
    banks: tuple[str, ...],
    first: str | None,
    last: str | None,
    core_from: set[str],
) -> None:
    chosen = interview_questions(ALL, count=count, bank=bank, banks=banks, seed=3)
    assert len(chosen) == count
    assert len({x.id for x in chosen}) == count
    core = chosen[(1 if first else 0) : len(chosen) - (1 if last else 0)]
    if first:
        assert chosen[0].id == first
    if last:
        assert chosen[-1].id == last
    assert {x.bank for x in core} <= core_from
    assert interview_questions(ALL, count=count, bank=bank, banks=banks, seed=3) == chosen


def test_the_core_is_mostly_behavioral() -> None:
    core = interview_questions(ALL, count=5, seed=1)[1:-1]
    assert [x.kind for x in core[:2]] == [Kind.BEHAVIORAL, Kind.BEHAVIORAL]


def test_too_few_questions_gives_what_there_is() -> None:
    assert len(interview_questions(ALL, count=30, bank="software-engineering")) == 6
    assert interview_questions(ALL, count=0) == []


def a(qid: str, score: int | None, *flags: str) -> InterviewAnswer:
    return InterviewAnswer(qid, f"Question {qid}?", score, tuple(flags))


@pytest.mark.parametrize(
    ("answers", "overall", "strongest", "weakest", "recurring"),
    [
        ([], None, None, None, ()),
        ([a("x", 70)], 70, None, None, ()),
        (
            [a("x", 80, "missing_result"), a("y", 50, "missing_result", "hedging"), a("z", 65)],
            65,
            "x",
            "y",
            (("missing_result", 2),),
        ),
        # Silence and unscored answers do not count in the score.
        ([a("x", 80), a("y", 0, "no_speech"), a("z", None)], 80, None, None, ()),
        (
            [a("x", 60, "hedging", "filler_heavy"), a("y", 62, "filler_heavy", "hedging")],
            61,
            "y",
            "x",
            (("filler_heavy", 2), ("hedging", 2)),
        ),
    ],
    ids=["empty", "one", "recurring", "silent-and-waiting", "ties-by-name"],
)
def test_summary(
    answers: list[InterviewAnswer],
    overall: int | None,
    strongest: str | None,
    weakest: str | None,
    recurring: tuple[tuple[str, int], ...],
) -> None:
    summary = summarize(answers)
    assert summary.overall == overall
    assert (summary.strongest.question_id if summary.strongest else None) == strongest
    assert (summary.weakest.question_id if summary.weakest else None) == weakest
    assert summary.recurring == recurring


def test_what_to_practise_next() -> None:
    summary = summarize([a("x", 80, "missing_result"), a("y", 40, "missing_result"), a("z", None)])
    assert summary.practise[0] == "end every story with its result"
    assert "Question y?" in summary.practise[1]
    assert "could not be scored" in summary.practise[2]
    assert summarize([a("x", 90), a("y", 88)]).practise  # always something to do next


# -- the Coach's calls, over a real store and a catalog of our own


def test_an_interview_through_the_coach(mockint_home: Path) -> None:
    with Store.open() as store:
        coach = Coach(store, Catalog(banks=BANKS), Config())
        questions = coach.interview_questions(3, seed=2)
        assert [x.id for x in questions][::2] == [
            "you-tell-me-about-yourself",
            "close-questions-for-us",
        ]
        session = coach.start_session("interview")
        texts = [
            "I am an engineer with five years of experience building tools for nurses.",
            "At my last job we had a release slip. I planned it again. It shipped a week early.",
            "Yes, I would like to know how the team measures success.",
        ]
        for question, text in zip(questions, texts, strict=True):
            coach.score_typed(question, text, session)
        coach.score_typed(questions[1], texts[1], None)  # outside the interview
        coach.end_session(session)
        summary = coach.interview_summary(session)
    assert [x.question_id for x in summary.answers] == [x.id for x in questions]
    assert summary.overall is not None and summary.strongest and summary.weakest
    assert all(x.attempt_id for x in summary.answers)


def test_an_unknown_bank_is_refused(mockint_home: Path) -> None:
    with Store.open() as store:
        coach = Coach(store, Catalog(banks=BANKS), Config())
        with pytest.raises(MockintError, match="bank"):
            coach.interview_questions(3, "nope")


def test_the_sessions_table_takes_interviews_and_keeps_links(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(conn, MIGRATIONS[:2])
    conn.execute("INSERT INTO sessions (kind, started_at) VALUES ('daily', 't')")
    conn.execute(
        "INSERT INTO attempts (session_id, status, created_at) VALUES (1, 'recorded', 't')"
    )
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO sessions (kind, started_at) VALUES ('interview', 't')")
    migrate(conn)
    conn.execute("INSERT INTO sessions (kind, started_at) VALUES ('interview', 't')")
    assert conn.execute("SELECT session_id FROM attempts").fetchall() == [(1,)]
    assert conn.execute("SELECT kind FROM sessions ORDER BY id").fetchall() == [
        ("daily",),
        ("interview",),
    ]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


# -- mockint interview


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (["interview", "--count", "0"], "--count must be from 1 to 20, not 0"),
        (["interview", "--bank", "no-such-bank"], "bank"),
    ],
    ids=["count", "bank"],
)
def test_the_command_refuses_bad_input_in_one_line(
    argv: list[str], error: str, mockint_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mockint.cli import main

    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("mockint: error: ") and error in err and len(err.splitlines()) == 1


def test_the_command_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    from mockint.cli import main

    with pytest.raises(SystemExit):
        main(["interview", "--help"])
    out = capsys.readouterr().out
    assert "mockint interview --count 3" in out and "--bank" in out
