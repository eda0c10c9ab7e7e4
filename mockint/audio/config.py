"""Settings for recording and playback (section ``audio:`` of config.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


@dataclass
class AudioConfig:
    # Checked when config.yaml is read (mockint.config).
    LIMITS: ClassVar[dict[str, tuple[float | None, float | None]]] = {
        "device": (0, 1000),
        "output_device": (0, 1000),
        "sample_rate": (8000, 192000),
        "silence_dbfs": (-100, 0),
    }

    device: str | int | None = None
    """Input device by name (substring) or index, as `mockint devices` lists; None = default."""

    output_device: str | int | None = None
    """Output device for replay, by name or index; None = the system default."""

    sample_rate: int = 16000
    """Rate the recorder asks for; audio is resampled to 16 kHz when the device refuses it."""

    silence_dbfs: float = -45.0
    """Input quieter than this (RMS, dBFS) counts as silence for the level meter and the
    "are you there?" hints; raise it (e.g. -35) in a noisy room, lower it for a quiet mic."""
