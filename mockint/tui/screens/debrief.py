"""Debrief: log a real interview; the questions you struggled with become practice."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, SelectionList, Static, TextArea

from mockint.errors import MockintError
from mockint.tui.data import DebriefEntry
from mockint.tui.messages import Notice

if TYPE_CHECKING:
    pass


def parse_questions(text: str) -> tuple[str, ...]:
    """One question a line; blank lines and list bullets are ignored."""
    lines = (line.strip().lstrip("-*•").strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


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
            yield Label("Questions they asked (one a line)", classes="panel-title")
            yield TextArea(id="debrief-questions")
            yield Label("Which did you struggle with? (space toggles)", classes="panel-title")
            yield SelectionList[str](id="debrief-struggled")
            yield Label("Notes", classes="panel-title")
            yield Input(placeholder="anything to remember for next time", id="debrief-notes")
            yield Static("", id="debrief-result")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#debrief-company", Input).focus()

    @on(TextArea.Changed, "#debrief-questions")
    def _questions_changed(self, event: TextArea.Changed) -> None:
        selection = self.query_one(SelectionList)
        chosen = set(selection.selected)
        selection.clear_options()
        selection.add_options([(q, q, q in chosen) for q in parse_questions(event.text_area.text)])

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
        entry = self.entry()
        if not entry.questions:
            self.query_one("#debrief-result", Static).update(
                "Add at least one question they asked (one a line), then ctrl+s."
            )
            return
        self._save(entry)

    @work(thread=True, exclusive=True)
    def _save(self, entry: DebriefEntry) -> None:
        from mockint.tui.app import MockintApp

        app = self.app
        assert isinstance(app, MockintApp)
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
