"""Audio devices through PortAudio (sounddevice): listing, choosing, probing, and errors.

sounddevice is imported lazily, inside functions: importing it loads libportaudio, which may
be missing, and costs time the CLI's ``--help`` should not pay. Every PortAudio failure the
user can fix becomes a one-line :class:`~mockint.errors.MockintError` naming the fix.
"""

from __future__ import annotations

import importlib
from dataclasses import asdict, dataclass
from types import ModuleType
from typing import Any, Literal

import numpy as np

from mockint.errors import MockintError

Kind = Literal["input", "output"]

INSTALL_PORTAUDIO = (
    "PortAudio is not installed: run `sudo apt-get install libportaudio2` (or `make run`)"
)
SEE_DEVICES = "see `mockint devices`, and set `audio.device` in config.yaml"


@dataclass(frozen=True)
class Device:
    """A device that can record (or play), as PortAudio sees it."""

    index: int
    """PortAudio's number for it (stable until devices are plugged in or out)."""
    name: str
    channels: int
    """Most input (or output) channels it offers."""
    default_samplerate: float
    is_default: bool
    """Whether recording (or playback) uses it when no device is configured."""
    hostapi: str = ""
    """The audio system behind it (ALSA, PulseAudio, …)."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_sounddevice() -> ModuleType:
    """Import sounddevice, turning a missing PortAudio library into a MockintError."""
    try:
        return importlib.import_module("sounddevice")
    except OSError:
        # sounddevice raises OSError("PortAudio library not found") when libportaudio2 is absent.
        raise MockintError(INSTALL_PORTAUDIO) from None
    except ImportError:
        raise MockintError(
            "the sounddevice package is missing: reinstall mockint (`make run`)"
        ) from None


def list_input_devices() -> list[Device]:
    """Every device with at least one input channel, default first then by index."""
    return _list_devices("input")


def _list_devices(kind: Kind) -> list[Device]:
    """Every device with at least one channel of ``kind``, default first then by index."""
    sd = load_sounddevice()
    default = _default_index(sd, kind)
    channels = f"max_{kind}_channels"
    found = [
        Device(
            index=int(info["index"]),
            name=str(info["name"]),
            channels=int(info[channels]),
            default_samplerate=float(info["default_samplerate"]),
            is_default=int(info["index"]) == default,
            hostapi=_hostapi_name(sd, info),
        )
        for info in _query(sd)
        if int(info[channels]) > 0
    ]
    return sorted(found, key=lambda d: (not d.is_default, d.index))


def resolve_device(spec: str | int | None, kind: Kind = "input") -> int:
    """The PortAudio index for a device given by index, name, or name substring.

    ``None`` (or "" / "default") means the system default. Names match case-insensitively;
    an exact name wins over substrings. Raises MockintError listing the choices when nothing
    (or more than one device) matches, or when there is no device of that kind at all.
    """
    devices = _list_devices(kind)
    what = "microphone" if kind == "input" else "audio output"
    if not devices:
        raise MockintError(_none_found(kind))
    if spec is None or (isinstance(spec, str) and spec.strip().lower() in ("", "default")):
        defaults = [d for d in devices if d.is_default]
        return defaults[0].index if defaults else devices[0].index
    if isinstance(spec, int) or spec.strip().isdigit():
        index = int(spec)
        if any(d.index == index for d in devices):
            return index
        raise MockintError(f"no {what} with index {index}: {_choices(devices)}")
    wanted = spec.strip().lower()
    exact = [d for d in devices if d.name.lower() == wanted]
    partial = [d for d in devices if wanted in d.name.lower()]
    matches = exact or partial
    if len(matches) == 1:
        return matches[0].index
    if not matches:
        raise MockintError(f"no {what} named {spec!r}: {_choices(devices)}")
    names = ", ".join(f"{d.index}: {d.name}" for d in matches)
    raise MockintError(f"{what} {spec!r} is ambiguous ({names}): use the index instead")


def device_name(index: int) -> str:
    sd = load_sounddevice()
    return str(sd.query_devices(index)["name"])


@dataclass(frozen=True)
class Probe:
    """A short test recording: proof that the microphone opens and delivers audio."""

    device: str
    samplerate: int
    seconds: float
    level_dbfs: float
    """RMS level heard (a muted or disconnected input shows about -100)."""


def probe_input(device: str | int | None = None, seconds: float = 0.3) -> Probe:
    """Record ``seconds`` from an input device (blocking) and measure the level."""
    from mockint.audio.levels import rms_dbfs

    sd = load_sounddevice()
    index = resolve_device(device, "input")
    rate = pick_input_rate(index, 16000)
    try:
        with sd.InputStream(device=index, channels=1, samplerate=rate, dtype="float32") as s:
            data, _overflowed = s.read(int(rate * seconds))
    except sd.PortAudioError as exc:
        raise portaudio_error(exc, "open the microphone") from None
    samples = np.asarray(data, dtype=np.float32).reshape(-1)
    return Probe(device_name(index), rate, seconds, round(rms_dbfs(samples), 1))


def warm_up_input(device: str | int | None = None, timeout_s: float = 5.0) -> float:
    """Open and close an input stream once, so the next one starts at once; returns seconds.

    PortAudio's first input stream in a process (through ALSA's PulseAudio plugin, at least)
    delivers audio only after ~1.5–2 s, and later streams within ~50 ms. Call this from a
    background thread while the question is on screen, as the speech model is warmed up.
    Errors are raised as for recording (MockintError naming the fix).
    """
    import threading
    import time

    sd = load_sounddevice()
    index = resolve_device(device, "input")
    rate = pick_input_rate(index, 16000)
    arrived = threading.Event()
    began = time.monotonic()
    try:
        stream = sd.InputStream(
            device=index,
            channels=1,
            samplerate=rate,
            dtype="float32",
            callback=lambda *_args: arrived.set(),
        )
        with stream:
            arrived.wait(timeout_s)
    except sd.PortAudioError as exc:
        raise portaudio_error(exc, "open the microphone") from None
    return time.monotonic() - began


def pick_input_rate(index: int, wanted: int) -> int:
    """``wanted`` if the device records at that rate, else its own default rate."""
    sd = load_sounddevice()
    try:
        sd.check_input_settings(device=index, channels=1, samplerate=wanted, dtype="float32")
        return wanted
    except (sd.PortAudioError, ValueError):
        return int(sd.query_devices(index)["default_samplerate"])


def portaudio_error(exc: BaseException, doing: str) -> MockintError:
    """A one-line MockintError for a PortAudio failure, with the fix it calls for."""
    text = " ".join(str(exc).split())
    lowered = text.lower()
    if "unavailable" in lowered or "busy" in lowered:
        hint = "the device is busy or unplugged: close other apps using it, or " + SEE_DEVICES
    elif "invalid number of channels" in lowered or "invalid device" in lowered:
        hint = "this device cannot record mono audio: " + SEE_DEVICES
    elif "sample rate" in lowered:
        hint = "the device refused the sample rate: " + SEE_DEVICES
    else:
        hint = SEE_DEVICES
    return MockintError(f"could not {doing} ({text}): {hint}")


def _query(sd: ModuleType) -> list[dict[str, Any]]:
    try:
        return [dict(info) for info in sd.query_devices()]
    except sd.PortAudioError as exc:
        raise portaudio_error(exc, "list audio devices") from None


def _default_index(sd: ModuleType, kind: Kind) -> int:
    try:
        pair = sd.default.device
        index = pair[0] if kind == "input" else pair[1]
        if index is not None and int(index) >= 0:
            return int(index)
        info = sd.query_devices(kind=kind)
        return int(info["index"])
    except (sd.PortAudioError, ValueError, TypeError):
        return -1


def _hostapi_name(sd: ModuleType, info: dict[str, Any]) -> str:
    try:
        return str(sd.query_hostapis(int(info["hostapi"]))["name"])
    except (sd.PortAudioError, KeyError, IndexError, ValueError):
        return ""


def _none_found(kind: Kind) -> str:
    if kind == "input":
        return (
            "no microphone found: plug one in (or enable it in your sound settings), "
            "then check `mockint devices`"
        )
    return "no audio output found: connect speakers or headphones"


def _choices(devices: list[Device]) -> str:
    listed = ", ".join(f"{d.index}: {d.name}" for d in devices)
    return f"choose one of {listed} (see `mockint devices`)"
