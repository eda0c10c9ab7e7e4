"""The practice engine's pure rules, table-driven: ratings, weak reasons, streaks, spreading,
time phrases (debrief matching: test_debrief_match.py)."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from mockint import clock as _time
from mockint.errors import MockintError
from mockint.models import Kind, Question
from mockint.practice.config import PracticeConfig, practice_config
from mockint.practice.plan import estimate_minutes, spread
from mockint.practice.scheduler import check_rating, rating_for_score
from mockint.practice.streaks import streak_from_days
from mockint.practice.weak import Answer, auto_reasons, good_run, is_good

CFG = PracticeConfig()
T0 = datetime(2025, 3, 3, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    ("score", "rating"),
    [(0, 1), (49, 1), (50, 2), (69, 2), (70, 3), (84, 3), (85, 4), (100, 4)],
)
def test_rating_from_score(score: int, rating: int) -> None:
    assert rating_for_score(score, CFG) == rating


def test_rating_bands_are_configurable() -> None:
    strict = PracticeConfig(again_below=60, hard_below=80, good_below=95)
    assert [rating_for_score(s, strict) for s in (59, 79, 94, 95)] == [1, 2, 3, 4]


@pytest.mark.parametrize(
    ("given", "value"),
    [(1, 1), (4, 4), ("again", 1), ("Hard", 2), (" good ", 3), ("EASY", 4), ("3", 3)],
)
def test_check_rating_accepts_numbers_and_names(given: int | str, value: int) -> None:
    assert check_rating(given) == value


@pytest.mark.parametrize("given", [0, 5, -1, "meh", "", True, 2.5])
def test_check_rating_rejects_the_rest(given: object) -> None:
    with pytest.raises(MockintError, match="1-4"):
        check_rating(given)  # type: ignore[arg-type]


def a(score: int | None, *flags: str, rating: int | None = None, days: int = 0) -> Answer:
    return Answer(None, score, flags, rating, T0 + timedelta(days=days))


@pytest.mark.parametrize(
    ("history", "lapses", "latest_lapse", "reasons"),
    [
        ([], 0, False, []),
        ([a(80)], 0, False, []),
        ([a(59)], 0, False, ["scored 59 last time (below 60)"]),
        ([a(60)], 0, False, []),
        ([a(None)], 0, False, []),
        (
            [a(70, "missing_result"), a(70, "missing_result"), a(70), a(70, "missing_result")],
            0,
            False,
            ["missing_result in 3 of the last 4 answers"],
        ),
        (
            # Recurring, but not in the latest answer: the problem was fixed.
            [a(70), a(70, "hedging"), a(70, "hedging"), a(70, "hedging")],
            0,
            False,
            [],
        ),
        (
            # Only the last 4 answers count.
            [a(70, "we_not_i"), a(70), a(70), a(70, "we_not_i"), a(70, "we_not_i")],
            0,
            False,
            [],
        ),
        ([a(80)], 3, True, ["forgotten 3 times (leech)"]),
        ([a(80)], 3, False, []),
        ([a(80)], 2, True, []),
        (
            [a(40, "filler_heavy"), a(45, "filler_heavy"), a(50, "filler_heavy")],
            4,
            True,
            [
                "scored 40 last time (below 60)",
                "filler_heavy in 3 of the last 3 answers",
                "forgotten 4 times (leech)",
            ],
        ),
    ],
)
def test_auto_reasons(
    history: list[Answer], lapses: int, latest_lapse: bool, reasons: list[str]
) -> None:
    assert auto_reasons(history, lapses, latest_lapse, CFG) == reasons


@pytest.mark.parametrize(
    ("answer", "good"),
    [
        (a(75), True),
        (a(74), False),
        (a(None), False),
        (a(90, rating=2), False),
        (a(90, rating=3), True),
    ],
)
def test_is_good(answer: Answer, good: bool) -> None:
    assert is_good(answer, CFG) is good


@pytest.mark.parametrize(
    ("history", "since_days", "result"),
    [
        ([a(80, days=2), a(80, days=1)], None, True),
        ([a(80, days=2)], None, False),
        ([a(80, days=2), a(70, days=1)], None, False),
        ([a(80, days=2), a(80, days=1)], 2, False),  # one of them predates the flag
        ([a(80, days=3), a(80, days=2), a(20, days=1)], 2, True),
    ],
)
def test_good_run(history: list[Answer], since_days: int | None, result: bool) -> None:
    since = None if since_days is None else T0 + timedelta(days=since_days)
    assert good_run(history, since, CFG) is result


D = date(2025, 3, 10)


@pytest.mark.parametrize(
    ("offsets", "current", "best", "today"),
    [
        ([], 0, 0, False),
        ([0], 1, 1, True),
        ([-1], 1, 1, False),  # yesterday: alive until today ends
        ([-2], 0, 1, False),
        ([0, -1, -2], 3, 3, True),
        ([-1, -2, -3, -6, -7, -8, -9], 3, 4, False),
        ([0, -2, -3], 1, 2, True),
        ([1, 2], 0, 0, False),  # the future does not count
    ],
)
def test_streak_from_days(offsets: list[int], current: int, best: int, today: bool) -> None:
    days = [D + timedelta(days=n) for n in offsets]
    s = streak_from_days(days, D)
    assert (s.current, s.best, s.practiced_today) == (current, best, today)


def q(qid: str, bank: str, kind: Kind, difficulty: int = 2) -> Question:
    return Question(qid, f"{qid}?", kind, bank, (60, 120), difficulty=difficulty)


POOL = [
    q(f"{bank}-{kind.value}-{n}", bank, kind, 1 + n % 3)
    for bank in ("a", "b", "c")
    for kind in (Kind.BEHAVIORAL, Kind.PERSONAL)
    for n in range(3)
]


def test_spread_alternates_banks_and_kinds() -> None:
    order = spread(POOL, random.Random(1), easy_first=False)
    assert sorted(x.id for x in order) == sorted(x.id for x in POOL)
    first = order[:6]
    assert {x.bank for x in first[:3]} == {"a", "b", "c"}
    assert {x.kind for x in first} == {Kind.BEHAVIORAL, Kind.PERSONAL}


def test_spread_easy_first_and_deterministic() -> None:
    one = spread(POOL, random.Random("2025-03-03"), easy_first=True)
    two = spread(POOL, random.Random("2025-03-03"), easy_first=True)
    assert one == two
    assert [x.difficulty for x in one] == sorted(x.difficulty for x in POOL)
    assert {x.bank for x in one[:3]} == {"a", "b", "c"}


@pytest.mark.parametrize(
    ("target", "feedback", "minutes"),
    [((60, 120), 90, 3.0), ((30, 60), 90, 2.25), ((60, 90), 0, 1.25)],
)
def test_estimate_minutes(target: tuple[int, int], feedback: int, minutes: float) -> None:
    question = Question("x", "x?", Kind.PERSONAL, "b", target)
    cfg = PracticeConfig(feedback_seconds=feedback)
    assert estimate_minutes(question, cfg) == pytest.approx(minutes)


@pytest.mark.parametrize(
    ("due", "phrase"),
    [
        (T0 - timedelta(days=2), "overdue"),
        (T0 - timedelta(minutes=1), "now"),
        (T0 + timedelta(hours=3), "today"),
        (T0 + timedelta(days=1), "tomorrow"),
        (T0 + timedelta(days=3), "in 3 days"),
        (T0 + timedelta(days=21), "in 3 weeks"),
        (T0 + timedelta(days=120), "in 4 months"),
    ],
)
def test_due_phrase(due: datetime, phrase: str) -> None:
    assert _time.due_phrase(due, T0, UTC) == phrase


def test_times_are_utc_and_naive_means_local() -> None:
    tokyo = datetime(2025, 3, 3, 18, tzinfo=timezone(timedelta(hours=9)))
    assert _time.utc(tokyo) == T0 and _time.utc(tokyo).tzinfo is UTC
    naive = datetime(2025, 3, 3, 9)
    assert _time.utc(naive) == naive.astimezone(UTC)
    assert _time.iso(tokyo) == "2025-03-03T09:00:00+00:00"
    assert _time.parse("2025-03-03T09:00:00") == T0
    assert _time.end_of_day(T0, UTC) == datetime(2025, 3, 3, 23, 59, 59, 999999, tzinfo=UTC)


def test_practice_config_is_the_section_given_or_the_defaults() -> None:
    section = PracticeConfig(daily_questions=7)
    assert practice_config(section) is section
    assert practice_config(None) == PracticeConfig()  # config.yaml is the entry points' to read


def test_practice_config_reads_from_yaml_data() -> None:
    from mockint.config import config_from_dict

    cfg = config_from_dict({"practice": {"banks": ["closing"], "weak_below": 55}}).practice
    assert cfg.banks == ["closing"] and cfg.weak_below == 55


def _loaded_after(code: str) -> set[str]:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", f"{code}; import sys; print('\\n'.join(sys.modules))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return set(out.split())


def test_practice_imports_without_textual_and_config_stays_light() -> None:
    practice = _loaded_after(
        "import mockint.practice.plan, mockint.practice.debrief, mockint.practice.summary, "
        "mockint.commands.daily, mockint.commands.weak, mockint.commands.debrief"
    )
    assert "textual" not in practice
    config = _loaded_after("import mockint.config")
    assert "fsrs" not in config, "reading the config must not load the scheduler"


def test_the_package_exports_the_public_api() -> None:
    import mockint.practice as practice

    for name in practice.__all__:
        assert callable(getattr(practice, name)), name
    with pytest.raises(AttributeError):
        practice.no_such_thing  # noqa: B018
