"""A live input level meter: how loud the microphone hears you, in dBFS."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

FLOOR_DBFS = -60.0
"""Quieter than this shows as an empty meter (room noise)."""
SPEECH_DBFS = -35.0
"""Around where normal speech into a laptop microphone starts."""


def level_fraction(dbfs: float) -> float:
    """0.0 at the floor (or silence), 1.0 at full scale."""
    if dbfs != dbfs or dbfs <= FLOOR_DBFS:  # NaN or below the floor
        return 0.0
    return min(1.0, (dbfs - FLOOR_DBFS) / -FLOOR_DBFS)


class LevelMeter(Widget):
    """One line: a bar that follows the level, and a word on whether it is enough."""

    DEFAULT_CSS = """
    LevelMeter { height: 1; }
    """

    level_dbfs: reactive[float] = reactive(FLOOR_DBFS)

    def render(self) -> Text:
        width = max(10, self.size.width - 16)
        filled = round(level_fraction(self.level_dbfs) * width)
        style = "green" if self.level_dbfs >= SPEECH_DBFS else "dim"
        if self.level_dbfs > -3:
            style = "red"  # clipping: too close or too loud
        label = "silence" if self.level_dbfs <= FLOOR_DBFS else f"{self.level_dbfs:5.0f} dBFS"
        return Text.assemble(
            ("▮" * filled, style), ("·" * (width - filled), "dim"), "  ", (label, "dim")
        )
