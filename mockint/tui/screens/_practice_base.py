"""The practice screen's frame: its state, its layout (one container a stage), which keys each
stage offers, and the background jobs every stage uses. See :mod:`mockint.tui.screens.practice`."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Footer, Input, Label, Static, TextArea

from mockint.coach.follow_up import FollowUp
from mockint.models import Question
from mockint.tui.bindings import WEAK_ACTIONS, weak_offered
from mockint.tui.context import ScreenContext
from mockint.tui.jobs import SaveJob, save_in_background
from mockint.tui.messages import Notice, SpeakingDone
from mockint.tui.screens._replay import Replayer
from mockint.tui.screens._stages import ALWAYS, STAGE_ACTIONS, Stage
from mockint.tui.session import AnswerTake, PracticeSession
from mockint.tui.widgets.feedback_view import FeedbackView
from mockint.tui.widgets.level_meter import LevelMeter
from mockint.tui.widgets.question_card import QuestionCard
from mockint.tui.widgets.timer import ElapsedTimer
from mockint.tui.widgets.transcript_view import TranscriptView


class PracticeBase(Screen[None]):
    """The state of one practice session over ``questions``, and its layout."""

    def __init__(
        self, ctx: ScreenContext, questions: list[Question], kind: str = "practice"
    ) -> None:
        super().__init__()
        self.ctx = ctx
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
            return self.ctx.audio_problem is None
        if action == "follow_up":
            return self.follow_offer is not None
        if action == "replay":  # a typed answer has no recording
            return self.audio_path is not None
        if action in ("rate", "from_file"):
            # A follow-up is not a review of its question, and is answered here, not filed.
            return self.following is None
        return True

    @work(thread=True, group="db")
    def _start_session(self) -> None:
        self.ensure_session()

    def ensure_session(self) -> int | None:
        """The session's id, starting it first if needed (blocking: call from workers)."""
        return self.session.ensure()

    def _background(self, job: SaveJob) -> None:
        save_in_background(self, self.ctx.services, job)

    def _speak(self, text: str) -> None:
        speak = self.ctx.services.speak
        self.speaking = True

        def run() -> None:
            try:
                speak(text)
            finally:
                self.post_message(SpeakingDone())

        self.run_worker(run, thread=True, group="speak", exclusive=True)

    def _session_problem(self, problem: str) -> None:
        # Practice still works without a session; the summary will be thinner.
        self.post_message(Notice(problem, "warning"))

    @on(Notice)
    def _notice(self, message: Notice) -> None:
        self.notify(message.text, severity=message.severity)  # type: ignore[arg-type]
