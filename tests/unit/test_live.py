"""LiveTranscriber with a fake model: order, offsets, prompts, errors, cancel, and that the
live result equals the whole-file result for the same audio."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from mockint.errors import MockintError
from mockint.models import Word
from mockint.speech.chunking import SAMPLE_RATE, Chunk
from mockint.speech.config import SpeechConfig
from mockint.speech.live import (
    LiveTranscriber,
    LiveUpdate,
    after_seam,
    said_before,
    with_context,
)
from mockint.speech.transcriber import Transcriber


def tone(seconds: float) -> np.ndarray:
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * SAMPLE_RATE), dtype=np.float32)


# Three "sentences" separated by pauses, then quiet: 5-15 s chunks close at 6.25 s and 12.75 s.
ANSWER = np.concatenate([tone(6), silence(0.5), tone(6), silence(0.5), tone(3), silence(1.0)])


def alone(**settings: Any) -> SpeechConfig:
    """5-15 s chunks, so the short ANSWER below is cut twice; each decoded alone (no audio
    context before it, see the tests of with_context below)."""
    return SpeechConfig(chunk_min_s=5.0, chunk_max_s=15.0, live_overlap_s=0, **settings)


class FakeTranscriber(Transcriber):
    """Says one word per call, spanning the loud part of the chunk; no model."""

    def __init__(self, config: SpeechConfig | None = None) -> None:
        super().__init__(config or alone())
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
    fake = FakeTranscriber(alone(context_words=20, tail_context_words=20))
    live = LiveTranscriber(fake, guess_ahead=False)
    feed_all(live, ANSWER)
    live.finish()
    assert fake.prompts == [None, "w1", "w1 w2"]


@pytest.mark.parametrize(
    ("settings", "prompts", "beams"),
    [
        # A tail with no guess ahead (the whole of a short answer) is decoded as every
        # other chunk: with the beam of 1 and no prompt it made 1.2-1.5x the file path's
        # word errors. The tail's fast settings are for guesses and the phrase after one.
        ({"context_words": 20}, [None, "w1", "w1 w2"], [None, None, None]),
        ({"beam_size": 5, "tail_beam_size": 1}, [None, "w1", "w1 w2"], [None, None, None]),
    ],
)
def test_a_tail_without_a_guess_is_decoded_as_any_chunk(
    settings: dict[str, int], prompts: list[str | None], beams: list[int | None]
) -> None:
    fake = FakeTranscriber(alone(**settings))
    live = LiveTranscriber(fake, guess_ahead=False)
    feed_all(live, ANSWER)
    live.finish()
    assert fake.prompts == prompts and fake.beams == beams


def test_by_default_every_chunk_is_prompted_with_what_was_said_before_it() -> None:
    fake = FakeTranscriber(alone(tail_context_words=0))
    live = LiveTranscriber(fake, guess_ahead=False)
    feed_all(live, ANSWER)
    live.finish()
    assert fake.prompts == [None, "w1", "w1 w2"]


def test_a_chunk_heard_with_context_is_prompted_with_the_words_before_that_audio() -> None:
    fake = FakeTranscriber(SpeechConfig(chunk_min_s=5.0, chunk_max_s=15.0, live_overlap_s=4))
    live = LiveTranscriber(fake, guess_ahead=False)
    feed_all(live, ANSWER)
    live.finish()
    # w1 (centred at 3 s) is said in the audio heard before the second chunk (from
    # 2.25 s): the decoder hears it, so it is not in the prompt too; w2 (centred at 7.4 s)
    # is before the third chunk's context (from 8.75 s).
    assert fake.prompts == [None, None, "w1 w2"]


class ClosingFake(FakeTranscriber):
    """Ends the first chunk's words (0-6.25 s: tone to 6 s, then the pause it was cut in)
    with "Thank you very much." at ``at`` seconds."""

    def __init__(self, at: tuple[float, float]) -> None:
        super().__init__()
        self.at = at

    def transcribe(self, audio: np.ndarray, **kwargs: Any) -> list[Word]:
        words = super().transcribe(audio, **kwargs)
        if self.calls > 1:
            return words
        a, b = self.at
        return [*words, w("Thank", a, b), w("you", b, b), w("very", b, b), w("much.", b, b)]


@pytest.mark.parametrize(
    ("at", "kept"),
    [
        ((5.9, 6.2), False),  # centred in the pause the chunk was cut in: invented
        ((5.0, 5.4), True),  # over speech: said
    ],
)
def test_a_closing_phrase_in_the_pause_a_chunk_was_cut_in_is_dropped(
    at: tuple[float, float], kept: bool
) -> None:
    live = LiveTranscriber(ClosingFake(at), guess_ahead=False)
    feed_all(live, ANSWER)
    texts = [x.text for x in live.finish().words]
    assert ("Thank" in texts) is kept
    assert texts[0] == "w1" and texts[-2:] == ["w2", "w3"]


class RepeatFake(FakeTranscriber):
    """Hears nothing in a chunk when prompted: speech repeating its prompt's words."""

    def transcribe(self, audio: np.ndarray, **kwargs: Any) -> list[Word]:
        words = super().transcribe(audio, **kwargs)
        return [] if kwargs.get("prompt") else words


