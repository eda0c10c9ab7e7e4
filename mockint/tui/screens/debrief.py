"""Debrief: log a real interview; the questions you struggled with become practice."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.validation import ValidationResult, Validator
from textual.widgets import Footer, Input, Label, SelectionList, Static, TextArea

from mockint.errors import MockintError
from mockint.tui.data import DebriefEntry
from mockint.tui.messages import Notice
from mockint.tui.screens._app import mockint_app

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_questions(text: str) -> tuple[str, ...]:
    """One question a line; blank lines and list bullets are ignored."""
    lines = (line.strip().lstrip("-*•").strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


def parse_interview_date(text: str, today: date) -> date:
    """The interview's day, written ``YYYY-MM-DD``: not in the future. ValueError says what
    is wrong, in words for the form."""
    value = text.strip()
    example = today.isoformat()
    if not _ISO_DATE.fullmatch(value):
        raise ValueError(f"write the date as YYYY-MM-DD, e.g. {example}")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value} is not a real date (YYYY-MM-DD, e.g. {example})") from None
    if day > today:
        raise ValueError(f"{value} is in the future: a debrief is about an interview you had")
    return day


class InterviewDate(Validator):
    """Validates the form's date field against today (see :func:`parse_interview_date`)."""

    def __init__(self, today: date) -> None:
        super().__init__()
        self.today = today

    def validate(self, value: str) -> ValidationResult:
        try:
            parse_interview_date(value, self.today)
        except ValueError as exc:
            return self.failure(str(exc))
        return self.success()


class DebriefScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="page", id="debrief"):
            yield Label("Debrief a real interview", classes="page-title")
            yield Static(
                "While it is fresh: what they asked and what went badly. "
                "Struggled questions come back in your daily practice.",
                classes="dim",
            )
            with Horizontal(classes="form-row"):
                yield Input(placeholder="Company", id="debrief-company")
                yield Input(placeholder="Role", id="debrief-role")
                yield Input(
                    placeholder="YYYY-MM-DD",
                    id="debrief-date",
                    max_length=10,
                    restrict=r"[0-9-]*",
                    validate_on=["changed", "submitted"],
                )
            yield Static("", id="debrief-date-error")
            yield Label("Questions they asked (one a line)", classes="panel-title")
            yield TextArea(id="debrief-questions")
            yield Label("Which did you struggle with? (space toggles)", classes="panel-title")
            yield SelectionList[str](id="debrief-struggled")
            yield Label("Notes", classes="panel-title")
            yield Input(placeholder="anything to remember for next time", id="debrief-notes")
            yield Static("", id="debrief-result")
        yield Footer()

    @property
    def today(self) -> date:
        app = mockint_app(self)
        return app.services.now().date()

    def on_mount(self) -> None:
        field = self.query_one("#debrief-date", Input)
        field.border_title = "Interview date"
        field.validators = [InterviewDate(self.today)]
        field.value = self.today.isoformat()
        self._date_problem("")
        self.query_one("#debrief-company", Input).focus()

    @on(Input.Changed, "#debrief-date")
    def _date_changed(self, event: Input.Changed) -> None:
        result = event.validation_result
        self._date_problem(result.failure_descriptions[0] if result and not result.is_valid else "")

    def _date_problem(self, problem: str) -> None:
        """The date's inline error, right under the field (hidden when it is fine)."""
        error = self.query_one("#debrief-date-error", Static)
        error.update(f"Interview date: {problem}" if problem else "")
        error.display = bool(problem)

    @on(TextArea.Changed, "#debrief-questions")
    def _questions_changed(self, event: TextArea.Changed) -> None:
        selection = self.query_one(SelectionList)
        chosen = set(selection.selected)
        selection.clear_options()
        selection.add_options([(q, q, q in chosen) for q in parse_questions(event.text_area.text)])

    def interview_date(self) -> date | None:
        """The date field's day, or None (with the inline error shown) when it is wrong."""
        field = self.query_one("#debrief-date", Input)
        try:
            return parse_interview_date(field.value, self.today)
        except ValueError as exc:
            self._date_problem(str(exc))
            field.focus()
            return None

    def entry(self) -> DebriefEntry:
        questions = parse_questions(self.query_one("#debrief-questions", TextArea).text)
        return DebriefEntry(
            company=self.query_one("#debrief-company", Input).value.strip(),
            role=self.query_one("#debrief-role", Input).value.strip(),
            questions=questions,
            struggled=tuple(q for q in questions if q in self.query_one(SelectionList).selected),
            notes=self.query_one("#debrief-notes", Input).value.strip(),
        )

    def action_save(self) -> None:
        day = self.interview_date()
        if day is None:
            self.query_one("#debrief-result", Static).update(
                "Fix the interview date (YYYY-MM-DD), then ctrl+s."
            )
            return
        entry = replace(self.entry(), interview_date=day)
        if not entry.questions:
            self.query_one("#debrief-result", Static).update(
                "Add at least one question they asked (one a line), then ctrl+s."
            )
            return
        self._save(entry)

    @work(thread=True, exclusive=True)
    def _save(self, entry: DebriefEntry) -> None:
        app = mockint_app(self)
        try:
            result = app.services.backend.save_debrief(entry, app.services.now())
        except MockintError as exc:
            self.post_message(Notice(str(exc), "error"))
            return
        self.post_message(Notice(result.message))

    @on(Notice)
    def _notice(self, message: Notice) -> None:
        self.query_one("#debrief-result", Static).update(message.text)
        self.notify(message.text, severity=message.severity)  # type: ignore[arg-type]
