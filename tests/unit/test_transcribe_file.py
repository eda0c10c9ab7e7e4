"""Transcriber.transcribe_file streams a long file: read block by block and transcribed a
span at a time. The model is replaced by a stub."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from mockint.models import Word
from mockint.speech import transcriber as module
from mockint.speech.chunking import Chunk
from mockint.speech.config import SpeechConfig
from mockint.speech.transcriber import Transcriber

SR = 16000


class StubTranscriber(Transcriber):
    """Each span 'says' one word per second, an "um" first; records what it was given."""

    def __init__(self, config: SpeechConfig, pulled: list[int]) -> None:
        super().__init__(config)
        self.pulled = pulled
        self.calls: list[dict[str, Any]] = []

    def transcribe_long(self, audio: np.ndarray, *, offset_s: float = 0.0) -> list[Word]:
        self.calls.append(
            {
                "seconds": len(audio) / SR,
                "offset_s": offset_s,
                "read_s": self.pulled[0] / SR,
            }
        )
        n = len(self.calls)
        words = [Word("um", offset_s, offset_s + 0.2, 0.9)]
        words += [
            Word(f"w{n}.{i}", offset_s + i, offset_s + i + 0.5, 0.9)
            for i in range(1, int(len(audio) / SR))
        ]
        return words


def speechlike(seconds: float) -> np.ndarray:
    """A tone with a 0.4 s pause every 5 s."""
    t = np.arange(int(seconds * SR)) / SR
    audio = (0.3 * np.sin(2 * np.pi * 200 * t)).astype(np.float32)
    audio[(t % 5.0) > 4.6] = 0.0
    return audio


@pytest.fixture
def pulled(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Samples the transcriber has read from the decoder so far (one counter)."""
    count = [0]
    real = module.stream

    def counting(path: str | Path) -> Iterator[np.ndarray]:
        for block in real(path):
            count[0] += len(block)
            yield block

    monkeypatch.setattr(module, "stream", counting)
    return count


@pytest.mark.parametrize(
    ("seconds", "span_s", "spans"),
    [(50.0, 60.0, 1), (60.0, 60.0, 1), (200.0, 60.0, 4), (610.0, 120.0, 6)],
)
def test_a_file_is_read_and_transcribed_in_bounded_spans(
    tmp_path: Path, pulled: list[int], seconds: float, span_s: float, spans: int
) -> None:
    path = tmp_path / "answer.flac"
    sf.write(str(path), speechlike(seconds), SR)
    stub = StubTranscriber(SpeechConfig(file_span_s=span_s), pulled)
    transcript = stub.transcribe_file(path)
    assert len(stub.calls) >= spans
    assert transcript.duration_s == pytest.approx(seconds)
    at = 0.0
    for call in stub.calls:
        assert call["offset_s"] == pytest.approx(at)
        assert call["seconds"] <= span_s
        # When a span is transcribed, no more than it and one block have been read.
        assert call["read_s"] - call["offset_s"] <= span_s + 1.0
        at += call["seconds"]
    assert at == pytest.approx(seconds)
    starts = [w.start for w in transcript.words]
    assert starts == sorted(starts)


def test_limit_heap_growth_says_whether_the_c_library_took_it() -> None:
    # glibc (Linux) takes it; elsewhere there is no mallopt and nothing changes.
    assert module.limit_heap_growth() in (True, False)