def test_a_chunk_that_decodes_to_nothing_with_its_prompt_is_heard_without_it() -> None:
    fake = RepeatFake(alone(context_words=20, tail_context_words=20))
    live = LiveTranscriber(fake, guess_ahead=False)
    feed_all(live, ANSWER)
    assert len(live.finish().words) == 3
    assert fake.prompts == [None, "w1", None, "w1 w3", None]


@pytest.mark.parametrize(("heard_s", "kept"), [(10.0, ["a", "b"]), (9.8, ["a"]), (6.0, [])])
def test_said_before_is_the_words_centred_before_the_audio_heard(
    heard_s: float, kept: list[str]
) -> None:
    words = [w("a", 6, 7), w("b", 9.7, 10.1)]
    heard = Chunk(int(heard_s * SAMPLE_RATE), tone(1), True)
    assert [x.text for x in said_before(words, heard)] == kept


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
    fake = FakeTranscriber(alone(filler_gaps=False))
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


def wait_for_tail_guess(live: LiveTranscriber) -> None:
    """Until the open chunk after ANSWER's two closed ones is guessed (a guess taken while
    ANSWER was still being fed does not count)."""
    tail = int(12.7 * SAMPLE_RATE)
    wait_for(lambda: live._guess is not None and live._guess.start >= tail)


def test_a_pause_before_stop_leaves_nothing_to_do_at_stop() -> None:
    # The speaker finished and paused: the idle worker transcribes the open chunk ahead,
    # so finish() only checks that nothing was said since.
    fake = FakeTranscriber()
    live = LiveTranscriber(fake)
    feed_all(live, ANSWER)
    wait_for_tail_guess(live)
    calls = fake.calls
    transcript = live.finish()
    assert live.guess_used and fake.calls == calls
    assert [w.text for w in transcript.words][:2] == ["w1", "w2"] and len(transcript.words) == 3
    assert fake.beams[-1] is None  # the guess was decoded as any chunk


def test_a_guess_past_the_shortest_chunk_becomes_the_chunk_closed_in_its_pause() -> None:
    # 6 s of speech is past chunk_min_s (5 s): the chunker cuts in this pause once speech
    # resumes, so the guess is decoded as that chunk will be, and then is its words.
    fake = FakeTranscriber()
    live = LiveTranscriber(fake)
    feed_all(live, ANSWER[: int(6.3 * SAMPLE_RATE)])
    wait_for(lambda: live.guesses >= 1)
    guessed = list(live._guess.words) if live._guess else []
    calls = fake.calls
    assert fake.beams[-1] is None and fake.filler_prompts[-1] is False  # as any chunk
    assert fake.recovered == [0.0]  # fillers searched in its gaps, as any chunk
    feed_all(live, ANSWER[int(6.3 * SAMPLE_RATE) : int(6.6 * SAMPLE_RATE)])  # speech resumes
    wait_for(lambda: len(live.words) >= 1)
    assert list(live.words) == guessed and fake.calls == calls
    live.cancel()


