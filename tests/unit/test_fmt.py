"""The shared wording helpers: counts, phrases, lists and the streak line."""

from __future__ import annotations

from datetime import date

import pytest

from mockint import fmt


@pytest.mark.parametrize(
    ("n", "noun", "expected"),
    [(0, "filler", "0 fillers"), (1, "filler", "1 filler"), (2, "attempt", "2 attempts")],
)
def test_count(n: int, noun: str, expected: str) -> None:
    assert fmt.count(n, noun) == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [("i mean", "'I mean'"), ("um", "'um'"), ("you know", "'you know'"), ("i think", "'I think'")],
)
def test_phrase_capitalises_the_pronoun(said: str, expected: str) -> None:
    assert fmt.phrase(said) == expected


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),
        (["a"], "a"),
        (["a", "b"], "a and b"),
        (["a", "b", "c"], "a, b and c"),
        (["a", "b", "c", "d"], "a, b and 2 others"),
        (["a", "b", "c", "d", "e"], "a, b and 3 others"),
    ],
)
def test_listing_never_leaves_items_out_silently(items: list[str], expected: str) -> None:
    assert fmt.listing(items) == expected


def test_times() -> None:
    assert [fmt.times(n) for n in (1, 2, 5)] == ["once", "twice", "5 times"]


@pytest.mark.parametrize(
    ("current", "best", "last", "today", "expected"),
    [
        (0, 0, None, False, "Streak: none yet: answer one question today to start one."),
        (
            0,
            5,
            date(2026, 11, 28),
            False,
            "Streak: ended after Nov 28 (best 5 days): one answer today starts a new one.",
        ),
        (1, 1, date(2026, 12, 1), True, "Streak: 1 day (best 1), practiced today."),
        (3, 4, date(2026, 11, 30), False, "Streak: 3 days (best 4), practice today to keep it."),
    ],
)
def test_streak(current: int, best: int, last: date | None, today: bool, expected: str) -> None:
    assert fmt.streak(current, best, last, today) == expected


def test_clip_ends_with_an_ellipsis() -> None:
    assert fmt.clip("Tell me about a time you failed", 12) == "Tell me abo…"


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([("um", 1)], "'um' once"),
        ([("um", 2), ("so", 1), ("i mean", 1)], "'um' twice, 'so' once and 'I mean' once"),
        ([("um", 2), ("so", 1), ("like", 1), ("uh", 3)], "'um' twice, 'so' once and 4 more"),
    ],
)
def test_filler_tip_names_add_up_to_the_total(counts: list[tuple[str, int]], expected: str) -> None:
    from mockint.scoring.tips import _named_counts

    assert _named_counts(counts) == expected
