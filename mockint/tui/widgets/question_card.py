"""The question being practised: bank, kind, target length, and tips on request."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from mockint.models import Question
from mockint.tui.widgets.timer import clock


def render_question(
    question: Question, position: str = "", show_tips: bool = False, show_outline: bool = False
) -> Text:
    low, high = question.target_seconds
    text = Text.assemble(
        (f"{position}  " if position else "", "dim"),
        (question.bank, "bold"),
        (f" · {question.kind.value} · aim for {clock(low)}–{clock(high)}", "dim"),
        "\n\n",
        (question.text, "bold"),
        "\n",
    )
    if show_tips:
        tips = question.tips or ("No tips for this one: answer it as you would in the room.",)
        text.append("\n")
        for tip in tips:
            text.append(f"• {tip}\n", style="italic")
        if question.key_points:
            text.append("Covers: " + "; ".join(question.key_points) + "\n", style="dim")
    if show_outline:
        # Asked for before answering: the user chose to peek.
        outline = question.example_outline or "No model outline for this question yet."
        text.append("\nModel outline\n", style="bold")
        text.append(outline.strip() + "\n", style="italic")
    return text


class QuestionCard(Static):
    def show(
        self,
        question: Question,
        position: str = "",
        show_tips: bool = False,
        show_outline: bool = False,
    ) -> None:
        self.update(render_question(question, position, show_tips, show_outline))
