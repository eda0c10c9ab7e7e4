"""Debriefs, the pure part: matching a question asked against the banks, its id, the
interview's date, and the follow-up note (no I/O). A question's kind comes from
:func:`mockint.prep.kinds.kind_from_text`, the one rule for questions from outside a bank.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from mockint.errors import MockintError
from mockint.models import Question

MATCH_THRESHOLD = 85.0
"""Similarity (0-100) from which a question asked counts as one already in a bank. Measured
on a table of paraphrases of bundled questions and of near misses (tests/unit/
test_debrief_match.py, against all the bundled banks): "Why do you want to leave your current
job?" scores 100 against "Why are you leaving your current job?"; the closest near miss,
"Tell me about your current job", 80. A missed link costs a duplicate question, a false
one practises the wrong question, so the line sits above every near miss."""

STAR_KEY_POINTS = (
    "the situation: where, when and who, in a sentence or two",
    "your task: what you were responsible for",
    "the actions you took yourself (say I, not we)",
    "the result, with a number if you have one, and what you learned",
)

# Words that carry no meaning for matching: the interview frame ("tell me about a time")
# and function words. Without this, any two behavioral questions look alike.
_STOP_WORDS = (
    "a an the you your yours me my i we our us to of in on at for with and or but so it its "
    "this that there their them they is are was were be been being do does did have has had "
    "can could would should will shall may might tell describe give share walk talk through "
    "about time times when what which who whom how why where example situation something "
    "some any one bit just please kind sort want like really ever here now say under very "
    "handle handled deal dealt respond responded feel happen happened made make work worked "
    "got get received able need most over other candidate candidates s d ll m re ve t"
)
_STOP = frozenset(_STOP_WORDS.split())


# Words people use for the same thing in a question: matched as one.
_SAME = {
    "co-worker": "coworker",
    "colleague": "coworker",
    "teammate": "coworker",
    "client": "customer",
    "boss": "manager",
    "supervisor": "manager",
    "line manager": "manager",
    "job": "role",
    "position": "role",
    "post": "role",
    "cv": "resume",
    "résumé": "resume",
    "failure": "fail",
    "biggest": "greatest",
    "weakest": "weakness",
    "strongest": "strength",
    "company": "organisation",
    "organization": "organisation",
    "last": "current",
    "previous": "current",
    "5": "five",
    "3": "three",
    "10": "ten",
}
_SAME_RE = re.compile(r"\b(" + "|".join(re.escape(k) for k in _SAME) + r")\b")
# "...for this role" is said of every question in an interview for it.
_THIS_ROLE = re.compile(r"\b(for|in|at) (this|the) (role|job|position)\b")
_SUFFIXES = ("ments", "ment", "ings", "ing", "ed", "es", "s")


def _stem(word: str) -> str:
    """A light stem, enough for a question's words: "leaving" and "leave" both "leav",
    "disagreed" and "disagreement" both "disagre"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def _content(text: str) -> str:
    lowered = " ".join(text.lower().replace("’", "'").split())
    lowered = re.sub(r"'\w+", "", lowered)  # what's, you've: the contraction says nothing
    lowered = _THIS_ROLE.sub("", lowered)
    lowered = _SAME_RE.sub(lambda m: _SAME[m.group(1)], lowered)
    words = re.findall(r"[a-z0-9]+", lowered)
    return " ".join(dict.fromkeys(_stem(w) for w in words if w not in _STOP))


def similarity(a: str, b: str) -> float:
    """How alike two questions are, 0-100: the share of content words the two have in
    common (Dice: 2 x shared / both counts), words counting as shared when their stems are
    near-equal spellings. A word one of them has and the other lacks ("leave" in "Why are you
    leaving your current job?" against "Tell me about your current job") costs the match, which
    rapidfuzz's token-set ratio (a subset scores 100) did not. ``b`` is compared whole and by
    its leading clause, so "Tell me about a mistake you made at work" finds "Tell me about a
    mistake you made at work and how you handled it"."""
    return max(_dice(_content(a).split(), _content(part).split()) for part in _parts(b))


def _parts(text: str) -> list[str]:
    """The question, then its leading sentence and clause (before ", " / " or " / " and ")."""
    first = re.split(r"(?<=[.?!])\s+", text.strip(), maxsplit=1)[0]
    clause = re.split(r",\s+|\s+(?:or|and)\s+", first, maxsplit=1)[0]
    return list(dict.fromkeys(p for p in (text, first, clause) if p))


def _dice(left: list[str], right: list[str]) -> float:
    from rapidfuzz import fuzz  # deferred: only debriefs need it

    if not left or not right:
        return 0.0
    free = list(right)
    shared = 0
    for word in left:
        for j, other in enumerate(free):
            near = min(len(word), len(other)) >= 5 and fuzz.ratio(word, other) >= 85
            if word == other or near:
                del free[j]
                shared += 1
                break
    return 200 * shared / (len(left) + len(right))


def match_question(
    text: str, questions: Iterable[Question], threshold: float = MATCH_THRESHOLD
) -> tuple[Question, float] | None:
    """The most similar question if it reaches ``threshold``."""
    best: tuple[Question, float] | None = None
    for question in questions:
        score = similarity(text, question.text)
        if score >= threshold and (best is None or score > best[1]):
            best = (question, score)
    return best


def slug(text: str, words: int = 6) -> str:
    """An id-safe slug of a question's content words: "disagreed-coworker"."""
    tokens = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP]
    return "-".join(tokens[:words]) or "question"


def follow_up_note(company: str = "", role: str = "", interviewer: str = "") -> str:
    """A short note to send after the interview: thank them, ask for specific feedback,
    keep the door open. Placeholders in [brackets] are for you to fill in."""
    where = company.strip() or "[company]"
    what = role.strip() or "[role]"
    # First names: "Hi Priya," as people write to someone they have just met.
    who = (interviewer.split() or ["[name]"])[0]
    return (
        f"Subject: Thank you for the {what} interview\n"
        "\n"
        f"Hi {who},\n"
        "\n"
        f"Thank you for taking the time to talk with me about the {what} role at {where}. "
        "I enjoyed learning about [something you discussed].\n"
        "\n"
        "If you are open to it, I would be grateful for any specific feedback on my "
        "interview, especially on what I could have answered better. It would help me a "
        "lot as I keep preparing.\n"
        "\n"
        f"I remain very interested in {where} and would be glad to stay in touch about "
        "future openings.\n"
        "\n"
        "Best regards,\n"
        "[your name]\n"
    )


def parse_date(text: str, today: date) -> date:
    """``YYYY-MM-DD``, ``today`` or ``yesterday``; anything else is a MockintError."""
    value = text.strip().lower()
    if value in ("", "today"):
        return today
    if value == "yesterday":
        return today - timedelta(days=1)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise MockintError(
            f"interview date {text!r} is not a date: write it as YYYY-MM-DD, e.g. "
            f"{today.isoformat()}"
        ) from None


# --- saving ---------------------------------------------------------------------------------
