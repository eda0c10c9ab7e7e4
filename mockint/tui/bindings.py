"""Key bindings shared by more than one screen (bindings are data: one list, one meaning)."""

from __future__ import annotations

from textual.binding import Binding

RATE_BINDINGS = [
    # Hidden from the footer: the feedback's status line spells out 1–4 itself.
    Binding("1", "rate('again')", "Again", show=False),
    Binding("2", "rate('hard')", "Hard", show=False),
    Binding("3", "rate('good')", "Good", show=False),
    Binding("4", "rate('easy')", "Easy", show=False),
    Binding("w", "weak", "Flag weak"),
]
"""Rate an answer yourself (Again/Hard/Good/Easy: your rating wins over the score's) and
flag its question weak; on the practice feedback and on a past attempt alike."""
