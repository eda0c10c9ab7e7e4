"""Key bindings shared by more than one screen (bindings are data: one list, one meaning)."""

from __future__ import annotations

from textual.binding import Binding

from mockint.models import RATINGS

RATE_BINDINGS = [
    # Hidden from the footer: the feedback's status line spells out 1–4 itself.
    *(
        Binding(str(value), f"rate('{name}')", name.title(), show=False)
        for value, name in enumerate(RATINGS, start=1)
    ),
    # One key, two labels: the footer says what w will do (check_action shows one of them).
    Binding("w", "weak", "Flag weak"),
    Binding("w", "unflag_weak", "Unflag"),
]
"""Rate an answer yourself (Again/Hard/Good/Easy: your rating wins over the score's) and
flag its question weak, or unflag it; on the practice feedback and on a past attempt alike."""

WEAK_ACTIONS = ("weak", "unflag_weak")


def weak_offered(action: str, weak: bool | None) -> bool:
    """Whether the footer offers ``action`` (one of :data:`WEAK_ACTIONS`) when the question's
    flag is ``weak``: "Flag weak" when it is not, "Unflag" when it is, neither while the flag
    is still being read (so the label never shows one state and then flips)."""
    if weak is None:
        return False
    return (action == "unflag_weak") == weak
