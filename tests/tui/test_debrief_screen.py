"""The debrief screen on fakes: a pasted transcript's questions ticked and used, saving once,
Esc asking before a filled form is lost, and practising the struggled questions at once."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Button, SelectionList, Static, TextArea

from mockint.tui.app import MockintApp
from mockint.tui.screens.debrief import DebriefScreen, DiscardDebrief
from mockint.tui.screens.home import HomeScreen
from mockint.tui.screens.practice import PracticeScreen
from tests.conftest import FIXTURES
from tests.tui.conftest import SIZE, app_ready, settle
from tests.tui.fakes import FakeBackend, make_services

TEAMS = (FIXTURES / "transcripts" / "teams.vtt").read_text(encoding="utf-8")


def text(widget: Static) -> str:
    return str(widget.render())


async def _open(pilot, app: MockintApp) -> DebriefScreen:  # type: ignore[no-untyped-def]
    await settle(pilot, app_ready(app))
    await pilot.press("e")
    await settle(pilot, lambda: isinstance(app.screen, DebriefScreen))
    assert isinstance(app.screen, DebriefScreen)
    return app.screen


async def test_a_pasted_transcript_becomes_the_questions_with_answers(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path)
    app = MockintApp(make_services(tmp_path, backend=backend), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, app)
        paste = screen.query_one("#debrief-transcript", TextArea)
        paste.focus()
        await pilot.pause()
        app.post_message(events.Paste(TEAMS))  # as a terminal delivers a paste
        await settle(pilot, lambda: "Priya" in paste.text)
        screen.query_one("#debrief-find", Button).press()
        found = screen.query_one("#debrief-found", SelectionList)
        await settle(pilot, lambda: found.option_count == 3)
        assert len(found.selected) == 3  # all ticked: the user unticks what is not a question
        found.deselect("What would you do if two managers gave you conflicting priorities?")
        screen.query_one("#debrief-use", Button).press()
        area = screen.query_one("#debrief-questions", TextArea)
        await settle(pilot, lambda: bool(area.text))
        assert area.text.splitlines() == [
            "Tell me about a project that failed and what you learned.",
            "Why do you want to leave your current job?",
        ]
        await pilot.pause()
        screen.query_one("#debrief-struggled", SelectionList).select(
            "Tell me about a project that failed and what you learned."
        )
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: bool(backend.debriefs))
        entry = backend.debriefs[0]
        assert entry.answers[0].startswith("Sure. At my last job")
        assert entry.answers[1].startswith("I have learned")
        assert entry.interviewer == "Priya Shah"
        assert entry.struggled == ("Tell me about a project that failed and what you learned.",)


async def test_saving_twice_saves_once_and_placeholders_show(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path)
    app = MockintApp(make_services(tmp_path, backend=backend), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, app)
        screen.query_one("#debrief-questions", TextArea).text = "Why Acme?\n"
        await pilot.pause()
        await pilot.press("ctrl+s", "ctrl+s")
        result = screen.query_one("#debrief-result", Static)
        await settle(pilot, lambda: "Hi [name]," in text(result))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(backend.debriefs) == 1
        assert not screen.query_one("#debrief-practise", Button).display  # none struggled
        await pilot.press("escape")  # saved: leaves without asking
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_escape_asks_before_discarding_a_filled_form(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path)
    app = MockintApp(make_services(tmp_path, backend=backend), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, app)
        await pilot.press(*"Acme")
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, DiscardDebrief))
        await pilot.press("n")  # keep editing
        await settle(pilot, lambda: app.screen is screen)
        assert screen.query_one("#debrief-company").value == "Acme"  # type: ignore[attr-defined]
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, DiscardDebrief))
        await pilot.press("y")
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert backend.debriefs == []


async def test_an_empty_form_leaves_without_asking(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app)
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_struggled_questions_can_be_practised_at_once(tmp_path: Path) -> None:
    backend = FakeBackend(root=tmp_path)
    app = MockintApp(make_services(tmp_path, backend=backend), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, app)
        screen.query_one("#debrief-questions", TextArea).text = "Why Acme?\nTell me a failure\n"
        await pilot.pause()
        screen.query_one("#debrief-struggled", SelectionList).select("Tell me a failure")
        await pilot.press("ctrl+s")
        button = screen.query_one("#debrief-practise", Button)
        await settle(pilot, lambda: button.display)
        assert "Practise the 1 you struggled with now" in str(button.label)
        await pilot.press("ctrl+o")
        await settle(pilot, lambda: isinstance(app.screen, PracticeScreen))
        assert [q.text for q in app.screen.questions] == ["Tell me a failure"]  # type: ignore[attr-defined]


async def test_a_paste_without_questions_says_so(tmp_path: Path) -> None:
    app = MockintApp(make_services(tmp_path), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, app)
        screen.query_one("#debrief-transcript", TextArea).text = "We chatted. It went fine."
        screen.query_one("#debrief-find", Button).press()
        note = screen.query_one("#debrief-found-note", Static)
        await settle(pilot, lambda: "found no interviewer's questions" in text(note))
        assert not screen.query_one("#debrief-use", Button).display


async def test_a_pasted_transcript_on_the_real_backend(tmp_path: Path) -> None:
    """Paste → tick → save → practise, over the real store and banks: the answers are scored
    attempts, the note keeps its placeholders, and practice opens on the struggled question."""
    from mockint.config import Config
    from mockint.store import Store
    from mockint.tui.backend import RealBackend

    real = RealBackend(Config())
    services = make_services(tmp_path)
    services.backend = real
    app = MockintApp(services, welcome=False)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = await _open(pilot, app)
            screen.query_one("#debrief-transcript", TextArea).text = TEAMS
            screen.query_one("#debrief-find", Button).press()
            found = screen.query_one("#debrief-found", SelectionList)
            await settle(pilot, lambda: found.option_count == 3)
            screen.query_one("#debrief-use", Button).press()
            await pilot.pause()
            failed = "Tell me about a project that failed and what you learned."
            screen.query_one("#debrief-struggled", SelectionList).select(failed)
            await pilot.press("ctrl+s")
            result = screen.query_one("#debrief-result", Static)
            await settle(pilot, lambda: "Hi Priya," in text(result), timeout=30)
            assert "3 answers from the transcript scored" in text(result)
            assert "[role]" in text(result) and "[something you discussed]" in text(result)
            await pilot.press("ctrl+o")
            await settle(pilot, lambda: isinstance(app.screen, PracticeScreen))
            assert [q.text for q in app.screen.questions] == [failed]  # type: ignore[attr-defined]
    finally:
        real.close()
    with Store.open(recover=False) as store:
        scored = store.read("SELECT COUNT(*) FROM attempts WHERE status = 'scored'")[0][0]
    assert scored == 3
