"""Finding fillers in voiced gaps (mockint.speech.fillers): which stretches are searched,
how they are packed into windows, and where the fillers found land. Pure: no model."""

from __future__ import annotations

import numpy as np
import pytest

from mockint.models import Word
from mockint.speech import fillers
from mockint.speech.fillers import GapSettings, Placed, Window

SR = 16000


def w(text: str, start: float, end: float, p: float = 0.9) -> Word:
    return Word(text, start, end, p)


@pytest.mark.parametrize(
    ("voiced", "words", "searched"),
    [
        # a short stretch between pauses is searched even when a word sits on it
        ([(1.0, 1.4)], [w("so", 1.0, 1.4)], [(1.0, 1.4)]),
        # a long stretch well covered by confident words is not
        ([(0.0, 1.2)], [w("we", 0.0, 0.5), w("shipped", 0.5, 1.2)], []),
        # ... but it is when the word over it is doubtful (Whisper stretched it over an "um")
        ([(0.0, 1.2)], [w("we", 0.0, 0.3), w("shipped", 0.3, 1.2, p=0.3)], [(0.0, 1.2)]),
        # a long stretch no word covers
        ([(2.0, 3.0)], [w("done", 0.0, 1.0)], [(2.0, 3.0)]),
        # too long to be a lone filler
        ([(0.0, 2.0)], [], []),
        # the words already hold a filler there
        ([(1.0, 1.3)], [w("Um,", 1.0, 1.3)], []),
        ([], [w("hello", 0.0, 0.5)], []),
    ],
)
def test_candidates(
    voiced: list[tuple[float, float]], words: list[Word], searched: list[tuple[float, float]]
) -> None:
    assert fillers.candidates(voiced, words) == searched


@pytest.mark.parametrize(
    ("voiced", "words", "searched"),
    [
        # in noise a short stretch a word sits on is part of that word: not searched
        ([(1.0, 1.4)], [w("so", 1.0, 1.4)], []),
        # nor is one a doubtful word only partly covers
        ([(0.0, 1.2)], [w("shipped", 0.3, 1.2, p=0.3)], []),
        # a stretch no word touches still is
        ([(2.0, 2.3)], [w("done", 0.0, 1.0), w("next", 2.4, 2.8)], [(2.0, 2.3)]),
        # and one too long for a lone filler still is not
        ([(0.0, 2.0)], [], []),
    ],
)
def test_candidates_in_noise_only_where_no_word_is(
    voiced: list[tuple[float, float]], words: list[Word], searched: list[tuple[float, float]]
) -> None:
    assert fillers.candidates(voiced, words, noisy=True) == searched


def _speech_over_noise(snr_db: float) -> np.ndarray:
    """1 s of steady noise, then 1 s of a tone ``snr_db`` louder (by RMS)."""
    rng = np.random.default_rng(0)
    noise = rng.normal(0.0, 0.01, 2 * SR).astype(np.float32)
    tone = np.sin(2 * np.pi * 220 * np.arange(SR) / SR).astype(np.float32)
    tone *= 0.01 * np.sqrt(2) * 10 ** (snr_db / 20)
    noise[SR:] += tone
    return noise


@pytest.mark.parametrize(
    ("audio", "noisy"),
    [
        (_speech_over_noise(30.0), False),
        (_speech_over_noise(10.0), True),
        (_speech_over_noise(0.0), True),
        (np.zeros(SR, dtype=np.float32), True),  # digital silence: nothing stands out
        (np.zeros(10, dtype=np.float32), True),  # shorter than a frame
    ],
)
def test_is_noisy_by_headroom_over_the_floor(audio: np.ndarray, noisy: bool) -> None:
    assert fillers.is_noisy(audio, SR, 20.0) is noisy
    assert not fillers.is_noisy(audio, SR, 0.0)  # 0: never noisy


def test_pack_lays_stretches_end_to_end_with_silence_between() -> None:
    audio = np.arange(10 * SR, dtype=np.float32)
    settings = GapSettings(pad_s=0.1, gap_s=0.5, window_s=28.0)
    (window,) = fillers.pack(audio, [(1.0, 1.5), (4.0, 4.2)], SR, settings)
    first, second = window.placed
    assert first == Placed(0.5, 1.2, 0.9, 1.6)
    assert second.at_s == pytest.approx(1.7)
    assert second.source_s == pytest.approx(3.9)
    assert len(window.audio) == round(second.until_s * SR)
    # the silence really is silence, and the audio really is the stretch's
    assert not window.audio[: int(0.5 * SR)].any()
    assert window.audio[int(0.5 * SR)] == audio[int(0.9 * SR)]


