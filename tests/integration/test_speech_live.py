"""The live pipeline with the real model: a fixture streamed like the recorder would feed
it gives (nearly) the whole-file transcript, and ends with only the tail to do."""

from __future__ import annotations

import time

import numpy as np
import pytest

from mockint.audio.decode import decode
from mockint.config import Config
from mockint.pipeline import feed_at_pace, score_file
from mockint.speech.live import LiveTranscriber, LiveUpdate
from mockint.speech.transcriber import Transcriber
from tests.integration.fixtures_speech import SCRIPTS, SPEECH, speech_wer

pytestmark = pytest.mark.model


def test_live_at_high_pace_matches_whole_file(transcriber: Transcriber) -> None:
    audio = decode(SPEECH / "star.flac")
    whole = transcriber.transcribe_file(SPEECH / "star.flac")
    updates: list[LiveUpdate] = []
    live = LiveTranscriber(transcriber, on_update=updates.append)
    feed_at_pace(audio, live.feed, pace=8.0)
    transcript = live.finish()
    assert len(live.chunks) >= 2, "the answer was not cut into chunks"
    # Same chunks as whole-file; only the tail is decoded with the fast beam.
    assert (
        speech_wer(SCRIPTS["star"], transcript.text)
        <= speech_wer(SCRIPTS["star"], whole.text) * 1.15 + 0.05
    ), transcript.text
    assert [w.start for w in transcript.words] == sorted(w.start for w in transcript.words)
    assert transcript.duration_s == pytest.approx(len(audio) / 16000)
    assert updates and updates[-1].words == transcript.words


def test_live_words_are_final_before_stop(transcriber: Transcriber) -> None:
    # Everything but the tail is transcribed while "speaking": feed, wait, then look.
    audio = decode(SPEECH / "star.flac")
    live = LiveTranscriber(transcriber)
    feed_at_pace(audio, live.feed, pace=0)
    before = len(live.chunks)
    transcript = live.finish()
    assert before >= 1 and len(transcript.words) > 30  # 10-25 s chunks: one, then the tail


def test_live_silence_and_noise_give_no_words(transcriber: Transcriber) -> None:
    for clip in ("silence", "noise"):
        live = LiveTranscriber(transcriber)
        feed_at_pace(decode(SPEECH / f"{clip}.flac"), live.feed, pace=0)
        assert live.finish().words == ()


def test_score_file_live_reports_after_stop(transcriber: Transcriber) -> None:
    scored = score_file(
        SPEECH / "speech_then_quiet.flac",
        config=Config(),
        live=True,
        pace=8.0,
        transcriber=transcriber,
    )
    assert {"transcribe_s", "after_stop_s"} <= set(scored.timing)
    assert scored.timing["after_stop_s"] >= 0.0
    assert speech_wer(SCRIPTS["speech_then_quiet"], scored.transcript.text) <= 0.15


def test_cancel_mid_answer_returns_promptly(transcriber: Transcriber) -> None:
    live = LiveTranscriber(transcriber)
    live.feed(np.tile(decode(SPEECH / "phrase.flac"), 4))
    live.cancel()
    live.finish(timeout=60)


def test_a_pause_before_stop_means_the_result_is_ready_at_stop(transcriber: Transcriber) -> None:
    # Speech, then the speaker pauses before pressing stop: the idle worker transcribes the
    # open chunk during the pause, and finish() has nothing left to transcribe.
    audio = np.concatenate([decode(SPEECH / "phrase.flac"), np.zeros(24000, np.float32)])
    live = LiveTranscriber(transcriber)
    feed_at_pace(audio, live.feed, pace=0)
    deadline = time.monotonic() + 60
    while live.guesses == 0:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    busy = live.busy_s
    transcript = live.finish()
    assert live.guess_used and live.busy_s == busy
    assert speech_wer(SCRIPTS["phrase"], transcript.text) <= 0.15, transcript.text
