"""The practice screen's question card: the countdown (or ready when you are), read-aloud, tips,
the outline, and the ways to answer without the microphone."""

from __future__ import annotations

from textual import on
from textual.widgets import Input, Label, Static, TextArea

from mockint.tui.messages import SpeakingDone
from mockint.tui.screens._practice_record import RecordStage
from mockint.tui.screens._stages import Stage
from mockint.tui.session import AnswerTake
from mockint.tui.widgets.feedback_view import FeedbackView, render_outline
from mockint.tui.widgets.question_card import QuestionCard
from mockint.tui.widgets.timer import ElapsedTimer
from mockint.tui.widgets.transcript_view import TranscriptView


class CardStage(RecordStage):
    """The card before an answer: the countdown and the card's keys."""

    def show_question(self) -> None:
        self.show_tips = self.show_outline = self.paused = self._start_after_speech = False
        self.attempt_id = self.audio_path = self.rated = None
        self._render_card()
        self.set_stage(Stage.CARD)
        self.set_focus(None)
        problem = self.ctx.audio_problem
        self.query_one("#audio-problem", Static).update(
            f"Recording is not available: {problem}\n"
            "Press y to type your answer, or f to score an audio file."
            if problem
            else ""
        )
        if problem:
            self.query_one("#countdown", Static).update("")
            return
        ui = self.ctx.services.config.ui
        if ui.read_aloud:
            self.action_read_aloud()
        if ui.ready_when_you_are:
            self._show_waiting()
        elif not self.speaking:
            self._start_countdown()
        else:
            self.query_one("#countdown", Static).update("Reading the question aloud…")

    def _render_card(self) -> None:
        position = f"{self.index + 1}/{len(self.questions)}"
        if self.following is not None:
            position += " follow-up"
        self.query_one("#question-card", QuestionCard).show(
            self.question, position, self.show_tips, self.show_outline
        )

    def _show_waiting(self, paused: bool = False) -> None:
        """Ready when you are: nothing starts until space."""
        self.query_one("#countdown", Static).update(
            ("Countdown paused · " if paused else "Ready when you are · ")
            + "space starts recording"
            + (" · p resumes" if paused else "")
        )

    def _start_countdown(self) -> None:
        self.paused = False
        self.countdown = self.ctx.services.config.ui.prep_seconds
        if self.countdown <= 0:
            self.action_start_now()
            return
        self._resume_countdown()

    def _resume_countdown(self) -> None:
        self.paused = False
        self._update_countdown()
        self._countdown_timer = self.set_interval(1.0, self._tick)

    def _tick(self) -> None:
        self.countdown -= 1
        if self.countdown <= 0:
            self.action_start_now()
        else:
            self._update_countdown()

    def _update_countdown(self) -> None:
        self.query_one("#countdown", Static).update(
            f"Recording starts in {self.countdown} s · space starts now · p pauses"
        )

    def _stop_countdown(self) -> None:
        if self._countdown_timer is not None:
            self._countdown_timer.stop()
            self._countdown_timer = None

    def action_pause(self) -> None:
        """Pause the countdown (or resume it): then recording waits for space."""
        if self._countdown_timer is not None:
            self._stop_countdown()
            self.paused = True
            self._show_waiting(paused=True)
        elif self.paused:
            self._resume_countdown()

    def action_start_now(self) -> None:
        self._stop_countdown()
        if self.stage != Stage.CARD or self.ctx.audio_problem is not None:
            return
        if self.speaking:
            # Its tail would be transcribed as the answer: start once it is done.
            self._start_after_speech = True
            self.query_one("#countdown", Static).update(
                "Recording starts when the question has been read…"
            )
            return
        self.set_stage(Stage.WORKING)
        self.query_one("#working-label", Label).update("Starting the microphone…")
        timer = self.query_one("#timer", ElapsedTimer)
        timer.target = self.question.target_seconds
        timer.elapsed_s = 0.0
        self.query_one("#record-question", QuestionCard).show(
            self.question, show_tips=self.show_tips
        )
        self.query_one("#live", TranscriptView).show_live("")
        self.take = AnswerTake(
            self.ctx.services,
            self.ctx.model,
            self.question,
            self.session.session_id,
            on_text=self._post_live_text,
            follows=self.follows_id if self.following else None,
        )
        self._start_recording(self.take)

    def action_tips(self) -> None:
        self.show_tips = not self.show_tips
        self._render_card()
        self.query_one("#record-question", QuestionCard).show(
            self.question, show_tips=self.show_tips
        )

    def action_outline(self) -> None:
        """The model outline: revealed on this key only (before answering, a peek)."""
        self.show_outline = not self.show_outline
        if self.stage == Stage.FEEDBACK:
            view = self.query_one(FeedbackView)
            outline = render_outline(self.question.example_outline)
            view.show_outline(outline if self.show_outline else None)
            if self.show_outline:
                view.scroll_to_widget(view.query_one("Static.fb-outline"), animate=False)
        else:
            self._render_card()

    def action_read_aloud(self) -> None:
        self._speak(self.question.text)

    def action_typed(self) -> None:
        self._stop_countdown()
        self.set_stage(Stage.TYPED)
        self.query_one("#typed-question", QuestionCard).show(self.question)
        self.query_one("#typed-answer", TextArea).focus()

    def action_from_file(self) -> None:
        self._stop_countdown()
        self.set_stage(Stage.FILE)
        self.query_one("#file-path", Input).focus()

    def action_back_to_card(self) -> None:
        self.set_stage(Stage.CARD)
        self.query_one("#countdown", Static).update("space starts recording")
        self.set_focus(None)

    @on(SpeakingDone)
    def _spoken(self) -> None:
        self.speaking = False
        if self.stage != Stage.CARD:
            return
        if self._start_after_speech:
            self._start_after_speech = False
            self.action_start_now()
        elif (
            self._countdown_timer is None
            and not self.paused
            and not self.ctx.services.config.ui.ready_when_you_are
            and self.ctx.audio_problem is None
        ):
            self._start_countdown()
