"""The practice screen's stages, and which keys each one offers."""

from __future__ import annotations

from enum import StrEnum

from textual.binding import Binding, BindingType

from mockint.tui.bindings import RATE_BINDINGS


class Stage(StrEnum):
    """Where the screen is in one question's loop; each value is the id of its container."""

    CARD = "card"
    RECORD = "record"
    WORKING = "working"
    FEEDBACK = "feedback"
    TYPED = "typed"
    FILE = "file"


# Which stage each action belongs to; check_action hides the others from the footer.
STAGE_ACTIONS: dict[Stage, set[str]] = {
    Stage.CARD: {"start_now", "tips", "read_aloud", "skip", "typed", "from_file"},
    Stage.RECORD: {"stop"},
    Stage.WORKING: set(),
    Stage.FEEDBACK: {"replay", "redo", "rate", "weak", "unflag_weak", "next"},
    Stage.TYPED: {"submit_typed", "back_to_card"},
    Stage.FILE: {"back_to_card"},
}
ALWAYS = {"end_session"}


PRACTICE_BINDINGS: list[BindingType] = [
    # Labels stay short: every key of a stage must fit an 80-column footer.
    Binding("space", "start_now", "Start"),
    Binding("space", "stop", "Stop"),
    Binding("enter", "stop", "Stop", show=False),
    Binding("t", "tips", "Tips"),
    Binding("a", "read_aloud", "Read aloud"),
    Binding("s", "skip", "Skip"),
    Binding("y", "typed", "Type it"),
    Binding("f", "from_file", "File"),
    Binding("p", "replay", "Replay"),
    Binding("r", "redo", "Redo"),
    *RATE_BINDINGS,
    Binding("n", "next", "Next"),
    Binding("ctrl+s", "submit_typed", "Score it"),
    Binding("escape", "back_to_card", "Back"),
    Binding("escape", "end_session", "End session"),
]
