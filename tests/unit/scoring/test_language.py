from __future__ import annotations

import pytest

from mockint.scoring.config import ScoringConfig
from mockint.scoring.language import find_hedges, find_repetitions, ownership
from tests.unit.scoring.helpers import parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I think it worked.", ["i think"]),
        ("Maybe it probably worked, I'm not sure.", ["maybe", "probably", "i'm not sure"]),
        ("I just fixed it.", ["just"]),
        ("We shipped just in time.", []),
        ("I had just joined.", []),
        ("This kind of data.", []),
        ("I feel like it helped.", ["i feel like"]),
        ("We shipped it.", []),
    ],
)
def test_hedges(text: str, expected: list[str]) -> None:
    tokens, _ = parse(text)
    report = find_hedges(tokens, set(), len(tokens), ScoringConfig())
    assert [h.key for h in report.items] == expected


def test_words_counted_as_fillers_are_not_hedges() -> None:
    tokens, _ = parse("It was kind of hard.")
    assert find_hedges(tokens, {2, 3}, len(tokens), ScoringConfig()).total == 0


@pytest.mark.parametrize(
    ("hedges", "words", "flagged"),
    [(3, 50, True), (2, 20, False), (3, 200, False)],
)
def test_hedging_flag(hedges: int, words: int, flagged: bool) -> None:
    text = " ".join(["maybe"] * hedges + ["word"] * (words - hedges))
    tokens, _ = parse(text)
    assert find_hedges(tokens, set(), len(tokens), ScoringConfig()).flagged is flagged


def test_repetition_keeps_the_longest_phrase() -> None:
    text = "At the end of the day, we won. At the end of the day, we lost. At the end of the day."
    tokens, sentences = parse(text)
    reps = find_repetitions(tokens, sentences, set(), ScoringConfig())
    assert [(r.phrase, r.count, r.length) for r in reps] == [("at the end of the day", 3, 6)]


@pytest.mark.parametrize(
    "text",
    [
        "and then and then and then we left",  # stop words only
        "very very very very very very good",  # counts once per stretch, and is short
        "we shipped it twice. we shipped it.",  # only twice
    ],
)
def test_no_repetition(text: str) -> None:
    tokens, sentences = parse(text)
    assert find_repetitions(tokens, sentences, set(), ScoringConfig()) == ()


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("We built it, we tested it, we shipped it and we celebrated.", True),
        ("I built it, I tested it and we shipped it.", False),
        ("We built it with my team.", False),  # too few to judge
    ],
)
def test_ownership(text: str, flagged: bool) -> None:
    tokens, sentences = parse(text)
    assert ownership(tokens, sentences, "action", ScoringConfig()).flagged is flagged