def test_pack_starts_a_new_window_before_30_s() -> None:
    audio = np.ones(60 * SR, dtype=np.float32)
    stretches = [(float(i), i + 1.0) for i in range(0, 50, 2)]
    windows = fillers.pack(audio, stretches, SR, GapSettings(window_s=10.0))
    assert len(windows) > 1
    assert all(len(win.audio) <= 10.0 * SR for win in windows)
    assert sum(len(win.placed) for win in windows) == len(stretches)


def test_pack_of_nothing_is_no_window() -> None:
    assert fillers.pack(np.ones(SR, dtype=np.float32), [], SR) == []


def _window() -> Window:
    return Window(
        np.zeros(1, dtype=np.float32), (Placed(0.5, 1.0, 10.0, 10.5), Placed(1.5, 2.0, 30.0, 30.5))
    )


def test_place_keeps_only_vocal_fillers_timed_in_the_recording() -> None:
    decoded = [w("Um,", 0.6, 0.8), w("so", 0.8, 0.95), w("uh", 1.6, 1.8)]
    placed = fillers.place(decoded, _window())
    assert [(x.text, x.start, x.end) for x in placed] == [
        ("Um,", pytest.approx(10.1), pytest.approx(10.3)),
        ("uh", pytest.approx(30.1), pytest.approx(30.3)),
    ]


@pytest.mark.parametrize(
    ("probability", "kept"), [(0.0, False), (0.04, False), (0.05, True), (0.07, True), (0.9, True)]
)
def test_place_drops_a_filler_the_decode_hardly_believes(probability: float, kept: bool) -> None:
    placed = fillers.place([w("uh", 0.6, 0.8, p=probability)], _window())
    assert bool(placed) is kept


def test_place_gives_a_drifted_word_to_the_nearest_stretch() -> None:
    # Its timing fell in the silence after the first stretch, nearer to it: it is its own.
    (found,) = fillers.place([w("hmm", 1.05, 1.15)], _window())
    assert 10.0 <= found.start <= found.end <= 10.5


@pytest.mark.parametrize("text", ["Um,", "uh", "Hmm...", "Erm", "MMM", "Uhh", "Eh,"])
def test_vocal_filler_spellings(text: str) -> None:
    assert fillers.is_vocal_filler(text)


@pytest.mark.parametrize("text", ["so", "like", "umbrella", "you"])
def test_words_that_are_not_vocal_fillers(text: str) -> None:
    assert not fillers.is_vocal_filler(text)


def test_merge_slots_fillers_in_by_time() -> None:
    words = [w("I", 0.0, 0.2), w("think", 1.0, 1.3)]
    merged = fillers.merge(words, [w("um", 0.4, 0.7)])
    assert [x.text for x in merged] == ["I", "um", "think"]


def test_merge_drops_a_filler_next_to_one_the_words_hold() -> None:
    words = [w("Um,", 0.0, 0.3), w("basically", 0.9, 1.4), w("done", 2.0, 2.3)]
    merged = fillers.merge(words, [w("um", 0.5, 0.8), w("uh", 1.6, 1.9)])
    assert [x.text for x in merged] == ["Um,", "basically", "uh", "done"]


def test_voiced_stretches_follow_loudness_above_the_noise_floor() -> None:
    rng = np.random.default_rng(1)
    audio = rng.normal(0, 0.001, 4 * SR).astype(np.float32)  # a quiet room
    t = np.arange(int(0.5 * SR)) / SR
    audio[SR : SR + len(t)] += 0.2 * np.sin(2 * np.pi * 200 * t).astype(np.float32)
    audio[int(1.55 * SR) : int(2.0 * SR)] += 0.2  # after a 50 ms dip: the same stretch
    audio[3 * SR : int(3.3 * SR)] += 0.1
    stretches = fillers.voiced_stretches(audio, SR)
    assert [(round(a, 2), round(b, 2)) for a, b in stretches] == [(1.0, 2.0), (3.0, 3.3)]


def test_voiced_stretches_of_silence_or_nothing() -> None:
    assert fillers.voiced_stretches(np.zeros(SR, dtype=np.float32), SR) == []
    assert fillers.voiced_stretches(np.zeros(0, dtype=np.float32), SR) == []
