"""The practice loop with the REAL parts: PortAudio recording from the PulseAudio null-sink
microphone, the bundled model transcribing live, scoring, and SQLite history."""

from __future__ import annotations

from pathlib import Path

import pytest

from mockint.config import Config
from mockint.store import Store
from mockint.tui.app import MockintApp
from mockint.tui.backend import real_services
from mockint.tui.screens.practice import PracticeScreen
from mockint.tui.widgets.feedback_view import FeedbackView
from tests.integration.fixtures_audio import NullSink, null_sink, pulse_server
from tests.tui.conftest import SIZE, settle

__all__ = ["null_sink", "pulse_server"]  # fixtures used below, by name

pytestmark = [pytest.mark.model, pytest.mark.audio, pytest.mark.slow]

SPEECH = Path(__file__).parents[1] / "fixtures" / "speech" / "phrase.flac"
QUESTION = "beh-conflict-coworker"


async def test_real_recorder_and_model_score_a_spoken_answer(null_sink: NullSink) -> None:
    config = Config()
    config.ui.prep_seconds = 0
    services = real_services(config)
    app = MockintApp(services, start="practice", question=QUESTION, welcome=False)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(
                pilot, lambda: app.context.model.ready and app.context.audio_checked, timeout=60
            )
            assert app.context.audio_problem is None, app.context.audio_problem
            assert app.context.model.error is None, app.context.model.error
            await settle(
                pilot,
                lambda: isinstance(app.screen, PracticeScreen) and app.screen.stage == "record",
                timeout=30,
            )
            screen = app.screen
            assert isinstance(screen, PracticeScreen)
            player = null_sink.play(SPEECH)
            await settle(pilot, lambda: player.poll() is not None, timeout=30)
            await pilot.pause(0.5)  # the tail of the last block
            await pilot.press("space")
            await settle(pilot, lambda: screen.stage == "feedback", timeout=60)
            data = screen.query_one(FeedbackView).data
            assert data is not None and data.words, "nothing was transcribed"
            assert 0 < data.overall <= 100
    finally:
        services.backend.close()
    with Store.open() as store:
        (attempt,) = store.list_attempts()
    assert attempt.status == "scored" and attempt.question_id == QUESTION
    assert attempt.audio_path is not None and attempt.audio_path.is_file()
