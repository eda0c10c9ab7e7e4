"""History: every attempt in a table; one in full with replay; two side by side."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Label, Static

from mockint.tui.data import AttemptDetail, AttemptRow
from mockint.tui.feedback import FeedbackData
from mockint.tui.messages import (
    AttemptLoaded,
    AttemptsLoaded,
    LoadFailed,
    Notice,
    PlaybackPosition,
)
from mockint.tui.screens._replay import Replayer
from mockint.tui.widgets.feedback_view import FeedbackView
from mockint.tui.widgets.score_card import flag_label, score_style

if TYPE_CHECKING:
    from mockint.tui.app import MockintApp


def matches(row: AttemptRow, query: str) -> bool:
    """Filter words must each appear in the bank, question or flags (case-insensitive)."""
    hay = " ".join((row.bank, row.question_id, row.question_text, *row.flags)).lower()
    return all(word in hay for word in query.lower().split())


def sort_rows(rows: list[AttemptRow], key: str) -> list[AttemptRow]:
    if key == "score":
        return sorted(rows, key=lambda r: (r.overall is None, -(r.overall or 0)))
    return sorted(rows, key=lambda r: r.created_at, reverse=True)


def _mockint(screen: Screen[None]) -> MockintApp:
    from mockint.tui.app import MockintApp

    assert isinstance(screen.app, MockintApp)
    return screen.app


class HistoryScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open"),
        Binding("slash", "filter", "Filter"),
        Binding("s", "sort('score')", "By score"),
        Binding("d", "sort('date')", "By date"),
        Binding("m", "mark", "Mark to compare"),
        Binding("c", "compare", "Compare"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[AttemptRow] = []
        self.shown: list[AttemptRow] = []
        self.sort_key = "date"
        self.marked: AttemptRow | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Label("History", classes="page-title")
            yield Input(
                placeholder="filter: bank, question or flag (e.g. missing_result)",
                id="history-filter",
            )
            yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="history-empty", classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("When", "Bank", "Question", "Length", "Score", "Flags")
        self.load()

    def on_screen_resume(self) -> None:
        self.query_one(DataTable).focus()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        try:
            self.post_message(AttemptsLoaded(_mockint(self).services.backend.attempts()))
        except Exception as exc:
            self.post_message(LoadFailed(f"could not read your history: {exc}"))

    @on(AttemptsLoaded)
    def _loaded(self, message: AttemptsLoaded) -> None:
        self.rows = message.rows
        self.refill()
        self.query_one(DataTable).focus()

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        self.query_one("#history-empty", Static).update(Text(message.error, style="red"))

    def refill(self) -> None:
        query = self.query_one("#history-filter", Input).value
        self.shown = sort_rows([r for r in self.rows if matches(r, query)], self.sort_key)
        table = self.query_one(DataTable)
        table.clear()
        for row in self.shown:
            mark = "▶ " if self.marked and self.marked.id == row.id else ""
            table.add_row(
                mark + row.created_at.strftime("%Y-%m-%d %H:%M"),
                row.bank,
                _short(row.question_text, 34),
                f"{row.duration_s:.0f} s" if row.duration_s else "–",
                _score_cell(row),
                _short(", ".join(flag_label(f) for f in row.flags), 18),
                key=str(row.id),
            )
        empty = self.query_one("#history-empty", Static)
        if not self.rows:
            empty.update("No attempts yet. Answer a question (d on the home screen) to start.")
        elif not self.shown:
            empty.update("Nothing matches the filter.")
        else:
            empty.update(f"{len(self.shown)} of {len(self.rows)} attempts, by {self.sort_key}")

    @on(Input.Changed, "#history-filter")
    def _filter_changed(self) -> None:
        self.refill()

    @on(Input.Submitted, "#history-filter")
    def _filter_done(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_open()

    def current(self) -> AttemptRow | None:
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row < 0 or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def action_open(self) -> None:
        row = self.current()
        if row:
            self.app.push_screen(AttemptScreen(row.id))

    def action_filter(self) -> None:
        self.query_one("#history-filter", Input).focus()

    def action_sort(self, key: str) -> None:
        self.sort_key = key
        self.refill()

    def action_mark(self) -> None:
        row = self.current()
        if row is None:
            return
        self.marked = None if self.marked and self.marked.id == row.id else row
        cursor = self.query_one(DataTable).cursor_row
        self.refill()
        self.query_one(DataTable).move_cursor(row=cursor)
        if self.marked:
            self.notify("Marked. Move to another attempt of the same question and press c.")

    def action_compare(self) -> None:
        row = self.current()
        if self.marked is None or row is None or row.id == self.marked.id:
            self.notify("Mark one attempt with m, then press c on another.", severity="warning")
            return
        if row.question_id != self.marked.question_id:
            self.notify("Compare works on two attempts of the same question.", severity="warning")
            return
        self.app.push_screen(CompareScreen(self.marked.id, row.id))

    def action_back(self) -> None:
        if self.query_one("#history-filter", Input).has_focus:
            self.query_one(DataTable).focus()
        else:
            self.app.pop_screen()


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _score_cell(row: AttemptRow) -> Text:
    if row.overall is None:
        return Text(row.status or "–", style="dim")
    return Text(str(row.overall), style=score_style(row.overall))


def _detail_title(detail: AttemptDetail) -> str:
    row = detail.row
    return f"{row.created_at:%Y-%m-%d %H:%M} · {row.bank} · {row.question_text}"


class AttemptScreen(Screen[None]):
    """One attempt in full, with replay (the current word follows the audio)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "replay", "Replay"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, attempt_id: int) -> None:
        super().__init__()
        self.attempt_id = attempt_id
        self.detail: AttemptDetail | None = None
        self.replayer: Replayer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Label("Loading…", id="attempt-title", classes="page-title")
            yield Static("", id="attempt-note", classes="dim")
            yield FeedbackView(id="attempt-feedback")
        yield Footer()

    def on_mount(self) -> None:
        self.replayer = Replayer(self, _mockint(self).services)
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        try:
            detail = _mockint(self).services.backend.attempt(self.attempt_id)
        except Exception as exc:
            self.post_message(LoadFailed(f"could not read attempt {self.attempt_id}: {exc}"))
            return
        self.post_message(AttemptLoaded(detail))

    @on(AttemptLoaded)
    def _loaded(self, message: AttemptLoaded) -> None:
        detail = self.detail = message.detail
        self.query_one("#attempt-title", Label).update(_detail_title(detail))
        note = self.query_one("#attempt-note", Static)
        if detail.result is None:
            self.query_one(FeedbackView).display = False
            audio = detail.row.audio_path
            kept = f" The recording is kept at {audio}." if audio else ""
            note.update(f"This attempt was not scored ({detail.error or detail.row.status}).{kept}")
            return
        self.query_one(FeedbackView).show(FeedbackData.from_dict(detail.result))
        note.update("p replays the answer; the current word is highlighted.")

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        self.query_one("#attempt-note", Static).update(Text(message.error, style="red"))

    @on(PlaybackPosition)
    def _position(self, message: PlaybackPosition) -> None:
        self.query_one(FeedbackView).follow(message.position_s)

    @on(Notice)
    def _notice(self, message: Notice) -> None:
        self.notify(message.text, severity=message.severity)  # type: ignore[arg-type]

    def action_replay(self) -> None:
        if self.replayer and self.detail:
            self.replayer.toggle(self.detail.row.audio_path)

    def action_back(self) -> None:
        if self.replayer:
            self.replayer.stop()
        self.app.pop_screen()


