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
    Binding("w", "weak", "Flag weak"),
]
"""Rate an answer yourself (Again/Hard/Good/Easy: your rating wins over the score's) and
flag its question weak; on the practice feedback and on a past attempt alike."""
