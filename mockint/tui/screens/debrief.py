"""Debrief: log a real interview; the questions you struggled with become practice.

A pasted transcript (or notes) offers its questions with checkboxes; the ticked ones join
the form's questions, with the answers the transcript has. The form saves once; Esc asks
before throwing a filled form away; after saving, the struggled questions can be practised
at once."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.validation import ValidationResult, Validator
from textual.widgets import Button, Footer, Input, Label, SelectionList, Static, TextArea

from mockint.errors import MockintError
from mockint.fmt import clip
from mockint.models import Question
from mockint.practice.debrief_transcript import (
    NO_QUESTIONS,
    find_questions,
    notes_from,
)
from mockint.prep.transcript import Exchange, InterviewText
from mockint.tui.context import ScreenContext
from mockint.tui.data import DebriefEntry, DebriefSaved
from mockint.tui.messages import Notice, StartPractice

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


class DiscardDebrief(ModalScreen[bool]):
    """Asks before a filled, unsaved debrief form is thrown away."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Discard"),
        Binding("n,escape", "answer(False)", "Keep editing"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="debrief-discard", classes="dialog"):
            yield Static("Discard this debrief? Nothing of it has been saved.")
            with Horizontal(classes="form-row"):
                yield Button("Keep editing (n)", id="debrief-keep", variant="primary")
                yield Button("Discard (y)", id="debrief-discard-yes", variant="error")

    def action_answer(self, discard: bool) -> None:
        self.dismiss(discard)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "debrief-discard-yes")


class DebriefScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+o", "practise", "Practise now"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, ctx: ScreenContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._found: dict[str, Exchange] = {}
        """Questions taken from the pasted transcript, by their text."""
        self._interviewer = ""
        self._saving = False
        self._saved: DebriefSaved | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="page", id="debrief"):
            yield Label("Debrief a real interview", classes="page-title")
            yield Static(
                "While it is fresh: what they asked and what went badly. The ones you "
                "struggled with are due at once: practise them right after saving.",
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
            yield Label("Paste the transcript or your notes (optional)", classes="panel-title")
            yield TextArea(id="debrief-transcript")
            yield Button("Find the questions", id="debrief-find")
            yield Static("", id="debrief-found-note", markup=False)
            yield SelectionList[str](id="debrief-found")
            yield Button("Use the ticked questions", id="debrief-use")
            yield Label("Questions they asked (one a line)", classes="panel-title")
            yield TextArea(id="debrief-questions")
            yield Label("Which did you struggle with? (space toggles)", classes="panel-title")
            yield SelectionList[str](id="debrief-struggled")
            yield Label("Notes", classes="panel-title")
            yield Input(placeholder="anything to remember for next time", id="debrief-notes")
            # Not markup: the follow-up note's [name] and [company] placeholders must show.
            yield Static("", id="debrief-result", markup=False)
            yield Button("Practise them now", id="debrief-practise", variant="primary")
        yield Footer()

    @property
    def today(self) -> date:
        return self.ctx.services.now().date()

    def on_mount(self) -> None:
        field = self.query_one("#debrief-date", Input)
        field.border_title = "Interview date"
        field.validators = [InterviewDate(self.today)]
        field.value = self.today.isoformat()
        self._date_problem("")
        for hidden in ("#debrief-found", "#debrief-use", "#debrief-practise"):
            self.query_one(hidden).display = False
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
        selection = self.query_one("#debrief-struggled", SelectionList)
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
        hard = self.query_one("#debrief-struggled", SelectionList).selected
        from_transcript = [self._found[q] for q in questions if q in self._found]
        typed = self.query_one("#debrief-notes", Input).value.strip()
        return DebriefEntry(
            company=self.query_one("#debrief-company", Input).value.strip(),
            role=self.query_one("#debrief-role", Input).value.strip(),
            questions=questions,
            struggled=tuple(q for q in questions if q in hard),
            notes="\n".join(p for p in (typed, notes_from(from_transcript)) if p),
            answers=tuple(self._found[q].answer if q in self._found else "" for q in questions),
            interviewer=self._interviewer,
        )

    def is_filled(self) -> bool:
        """Whether leaving would throw away something the user wrote."""
        inputs = ("#debrief-company", "#debrief-role", "#debrief-notes")
        areas = ("#debrief-transcript", "#debrief-questions")
        return any(self.query_one(i, Input).value.strip() for i in inputs) or any(
            self.query_one(a, TextArea).text.strip() for a in areas
        )

    def action_back(self) -> None:
        if self._saving:  # the worker reports to this screen: leave once it has
            self.notify("Saving the debrief…")
            return
        if self._saved is not None or not self.is_filled():
            self.app.pop_screen()
            return

        def leave(discard: bool | None) -> None:
            if discard:
                self.app.pop_screen()

        self.app.push_screen(DiscardDebrief(), leave)

    # -- a pasted transcript

    @on(Button.Pressed, "#debrief-find")
    def action_find(self) -> None:
        text = self.query_one("#debrief-transcript", TextArea).text
        if not text.strip():
            self._found_note("Paste the transcript or your notes above first.")
            return
        self._find(text)

    @work(thread=True, exclusive=True, group="find")
    def _find(self, text: str) -> None:
        found = find_questions(text)  # pure, but a long transcript takes a moment
        self.app.call_from_thread(self._show_found, found)

    def _show_found(self, found: InterviewText) -> None:
        listing = self.query_one("#debrief-found", SelectionList)
        listing.clear_options()
        self._interviewer = found.interviewer or self._interviewer
        offered = {q.question: q for q in found.exchanges}
        self._found.update(offered)
        listing.add_options([(_option(q), q.question, True) for q in found.exchanges])
        listing.display = self.query_one("#debrief-use").display = bool(found.exchanges)
        if not found.exchanges:
            self._found_note(NO_QUESTIONS.format(where="the text") + ".")
            return
        self._found_note(
            f"Found {len(found.exchanges)}: untick any that was not an interview question, "
            "then use them. Your answers, where the transcript has them, are kept and scored."
        )
        listing.focus()

    def _found_note(self, text: str) -> None:
        self.query_one("#debrief-found-note", Static).update(text)

    @on(Button.Pressed, "#debrief-use")
    def action_use(self) -> None:
        ticked = self.query_one("#debrief-found", SelectionList).selected
        area = self.query_one("#debrief-questions", TextArea)
        have = set(parse_questions(area.text))
        added = [q for q in ticked if q not in have]
        area.text = "\n".join([*parse_questions(area.text), *added])
        self._found_note(f"Added {len(added)} to the questions below.")
        area.focus()

    # -- saving once, then practising

    def action_save(self) -> None:
        if self._saving:
            return
        if self._saved is not None:
            self.notify("This debrief is saved. Esc goes back; nothing is saved twice.")
            return
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
        self._saving = True
        self._save(entry)

    @work(thread=True, exclusive=True)
    def _save(self, entry: DebriefEntry) -> None:
        try:
            result = self.ctx.services.backend.save_debrief(entry, self.ctx.services.now())
        except MockintError as exc:
            self.app.call_from_thread(self._not_saved)
            self.post_message(Notice(str(exc), "error"))
            return
        self.app.call_from_thread(self._show_saved, result)
        self.post_message(Notice(result.message))

    def _not_saved(self) -> None:
        self._saving = False

    def _show_saved(self, result: DebriefSaved) -> None:
        self._saving, self._saved = False, result
        button = self.query_one("#debrief-practise", Button)
        if result.struggled:
            n = len(result.struggled)
            button.label = f"Practise the {n} you struggled with now (ctrl+o)"
            button.display = True
            button.focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "practise":
            return self._saved is not None and bool(self._saved.struggled)
        return True

    @on(Button.Pressed, "#debrief-practise")
    def action_practise(self) -> None:
        if self._saved is None or not self._saved.struggled:
            return
        questions: list[Question] = list(self._saved.struggled)
        # A drill: the sessions table knows practice, daily and drill; these are weak now.
        self.post_message(StartPractice("drill", questions))

    @on(Notice)
    def _notice(self, message: Notice) -> None:
        self.query_one("#debrief-result", Static).update(message.text)
        summary = message.text.split("\n\n", 1)[0]  # the note itself is on the screen
        self.notify(summary, severity=message.severity, markup=False)  # type: ignore[arg-type]


def _option(found: Exchange) -> Text:
    """A found question as the checkbox list shows it: its kind, and the answer's start."""
    said = found.answer or found.note
    tail = f"\n    {'you' if found.answer else 'notes'}: {clip(said, 60)}" if said else ""
    return Text(f"{found.question}  [{found.kind}]{tail}")
