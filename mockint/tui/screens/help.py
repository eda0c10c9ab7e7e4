"""Help: what the screen underneath does and every key it takes, then the other screens.

Nothing here is written twice: a screen's description is its own docstring (else its
module's), and its keys are its bindings, so help cannot drift from what the keys do.
"""

from __future__ import annotations

import inspect
import sys
from typing import Any, ClassVar

from rich.text import Text
from textual.actions import parse
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Label, Static

HELP_KEYS = "f1,question_mark"
"""The keys that open help from every screen (the app's binding) and close it again."""


def describe(screen: type[Screen[Any]] | Screen[Any]) -> str:
    """The first paragraph of the screen's module docstring (each module opens with what its
    screen is for), on one line; where a module holds several screens, the class's own."""
    cls = screen if isinstance(screen, type) else type(screen)
    module = sys.modules[cls.__module__]
    screens = [
        v
        for v in vars(module).values()
        if isinstance(v, type) and issubclass(v, Screen) and v.__module__ == module.__name__
    ]
    # cls.__doc__, not inspect.getdoc: that would fall back to Textual's Screen docstring.
    own = cls.__doc__ if len(screens) > 1 else None
    doc = inspect.cleandoc(own or module.__doc__ or "")
    return " ".join(doc.split("\n\n")[0].replace("``", "").split())


def screen_bindings(screen: type[Screen[Any]] | Screen[Any]) -> list[Binding]:
    """The screen's own bindings, hidden ones too, one per (key, description)."""
    cls = screen if isinstance(screen, type) else type(screen)
    seen: set[tuple[str, str]] = set()
    found = []
    for item in cls.BINDINGS:
        bindings = [item] if isinstance(item, Binding) else list(Binding.make_bindings([item]))
        for b in bindings:
            if b.description and (b.key, b.description) not in seen:
                seen.add((b.key, b.description))
                found.append(b)
    return found


def available(screen: Screen[Any], binding: Binding) -> bool:
    """Whether the screen offers ``binding`` now (its ``check_action`` says so)."""
    _, name, params = parse(binding.action)
    try:
        return screen.check_action(name, params) is not False
    except Exception:  # a screen asked before it was composed: show the key anyway
        return True


def other_screens() -> list[tuple[str, str]]:
    """(name, what it does) of every screen, in the order the home screen offers them."""
    from mockint.tui.screens.banks import BanksScreen
    from mockint.tui.screens.compare import CompareScreen
    from mockint.tui.screens.debrief import DebriefScreen
    from mockint.tui.screens.history import AttemptScreen, HistoryScreen
    from mockint.tui.screens.home import HomeScreen
    from mockint.tui.screens.interview import InterviewScreen
    from mockint.tui.screens.job import JobScreen
    from mockint.tui.screens.practice import PracticeScreen
    from mockint.tui.screens.progress import ProgressScreen
    from mockint.tui.screens.summary import SummaryScreen

    screens: list[type[Screen[None]]] = [
        HomeScreen,
        PracticeScreen,
        SummaryScreen,
        BanksScreen,
        HistoryScreen,
        AttemptScreen,
        CompareScreen,
        ProgressScreen,
        InterviewScreen,
        DebriefScreen,
        JobScreen,
    ]
    return [(s.__name__.removesuffix("Screen"), describe(s)) for s in screens]


class HelpScreen(ModalScreen[None]):
    """What the screen you were on does and its keys; esc, ? or F1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(f"escape,q,{HELP_KEYS}", "dismiss", "Close help"),
    ]

    def __init__(self, under: Screen[Any]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box", classes="panel"):
            yield Label(f"Help · {self.name_of(self.under)}", classes="page-title")
            yield Static(self.render_help(), id="help-text")
        yield Footer()

    @staticmethod
    def name_of(screen: Screen[Any]) -> str:
        return type(screen).__name__.removesuffix("Screen") or "mockint"

    def render_help(self) -> Text:
        text = Text(describe(self.under) + "\n")
        keys = screen_bindings(self.under)
        now = [b for b in keys if available(self.under, b)]
        later = [b for b in keys if b not in now]
        for title, group, style in (("Keys now", now, ""), ("At other steps", later, "dim")):
            if group:
                text.append(f"\n{title}\n", style="bold")
            for b in group:
                text.append(f"  {self.app.get_key_display(b):>10}  ", style=style or "bold cyan")
                text.append(f"{b.description}\n", style=style)
        text.append("\nEverywhere\n", style="bold")
        text.append(f"  {'? / F1':>10}  ", style="bold cyan")
        text.append("this help\n")
        text.append(f"  {'ctrl+q':>10}  ", style="bold cyan")
        text.append("quit mockint\n")
        text.append("\nScreens\n", style="bold")
        for name, what in other_screens():
            text.append(f"  {name:>10}  ", style="bold")
            text.append(f"{what}\n", style="dim")
        text.rstrip()
        return text
