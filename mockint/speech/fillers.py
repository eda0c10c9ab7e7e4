"""Vocal fillers ("um", "uh") recovered where the words leave a voiced gap. Pure: no model.

Whisper writes what was meant: decoded plainly it drops most fillers, and a filler prompt
that keeps them also makes it invent fillers and garble words on real, noisy voices
(measured). So words are decoded without a filler bias, and fillers are looked for only
where the voice-activity detector heard speech that the words do not account for: short
stretches of speech, or stretches the words hardly cover. Those stretches are packed, each
with a little of its own audio around it and silence between, into as few ≤ 30 s windows as
possible, decoded once with the filler prompt, and only the vocal fillers that decode finds
are kept, each put back at the time of the stretch it came from.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from mockint.models import Word
from mockint.scoring.text import is_vocal_filler


@dataclass(frozen=True)
class GapSettings:
    """Which voiced stretches are searched for fillers, and how they are packed."""

    short_s: float = 0.8
    """A stretch of speech this short (a lone "um" between pauses) is always searched."""
    max_s: float = 1.5
    """Longer stretches are never searched: a filler stands on its own between pauses."""
    covered: float = 0.5
    """A stretch whose time the confident words cover less than this fraction is searched."""
    confident: float = 0.5
    """Words below this probability do not count as covering: Whisper often stretches a
    doubtful word over the filler it dropped next to it."""
    pad_s: float = 0.1
    """Audio kept around a stretch when it is packed, so its onset is heard whole."""
    gap_s: float = 0.5
    """Silence between stretches in a packed window."""
    window_s: float = 28.0
    """A packed window stays under Whisper's 30 s so it is one encoder pass."""
    min_probability: float = 0.05
    """A filler the gap decode itself hardly believes is dropped. Measured (one run, gap
    decode only): fillers found in noisy real read speech, where none was said, had
    probability 0.00, 0.02 and 0.06; those the neural voice said, 0.07-0.96."""


@dataclass(frozen=True)
class Placed:
    """One searched stretch inside a packed window."""

    at_s: float
    """Where its audio starts in the window."""
    until_s: float
    source_s: float
    """Where that audio starts in the recording."""
    source_end_s: float


@dataclass(frozen=True)
class Window:
    """Samples to decode, and where each stretch in it came from."""

    audio: np.ndarray
    placed: tuple[Placed, ...]


def candidates(
    voiced: Iterable[tuple[float, float]],
    words: Sequence[Word],
    settings: GapSettings = GapSettings(),
    *,
    noisy: bool = False,
) -> list[tuple[float, float]]:
    """The voiced stretches (start, end) in seconds worth searching for a filler; in a
    ``noisy`` recording (:func:`is_noisy`) only those no word touches: there speech falls
    apart into short stretches the words cover."""
    out = []
    for start, end in voiced:
        length = end - start
        if length <= 0 or length > settings.max_s:
            continue
        over = [w for w in words if w.start < end and w.end > start]
        if any(is_vocal_filler(w.text) for w in over) or (noisy and over):
            continue  # the words already have it, or (in noise) account for it
        cover = sum(
            min(end, w.end) - max(start, w.start)
            for w in over
            if w.probability >= settings.confident
        )
        if length <= settings.short_s or cover / length < settings.covered:
            out.append((start, end))
    return out


def pack(
    audio: np.ndarray,
    stretches: Sequence[tuple[float, float]],
    sample_rate: int,
    settings: GapSettings = GapSettings(),
) -> list[Window]:
    """``stretches`` of ``audio`` laid end to end, ``gap_s`` of silence before each, into
    windows no longer than ``window_s``."""
    gap = np.zeros(int(settings.gap_s * sample_rate), dtype=np.float32)
    windows: list[Window] = []
    pieces: list[np.ndarray] = []
    placed: list[Placed] = []
    length = 0
    for start, end in stretches:
        lo = max(0, int((start - settings.pad_s) * sample_rate))
        hi = min(len(audio), int((end + settings.pad_s) * sample_rate))
        if hi <= lo:
            continue
        if placed and (length + len(gap) + hi - lo) / sample_rate > settings.window_s:
            windows.append(Window(np.concatenate(pieces), tuple(placed)))
            pieces, placed, length = [], [], 0
        at = length + len(gap)
        pieces += [gap, np.asarray(audio[lo:hi], dtype=np.float32)]
        length = at + hi - lo
        placed.append(
            Placed(at / sample_rate, length / sample_rate, lo / sample_rate, hi / sample_rate)
        )
    if placed:
        windows.append(Window(np.concatenate(pieces), tuple(placed)))
    return windows


