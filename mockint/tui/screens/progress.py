"""Progress: overall score, fillers per minute and pace over time; banks; weakest areas."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Label, Static
from textual_plotext import PlotextPlot

from mockint.tui.data import ProgressData
from mockint.tui.messages import LoadFailed, ProgressLoaded
from mockint.tui.widgets.score_card import flag_label, score_style

if TYPE_CHECKING:
    pass

# (chart id, title, y label, value of a point)
CHARTS = (
    ("chart-overall", "Overall score", "score"),
    ("chart-fillers", "Fillers per minute", "per min"),
    ("chart-pace", "Pace (words per minute)", "wpm"),
)


def series(data: ProgressData, chart: str) -> list[float]:
    values: list[float | None]
    if chart == "chart-overall":
        values = [float(p.overall) for p in data.points]
    elif chart == "chart-fillers":
        values = [p.fillers_per_minute for p in data.points]
    else:
        values = [p.wpm for p in data.points]
    return [v for v in values if v is not None]


def render_side(data: ProgressData) -> Text:
    text = Text("By bank\n", style="bold")
    for bank, average, count in data.bank_averages():
        text.append(f"  {average:5.1f}", style=score_style(round(average)))
        text.append(f"  {bank} ", style="")
        text.append(f"({count})\n", style="dim")
    text.append("\nWeakest areas\n", style="bold")
    if not data.weakest_areas:
        text.append("  nothing stands out yet\n", style="dim")
    for flag, count in data.weakest_areas:
        text.append(f"  {flag_label(flag)}", style="yellow")
        text.append(f" in {count} answer(s)\n", style="dim")
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
        from mockint.tui.app import MockintApp

        app = self.app
        assert isinstance(app, MockintApp)
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

    def _draw(self, chart_id: str, title: str, ylabel: str, values: list[float]) -> None:
        plot = self.query_one(f"#{chart_id}", PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.title(title)
        plt.xlabel("attempt")
        plt.ylabel(ylabel)
        if values:
            plt.plot(list(range(1, len(values) + 1)), values, marker="braille")
        plot.refresh()

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        self.query_one("#progress-empty", Static).update(Text(message.error, style="red"))
