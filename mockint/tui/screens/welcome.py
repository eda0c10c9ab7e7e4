"""A short welcome on first run, and the microphone check ("say something")."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Footer, Label, Static

from mockint.tui.context import ScreenContext
from mockint.tui.messages import AnswerFailed, RecordingStarted
from mockint.tui.widgets.level_meter import SPEECH_DBFS, LevelMeter

if TYPE_CHECKING:
    from mockint.audio.recorder import Recorder

WELCOME = (
    "mockint asks you interview questions; you answer out loud. It listens, transcribes on "
    "this machine (nothing leaves it), and tells you honestly how it went: fillers, pace, "
    "pauses, structure. Questions you find hard come back until they are not.\n\n"
    "Each answer: read the question, take a breath, speak, press space. That is all."
)


class WelcomeScreen(ModalScreen[None]):
    """Welcome text (first run) and a live level meter from the microphone."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "close", "Continue"),
        Binding("escape", "close", "Close", show=False),
    ]

    def __init__(self, ctx: ScreenContext, first_run: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.first_run = first_run
        self.recorder: Recorder | None = None
        self.loudest = -120.0
        self._poll: Timer | None = None
        self._tmp = tempfile.TemporaryDirectory(prefix="mockint-mic-")

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome", classes="dialog"):
            yield Label(
                "Welcome to mockint" if self.first_run else "Microphone check", classes="page-title"
            )
            if self.first_run:
                yield Static(WELCOME, id="welcome-text")
            yield Label("Microphone check: say something", id="mic-title", classes="panel-title")
            yield LevelMeter(id="mic-level")
            yield Static("Starting the microphone…", id="mic-verdict", classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        self._start()

    @work(thread=True, exclusive=True, group="mic")
    def _start(self) -> None:
        problem = self.ctx.wait_for_audio_check()
        if problem:
            self.post_message(AnswerFailed(problem, recording_possible=False))
            return
        try:
            recorder = self.ctx.services.make_recorder(Path(self._tmp.name) / "check.wav", None)
            recorder.start()
        except Exception as exc:
            self.post_message(AnswerFailed(str(exc), recording_possible=False))
            return
        self.recorder = recorder
        self.post_message(RecordingStarted(0))

    @on(RecordingStarted)
    def _started(self) -> None:
        self.query_one("#mic-verdict", Static).update("Listening… say a sentence.")
        self._poll = self.set_interval(0.1, self._update)

    @on(AnswerFailed)
    def _failed(self, message: AnswerFailed) -> None:
        # Nothing to say something into: no "say something", no silent meter.
        self.query_one("#mic-title", Label).update("Microphone check")
        self.query_one(LevelMeter).display = False
        self.query_one("#mic-verdict", Static).update(
            f"Recording is not available: {message.error}\n"
            "You can still practice: type answers, or score audio files you recorded elsewhere."
        )

    def _update(self) -> None:
        if self.recorder is None:
            return
        level = self.recorder.level_dbfs
        self.loudest = max(self.loudest, level)
        self.query_one(LevelMeter).level_dbfs = level
        if self.loudest >= SPEECH_DBFS:
            self.query_one("#mic-verdict", Static).update("I can hear you. Press enter to go on.")

    def action_close(self) -> None:
        if self._poll is not None:
            self._poll.stop()
        recorder, self.recorder = self.recorder, None
        if recorder is not None:
            self.run_worker(lambda: self._stop(recorder), thread=True)
        else:
            self._tmp.cleanup()
        self.dismiss()

    def _stop(self, recorder: Recorder) -> None:
        try:
            recorder.stop()
        finally:
            self._tmp.cleanup()
