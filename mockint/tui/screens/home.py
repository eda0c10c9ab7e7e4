"""Home: today's plan, streak, weak questions, recent scores, and where to go next."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from mockint import fmt
from mockint.errors import MockintError
from mockint.tui.context import ScreenContext
from mockint.tui.data import HomeData, pending_notice
from mockint.tui.messages import (
    HomeLoaded,
    HomeShown,
    LoadFailed,
    PendingProgress,
    PendingScored,
    StartPractice,
)

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from mockint.models import Question
    from mockint.pipeline import ScoredAnswer
    from mockint.practice.weak import WeakQuestion

# (action, label): the action list on screen, in the order the bindings list them.
ACTIONS = (
    ("daily", "Start daily practice", "d"),
    ("banks", "Practice a bank", "b"),
    ("drill", "Drill weak questions", "w"),
    ("interview", "Mock interview", "i"),
    ("history", "History", "h"),
    ("progress", "Progress", "g"),
    ("debrief", "Debrief a real interview", "e"),
    ("job", "Practise for a job posting", "j"),
    ("field", "Your field", "f"),
)

PANEL_TITLES = {
    "#today": "Today",
    "#streak-panel": "Streak and recent scores",
    "#weak-panel": "Weak questions",
    "#actions": "Go",
}


def render_plan(data: HomeData) -> Text:
    if not data.plan:
        return Text(
            "Nothing planned: every question is fresh in memory. Press b to pick a bank.",
            style="dim",
        )
    text = Text.assemble(
        (f"{len(data.plan)} questions", "bold"), f" · about {data.estimated_minutes} min\n"
    )
    for item in data.plan:
        text.append(f"• {item.question.text}\n")
        # A new question's detail is often "new" itself: never "new: new".
        why = item.why if item.detail in ("", item.why) else f"{item.why}: {item.detail}"
        if why:
            text.append(f"  {why}\n", style="dim")
    text.rstrip()
    return text


def render_weak(items: tuple[WeakQuestion, ...]) -> Text:
    if not items:
        return Text("None yet. Answers that score low, or that you flag with w, show here.")
    text = Text()
    for item in items[:5]:
        text.append(f"• {item.text}\n")
        if item.reasons:
            text.append(f"  {'; '.join(item.reasons)}\n", style="dim")
    text.rstrip()
    return text


def render_streak(data: HomeData) -> Text:
    if data.first_run:
        return Text("Welcome! Your first answer starts the streak.", style="bold")
    days = data.streak_days
    if days == 0:
        return Text(fmt.streak(0, data.streak_best, data.streak_last_day, False))
    return Text.assemble(("🔥 " if days >= 3 else "", ""), (f"{days}-day streak", "bold"))


class HomeScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        # The "Go" list shows these keys beside each action: the footer keeps the rest.
        Binding("d", "daily", "Daily practice", show=False),
        Binding("b", "banks", "Banks", show=False),
        Binding("w", "drill", "Drill weak", show=False),
        Binding("i", "interview", "Mock interview", show=False),
        Binding("h", "history", "History", show=False),
        Binding("g", "progress", "Progress", show=False),
        Binding("e", "debrief", "Debrief", show=False),
        Binding("j", "job", "Job posting", show=False),
        Binding("f", "field", "Your field", show=False),
        Binding("m", "mic_check", "Mic check"),
        Binding("R", "score_pending", "Score unfinished"),
        # Priority like the app's own (hidden) ?, so that the footer shows this one.
        Binding("question_mark", "app.help", "Help", priority=True),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, ctx: ScreenContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.data: HomeData | None = None
        self.scoring_pending = False

    def compose(self) -> ComposeResult:
        yield Label("mockint · practice out loud, get honest feedback", id="home-title")
        yield Static("", id="pending-line")
        with Horizontal(id="home-body"):
            with Vertical(id="home-left"):
                with Vertical(id="today", classes="panel"):
                    yield Static("Loading your plan…", id="plan")
                yield OptionList(
                    *[Option(f"{label}  [dim]{key}[/]", id=name) for name, label, key in ACTIONS],
                    id="actions",
                )
            with Vertical(id="home-right"):
                with Vertical(classes="panel", id="streak-panel"):
                    yield Static("", id="streak")
                    yield Sparkline([], id="sparkline")
                    yield Static("", id="recent-caption", classes="dim")
                with Vertical(classes="panel", id="weak-panel"):
                    yield Static("", id="weak")
        yield Static("", id="status-line", classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        for panel_id, title in PANEL_TITLES.items():
            self.query_one(panel_id).border_title = title
        self.query_one("#pending-line").display = False
        self.query_one("#actions", OptionList).focus()
        self.refresh_status()
        self.load()

    def on_screen_resume(self) -> None:
        if self.data is not None:
            self.load()

    @work(thread=True, exclusive=True, group="home")
    def load(self) -> None:
        services = self.ctx.services
        try:
            self.post_message(HomeLoaded(services.backend.home(services.now())))
        except Exception as exc:
            self.post_message(LoadFailed(f"could not load your plan: {exc}"))

    @on(HomeLoaded)
    def _loaded(self, message: HomeLoaded) -> None:
        data = self.data = message.data
        self.query_one("#plan", Static).update(render_plan(data))
        self.query_one("#weak", Static).update(render_weak(data.weak))
        self.query_one("#streak", Static).update(render_streak(data))
        scores = [float(s) for s in data.recent_scores]
        self.query_one(Sparkline).data = scores
        caption = (
            f"last {len(scores)}: latest {scores[-1]:.0f}, best {max(scores):.0f}"
            if scores
            else "Your scores will draw a line here."
        )
        self.query_one("#recent-caption", Static).update(caption)
        if not self.scoring_pending:
            self._show_pending(pending_notice(data))
        self.refresh_bindings()
        self.post_message(HomeShown(data))

    def _show_pending(self, line: str) -> None:
        pending = self.query_one("#pending-line", Static)
        pending.update(line)
        pending.display = bool(line)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "score_pending":
            # Shown in the footer only while answers wait, and not twice at once.
            waiting = self.data is not None and self.data.pending > 0
            return waiting and not self.scoring_pending
        return True

    # -- answers waiting to be scored (recovered after a crash, or failed before)

    def action_score_pending(self) -> None:
        if self.scoring_pending or self.data is None or not self.data.pending:
            return
        self.scoring_pending = True
        self.refresh_bindings()
        self._show_pending("Scoring the waiting answers… (you can keep using the app)")
        self._score_pending()

    @work(thread=True, exclusive=True, group="pending")
    def _score_pending(self) -> None:
        services = self.ctx.services
        try:
            transcriber = self.ctx.model.get()  # waits for the warm-up; loaded once for all
        except MockintError as exc:
            self.post_message(PendingScored(None, f"Cannot score them now: {exc}"))
            return

        def score(path: Path, question: Question | None = None) -> ScoredAnswer:
            return services.score_file(path, question, transcriber)

        def progress(index: int, total: int) -> None:
            self.post_message(PendingProgress(index, total))

        try:
            result = services.backend.score_pending(score, progress)
        except Exception as exc:
            self.post_message(PendingScored(None, f"Scoring the waiting answers failed: {exc}"))
            return
        self.post_message(PendingScored(result))

    @on(PendingProgress)
    def _pending_progress(self, message: PendingProgress) -> None:
        self._show_pending(f"Scoring waiting answer {message.index} of {message.total}…")

    @on(PendingScored)
    def _pending_scored(self, message: PendingScored) -> None:
        self.scoring_pending = False
        if message.result is None:
            self.notify(message.error or "Scoring failed.", severity="error", timeout=8)
        else:
            failed = bool(message.result.failed)
            severity: SeverityLevel = "warning" if failed else "information"
            self.notify(message.result.message(), severity=severity, timeout=8)
        self.load()  # the plan, streak, scores and the waiting count all changed

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        self.query_one("#plan", Static).update(Text(message.error, style="red"))

    def refresh_status(self) -> None:
        """The model and microphone state, in one calm line."""
        model = "speech model ready" if self.ctx.model.ready else "loading the speech model…"
        if self.ctx.model.error:
            model = f"speech model unavailable: {self.ctx.model.error}"
        if not self.ctx.audio_checked:
            mic = "checking the microphone…"
        elif self.ctx.audio_problem:
            # What still works first: a long problem is cut at the line's end.
            mic = f"no recording: typed answers and files still work ({self.ctx.audio_problem})"
        else:
            mic = "microphone ready"
        self.query_one("#status-line", Static).update(f"{model} · {mic}")

    @on(OptionList.OptionSelected, "#actions")
    def _action_chosen(self, event: OptionList.OptionSelected) -> None:
        getattr(self, f"action_{event.option.id}")()

    def action_daily(self) -> None:
        self.post_message(StartPractice("daily"))

    def action_drill(self) -> None:
        self.post_message(StartPractice("drill"))

    def action_interview(self) -> None:
        self.post_message(StartPractice("interview"))

    def action_banks(self) -> None:
        from mockint.tui.screens.banks import BanksScreen

        self.app.push_screen(BanksScreen(self.ctx))

    def action_history(self) -> None:
        from mockint.tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(self.ctx))

    def action_progress(self) -> None:
        from mockint.tui.screens.progress import ProgressScreen

        self.app.push_screen(ProgressScreen(self.ctx))

    def action_job(self) -> None:
        from mockint.tui.screens.job import JobScreen

        self.app.push_screen(JobScreen(self.ctx))

    def action_field(self) -> None:
        self._pick_field(only_if_unset=False)

    def ask_field_if_unset(self) -> None:
        """First run: ask for the field unless config.yaml or an earlier choice set it."""
        self._pick_field(only_if_unset=True)

    @work(thread=True, exclusive=True, group="field")
    def _pick_field(self, only_if_unset: bool) -> None:
        backend = self.ctx.services.backend
        try:
            fields, current = backend.fields(), backend.field()
        except Exception as exc:
            self.post_message(LoadFailed(f"could not read the fields: {exc}"))
            return
        if only_if_unset and current:
            return
        self.app.call_from_thread(self._show_fields, fields, current)

    def _show_fields(self, fields: list[str], current: str) -> None:
        from mockint.tui.screens.field import FieldScreen

        def chosen(field: str | None) -> None:
            if field is not None:
                self.notify(f"Your field: {field}. Today's plan now draws on it.")
                self.load()

        self.app.push_screen(FieldScreen(self.ctx, fields, current), chosen)

    def action_debrief(self) -> None:
        from mockint.tui.screens.debrief import DebriefScreen

        self.app.push_screen(DebriefScreen(self.ctx))

    def action_mic_check(self) -> None:
        from mockint.tui.screens.welcome import WelcomeScreen

        self.app.push_screen(WelcomeScreen(self.ctx, first_run=False))
