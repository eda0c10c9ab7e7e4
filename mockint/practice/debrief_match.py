"""Debriefs, the pure part: matching a question asked against the banks, guessing its kind,
its id, the interview's date, and the follow-up note (no I/O).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from mockint.errors import MockintError
from mockint.models import Kind, Question

MATCH_THRESHOLD = 85.0
"""Similarity (0-100) from which a question asked counts as one already in a bank. Tuned on
paraphrases of the bundled questions: "tell me about a time when you had a disagreement with
a co-worker" scores 96 against "Tell me about a time you disagreed with a coworker", while
unrelated questions sharing the "tell me about a time" frame stay below 85."""

STAR_KEY_POINTS = (
    "the situation: where, when and who, in a sentence or two",
    "your task: what you were responsible for",
    "the actions you took yourself (say I, not we)",
    "the result, with a number if you have one, and what you learned",
)

_BEHAVIORAL = re.compile(
    r"\b(tell (me|us) about a (time|situation|moment)|describe a (time|situation|moment)|"
    r"give (me |us )?an example|share an example|walk (me|us) through a time|"
    r"talk about a time|have you ever|recall a time)\b"
)
_SITUATIONAL = re.compile(
    r"\b(what would you do|how would you (handle|deal|respond|approach)|imagine|suppose|"
    r"what if)\b"
)
_CLOSING = re.compile(
    r"\b(questions for (us|me)|any questions|salary|compensation|notice period|"
    r"when can you start|availability)\b"
)
# Words that carry no meaning for matching: the interview frame ("tell me about a time")
# and function words. Without this, any two behavioral questions look alike.
_STOP_WORDS = (
    "a an the you your yours me my i we our us to of in on at for with and or but so it its "
    "this that there their them they is are was were be been being do does did have has had "
    "can could would should will shall may might tell describe give share walk talk through "
    "about time times when what which who whom how why where example situation something "
    "some any one bit just please kind sort"
)
_STOP = frozenset(_STOP_WORDS.split())


def _content(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower().replace("co-worker", "coworker"))
    kept = []
    for word in words:
        if word in _STOP:
            continue
        for suffix in ("ing", "ed", "es", "s", "ment"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        kept.append(word)
    return " ".join(kept)


def similarity(a: str, b: str) -> float:
    """How alike two questions are, 0-100: the mean of rapidfuzz's token-set and token-sort
    ratios over their content words. Token-set alone calls a question a match for anything
    that contains its words; token-sort alone misses reworded ones."""
    from rapidfuzz import fuzz  # deferred: only debriefs need it

    left, right = _content(a), _content(b)
    if not left or not right:
        return 0.0
    return (fuzz.token_set_ratio(left, right) + fuzz.token_sort_ratio(left, right)) / 2


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


def guess_kind(text: str) -> Kind:
    """Behavioral for "tell me about a time…", situational for "what would you do if…",
    closing for salary and "any questions for us", else personal."""
    lowered = " ".join(text.lower().split())
    for pattern, kind in (
        (_BEHAVIORAL, Kind.BEHAVIORAL),
        (_SITUATIONAL, Kind.SITUATIONAL),
        (_CLOSING, Kind.CLOSING),
    ):
        if pattern.search(lowered):
            return kind
    return Kind.PERSONAL


def slug(text: str, words: int = 6) -> str:
    """An id-safe slug of a question's content words: "disagreed-coworker"."""
    tokens = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP]
    return "-".join(tokens[:words]) or "question"


def follow_up_note(company: str = "", role: str = "", interviewer: str = "") -> str:
    """A short note to send after the interview: thank them, ask for specific feedback,
    keep the door open. Placeholders in [brackets] are for you to fill in."""
    where = company.strip() or "[company]"
    what = role.strip() or "[role]"
    who = interviewer.strip() or "[name]"
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
