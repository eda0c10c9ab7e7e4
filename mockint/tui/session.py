"""The blocking half of practice: the model in the background, and one answer at a time.

No Textual here: the practice screen calls these from thread workers, and they report
through plain callbacks. Nothing the user recorded is ever lost: a failure after recording
leaves the audio where the store put it, and the attempt marked failed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mockint.errors import MockintError
from mockint.models import Question, Transcript
from mockint.tui.services import LiveTranscriber, Recorder, Services, Transcriber

if TYPE_CHECKING:
    from mockint.pipeline import ScoredAnswer


class ModelHolder:
    """Loads the transcriber once, in the background; anyone may wait for it."""

    def __init__(self, factory: Callable[[], Transcriber]) -> None:
        self._factory = factory
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self._started = False
        self._value: Transcriber | None = None
        self._error: str | None = None

    @property
    def ready(self) -> bool:
        return self._ready.is_set()

    @property
    def error(self) -> str | None:
        return self._error

    def load(self) -> None:
        """Load and warm up (blocking); a second call waits for the first."""
        with self._lock:
            if self._started:
                start = False
            else:
                self._started = start = True
        if not start:
            self._ready.wait()
            return
        try:
            transcriber = self._factory()
            transcriber.warm_up()
            self._value = transcriber
        except MockintError as exc:
            self._error = str(exc)
        except Exception as exc:  # a broken model must not take the app down
            self._error = f"the speech model could not load: {exc}"
        finally:
            self._ready.set()

    def get(self) -> Transcriber:
        """The transcriber, loading it first if nobody has (blocking)."""
        self.load()
        if self._value is None:
            raise MockintError(self._error or "the speech model is not available")
        return self._value


class _Feed:
    """Recorded blocks go to the live transcriber, or wait here until it exists.

    Recording starts before the model may be ready: nothing said in the meantime is lost.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: list[Any] = []
        self.live: LiveTranscriber | None = None

    def __call__(self, samples: Any) -> None:
        with self._lock:
            if self.live is None:
                self._pending.append(samples)
                return
            live = self.live
        live.feed(samples)

    def attach(self, live: LiveTranscriber) -> None:
        with self._lock:
            pending, self._pending = self._pending, []
            for samples in pending:
                live.feed(samples)
            self.live = live


@dataclass
class TakeResult:
    attempt_id: int
    scored: ScoredAnswer
    audio_path: Path


class AnswerTake:
    """One recorded answer: start, watch (elapsed, level), stop → scored and saved."""

    def __init__(
        self,
        services: Services,
        model: ModelHolder,
        question: Question,
        session_id: int | None,
        on_text: Callable[[str], None],
    ) -> None:
        self.services = services
        self.model = model
        self.question = question
        self.session_id = session_id
        self.on_text = on_text
        self.attempt_id: int | None = None
        self.audio_path: Path | None = None
        self._recorder: Recorder | None = None
        self._feed = _Feed()

    @property
    def elapsed_s(self) -> float:
        return self._recorder.elapsed_s if self._recorder else 0.0

    @property
    def level_dbfs(self) -> float:
        return self._recorder.level_dbfs if self._recorder else -120.0

    def start(self) -> None:
        """Begin the attempt and start recording (blocking; raises MockintError)."""
        backend = self.services.backend
        self.attempt_id, self.audio_path = backend.begin_attempt(self.question, self.session_id)
        recorder = self.services.make_recorder(self.audio_path, self._feed)
        try:
            recorder.start()
        except Exception as exc:
            backend.mark_failed(self.attempt_id, f"recording did not start: {exc}")
            raise
        self._recorder = recorder

    def attach_live(self) -> None:
        """Start live transcription once the model is ready (blocking: waits for it)."""
        try:
            transcriber = self.model.get()
        except MockintError:
            return  # stop() reports it; the recording itself goes on
        if self._feed.live is None:
            self._feed.attach(self.services.make_live(transcriber, self._on_update))

    def stop(self) -> TakeResult:
        """Stop, finish the transcript, score and save (blocking)."""
        assert self._recorder is not None and self.attempt_id is not None
        backend = self.services.backend
        recording = self._recorder.stop()
        stopped = time.perf_counter()
        backend.finish_recording(self.attempt_id, recording.duration_s)
        path = Path(recording.path)
        try:
            self.attach_live()
            if self._feed.live is None:
                raise MockintError(self.model.error or "the speech model is not available")
            transcript = self._feed.live.finish()
            scored = self.services.score_transcript(transcript, self.question)
        except Exception as exc:
            backend.mark_failed(self.attempt_id, str(exc))
            raise MockintError(f"{exc}; your recording is kept at {path}") from exc
        if not scored.audio:
            scored.audio = str(path)
        scored.timing.setdefault("after_stop_s", time.perf_counter() - stopped)
        backend.save_scored(self.attempt_id, self.question, scored, self.services.now())
        return TakeResult(self.attempt_id, scored, path)

    def cancel(self) -> None:
        """Stop without scoring (leaving the screen); the audio and attempt stay."""
        if self._recorder is not None:
            recording = self._recorder.stop()
            if self.attempt_id is not None:
                self.services.backend.finish_recording(self.attempt_id, recording.duration_s)
            self._recorder = None
        if self._feed.live is not None:
            self._feed.live.cancel()

    def _on_update(self, update: Any) -> None:
        self.on_text(live_text(update))


def live_text(update: Any) -> str:
    """The text so far, from whatever the live transcriber reports."""
    if isinstance(update, str):
        return update
    if isinstance(update, Transcript):
        return update.text
    words = getattr(update, "words", None)
    if isinstance(words, tuple):
        return Transcript(words=words, duration_s=0.0).text
    for name in ("text", "transcript"):
        value = getattr(update, name, None)
        if isinstance(value, str):
            return value
        if isinstance(value, Transcript):
            return value.text
    return str(update)


def score_typed(
    services: Services, question: Question, text: str, session_id: int | None
) -> TakeResult:
    """Score a typed answer (no microphone) and save it as an attempt."""
    if not text.strip():
        raise MockintError("type your answer first, then press ctrl+s")
    from mockint.scoring.typed import typed_transcript  # no timings: no pace made up

    scored = services.score_transcript(typed_transcript(text), question)
    attempt_id = services.backend.add_typed_attempt(question, session_id)
    services.backend.save_scored(attempt_id, question, scored, services.now())
    return TakeResult(attempt_id, scored, Path(scored.audio or ""))


def score_audio_file(
    services: Services,
    question: Question,
    path_text: str,
    session_id: int | None,
    model: ModelHolder | None = None,
) -> TakeResult:
    """Score an existing recording and keep a copy as an attempt."""
    path = Path(path_text.strip()).expanduser()
    if not path.is_file():
        raise MockintError(f"{path}: no such file; give the path of a recording (wav, mp3, m4a…)")
    attempt_id, stored = services.backend.add_file_attempt(question, path, session_id)
    try:
        scored = services.score_file(stored, question, model.get() if model else None)
    except Exception as exc:
        services.backend.mark_failed(attempt_id, str(exc))
        raise
    services.backend.save_scored(attempt_id, question, scored, services.now())
    return TakeResult(attempt_id, scored, stored)
