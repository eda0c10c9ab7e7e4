"""A mock interview in a real terminal: tmux runs `mockint interview --count 2`, each question
is read aloud (espeak-ng, into the same null sink the microphone hears), the fixture is
spoken into the microphone once the reading is over, space ends each answer, and the end
shows the interview as a whole; both answers are scored attempts in `mockint history`, and
neither transcript holds the question that was read aloud."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.e2e.test_tmux_practice import SPEECH, Terminal, history, running, terminal_env
from tests.integration.fixtures_audio import NullSink, null_sink, pulse_server

__all__ = ["null_sink", "pulse_server", "terminal_env"]  # fixtures used below, by name

pytestmark = [pytest.mark.e2e, pytest.mark.model, pytest.mark.audio, pytest.mark.slow]


@pytest.fixture
def interview_terminal(terminal_env: dict[str, str]) -> Iterator[Terminal]:
    with running(["interview", "--count", "2"], terminal_env) as term:
        yield term


def test_an_interview_in_a_real_terminal(
    interview_terminal: Terminal, null_sink: NullSink, terminal_env: dict[str, str]
) -> None:
    term = interview_terminal
    for number in (1, 2):
        term.wait_for(lambda s, n=number: f"Question {n} of 2" in s, f"question {number}")
        # Recording starts only once the question has been read aloud.
        term.wait_for(lambda s: "Done answering" in s, f"recording answer {number}", timeout=60)
        null_sink.play_and_wait(SPEECH)
        time.sleep(0.5)  # the tail of the last block
        term.press("Space")
    done = term.wait_for(lambda s: "Interview done" in s, "the interview's feedback", timeout=120)
    assert "Overall" in done and "Practise next" in done
    term.press("Enter")
    # The overview's "Overall 58/100" holds /100 too: wait for the answer's own title.
    term.wait_for(
        lambda s: "Answer 1 of 2" in s and "overall" in s, "the first answer's feedback", timeout=30
    )

    attempts = history(terminal_env)
    assert len(attempts) == 2
    assert all(a["status"] == "scored" and a["overall"] is not None for a in attempts)
    assert len({a["session_id"] for a in attempts}) == 1 and attempts[0]["session_id"]
    for attempt in attempts:
        asked = attempt["question_text"].lower().rstrip(".?")
        assert asked not in (attempt.get("transcript") or "").lower()
