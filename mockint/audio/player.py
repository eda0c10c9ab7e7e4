"""Playback of a recording, reporting the position (~20 Hz) for synced word highlighting.

:func:`play` blocks until the end (call it from a thread worker); :class:`Player` starts in
the background and can be stopped or asked for its position at any time. The PortAudio
callback only copies the next frames out of the decoded array.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from mockint.audio.devices import load_sounddevice, portaudio_error, resolve_device
from mockint.errors import MockintError

OnPosition = Callable[[float], None]
"""Receives the playback position in seconds."""

POSITION_INTERVAL_S = 0.05


def load_audio(path: Path) -> tuple[np.ndarray, int]:
    """A recording as float32 frames × channels and its rate (repairing a cut-off WAV)."""
    import soundfile

    path = Path(path)
    if not path.is_file():
        raise MockintError(f"{path}: no such recording")
    if path.suffix.lower() == ".wav":
        from mockint.audio.wavfile import repair_wav

        # A recording cut off by a crash may claim less audio than it holds.
        with contextlib.suppress(OSError, ValueError):
            repair_wav(path)
    try:
        data, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    except Exception as exc:  # libsndfile raises several types; all mean "cannot read it"
        raise MockintError(f"{path}: cannot read the audio ({_one_line(exc)})") from None
    return data, int(rate)


class Player:
    """Plays one file on an output device (None: the system default)."""

    def __init__(
        self,
        path: Path,
        *,
        device: str | int | None = None,
        on_finished: Callable[[], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self._data, self.samplerate = load_audio(self.path)
        self._device = device
        self._on_finished = on_finished
        self._next = 0  # next frame to hand to PortAudio (written by the callback only)
        self._start_frame = 0
        self._latency_s = 0.0
        self._stream: Any = None
        self._done = threading.Event()

    @property
    def duration_s(self) -> float:
        return len(self._data) / self.samplerate

    @property
    def position(self) -> float:
        """Seconds into the file that are being heard now."""
        fed = self._next / self.samplerate
        # What was handed to PortAudio is heard one output latency later.
        heard = fed - (0.0 if self._done.is_set() else self._latency_s)
        return min(self.duration_s, max(self._start_frame / self.samplerate, heard))

    @property
    def is_playing(self) -> bool:
        return self._stream is not None and not self._done.is_set()

    def start(self, start_s: float = 0.0) -> None:
        """Begin playing from ``start_s`` (returns at once)."""
        if self._stream is not None:
            raise RuntimeError("a Player plays once; make a new one")
        sd = load_sounddevice()
        index = resolve_device(self._device, "output")
        self._start_frame = min(len(self._data), max(0, round(start_s * self.samplerate)))
        self._next = self._start_frame
        data = self._fit_device(sd, index)
        try:
            stream = sd.OutputStream(
                device=index,
                samplerate=self.samplerate,
                channels=data.shape[1],
                dtype="float32",
                callback=self._make_callback(sd, data),
                finished_callback=self._finished,
            )
            self._latency_s = float(stream.latency)
            self._stream = stream
            stream.start()
        except sd.PortAudioError as exc:
            self._done.set()
            raise portaudio_error(exc, "play audio") from None

    def wait(self, timeout: float | None = None) -> bool:
        """Block until playback ends (True) or ``timeout`` passes (False)."""
        return self._done.wait(timeout)

    def stop(self) -> None:
        """Stop at once (safe to call at any time, more than once)."""
        stream, self._stream = self._stream, None
        if stream is not None:
            with contextlib.suppress(Exception):
                stream.abort()
            with contextlib.suppress(Exception):
                stream.close()
        self._done.set()

    def _fit_device(self, sd: Any, index: int) -> np.ndarray:
        """The audio in a shape and rate the device accepts (most take anything)."""
        data = self._data
        for channels in (data.shape[1], 2):
            with contextlib.suppress(sd.PortAudioError, ValueError):
                sd.check_output_settings(
                    device=index, channels=channels, samplerate=self.samplerate, dtype="float32"
                )
                return _with_channels(data, channels)
        from mockint.audio.resample import resample

        rate = int(sd.query_devices(index)["default_samplerate"])
        mono = resample(data.mean(axis=1), self.samplerate, rate)
        scale = rate / self.samplerate
        self._start_frame = round(self._start_frame * scale)
        self._next = self._start_frame
        self._data = mono.reshape(-1, 1)
        self.samplerate = rate
        return _with_channels(self._data, 2 if data.shape[1] > 1 else 1)

    def _make_callback(self, sd: Any, data: np.ndarray) -> Callable[..., None]:
        total = len(data)

        def callback(outdata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
            start = self._next
            chunk = data[start : start + frames]
            outdata[: len(chunk)] = chunk
            outdata[len(chunk) :] = 0.0
            self._next = start + len(chunk)
            if self._next >= total:
                raise sd.CallbackStop

        return callback

    def _finished(self) -> None:
        self._done.set()
        if self._on_finished is not None:
            self._on_finished()


def play(
    path: Path,
    *,
    device: str | int | None = None,
    on_position: OnPosition | None = None,
    stop_event: threading.Event | None = None,
    start_s: float = 0.0,
) -> None:
    """Play ``path`` to the end (or until ``stop_event`` is set), blocking.

    ``on_position`` is called about 20 times a second from this thread, and once more with
    the final position.
    """
    player = Player(path, device=device)
    player.start(start_s)
    try:
        while not player.wait(POSITION_INTERVAL_S):
            if stop_event is not None and stop_event.is_set():
                break
            if on_position is not None:
                on_position(player.position)
    finally:
        player.stop()
    if on_position is not None:
        on_position(player.position)


def _with_channels(data: np.ndarray, channels: int) -> np.ndarray:
    if data.shape[1] == channels:
        return np.ascontiguousarray(data)
    mono = data.mean(axis=1, keepdims=True)
    return np.ascontiguousarray(np.repeat(mono, channels, axis=1))


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
