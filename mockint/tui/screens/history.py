"""History: every attempt in a table; one in full with replay; two side by side."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Label, Static

from mockint.fmt import clip, clock, count
from mockint.models import RATINGS
from mockint.tui.bindings import RATE_BINDINGS, WEAK_ACTIONS, weak_offered
from mockint.tui.context import ScreenContext
from mockint.tui.data import AttemptDetail, AttemptRow
from mockint.tui.jobs import SaveJob, save_in_background
from mockint.tui.messages import (
    AttemptLoaded,
    AttemptsLoaded,
    LoadFailed,
    Notice,
    PlaybackPosition,
)
from mockint.tui.screens._replay import Replayer
from mockint.tui.screens.compare import CompareScreen
from mockint.tui.widgets.feedback_view import FeedbackView
from mockint.tui.widgets.score_card import flag_label, score_style


def matches(row: AttemptRow, query: str) -> bool:
    """Filter words must each appear in the bank, question or flags (case-insensitive)."""
    hay = " ".join((row.bank, row.question_id, row.question_text, *row.flags)).lower()
    return all(word in hay for word in query.lower().split())


def sort_rows(rows: list[AttemptRow], key: str) -> list[AttemptRow]:
    if key == "score":
        return sorted(rows, key=lambda r: (r.overall is None, -(r.overall or 0)))
    return sorted(rows, key=lambda r: r.created_at, reverse=True)


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

    def __init__(self, ctx: ScreenContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[AttemptRow] = []
        self.shown: list[AttemptRow] = []
        self.sort_key = "date"
        self.marked: AttemptRow | None = None
        self._columns: Columns | None = None

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
        self.load()

    def on_resize(self) -> None:
        if self.rows and columns_for(self.size.width, self.rows) != self._columns:
            self.refill()

    def on_screen_resume(self) -> None:
        self.query_one(DataTable).focus()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        try:
            self.post_message(AttemptsLoaded(self.ctx.services.backend.attempts()))
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
        self.refresh_bindings()
        query = self.query_one("#history-filter", Input).value
        self.shown = sort_rows([r for r in self.rows if matches(r, query)], self.sort_key)
        table = self.query_one(DataTable)
        cols = self._columns = columns_for(self.size.width, self.rows)
        table.clear(columns=True)
        # "Audio": the recording's length, as `mockint history` prints it. The answer's own
        # length (first word to last, what the tips quote) is on the attempt's score card.
        headers = ["When", "Bank", "Question", "Audio", "Score"]
        table.add_columns(*headers, *(["Flags"] if cols.flags else []))
        for row in self.shown:
            mark = "▶ " if self.marked and self.marked.id == row.id else ""
            cells: list[str | Text] = [
                mark + row.created_at.strftime(cols.when),
                clip(row.bank, cols.bank),
                clip(row.question_text, cols.question),
                _audio_cell(row),
                _score_cell(row),
            ]
            if cols.flags:
                cells.append(clip(", ".join(flag_label(f) for f in row.flags), cols.flags))
            table.add_row(*cells, key=str(row.id))
        empty = self.query_one("#history-empty", Static)
        if not self.rows:
            # "d" here sorts by date: say how to get to the home screen's d first.
            empty.update(
                "No attempts yet. Press esc, then d on the home screen to practise today's "
                "questions: every answer shows up here."
            )
        elif not self.shown:
            empty.update("Nothing matches the filter.")
        else:
            empty.update(
                f"{len(self.shown)} of {count(len(self.rows), 'attempt')}, by {self.sort_key}"
            )

    @on(Input.Changed, "#history-filter")
    def _filter_changed(self) -> None:
        self.refill()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # An empty history offers only the way back; c once an attempt is marked.
        if action in ("open", "filter", "sort", "mark"):
            return bool(self.rows)
        if action == "compare":
            return self.marked is not None
        return True

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
            self.app.push_screen(AttemptScreen(self.ctx, row.id))

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
        self.app.push_screen(CompareScreen(self.ctx, self.marked.id, row.id))

    def action_back(self) -> None:
        if self.query_one("#history-filter", Input).has_focus:
            self.query_one(DataTable).focus()
        else:
            self.app.pop_screen()


@dataclass(frozen=True)
class Columns:
    """The history table's shape for one terminal width."""

    when: str
    """strftime format of the date column."""
    bank: int
    question: int
    flags: int
    """Width of the flags column; 0 leaves it out (the attempt's own screen lists them)."""


def columns_for(width: int, rows: list[AttemptRow] | None = None) -> Columns:
    """Everything essential fits ``width`` columns: narrow terminals (80) drop the year and
    the flags column, and the question takes whatever room is left."""
    bank = min(12, max((len(r.bank) for r in rows or ()), default=4))
    bank = max(bank, 4)
    # Page padding, scrollbar, and one cell of padding each side of every column.
    room = width - 4
    if width >= 100:
        fixed = 18 + bank + 5 + 5 + 2 * 6  # "▶ " + "2025-03-14 09:15"
        flags = 16
        return Columns("%Y-%m-%d %H:%M", bank, max(20, min(50, room - fixed - flags)), flags)
    fixed = 13 + bank + 5 + 5 + 2 * 5  # "▶ " + "03-14 09:15"
    return Columns("%m-%d %H:%M", bank, max(16, room - fixed), 0)


