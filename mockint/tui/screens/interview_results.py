"""The end of a mock interview: the interview as a whole, then each answer's feedback."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher, DataTable, Footer, Label, Static

from mockint.fmt import clip
from mockint.models import Question
from mockint.practice.interview import InterviewAnswer, InterviewSummary, summarize
from mockint.tui.feedback import FeedbackData
from mockint.tui.widgets.feedback_view import FeedbackView
from mockint.tui.widgets.score_card import flag_label, score_style

OVERVIEW, ANSWER = "overview", "answer"


@dataclass(frozen=True)
class InterviewResult:
    """A finished interview: its summary, and each question with its feedback (None: the
    answer is kept but could not be scored)."""

    summary: InterviewSummary
    answers: tuple[tuple[Question, FeedbackData | None], ...]


def results_of(
    answers: Sequence[tuple[Question, FeedbackData | None]], summary: InterviewSummary | None
) -> InterviewResult:
    """The interview's result: the store's summary, else one made from the screen's own
    answers (the store could not be read)."""
    if summary is None:
        summary = summarize(
            [
                InterviewAnswer(q.id, q.text, fb.overall if fb else None, fb.flags if fb else ())
                for q, fb in answers
            ]
        )
    return InterviewResult(summary, tuple(answers))


def render_summary(summary: InterviewSummary, width: int = 76) -> Text:
    """The interview as a whole, in a few lines."""
    room = max(20, width - 16)
    text = Text()
    if summary.overall is None:
        text.append("No answer could be scored. Everything you recorded is kept.\n", style="bold")
    else:
        counted = summary.counted
        text.append("Overall ")
        text.append(f"{summary.overall}", style=f"bold {score_style(summary.overall)}")
        text.append(f"/100 across {counted} answer{'s' if counted != 1 else ''}\n")
    for label, answer in (("Strongest", summary.strongest), ("Weakest", summary.weakest)):
        if answer is not None and answer.score is not None:
            text.append(f"{label:<10}", style="dim")
            text.append(f"{answer.score:>3}", style=score_style(answer.score))
            text.append(f"  {clip(answer.text, room)}\n")
    if summary.recurring:
        text.append(f"{'Recurring':<10}", style="dim")
        text.append(
            " · ".join(f"{flag_label(flag)} ({n} answers)" for flag, n in summary.recurring) + "\n",
            style="yellow",
        )
    if summary.practise:
        text.append("Practise next\n", style="bold")
        for line in summary.practise:
            text.append(f"• {line}\n")
    text.rstrip()
    return text


class InterviewResults(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Feedback", priority=True),
        Binding("n", "step(1)", "Next answer"),
        Binding("p", "step(-1)", "Previous"),
        Binding("escape", "back", "Back"),
        Binding("h", "home", "Home"),
    ]

    def __init__(self, result: InterviewResult) -> None:
        super().__init__()
        self.result = result
        self.current: int | None = None
        """The answer whose feedback is shown; None on the overview."""

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial=OVERVIEW, id="interview-results"):
            with Vertical(id=OVERVIEW, classes="page"):
                yield Label("Interview done", classes="page-title")
                yield Static(render_summary(self.result.summary), id="interview-summary")
                yield DataTable(id="interview-answers", cursor_type="row", zebra_stripes=True)
            with Vertical(id=ANSWER):
                yield Label("", id="interview-answer-title")
                yield FeedbackView(id="interview-feedback")
                yield Label("", id="interview-answer-missing", classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Mock interview · feedback"
        table = self.query_one(DataTable)
        table.add_columns("#", "Question", "Score", "Watch")
        for i, (question, feedback) in enumerate(self.result.answers, start=1):
            flags = ", ".join(flag_label(f) for f in feedback.flags[:2]) if feedback else ""
            table.add_row(
                str(i),
                clip(question.text, 38),
                str(feedback.overall) if feedback else "waiting",
                clip(flags, 20),
            )
        table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step":
            return self.current is not None
        if action == "open":
            return self.current is None and bool(self.result.answers)
        return True

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.show_answer(event.cursor_row)

    def action_open(self) -> None:
        self.show_answer(self.query_one(DataTable).cursor_row)

    def action_step(self, by: int) -> None:
        if self.current is not None:
            self.show_answer((self.current + by) % len(self.result.answers))

    def show_answer(self, index: int) -> None:
        """The feedback of answer ``index`` (0-based), as practice shows it."""
        question, feedback = self.result.answers[index]
        self.current = index
        count = len(self.result.answers)
        self.query_one("#interview-answer-title", Label).update(
            f"Answer {index + 1} of {count} · {question.text}"
        )
        view = self.query_one(FeedbackView)
        view.display = feedback is not None
        if feedback is not None:
            view.show(feedback)
            view.scroll_home(animate=False)
        self.query_one("#interview-answer-missing", Label).update(
            ""
            if feedback
            else "Not scored: the recording is kept; `mockint history --retry` scores it."
        )
        self.query_one(ContentSwitcher).current = ANSWER
        self.refresh_bindings()

    def action_back(self) -> None:
        if self.current is None:
            self.action_home()
            return
        self.query_one(DataTable).move_cursor(row=self.current)
        self.current = None
        self.query_one(ContentSwitcher).current = OVERVIEW
        self.query_one(DataTable).focus()
        self.refresh_bindings()

    def action_home(self) -> None:
        self.app.pop_screen()