def test_a_short_guess_is_not_taken_for_the_chunk() -> None:
    # Under chunk_min_s the pause is not a cut: the guess (decoded as any chunk, for it is
    # the tail's words if the answer ends here) is thrown away once speech resumes, and
    # the chunk closed later is decoded for real.
    fake = FakeTranscriber(SpeechConfig(chunk_min_s=8.0, chunk_max_s=15.0, live_overlap_s=0))
    live = LiveTranscriber(fake)
    feed_all(live, ANSWER[: int(6.3 * SAMPLE_RATE)])
    wait_for(lambda: live.guesses >= 1)
    assert fake.beams[-1] is None and fake.filler_prompts[-1] is False
    calls = fake.calls
    feed_all(live, ANSWER[int(6.3 * SAMPLE_RATE) :])
    live.finish()
    assert fake.calls > calls and len(live.words) >= 2


def test_speech_after_a_guess_is_all_that_is_transcribed_at_stop() -> None:
    # The guess was taken in a pause, so its words are whole: at stop only what was said
    # after that pause is decoded (a phrase, not the whole open chunk).
    fake = FakeTranscriber()
    live = LiveTranscriber(fake)
    feed_all(live, ANSWER)
    wait_for_tail_guess(live)
    guessed = list(live._guess.words) if live._guess else []
    feed_all(live, tone(1.0))  # the speaker went on after the pause
    transcript = live.finish()
    assert live.guess_used and guessed
    assert list(transcript.words[-1 - len(guessed) : -1]) == guessed
    last = transcript.words[-1]
    assert last.start == pytest.approx(len(ANSWER) / SAMPLE_RATE, abs=0.05)
    assert last.end == pytest.approx(len(ANSWER) / SAMPLE_RATE + 1.0, abs=0.05)
    # That phrase is what the user waits for: one pass with the filler prompt, no gap search.
    assert fake.filler_prompts[-1] is True and fake.beams[-1] == 1
    assert fake.recovered[-1] < len(ANSWER) / SAMPLE_RATE


# --- decoding each chunk with the audio before it as context ---------------------------

LOUD = tone(1.0)


@pytest.mark.parametrize(
    ("before", "chunk_s", "overlap_s", "starts_back_s"),
    [
        # 8 s kept: the context starts at the pause in its first half (4-8 s back).
        (np.concatenate([LOUD, LOUD, silence(0.4), LOUD, LOUD, LOUD, LOUD, LOUD]), 10, 8, 5.2),
        # A long chunk leaves less room in the 30 s window: 29 - 25 = 4 s at most.
        (np.concatenate([LOUD] * 6 + [silence(0.4)] + [LOUD] * 3), 25, 8, 3.2),
        # Less audio before it than asked for: what there is.
        (np.concatenate([silence(0.2), LOUD, LOUD]), 10, 8, 2.1),
        # Too little to be worth it, or switched off: the chunk alone.
        (silence(0.3), 10, 8, 0.0),
        (np.concatenate([LOUD] * 8), 10, 0, 0.0),
        (np.concatenate([LOUD] * 8), 29, 8, 0.0),
    ],
)
def test_with_context_starts_at_a_pause_before_the_chunk(
    before: np.ndarray, chunk_s: float, overlap_s: float, starts_back_s: float
) -> None:
    start = 100 * SAMPLE_RATE
    chunk = Chunk(start, tone(chunk_s), True)
    heard = with_context(chunk, before, overlap_s)
    back = (start - heard.start) / SAMPLE_RATE
    assert back == pytest.approx(starts_back_s, abs=0.15)
    assert len(heard.audio) == len(chunk.audio) + start - heard.start
    np.testing.assert_array_equal(heard.audio[len(heard.audio) - len(chunk.audio) :], chunk.audio)
    assert heard.duration_s <= 29.0