def _audio_cell(row: AttemptRow) -> Text:
    if row.audio_path is None:
        return Text("typed", style="dim")
    if row.duration_s is None:
        return Text("–", style="dim")
    return Text(clock(row.duration_s))


def _score_cell(row: AttemptRow) -> Text:
    if row.overall is None:
        return Text(row.status or "–", style="dim")
    return Text(str(row.overall), style=score_style(row.overall))


def _detail_title(detail: AttemptDetail) -> str:
    row = detail.row
    return f"{row.created_at:%Y-%m-%d %H:%M} · {row.bank} · {row.question_text}"


class AttemptScreen(Screen[None]):
    """One attempt in full, with replay (the current word follows the audio); 1–4 rate it
    and w flags its question weak, as on the practice screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "replay", "Replay"),
        *RATE_BINDINGS,
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, ctx: ScreenContext, attempt_id: int) -> None:
        super().__init__()
        self.ctx = ctx
        self.attempt_id = attempt_id
        self.detail: AttemptDetail | None = None
        self.replayer: Replayer | None = None
        self.rated: str | None = None
        self.weak = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Label("Loading…", id="attempt-title", classes="page-title")
            yield Static("", id="attempt-note", classes="dim")
            yield FeedbackView(id="attempt-feedback")
            yield Static("", id="attempt-status", classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        self.replayer = Replayer(self, self.ctx.services)
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        backend = self.ctx.services.backend
        try:
            detail = backend.attempt(self.attempt_id)
        except Exception as exc:
            self.post_message(LoadFailed(f"could not read attempt {self.attempt_id}: {exc}"))
            return
        try:
            weak = bool(detail.row.question_id) and backend.is_weak(detail.row.question_id)
        except Exception:
            weak = False  # the flag is a nicety: the attempt itself still shows
        self.post_message(AttemptLoaded(detail, weak))

    @property
    def typed(self) -> bool:
        """A typed answer: scored from text, never any audio."""
        return self.detail is not None and self.detail.row.audio_path is None

    @on(AttemptLoaded)
    def _loaded(self, message: AttemptLoaded) -> None:
        detail = self.detail = message.detail
        self.rated, self.weak = detail.row.self_rating, message.weak
        self.query_one("#attempt-title", Label).update(_detail_title(detail))
        note = self.query_one("#attempt-note", Static)
        self._show_status()
        self.refresh_bindings()
        if detail.result is None:
            self.query_one(FeedbackView).display = False
            audio = detail.row.audio_path
            kept = f" The recording is kept at {audio}." if audio else ""
            note.update(f"This attempt was not scored ({detail.error or detail.row.status}).{kept}")
            return
        self.query_one(FeedbackView).show(detail.result)
        if self.typed:
            note.update("A typed answer: there is no audio to replay.")
        else:
            note.update("p replays the answer; the current word is highlighted.")

    def _show_status(self) -> None:
        row = self.detail.row if self.detail else None
        if row is None or not row.question_id:
            self.query_one("#attempt-status", Static).update("")
            return
        rating = f"rated {self.rated}" if self.rated else "rate: 1 again · 2 hard · 3 good · 4 easy"
        weak = "flagged weak (w unflags)" if self.weak else "w flags it weak"
        self.query_one("#attempt-status", Static).update(f"{rating} · {weak}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("rate", *WEAK_ACTIONS):
            # Both act on the question's practice card: not for an answer to no question.
            has_card = self.detail is not None and bool(self.detail.row.question_id)
            return has_card and (action == "rate" or weak_offered(action, self.weak))
        if action == "replay":
            return not self.typed
        return True

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

    def action_rate(self, rating: str) -> None:
        row = self.detail.row if self.detail else None
        if rating not in RATINGS or row is None or not row.question_id:
            return
        self.rated = rating
        self._show_status()
        attempt_id, qid = row.id, row.question_id
        self._save(lambda b, now: b.rate(attempt_id, qid, rating, now))

    def action_weak(self) -> None:
        row = self.detail.row if self.detail else None
        if row is None or not row.question_id:
            return
        self.weak = weak = not self.weak
        self._show_status()
        self.refresh_bindings()
        qid = row.question_id
        self._save(lambda b, now: b.set_weak(qid, weak))

    action_unflag_weak = action_weak

    def _save(self, job: SaveJob) -> None:
        save_in_background(self, self.ctx.services, job)

    def action_back(self) -> None:
        if self.replayer:
            self.replayer.stop()
        self.app.pop_screen()
