"""Settings for practice planning (section ``practice:`` of config.yaml)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import ClassVar


@dataclass
class PracticeConfig:
    # Ranges checked when config.yaml is read (mockint.config): values outside them made
    # FSRS divide by zero, plans negative, or flags impossible.
    LIMITS: ClassVar[dict[str, tuple[float | None, float | None]]] = {
        "daily_questions": (1, 100),
        "daily_minutes": (0, 24 * 60),
        "feedback_seconds": (0, 3600),
        "desired_retention": (0.5, 0.99),
        "maximum_interval_days": (1, 36500),
        "again_below": (0, 100),
        "hard_below": (0, 100),
        "good_below": (0, 100),
        "weak_below": (0, 100),
        "weak_flag_count": (1, 100),
        "weak_flag_window": (1, 100),
        "leech_lapses": (1, 100),
        "unflag_after": (1, 100),
        "unflag_score": (0, 100),
    }

    daily_questions: int = 5
    """How many questions a daily plan holds (questions answered earlier today count)."""

    daily_minutes: int = 15
    """About how long a daily plan may take, in minutes; 0 means no time limit. The plan
    stops at whichever of ``daily_questions`` and ``daily_minutes`` is reached first."""

    feedback_seconds: int = 90
    """Time per question spent reading the feedback and getting ready, added to the answer
    length when estimating how long a plan takes."""

    field: str = ""
    """The field you interview in, as `mockint banks list` names fields (``healthcare``,
    ``education``, ``retail-hospitality``, ``software``…): the daily plan draws new questions
    from the general banks and this field's banks. Empty: the field you chose in the app, if
    any, else the general banks only."""

    banks: list[str] = dataclasses.field(default_factory=list)
    """Banks new questions are drawn from, e.g. ``[behavioral-core, software-engineering]``.
    Empty means the general banks, your field's banks and your own banks. Questions already
    in your history, and your debriefs, come back whatever this says."""

    desired_retention: float = 0.9
    """FSRS target: the chance you still answer a question well when it comes back. Higher
    brings questions back sooner."""

    maximum_interval_days: int = 365
    """The longest a question may stay away, in days."""

    again_below: int = 50
    """An answer scoring below this counts as Again (forgotten) for spaced repetition."""

    hard_below: int = 70
    """Below this (and not Again) counts as Hard."""

    good_below: int = 85
    """Below this (and not Hard) counts as Good; this score and above counts as Easy. Your
    own rating of an answer (Again/Hard/Good/Easy) always wins over the score's."""

    weak_below: int = 60
    """A question whose latest answer scored below this is flagged weak."""

    weak_flag_count: int = 3
    """A question is flagged weak when the same problem (e.g. ``missing_result``) shows up in
    this many of the last ``weak_flag_window`` answers, the latest included."""

    weak_flag_window: int = 4
    """How many recent answers the recurring-problem rule looks at."""

    leech_lapses: int = 3
    """Forgotten this many times (answered Again after having been learned) makes a question
    a leech, flagged weak."""

    unflag_after: int = 2
    """Automatic and debrief weak flags clear after this many good answers in a row (answers
    since the flag was set). Flags you set yourself clear only when you unmark them."""

    unflag_score: int = 75
    """An answer counts as good for clearing a weak flag from this score up (and only if you
    did not rate it Again or Hard yourself)."""

    def problems(self) -> list[str]:
        """Rules between settings (each setting's own range is in LIMITS)."""
        found: list[str] = []
        if self.again_below > self.hard_below:
            found.append(
                f"hard_below: must be at least again_below ({self.again_below}), "
                f"not {self.hard_below}"
            )
        if self.hard_below > self.good_below:
            found.append(
                f"good_below: must be at least hard_below ({self.hard_below}), "
                f"not {self.good_below}"
            )
        if self.weak_flag_count > self.weak_flag_window:
            found.append(
                f"weak_flag_count: must not exceed weak_flag_window ({self.weak_flag_window}), "
                f"not {self.weak_flag_count}"
            )
        return found


def practice_config(config: PracticeConfig | None) -> PracticeConfig:
    """``config``, or the defaults when the caller (a test) passes none. The user's
    config.yaml is read by the entry points only, which pass their section down."""
    return config if config is not None else PracticeConfig()
