"""The overall score, its parts as bars, and the headline numbers."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

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


def render_card(data: FeedbackData) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="center", min_width=12)
    grid.add_column()
    parts = Table.grid(padding=(0, 1))
    for name, value in data.parts.items():
        parts.add_row(Text(name, style="dim"), bar(value), Text(f"{value:3d}"))
    overall = Text.assemble(
        (f"{data.overall}", f"bold {score_style(data.overall)}"), ("/100", "dim"), "\noverall"
    )
    grid.add_row(overall, parts)
    facts = [f"{data.duration_s:.0f} s"]
    if data.wpm is not None:
        facts.append(f"{data.wpm:.0f} wpm")
    facts.append(f"{data.fillers_total} fillers")
    if data.fillers_per_minute is not None:
        facts[-1] += f" ({data.fillers_per_minute:.1f}/min)"
    facts.append(f"{data.hedges_total} hedges")
    flags = ", ".join(flag_label(f) for f in data.flags)
    grid.add_row(Text(""), Text(" · ".join(facts), style="dim"))
    if flags:
        grid.add_row(Text(""), Text(f"Watch: {flags}", style="yellow"))
    return grid


class ScoreCard(Static):
    """Score summary for one answer."""

    def show(self, data: FeedbackData) -> None:
        self.update(render_card(data))
