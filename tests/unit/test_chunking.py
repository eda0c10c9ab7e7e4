"""The live chunker on synthetic audio: cuts at pauses, forced cuts, edge cases."""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np
import pytest

from mockint.speech.chunking import (
    SAMPLE_RATE,
    Chunk,
    Chunker,
    find_cut,
    frame_dbfs,
    spans,
    split,
)

RNG = np.random.default_rng(7)


def tone(seconds: float, level: float = 0.3) -> np.ndarray:
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return (level * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


def quiet(seconds: float, level: float = 0.0) -> np.ndarray:
    n = int(seconds * SAMPLE_RATE)
    return (level * RNG.standard_normal(n)).astype(np.float32)


def bursts(*parts: tuple[str, float]) -> np.ndarray:
    return np.concatenate([tone(s) if kind == "tone" else quiet(s, 1e-4) for kind, s in parts])


def cuts(chunks: list[Chunk]) -> list[float]:
    return [round(c.end_s, 2) for c in chunks[:-1]]


def assert_covers(chunks: list[Chunk], audio: np.ndarray) -> None:
    """Chunks are contiguous and together are exactly the audio (nothing lost, no overlap)."""
    at = 0
    for c in chunks:
        assert c.start == at
        at += len(c.audio)
    assert at == len(audio)
    assert np.array_equal(np.concatenate([c.audio for c in chunks]), audio)


@pytest.mark.parametrize(
    ("parts", "expected_cuts"),
    [
        # Pauses are cut in their middle once the chunk is ≥ 3 s.
        ((("tone", 4), ("quiet", 0.4), ("tone", 4), ("quiet", 0.4), ("tone", 2)), [4.2, 8.6]),
        # A pause before 3 s is kept inside the chunk.
        ((("tone", 1), ("quiet", 0.4), ("tone", 3), ("quiet", 0.4), ("tone", 2)), [4.6]),
        # Pauses shorter than 0.2 s do not count.
        ((("tone", 4), ("quiet", 0.1), ("tone", 4)), []),
        # A long pause is cut without waiting for speech to resume.
        ((("tone", 4), ("quiet", 3.0)), [4.4]),
    ],
)
def test_cuts_at_pauses(parts: tuple[tuple[str, float], ...], expected_cuts: list[float]) -> None:
    audio = bursts(*parts)
    chunks = split(audio, min_chunk_s=3.0, max_chunk_s=12.0, pause_s=0.2)
    assert cuts(chunks) == pytest.approx(expected_cuts, abs=0.06)
    assert_covers(chunks, audio)
    assert not any(c.forced for c in chunks)


def test_no_pause_at_all_is_cut_at_the_quietest_point_before_the_max() -> None:
    # Speech that never pauses, with one dip in loudness at 7 s.
    audio = tone(20)
    audio[7 * SAMPLE_RATE : int(7.1 * SAMPLE_RATE)] *= 0.05
    chunks = split(audio, min_chunk_s=3.0, max_chunk_s=12.0, pause_s=0.2)
    assert chunks[0].forced
    assert chunks[0].end_s == pytest.approx(7.05, abs=0.1)
    assert all(c.duration_s <= 12.0 + 1e-9 for c in chunks)
    assert_covers(chunks, audio)


def test_constant_speech_never_exceeds_the_max() -> None:
    audio = tone(40)
    chunks = split(audio, min_chunk_s=3.0, max_chunk_s=12.0, pause_s=0.2)
    assert len(chunks) >= 4
    assert all(c.duration_s <= 12.0 + 1e-9 for c in chunks)
    assert_covers(chunks, audio)


@pytest.mark.parametrize("seconds", [0.0, 0.005, 0.5, 2.9])
def test_short_input_is_one_tail_chunk(seconds: float) -> None:
    audio = tone(seconds)
    chunks = split(audio)
    if len(audio) == 0:
        assert chunks == []
    else:
        assert len(chunks) == 1 and chunks[0].start == 0 and len(chunks[0].audio) == len(audio)


@pytest.mark.parametrize("level", [0.0, 1e-4, 0.02])
def test_all_silence_or_steady_noise_is_never_voiced(level: float) -> None:
    audio = quiet(10, level)
    chunks = split(audio, min_chunk_s=3.0, max_chunk_s=12.0)
    assert chunks and not any(c.voiced for c in chunks)
    assert_covers(chunks, audio)


def test_speech_chunks_are_voiced_and_silent_ones_are_not() -> None:
    audio = bursts(("tone", 4), ("quiet", 5), ("tone", 4))
    chunks = split(audio, min_chunk_s=3.0, max_chunk_s=12.0)
    assert [c.voiced for c in chunks] == [True, False, True]


@pytest.mark.parametrize("block", [37, 160, 1600, 16000, 64000])
def test_block_size_does_not_change_where_cuts_fall_much(block: int) -> None:
    audio = bursts(("tone", 4), ("quiet", 0.5), ("tone", 5), ("quiet", 1.0), ("tone", 2))
    chunker = Chunker()
    chunks: list[Chunk] = []
    for at in range(0, len(audio), block):
        chunks.extend(chunker.push(audio[at : at + block]))
    tail = chunker.flush()
    assert tail is not None
    chunks.append(tail)
    assert cuts(chunks) == pytest.approx([4.25, 9.9], abs=0.11)
    assert chunker.received == len(audio)
    assert_covers(chunks, audio)


def test_threshold_follows_the_noise_floor() -> None:
    chunker = Chunker()
    assert chunker.threshold_db() == -55.0
    chunker.push(quiet(2, 0.003))  # ≈ -50 dBFS room noise
    assert -45.0 < chunker.threshold_db() < -35.0
    chunker.push(tone(30))  # nobody pauses: the threshold never climbs into speech
    assert chunker.threshold_db() <= -30.0


@pytest.mark.parametrize(
    ("db", "expected"),
    [
        ([-20] * 10, None),  # too short, no pause
        ([-20] * 5 + [-80] * 3 + [-20], (6, False)),  # pause of 3 frames, cut in its middle
        ([-80] * 4 + [-20] * 5, None),  # leading silence shorter than min
        ([-20] * 12, (3, True)),  # max reached without a pause: forced
    ],
)
def test_find_cut(db: list[float], expected: tuple[int, bool] | None) -> None:
    got = find_cut(
        np.array(db, dtype=float),
        -50.0,
        min_frames=5,
        max_frames=12,
        pause_frames=3,
        long_pause_frames=6,
    )
    if expected is None or expected[1] is False:
        assert got == expected
    else:
        assert got is not None and got[1] is True and 2 <= got[0] < 12


def test_frame_dbfs() -> None:
    frames = np.stack([np.zeros(320), np.full(320, 0.1), np.full(320, 1.0)])
    assert frame_dbfs(frames) == pytest.approx([-120.0, -20.0, 0.0])


def test_min_must_be_below_max() -> None:
    with pytest.raises(ValueError):
        Chunker(min_chunk_s=5, max_chunk_s=5)


def test_peek_shows_the_open_chunk_without_closing_it() -> None:
    chunker = Chunker()
    assert chunker.peek() is None
    chunker.push(bursts(("tone", 2), ("quiet", 0.5)))
    open_chunk = chunker.peek()
    assert open_chunk is not None and open_chunk.voiced and open_chunk.start == 0
    assert open_chunk.duration_s == pytest.approx(2.5)
    assert chunker.trailing_quiet_s() == pytest.approx(0.5, abs=0.03)
    tail = chunker.flush()
    assert tail is not None and np.array_equal(tail.audio, open_chunk.audio)


@pytest.mark.parametrize(
    ("audio", "quiet_expected"),
    [
        (np.zeros(0, dtype=np.float32), True),
        (quiet(1.0, 1e-4), True),
        (tone(0.05), False),
        (np.concatenate([quiet(1.0, 1e-4), tone(0.01)]), False),
    ],
)
def test_is_quiet(audio: np.ndarray, quiet_expected: bool) -> None:
    chunker = Chunker()
    chunker.push(bursts(("quiet", 1), ("tone", 1)))
    assert chunker.is_quiet(audio) is quiet_expected


# --- spans: long files cut for transcription a span at a time -----------------------------


def blocks_of(audio: np.ndarray, size: int) -> list[np.ndarray]:
    return [audio[at : at + size] for at in range(0, len(audio), size)]


def spoken(seconds: float, pause_every_s: float = 7.0) -> np.ndarray:
    """Tone with a 0.5 s pause every ``pause_every_s``: speech with places to cut."""
    parts: list[tuple[str, float]] = []
    left = seconds
    while left > 0:
        parts += [("tone", min(pause_every_s, left)), ("quiet", 0.5)]
        left -= pause_every_s + 0.5
    return bursts(*parts)


@pytest.mark.parametrize(
    ("seconds", "max_s", "block"),
    [
        (10.0, 30.0, 4096),  # shorter than a span: one span, exactly as read
        (25.0, 30.0, 16000 * 40),  # one block bigger than a span, still one span
        (75.0, 30.0, 4096),
        (75.0, 30.0, 16000),
        (75.0, 30.0, 16000 * 100),  # the whole file in one block: cut all the same
        (300.0, 120.0, 4096),
    ],
)
def test_spans_cover_the_recording_in_pieces_no_longer_than_max(
    seconds: float, max_s: float, block: int
) -> None:
    audio = spoken(seconds)
    got = list(spans(blocks_of(audio, block), max_s=max_s))
    if len(audio) <= max_s * SAMPLE_RATE:
        assert len(got) == 1
    else:
        assert len(got) >= math.ceil(len(audio) / (max_s * SAMPLE_RATE))
        assert all(len(s) >= max_s / 2 * SAMPLE_RATE for _, s in got[:-1])
    at = 0
    for start, samples in got:
        assert start == at
        assert len(samples) <= max_s * SAMPLE_RATE
        at += len(samples)
    assert at == len(audio)
    assert np.array_equal(np.concatenate([s for _, s in got]), audio)


def test_a_span_is_cut_in_a_pause_in_its_second_half() -> None:
    audio = spoken(100.0)
    db = frame_dbfs(audio[: len(audio) // 320 * 320].reshape(-1, 320))
    for start, samples in list(spans(blocks_of(audio, 4096), max_s=30.0))[:-1]:
        assert len(samples) >= 15 * SAMPLE_RATE
        end_frame = (start + len(samples)) // 320
        assert db[end_frame] < -60, "cut inside a word"


def test_spans_hold_at_most_one_span_and_a_block() -> None:
    """The reader is pulled block by block: when a span comes out, no more than one span
    and one block of the recording have been read (a long file is never held whole)."""
    audio = spoken(600.0)
    pulled = 0

    def reader() -> Iterator[np.ndarray]:
        nonlocal pulled
        for block in blocks_of(audio, 4096):
            pulled += len(block)
            yield block

    done = 0
    for start, samples in spans(reader(), max_s=60.0):
        assert pulled - start <= 60 * SAMPLE_RATE + 4096
        done = start + len(samples)
    assert done == len(audio) == pulled


def test_no_blocks_no_spans() -> None:
    assert list(spans(iter([]), max_s=30.0)) == []
    assert list(spans([np.zeros(0, dtype=np.float32)], max_s=30.0)) == []