class CompareScreen(Screen[None]):
    """Two attempts of one question, side by side (older on the left)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, first_id: int, second_id: int) -> None:
        super().__init__()
        self.ids = (first_id, second_id)

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Label("Compare", id="compare-title", classes="page-title")
            with Horizontal(id="compare-body"):
                for side in ("left", "right"):
                    with Vertical(classes="compare-side"):
                        yield Label("", id=f"compare-{side}-title", classes="panel-title")
                        yield FeedbackView(id=f"compare-{side}")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        backend = _mockint(self).services.backend
        try:
            details = sorted((backend.attempt(i) for i in self.ids), key=lambda d: d.row.created_at)
        except Exception as exc:
            self.post_message(LoadFailed(f"could not read the attempts: {exc}"))
            return
        for detail in details:
            self.post_message(AttemptLoaded(detail))

    @on(AttemptLoaded)
    def _loaded(self, message: AttemptLoaded) -> None:
        side = "left" if not self.query_one("#compare-left", FeedbackView).data else "right"
        detail = message.detail
        self.query_one("#compare-title", Label).update(f"Compare · {detail.row.question_text}")
        title = f"{detail.row.created_at:%Y-%m-%d %H:%M}"
        self.query_one(f"#compare-{side}-title", Label).update(title)
        view = self.query_one(f"#compare-{side}", FeedbackView)
        if detail.result:
            view.show(FeedbackData.from_dict(detail.result))
        else:
            view.data = FeedbackData.from_dict({})  # marks the side as taken

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        self.query_one("#compare-title", Label).update(Text(message.error, style="red"))
