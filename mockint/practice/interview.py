"""A mock interview: which questions it asks, and what the interview as a whole showed.

A real interview opens with "Tell me about yourself", spends most of its time on behavioral
questions and the job's own, and closes with "Do you have any questions for us?". The
questions here follow that shape (:func:`interview_questions`); the answers are ordinary
attempts in a session of kind ``interview``, and :func:`summarize` reads them as one
interview: overall score, strongest and weakest answer, the problems that came back, and
what to practise next. Pure functions over questions and scores (no store, no I/O).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from mockint.models import Kind, Question
from mockint.practice.plan import DEBRIEF_BANK, GENERAL, spread

DEFAULT_COUNT = 5
"""Questions in a mock interview unless ``--count`` says otherwise (about 10 minutes)."""

OPENERS = ("you-tell-me-about-yourself", "you-walk-through-cv")
"""How interviews open, most usual first."""
CLOSERS = ("close-questions-for-us", "close-anything-to-add")
"""How interviews close, most usual first."""
CORE_BANK = "behavioral-core"
"""The bank every interview draws its behavioral questions from."""

RECURRING_MIN = 2
"""A problem is recurring when it shows up in this many answers of one interview."""

SILENT_FLAG = "no_speech"
"""An answer with this flag said nothing: it does not count in the interview's score."""

PRACTISE = {
    "no_speech": "answer aloud: nothing was heard in some answers (check the microphone)",
    "too_short": "longer answers: give a concrete example, about 1–2 minutes",
    "too_long": "shorter answers: your point first, then one example, under 2 minutes",
    "too_fast": "slow down: aim for 120–160 words a minute, pause between points",
    "too_slow": "a steadier pace: prepare the outline so the words come more easily",
    "filler_heavy": "fewer fillers: pause silently instead of saying um or like",
    "long_pauses": "fewer long pauses: know the outline of each story before you start",
    "hedging": "say it with conviction: drop 'I think', 'maybe', 'sort of'",
    "missing_situation": "set the scene: one or two sentences of situation first",
    "missing_task": "say what your task was, what you had to achieve",
    "missing_action": "say what you did, step by step",
    "missing_result": "end every story with its result",
    "no_numbers_in_result": "measure your results: a number, a percentage, a time saved",
    "we_not_i": "say 'I' for what you did yourself, not 'we'",
}
"""What to practise next for each recurring problem (the contract's flag vocabulary)."""


def interview_questions(
    questions: Iterable[Question],
    *,
    count: int = DEFAULT_COUNT,
    bank: str | None = None,
    banks: Sequence[str] = (),
    fields: Mapping[str, str] | None = None,
    field: str = "",
    seed: int | str | None = None,
) -> list[Question]:
    """``count`` questions shaped like a real interview: an opener, the core, a closer.

    The core comes from ``bank`` when given, else from the behavioral core bank plus the
    user's chosen banks (``banks``, the config's ``practice.banks``), the banks of their
    ``field`` (``fields`` maps bank ids to fields) and their debriefs.
    One question gets only the core; two, an opener and the core; three or more, the
    opener, the core and a closer. ``seed`` makes the draw repeatable (tests)."""
    if count < 1:
        return []
    pool = list(questions)
    rng = random.Random(seed)
    known = fields or {}
    mine = {b for b, f in known.items() if field and f == field}
    core_banks = (
        {bank} if bank else {CORE_BANK, DEBRIEF_BANK, *banks, *mine} - {"about-you", "closing"}
    )
    opener = _first(pool, OPENERS) if count >= 2 else None
    closer = _first(pool, CLOSERS) if count >= 3 else None
    taken = {q.id for q in (opener, closer) if q is not None}
    core = [q for q in pool if q.bank in core_banks and q.id not in taken]
    if not bank and not core:
        core = [q for q in pool if known.get(q.bank, GENERAL) == GENERAL and q.id not in taken]
    wanted = count - len(taken)
    chosen = _behavioral_first(spread(core, rng, easy_first=False))[:wanted]
    return [q for q in (opener, *chosen, closer) if q is not None]


