"""Live transcription: transcribe while the user speaks, so only the tail is left at stop.

The recorder's writer thread calls :meth:`LiveTranscriber.feed` with each block; the
:class:`~mockint.speech.chunking.Chunker` closes a chunk at each pause, and ONE worker thread
transcribes closed chunks in order, each heard with the audio just before it (only its own
words kept) and prompted with the words said before that audio, so that sentences read on
across seams as they do across a file's windows. :meth:`LiveTranscriber.finish` sends
the tail and returns the whole transcript, with every word timed from the start of the
recording. A worker that falls behind the speaker (a busy machine) decodes cheaper until
it has caught up (see ``SpeechConfig.behind_s``).
"""

from __future__ import annotations

import queue
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from mockint.models import Transcript, Word
from mockint.speech.chunking import SAMPLE_RATE, Chunk, Chunker, frame_dbfs, quietest_frame
from mockint.speech.config import SpeechConfig
from mockint.speech.guards import phantom_tails
from mockint.speech.transcriber import Transcriber, chunker_options


@dataclass(frozen=True)
class LiveUpdate:
    """Posted after each chunk is transcribed (from the worker thread)."""

    words: tuple[Word, ...]
    """Everything transcribed so far, in order."""
    new_words: tuple[Word, ...]
    """The words this chunk added."""
    transcribed_s: float
    """Audio covered so far: words up to here are final."""
    received_s: float
    """Audio fed so far."""


OnUpdate = Callable[[LiveUpdate], None]

_IDLE_POLL_S = 0.05
_WINDOW_S = 29.0  # a chunk and its context stay in one 30 s encoder window
_MIN_OVERLAP_S = 0.5
_FRAME_S = 0.02
_QUIET_WINDOW_S = 0.2
_REPEAT_S = 0.5


