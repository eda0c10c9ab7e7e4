"""LiveTranscriber with a fake model: order, offsets, prompts, errors, cancel, and that the
live result equals the whole-file result for the same audio."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import numpy as np
import pytest

from mockint.errors import MockintError
from mockint.models import Word
from mockint.speech.chunking import SAMPLE_RATE
from mockint.speech.config import SpeechConfig
from mockint.speech.live import LiveTranscriber, LiveUpdate
from mockint.speech.transcriber import Transcriber


def tone(seconds: float) -> np.ndarray:
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * SAMPLE_RATE), dtype=np.float32)


# Three "sentences" separated by pauses, then quiet: 5-15 s chunks close at 6.25 s and 12.75 s.
ANSWER = np.concatenate([tone(6), silence(0.5), tone(6), silence(0.5), tone(3), silence(1.0)])


class FakeTranscriber(Transcriber):
    """Says one word per call, spanning the loud part of the chunk; no model."""

    def __init__(self, config: SpeechConfig | None = None) -> None:
        # Chunks of 5-15 s, so the short ANSWER below is cut twice.
        super().__init__(config or SpeechConfig(chunk_min_s=5.0, chunk_max_s=15.0))
        self.prompts: list[str | None] = []
        self.beams: list[int | None] = []
        self.filler_prompts: list[bool] = []
        self.recovered: list[float] = []
        """Offsets of the chunks whose fillers were searched for in their gaps."""
        self.calls = 0
        self.gate: threading.Event | None = None
        self.fail_on_call: int | None = None

    def transcribe(
        self,
        audio: np.ndarray,
        *,
        offset_s: float = 0.0,
        prompt: str | None = None,
        beam_size: int | None = None,
        filler_prompt: bool = True,
    ) -> list[Word]:
        self.beams.append(beam_size)
        self.filler_prompts.append(filler_prompt)
        if self.gate is not None:
            self.gate.wait()
        self.calls += 1
        if self.fail_on_call == self.calls:
            raise RuntimeError("model exploded")
        self.prompts.append(prompt)
        loud = np.flatnonzero(np.abs(audio) > 0.01)
        if loud.size == 0:
            return []
        start, end = loud[0] / SAMPLE_RATE, loud[-1] / SAMPLE_RATE
        return [Word(f"w{self.calls}", offset_s + start, offset_s + end)]

    def recover_fillers(
        self, audio: np.ndarray, words: list[Word], offset_s: float = 0.0
    ) -> list[Word]:
        self.recovered.append(offset_s)
        return words


def feed_all(live: LiveTranscriber, audio: np.ndarray, block: int = 1600) -> None:
    for at in range(0, len(audio), block):
        live.feed(audio[at : at + block])


def test_words_are_timed_from_the_start_of_the_recording() -> None:
    fake = FakeTranscriber()
    live = LiveTranscriber(fake, guess_ahead=False)
    feed_all(live, ANSWER)
    transcript = live.finish()
    assert [w.text for w in transcript.words] == ["w1", "w2", "w3"]
    starts = [round(w.start, 2) for w in transcript.words]
    assert starts == pytest.approx([0.0, 6.5, 13.0], abs=0.03)
    assert transcript.duration_s == pytest.approx(len(ANSWER) / SAMPLE_RATE)


def test_each_chunk_is_prompted_with_the_words_before_it() -> None:
    fake = FakeTranscriber(
        SpeechConfig(chunk_min_s=5.0, chunk_max_s=15.0, context_words=20, tail_context_words=20)
    )
    live = LiveTranscriber(fake, guess_ahead=False)
    feed_all(live, ANSWER)
    live.finish()
    assert fake.prompts == [None, "w1", "w1 w2"]


def test_the_tail_goes_without_a_prompt() -> None:
    # A text prompt costs ~0.3 s per call: too much for the chunk the user waits for.
    fake = FakeTranscriber(SpeechConfig(chunk_min_s=5.0, chunk_max_s=15.0, context_words=20))
    live = LiveTranscriber(fake, guess_ahead=False)
    feed_all(live, ANSWER)
    live.finish()
    assert fake.prompts == [None, "w1", None]


def test_only_the_tail_uses_the_fast_beam() -> None:
    fake = FakeTranscriber(
        SpeechConfig(chunk_min_s=5.0, chunk_max_s=15.0, beam_size=5, tail_beam_size=1)
    )
    live = LiveTranscriber(fake, guess_ahead=False)
    feed_all(live, ANSWER)
    live.finish()
    assert fake.beams == [None, None, 1]


def test_no_context_prompt_by_default() -> None:
    fake = FakeTranscriber()
    live = LiveTranscriber(fake, guess_ahead=False)
    feed_all(live, ANSWER)
    live.finish()
    assert fake.prompts == [None, None, None]


def test_updates_arrive_per_chunk_with_everything_so_far() -> None:
    updates: list[LiveUpdate] = []
    fake = FakeTranscriber()
    live = LiveTranscriber(fake, on_update=updates.append, guess_ahead=False)
    feed_all(live, ANSWER)
    live.finish()
    assert [len(u.words) for u in updates] == [1, 2, 3]
    assert [u.new_words[0].text for u in updates] == ["w1", "w2", "w3"]
    assert updates[-1].transcribed_s == pytest.approx(len(ANSWER) / SAMPLE_RATE)


def test_a_failing_callback_does_not_stop_transcription() -> None:
    def boom(update: LiveUpdate) -> None:
        raise ValueError("ui gone")

    live = LiveTranscriber(FakeTranscriber(), on_update=boom, guess_ahead=False)
    feed_all(live, ANSWER)
    assert len(live.finish().words) == 3
    assert isinstance(live.callback_error, ValueError)


def test_silent_chunks_are_not_sent_to_the_model() -> None:
    fake = FakeTranscriber()
    live = LiveTranscriber(fake, guess_ahead=False)
    feed_all(live, silence(12))
    transcript = live.finish()
    assert transcript.words == () and fake.calls == 0
    assert transcript.duration_s == pytest.approx(12.0)


def test_nothing_fed_gives_an_empty_transcript() -> None:
    live = LiveTranscriber(FakeTranscriber(), guess_ahead=False)
    transcript = live.finish()
    assert transcript.words == () and transcript.duration_s == 0.0


def test_feed_does_not_wait_for_the_model() -> None:
    fake = FakeTranscriber()
    fake.gate = threading.Event()  # the model is "busy" until released
    live = LiveTranscriber(fake, guess_ahead=False)
    feeder = threading.Thread(target=feed_all, args=(live, ANSWER))
    feeder.start()
    feeder.join(timeout=30)
    assert not feeder.is_alive(), "feed blocked on the model"
    assert fake.calls == 0  # nothing transcribed yet, everything fed
    fake.gate.set()
    assert len(live.finish().words) == 3


def test_a_model_error_is_raised_by_finish() -> None:
    fake = FakeTranscriber()
    fake.fail_on_call = 2
    live = LiveTranscriber(fake, guess_ahead=False)
    feed_all(live, ANSWER)
    with pytest.raises(RuntimeError, match="model exploded"):
        live.finish()


def test_cancel_drops_pending_work_and_ignores_later_feeds() -> None:
    fake = FakeTranscriber()
    fake.gate = threading.Event()
    live = LiveTranscriber(fake, guess_ahead=False)
    feed_all(live, ANSWER)
    live.cancel()
    fake.gate.set()
    live.feed(tone(5))
    live.finish(timeout=30)
    assert fake.calls <= 1
    assert live.received_s == pytest.approx(len(ANSWER) / SAMPLE_RATE, abs=0.2)


def test_every_chunk_and_the_tail_recover_fillers_in_gaps_as_the_file_path_does() -> None:
    # Words without the filler bias, then fillers from their voiced gaps: the tail too (a
    # filler prompt there, for one pass less, cost live 1.5x the file path's word errors).
    fake = FakeTranscriber()
    live = LiveTranscriber(fake, guess_ahead=False)
    feed_all(live, ANSWER)
    live.finish()
    assert fake.filler_prompts == [False, False, False]
    assert fake.recovered == pytest.approx([0.0, 6.25, 12.75], abs=0.02)


def test_without_filler_gaps_every_chunk_takes_the_filler_prompt() -> None:
    fake = FakeTranscriber(SpeechConfig(chunk_min_s=5.0, chunk_max_s=15.0, filler_gaps=False))
    live = LiveTranscriber(fake, guess_ahead=False)
    feed_all(live, ANSWER)
    live.finish()
    assert fake.filler_prompts == [True, True, True]
    assert fake.recovered == []


@pytest.mark.parametrize(
    "config",
    [
        SpeechConfig(chunk_min_s=10, chunk_max_s=5),
        SpeechConfig(chunk_min_s=0),
        SpeechConfig(pause_s=0),
    ],
)
def test_bad_chunk_settings_are_a_user_error(config: SpeechConfig) -> None:
    with pytest.raises(MockintError, match=r"config\.yaml: speech"):
        LiveTranscriber(FakeTranscriber(config), guess_ahead=False)


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_a_pause_before_stop_leaves_nothing_to_do_at_stop() -> None:
    # The speaker finished and paused: the idle worker transcribes the open chunk ahead,
    # so finish() only checks that nothing was said since.
    fake = FakeTranscriber()
    live = LiveTranscriber(fake)
    feed_all(live, ANSWER)
    wait_for(lambda: live.guesses >= 1)
    calls = fake.calls
    transcript = live.finish()
    assert live.guess_used and fake.calls == calls
    assert [w.text for w in transcript.words][:2] == ["w1", "w2"] and len(transcript.words) == 3
    assert fake.beams[-1] == 1  # the guess used the tail's fast settings


def test_speech_after_a_guess_is_all_that_is_transcribed_at_stop() -> None:
    # The guess was taken in a pause, so its words are whole: at stop only what was said
    # after that pause is decoded (a phrase, not the whole open chunk).
    fake = FakeTranscriber()
    live = LiveTranscriber(fake)
    feed_all(live, ANSWER)
    wait_for(lambda: live.guesses >= 1)
    guessed = list(live._guess.words) if live._guess else []
    feed_all(live, tone(1.0))  # the speaker went on after the pause
    transcript = live.finish()
    assert live.guess_used and guessed
    assert list(transcript.words[-1 - len(guessed) : -1]) == guessed
    last = transcript.words[-1]
    assert last.start == pytest.approx(len(ANSWER) / SAMPLE_RATE, abs=0.05)
    assert last.end == pytest.approx(len(ANSWER) / SAMPLE_RATE + 1.0, abs=0.05)
    # That phrase is what the user waits for: one pass with the filler prompt, no gap search.
    assert fake.filler_prompts[-1] is True
    assert fake.recovered[-1] < len(ANSWER) / SAMPLE_RATE
