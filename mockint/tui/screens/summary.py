"""End of a session: the scores, what changed since last time, and when each comes back."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, Static

from mockint.fmt import count
from mockint.tui.context import ScreenContext
from mockint.tui.data import SessionRecap


def change(now: int | None, before: int | None) -> str:
    if now is None:
        return "not scored"
    if before is None:
        return "first time"
    delta = now - before
    return f"+{delta}" if delta > 0 else ("same" if delta == 0 else str(delta))


class SummaryScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "home", "Home", priority=True),
        Binding("escape", "home", "Home", show=False),
        Binding("h", "history", "History"),
    ]

    def __init__(self, ctx: ScreenContext, summary: SessionRecap) -> None:
        super().__init__()
        self.ctx = ctx
        self.summary = summary
        self._room = 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Label("Session done", classes="page-title")
            yield Static(self._headline(), id="summary-headline")
            yield DataTable(id="summary-table", cursor_type="row", zebra_stripes=True)
            yield Static("\n".join(self.summary.notes), id="summary-notes", classes="dim")
        yield Footer()

    def _headline(self) -> str:
        scores = [s for _, s, _, _ in self.summary.lines if s is not None]
        if not scores:
            return "No answers were scored this time. Everything you recorded is kept."
        pairs = [(s, b) for _, s, b, _ in self.summary.lines if s is not None and b is not None]
        better = sum(1 for s, b in pairs if s > b)
        text = f"{count(len(scores), 'answer')}, average {sum(scores) / len(scores):.0f}"
        return text + (f"; {better} better than last time." if better else ".")

    def on_resize(self) -> None:
        # The question takes the room the other columns leave (80 columns: about 40).
        room = min(60, max(20, self.size.width - 4 - (5 + 10 + 10) - 2 * 4))
        if room != self._room:
            self._room = room
            self._fill(room)

    def _fill(self, room: int) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_columns("Question", "Score", "Change", "Comes back")
        for text, score, before, due in self.summary.lines:
            table.add_row(
                text if len(text) <= room else text[: room - 1] + "…",
                "–" if score is None else str(score),
                change(score, before),
                due or "–",
            )

    def action_home(self) -> None:
        self.app.pop_screen()

    def action_history(self) -> None:
        from mockint.tui.screens.history import HistoryScreen

        self.app.switch_screen(HistoryScreen(self.ctx))