def _first(pool: Sequence[Question], ids: Sequence[str]) -> Question | None:
    by_id = {q.id: q for q in pool}
    return next((by_id[i] for i in ids if i in by_id), None)


def _behavioral_first(questions: list[Question]) -> list[Question]:
    """Mostly behavioral, as interviews are, but not only: alternate two of them with one
    of the other kinds (the list is already shuffled)."""
    behavioral = [q for q in questions if q.kind is Kind.BEHAVIORAL]
    others = [q for q in questions if q.kind is not Kind.BEHAVIORAL]
    result: list[Question] = []
    while behavioral or others:
        result.extend(behavioral[:2])
        del behavioral[:2]
        result.extend(others[:1])
        del others[:1]
    return result


@dataclass(frozen=True)
class InterviewAnswer:
    """One answer of the interview, as the summary needs it."""

    question_id: str
    text: str
    """The question as asked."""
    score: int | None
    """None: not scored (the scoring failed; the recording is kept for a retry)."""
    flags: tuple[str, ...] = ()
    attempt_id: int | None = None

    @property
    def counts(self) -> bool:
        """Whether it counts in the interview's score: scored, and something was said."""
        return self.score is not None and SILENT_FLAG not in self.flags


@dataclass(frozen=True)
class InterviewSummary:
    """The interview as a whole."""

    answers: tuple[InterviewAnswer, ...]
    """In the order asked."""
    overall: int | None
    """The mean score of the answers that count; None when none does."""
    strongest: InterviewAnswer | None
    weakest: InterviewAnswer | None
    """None when fewer than two answers count (one answer is not a strongest and a weakest)."""
    recurring: tuple[tuple[str, int], ...]
    """Problems shown in :data:`RECURRING_MIN` answers or more: (flag, how many), most first."""
    practise: tuple[str, ...]
    """What to practise next, most useful first."""

    @property
    def counted(self) -> int:
        return sum(1 for a in self.answers if a.counts)


def summarize(answers: Sequence[InterviewAnswer]) -> InterviewSummary:
    """What the interview showed, from its answers in the order asked."""
    counting = [a for a in answers if a.counts]
    scores = [a.score for a in counting if a.score is not None]
    overall = round(sum(scores) / len(scores)) if scores else None
    ranked = sorted(counting, key=lambda a: a.score or 0)
    strongest = ranked[-1] if len(ranked) >= 2 else None
    weakest = ranked[0] if len(ranked) >= 2 else None
    problems = Counter(flag for a in answers if a.score is not None for flag in set(a.flags))
    recurring = tuple(
        (flag, n)
        for flag, n in sorted(problems.items(), key=lambda item: (-item[1], item[0]))
        if n >= RECURRING_MIN
    )
    return InterviewSummary(
        answers=tuple(answers),
        overall=overall,
        strongest=strongest,
        weakest=weakest,
        recurring=recurring,
        practise=_practise(recurring, weakest, answers),
    )


def _practise(
    recurring: Sequence[tuple[str, int]],
    weakest: InterviewAnswer | None,
    answers: Sequence[InterviewAnswer],
) -> tuple[str, ...]:
    advice = [PRACTISE[flag] for flag, _ in recurring if flag in PRACTISE][:3]
    if weakest is not None and (weakest.score or 0) < 75:
        advice.append(f"the weakest answer again: “{weakest.text}”")
    waiting = sum(1 for a in answers if a.score is None)
    if waiting:
        advice.append(
            f"{waiting} answer{'s' if waiting > 1 else ''} could not be scored: "
            "`mockint history --retry` scores them"
        )
    if not advice and answers:
        advice.append(
            "a longer interview (`mockint interview --count 8`), "
            "or one from your job's bank (`mockint interview --bank ID`)"
        )
    return tuple(advice)
