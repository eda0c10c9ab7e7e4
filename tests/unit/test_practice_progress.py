"""Progress by day: one point per day, gaps where no practice happened, question trends."""

from __future__ import annotations

from datetime import date

import pytest

from mockint.practice.progress import DayStat, by_day, question_trends, runs

D1, D2, D3, D5 = date(2025, 3, 1), date(2025, 3, 2), date(2025, 3, 3), date(2025, 3, 5)


@pytest.mark.parametrize(
    ("samples", "expected"),
    [
        ([], []),
        ([(D1, 60.0)], [DayStat(D1, 60.0, 60.0, 60.0, 1)]),
        # one day's attempts are one point: the mean, with the spread
        ([(D1, 50.0), (D1, 70.0), (D1, 90.0)], [DayStat(D1, 70.0, 50.0, 90.0, 3)]),
        # unordered in, oldest first out; no value (a typed answer's pace) is left out
        (
            [(D3, 80.0), (D1, 40.0), (D1, None), (D2, None)],
            [DayStat(D1, 40.0, 40.0, 40.0, 1), DayStat(D3, 80.0, 80.0, 80.0, 1)],
        ),
    ],
)
def test_by_day(samples: list[tuple[date, float | None]], expected: list[DayStat]) -> None:
    assert by_day(samples) == expected


def test_runs_break_where_a_day_was_missed() -> None:
    stats = by_day([(D1, 1.0), (D2, 2.0), (D3, 3.0), (D5, 5.0)])
    assert [[s.day for s in run] for run in runs(stats)] == [[D1, D2, D3], [D5]]
    assert runs([]) == []


def test_question_trends_most_practised_first() -> None:
    attempts = [
        ("a", "Question A", 50),
        ("b", "Question B", 40),
        ("a", "Question A", 60),
        ("b", "Question B", 45),
        ("a", "Question A", 75),
        ("c", "Question C", 90),  # once: no trend yet
        ("", "", 10),  # no question: not a trend
    ]
    trends = question_trends(attempts)
    assert [t.question_id for t in trends] == ["a", "b"]
    assert trends[0].scores == (50, 60, 75) and trends[0].change == 25
    assert trends[1].text == "Question B" and trends[1].change == 5
    assert question_trends(attempts, limit=1)[0].question_id == "a"
