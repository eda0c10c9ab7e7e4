"""Banks: browse banks and their questions, and start practice from any of them."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from mockint.models import Bank, Question
from mockint.tui.context import ScreenContext
from mockint.tui.data import CatalogData
from mockint.tui.messages import CatalogLoaded, LoadFailed, StartPractice
from mockint.tui.widgets.question_card import render_question


def bank_label(bank: Bank) -> Text:
    mine = " (yours)" if bank.user else ""
    return Text.assemble((bank.title, "bold"), (f"{mine} · {len(bank.questions)} q", "dim"))


def render_problems(problems: tuple[str, ...]) -> Text:
    text = Text("Some of your bank files have problems (they are skipped):\n", style="bold")
    for p in problems[:8]:
        text.append(f"  {p}\n", style="yellow")
    if len(problems) > 8:
        text.append(f"  … and {len(problems) - 8} more: run `mockint banks validate`\n")
    text.rstrip()
    return text


class BanksScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        # Enter acts on the list in focus, even before an arrow key has moved its highlight
        # (priority: the list's own Enter does nothing while nothing is highlighted).
        Binding("enter", "open_bank", "Open bank", priority=True),
        Binding("enter", "practice_question", "Practice question", priority=True),
        Binding("p", "practice_bank", "Practice bank"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(self, ctx: ScreenContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.catalog: CatalogData | None = None
        self.bank: Bank | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Label("Question banks", classes="page-title")
            yield Static("", id="bank-problems", classes="problem")
            with Horizontal(id="banks-body"):
                yield OptionList(id="bank-list")
                with Vertical(id="bank-right"):
                    yield OptionList(id="question-list")
                    yield Static("", id="question-detail", classes="panel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#bank-problems").display = False
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        try:
            self.post_message(CatalogLoaded(self.ctx.services.backend.catalog()))
        except Exception as exc:
            self.post_message(LoadFailed(f"could not load the banks: {exc}"))

    @on(CatalogLoaded)
    def _loaded(self, message: CatalogLoaded) -> None:
        self.catalog = message.catalog
        problems = self.query_one("#bank-problems", Static)
        problems.display = bool(message.catalog.problems)
        problems.update(render_problems(message.catalog.problems))
        banks = self.query_one("#bank-list", OptionList)
        banks.clear_options()
        banks.add_options([Option(bank_label(b), id=b.id) for b in message.catalog.banks])
        if not message.catalog.banks:
            self.query_one("#question-detail", Static).update(
                "No banks found. Put a YAML bank in your data folder's banks/ "
                "(`mockint doctor` shows where)."
            )
            return
        banks.highlighted = 0
        banks.focus()

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        self.query_one("#question-detail", Static).update(Text(message.error, style="red"))

    @on(OptionList.OptionHighlighted, "#bank-list")
    def _bank_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_bank(str(event.option.id))

    def _show_bank(self, bank_id: str) -> None:
        if self.catalog is None:
            return
        self.bank = self.catalog.bank(bank_id)
        questions = self.query_one("#question-list", OptionList)
        questions.clear_options()
        if self.bank is None:
            return
        questions.add_options(
            [Option(f"{q.text}  [dim]{q.kind.value}[/]", id=q.id) for q in self.bank.questions]
        )
        self._show_detail(self.bank.questions[0] if self.bank.questions else None)

    @on(OptionList.OptionSelected, "#bank-list")
    def _bank_selected(self) -> None:  # a click; Enter is the screen's own binding
        self.action_open_bank()

    @on(OptionList.OptionSelected, "#question-list")
    def _question_selected(self) -> None:
        self.action_practice_question()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        focused = self.focused.id if self.focused else None
        if action == "open_bank":
            return focused == "bank-list"
        if action == "practice_question":
            return focused == "question-list"
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()  # the footer's Enter follows the list in focus

    def action_open_bank(self) -> None:
        """The highlighted bank (the first if none is yet): its questions, in focus."""
        banks = self.query_one("#bank-list", OptionList)
        if not banks.option_count or self.catalog is None:
            return
        if banks.highlighted is None:
            banks.highlighted = 0
        option = banks.get_option_at_index(banks.highlighted)
        if self.bank is None or self.bank.id != option.id:
            self._show_bank(str(option.id))
        questions = self.query_one("#question-list", OptionList)
        if questions.option_count:
            questions.highlighted = 0
            questions.focus()

    @on(OptionList.OptionHighlighted, "#question-list")
    def _question_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail(self._question(str(event.option.id)))

    def _question(self, question_id: str) -> Question | None:
        return self.catalog.question(question_id) if self.catalog else None

    def _show_detail(self, question: Question | None) -> None:
        detail = self.query_one("#question-detail", Static)
        detail.update(render_question(question, show_tips=True) if question else "")

    def action_practice_bank(self) -> None:
        if self.bank and self.bank.questions:
            self.post_message(StartPractice("practice", list(self.bank.questions)))

    def action_practice_question(self) -> None:
        questions = self.query_one("#question-list", OptionList)
        if self.bank and self.bank.questions:
            index = questions.highlighted or 0
            self.post_message(StartPractice("practice", [self.bank.questions[index]]))
