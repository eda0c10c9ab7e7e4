"""Playback through real PortAudio into a null sink, recorded back from its monitor."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
import soundfile

from mockint.audio.player import Player, play
from mockint.audio.recorder import Recorder
from tests.integration.fixtures_audio import NullSink

pytestmark = pytest.mark.audio


def test_play_reports_positions_and_is_heard(
    null_sink: NullSink, speech_phrase: Path, tmp_path: Path
) -> None:
    duration = soundfile.info(speech_phrase).duration
    positions: list[float] = []
    recorder = Recorder(tmp_path / "heard.wav")
    recorder.start()
    play(speech_phrase, on_position=positions.append)
    time.sleep(0.3)
    heard = recorder.stop()

    assert positions == sorted(positions)
    assert positions[-1] == pytest.approx(duration, abs=0.1)
    assert len(positions) >= duration / 0.05 * 0.5  # ~20 updates a second
    assert positions[len(positions) // 2] == pytest.approx(duration / 2, abs=1.0)
    assert heard.heard_speech and heard.peak_dbfs > -20  # it really came out of the device


def test_stopping_playback_early(null_sink: NullSink, speech_phrase: Path) -> None:
    stop = threading.Event()
    positions: list[float] = []

    def on_position(seconds: float) -> None:
        positions.append(seconds)
        if seconds >= 0.5:
            stop.set()

    play(speech_phrase, on_position=on_position, stop_event=stop)
    assert 0.5 <= positions[-1] < soundfile.info(speech_phrase).duration - 1


def test_player_in_the_background(null_sink: NullSink, speech_phrase: Path) -> None:
    finished = threading.Event()
    player = Player(speech_phrase, on_finished=finished.set)
    player.start(start_s=3.0)
    assert player.is_playing or finished.is_set()
    assert player.wait(timeout=20) and finished.is_set()
    assert player.position == pytest.approx(player.duration_s, abs=0.05)
    player.stop()
