"""Length targets and the too-short tip: each fits the question's kind."""

from __future__ import annotations

import pytest

from mockint.banks import load_catalog
from mockint.models import Kind, Transcript
from mockint.scoring import score_answer
from tests.unit.scoring.helpers import question

SHORT = "My notice period is one month, so I could start on the first of March."


@pytest.mark.parametrize(
    ("kind", "target", "advice"),
    [
        (Kind.BEHAVIORAL, (60, 120), "what you did step by step and the result"),
        (Kind.SITUATIONAL, (60, 120), "say what you would do first"),
        (Kind.PERSONAL, (45, 90), "a concrete detail from your own experience"),
        (Kind.TECHNICAL, (45, 120), "explain how it works"),
        (Kind.CLOSING, (30, 60), "give a clear answer, then one reason or condition"),
        (Kind.CLOSING, (10, 40), "a date, a number or a condition"),
    ],
)
def test_too_short_tip_fits_the_kind(kind: Kind, target: tuple[int, int], advice: str) -> None:
    words = "Yes. " if target[0] <= 10 else SHORT
    report = score_answer(Transcript.from_text(words), question(kind, target))
    assert "too_short" in report.flags
    tip = next(t for t in report.tips if t.startswith("Your answer lasted"))
    assert advice in tip
    if kind is not Kind.BEHAVIORAL:
        assert "step by step" not in tip


@pytest.mark.parametrize(
    ("answer", "advice", "never"),
    [
        # The story has a result: the tip must not ask for one.
        (
            "Our queue was three days long. I rewrote the triage rules and trained the team. "
            "The backlog went from three days to one morning.",
            "add your goal.",
            "the result",
        ),
        ("At my last job the queue was three days long. I rewrote the rules.", "the result", ""),
        (
            "At my last job the queue was three days long. My goal was to clear it. "
            "I rewrote the triage rules. The backlog went from three days to one morning.",
            "add detail to each step you took.",
            "the result",
        ),
    ],
)
def test_a_short_story_is_told_what_it_lacks(answer: str, advice: str, never: str) -> None:
    report = score_answer(Transcript.from_text(answer), question(Kind.BEHAVIORAL, (60, 120)))
    tip = next(t for t in report.tips if t.startswith("Your answer lasted"))
    assert advice in tip
    assert report.structure is not None
    if never:
        assert never not in tip.split(" — ")[1]


def test_a_notice_period_answer_of_a_few_seconds_is_not_too_short() -> None:
    catalog = load_catalog()
    notice = catalog.question("close-notice-period")
    assert notice is not None
    answer = (
        "My notice period is one month. I could start on the first of March, or a week "
        "earlier if my manager agrees, and I have no holiday booked before then."
    )
    report = score_answer(Transcript.from_text(answer), notice)  # 30 words, about 12 s
    assert notice.target_seconds == (10, 40)
    assert report.length is not None and report.length.seconds < 30  # the old minimum
    assert "too_short" not in report.flags
    assert not any(t.startswith("Your answer lasted") for t in report.tips)


@pytest.mark.parametrize(
    ("question_id", "target"),
    [
        ("you-tell-me-about-yourself", (60, 90)),  # the design doc: 60-90 s
        ("you-greatest-strength", (45, 90)),
        ("close-notice-period", (10, 40)),  # logistics: 10-40 s
        ("close-work-arrangement", (10, 40)),
        ("close-salary-expectations", (30, 60)),  # quick factual: 30-60 s
        ("beh-conflict-coworker", (60, 120)),  # behavioral: 60-120 s
    ],
)
def test_bundled_targets_follow_the_coaching_sources(
    question_id: str, target: tuple[int, int]
) -> None:
    found = load_catalog().question(question_id)
    assert found is not None and found.target_seconds == target


def test_a_short_personal_answer_with_its_example_is_not_asked_for_one() -> None:
    """A graduate's "tell me about yourself" told its project with numbers: the tip asks for
    more, never for "an example from your work" (it has one; a graduate has no work yet)."""
    catalog = load_catalog()
    about = catalog.question("grad-tell-me-about-yourself")
    assert about is not None
    answer = (
        "I just graduated in computer science. In my final year I led a team of four that "
        "built an app for finding quiet study spaces, and two hundred students used it."
    )
    report = score_answer(Transcript.from_text(answer), about)
    tip = next(t for t in report.tips if t.startswith("Your answer lasted"))
    assert "example" not in tip and "your work" not in tip
    assert "why it fits this role" in tip