def place(
    decoded: Iterable[Word], window: Window, settings: GapSettings = GapSettings()
) -> list[Word]:
    """The vocal fillers among the words decoded from ``window`` (those not too doubtful),
    timed in the recording: each belongs to the stretch nearest its middle (timings drift a
    little in a window)."""
    out = []
    for w in decoded:
        if not is_vocal_filler(w.text) or not window.placed:
            continue
        if w.probability < settings.min_probability:
            continue
        mid = (w.start + w.end) / 2
        p = min(window.placed, key=lambda p: max(p.at_s - mid, mid - p.until_s, 0.0))
        start = min(max(p.source_s + w.start - p.at_s, p.source_s), p.source_end_s)
        end = min(max(start, p.source_s + w.end - p.at_s), p.source_end_s)
        out.append(Word(w.text, start, end, w.probability))
    return out


def merge(words: Sequence[Word], fillers: Iterable[Word]) -> list[Word]:
    """``words`` with ``fillers`` slotted in by start time (a word keeps its place on a tie).
    A filler is dropped when it would land next to one already there: timings drift, and
    the filler the words hold is then usually this same one (measured: "Um, Um, basically")."""
    merged = list(words)
    for filler in sorted(fillers, key=lambda w: w.start):
        at = bisect.bisect_right([w.start for w in merged], filler.start)
        beside = merged[max(0, at - 1) : at + 1]
        if not any(is_vocal_filler(w.text) for w in beside):
            merged.insert(at, filler)
    return merged


def headroom_db(audio: np.ndarray, sample_rate: int, *, frame_s: float = 0.02) -> float:
    """How far the recording's loud frames (90th percentile) stand above its noise floor
    (10th percentile), in dB; 0 for audio shorter than a frame."""
    db = _frame_db(audio, sample_rate, frame_s)
    if db.size == 0:
        return 0.0
    floor, loud = np.percentile(db, [10, 90])
    return float(loud - floor)


def is_noisy(audio: np.ndarray, sample_rate: int, headroom: float) -> bool:
    """Whether ``audio``'s loud frames stand less than ``headroom`` dB above its noise
    floor (:func:`headroom_db`): then only the peaks of syllables clear the floor, and its
    voiced stretches say nothing the words do not."""
    return headroom_db(audio, sample_rate) < headroom


def _frame_db(audio: np.ndarray, sample_rate: int, frame_s: float) -> np.ndarray:
    from mockint.speech.chunking import frame_dbfs

    frame = max(1, int(frame_s * sample_rate))
    n = len(audio) // frame
    if n == 0:
        return np.zeros(0)
    return frame_dbfs(np.asarray(audio[: n * frame], dtype=np.float32).reshape(n, frame))


def voiced_stretches(
    audio: np.ndarray,
    sample_rate: int,
    *,
    frame_s: float = 0.02,
    margin_db: float = 10.0,
    bridge_s: float = 0.1,
    shortest_s: float = 0.06,
) -> list[tuple[float, float]]:
    """Stretches (start, end) in seconds louder than the recording's own noise floor (its
    quietest tenth, plus ``margin_db``), joined across dips shorter than ``bridge_s``."""
    db = _frame_db(audio, sample_rate, frame_s)
    if db.size == 0:
        return []
    threshold = max(float(np.percentile(db, 10)) + margin_db, -55.0)
    loud = db >= threshold
    edges = np.flatnonzero(np.diff(np.concatenate(([0], loud.astype(np.int8), [0]))))
    runs: list[list[int]] = []
    for a, b in zip(edges[0::2], edges[1::2], strict=True):
        if runs and (a - runs[-1][1]) * frame_s < bridge_s:
            runs[-1][1] = int(b)
        else:
            runs.append([int(a), int(b)])
    return [(a * frame_s, b * frame_s) for a, b in runs if (b - a) * frame_s >= shortest_s]
