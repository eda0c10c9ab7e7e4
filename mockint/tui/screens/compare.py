"""Two attempts of one question, side by side."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Label

from mockint.tui.context import ScreenContext
from mockint.tui.feedback import FeedbackData
from mockint.tui.messages import AttemptLoaded, LoadFailed
from mockint.tui.widgets.feedback_view import FeedbackView


class CompareScreen(Screen[None]):
    """Two attempts of one question, side by side (older on the left)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, ctx: ScreenContext, first_id: int, second_id: int) -> None:
        super().__init__()
        self.ctx = ctx
        self.ids = (first_id, second_id)

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Label("Compare", id="compare-title", classes="page-title")
            with Horizontal(id="compare-body"):
                for side in ("left", "right"):
                    with Vertical(classes="compare-side"):
                        yield Label("", id=f"compare-{side}-title", classes="panel-title")
                        yield FeedbackView(id=f"compare-{side}")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        backend = self.ctx.services.backend
        try:
            details = sorted((backend.attempt(i) for i in self.ids), key=lambda d: d.row.created_at)
        except Exception as exc:
            self.post_message(LoadFailed(f"could not read the attempts: {exc}"))
            return
        for detail in details:
            self.post_message(AttemptLoaded(detail))

    @on(AttemptLoaded)
    def _loaded(self, message: AttemptLoaded) -> None:
        side = "left" if not self.query_one("#compare-left", FeedbackView).data else "right"
        detail = message.detail
        self.query_one("#compare-title", Label).update(f"Compare · {detail.row.question_text}")
        title = f"{detail.row.created_at:%Y-%m-%d %H:%M}"
        self.query_one(f"#compare-{side}-title", Label).update(title)
        view = self.query_one(f"#compare-{side}", FeedbackView)
        if detail.result:
            view.show(detail.result)
        else:
            view.data = FeedbackData.empty()  # marks the side as taken

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        self.query_one("#compare-title", Label).update(Text(message.error, style="red"))
