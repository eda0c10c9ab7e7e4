"""The transcript, with fillers and hedges highlighted and (during replay) the current word."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from mockint.tui.feedback import FeedbackWord

TAG_STYLES = {"filler": "bold black on #d7af5f", "hedge": "italic underline #87afd7"}
CURRENT_STYLE = "reverse"


def render_words(words: Sequence[FeedbackWord], current: int | None = None) -> Text:
    text = Text()
    for i, word in enumerate(words):
        if i:
            text.append(" ")
        style = CURRENT_STYLE if i == current else TAG_STYLES.get(word.tag or "", "")
        text.append(word.text, style=style)
    return text


def word_at(words: Sequence[FeedbackWord], position_s: float) -> int | None:
    """Index of the word being spoken at ``position_s`` (the last one started), or None."""
    starts = [w.start for w in words]
    i = bisect_right(starts, position_s) - 1
    return i if i >= 0 else None


class TranscriptView(Static):
    """Shows live text while recording, then the annotated words."""

    current: reactive[int | None] = reactive(None)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes)
        self.words: tuple[FeedbackWord, ...] = ()

    def show_live(self, text: str) -> None:
        self.words = ()
        self.update(Text(text or "…listening", style="" if text else "dim italic"))

    def show_words(self, words: Sequence[FeedbackWord]) -> None:
        self.words = tuple(words)
        self.current = None
        self._render_words()

    def follow(self, position_s: float | None) -> None:
        """Highlight the word at ``position_s`` (None: playback ended)."""
        self.current = None if position_s is None else word_at(self.words, position_s)

    def watch_current(self) -> None:
        if self.words:
            self._render_words()

    def _render_words(self) -> None:
        if not self.words:
            self.update(Text("No speech was recognised.", style="dim italic"))
            return
        self.update(render_words(self.words, self.current))
