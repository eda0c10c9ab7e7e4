"""The practice screen's recording and scoring: a take from the microphone, a typed answer or a
file, scored in a thread worker that posts the result back."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.widgets import Input, Label, TextArea

from mockint.errors import MockintError
from mockint.models import Question
from mockint.tui.messages import AnswerFailed, AnswerScored, LiveText, RecordingStarted
from mockint.tui.screens._practice_base import PracticeBase
from mockint.tui.screens._stages import Stage
from mockint.tui.session import AnswerTake, score_audio_file, score_typed, start_take
from mockint.tui.widgets.level_meter import LevelMeter
from mockint.tui.widgets.timer import ElapsedTimer
from mockint.tui.widgets.transcript_view import TranscriptView

if TYPE_CHECKING:
    from mockint.coach import Answered


class RecordStage(PracticeBase):
    """Recording a take, and scoring any answer in a worker."""

    def action_stop(self) -> None:
        if self.stage != Stage.RECORD or self.take is None:
            return
        self._stop_polling()
        self.set_stage(Stage.WORKING)
        self.query_one("#working-label", Label).update("Scoring your answer…")
        self._stop_recording(self.take)

    @work(thread=True, exclusive=True, group="take")
    def _start_recording(self, take: AnswerTake) -> None:
        start_take(take, self.ensure_session(), self.post_message)

    @work(thread=True, exclusive=True, group="take")
    def _stop_recording(self, take: AnswerTake) -> None:
        self._post_result(take.stop, take.question)

    def _run_scoring(self, job: Any, question: Question) -> None:
        self.set_stage(Stage.WORKING)
        self.query_one("#working-label", Label).update("Scoring your answer…")
        self.run_worker(
            lambda: self._post_result(job, question), thread=True, group="take", exclusive=True
        )

    def _post_result(self, job: Any, question: Question) -> None:
        from mockint.tui.feedback import FeedbackData

        before = self._scores_before(question.id)
        try:
            result: Answered = job()
        except MockintError as exc:
            self.post_message(AnswerFailed(str(exc)))
            return
        feedback = FeedbackData.from_scored(result.scored)
        audio = str(result.audio_path) if result.audio_path else None
        counted = "no_speech" not in feedback.flags
        self.post_message(AnswerScored(result.attempt_id or 0, feedback, audio, before, counted))

    def _scores_before(self, question_id: str) -> tuple[int, ...]:
        try:
            return self.ctx.services.backend.scores_of(question_id)
        except Exception:  # the comparison is a nicety: the answer itself must go on
            return ()

    @on(RecordingStarted)
    def _recording_started(self, message: RecordingStarted) -> None:
        self.attempt_id = message.attempt_id
        self.set_stage(Stage.RECORD)
        self._update_record_status()
        self._poll_timer = self.set_interval(0.1, self._poll)

    def _poll(self) -> None:
        # The meter and timer are polled from the UI side, so they keep moving even while a
        # chunk is being transcribed in another thread.
        if self.take is None:
            return
        if self.take.problem:  # a full disk: stop now and say why, not "recording" on
            self.action_stop()
            return
        self.query_one("#timer", ElapsedTimer).elapsed_s = self.take.elapsed_s
        self.query_one("#level", LevelMeter).level_dbfs = self.take.level_dbfs
        self._update_record_status()

    def _update_record_status(self) -> None:
        model = self.ctx.model
        status = "recording · space stops"
        if not model.ready:
            status = "recording · loading the speech model (nothing is lost)"
        elif model.error:
            status = f"recording · no live transcript: {model.error}"
        self.query_one("#record-status", Label).update(status)

    def _stop_polling(self) -> None:
        if self._poll_timer is not None:
            self._poll_timer.stop()
            self._poll_timer = None

    @on(LiveText)
    def _live_text(self, message: LiveText) -> None:
        self.query_one("#live", TranscriptView).show_live(message.text)

    def _post_live_text(self, text: str) -> None:
        self.post_message(LiveText(text))  # from the live transcriber's thread

    def action_submit_typed(self) -> None:
        text = self.query_one("#typed-answer", TextArea).text
        if not text.strip():  # scored, it would be a silent take: "check the microphone"
            self.notify("Type your answer first, then press ctrl+s.")
            return
        question = self.question
        follows = self.follows_id if self.following else None
        self._run_scoring(
            lambda: score_typed(self.ctx.services, question, text, self.ensure_session(), follows),
            question,
        )

    @on(Input.Submitted, "#file-path")
    def _file_submitted(self, event: Input.Submitted) -> None:
        path, question = event.value, self.question
        self._run_scoring(
            lambda: score_audio_file(
                self.ctx.services, question, path, self.ensure_session(), self.ctx.model
            ),
            question,
        )
