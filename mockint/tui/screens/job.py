"""Job: paste a posting, see the practice set made for it, practise it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static, TextArea

from mockint.errors import MockintError
from mockint.fmt import clip
from mockint.tui.context import ScreenContext
from mockint.tui.messages import StartPractice

if TYPE_CHECKING:
    from mockint.coach.prepare import PreparedJob

HINT = (
    "Paste the whole posting here (ctrl+v), duties and requirements included, then press "
    "ctrl+s. Nothing leaves this machine."
)


@dataclass
class JobPrepared(Message):
    prepared: PreparedJob | None
    error: str = ""


def render_set(prepared: PreparedJob) -> Text:
    """The set as the user reads it: each question with what it practises, then the gaps."""
    practice, job = prepared.practice, prepared.job
    text = Text()
    role = job.role or "this job"
    text.append(f"{role}" + (f" at {job.company}" if job.company else ""), style="bold")
    if practice.field != "general":
        text.append(f"  ·  field: {practice.field}", style="dim")
    text.append("\n\n")
    for n, p in enumerate(practice.questions, 1):
        mark = " new " if p.generated else ""
        text.append(f"{n:>2}. ", style="dim")
        text.append(clip(p.question.text, 90))
        if mark:
            text.append(f" [{mark.strip()}]", style="green")
        text.append(f"\n    {clip(p.reason, 90)}\n", style="dim")
    if practice.gaps:
        text.append("\nNot practised by any question yet:\n", style="bold")
        for item in practice.gaps:
            text.append(f"  {item.label}: {clip(item.text, 80)}\n", style="yellow")
    if practice.requirements:
        text.append("\nRequirements: say you meet them (no story needed):\n", style="bold")
        for item in practice.requirements:
            text.append(f"  {item.label}: {clip(item.text, 80)}\n", style="dim")
    if job.interview_date:
        text.append(f"\nInterview on {job.interview_date:%a %d %b}: ", style="bold")
        text.append("the daily plan gives this job more of each day as it nears.")
    return text


class JobScreen(Screen[None]):
    """A job posting in, a saved practice set out."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "make_set", "Make the set"),
        Binding("p", "practise", "Practise the set"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(self, ctx: ScreenContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.prepared: PreparedJob | None = None
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Label("Practise for a job posting", classes="page-title")
            yield Static(HINT, id="job-hint", classes="dim")
            with Horizontal(id="job-fields"):
                yield Input(
                    placeholder="interview date (optional): 2027-01-12, 12 Jan", id="job-date"
                )
            yield TextArea(id="job-posting")
            with VerticalScroll(id="job-set", classes="panel"):
                yield Static("", id="job-result")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#job-set").display = False
        self.query_one("#job-posting", TextArea).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "practise":
            return self.prepared is not None and bool(self.prepared.practice.questions)
        if action == "make_set":
            return not self.busy
        return True

    def action_make_set(self) -> None:
        text = self.query_one("#job-posting", TextArea).text
        if not text.strip():
            self.notify("Paste the posting first.", severity="warning")
            return
        try:
            day = self._interview_date()
        except MockintError as exc:
            self.notify(str(exc), severity="error", timeout=8)
            return
        self.busy = True
        self.refresh_bindings()
        self.query_one("#job-hint", Static).update("Reading the posting…")
        self._prepare(text, day)

    def _interview_date(self) -> date | None:
        from mockint.prep.dates import parse_day

        value = self.query_one("#job-date", Input).value.strip()
        if not value:
            return None
        today = self.ctx.services.now().date()
        day = parse_day(value, today)
        if day < today:
            raise MockintError(f"the interview date {day.isoformat()} has already passed")
        return day

    @work(thread=True, exclusive=True)
    def _prepare(self, text: str, day: date | None) -> None:
        try:
            prepared = self.ctx.services.backend.prepare_job(text, day)
        except MockintError as exc:
            self.post_message(JobPrepared(None, str(exc)))
            return
        except Exception as exc:
            self.post_message(JobPrepared(None, f"could not make the set: {exc}"))
            return
        self.post_message(JobPrepared(prepared))

    @on(JobPrepared)
    def _prepared(self, message: JobPrepared) -> None:
        self.busy = False
        hint = self.query_one("#job-hint", Static)
        if message.prepared is None:
            hint.update(HINT)
            self.notify(message.error, severity="error", timeout=10)
            self.refresh_bindings()
            return
        self.prepared = message.prepared
        name = message.prepared.job.name
        hint.update(
            f"Saved as {name}. Press p to practise it now, or later: mockint practice --job {name}"
        )
        self.query_one("#job-posting").display = False
        self.query_one("#job-fields").display = False
        self.query_one("#job-result", Static).update(render_set(message.prepared))
        shown = self.query_one("#job-set")
        shown.display = True
        shown.focus()
        self.refresh_bindings()

    def action_practise(self) -> None:
        if self.prepared is None:
            return
        questions = [p.question for p in self.prepared.practice.questions]
        self.post_message(StartPractice("practice", questions))
