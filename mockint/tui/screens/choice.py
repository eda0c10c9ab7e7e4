"""A question the user answers with one key before something is lost ("discard this take?")."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static


@dataclass(frozen=True)
class Choice:
    key: str
    label: str
    value: str


class ChoiceScreen(ModalScreen[str]):
    """Asks ``prompt``; dismisses with the value of the choice whose key is pressed. Escape
    is always the harmless choice, ``cancel`` (what was going on goes on)."""

    def __init__(self, prompt: str, choices: tuple[Choice, ...], cancel: str) -> None:
        super().__init__()
        self.prompt = prompt
        self.choices = choices
        self.cancel = cancel

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="choice"):
            yield Label(self.prompt, classes="panel-title")
            lines = [f"{c.key:>5}  {c.label}" for c in self.choices]
            yield Static("\n".join(lines), id="choice-keys")

    def on_key(self, event: events.Key) -> None:
        event.stop()
        if event.key == "escape":
            self.dismiss(self.cancel)
            return
        for choice in self.choices:
            if event.key == choice.key:
                self.dismiss(choice.value)
                return
