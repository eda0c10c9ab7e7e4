"""The mockint app: screens over injectable services.

``run_app(config)`` is what ``mockint``, ``mockint practice`` and ``mockint daily`` open;
``MockintApp(services)`` is the same app over any services (tests pass fakes). The first
screen appears at once: the speech model, the microphone check and every database read run
in thread workers after it is up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType

from mockint.config import Config
from mockint.models import Question
from mockint.tui.context import ScreenContext
from mockint.tui.messages import AudioChecked, HomeShown, ModelReady, Notice, StartPractice
from mockint.tui.services import Services

if TYPE_CHECKING:
    from mockint.coach import Coach

Start = Literal["home", "daily", "practice", "drill", "interview"]


class MockintApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "mockint"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority bindings: a dialog (a modal screen: the welcome, the field, a question
        # asked) hides the app's other bindings, and these work on every screen.
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        # Where a text box has focus, ? types a question mark (check_action) and F1 helps.
        Binding("f1", "help", "Help", show=False, priority=True),
        Binding("question_mark", "help_unless_typing", "Help", show=False, priority=True),
    ]

    def __init__(
        self,
        services: Services,
        *,
        start: Start = "home",
        bank: str | None = None,
        job: str | None = None,
        question: str | None = None,
        count: int | None = None,
        drill_flag: str | None = None,
        welcome: bool = True,
    ) -> None:
        super().__init__()
        self.services = services
        self.context = ScreenContext(services)
        """What every screen is given when it is constructed."""
        self.start = start
        self.bank = bank
        self.job = job
        self.question_id = question
        self.count = count
        self.drill_flag = drill_flag
        self.welcome = welcome
        self._home_seen = False

    def on_mount(self) -> None:
        from mockint.tui.screens.home import HomeScreen

        self.push_screen(HomeScreen(self.context))
        # After the first paint: importing the model and PortAudio holds the GIL for a while.
        self.call_after_refresh(self._start_background)
        if self.start != "home":
            kind = "practice" if self.start == "practice" else self.start
            self.start_practice(kind, bank=self.bank, question_id=self.question_id)

    # -- background start-up

    def _start_background(self) -> None:
        self.run_worker(self._warm_model, thread=True, group="model")
        self.run_worker(self._check_audio, thread=True, group="audio")

    def _warm_model(self) -> None:
        # Loaded before anyone asks, so practice never waits on a cold model.
        self.context.model.load()
        self.post_message(ModelReady(self.context.model.error))

    def _check_audio(self) -> None:
        try:
            problem = self.services.audio_problem()
        except Exception as exc:
            problem = f"audio check failed: {exc}"
        self.context.audio_check_done(problem)
        self.post_message(AudioChecked(problem))

    @on(ModelReady)
    @on(AudioChecked)
    def _status_changed(self, message: ModelReady | AudioChecked) -> None:
        from mockint.tui.screens.home import HomeScreen

        if isinstance(message, AudioChecked):
            self.context.audio_checked = True
            self.context.audio_problem = message.problem
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.refresh_status()
        self.screen.refresh_bindings()

    @on(HomeShown)
    def _home_shown(self, message: HomeShown) -> None:
        """The home screen has its data: greet a first-time user once."""
        data = message.data
        if self._home_seen:
            return
        self._home_seen = True
        if self.welcome and data.first_run and self.start == "home":
            from mockint.tui.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(self.context, first_run=True), self._after_welcome)

    def _after_welcome(self, _: None) -> None:
        """Then, once, which field they interview in (it decides their field banks)."""
        from mockint.tui.screens.home import HomeScreen

        if isinstance(self.screen, HomeScreen):
            self.screen.ask_field_if_unset()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "help_unless_typing":
            # False lets the key go on to the text box, which types it.
            focused = self.focused
            return focused is None or not focused.check_consume_key("question_mark", "?")
        return True

    def action_help(self) -> None:
        """Help for the screen on top: what it does and its keys (from its bindings); the
        same keys close it again."""
        from mockint.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
        else:
            self.push_screen(HelpScreen(self.screen))

    def action_help_unless_typing(self) -> None:
        self.action_help()

    # -- practice

    def start_practice(
        self,
        kind: str,
        *,
        questions: list[Question] | None = None,
        bank: str | None = None,
        question_id: str | None = None,
    ) -> None:
        """Open practice over ``questions``, or over those ``kind`` picks (in a worker)."""
        if questions is not None:
            self._open_practice(questions, kind)
            return
        self.run_worker(
            lambda: self._pick_questions(kind, bank, question_id),
            thread=True,
            group="pick",
            exclusive=True,
        )

    def _pick_questions(self, kind: str, bank: str | None, question_id: str | None) -> None:
        backend, now = self.services.backend, self.services.now()
        try:
            if kind == "interview":
                questions = backend.interview_questions(self.count, bank)
            elif self.job and kind == "practice":
                questions = backend.job_questions(self.job)
            elif question_id or bank:
                catalog = backend.catalog()
                found = catalog.question(question_id) if question_id else None
                chosen = catalog.bank(bank) if bank else None
                questions = [found] if found else list(chosen.questions) if chosen else []
            elif kind == "drill":
                questions = backend.drill_questions(self.drill_flag, now)
            else:
                questions = backend.daily_questions(now)
        except Exception as exc:
            self.post_message(Notice(f"Could not pick questions: {exc}", "error"))
            return
        if self.count and kind != "interview":
            questions = questions[: self.count]
        self.call_from_thread(self._open_practice, questions, kind)

    def _open_practice(self, questions: list[Question], kind: str) -> None:
        from mockint.tui.screens.practice import PracticeScreen

        if not questions:
            drill = (
                f"Nothing to drill: no weak question's last answer had {self.drill_flag}."
                if self.drill_flag
                else "Nothing to drill yet: questions that score low, or that you flag with w "
                "after answering, come here. Press d to practise today's questions."
            )
            hint = {
                "drill": drill,
                "daily": "Nothing due today. Press b to pick a bank and practice anyway.",
            }.get(kind, "No questions to practice.")
            self.notify(hint, timeout=6)
            return
        if kind == "interview":
            from mockint.tui.screens.interview import InterviewScreen

            self.push_screen(InterviewScreen(self.context, questions))
            return
        self.push_screen(PracticeScreen(self.context, questions, kind))

    @on(StartPractice)
    def _start_practice(self, message: StartPractice) -> None:
        self.start_practice(message.kind, questions=message.questions)

    @on(Notice)
    def _notice(self, message: Notice) -> None:
        self.notify(message.text, severity=message.severity)  # type: ignore[arg-type]


def run_app(
    config: Config,
    start: Start = "home",
    bank: str | None = None,
    question: str | None = None,
    count: int | None = None,
    drill_flag: str | None = None,
    job: str | None = None,
    coach: Coach | None = None,
) -> int:
    """Open the app in this terminal, with the config the command loaded (and the Coach it
    opened, if any: it is the app's then, closed with it); returns the exit code."""
    from mockint.tui.backend import real_services

    services = real_services(config, coach)
    app = MockintApp(
        services,
        start=start,
        bank=bank,
        question=question,
        count=count,
        drill_flag=drill_flag,
        job=job,
    )
    try:
        app.run()
    finally:
        services.backend.close()
    return int(app.return_code or 0)
