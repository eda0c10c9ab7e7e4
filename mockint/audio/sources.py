"""Where the recorder's audio comes from: PortAudio, or an array played like a microphone.

A source is opened by a :data:`StreamFactory` and then calls the recorder's callback from its
own thread with ``(indata, frames, time_info, status)``, exactly like a sounddevice
``InputStream``. :func:`array_source` feeds a decoded file at real-time pace, so a file can
go through the recorder and the live transcriber "exactly as the microphone would" (and unit
tests can drive the recorder without PortAudio).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from mockint.audio.devices import (
    load_sounddevice,
    pick_input_rate,
    portaudio_error,
    resolve_device,
)

StreamCallback = Callable[[np.ndarray, int, Any, Any], None]
"""sounddevice's input callback: ``(indata[frames, channels], frames, time_info, status)``."""


class AudioStream(Protocol):
    """The part of a sounddevice stream the recorder uses."""

    def start(self) -> None: ...
    def stop(self) -> None: ...
    def close(self) -> None: ...


@dataclass
class OpenedStream:
    """A stream ready to start, and what it will deliver."""

    stream: AudioStream
    samplerate: int
    channels: int
    device: str
    """Human-readable name of the device (for the UI and the Recording)."""


StreamFactory = Callable[[StreamCallback, "str | int | None", int, float], OpenedStream]
"""``(callback, device, wanted_rate, block_s) -> OpenedStream``."""


class _PortAudioStream:
    """A sounddevice stream whose PortAudio errors become one-line MockintErrors."""

    def __init__(self, stream: Any, sd: Any) -> None:
        self._stream = stream
        self._sd = sd

    def start(self) -> None:
        try:
            self._stream.start()
        except self._sd.PortAudioError as exc:
            raise portaudio_error(exc, "start recording") from None

    def stop(self) -> None:
        self._stream.stop()

    def close(self) -> None:
        self._stream.close()


def open_portaudio_input(
    callback: StreamCallback, device: str | int | None, wanted_rate: int, block_s: float
) -> OpenedStream:
    """Open the microphone at ``wanted_rate`` if it allows, else at its own default rate."""
    sd = load_sounddevice()
    index = resolve_device(device, "input")
    info = sd.query_devices(index)
    rate = pick_input_rate(index, wanted_rate)
    # Some devices only record stereo: take what they give and downmix in the writer.
    channels = 1 if _mono_ok(sd, index, rate) else min(2, int(info["max_input_channels"]))
    try:
        stream = sd.InputStream(
            device=index,
            samplerate=rate,
            channels=channels,
            dtype="float32",
            blocksize=max(1, round(rate * block_s)),
            callback=callback,
        )
    except sd.PortAudioError as exc:
        raise portaudio_error(exc, "open the microphone") from None
    return OpenedStream(_PortAudioStream(stream, sd), rate, channels, str(info["name"]))


def _mono_ok(sd: Any, index: int, rate: int) -> bool:
    try:
        sd.check_input_settings(device=index, channels=1, samplerate=rate, dtype="float32")
    except (sd.PortAudioError, ValueError):
        return False
    return True


class ArrayStream:
    """Plays an array into a stream callback from a thread, block by block.

    ``speed`` 1.0 is real time (as a microphone delivers), 0 is as fast as the consumer
    takes it. After the last block it delivers nothing more and sets :attr:`finished`.
    """

    def __init__(
        self,
        samples: np.ndarray,
        samplerate: int,
        callback: StreamCallback,
        *,
        block_s: float = 0.05,
        speed: float = 1.0,
    ) -> None:
        data = np.asarray(samples, dtype=np.float32)
        self._data = data.reshape(len(data), -1)
        self._rate = samplerate
        self._callback = callback
        self._block = max(1, round(samplerate * block_s))
        self._speed = speed
        self._stop = threading.Event()
        self.finished = threading.Event()
        """Set once every sample has been delivered."""
        self._thread = threading.Thread(target=self._run, name="mockint-array-stream", daemon=True)

    @property
    def channels(self) -> int:
        return int(self._data.shape[1])

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join()

    def close(self) -> None:
        self.stop()

    def _run(self) -> None:
        began = time.monotonic()
        for offset in range(0, len(self._data), self._block):
            if self._stop.is_set():
                return
            block = self._data[offset : offset + self._block]
            if self._speed > 0:
                # Pace by the clock, not by sleeping a block each time: no drift.
                due = began + (offset + len(block)) / self._rate / self._speed
                if self._stop.wait(max(0.0, due - time.monotonic())):
                    return
            self._callback(block, len(block), None, None)
        self.finished.set()


def array_source(
    samples: np.ndarray, samplerate: int, *, speed: float = 1.0
) -> tuple[StreamFactory, threading.Event]:
    """A stream factory that plays ``samples`` like a microphone, and its "finished" event.

    ``Recorder(path, stream_factory=factory)`` then records the array as if spoken; wait on
    the event, then call ``stop()``.
    """
    finished = threading.Event()

    def factory(
        callback: StreamCallback, device: str | int | None, wanted_rate: int, block_s: float
    ) -> OpenedStream:
        stream = ArrayStream(samples, samplerate, callback, block_s=block_s, speed=speed)
        stream.finished = finished
        return OpenedStream(stream, samplerate, stream.channels, "array")

    return factory, finished
