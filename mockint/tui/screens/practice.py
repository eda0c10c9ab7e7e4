"""Practice, one question after another: card → countdown → recording → feedback → next.

The screen only switches stages and shows things; every blocking step (recording, the model,
scoring, the database) runs in a thread worker (:mod:`mockint.tui.session`) that posts a
message back. Without a microphone the same loop takes typed answers or an audio file.

Its parts, one class on another: :mod:`._practice_base` (state, layout, keys per stage),
:mod:`._practice_record` (recording and scoring), :mod:`._practice_card` (the card and
countdown); this module is the feedback and the session's end.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.binding import BindingType
from textual.widgets import Label, Static

from mockint.coach.follow_up import choose_follow_up, follow_up_question
from mockint.fmt import count
from mockint.models import RATINGS
from mockint.tui.messages import AnswerFailed, AnswerScored, PlaybackPosition, SessionEnded
from mockint.tui.screens._practice_card import CardStage
from mockint.tui.screens._replay import Replayer
from mockint.tui.screens._stages import PRACTICE_BINDINGS, Stage
from mockint.tui.screens.choice import Choice, ChoiceScreen
from mockint.tui.widgets.feedback_view import (
    NOT_COUNTED,
    FeedbackView,
    render_outline,
    render_trend,
)


class PracticeScreen(CardStage):
    """One practice session over ``questions``."""

    BINDINGS: ClassVar[list[BindingType]] = PRACTICE_BINDINGS

    def on_mount(self) -> None:
        self.session.open(self.ctx.services.backend, self.kind)
        self.replayer = Replayer(self, self.ctx.services)
        self.title = f"{self.kind.title()} · {count(len(self.questions), 'question')}"
        self._start_session()
        self.show_question()

    @on(AnswerScored)
    def _scored(self, message: AnswerScored) -> None:
        self.attempt_id = message.attempt_id
        self.audio_path = message.audio_path
        self.rated = self.weak = None  # the flag is read again: scoring may have set it
        follow_up = self.following is not None
        counted = message.counted and not follow_up
        if counted:  # the fallback recap shows only what counts
            self.scores[self.question.id] = message.feedback.overall
        if not follow_up:
            self.follows_id, self.main_flags = message.attempt_id, message.feedback.flags
            self.asked = []
        self._offer_follow_up(message.feedback.flags)
        self.query_one("#feedback-title", Label).update(
            f"{self.index + 1}/{len(self.questions)}  {self.question.text}"
        )
        view = self.query_one(FeedbackView)
        not_counted = None
        if follow_up:
            not_counted = "A follow-up: scored, but it does not count in the question's average."
        elif not counted:
            not_counted = NOT_COUNTED
        trend = render_trend(message.feedback.overall, message.before, not_counted)
        outline = render_outline(self.question.example_outline) if self.show_outline else None
        view.show(message.feedback, trend, outline)
        self.set_stage(Stage.FEEDBACK)
        self._feedback_status()
        view.scroll_home(animate=False)
        view.focus()  # PageDown, Down and End scroll it at once
        self._load_weak(self.question.id)

    @on(AnswerFailed)
    def _failed(self, message: AnswerFailed) -> None:
        self._stop_polling()
        self.set_stage(Stage.CARD)
        if not message.recording_possible:
            self.ctx.audio_problem = message.error
            self.refresh_bindings()
        # space records: not offered without a microphone.
        again = "space tries again · " if self.ctx.audio_problem is None else ""
        self.query_one("#countdown", Static).update(f"{again}y types the answer · f scores a file")
        self.query_one("#audio-problem", Static).update(f"Something went wrong: {message.error}")
        self.notify(message.error, severity="error", timeout=8)

    def _offer_follow_up(self, flags: tuple[str, ...]) -> None:
        """What an interviewer would ask next, given the main answer (and what the
        follow-ups asked so far); none for a silent take or with follow-ups turned off."""
        self.follow_offer = None
        if not self.ctx.services.config.ui.follow_ups or "no_speech" in flags:
            return
        self.follow_offer = choose_follow_up(self.main_question, self.main_flags, self.asked)

    def _feedback_status(self) -> None:
        # The footer offers w already: the line says only that it is flagged (80 columns).
        parts = ["flagged weak"] if self.weak else []
        if self.following is None:
            rated = "rate: 1 again · 2 hard · 3 good · 4 easy"
            parts.insert(0, f"rated {self.rated}" if self.rated else rated)
        offer = self.follow_offer
        follow = f"Follow-up: “{offer.text}” · f answers it" if offer else ""
        self.query_one("#feedback-follow", Label).update(follow)
        self.query_one("#feedback-status", Label).update(
            " · ".join([*parts, "o outline", "n next"])
        )

    def action_follow_up(self) -> None:
        """Answer the follow-up on offer, as an attempt linked to the main answer."""
        offer = self.follow_offer
        if offer is None or self.follows_id is None:
            return
        self._stop_replay()
        self.asked.append(offer.text)
        self.following = follow_up_question(self.main_question, offer)
        self.show_question()

    def action_replay(self) -> None:
        """p plays the answer from its first word, pauses it, and resumes it."""
        if not self.replayer:
            return
        data = self.query_one(FeedbackView).data
        first = data.words[0].start if data and data.words else None
        self.replayer.toggle(self.audio_path, first)
        self._replay_status()

    @on(PlaybackPosition)
    def _position(self, message: PlaybackPosition) -> None:
        self.query_one(FeedbackView).follow(message.position_s)
        self._replay_status()

    def _replay_status(self) -> None:
        data = self.query_one(FeedbackView).data
        status = self.replayer.status(data.duration_s) if self.replayer and data else ""
        self.query_one("#replay-status", Label).update(status)

    def action_discard(self) -> None:
        if self.attempt_id is None:
            return
        self.app.push_screen(
            ChoiceScreen(
                "Discard this take? Its recording, transcript and score are deleted, and "
                "it will not count.",
                (Choice("x", "discard it and answer again", "discard"),),
                cancel="keep",
            ),
            self._discard_chosen,
        )

    def _discard_chosen(self, choice: str | None) -> None:
        if choice != "discard" or self.attempt_id is None:
            return
        self._stop_replay()
        attempt_id = self.attempt_id
        self.scores.pop(self.question.id, None)
        self._background(lambda b, now: b.discard(attempt_id, now))
        self.notify("Take discarded: nothing of it is kept.")
        self.show_question()

    def action_redo(self) -> None:
        self._stop_replay()
        self.show_question()

    def action_rate(self, rating: str) -> None:
        if rating not in RATINGS or self.attempt_id is None:
            return
        self.rated = rating
        self._feedback_status()
        attempt_id, qid = self.attempt_id, self.question.id
        self._background(lambda b, now: b.rate(attempt_id, qid, rating, now))

    def action_weak(self) -> None:
        self.weak = weak = not self.weak
        self._feedback_status()
        self.refresh_bindings()
        qid = self.question.id
        self._background(lambda b, now: b.set_weak(qid, weak))

    action_unflag_weak = action_weak

    def action_skip(self) -> None:
        self._stop_countdown()
        self.action_next()

    def action_next(self) -> None:
        self._stop_replay()
        self.following = self.follow_offer = None
        self.follows_id = None
        if self.index + 1 < len(self.questions):
            self.index += 1
            self.show_question()
        else:
            self.action_end_session()

    def action_end_session(self) -> None:
        if self.stage == Stage.RECORD and self.take is not None:
            # Never throw a take away on one key: recording goes on while the user decides.
            self.app.push_screen(
                ChoiceScreen(
                    "You are recording an answer.",
                    (
                        Choice("space", "stop and score this take", "score"),
                        Choice("d", "discard this take and end the session", "discard"),
                        Choice("escape", "keep recording", "keep"),
                    ),
                    cancel="keep",
                ),
                self._end_while_recording,
            )
            return
        self._end_now()

    def _end_while_recording(self, choice: str | None) -> None:
        if choice == "score":
            self.action_stop()
        elif choice == "discard" and self.take is not None:
            self._stop_polling()
            self.run_worker(self.take.discard, thread=True, group="take", exclusive=True)
            self.take = None
            self._end_now()

    def _end_now(self) -> None:
        self._stop_countdown()
        self._stop_polling()
        self._stop_replay()
        self.set_stage(Stage.WORKING)
        self.query_one("#working-label", Label).update("Wrapping up the session…")
        self._end_session()

    def _stop_replay(self) -> None:
        if self.replayer:
            self.replayer.stop()
            self.query_one("#replay-status", Label).update("")

    @work(thread=True, exclusive=True, group="weak")
    def _load_weak(self, question_id: str) -> None:
        try:
            weak = self.ctx.services.backend.is_weak(question_id)
        except Exception:
            return
        self.app.call_from_thread(self._set_weak, question_id, weak)

    def _set_weak(self, question_id: str, weak: bool) -> None:
        # Only the first read after an answer, for the question still shown: a late answer
        # must not undo a w pressed meanwhile, nor show another question's flag.
        if question_id != self.question.id or self.weak is not None:
            return
        self.weak = weak
        if self.stage == Stage.FEEDBACK:
            self._feedback_status()
            self.refresh_bindings()

    @work(thread=True, exclusive=True, group="end")
    def _end_session(self) -> None:
        answered = [(q.text, self.scores[q.id]) for q in self.questions if q.id in self.scores]
        self.post_message(SessionEnded(self.session.end(self.ctx.services.now(), answered)))

    @on(SessionEnded)
    def _session_ended(self, message: SessionEnded) -> None:
        from mockint.tui.screens.summary import SummaryScreen

        self.app.switch_screen(SummaryScreen(self.ctx, message.summary))
