"""The follow-up question an interviewer would ask after THIS answer (pure, no I/O).

An interviewer probes what the answer left out before moving to the bank's own follow-ups:
a story without an outcome gets "What was the outcome?", a "we" story "What did you do
yourself?", a result without numbers "How did you measure it?". The first gap found wins,
in that order (an outcome matters more than who did it, and both more than its number).

A follow-up answer is stored as an attempt linked to the first one (``follows_id``) and
never counts as practice: it is not a review of the main question (FSRS would otherwise see
two answers to one card a minute apart), and its short answer would drag the question's
average and trend down. It is scored and shown like any answer.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

from mockint.models import Kind, Question

PROBES: tuple[tuple[str, str], ...] = (
    ("missing_result", "What was the outcome?"),
    ("we_not_i", "What did you do yourself?"),
    ("no_numbers_in_result", "How did you measure it?"),
)
"""(flag of the answer, what the interviewer asks), in the order they are asked."""

FOLLOW_UP_SECONDS = (20, 60)
"""A follow-up answer adds one thing to the story: shorter than the story itself."""


@dataclass(frozen=True)
class FollowUp:
    text: str
    reason: str
    """Why this one: the answer's flag it probes, or ``bank`` for the bank's own."""


def choose_follow_up(
    question: Question, flags: Collection[str], asked: Collection[str] = ()
) -> FollowUp | None:
    """The follow-up to ask after an answer to ``question`` flagged ``flags``; None when there
    is nothing to ask (no speech heard, nothing the bank offers that was not ``asked``)."""
    if "no_speech" in flags:
        return None
    for flag, text in PROBES:
        if flag in flags and text not in asked:
            return FollowUp(text, flag)
    for text in question.follow_ups:
        if text not in asked:
            return FollowUp(text, "bank")
    return None


def follow_up_question(question: Question, follow_up: FollowUp) -> Question:
    """The follow-up as a question to answer: the same id (so history keeps it beside its
    question), its own text, a shorter target, and no STAR check (it is one part of the
    story, not a whole one)."""
    kind = Kind.SITUATIONAL if question.kind is Kind.BEHAVIORAL else question.kind
    return replace(
        question,
        text=follow_up.text,
        kind=kind,
        target_seconds=FOLLOW_UP_SECONDS,
        key_points=(),
        tips=(),
        follow_ups=(),
        example_outline=None,
    )