def with_context(chunk: Chunk, before: np.ndarray, overlap_s: float) -> Chunk:
    """``chunk`` with up to ``overlap_s`` of ``before`` (the audio that ends where it
    starts) put in front, from the quietest moment in the first half of that stretch, so
    the context starts in a pause rather than inside a word. Never longer than one encoder
    window: a long chunk gets less context, and a chunk without speech none."""
    rate = chunk.sample_rate
    n = min(len(before), int(min(overlap_s, _WINDOW_S - chunk.duration_s) * rate))
    frame = max(1, int(_FRAME_S * rate))
    frames = (n - n // 2) // frame
    if not chunk.voiced or n < _MIN_OVERLAP_S * rate or frames < 1:
        return chunk
    first = len(before) - n
    region = before[first : first + frames * frame].reshape(frames, frame)
    window = max(1, round(_QUIET_WINDOW_S / _FRAME_S))
    lo = first + quietest_frame(frame_dbfs(region), 0, frames, window) * frame
    audio = np.concatenate((before[lo:], chunk.audio))
    return Chunk(chunk.start - (len(before) - lo), audio, True, chunk.forced, rate)


def after_seam(words: Sequence[Word], seam_s: float, last: Word | None) -> list[Word]:
    """The words of a decode with context that belong after ``seam_s``: those centred after
    it, less a first one that repeats ``last`` (the word before the seam, heard twice when
    the timings of the two decodes differ a little)."""
    out = [w for w in words if (w.start + w.end) / 2 >= seam_s]
    if (
        out
        and last is not None
        and out[0].start < last.end + _REPEAT_S
        and _bare(out[0].text) == _bare(last.text)
    ):
        out = out[1:]
    return out


def said_before(words: Sequence[Word], heard: Chunk) -> Sequence[Word]:
    """The words said before the audio ``heard`` starts: its prompt, read on as a file's
    windows read on from the text before them. Not the words of the context audio at its
    front: prompted with the text it is about to hear, the decoder skipped those words and
    the chunk's first ones with them ("I listened to his concerns" → "his concerns")."""
    end = len(words)
    while end and (words[end - 1].start + words[end - 1].end) / 2 >= heard.start_s:
        end -= 1
    return words[:end]


def _bare(text: str) -> str:
    return re.sub(r"[^\w']", "", text.lower())


@dataclass(frozen=True)
class _Guess:
    """Words of the open chunk's first samples (``audio``), transcribed while idle."""

    start: int
    audio: np.ndarray
    words: list[Word]
    whole: bool
    """Decoded as a closed chunk is, to be its words if the chunk closes in this pause."""

    @property
    def length(self) -> int:
        return len(self.audio)


class LiveTranscriber:
    """Incremental transcription of one answer. Feed it, then :meth:`finish` or
    :meth:`cancel` it; one instance per answer."""

    def __init__(
        self,
        transcriber: Transcriber,
        *,
        on_update: OnUpdate | None = None,
        config: SpeechConfig | None = None,
        guess_ahead: bool = True,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        """``guess_ahead``: use idle time in the speaker's pauses to transcribe the open
        chunk early (see :meth:`_guess_ahead`); off only to make tests deterministic.
        ``clock``: seconds, to tell how late the words come after they were said."""
        self._transcriber = transcriber
        self._clock = clock
        self._started: float | None = None
        self._guess_ahead_enabled = guess_ahead
        self._config = config or transcriber.config
        self._on_update = on_update
        self._chunker = Chunker(sample_rate=SAMPLE_RATE, **chunker_options(self._config))
        self._feed_lock = threading.Lock()
        self._queue: queue.Queue[Chunk | None] = queue.Queue()
        self._words: list[Word] = []
        self._transcribed_s = 0.0
        self._closed = False
        self._tail: Chunk | None = None
        self._cancelled = threading.Event()
        self.error: BaseException | None = None
        """The first error the worker hit (raised again by :meth:`finish`)."""
        self.callback_error: BaseException | None = None
        """The first error ``on_update`` raised (ignored: transcription goes on)."""
        self.chunks: list[tuple[float, float, bool]] = []
        """(start_s, end_s, forced) of every chunk closed so far, for diagnostics."""
        self.busy_s = 0.0
        """Seconds the worker has spent transcribing."""
        self.guesses = 0
        """Times the open chunk was transcribed ahead, while idle in a pause."""
        self.guess_used = False
        """Whether the tail's words came from such a guess (nothing left to do at stop)."""
        self.late_s = 0.0
        """How long after the speaker said them the last chunk's words came (seconds;
        below zero when fed faster than real time)."""
        self.behind = False
        """Whether chunks are being decoded cheaper, the worker having fallen behind."""
        self.behind_decodes = 0
        """Chunks decoded cheaper because the worker was behind."""
        self._guess: _Guess | None = None
        # The audio just before the open chunk (worker thread only), heard again as context.
        self._before = np.zeros(0, dtype=np.float32)
        self._before_end = 0
        self._worker = threading.Thread(target=self._work, name="mockint-live", daemon=True)
        self._worker.start()

    @property
    def received_s(self) -> float:
        """Seconds of audio fed so far."""
        return self._chunker.received / SAMPLE_RATE

    @property
    def words(self) -> tuple[Word, ...]:
        """Words transcribed so far (final: later chunks never change them)."""
        return tuple(self._words)

    def feed(self, samples: np.ndarray) -> None:
        """Add a block of 16 kHz mono float32 samples. Cheap: only measures loudness and
        hands closed chunks to the worker."""
        with self._feed_lock:
            if self._closed:
                return
            if self._started is None:
                # The first block was being said for its own length before it came.
                self._started = self._clock() - np.size(samples) / SAMPLE_RATE
            for chunk in self._chunker.push(samples):
                self._submit(chunk)

    def finish(self, timeout: float | None = None) -> Transcript:
        """Transcribe the tail, wait for the worker and return the whole transcript."""
        with self._feed_lock:
            if not self._closed:
                self._closed = True
                tail = self._chunker.flush()
                if tail is not None:
                    self._tail = tail
                    self._submit(tail)
                self._queue.put(None)
        self._worker.join(timeout)
        if self._worker.is_alive():
            raise TimeoutError("live transcription did not finish in time")
        if self.error is not None:
            raise self.error
        return Transcript(words=tuple(self._words), duration_s=self.received_s)

    def cancel(self) -> None:
        """Stop at once: pending chunks are dropped, the one in progress is abandoned."""
        self._cancelled.set()
        with self._feed_lock:
            if not self._closed:
                self._closed = True
                self._queue.put(None)

    def _submit(self, chunk: Chunk) -> None:
        self.chunks.append((chunk.start_s, chunk.end_s, chunk.forced))
        self._queue.put(chunk)

    def _work(self) -> None:
        while True:
            try:
                chunk = self._queue.get(timeout=_IDLE_POLL_S)
            except queue.Empty:
                self._guess_ahead()
                continue
            if chunk is None:
                return
            if self._cancelled.is_set() or self.error is not None:
                continue
            try:
                new = self._transcribe(chunk)
            except BaseException as exc:  # surfaced by finish(); the worker must not die silent
                self.error = exc
                continue
            self._words.extend(new)
            self._transcribed_s = chunk.end_s
            self._keep_before(chunk)
            self._notify(tuple(new))

    def _transcribe(self, chunk: Chunk) -> list[Word]:
        if chunk is not self._tail:
            guess, self._guess = self._guess, None  # the open chunk it guessed at is closed
            with self._feed_lock:  # the chunker's threshold moves as blocks are fed
                reuse = guess is not None and guess.whole and self._covers(guess, chunk)
            if guess is not None and reuse:
                return [w for w in guess.words if (w.start + w.end) / 2 < chunk.end_s]
            return self._as_chunk(chunk, self._context_for(chunk), self._words)
        # No feed can change the chunker now (closed): safe to ask it from this thread.
        guess = self._guess
        if guess is not None and self._covers(guess, chunk):
            self.guess_used = True
            return guess.words
        if guess is not None and guess.start == chunk.start and 0 < guess.length < len(chunk.audio):
            # The guess was taken in a pause: its words are whole. Only what was said after
            # that pause is left, so the user waits for a phrase, not for the whole tail.
            self.guess_used = True
            rest = Chunk(
                chunk.start + guess.length,
                chunk.audio[guess.length :],
                True,
                sample_rate=chunk.sample_rate,
            )
            before = np.concatenate((self._context_for(chunk), chunk.audio[: guess.length]))
            return guess.words + self._transcribe_fast(rest, before, [*self._words, *guess.words])
        # No guess (often the whole of a short answer): decoded as every other chunk, so
        # live reads a short answer as `mockint score` does. Measured against the file
        # path's word errors: 1.5x with the one-pass filler prompt; with the tail's beam of
        # 1, 1.17x on neural-voice answers and 1.12x on real voices at 10 dB SNR; like
        # this, 1.12x and 1.00x. Its context too: with only tail_overlap_s, live WER on
        # real voices at 10 dB SNR was 1.27x the file path's (a reader's last line, "made
        # amiable himself", heard as "made and be a bull himself").
        return self._tail_without_guess(chunk)

    def _tail_without_guess(self, chunk: Chunk) -> list[Word]:
        """The last chunk when no guess at it was ready: decoded as any chunk, or, if the
        worker is behind the speaker, as the phrase after a guess is (the tail's beam, one
        pass, ``tail_overlap_s`` of context), since the user waits for all of it. Measured on
        the 2-minute answer's 8.4 s tail at load 4 (3 runs): 1.4-2.2 s so, 2.9-4.2 s at beam
        5 without the prompt, 5.0-6.0 s with the full settings."""
        if not self.behind:
            return self._as_chunk(chunk, self._context_for(chunk), self._words)
        self.behind_decodes += 1
        return self._transcribe_fast(chunk, self._context_for(chunk))

    def _transcribe_fast(
        self,
        chunk: Chunk,
        before_audio: np.ndarray,
        before: list[Word] | None = None,
    ) -> list[Word]:
        """The settings for what the user waits for after stop: the phrase said after a
        guess, and a tail with no guess while the worker is behind."""
        cfg = self._config
        return self._decode(
            chunk,
            before_audio,
            self._words if before is None else before,
            overlap_s=self._tail_overlap_s,
            beam_size=cfg.tail_beam_size or None,
            context_words=cfg.tail_context_words,
            fast=True,
        )

    def _as_chunk(self, chunk: Chunk, before_audio: np.ndarray, before: list[Word]) -> list[Word]:
        """``chunk`` decoded as every closed chunk is (see :meth:`_decode`): with the full
        settings, or while the worker is behind the speaker, the cheaper ones; then whether
        it is behind, by how late these words came."""
        cfg = self._config
        if not self.behind:
            words = self._decode(chunk, before_audio, before)
        else:
            self.behind_decodes += 1
            words = self._decode(
                chunk,
                before_audio,
                before,
                beam_size=cfg.behind_beam_size or None,
                context_words=cfg.behind_context_words,
            )
        self.late_s = self._said_s() - chunk.end_s
        if self.behind:
            self.behind = self.late_s > cfg.caught_up_s
        else:
            self.behind = 0 < cfg.behind_s <= self.late_s
        return words

    def _said_s(self) -> float:
        """How far into the answer the speaker is by the clock: the audio fed so far, or
        less when it is fed faster than it was said (a file at pace 0)."""
        if self._started is None:
            return 0.0
        return min(self.received_s, self._clock() - self._started)

    def _decode(
        self,
        chunk: Chunk,
        before_audio: np.ndarray,
        before: list[Word],
        *,
        overlap_s: float | None = None,
        **options: Any,
    ) -> list[Word]:
        """Words of ``chunk``, decoded with up to ``overlap_s`` (default
        ``live_overlap_s``) of the audio before it as context (see :func:`with_context`);
        ``before`` are the words already transcribed ahead of it."""
        if overlap_s is None:
            overlap_s = self._config.live_overlap_s
        heard = with_context(chunk, before_audio, overlap_s)
        prompt = said_before(before, heard)
        words = self._timed(self._transcriber.transcribe_chunk, heard, prompt, **options)
        if heard is not chunk:
            words = after_seam(words, chunk.start_s, before[-1] if before else None)
        return self._without_closing_phrase(words, chunk)

    def _without_closing_phrase(self, words: list[Word], chunk: Chunk) -> list[Word]:
        """``words`` without a closing stock phrase ("Thank you very much.") that ends them
        in the pause the chunk was cut in: quiet from the middle of its first word on, by
        the chunker's own threshold. Prompted with the text before it, the decoder closed
        a chunk so mid-answer, its words timed over the end of the last word said, which
        the transcriber's loudness guard then heard under it."""
        for n in phantom_tails(words):
            tail = words[-n:]
            first = max(0, int(((tail[0].start + tail[0].end) / 2 - chunk.start_s) * SAMPLE_RATE))
            with self._feed_lock:  # the chunker's threshold moves as blocks are fed
                quiet = self._chunker.is_quiet(chunk.audio[first:])
            if quiet:
                return words[:-n]
        return words

    @property
    def _tail_overlap_s(self) -> float:
        cfg = self._config
        return min(cfg.tail_overlap_s, cfg.live_overlap_s)

    def _context_for(self, chunk: Chunk) -> np.ndarray:
        """The audio kept from just before ``chunk`` (none if it does not end there)."""
        if self._before_end != chunk.start:
            return self._before[:0]
        return self._before

    def _keep_before(self, chunk: Chunk) -> None:
        """Keep the end of a transcribed chunk as context for the next (none after quiet)."""
        keep = int(self._config.live_overlap_s * chunk.sample_rate)
        if not chunk.voiced or keep <= 0:
            self._before = np.zeros(0, dtype=np.float32)
        else:
            self._before = np.concatenate((self._context_for(chunk), chunk.audio))[-keep:]
        self._before_end = chunk.start + len(chunk.audio)

    def _guess_ahead(self) -> None:
        """Idle, and the speaker has paused: transcribe the open chunk now, so that if this
        pause is the end of the answer, its words are ready when the user presses stop."""
        if not self._guess_ahead_enabled or self._cancelled.is_set() or self.error is not None:
            return
        with self._feed_lock:
            quiet_s = self._chunker.trailing_quiet_s()
            if self._closed or quiet_s < self._config.pause_s:
                return
            chunk = self._chunker.peek()
            if chunk is None or not chunk.voiced:
                return
            if self._guess is not None and self._covers(self._guess, chunk):
                return  # nothing said since the last guess
        # Past chunk_min_s the chunker cuts in this very pause once speech resumes: the
        # guess is then that chunk's words, not a decode thrown away (which kept the worker
        # busy when the last phrase of an answer came). Shorter, it is the tail's words if
        # the answer ends here, so it is decoded as a chunk too: with the tail's one greedy
        # pass, live at real-time pace lost whole phrases ("What I enjoy most is turning
        # messy systems into simple ones."), neural-voice WER .061 against the file's .037.
        whole = chunk.duration_s - quiet_s >= self._config.chunk_min_s
        try:
            words = self._as_chunk(chunk, self._context_for(chunk), self._words)
        except Exception:
            return  # only a guess: the tail is transcribed for real at stop
        self.guesses += 1
        self._guess = _Guess(chunk.start, chunk.audio, words, whole)

    def _covers(self, guess: _Guess, chunk: Chunk) -> bool:
        """Whether ``guess`` holds every word of ``chunk`` and no other: the two start
        together, and whichever runs on past the other is quiet there."""
        if guess.start != chunk.start:
            return False
        if guess.length <= len(chunk.audio):
            return self._chunker.is_quiet(chunk.audio[guess.length :])
        return self._chunker.is_quiet(guess.audio[len(chunk.audio) :])

    def _timed(self, call: Callable[..., list[Word]], *args: Any, **kwargs: Any) -> list[Word]:
        started = time.perf_counter()
        try:
            return call(*args, **kwargs)
        finally:
            self.busy_s += time.perf_counter() - started

    def _notify(self, new: tuple[Word, ...]) -> None:
        if self._on_update is None:
            return
        update = LiveUpdate(tuple(self._words), new, self._transcribed_s, self.received_s)
        try:
            self._on_update(update)
        except Exception as exc:
            if self.callback_error is None:
                self.callback_error = exc