def test_a_chunk_without_speech_gets_no_context() -> None:
    chunk = Chunk(0, silence(5), False)
    assert with_context(chunk, tone(8), 8) is chunk


def w(text: str, start: float, end: float) -> Word:
    return Word(text, start, end)


@pytest.mark.parametrize(
    ("words", "last", "kept"),
    [
        # Words of the context (centred before the seam at 10 s) go; the chunk's stay.
        ([w("a", 6, 7), w("b", 9.7, 10.1), w("c", 10.2, 10.6)], w("b", 9.7, 10.0), ["c"]),
        ([w("a", 6, 7), w("b", 9.9, 10.3), w("c", 10.4, 10.6)], None, ["b", "c"]),
        # The word before the seam heard again just after it (timings drift): once only.
        ([w("and...", 10.05, 10.3), w("figure", 10.4, 10.8)], w("and", 9.6, 9.9), ["figure"]),
        # The same word said again later is a word of its own.
        ([w("and", 11.0, 11.2), w("so", 11.3, 11.5)], w("and", 9.6, 9.9), ["and", "so"]),
        ([], w("x", 9, 9.5), []),
    ],
)
def test_after_seam_keeps_the_words_of_the_chunk(
    words: list[Word], last: Word | None, kept: list[str]
) -> None:
    assert [x.text.strip(".") for x in after_seam(words, 10.0, last)] == kept


def heard_lengths(fake: FakeTranscriber) -> list[float]:
    """Seconds of audio of each call the fake's model gets, from now on."""
    heard: list[float] = []
    decode = fake.transcribe

    def spy(audio: np.ndarray, **kwargs: object) -> list[Word]:
        heard.append(len(audio) / SAMPLE_RATE)
        return decode(audio, **kwargs)  # type: ignore[arg-type]

    fake.transcribe = spy  # type: ignore[method-assign]
    return heard


def test_each_chunk_is_decoded_with_the_end_of_the_one_before() -> None:
    fake = FakeTranscriber(SpeechConfig(chunk_min_s=5.0, chunk_max_s=15.0, live_overlap_s=4))
    heard = heard_lengths(fake)
    live = LiveTranscriber(fake, guess_ahead=False)
    feed_all(live, ANSWER)
    transcript = live.finish()
    # 6.25 s alone; then 6.5 s and 4.25 s (a tail with no guess: as any chunk), each with
    # 2-4 s of the chunk before.
    assert heard[0] == pytest.approx(6.25, abs=0.02)
    assert 6.5 + 2 <= heard[1] <= 6.5 + 4 and 4.25 + 2 <= heard[2] <= 4.25 + 4
    # The fake's one word per call spans the context too: only those centred after the
    # seam of their own chunk are kept, so words stay in order and none is doubled.
    mids = [(x.start + x.end) / 2 for x in transcript.words]
    assert mids == sorted(mids) and len(mids) == len({x.text for x in transcript.words})
    assert all(m >= 6.25 for m in mids[1:])


@pytest.mark.parametrize(
    ("tail_overlap_s", "lo", "hi"),
    [(4.0, 2.0, 4.0), (2.0, 1.0, 2.0), (8.0, 2.0, 4.0), (0.0, 0.0, 0.0)],  # 8: live's 4 at most
)
def test_the_phrase_after_a_guess_is_heard_with_the_guessed_audio_before_it(
    tail_overlap_s: float, lo: float, hi: float
) -> None:
    fake = FakeTranscriber(
        SpeechConfig(
            chunk_min_s=5.0, chunk_max_s=15.0, live_overlap_s=4, tail_overlap_s=tail_overlap_s
        )
    )
    live = LiveTranscriber(fake)
    feed_all(live, ANSWER)
    wait_for_tail_guess(live)
    heard = heard_lengths(fake)
    feed_all(live, tone(1.0))
    live.finish()
    assert live.guess_used and len(heard) == 1
    assert 1.0 + lo <= heard[0] <= 1.0 + hi


# --- falling behind the speaker (a busy machine) ----------------------------------------


