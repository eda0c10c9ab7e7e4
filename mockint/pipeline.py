"""One answer, end to end: audio → transcript → score.

The CLI (`mockint score`) and the TUI both go through here, so they cannot disagree.
Heavy modules (numpy, faster-whisper) are imported inside the functions that need them, so
importing this module stays cheap.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mockint.models import Question, Transcript
from mockint.scoring.result import ScoreReport

if TYPE_CHECKING:
    import numpy as np

    from mockint.config import Config
    from mockint.speech.transcriber import Transcriber

LIVE_BLOCK_S = 0.1
"""Block size `--live` feeds, like the recorder's writer thread (~10 blocks a second)."""


@dataclass
class ScoredAnswer:
    """A transcribed and scored answer, ready to show, store or print as JSON."""

    audio: str
    """Path of the audio as given (or as stored)."""
    transcript: Transcript
    report: ScoreReport
    question: Question | None = None
    timing: dict[str, float] = field(default_factory=dict)
    """Seconds spent: ``transcribe_s``, and ``after_stop_s`` for live runs."""

    @property
    def duration_s(self) -> float:
        return self.transcript.duration_s

    def to_dict(self) -> dict[str, Any]:
        """The `mockint score --json` contract object (ARCHITECTURE.md)."""
        t = self.transcript
        return {
            "audio": self.audio,
            "question": self.question.id if self.question else None,
            "duration_s": round(t.duration_s, 2),
            "speech_s": round(t.speech_s, 2),
            "transcript": t.text,
            "words": [
                {"text": w.text, "start": round(w.start, 2), "end": round(w.end, 2)}
                for w in t.words
            ],
            **self.report.to_dict(),
            "timing": {k: round(v, 3) for k, v in self.timing.items()},
        }


def score_file(
    path: str | Path,
    *,
    question: Question | None = None,
    config: Config | None = None,
    live: bool = False,
    pace: float = 1.0,
    transcriber: Transcriber | None = None,
) -> ScoredAnswer:
    """Decode, transcribe and score the recording at ``path``.

    ``live=True`` streams it through the live pipeline as the recorder would, at ``pace`` ×
    real time (0 = as fast as possible), and times ``after_stop_s`` from the last sample fed
    to the scored result. Bad files raise MockintError.
    """
    from mockint.audio.decode import SAMPLE_RATE, decode
    from mockint.config import load_config
    from mockint.speech.transcriber import Transcriber

    config = config or load_config()
    transcriber = transcriber or Transcriber(config.speech)
    timing: dict[str, float] = {}
    started = time.perf_counter()
    audio = decode(path)
    timing["decode_s"] = time.perf_counter() - started
    if not transcriber.loaded:
        # Live, the app warms the model up while the question is on screen: do the same.
        transcriber.warm_up() if live else transcriber.load()
        timing["load_s"] = transcriber.load_s or 0.0
    if live:
        transcript, stopped_at, busy_s = _stream_live(audio, transcriber, pace)
        timing["transcribe_s"] = busy_s
    else:
        started = time.perf_counter()
        words = transcriber.transcribe_long(audio)
        transcript = Transcript(words=tuple(words), duration_s=len(audio) / SAMPLE_RATE)
        timing["transcribe_s"] = time.perf_counter() - started
    scored = score_transcript(transcript, question, config, audio=str(path))
    if live:
        timing["after_stop_s"] = time.perf_counter() - stopped_at
    scored.timing = timing
    return scored


def score_transcript(
    transcript: Transcript,
    question: Question | None = None,
    config: Config | None = None,
    *,
    audio: str = "",
) -> ScoredAnswer:
    """Score a transcript already made (live in the app, or a typed answer)."""
    from mockint.config import load_config
    from mockint.scoring import score_answer

    config = config or load_config()
    report = score_answer(transcript, question, config.scoring)
    return ScoredAnswer(audio=audio, transcript=transcript, report=report, question=question)


def feed_at_pace(
    audio: np.ndarray,
    feed: Callable[[np.ndarray], None],
    *,
    pace: float = 1.0,
    block_s: float = LIVE_BLOCK_S,
    sample_rate: int = 16000,
) -> float:
    """Call ``feed`` with blocks of ``audio`` on the schedule of a live recording sped up
    ``pace`` times (0 = no waiting); return ``time.perf_counter()`` after the last block."""
    block = max(1, int(block_s * sample_rate))
    started = time.perf_counter()
    for i, at in enumerate(range(0, len(audio), block)):
        if pace > 0:
            # Sleep to an absolute schedule so the small delays of each feed never add up.
            due = started + (i + 1) * block_s / pace
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
        feed(audio[at : at + block])
    return time.perf_counter()


def _stream_live(
    audio: np.ndarray, transcriber: Transcriber, pace: float
) -> tuple[Transcript, float, float]:
    from mockint.speech.live import LiveTranscriber

    live = LiveTranscriber(transcriber)
    try:
        stopped_at = feed_at_pace(audio, live.feed, pace=pace)
        transcript = live.finish()
    except BaseException:
        live.cancel()
        raise
    return transcript, stopped_at, live.busy_s