class OptionsModel:
    """A model stub that hears nothing and records the options of each call."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def transcribe(self, audio: np.ndarray, **options: Any) -> tuple[list[Any], None]:
        self.calls.append(options)
        return [], None


def bursts(seconds: float = 6.0) -> np.ndarray:
    """Half-second bursts between pauses: each a voiced stretch no word covers."""
    t = np.arange(int(seconds * SR)) / SR
    return np.where((t % 1.5) < 0.5, 0.3 * np.sin(2 * np.pi * 200 * t), 0.0).astype(np.float32)


@pytest.mark.parametrize(
    ("settings", "word_beam", "gap_beam"),
    [
        ({}, 8, 1),  # the defaults
        ({"file_beam_size": 0, "beam_size": 3}, 3, 1),  # 0: the live path's beam
        ({"filler_beam_size": 0, "beam_size": 4}, 8, 4),
        ({"file_beam_size": 6, "filler_beam_size": 2}, 6, 2),
    ],
)
def test_a_files_words_and_its_filler_search_take_their_own_beams(
    settings: dict[str, int], word_beam: int, gap_beam: int
) -> None:
    transcriber = Transcriber(SpeechConfig(**settings))
    transcriber._model = model = OptionsModel()
    transcriber.transcribe_long(bursts())
    words, gaps = model.calls
    assert words["beam_size"] == word_beam
    assert words["condition_on_previous_text"]
    assert words["temperature"] == 0.0  # no fallback retries (temperature_fallback off)
    assert gaps["beam_size"] == gap_beam
    assert gaps["temperature"] == 0.0  # one pass: no fallback over noise
    assert gaps["initial_prompt"]


@pytest.mark.parametrize(("cap", "max_new_tokens"), [(224, 224), (96, 96), (0, None)])
def test_a_files_filler_search_stops_each_window_at_its_token_cap(
    cap: int, max_new_tokens: int | None
) -> None:
    transcriber = Transcriber(SpeechConfig(file_filler_max_tokens=cap))
    transcriber._model = model = OptionsModel()
    transcriber.transcribe_long(bursts())
    words, gaps = model.calls
    assert gaps["max_new_tokens"] == max_new_tokens  # None: the model's own limit
    assert "max_new_tokens" not in words  # the word decode keeps the model's limit


def test_a_live_chunks_filler_search_keeps_the_models_token_limit() -> None:
    transcriber = Transcriber(SpeechConfig(file_filler_max_tokens=96))
    transcriber._model = model = OptionsModel()
    transcriber.transcribe_chunk(Chunk(start=0, audio=bursts(), voiced=True))
    _words, gaps = model.calls
    assert gaps["max_new_tokens"] is None


@pytest.mark.parametrize(
    ("snr_db", "headroom_db", "searched"),
    [
        (40.0, 20.0, True),  # clean: a short stretch a word sits on may hide an "um"
        (10.0, 20.0, False),  # noisy: the words account for every stretch they cover
        (10.0, 0.0, True),  # 0: searched alike everywhere
    ],
)
def test_the_filler_search_in_noise_looks_only_where_no_word_is(
    snr_db: float, headroom_db: float, searched: bool
) -> None:
    # Half-second bursts over steady noise, each under a word.
    t = np.arange(6 * SR) / SR
    noise = np.random.default_rng(0).normal(0.0, 0.01, t.size)
    tone = 0.01 * np.sqrt(2) * 10 ** (snr_db / 20) * np.sin(2 * np.pi * 200 * t)
    audio = (noise + np.where((t % 1.5) < 0.5, tone, 0.0)).astype(np.float32)
    words = [Word(f"w{i}", i * 1.5, i * 1.5 + 0.5, 0.9) for i in range(4)]
    transcriber = Transcriber(SpeechConfig(filler_noisy_headroom_db=headroom_db))
    transcriber._model = model = OptionsModel()
    assert transcriber.recover_fillers(audio, words) == words
    assert bool(model.calls) is searched


@pytest.mark.parametrize(("fallback", "temperature"), [(False, 0.0), (True, None)])
def test_a_files_word_decode_retries_at_higher_temperatures_only_when_asked(
    fallback: bool, temperature: float | None
) -> None:
    transcriber = Transcriber(SpeechConfig(temperature_fallback=fallback, filler_gaps=False))
    transcriber._model = model = OptionsModel()
    transcriber.transcribe_long(speechlike(3.0))
    (words,) = model.calls
    assert words.get("temperature") == temperature  # None: faster-whisper's own fallback
