"""Cutting a live stream of audio into chunks at the speaker's pauses. Pure: no threads, no I/O.

Whisper is most accurate on whole phrases, and every call costs at least one 30 s encoder
pass, so chunks are cut only at a real pause (≥ ``pause_s`` of quiet, cut in its middle when
speech resumes or once it lasts ``long_pause_s``) after they are ``min_chunk_s`` long; a
speaker who never pauses is cut at the quietest moment before ``max_chunk_s``. "Quiet"
adapts to the room: a little above the noise floor heard so far.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np

SAMPLE_RATE = 16000

_FLOOR_MIN_DB = -55.0  # a silent threshold never drops below this (digital silence)
_FLOOR_MAX_DB = -30.0  # nor rises above this (a speaker who never pauses)
_FLOOR_MARGIN_DB = 10.0
_FLOOR_HISTORY_S = 20.0
_VOICED_MIN_S = 0.1


@dataclass(frozen=True)
class Chunk:
    """A closed piece of the recording, ready to transcribe."""

    start: int
    """Index of its first sample in the whole recording."""
    audio: np.ndarray
    voiced: bool
    """False when nothing in it rose above the silence threshold: no need to transcribe."""
    forced: bool = False
    """True when cut at the quietest point because the speaker did not pause."""
    sample_rate: int = SAMPLE_RATE

    @property
    def start_s(self) -> float:
        return self.start / self.sample_rate

    @property
    def duration_s(self) -> float:
        return len(self.audio) / self.sample_rate

    @property
    def end_s(self) -> float:
        return self.start_s + self.duration_s


class Chunker:
    """Feed blocks of samples with :meth:`push`; get back the chunks they closed."""

    def __init__(
        self,
        *,
        sample_rate: float = SAMPLE_RATE,
        min_chunk_s: float = 3.0,
        max_chunk_s: float = 12.0,
        pause_s: float = 0.2,
        long_pause_s: float = 0.8,
        frame_s: float = 0.02,
    ) -> None:
        if not 0 < min_chunk_s < max_chunk_s:
            raise ValueError("need 0 < min_chunk_s < max_chunk_s")
        self.sample_rate = int(sample_rate)
        self._frame = max(1, round(frame_s * sample_rate))
        self._min_frames = max(1, round(min_chunk_s * sample_rate / self._frame))
        self._max_frames = max(self._min_frames + 1, round(max_chunk_s * sample_rate / self._frame))
        self._pause_frames = max(1, math.ceil(pause_s * sample_rate / self._frame))
        self._long_pause_frames = max(
            self._pause_frames + 1, math.ceil(long_pause_s * sample_rate / self._frame)
        )
        self._start = 0
        self._pending = np.zeros(0, dtype=np.float32)
        self._db = np.zeros(0)  # loudness of each whole frame of _pending
        self._history: deque[float] = deque(
            maxlen=max(1, round(_FLOOR_HISTORY_S * sample_rate / self._frame))
        )

    @property
    def received(self) -> int:
        """Samples pushed so far."""
        return self._start + len(self._pending)

    def threshold_db(self) -> float:
        """Frames quieter than this count as silence: just above the room's noise floor."""
        if not self._history:
            return _FLOOR_MIN_DB
        floor = float(np.percentile(np.fromiter(self._history, float), 10))
        return min(max(floor + _FLOOR_MARGIN_DB, _FLOOR_MIN_DB), _FLOOR_MAX_DB)

    def push(self, samples: np.ndarray) -> list[Chunk]:
        """Add samples; return the chunks this closed (usually none)."""
        block = np.asarray(samples, dtype=np.float32).reshape(-1)
        if block.size == 0:
            return []
        self._pending = np.concatenate((self._pending, block))
        self._measure_new_frames()
        closed: list[Chunk] = []
        while (cut := self._find_cut()) is not None:
            closed.append(self._close(*cut))
        return closed

    def flush(self) -> Chunk | None:
        """Close whatever is left (the tail at stop); None when nothing is."""
        if self._pending.size == 0:
            return None
        return self._close(len(self._pending), forced=False)

    def _measure_new_frames(self) -> None:
        done = len(self._db)
        whole = len(self._pending) // self._frame
        if whole <= done:
            return
        frames = self._pending[done * self._frame : whole * self._frame].reshape(-1, self._frame)
        db = frame_dbfs(frames)
        self._history.extend(db.tolist())
        self._db = np.concatenate((self._db, db))

    def _find_cut(self) -> tuple[int, bool] | None:
        """(sample index in _pending, forced) of the next cut, or None to keep listening."""
        frame = find_cut(
            self._db,
            self.threshold_db(),
            min_frames=self._min_frames,
            max_frames=self._max_frames,
            pause_frames=self._pause_frames,
            long_pause_frames=self._long_pause_frames,
        )
        if frame is None:
            return None
        return frame[0] * self._frame, frame[1]

    def peek(self) -> Chunk | None:
        """The chunk still open, as it would close now (a copy; nothing changes)."""
        if self._pending.size == 0:
            return None
        audio = self._pending.copy()
        return Chunk(self._start, audio, self._voiced(audio, self._db), False, self.sample_rate)

    def trailing_quiet_s(self) -> float:
        """How long the open chunk has been quiet at its end (whole frames only)."""
        loud = np.flatnonzero(self._db >= self.threshold_db())
        quiet_frames = len(self._db) - (int(loud[-1]) + 1 if loud.size else 0)
        return quiet_frames * self._frame / self.sample_rate

    def is_quiet(self, audio: np.ndarray) -> bool:
        """True when nothing in ``audio`` rises above the current silence threshold."""
        return not self._voiced(audio, min_s=0.0)

    def _close(self, cut: int, forced: bool) -> Chunk:
        audio = self._pending[:cut].copy()
        voiced = self._voiced(audio, self._db)
        chunk = Chunk(self._start, audio, voiced, forced, self.sample_rate)
        self._start += cut
        self._pending = self._pending[cut:]
        self._db = self._db[cut // self._frame :]
        return chunk

    def _voiced(
        self, audio: np.ndarray, db: np.ndarray | None = None, min_s: float = _VOICED_MIN_S
    ) -> bool:
        """Whether at least ``min_s`` of ``audio`` is loud; ``db``: its frames' loudness
        when already measured."""
        threshold = self.threshold_db()
        whole = len(audio) // self._frame
        if db is None or len(db) < whole:
            db = frame_dbfs(audio[: whole * self._frame].reshape(-1, self._frame))
        loud = int(np.sum(db[:whole] >= threshold))
        rest = audio[whole * self._frame :]
        if rest.size and frame_dbfs(rest.reshape(1, -1))[0] >= threshold:
            loud += 1  # the tail at stop is often a part frame: count it too
        return loud > 0 and loud * self._frame >= min_s * self.sample_rate


def split(
    audio: np.ndarray,
    *,
    block_s: float = 0.1,
    **chunker_options: float,
) -> list[Chunk]:
    """Cut a whole recording exactly as a live recording fed in ``block_s`` blocks would be
    cut, so files and live answers are transcribed alike."""
    chunker = Chunker(**chunker_options)
    step = max(1, int(block_s * chunker.sample_rate))
    chunks: list[Chunk] = []
    for at in range(0, len(audio), step):
        chunks.extend(chunker.push(audio[at : at + step]))
    tail = chunker.flush()
    return [*chunks, tail] if tail is not None else chunks


def find_cut(
    db: np.ndarray,
    threshold: float,
    *,
    min_frames: int,
    max_frames: int,
    pause_frames: int,
    long_pause_frames: int,
) -> tuple[int, bool] | None:
    """Where to cut a chunk whose frames have loudness ``db``: (frame index, forced) or None.

    A pause (≥ ``pause_frames`` quiet frames) is cut in its middle once speech resumes, so
    both chunks keep some silence at the seam: a chunk that ends right after its last word
    makes Whisper add a phantom "Thank you.". A pause still going after
    ``long_pause_frames`` is cut without waiting for more. The cut must leave at least
    ``min_frames`` before it. Failing all that, once ``max_frames`` are in, the quietest
    stretch is cut (forced).
    """
    silent = db < threshold
    run = 0
    for i, quiet in enumerate(silent):
        if quiet:
            run += 1
            cut = i + 1 - long_pause_frames // 2
            if run >= long_pause_frames and cut >= min_frames:
                return cut, False
        else:
            cut = i - run + run // 2
            if run >= pause_frames and cut >= min_frames:
                return cut, False
            run = 0
        if i + 1 >= max_frames:
            break
    if len(db) < max_frames:
        return None
    return quietest_frame(db, min_frames // 2, max_frames, pause_frames), True


def quietest_frame(db: np.ndarray, lo: int, hi: int, window: int) -> int:
    """The frame in ``lo:hi`` at the middle of the quietest ``window`` frames in a row."""
    window = max(1, window)
    smooth = np.convolve(db[:hi], np.ones(window) / window, mode="same")
    return lo + int(np.argmin(smooth[lo:hi]))


def spans(
    blocks: Iterable[np.ndarray],
    *,
    max_s: float,
    sample_rate: int = SAMPLE_RATE,
    frame_s: float = 0.02,
    pause_s: float = 0.3,
) -> Iterator[tuple[int, np.ndarray]]:
    """A recording arriving in ``blocks`` as (first sample, samples) spans of at most
    ``max_s``, so a long file is transcribed a span at a time and never held whole.

    A recording no longer than ``max_s`` is one span, exactly as read. A longer one is cut
    at the quietest ``pause_s`` in the second half of each ``max_s``, so a span ends in a
    pause rather than inside a word. At most one span and one block are held at a time.
    """
    limit = max(1, int(max_s * sample_rate))
    frame = max(1, round(frame_s * sample_rate))
    pending: list[np.ndarray] = []
    held = 0
    start = 0
    for block in blocks:
        pending.append(np.asarray(block, dtype=np.float32).reshape(-1))
        held += pending[-1].size
        while held > limit:
            audio = np.concatenate(pending)
            n = limit // frame
            db = frame_dbfs(audio[: n * frame].reshape(n, frame))
            cut = max(1, quietest_frame(db, n // 2, n, round(pause_s / frame_s)) * frame)
            yield start, audio[:cut]
            pending = [audio[cut:].copy()]  # a copy, so the span's samples can be freed
            held -= cut
            start += cut
    if held:
        yield start, np.concatenate(pending)


def frame_dbfs(frames: np.ndarray) -> np.ndarray:
    """RMS loudness in dBFS of each row of ``frames`` (floor -120 for digital silence)."""
    rms = np.sqrt(np.mean(np.square(frames, dtype=np.float64), axis=1))
    return 20.0 * np.log10(np.maximum(rms, 1e-6))
