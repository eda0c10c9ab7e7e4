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

from mockint.coach.follow_up import FollowUp, choose_follow_up, follow_up_question
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
    SpeakingDone,
)
from mockint.tui.screens._app import mockint_app
from mockint.tui.screens._replay import Replayer
from mockint.tui.screens._stages import ALWAYS, PRACTICE_BINDINGS, STAGE_ACTIONS, Stage
from mockint.tui.screens.choice import Choice, ChoiceScreen
from mockint.tui.session import AnswerTake, PracticeSession, score_audio_file, score_typed
from mockint.tui.widgets.feedback_view import (
    NOT_COUNTED,
    FeedbackView,
    render_outline,
    render_trend,
)
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
        self.show_outline = False
        """The model outline is shown: after answering, or before when the user asks."""
        self.countdown = 0
        self.take: AnswerTake | None = None
        self.attempt_id: int | None = None
        self.audio_path: str | None = None
        self.rated: str | None = None
        self.weak: bool | None = None
        """The question's weak flag; None while it is read (after each answer)."""
        self.scores: dict[str, int] = {}
        # Follow-ups of the current question: the one on offer, the one being answered
        # (``question`` is then it), the attempt they follow, and those asked already.
        self.follow_offer: FollowUp | None = None
        self.following: Question | None = None
        self.follows_id: int | None = None
        self.main_flags: tuple[str, ...] = ()
        self.asked: list[str] = []
        self._countdown_timer: Timer | None = None
        self.paused = False
        self.speaking = False
        """Read-aloud is speaking the question: recording waits until it is done."""
        self._start_after_speech = False
        self._poll_timer: Timer | None = None
        self.replayer: Replayer | None = None

    @property
    def mockint(self) -> AppContext:
        return mockint_app(self)

    @property
    def question(self) -> Question:
        """The question being answered: a follow-up while one is, else the session's."""
        return self.following or self.questions[self.index]

    @property
    def main_question(self) -> Question:
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
                yield Label("", id="replay-status")
                yield Label("", id="feedback-follow")
                yield Label("", id="feedback-status", classes="dim")
            with Vertical(id=Stage.TYPED):
                yield QuestionCard(id="typed-question", classes="compact")
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
        if action == "follow_up":
            return self.follow_offer is not None
        if action in ("rate", "from_file"):
            # A follow-up is not a review of its question, and is answered here, not filed.
            return self.following is None
        return True

    def show_question(self) -> None:
        self.show_tips = self.show_outline = self.paused = self._start_after_speech = False
        self.attempt_id = self.audio_path = self.rated = None
        self._render_card()
        self.set_stage(Stage.CARD)
        self.set_focus(None)
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
        ui = self.mockint.services.config.ui
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
        self.countdown = self.mockint.services.config.ui.prep_seconds
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

    # -- card actions

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
        if self.stage != Stage.CARD or self.mockint.audio_problem is not None:
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
            self.mockint.services,
            self.mockint.model,
            self.question,
            self.session.session_id,
            on_text=self._post_live_text,
            follows=self.follows_id if self.following else None,
        )
        self._start_recording(self.take)

    def _post_live_text(self, text: str) -> None:
        self.post_message(LiveText(text))  # from the live transcriber's thread

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

    def action_skip(self) -> None:
        self._stop_countdown()
        self.action_next()

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

    def action_submit_typed(self) -> None:
        text = self.query_one("#typed-answer", TextArea).text
        question = self.question
        follows = self.follows_id if self.following else None
        self._run_scoring(
            lambda: score_typed(
                self.mockint.services, question, text, self.ensure_session(), follows
            ),
            question,
        )

    @on(Input.Submitted, "#file-path")
    def _file_submitted(self, event: Input.Submitted) -> None:
        path, question = event.value, self.question
        self._run_scoring(
            lambda: score_audio_file(
                self.mockint.services, question, path, self.ensure_session(), self.mockint.model
            ),
            question,
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
            return self.mockint.services.backend.scores_of(question_id)
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
        self.query_one("#countdown", Static).update(
            "space tries again · y types the answer · f scores a file"
        )
        self.query_one("#audio-problem", Static).update(f"Something went wrong: {message.error}")
        if not message.recording_possible:
            self.mockint.audio_problem = message.error
            self.refresh_bindings()
        self.notify(message.error, severity="error", timeout=8)

    def _offer_follow_up(self, flags: tuple[str, ...]) -> None:
        """What an interviewer would ask next, given the main answer (and what the
        follow-ups asked so far); none for a silent take or with follow-ups turned off."""
        self.follow_offer = None
        if not self.mockint.services.config.ui.follow_ups or "no_speech" in flags:
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

    # -- feedback actions

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
        self.speaking = True

        def run() -> None:
            try:
                speak(text)
            finally:
                self.post_message(SpeakingDone())

        self.run_worker(run, thread=True, group="speak", exclusive=True)

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
            and not self.mockint.services.config.ui.ready_when_you_are
            and self.mockint.audio_problem is None
        ):
            self._start_countdown()

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
