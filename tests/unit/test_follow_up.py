"""Which follow-up an interviewer asks after an answer: the table of rules."""

from __future__ import annotations

import pytest

from mockint.coach.follow_up import (
    FOLLOW_UP_SECONDS,
    FollowUp,
    choose_follow_up,
    follow_up_question,
)
from mockint.models import Kind, Question

QUESTION = Question(
    id="beh-conflict",
    text="Tell me about a conflict with a coworker.",
    kind=Kind.BEHAVIORAL,
    bank="behavioral",
    target_seconds=(60, 120),
    key_points=("the conflict",),
    follow_ups=("What would you do differently?", "How did the coworker take it?"),
)
BARE = Question(
    id="me-why", text="Why this job?", kind=Kind.PERSONAL, bank="b", target_seconds=(30, 60)
)


@pytest.mark.parametrize(
    ("question", "flags", "asked", "expected"),
    [
        (QUESTION, ["missing_result"], (), FollowUp("What was the outcome?", "missing_result")),
        (QUESTION, ["we_not_i"], (), FollowUp("What did you do yourself?", "we_not_i")),
        (
            QUESTION,
            ["no_numbers_in_result"],
            (),
            FollowUp("How did you measure it?", "no_numbers_in_result"),
        ),
        # The outcome first, then who did it, then its number.
        (
            QUESTION,
            ["no_numbers_in_result", "we_not_i", "missing_result"],
            (),
            FollowUp("What was the outcome?", "missing_result"),
        ),
        (
            QUESTION,
            ["we_not_i", "missing_result"],
            ("What was the outcome?",),
            FollowUp("What did you do yourself?", "we_not_i"),
        ),
        # Nothing missing: the bank's own follow-ups, one not asked yet.
        (QUESTION, ["filler_heavy"], (), FollowUp("What would you do differently?", "bank")),
        (
            QUESTION,
            [],
            ("What would you do differently?",),
            FollowUp("How did the coworker take it?", "bank"),
        ),
        (QUESTION, [], QUESTION.follow_ups, None),
        (BARE, [], (), None),
        # Nothing was said: there is nothing to follow up.
        (QUESTION, ["no_speech", "missing_result"], (), None),
    ],
)
def test_the_follow_up_fits_the_answer(
    question: Question, flags: list[str], asked: tuple[str, ...], expected: FollowUp | None
) -> None:
    assert choose_follow_up(question, flags, asked) == expected


def test_a_follow_up_is_a_short_question_under_the_same_id_without_star() -> None:
    follow = follow_up_question(QUESTION, FollowUp("What was the outcome?", "missing_result"))
    assert follow.id == QUESTION.id
    assert follow.text == "What was the outcome?"
    assert follow.target_seconds == FOLLOW_UP_SECONDS
    assert not follow.expects_star
    assert follow.key_points == () and follow.follow_ups == ()
