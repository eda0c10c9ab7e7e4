"""Everything about one answer: score card, annotated transcript, STAR, key points, tips."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from mockint.tui.feedback import FeedbackData
from mockint.tui.widgets.score_card import ScoreCard
from mockint.tui.widgets.star_checklist import KeyPoints, StarChecklist
from mockint.tui.widgets.transcript_view import TAG_STYLES, TranscriptView


def render_tips(tips: tuple[str, ...]) -> Text:
    if not tips:
        return Text("Nothing to fix: keep it up.", style="green")
    return Text("\n".join(f"{i}. {tip}" for i, tip in enumerate(tips, 1)))


def legend() -> Text:
    return Text.assemble(
        "Transcript  ", ("filler", TAG_STYLES["filler"]), " ", ("hedge", TAG_STYLES["hedge"])
    )


class FeedbackView(VerticalScroll):
    """Feedback for one answer; :meth:`show` fills it."""

    DEFAULT_CSS = """
    FeedbackView { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.data: FeedbackData | None = None

    def compose(self) -> ComposeResult:
        yield ScoreCard(classes="fb-card")
        yield Label(legend(), classes="fb-heading")
        yield TranscriptView(classes="fb-transcript")
        yield Label("Structure (STAR)", classes="fb-heading fb-star")
        yield StarChecklist(classes="fb-star")
        yield Label("Key points", classes="fb-heading fb-points")
        yield KeyPoints(classes="fb-points")
        yield Label("Top tips", classes="fb-heading")
        yield Static(classes="fb-tips")

    def show(self, data: FeedbackData) -> None:
        self.data = data
        self.query_one(ScoreCard).show(data)
        self.query_one(TranscriptView).show_words(data.words)
        self.query_one(StarChecklist).show(data.star)
        self.query_one(KeyPoints).show(data.key_points)
        for heading in self.query(".fb-heading.fb-star"):
            heading.display = bool(data.star)
        for heading in self.query(".fb-heading.fb-points"):
            heading.display = bool(data.key_points)
        self.query_one(".fb-tips", Static).update(render_tips(data.tips))

    def follow(self, position_s: float | None) -> None:
        self.query_one(TranscriptView).follow(position_s)
