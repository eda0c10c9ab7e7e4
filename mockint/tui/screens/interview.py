"""A mock interview: N questions back to back, feedback for all of them at the end.

Each question is read aloud, and only once the reading has finished does the recording start
(the question's own words must never end up in the answer); space ends the answer, it is
saved and scored like any other (audio on disk first), and the next question follows with no
feedback in between, as in a real interview. Esc asks before ending; what was recorded is
kept. The end shows the interview as a whole (:mod:`mockint.tui.screens.interview_results`).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Footer, Label, Static, TextArea

from mockint.errors import MockintError
from mockint.models import Question
from mockint.tui.context import ScreenContext
from mockint.tui.messages import AnswerFailed, Notice, RecordingStarted
from mockint.tui.session import AnswerTake, PracticeSession, score_typed, start_take
from mockint.tui.widgets.level_meter import LevelMeter
from mockint.tui.widgets.question_card import QuestionCard
from mockint.tui.widgets.timer import ElapsedTimer

if TYPE_CHECKING:
    from collections.abc import Callable

    from mockint.coach import Answered
    from mockint.tui.feedback import FeedbackData

ASK, RECORD, SAVING, TYPED = "ask", "record", "saving", "typed"

STAGE_ACTIONS = {
    ASK: {"typed"},
    RECORD: {"stop"},
    SAVING: set[str](),
    TYPED: {"submit_typed"},
}


class QuestionRead(Message):
    """The question has been read aloud: the answer may be recorded now."""


class AnswerKept(Message):
    """An answer of the interview was saved (``feedback`` None: kept, but not scored)."""

    def __init__(self, feedback: FeedbackData | None, error: str | None = None) -> None:
        super().__init__()
        self.feedback = feedback
        self.error = error


class ConfirmEnd(ModalScreen[bool]):
    """Ending an interview half-way: asked first, since it cannot be resumed."""

    DEFAULT_CSS = """
    ConfirmEnd { align: center middle; }
    ConfirmEnd #confirm-box { width: 72; max-width: 100%; height: auto; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "End it"),
        Binding("n", "answer(False)", "Go on"),
        Binding("escape", "answer(False)", "Go on", show=False),
    ]

    def __init__(self, answered: int, recording: bool) -> None:
        super().__init__()
        self.answered = answered
        self.recording = recording

    def compose(self) -> ComposeResult:
        kept = f"{self.answered} answer{'s' if self.answered != 1 else ''} so far"
        if self.recording:
            kept += " and the one you are giving now"
        verb = "is" if self.answered == 1 and not self.recording else "are"
        with Vertical(id="confirm-box", classes="panel"):
            yield Label("End the interview now?", classes="page-title")
            yield Static(
                f"Your {kept} {verb} kept, with feedback for each.\n\n"
                "y ends it · n goes on with the interview"
            )
        yield Footer()

    def action_answer(self, end: bool) -> None:
        self.dismiss(end)


