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
    """The one thing to fix next, in bold, then the other tips."""
    if not tips:
        return Text("Nothing to fix: keep it up.", style="green")
    text = Text.assemble(("Fix next: ", "bold"), (tips[0], "bold"))
    for i, tip in enumerate(tips[1:], 2):
        text.append(f"\n{i}. {tip}")
    return text


NOT_COUNTED = "This take does not count in the question's average or schedule."


def render_trend(score: int, before: tuple[int, ...], not_counted: str | None = None) -> Text:
    """``+7 vs your last try · this question: 48 → 55 → 62``; ``before``: the question's
    scores that count, oldest first, not including this one. ``not_counted``: why this
    answer is not compared (it does not count)."""
    if not_counted:
        return Text(not_counted, style="dim")
    if not before:
        return Text("Your first scored answer to this question.", style="dim")
    change = score - before[-1]
    style = "green" if change > 0 else "red" if change < 0 else "dim"
    said = f"{change:+d} vs your last try" if change else "same as your last try"
    trend = " → ".join(str(s) for s in (*before[-4:], score))
    return Text.assemble((said, f"bold {style}"), (f" · this question: {trend}", "dim"))


def render_outline(outline: str | None) -> Text:
    if not outline:
        return Text("No model outline for this question yet.", style="dim")
    return Text(outline.strip(), style="italic")


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
        # The first screenful (80×24): the score, how it compares, and what to fix next.
        yield ScoreCard(classes="fb-card")
        yield Static(classes="fb-trend")
        yield Static(classes="fb-tips")
        yield Label(legend(), classes="fb-heading")
        yield TranscriptView(classes="fb-transcript")
        yield Label("Structure (STAR)", classes="fb-heading fb-star")
        yield StarChecklist(classes="fb-star")
        yield Label("Key points", classes="fb-heading fb-points")
        yield KeyPoints(classes="fb-points")
        yield Label("Model outline", classes="fb-heading fb-outline")
        yield Static(classes="fb-outline")

    def show(
        self, data: FeedbackData, trend: Text | None = None, outline: Text | None = None
    ) -> None:
        """Fill it; ``trend`` (how the score compares) and ``outline`` (a model answer's
        outline, once asked for) are shown only when given."""
        self.data = data
        self.query_one(".fb-trend", Static).update(trend or "")
        self.query_one(".fb-trend", Static).display = trend is not None
        self.show_outline(outline)
        self.query_one(ScoreCard).show(data)
        self.query_one(TranscriptView).show_words(data.words)
        self.query_one(StarChecklist).show(data.star)
        self.query_one(KeyPoints).show(data.key_points)
        for heading in self.query(".fb-heading.fb-star"):
            heading.display = bool(data.star)
        for heading in self.query(".fb-heading.fb-points"):
            heading.display = bool(data.key_points)
        self.query_one(".fb-tips", Static).update(render_tips(data.tips))

    def show_outline(self, outline: Text | None) -> None:
        for part in self.query(".fb-outline"):
            part.display = outline is not None
        self.query_one("Static.fb-outline", Static).update(outline or "")

    def follow(self, position_s: float | None) -> None:
        self.query_one(TranscriptView).follow(position_s)
