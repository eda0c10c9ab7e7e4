"""Live transcription from a real microphone: PortAudio records what PulseAudio plays into a
null sink, and the recorder's writer thread feeds the live transcriber as it goes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from mockint.audio.recorder import Recorder
from mockint.speech.live import LiveTranscriber
from mockint.speech.transcriber import Transcriber
from tests.integration.fixtures_audio import NullSink
from tests.integration.fixtures_speech import SCRIPTS, SPEECH, speech_wer

pytestmark = [pytest.mark.audio, pytest.mark.model]


def test_live_transcript_of_the_microphone(
    null_sink: NullSink, transcriber: Transcriber, tmp_path: Path
) -> None:
    live = LiveTranscriber(transcriber)
    recorder = Recorder(tmp_path / "answer.wav", on_block=live.feed)
    recorder.start()
    try:
        sink_started = time.monotonic()
        null_sink.play_and_wait(SPEECH / "speech_then_quiet.flac")
        assert time.monotonic() - sink_started > 5  # really played in real time
    finally:
        recording = recorder.stop()
    transcript = live.finish(timeout=120)
    assert recorder.callback_error is None
    assert speech_wer(SCRIPTS["speech_then_quiet"], transcript.text) <= 0.2, transcript.text
    assert transcript.duration_s == pytest.approx(recording.duration_s, abs=0.2)
    # Nothing invented in the 5 s of quiet at the end.
    assert all(w.end < recording.duration_s - 3.0 for w in transcript.words), transcript.words
