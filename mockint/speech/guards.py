"""Last line of defence against words Whisper invents on silence or noise.

faster-whisper's own guards (VAD, ``no_speech_threshold``, ``compression_ratio_threshold``,
``hallucination_silence_threshold``) catch most phantoms; this drops what slips through:
segments the model itself doubts, repetition loops, and the stock phrases Whisper produces
on near-silence ("Thank you.", "you") when the audio under them really is quiet. Pure.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from mockint.models import Word
from mockint.speech.chunking import frame_dbfs

SAMPLE_RATE = 16000

PHANTOM_PHRASES = frozenset(
    {
        "you",
        "thank you",
        "thanks",
        "thank you very much",
        "thanks for watching",
        "thank you for watching",
        "thanks for listening",
        "see you in the next video",
        "see you next time",
        "i'll see you next time",
        "we'll see you next time",
        "bye",
        "okay",
        "so",
        "um",
        "uh",
        "hmm",
        "oh",
    }
)
"""What Whisper says over silence; kept only when the audio under it is loud enough."""
_LONGEST_PHANTOM = max(len(p.split()) for p in PHANTOM_PHRASES)
"""Words of the longest phrase weighed at the end of a chunk's words."""

QUIET_DBFS = -50.0
"""Audio quieter than this (RMS) under a segment is treated as no speech."""

_DOUBTED_TAIL = 0.1
"""A closing stock phrase the decoder itself hardly believes (mean word probability below
this) is dropped over noise too: on 2 hours of pink noise at -34 dBFS, streamed in 120 s
spans, 16 spans ended in an invented "You" (p 0.02); loudness alone kept them."""

FLOOR_MARGIN_DB = 6.0
"""A closing stock phrase over audio no louder than the recording's own noise floor (its
quietest tenth) plus this is dropped however sure the decoder is: over steady noise the
absolute ``QUIET_DBFS`` never holds (an espeak-ng answer over -28 dBFS noise closed in an
invented "Thank you very much."), while a phrase really said rises above the floor."""

_FRAME_S = 0.02
_DOUBT_NO_SPEECH = 0.6
_DOUBT_LOGPROB = -1.0
_MAX_COMPRESSION = 2.4


@dataclass(frozen=True)
class Segment:
    """The parts of a faster-whisper segment the guards look at."""

    text: str
    start: float
    end: float
    no_speech_prob: float
    avg_logprob: float


def compression_ratio(text: str) -> float:
    """Whisper's measure of a loop, on one segment's own text. Not the window's ratio that
    faster-whisper reports: a real reader saying the same two sentences three times makes a
    window compress like a loop, and dropping every segment of it emptied the transcript."""
    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data)) if data else 0.0


def keep_segment(segment: Segment, audio: np.ndarray, sample_rate: int = SAMPLE_RATE) -> bool:
    """False for a segment that is most likely invented (see module doc)."""
    if compression_ratio(segment.text) > _MAX_COMPRESSION:
        return False  # "the the the the …": a decoding loop, not speech
    if segment.no_speech_prob > _DOUBT_NO_SPEECH and segment.avg_logprob < _DOUBT_LOGPROB:
        return False
    quiet = rms_dbfs(_slice(audio, segment.start, segment.end, sample_rate)) < QUIET_DBFS
    if quiet and normalise(segment.text) in PHANTOM_PHRASES:
        return False
    return not (quiet and segment.no_speech_prob > _DOUBT_NO_SPEECH)


def phantom_tails(words: Sequence[Word]) -> Iterator[int]:
    """The lengths of the stock phrases ("Thank you.", "Thank you very much.") that end
    ``words``, longest first: the tails for a guard to weigh."""
    for n in range(min(_LONGEST_PHANTOM, len(words)), 0, -1):
        if normalise(" ".join(w.text for w in words[-n:])) in PHANTOM_PHRASES:
            yield n


def drop_phantom_tail(
    words: list[Word], audio: np.ndarray, offset_s: float, sample_rate: int = SAMPLE_RATE
) -> list[Word]:
    """``words`` without a trailing phantom ("… database. Thank you.") said over quiet, over
    nothing but the recording's noise floor, or hardly believed: Whisper likes to close a
    chunk that ends in silence or noise with one."""
    for n in phantom_tails(words):
        tail = words[-n:]
        under = _slice(audio, tail[0].start - offset_s, tail[-1].end - offset_s + 0.1, sample_rate)
        doubted = sum(w.probability for w in tail) / n < _DOUBTED_TAIL
        if doubted or rms_dbfs(under) < QUIET_DBFS:
            return words[:-n]
        floor = frame_levels(audio, sample_rate)
        if under.size and floor.size:
            level = float(np.median(frame_levels(under, sample_rate, partial=True)))
            if level < float(np.percentile(floor, 10)) + FLOOR_MARGIN_DB:
                return words[:-n]
    return words


def frame_levels(audio: np.ndarray, sample_rate: int, *, partial: bool = False) -> np.ndarray:
    """RMS dBFS of each 20 ms frame of ``audio``; ``partial`` keeps a last part frame too
    (and a slice shorter than one frame)."""
    frame = max(1, int(_FRAME_S * sample_rate))
    n = len(audio) // frame
    rows = [np.asarray(audio[: n * frame], dtype=np.float32).reshape(n, frame)] if n else []
    levels = [frame_dbfs(r) for r in rows]
    if partial and len(audio) > n * frame:
        levels.append(np.array([rms_dbfs(np.asarray(audio[n * frame :]))]))
    return np.concatenate(levels) if levels else np.zeros(0)


def normalise(text: str) -> str:
    """Lower case, punctuation gone, spaces squeezed: "Thank you." → "thank you"."""
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text.lower()).split())


def rms_dbfs(samples: np.ndarray) -> float:
    """Loudness of ``samples`` as RMS in dB full scale; -120 for empty or digital silence."""
    if samples.size == 0:
        return -120.0
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
    return 20.0 * float(np.log10(rms)) if rms > 1e-6 else -120.0


def _slice(audio: np.ndarray, start: float, end: float, sample_rate: int) -> np.ndarray:
    a = max(0, int(start * sample_rate))
    b = max(a + 1, int(end * sample_rate))
    return audio[a:b]
