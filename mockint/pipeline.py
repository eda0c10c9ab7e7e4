"""One answer, end to end: audio → transcript → score.

:class:`mockint.coach.Coach` calls these for every front end (`mockint score`, `history
--retry`, the app), so they cannot disagree; the caller passes its loaded config.
Heavy modules (numpy, faster-whisper) are imported inside the functions that need them, so
importing this module stays cheap.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mockint.answer import ScoredAnswer
from mockint.models import Question, Transcript

if TYPE_CHECKING:
    import numpy as np

    from mockint.config import Config
    from mockint.speech.transcriber import Transcriber

__all__ = ["LIVE_BLOCK_S", "ScoredAnswer", "feed_at_pace", "score_file", "score_transcript"]

LIVE_BLOCK_S = 0.1
"""Block size `--live` feeds, like the recorder's writer thread (~10 blocks a second)."""


def score_file(
    path: str | Path,
    *,
    question: Question | None = None,
    config: Config,
    live: bool = False,
    pace: float = 1.0,
    transcriber: Transcriber | None = None,
) -> ScoredAnswer:
    """Decode, transcribe and score the recording at ``path``.

    ``live=True`` streams it through the live pipeline as the recorder would, at ``pace`` ×
    real time (0 = as fast as possible), and times ``after_stop_s`` from the last sample fed
    to the scored result. Bad files raise MockintError.
    """
    from mockint.audio.decode import decode
    from mockint.speech.transcriber import Transcriber

    transcriber = transcriber or Transcriber(config.speech)
    timing: dict[str, float] = {}
    # Live needs every sample up front, to feed them on a recording's schedule; a file is
    # streamed through the transcriber, decoded as it goes, in bounded memory.
    audio = decode(path) if live else None
    if not transcriber.loaded:
        # Live, the app warms the model up while the question is on screen: do the same.
        transcriber.warm_up() if live else transcriber.load()
        timing["load_s"] = transcriber.load_s or 0.0
    if audio is not None:
        transcript, stopped_at, busy_s = _stream_live(audio, transcriber, pace)
        timing["transcribe_s"] = busy_s
    else:
        started = time.perf_counter()
        transcript = transcriber.transcribe_file(path)
        timing["transcribe_s"] = time.perf_counter() - started
    scored = score_transcript(transcript, question, config, audio=str(path))
    if live:
        timing["after_stop_s"] = time.perf_counter() - stopped_at
    scored.timing = timing
    return scored


def score_transcript(
    transcript: Transcript,
    question: Question | None,
    config: Config,
    *,
    audio: str = "",
) -> ScoredAnswer:
    """Score a transcript already made (live in the app, or a typed answer)."""
    from mockint.scoring import score_answer

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