class Clock:
    """Seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def feed_said(live: LiveTranscriber, clock: Clock | None, audio: np.ndarray) -> None:
    """Feed ``audio`` as it is said: the clock moves on with each block (None: as fast as
    possible, the clock standing still, as a file fed at pace 0)."""
    for at in range(0, len(audio), 1600):
        block = audio[at : at + 1600]
        if clock is not None:
            clock.now += len(block) / SAMPLE_RATE
        live.feed(block)


BEHIND = alone(context_words=20, behind_s=4.0, caught_up_s=2.0, behind_beam_size=5)


def late_run(
    first_s: float, second_s: float, *, said: bool = True, config: SpeechConfig = BEHIND
) -> FakeTranscriber:
    """ANSWER fed with ``first_s`` / ``second_s`` more of it said while the first / second
    chunk is being decoded (so their words come that late); the tail has no guess."""
    fake = FakeTranscriber(config)
    clock = Clock()
    live = LiveTranscriber(fake, guess_ahead=False, clock=clock)
    fed = 0

    def feed_to(seconds: float) -> None:
        nonlocal fed
        end = int(seconds * SAMPLE_RATE)
        feed_said(live, clock if said else None, ANSWER[fed:end])
        fed = end

    for n, (resumes_s, late_s) in enumerate(((6.6, first_s), (13.1, second_s))):
        fake.gate = threading.Event()
        feed_to(resumes_s)  # speech resumes: chunk n closes, and the worker takes it
        wait_for(lambda n=n: len(fake.beams) > n)
        feed_to(resumes_s + late_s)
        fake.gate.set()
        wait_for(lambda n=n: len(live.words) > n)
    feed_to(len(ANSWER) / SAMPLE_RATE)
    live.finish()
    return fake


FULL = [None, None, None], [None, "w1", "w1 w2"]


@pytest.mark.parametrize(
    ("first_s", "second_s", "said", "settings", "decoded"),
    [
        # On time: every chunk, and the tail with no guess, with the full settings.
        (0.3, 0.3, True, {}, FULL),
        # The first chunk's words came ~3 s late, under behind_s: still the full settings.
        (3.0, 3.0, True, {}, FULL),
        # ~6 s late: the next chunk is decoded cheaper (beam 5, no prompt); its words came
        # on time (within caught_up_s), so the tail takes the full settings again.
        (6.0, 0.3, True, {}, ([None, 5, None], [None, None, "w1 w2"])),
        # Still ~3 s late after the cheaper decode (over caught_up_s): the tail, which the
        # user waits for, as the phrase after a guess (the tail's beam of 1, no prompt).
        (6.0, 3.0, True, {}, ([None, 5, 1], [None, None, None])),
        # The cheaper settings are settings.
        (
            6.0,
            3.0,
            True,
            {"behind_context_words": 1, "tail_beam_size": 2, "tail_context_words": 1},
            ([None, 5, 2], [None, "w1", "w2"]),
        ),
        # Fed faster than it is said (a file at pace 0): never late, whatever the wait.
        (6.0, 3.0, False, {}, FULL),
        # behind_s 0: never cheaper, however late.
        (6.0, 3.0, True, {"behind_s": 0}, FULL),
    ],
)
def test_a_worker_behind_the_speaker_decodes_cheaper_until_it_catches_up(
    first_s: float,
    second_s: float,
    said: bool,
    settings: dict[str, float],
    decoded: tuple[list[int | None], list[str | None]],
) -> None:
    config = dataclasses.replace(BEHIND, **settings)
    fake = late_run(first_s, second_s, said=said, config=config)
    assert (fake.beams, fake.prompts) == decoded
    # Fillers searched in the gaps of every chunk decoded as one (a fast tail takes the
    # filler prompt instead, in its one pass).
    fast_tail = fake.filler_prompts[-1]
    searched = [0.0, 6.25] if fast_tail else [0.0, 6.25, 12.75]
    assert fake.recovered == pytest.approx(searched, abs=0.02)
    assert fast_tail == (fake.beams[-1] not in (None, 5))
