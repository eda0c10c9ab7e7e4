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
    Stage.CARD: {
        "start_now",
        "pause",
        "tips",
        "read_aloud",
        "skip",
        "typed",
        "from_file",
        "outline",
    },
    Stage.RECORD: {"stop", "tips"},
    Stage.WORKING: set(),
    Stage.FEEDBACK: {
        "replay",
        "redo",
        "rate",
        "weak",
        "unflag_weak",
        "discard",
        "outline",
        "follow_up",
        "next",
    },
    Stage.TYPED: {"submit_typed", "back_to_card"},
    Stage.FILE: {"back_to_card"},
}
ALWAYS = {"end_session"}


PRACTICE_BINDINGS: list[BindingType] = [
    # Labels stay short: every key of a stage must fit an 80-column footer.
    Binding("space", "start_now", "Start"),
    Binding("space", "stop", "Stop"),
    Binding("enter", "stop", "Stop", show=False),
    # Hidden from the footer (it would not fit 80 columns): the lines that offer them say so.
    Binding("p", "pause", "Pause", show=False),
    Binding("t", "tips", "Tips"),
    Binding("a", "read_aloud", "Read aloud"),
    Binding("s", "skip", "Skip"),
    Binding("y", "typed", "Type it"),
    Binding("f", "from_file", "File"),
    Binding("p", "replay", "Replay"),
    Binding("r", "redo", "Redo"),
    Binding("x", "discard", "Discard"),
    Binding("o", "outline", "Outline", show=False),
    Binding("f", "follow_up", "Follow-up", show=False),
    *RATE_BINDINGS,
    Binding("n", "next", "Next"),
    Binding("ctrl+s", "submit_typed", "Score it"),
    Binding("escape", "back_to_card", "Back"),
    Binding("escape", "end_session", "End session"),
]