class InterviewScreen(Screen[None]):
    """A mock interview (i on home): the questions back to back, each read aloud and then
    answered, with feedback for all of them at the end."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "stop", "Done answering"),
        Binding("enter", "stop", "Done answering", show=False),
        Binding("y", "typed", "Type the answer"),
        Binding("ctrl+s", "submit_typed", "Give the answer"),
        Binding("escape", "end", "End interview"),
    ]

    AUTO_FOCUS = ""  # nothing: space and enter are the screen's, not the typed answer's

    pause_after_reading_s: ClassVar[float] = 0.4
    """Quiet between the end of the reading and the recording: the speaker's last buffered
    sound must not open the answer."""

    def __init__(self, ctx: ScreenContext, questions: list[Question]) -> None:
        super().__init__()
        self.ctx = ctx
        self.questions = questions
        self.index = 0
        self.stage = ASK
        self.session = PracticeSession(self._session_problem)
        self.take: AnswerTake | None = None
        self.answers: list[tuple[Question, FeedbackData | None]] = []
        self.ending = False
        self.confirming = False
        """The "end the interview?" question is open: a question read meanwhile waits."""
        self._read_waiting = False
        self._poll_timer: Timer | None = None

    @property
    def question(self) -> Question:
        return self.questions[self.index]

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial=ASK, id="interview-stages"):
            with Vertical(id=ASK):
                yield QuestionCard(id="interview-question", classes="panel")
                yield Static("", id="interview-status")
            with Vertical(id=RECORD):
                yield QuestionCard(id="interview-record-question", classes="compact")
                with Horizontal(id="record-top"):
                    yield ElapsedTimer(id="interview-timer")
                    with Vertical(id="record-side"):
                        yield Label("Level", classes="dim")
                        yield LevelMeter(id="interview-level")
                        yield Label("answering · space when done", classes="dim")
                yield Static("No feedback until the end, as in a real interview.", classes="dim")
            with Vertical(id=SAVING):
                yield Label("", id="interview-saving")
            with Vertical(id=TYPED):
                yield Label("Type your answer; ctrl+s gives it and moves on.")
                yield TextArea(id="interview-typed")
        yield Footer()

    def on_mount(self) -> None:
        self.session.open(self.ctx.services.backend, "interview")
        self.title = f"Mock interview · {len(self.questions)} questions"
        self.ask()

    def set_stage(self, stage: str) -> None:
        self.stage = stage
        self.query_one(ContentSwitcher).current = stage
        if stage != TYPED:
            self.set_focus(None)  # the typed answer's box would take space and enter itself
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "end":
            return True
        known = set().union(*STAGE_ACTIONS.values())
        if action not in known:
            return True
        if action == "typed" and self.ctx.audio_problem is None:
            return False  # the microphone works: an interview is spoken
        return action in STAGE_ACTIONS[self.stage]

    # -- one question

    def ask(self) -> None:
        """Show the question and read it aloud; the recording starts when the reading ends."""
        position = f"Question {self.index + 1} of {len(self.questions)}"
        self.query_one("#interview-question", QuestionCard).show(self.question, position)
        self.set_stage(ASK)
        status = self.query_one("#interview-status", Static)
        problem = self.ctx.audio_problem
        if problem:
            status.update(f"Recording is not available: {problem}\nPress y to type your answer.")
            return
        status.update("The interviewer asks… your answer is recorded once the question is read.")
        self._read_question(self.question.text)

    @work(thread=True, exclusive=True, group="speak")
    def _read_question(self, text: str) -> None:
        self.ctx.services.speak(text)  # blocks until the reading has finished
        time.sleep(self.pause_after_reading_s)
        self.post_message(QuestionRead())

    @on(QuestionRead)
    def _question_read(self) -> None:
        if self.stage != ASK or self.ending:
            return
        if self.confirming:
            self._read_waiting = True  # recording starts if the user goes on
            return
        self.set_stage(SAVING)
        self.query_one("#interview-saving", Label).update("Starting the microphone…")
        timer = self.query_one("#interview-timer", ElapsedTimer)
        timer.target = self.question.target_seconds
        timer.elapsed_s = 0.0
        self.query_one("#interview-record-question", QuestionCard).show(self.question)
        self.take = AnswerTake(
            self.ctx.services,
            self.ctx.model,
            self.question,
            self.session.session_id,
            on_text=lambda _text: None,  # no live transcript: nothing to read but the question
        )
        self._start_recording(self.take)

    @work(thread=True, exclusive=True, group="take")
    def _start_recording(self, take: AnswerTake) -> None:
        start_take(take, self.session.ensure(), self.post_message)

    @on(RecordingStarted)
    def _recording_started(self) -> None:
        self.set_stage(RECORD)
        self._poll_timer = self.set_interval(0.1, self._poll)
        if self.ending:  # ended while the microphone was starting
            self.action_stop()

    def _poll(self) -> None:
        if self.take is not None:
            self.query_one("#interview-timer", ElapsedTimer).elapsed_s = self.take.elapsed_s
            self.query_one("#interview-level", LevelMeter).level_dbfs = self.take.level_dbfs

    def _stop_polling(self) -> None:
        if self._poll_timer is not None:
            self._poll_timer.stop()
            self._poll_timer = None

    def action_stop(self) -> None:
        if self.stage != RECORD or self.take is None:
            return
        self._stop_polling()
        self._saving()
        self._finish(self.take.stop)

    def action_typed(self) -> None:
        self.set_stage(TYPED)
        self.query_one("#interview-typed", TextArea).focus()

    def action_submit_typed(self) -> None:
        text = self.query_one("#interview-typed", TextArea).text
        if not text.strip():
            self.notify("Type your answer first, then press ctrl+s.")
            return
        self.query_one("#interview-typed", TextArea).text = ""
        self._saving()
        services, question = self.ctx.services, self.question
        self._finish(lambda: score_typed(services, question, text, self.session.ensure()))

    def _saving(self) -> None:
        self.set_stage(SAVING)
        last = self.index + 1 >= len(self.questions) or self.ending
        self.query_one("#interview-saving", Label).update(
            "Saving your answer…" if last else "Saving your answer · the next question follows…"
        )

    @work(thread=True, exclusive=True, group="take")
    def _finish(self, job: Callable[[], Answered]) -> None:
        from mockint.tui.feedback import FeedbackData

        try:
            result = job()
        except MockintError as exc:
            # Kept (a failed answer stays with its audio, for `history --retry`).
            self.post_message(AnswerKept(None, str(exc)))
            return
        self.post_message(AnswerKept(FeedbackData.from_scored(result.scored)))

    @on(AnswerKept)
    def _answer_kept(self, message: AnswerKept) -> None:
        self.take = None
        self.answers.append((self.question, message.feedback))
        if message.error:
            self.notify(message.error, severity="warning", timeout=6)
        if self.ending or self.index + 1 >= len(self.questions):
            self._wrap_up()
            return
        self.index += 1
        self.ask()

    @on(AnswerFailed)
    def _failed(self, message: AnswerFailed) -> None:
        self._stop_polling()
        self.take = None
        if not message.recording_possible:
            self.ctx.audio_problem = message.error
        self.notify(message.error, severity="error", timeout=8)
        if self.ending:
            self._wrap_up()
        else:
            self.ask()

    # -- ending

    def action_end(self) -> None:
        if self.ending:
            return
        recording = self.stage == RECORD and self.take is not None
        self.confirming = True
        self.app.push_screen(ConfirmEnd(len(self.answers), recording), self._end_answered)

    def _end_answered(self, end: bool | None) -> None:
        self.confirming = False
        waiting, self._read_waiting = self._read_waiting, False
        if not end:
            if waiting:
                self._question_read()
            return
        self.ending = True
        self.workers.cancel_group(self, "speak")
        if self.stage == RECORD and self.take is not None:
            self.action_stop()  # the answer being given is kept and scored with the others
        elif self.stage != SAVING:
            self._wrap_up()

    def _wrap_up(self) -> None:
        self.set_stage(SAVING)
        self.query_one("#interview-saving", Label).update("Putting your feedback together…")
        self._summarize()

    @work(thread=True, exclusive=True, group="end")
    def _summarize(self) -> None:
        from mockint.tui.screens.interview_results import InterviewResults, results_of

        backend = self.ctx.services.backend
        session_id = self.session.session_id
        summary = None
        if session_id is not None:
            try:
                backend.end_session(session_id)
                summary = backend.interview_summary(session_id)
            except Exception as exc:  # the screen's own answers make the summary instead
                self.post_message(Notice(f"Could not read the interview back: {exc}", "warning"))
        self.app.call_from_thread(
            self.app.switch_screen, InterviewResults(results_of(self.answers, summary))
        )

    def _session_problem(self, problem: str) -> None:
        self.post_message(Notice(problem, "warning"))

    @on(Notice)
    def _notice(self, message: Notice) -> None:
        self.notify(message.text, severity=message.severity)  # type: ignore[arg-type]
