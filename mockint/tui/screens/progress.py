"""Progress: overall score, fillers per minute and pace by day (mean and spread, gaps where
no practice happened, the pace band); each question's trend; banks; weakest areas."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Label, Static
from textual_plotext import PlotextPlot

from mockint.fmt import clip, count
from mockint.practice.progress import DayStat, by_day, question_trends, runs
from mockint.store.display import sparkline
from mockint.tui.context import ScreenContext
from mockint.tui.data import ProgressData, ProgressPoint
from mockint.tui.messages import LoadFailed, ProgressLoaded
from mockint.tui.widgets.score_card import flag_label, score_style

# (chart id, title, y label, value of a point)
CHARTS = (
    ("chart-overall", "Overall score (daily mean, spread)", "score"),
    ("chart-fillers", "Fillers per minute", "per min"),
    ("chart-pace", "Pace (wpm; target band)", "wpm"),
)
SPOKEN_ONLY = {
    "chart-fillers": "Fillers per minute: none yet (spoken answers only)",
    "chart-pace": "Pace: none yet (spoken answers only)",
}
"""What an empty chart says: typed answers have no minutes, so only spoken ones draw these."""

PACE_BAND = (120.0, 160.0)
"""The interview pace band (docs/architecture.md), drawn on the pace chart."""


def value(point: ProgressPoint, chart: str) -> float | None:
    if chart == "chart-overall":
        return float(point.overall)
    if chart == "chart-fillers":
        return point.fillers_per_minute
    return point.wpm


def chart_title(chart: str, title: str, stats: list[DayStat]) -> str:
    """The chart's title; an empty box says why it is empty (never a blank frame)."""
    return title if stats else SPOKEN_ONLY.get(chart, f"{title}: none yet")


def daily(data: ProgressData, chart: str) -> list[DayStat]:
    """The chart's measure, one point per practice day (mean and spread), oldest first."""
    return by_day((p.when.date(), value(p, chart)) for p in data.points)


@dataclass(frozen=True)
class TimeAxis:
    """An x axis by date: positions in days since the first day, and labelled ticks."""

    xs: list[float]
    ticks: list[float]
    labels: list[str]
    title: str


def time_axis(days: list[date], max_ticks: int = 4) -> TimeAxis:
    if not days:
        return TimeAxis([], [], [], "date")
    first, last = days[0], days[-1]
    xs = [float((d - first).days) for d in days]
    span = (last - first).days
    count = max(1, min(max_ticks, span + 1))  # the first and the last day, evenly between
    offsets = sorted({round(i * span / max(1, count - 1)) for i in range(count)})
    labels = [_day_label(first + timedelta(days=d), first.year != last.year) for d in offsets]
    return TimeAxis(xs, [float(d) for d in offsets], labels, "date")


def y_range(stats: list[DayStat], band: tuple[float, float] | None) -> tuple[float, float]:
    """Room for every point, its spread and the band, so no line leaves the chart's frame."""
    values = [v for s in stats for v in (s.low, s.high)] + list(band or ())
    low, high = min(values), max(values)
    pad = max(1.0, (high - low) * 0.08)
    return max(0.0, low - pad), high + pad


def _day_label(day: date, with_year: bool) -> str:
    text = f"{day:%b} {day.day}"
    return f"{text} '{day:%y}" if with_year else text


def render_side(data: ProgressData) -> Text:
    text = Text("By bank\n", style="bold")
    for bank, average, answered in data.bank_averages():
        text.append(f"  {average:5.1f}", style=score_style(round(average)))
        text.append(f"  {bank} ", style="")
        text.append(f"({answered})\n", style="dim")
    trends = question_trends((p.question_id, p.question_text, p.overall) for p in data.points)
    if trends:
        text.append("\nBy question (first → latest)\n", style="bold")
    lines = [(sparkline(t.scores, width=8), t) for t in trends]
    width = max((len(line) for line, _ in lines), default=0)
    for line, trend in lines:
        text.append(f"  {line:{width}} ", style="cyan")
        text.append(f"{trend.scores[0]}→{trend.scores[-1]} ", style=score_style(trend.scores[-1]))
        text.append(f"{clip(trend.text, 22)}\n", style="dim")
    text.append("\nWeakest areas\n", style="bold")
    if not data.weakest_areas:
        text.append("  nothing stands out yet\n", style="dim")
    for flag, raised in data.weakest_areas:
        text.append(f"  {flag_label(flag)}", style="yellow")
        text.append(f" in {count(raised, 'answer')}\n", style="dim")
    text.rstrip()
    return text


class ProgressScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, ctx: ScreenContext) -> None:
        super().__init__()
        self.ctx = ctx

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Label("Progress", classes="page-title")
            yield Static("Loading…", id="progress-empty", classes="dim")
            with Grid(id="progress-grid"):
                for chart_id, _, _ in CHARTS:
                    yield PlotextPlot(id=chart_id)
                yield Static("", id="progress-side", classes="panel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#progress-grid").display = False
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        try:
            self.post_message(
                ProgressLoaded(self.ctx.services.backend.progress(self.ctx.services.now()))
            )
        except Exception as exc:
            self.post_message(LoadFailed(f"could not read your progress: {exc}"))

    @on(ProgressLoaded)
    def _loaded(self, message: ProgressLoaded) -> None:
        data = message.data
        empty = self.query_one("#progress-empty", Static)
        if len(data.points) < 2:
            empty.update(
                "Charts appear after two scored answers. "
                "Practice a little each day: the lines here are how you see it working."
            )
            return
        empty.display = False
        self.query_one("#progress-grid").display = True
        for chart_id, title, ylabel in CHARTS:
            self._draw(chart_id, title, ylabel, daily(data, chart_id))
        self.query_one("#progress-side", Static).update(render_side(data))

    def _draw(self, chart_id: str, title: str, ylabel: str, stats: list[DayStat]) -> None:
        plot = self.query_one(f"#{chart_id}", PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.title(chart_title(chart_id, title, stats))
        plt.ylabel(ylabel)
        axis = time_axis([s.day for s in stats])
        plt.xlabel(axis.title)
        if stats:
            band = PACE_BAND if chart_id == "chart-pace" else None
            if band:
                for edge in band:
                    plt.hline(edge, "green")
            x_of = dict(zip((s.day for s in stats), axis.xs, strict=True))
            for s in stats:  # the day's spread, under its mean
                if s.high > s.low:
                    plt.plot([x_of[s.day]] * 2, [s.low, s.high], marker="│", color="gray")
            for run in runs(stats):  # only consecutive days are joined: gaps stay gaps
                xs, means = [x_of[s.day] for s in run], [s.mean for s in run]
                draw = plt.plot if len(run) > 1 else plt.scatter
                draw(xs, means, marker="braille" if len(run) > 1 else "●", color="cyan")
            plt.xticks(axis.ticks, axis.labels)
            plt.xlim(-0.5, axis.xs[-1] + 0.5)
            plt.ylim(*y_range(stats, band))
        plot.refresh()

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        self.query_one("#progress-empty", Static).update(Text(message.error, style="red"))
