"""Small text forms every front end shares: a length as ``m:ss``, a text cut to a width,
counts and lists in plain English, a streak in words."""

from __future__ import annotations

from datetime import date


def clock(seconds: float, *, running: bool = False) -> str:
    """``75.4`` → ``"1:15"``. A ``running`` clock (the recording timer) shows whole seconds
    gone, so it never reads a second ahead: ``9.9`` → ``"0:09"``."""
    total = max(0, int(seconds)) if running else round(seconds)
    return f"{total // 60}:{total % 60:02d}"


def clip(text: str | None, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters, ending in "…" when cut."""
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: max(0, width - 1)].rstrip() + "…"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``1 question``, ``2 questions``; ``plural`` where adding "s" is wrong."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def phrase(text: str) -> str:
    """A spoken phrase as the user reads it, quoted: the pronoun I is capital even though the
    scorer keeps every word lowercase ("i mean" → "'I mean'")."""
    return "'" + " ".join("I" if w == "i" else w for w in text.split()) + "'"


def times(n: int) -> str:
    """``once``, ``twice``, ``3 times``."""
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def listing(items: list[str], *, limit: int = 3, other: str = "other") -> str:
    """``a``, ``a and b``, ``a, b and c``; past ``limit`` the rest are counted, so a list
    never silently leaves some out: ``a, b and 2 others``."""
    shown = list(items)
    if len(shown) > limit:
        rest = len(shown) - (limit - 1)
        shown = [*shown[: limit - 1], count(rest, other)]
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def streak(current: int, best: int, last_day: date | None, practiced_today: bool) -> str:
    """The streak in one line. After a missed day it says the streak ended (and when), not
    "none yet": the user did practice, and should see that the break is what reset it."""
    if last_day is None:
        return "Streak: none yet: answer one question today to start one."
    if current == 0:
        return (
            f"Streak: ended after {last_day:%b} {last_day.day} (best {count(best, 'day')}): "
            "one answer today starts a new one."
        )
    today = "practiced today" if practiced_today else "practice today to keep it"
    return f"Streak: {count(current, 'day')} (best {best}), {today}."
