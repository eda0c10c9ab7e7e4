"""The big elapsed timer, judged against the question's target length."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Digits, Label

from mockint import fmt


def clock(seconds: float) -> str:
    """The timer's ``m:ss``: whole seconds gone."""
    return fmt.clock(seconds, running=True)


def target_state(elapsed_s: float, target: tuple[int, int]) -> str:
    """``short`` before the target range, ``good`` inside it, ``long`` after it."""
    low, high = target
    if elapsed_s < low:
        return "short"
    return "good" if elapsed_s <= high else "long"


_HINTS = {
    "short": "keep going: aim for {low}–{high}",
    "good": "in the target range: wrap up when ready",
    "long": "past {high}: land the result and stop",
}


class ElapsedTimer(Vertical):
    """Elapsed time in large digits, with a hint that changes colour with the target."""

    DEFAULT_CSS = """
    ElapsedTimer { height: auto; width: auto; }
    ElapsedTimer Digits { width: auto; }
    """

    elapsed_s: reactive[float] = reactive(0.0)

    def __init__(
        self,
        target: tuple[int, int] = (60, 120),
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.target = target

    def compose(self) -> ComposeResult:
        yield Digits(clock(0), id="timer-digits")
        yield Label("", id="timer-hint")

    def on_mount(self) -> None:
        self.watch_elapsed_s(self.elapsed_s)

    def watch_elapsed_s(self, elapsed_s: float) -> None:
        if not self.is_mounted:
            return
        state = target_state(elapsed_s, self.target)
        low, high = (clock(t) for t in self.target)
        self.query_one(Digits).update(clock(elapsed_s))
        hint = self.query_one("#timer-hint", Label)
        hint.update(_HINTS[state].format(low=low, high=high))
        for name in _HINTS:
            self.set_class(name == state, f"-{name}")
