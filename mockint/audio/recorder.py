"""Crash-safe recording from the microphone to a file, with a level meter for the UI.

Threads, and why:

- PortAudio's callback (its own real-time thread) only copies each block into a queue:
  anything slower there makes the device drop audio.
- A writer thread takes blocks off the queue, downmixes to mono, resamples to 16 kHz when the
  device would not record at 16 kHz, appends to the file (valid after every block, see
  :mod:`mockint.audio.wavfile`), updates the level and silence figures, and hands each
  16 kHz block to ``on_block`` (the live transcriber) and a :class:`Level` to ``on_level``.
- The caller (a Textual thread worker, or the CLI) calls :meth:`Recorder.start` and
  :meth:`Recorder.stop`, and may read :attr:`elapsed_s`, :attr:`level_dbfs`,
  :attr:`silence_s` at any time.

A killed process loses only the blocks still in the queue (~50 ms): everything written is a
readable WAV. Asked for a ``.flac`` path, the recorder writes a hidden partial WAV beside it
and converts it when it stops; :func:`recover_recording` finishes that job after a crash.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import numpy as np

from mockint import paths
from mockint.audio.levels import FLOOR_DBFS, Level, SilenceTracker, peak_dbfs, rms_dbfs
from mockint.audio.resample import TARGET_RATE, StreamResampler
from mockint.audio.sources import OpenedStream, StreamFactory, open_portaudio_input
from mockint.audio.wavfile import WavAppender, audio_duration, repair_wav, wav_to_flac
from mockint.errors import MockintError

if TYPE_CHECKING:
    from mockint.audio.config import AudioConfig

__all__ = [
    "Level",
    "Recorder",
    "Recording",
    "partial_path",
    "recover_recording",
    "repair_wav",
]

log = logging.getLogger(__name__)

OnBlock = Callable[[np.ndarray], None]
"""Receives each block as 16 kHz mono float32, on the writer thread: return quickly."""
OnLevel = Callable[[Level], None]
"""Receives a :class:`Level` about 20 times a second, on the writer thread."""

SUFFIXES = (".wav", ".flac")
DEFAULT_SILENCE_DBFS = -45.0
_STOP = None  # queue sentinel: the stream has stopped, finish the file


@dataclass
class Recording:
    """A finished recording."""

    path: Path
    """The audio file (16 kHz mono, 16-bit; WAV or FLAC as the path's suffix asked)."""
    duration_s: float
    sample_rate: int = TARGET_RATE
    device: str = ""
    """Name of the device it was recorded from."""
    device_sample_rate: int = TARGET_RATE
    """The rate the device recorded at (resampled to 16 kHz if different)."""
    heard_speech: bool = False
    """Whether any block reached speech level (False: muted or wrong microphone?)."""
    peak_dbfs: float = FLOOR_DBFS
    """Loudest peak: near 0 dBFS means the input clipped."""
    overflows: int = 0
    """Blocks PortAudio flagged as late (a little audio lost because the system was busy)."""


def partial_path(path: Path) -> Path:
    """Where a recording meant for ``path`` is written while it runs.

    The same file for ``.wav``; for ``.flac``, a hidden WAV beside it (hidden, so folder scans
    for audio files do not mistake it for a finished recording).
    """
    if path.suffix.lower() == ".wav":
        return path
    return path.with_name(f".{path.name}.partial.wav")


class Recorder:
    """Records one answer from an input device into ``path`` (``.wav`` or ``.flac``).

    ``device``: index or name (substring) as `mockint devices` lists, None for the default.
    ``samplerate``: what to ask of the device; files are always 16 kHz mono.
    ``silence_dbfs``: blocks quieter than this count as silence (:attr:`silence_s`).
    ``stream_factory``: where audio comes from (default: PortAudio); see
    :mod:`mockint.audio.sources` to feed an array at real-time pace instead.
    ``wait_for_audio_s``: how long :meth:`start` waits for the device's first block (0: do
    not wait). Measured here, PortAudio's first input stream in a process delivers its first
    block only after ~1.5–2 s; waiting means "recording" is shown only once audio really
    flows. :func:`mockint.audio.devices.warm_up_input` during the countdown avoids the wait.
    """

    def __init__(
        self,
        path: Path,
        *,
        device: str | int | None = None,
        on_block: OnBlock | None = None,
        on_level: OnLevel | None = None,
        samplerate: int = TARGET_RATE,
        silence_dbfs: float = DEFAULT_SILENCE_DBFS,
        block_s: float = 0.05,
        stream_factory: StreamFactory | None = None,
        wait_for_audio_s: float = 5.0,
    ) -> None:
        path = Path(path)
        if path.suffix.lower() not in SUFFIXES:
            raise ValueError(f"recordings are .wav or .flac files, not {path.name!r}")
        self.path = path
        self.file_path = partial_path(path)
        """The file being written while recording (== ``path`` for WAV)."""
        self.device = device
        self._on_block = on_block
        self._on_level = on_level
        self._wanted_rate = samplerate
        self._block_s = block_s
        self._factory = stream_factory or open_portaudio_input
        self._wait_for_audio_s = wait_for_audio_s
        self._first_audio = threading.Event()
        self._queue: queue.Queue[tuple[np.ndarray, bool] | None] = queue.Queue()
        self._silence = SilenceTracker(silence_dbfs)
        self._lock = threading.Lock()
        self._opened: OpenedStream | None = None
        self._writer: threading.Thread | None = None
        self._file: WavAppender | None = None
        self._resampler: StreamResampler | None = None
        self._stopped = False
        self._level = FLOOR_DBFS
        self._peak = FLOOR_DBFS
        self._loudest = FLOOR_DBFS
        self._overflows = 0
        self.error: BaseException | None = None
        """Why writing failed (disk full…), if it did; :meth:`stop` then raises."""
        self.callback_error: BaseException | None = None
        """The first exception raised by ``on_block``/``on_level`` (recording goes on)."""

    @classmethod
    def from_config(cls, path: Path, config: AudioConfig, **kwargs: Any) -> Recorder:
        """A recorder with the user's ``audio:`` settings (device, rate, silence level)."""
        kwargs.setdefault("device", config.device)
        kwargs.setdefault("samplerate", config.sample_rate)
        kwargs.setdefault("silence_dbfs", config.silence_dbfs)
        return cls(path, **kwargs)

    # -- what the UI reads (any thread) ---------------------------------------------------

    @property
    def elapsed_s(self) -> float:
        """Seconds of audio recorded so far (written to the file)."""
        file = self._file
        return file.duration_s if file is not None else 0.0

    @property
    def level_dbfs(self) -> float:
        """RMS level of the last ~50 ms block, in dBFS (-100 before any audio)."""
        return self._level

    @property
    def peak_dbfs(self) -> float:
        """Peak of the last block, in dBFS."""
        return self._peak

    @property
    def silence_s(self) -> float:
        """Seconds since the last block at speech level (all of it if none yet)."""
        return self._silence.silence_s

    @property
    def is_silent(self) -> bool:
        """Whether the last block was below speech level."""
        return self._level < self._silence.threshold_dbfs

    @property
    def heard_speech(self) -> bool:
        return self._silence.heard_speech

    @property
    def is_recording(self) -> bool:
        """Running and writing: False once a write failed (a full disk), at once."""
        return self._opened is not None and not self._stopped and self.error is None

    @property
    def problem(self) -> str | None:
        """Why recording stopped on its own (a full disk…), one line; None while it runs."""
        if self.error is None:
            return None
        if isinstance(self.error, OSError) and self.error.errno in (errno.ENOSPC, errno.EDQUOT):
            why = "the disk is full"
        else:
            why = f"could not write {self.file_path.name}: {self.error}"
        kept = self._file.duration_s if self._file is not None else 0.0
        return f"{why}: recording stopped at {kept:.0f} s; what was said until then is kept"

    @property
    def has_audio(self) -> bool:
        """Whether the device has delivered its first block (recording really runs)."""
        return self._first_audio.is_set()

    @property
    def device_name(self) -> str:
        return self._opened.device if self._opened else ""

    # -- start / stop ---------------------------------------------------------------------

    def start(self) -> None:
        """Open the file and the device and begin recording (returns at once)."""
        with self._lock:
            if self._opened is not None:
                raise RuntimeError("a Recorder records once; make a new one")
            self._file = self._create_file()
            try:
                opened = self._factory(
                    self._callback, self.device, self._wanted_rate, self._block_s
                )
            except BaseException:
                self._discard_file()
                raise
            self._opened = opened
            if opened.samplerate != TARGET_RATE:
                self._resampler = StreamResampler(opened.samplerate, TARGET_RATE)
            self._writer = threading.Thread(
                target=self._write_loop, name="mockint-recorder-writer", daemon=True
            )
            self._writer.start()
            try:
                opened.stream.start()
                self._wait_for_audio()
            except BaseException:
                self._abort_start(opened)
                raise

    def _wait_for_audio(self) -> None:
        if self._wait_for_audio_s <= 0 or self._first_audio.wait(self._wait_for_audio_s):
            return
        raise MockintError(
            f"the microphone sent no audio for {self._wait_for_audio_s:g} s: check that it is "
            "connected and not muted, or pick another one (see `mockint devices`)"
        )

    def _abort_start(self, opened: OpenedStream) -> None:
        self._stopped = True
        self._close_stream(opened)
        self._queue.put(_STOP)
        assert self._writer is not None
        self._writer.join()
        self._discard_file()

    def stop(self) -> Recording:
        """Stop recording, finish the file and describe it. Blocks briefly (file close)."""
        with self._lock:
            if self._opened is None or self._writer is None or self._file is None:
                raise RuntimeError("the recorder was not started")
            if not self._stopped:
                self._stopped = True
                self._close_stream(self._opened)
                self._queue.put(_STOP)
            self._writer.join()
            return self._finish(self._opened, self._file)

    def __enter__(self) -> Recorder:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._opened is not None:
            self.stop()

    # -- internals ------------------------------------------------------------------------

    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        # PortAudio's real-time thread: copy and hand over, nothing else (no locks, no I/O).
        self._queue.put_nowait((indata.copy(), bool(status)))

    def _create_file(self) -> WavAppender:
        paths.ensure_private_dir(self.path.parent)
        for taken in {self.path, self.file_path}:
            if taken.exists():
                raise MockintError(f"{taken} already exists: not overwriting a recording")
        try:
            return WavAppender(self.file_path, TARGET_RATE)
        except OSError as exc:
            raise MockintError(f"cannot create {self.file_path}: {exc.strerror}") from None

    def _discard_file(self) -> None:
        # Only for a recording that never started: the file holds a header and no audio.
        if self._file is not None:
            self._file.close()
            with contextlib.suppress(OSError):
                self.file_path.unlink()
        self._file = None

    def _write_loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                break
            block, flagged = item
            self._first_audio.set()
            if flagged:
                self._overflows += 1
            if self.error is None:
                self._handle(block)
        if self.error is None and self._resampler is not None:
            self._write(self._resampler.flush())
        if self._file is not None:
            try:
                self._file.close()
            except OSError as exc:
                self.error = self.error or exc

    def _handle(self, block: np.ndarray) -> None:
        mono = block.mean(axis=1) if block.ndim == 2 and block.shape[1] > 1 else block.reshape(-1)
        samples = self._resampler.process(mono) if self._resampler else mono.astype(np.float32)
        self._write(samples)

    def _write(self, samples: np.ndarray) -> None:
        if samples.size == 0 or self._file is None:
            return
        try:
            self._file.append(samples)
        except OSError as exc:
            # Keep what is on disk; drop the rest and let stop() say why.
            self.error = exc
            log.error("recording to %s failed: %s", self.file_path, exc)
            return
        self._level = rms_dbfs(samples)
        self._peak = peak_dbfs(samples)
        self._loudest = max(self._loudest, self._peak)
        silence = self._silence.update(self._level, len(samples) / TARGET_RATE)
        if self._on_block is not None:
            self._notify(self._on_block, samples)
        if self._on_level is not None:
            self._notify(
                self._on_level, Level(self._level, self._peak, self._file.duration_s, silence)
            )

    def _notify(self, callback: Callable[[Any], None], value: Any) -> None:
        try:
            callback(value)
        except Exception as exc:  # a listener's bug must not stop the recording
            if self.callback_error is None:
                self.callback_error = exc
                log.exception("recording listener failed; recording continues")

    def _close_stream(self, opened: OpenedStream) -> None:
        try:
            opened.stream.stop()
        except Exception as exc:  # the device vanished: what was recorded is still kept
            log.warning("stopping the audio stream failed: %s", exc)
        with contextlib.suppress(Exception):
            opened.stream.close()

    def _finish(self, opened: OpenedStream, file: WavAppender) -> Recording:
        if self.error is not None:
            # Keep what reached the disk as the finished recording when it can be converted.
            where = self.file_path
            if self.path != self.file_path and file.duration_s > 0:
                with contextlib.suppress(Exception):
                    wav_to_flac(self.file_path, self.path)
                    where = self.path
            raise MockintError(f"{self.problem} in {where}; free some disk space")
        duration = file.duration_s
        if self.path != self.file_path:
            try:
                wav_to_flac(self.file_path, self.path)
            except Exception as exc:
                raise MockintError(
                    f"could not save {self.path} ({exc}); the audio is kept in {self.file_path}"
                ) from None
        return Recording(
            path=self.path,
            duration_s=round(duration, 3),
            device=opened.device,
            device_sample_rate=opened.samplerate,
            heard_speech=self._silence.heard_speech,
            peak_dbfs=round(self._loudest, 1),
            overflows=self._overflows,
        )


def recover_recording(path: Path) -> float | None:
    """Make a recording cut off by a crash readable; return its duration in seconds.

    ``path`` is the recording's intended path (as given to :class:`Recorder`). Fixes the WAV
    header, or finishes a ``.flac`` recording from its partial WAV. Idempotent: a complete
    recording is only measured. None when there is no readable audio at ``path``.
    """
    path = Path(path)
    partial = partial_path(path)
    if partial != path and partial.exists():
        if audio_duration(path) is not None:
            partial.unlink()  # the conversion finished; only the clean-up was cut off
        else:
            repair_wav(partial)
            wav_to_flac(partial, path)
    elif path.suffix.lower() == ".wav" and path.exists():
        repair_wav(path)
    return audio_duration(path)
