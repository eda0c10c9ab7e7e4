"""The overall score, its parts as bars, and the headline numbers."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from mockint.fmt import count
from mockint.tui.feedback import FeedbackData

FLAG_LABELS = {
    "no_speech": "no speech heard",
    "too_short": "too short",
    "too_long": "too long",
    "too_fast": "too fast",
    "too_slow": "too slow",
    "filler_heavy": "many fillers",
    "long_pauses": "long pauses",
    "hedging": "hedging",
    "missing_situation": "no situation",
    "missing_task": "no task",
    "missing_action": "no action",
    "missing_result": "no result",
    "no_numbers_in_result": "result without numbers",
    "we_not_i": "“we” more than “I”",
}


def score_style(score: int) -> str:
    return "green" if score >= 75 else "yellow" if score >= 50 else "red"


def bar(score: int, width: int = 20) -> Text:
    filled = round(max(0, min(100, score)) / 100 * width)
    return Text.assemble(("█" * filled, score_style(score)), ("░" * (width - filled), "dim"))


def flag_label(flag: str) -> str:
    return FLAG_LABELS.get(flag, flag.replace("_", " "))


def render_card(data: FeedbackData, width: int = 80) -> Table:
    """The card for a content ``width``: side by side when wide, stacked when narrow (a
    compare column, an 80-column terminal's half)."""
    narrow = width < 56
    bar_width = 20 if not narrow else max(5, min(20, width - 15))
    parts = Table.grid(padding=(0, 1))
    for name, value in data.parts.items():
        parts.add_row(Text(name, style="dim"), bar(value, bar_width), Text(f"{value:3d}"))
    score = Text.assemble((f"{data.overall}", f"bold {score_style(data.overall)}"), ("/100", "dim"))
    facts = Text(" · ".join(_facts(data)), style="dim")
    flags = ", ".join(flag_label(f) for f in data.flags)
    watch = Text(f"Watch: {flags}", style="yellow") if flags else None
    if narrow:
        grid = Table.grid()
        grid.add_column()
        grid.add_row(Text.assemble(score, " overall"))
        for row in (parts, facts, watch):
            if row is not None:
                grid.add_row(row)
        return grid
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="center", min_width=12)
    grid.add_column()
    grid.add_row(Text.assemble(score, "\noverall"), parts)
    grid.add_row(Text(""), facts)
    if watch is not None:
        grid.add_row(Text(""), watch)
    return grid


def _facts(data: FeedbackData) -> list[str]:
    """Length (the scorer's: what the tips quote), pace, fillers, hedges."""
    facts = [data.length_text]
    if data.wpm is not None:
        facts.append(f"{data.wpm:.0f} wpm")
    fillers = count(data.fillers_total, "filler")
    if data.fillers_per_minute is not None:
        fillers += f" ({data.fillers_per_minute:.1f}/min)"
    facts.append(fillers)
    facts.append(count(data.hedges_total, "hedge"))
    return facts


class ScoreCard(Static):
    """Score summary for one answer; re-laid out when its width changes."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.data: FeedbackData | None = None

    def show(self, data: FeedbackData) -> None:
        self.data = data
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self.data is not None:
            self.update(render_card(self.data, self.content_size.width or 80))
