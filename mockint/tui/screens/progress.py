"""Progress: overall score, fillers per minute and pace over time; banks; weakest areas."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Label, Static
from textual_plotext import PlotextPlot

from mockint.fmt import count
from mockint.tui.data import ProgressData, ProgressPoint
from mockint.tui.messages import LoadFailed, ProgressLoaded
from mockint.tui.screens._app import mockint_app
from mockint.tui.widgets.score_card import flag_label, score_style

# (chart id, title, y label, value of a point)
CHARTS = (
    ("chart-overall", "Overall score", "score"),
    ("chart-fillers", "Fillers per minute", "per min"),
    ("chart-pace", "Pace (words per minute)", "wpm"),
)


def value(point: ProgressPoint, chart: str) -> float | None:
    if chart == "chart-overall":
        return float(point.overall)
    if chart == "chart-fillers":
        return point.fillers_per_minute
    return point.wpm


def series(data: ProgressData, chart: str) -> list[tuple[datetime, float]]:
    """(when, value) of every point that has the chart's value, oldest first."""
    found = ((p.when, value(p, chart)) for p in sorted(data.points, key=lambda p: p.when))
    return [(when, v) for when, v in found if v is not None]


@dataclass(frozen=True)
class TimeAxis:
    """An x axis by date: positions in days since the first day's midnight, and labelled
    ticks. Answers on one day spread by time of day; a single day is labelled by the hour."""

    xs: list[float]
    ticks: list[float]
    labels: list[str]
    title: str


def time_axis(moments: list[datetime], max_ticks: int = 4) -> TimeAxis:
    if not moments:
        return TimeAxis([], [], [], "date")
    start = datetime.combine(moments[0].date(), datetime.min.time())
    xs = [(m - start) / timedelta(days=1) for m in moments]
    first, last = moments[0].date(), moments[-1].date()
    if first == last:
        ticks = sorted({xs[0], xs[-1]})
        labels = [f"{start + timedelta(days=x):%H:%M}" for x in ticks]
        return TimeAxis(xs, ticks, labels, f"{first:%b} {first.day} (time of day)")
    span = (last - first).days
    count = max(2, min(max_ticks, span + 1))  # the first and the last day, evenly between
    days = sorted({round(i * span / (count - 1)) for i in range(count)})
    labels = [_day_label(first + timedelta(days=d), first.year != last.year) for d in days]
    return TimeAxis(xs, [float(d) for d in days], labels, "date")


def _day_label(day: date, with_year: bool) -> str:
    text = f"{day:%b} {day.day}"
    return f"{text} '{day:%y}" if with_year else text


def render_side(data: ProgressData) -> Text:
    text = Text("By bank\n", style="bold")
    for bank, average, answered in data.bank_averages():
        text.append(f"  {average:5.1f}", style=score_style(round(average)))
        text.append(f"  {bank} ", style="")
        text.append(f"({answered})\n", style="dim")
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
        app = mockint_app(self)
        try:
            self.post_message(ProgressLoaded(app.services.backend.progress(app.services.now())))
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
            self._draw(chart_id, title, ylabel, series(data, chart_id))
        self.query_one("#progress-side", Static).update(render_side(data))

    def _draw(
        self, chart_id: str, title: str, ylabel: str, points: list[tuple[datetime, float]]
    ) -> None:
        plot = self.query_one(f"#{chart_id}", PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.title(title)
        plt.ylabel(ylabel)
        axis = time_axis([when for when, _ in points])
        plt.xlabel(axis.title)
        if points:
            plt.plot(axis.xs, [v for _, v in points], marker="braille")
            plt.xticks(axis.ticks, axis.labels)
            plt.xlim(min(axis.ticks[0], axis.xs[0]), max(axis.ticks[-1], axis.xs[-1]))
        plot.refresh()

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        self.query_one("#progress-empty", Static).update(Text(message.error, style="red"))
