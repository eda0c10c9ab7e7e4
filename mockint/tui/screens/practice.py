"""Practice, one question after another: card → countdown → recording → feedback → next.

The screen only switches stages and shows things; every blocking step (recording, the model,
scoring, the database) runs in a thread worker (:mod:`mockint.tui.session`) that posts a
message back. Without a microphone the same loop takes typed answers or an audio file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Footer, Input, Label, Static, TextArea

from mockint.errors import MockintError
from mockint.fmt import count
from mockint.models import RATINGS, Question
from mockint.tui.bindings import WEAK_ACTIONS, weak_offered
from mockint.tui.context import AppContext
from mockint.tui.jobs import SaveJob, save_in_background
from mockint.tui.messages import (
    AnswerFailed,
    AnswerScored,
    LiveText,
    Notice,
    PlaybackPosition,
    RecordingStarted,
    SessionEnded,
)
from mockint.tui.screens._app import mockint_app
from mockint.tui.screens._replay import Replayer
from mockint.tui.screens._stages import ALWAYS, PRACTICE_BINDINGS, STAGE_ACTIONS, Stage
from mockint.tui.session import AnswerTake, PracticeSession, score_audio_file, score_typed
from mockint.tui.widgets.feedback_view import FeedbackView
from mockint.tui.widgets.level_meter import LevelMeter
from mockint.tui.widgets.question_card import QuestionCard
from mockint.tui.widgets.timer import ElapsedTimer
from mockint.tui.widgets.transcript_view import TranscriptView

if TYPE_CHECKING:
    from mockint.coach import Answered


class PracticeScreen(Screen[None]):
    """One practice session over ``questions``."""

    BINDINGS: ClassVar[list[BindingType]] = PRACTICE_BINDINGS

    def __init__(self, questions: list[Question], kind: str = "practice") -> None:
        super().__init__()
        self.questions = questions
        self.kind = kind
        self.index = 0
        self.stage = Stage.CARD
        self.session = PracticeSession(self._session_problem)
        self.show_tips = False
        self.countdown = 0
        self.take: AnswerTake | None = None
        self.attempt_id: int | None = None
        self.audio_path: str | None = None
        self.rated: str | None = None
        self.weak: bool | None = None
        """The question's weak flag; None while it is read (after each answer)."""
        self.scores: dict[str, int] = {}
        self._countdown_timer: Timer | None = None
        self._poll_timer: Timer | None = None
        self.replayer: Replayer | None = None

    @property
    def mockint(self) -> AppContext:
        return mockint_app(self)

    @property
    def question(self) -> Question:
        return self.questions[self.index]

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial=Stage.CARD, id="stages"):
            with Vertical(id=Stage.CARD):
                yield QuestionCard(id="question-card", classes="panel")
                yield Static("", id="countdown")
                yield Static("", id="audio-problem", classes="problem")
            with Vertical(id=Stage.RECORD):
                yield QuestionCard(id="record-question", classes="compact")
                with Horizontal(id="record-top"):
                    yield ElapsedTimer(id="timer")
                    with Vertical(id="record-side"):
                        yield Label("Level", classes="dim")
                        yield LevelMeter(id="level")
                        yield Label("", id="record-status", classes="dim")
                yield TranscriptView(id="live", classes="panel")
            with Vertical(id=Stage.WORKING):
                yield Label("Scoring your answer…", id="working-label")
            with Vertical(id=Stage.FEEDBACK):
                yield Label("", id="feedback-title")
                yield FeedbackView(id="feedback-view")
                yield Label("", id="feedback-status", classes="dim")
            with Vertical(id=Stage.TYPED):
                yield Label("Type your answer; ctrl+s scores it on the text alone.")
                yield TextArea(id="typed-answer")
            with Vertical(id=Stage.FILE):
                yield Label("Path of a recording to score (wav, flac, mp3, m4a…), then enter:")
                yield Input(placeholder="~/answer.wav", id="file-path")
        yield Footer()

    def on_mount(self) -> None:
        self.session.open(self.mockint.services.backend, self.kind)
        self.replayer = Replayer(self, self.mockint.services)
        self.title = f"{self.kind.title()} · {count(len(self.questions), 'question')}"
        self._start_session()
        self.show_question()

    # -- stages

    def set_stage(self, stage: Stage) -> None:
        self.stage = stage
        self.query_one(ContentSwitcher).current = stage
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ALWAYS:
            return self.stage not in (Stage.TYPED, Stage.FILE)
        known = set().union(*STAGE_ACTIONS.values())
        if action not in known:
            return True
        if action in STAGE_ACTIONS[self.stage]:
            if action in WEAK_ACTIONS:
                return weak_offered(action, self.weak)
            return self._recording_ok(action)
        return False

    def _recording_ok(self, action: str) -> bool:
        if action == "start_now":
            return self.mockint.audio_problem is None
        return True

    def show_question(self) -> None:
        self.show_tips = False
        self.attempt_id = self.audio_path = self.rated = None
        self._render_card()
        self.set_stage(Stage.CARD)
        problem = self.mockint.audio_problem
        self.query_one("#audio-problem", Static).update(
            f"Recording is not available: {problem}\n"
            "Press y to type your answer, or f to score an audio file."
            if problem
            else ""
        )
        if problem:
            self.query_one("#countdown", Static).update("")
            return
        if self.mockint.services.config.ui.read_aloud:
            self.action_read_aloud()
        self._start_countdown()

    def _render_card(self) -> None:
        position = f"{self.index + 1}/{len(self.questions)}"
        self.query_one("#question-card", QuestionCard).show(self.question, position, self.show_tips)

    def _start_countdown(self) -> None:
        self.countdown = self.mockint.services.config.ui.prep_seconds
        if self.countdown <= 0:
            self.action_start_now()
            return
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
            f"Recording starts in {self.countdown} s · space starts now"
        )

    def _stop_countdown(self) -> None:
        if self._countdown_timer is not None:
            self._countdown_timer.stop()
            self._countdown_timer = None

    # -- card actions

    def action_start_now(self) -> None:
        self._stop_countdown()
        if self.stage != Stage.CARD or self.mockint.audio_problem is not None:
            return
        self.set_stage(Stage.WORKING)
        self.query_one("#working-label", Label).update("Starting the microphone…")
        timer = self.query_one("#timer", ElapsedTimer)
        timer.target = self.question.target_seconds
        timer.elapsed_s = 0.0
        self.query_one("#record-question", QuestionCard).show(self.question)
        self.query_one("#live", TranscriptView).show_live("")
        self.take = AnswerTake(
            self.mockint.services,
            self.mockint.model,
            self.question,
            self.session.session_id,
            on_text=self._post_live_text,
        )
        self._start_recording(self.take)

    def _post_live_text(self, text: str) -> None:
        self.post_message(LiveText(text))  # from the live transcriber's thread

    def action_tips(self) -> None:
        self.show_tips = not self.show_tips
        self._render_card()

    def action_read_aloud(self) -> None:
        self._speak(self.question.text)

    def action_skip(self) -> None:
        self._stop_countdown()
        self.action_next()

    def action_typed(self) -> None:
        self._stop_countdown()
        self.set_stage(Stage.TYPED)
        self.query_one("#typed-answer", TextArea).focus()

    def action_from_file(self) -> None:
        self._stop_countdown()
        self.set_stage(Stage.FILE)
        self.query_one("#file-path", Input).focus()

    def action_back_to_card(self) -> None:
        self.set_stage(Stage.CARD)
        self.query_one("#countdown", Static).update("space starts recording")
        self.set_focus(None)

    def action_submit_typed(self) -> None:
        text = self.query_one("#typed-answer", TextArea).text
        question = self.question
        self._run_scoring(
            lambda: score_typed(self.mockint.services, question, text, self.ensure_session())
        )

    @on(Input.Submitted, "#file-path")
    def _file_submitted(self, event: Input.Submitted) -> None:
        path, question = event.value, self.question
        self._run_scoring(
            lambda: score_audio_file(
                self.mockint.services, question, path, self.ensure_session(), self.mockint.model
            )
        )

    # -- recording

    def action_stop(self) -> None:
        if self.stage != Stage.RECORD or self.take is None:
            return
        self._stop_polling()
        self.set_stage(Stage.WORKING)
        self.query_one("#working-label", Label).update("Scoring your answer…")
        self._stop_recording(self.take)

    @work(thread=True, exclusive=True, group="take")
    def _start_recording(self, take: AnswerTake) -> None:
        take.session_id = self.ensure_session()
        try:
            take.start()
        except MockintError as exc:
            self.post_message(AnswerFailed(str(exc), recording_possible=False))
            return
        self.post_message(RecordingStarted(take.attempt_id or 0))
        take.attach_live()

    @work(thread=True, exclusive=True, group="take")
    def _stop_recording(self, take: AnswerTake) -> None:
        self._post_result(take.stop)

    def _run_scoring(self, job: Any) -> None:
        self.set_stage(Stage.WORKING)
        self.query_one("#working-label", Label).update("Scoring your answer…")
        self.run_worker(lambda: self._post_result(job), thread=True, group="take", exclusive=True)

    def _post_result(self, job: Any) -> None:
        from mockint.tui.feedback import FeedbackData

        try:
            result: Answered = job()
        except MockintError as exc:
            self.post_message(AnswerFailed(str(exc)))
            return
        feedback = FeedbackData.from_scored(result.scored)
        audio = str(result.audio_path) if result.audio_path else None
        self.post_message(AnswerScored(result.attempt_id or 0, feedback, audio))

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
        self.query_one("#timer", ElapsedTimer).elapsed_s = self.take.elapsed_s
        self.query_one("#level", LevelMeter).level_dbfs = self.take.level_dbfs
        self._update_record_status()

    def _update_record_status(self) -> None:
        model = self.mockint.model
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

    # -- results

    @on(AnswerScored)
    def _scored(self, message: AnswerScored) -> None:
        self.attempt_id = message.attempt_id
        self.audio_path = message.audio_path
        self.rated = self.weak = None  # the flag is read again: scoring may have set it
        self.scores[self.question.id] = message.feedback.overall
        self.query_one("#feedback-title", Label).update(
            f"{self.index + 1}/{len(self.questions)}  {self.question.text}"
        )
        self.query_one(FeedbackView).show(message.feedback)
        self.set_stage(Stage.FEEDBACK)
        self._feedback_status()
        self.query_one(FeedbackView).scroll_home(animate=False)
        self._load_weak(self.question.id)

    @on(AnswerFailed)
    def _failed(self, message: AnswerFailed) -> None:
        self._stop_polling()
        self.set_stage(Stage.CARD)
        self.query_one("#countdown", Static).update(
            "space tries again · y types the answer · f scores a file"
        )
        self.query_one("#audio-problem", Static).update(f"Something went wrong: {message.error}")
        if not message.recording_possible:
            self.mockint.audio_problem = message.error
            self.refresh_bindings()
        self.notify(message.error, severity="error", timeout=8)

    def _feedback_status(self) -> None:
        rating = f"rated {self.rated}" if self.rated else "rate: 1 again · 2 hard · 3 good · 4 easy"
        weak = {None: "", True: " · flagged weak", False: " · w flags it weak"}[self.weak]
        self.query_one("#feedback-status", Label).update(f"{rating}{weak} · n next")

    # -- feedback actions

    def action_replay(self) -> None:
        if self.replayer:
            self.replayer.toggle(self.audio_path)

    @on(PlaybackPosition)
    def _position(self, message: PlaybackPosition) -> None:
        self.query_one(FeedbackView).follow(message.position_s)

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

    def action_next(self) -> None:
        self._stop_replay()
        if self.index + 1 < len(self.questions):
            self.index += 1
            self.show_question()
        else:
            self.action_end_session()

    def action_end_session(self) -> None:
        self._stop_countdown()
        self._stop_polling()
        self._stop_replay()
        if self.stage == Stage.RECORD and self.take is not None:
            self.run_worker(self.take.cancel, thread=True)
        self.set_stage(Stage.WORKING)
        self.query_one("#working-label", Label).update("Wrapping up the session…")
        self._end_session()

    def _stop_replay(self) -> None:
        if self.replayer:
            self.replayer.stop()

    # -- background jobs

    @work(thread=True, group="db")
    def _start_session(self) -> None:
        self.ensure_session()

    def ensure_session(self) -> int | None:
        """The session's id, starting it first if needed (blocking: call from workers)."""
        return self.session.ensure()

    @work(thread=True, exclusive=True, group="weak")
    def _load_weak(self, question_id: str) -> None:
        try:
            weak = self.mockint.services.backend.is_weak(question_id)
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

    def _background(self, job: SaveJob) -> None:
        save_in_background(self, self.mockint.services, job)

    def _speak(self, text: str) -> None:
        speak = self.mockint.services.speak
        self.run_worker(lambda: speak(text), thread=True, group="speak", exclusive=True)

    @work(thread=True, exclusive=True, group="end")
    def _end_session(self) -> None:
        answered = [(q.text, self.scores[q.id]) for q in self.questions if q.id in self.scores]
        self.post_message(SessionEnded(self.session.end(self.mockint.services.now(), answered)))

    def _session_problem(self, problem: str) -> None:
        # Practice still works without a session; the summary will be thinner.
        self.post_message(Notice(problem, "warning"))

    @on(SessionEnded)
    def _session_ended(self, message: SessionEnded) -> None:
        from mockint.tui.screens.summary import SummaryScreen

        self.app.switch_screen(SummaryScreen(message.summary))

    @on(Notice)
    def _notice(self, message: Notice) -> None:
        self.notify(message.text, severity=message.severity)  # type: ignore[arg-type]
