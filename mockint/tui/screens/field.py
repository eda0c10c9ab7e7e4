"""Your field: which field banks the daily plan draws from, beside the general ones."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from mockint.tui.context import ScreenContext

LABELS = {
    "general": "Any field: only the general questions",
    "customer-service": "Customer service and call centres",
    "data": "Data (analytics, engineering)",
    "design": "Design and UX",
    "early-career": "First jobs, internships, career change",
    "education": "Teaching and education",
    "finance": "Finance and accounting",
    "healthcare": "Healthcare and nursing",
    "hr": "HR and recruiting",
    "it-ops": "IT support and DevOps",
    "leadership": "Leading people (managers)",
    "marketing": "Marketing and communications",
    "operations": "Operations and logistics",
    "product": "Product management",
    "project-management": "Project and program management",
    "public-sector": "Public sector and government",
    "retail-hospitality": "Retail and hospitality",
    "sales": "Sales and customer success",
    "software": "Software engineering",
}


class FieldScreen(ModalScreen[str | None]):
    """Pick the field you interview in; dismisses with the field, or None if skipped."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the list's own enter would win, and it is not in the footer.
        Binding("enter", "choose", "Choose", priority=True),
        Binding("escape", "skip", "Skip"),
    ]

    def __init__(self, ctx: ScreenContext, fields: list[str], current: str = "") -> None:
        super().__init__()
        self.ctx = ctx
        self.fields = fields
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="field-dialog", classes="dialog"):
            yield Label("Which field are you interviewing in?", classes="page-title")
            yield Static(
                "Your daily practice draws on the general questions and your field's. "
                "Change it any time from home (f), or with practice.field in config.yaml.",
                classes="dim",
            )
            yield OptionList(
                *[Option(LABELS.get(f, f), id=f) for f in self.fields], id="field-list"
            )
        yield Footer()

    def on_mount(self) -> None:
        options = self.query_one("#field-list", OptionList)
        if self.current in self.fields:
            options.highlighted = self.fields.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected, "#field-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._save(event.option.id or "general")

    @work(thread=True, exclusive=True)
    def _save(self, field: str) -> None:
        """In a worker: the database is never written from the event loop."""
        try:
            self.ctx.services.backend.set_field(field)
        except Exception as exc:
            self.app.call_from_thread(
                self.notify, f"Could not save your field: {exc}", severity="error"
            )
            return
        self.app.call_from_thread(self.dismiss, field)

    def action_choose(self) -> None:
        self.query_one("#field-list", OptionList).action_select()

    def action_skip(self) -> None:
        self.dismiss(None)
