"""The blocking half of practice: the model in the background, and one answer at a time.

No Textual here: the practice screen calls these from thread workers, and they report
through plain callbacks. The answer flow itself is the Coach's (:mod:`mockint.coach`):
nothing the user recorded is ever lost, a failure leaves the audio and the attempt failed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mockint.errors import MockintError
from mockint.models import Question, Transcript
from mockint.tui.data import SessionRecap
from mockint.tui.messages import AnswerFailed, RecordingStarted
from mockint.tui.services import Backend, Services

if TYPE_CHECKING:
    from mockint.answer import ScoredAnswer
    from mockint.audio.recorder import Recorder
    from mockint.coach import Answered
    from mockint.speech.live import LiveTranscriber, LiveUpdate
    from mockint.speech.transcriber import Transcriber


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


class AnswerTake:
    """One recorded answer, for the practice screen: start, watch (elapsed, level), stop.

    The recorder and the live transcriber run here; the answer itself goes through the
    backend's Coach calls (``begin_answer``, then ``finish_answer`` or ``abandon_answer``).
    """

    def __init__(
        self,
        services: Services,
        model: ModelHolder,
        question: Question,
        session_id: int | None,
        on_text: Callable[[str], None],
        follows: int | None = None,
    ) -> None:
        self.services = services
        self.follows = follows
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

    @property
    def problem(self) -> str | None:
        """Why the recording stopped by itself (a full disk), for the screen to stop at once."""
        return self._recorder.problem if self._recorder else None

    def start(self) -> None:
        """Begin the attempt and start recording (blocking; raises MockintError)."""
        backend = self.services.backend
        self.attempt_id, self.audio_path = backend.begin_answer(
            self.question, self.session_id, self.follows
        )
        recorder = self.services.make_recorder(self.audio_path, self._feed)
        try:
            recorder.start()
        except Exception as exc:
            backend.recording_failed(self.attempt_id, f"recording did not start: {exc}")
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

    def stop(self) -> Answered:
        """Stop, finish the transcript, score and save (blocking)."""
        assert self._recorder is not None and self.attempt_id is not None
        try:
            recording = self._recorder.stop()
        except MockintError:
            if self.audio_path is not None and self.audio_path.is_file():
                # What was written is a finished file: keep it for `mockint history --retry`.
                self.services.backend.abandon_answer(self.attempt_id, self._recorder.elapsed_s)
            raise
        return self.services.backend.finish_answer(
            self.attempt_id,
            recording.duration_s,
            self._transcript,
            self.question,
            self.services.now(),
        )

    def _transcript(self) -> Transcript:
        """The live transcriber's tail (the model may still be loading: wait for it)."""
        self.attach_live()
        if self._feed.live is None:
            raise MockintError(self.model.error or "the speech model is not available")
        return self._feed.live.finish()

    def cancel(self) -> None:
        """Stop without scoring (leaving the screen); the audio and attempt stay."""
        if self._recorder is not None:
            recording = self._recorder.stop()
            if self.attempt_id is not None:
                self.services.backend.abandon_answer(self.attempt_id, recording.duration_s)
            self._recorder = None
        if self._feed.live is not None:
            self._feed.live.cancel()

    def discard(self) -> None:
        """Stop and throw the take away: no attempt, no audio (leaving mid-take)."""
        self.cancel()
        if self.attempt_id is not None:
            self.services.backend.discard(self.attempt_id, self.services.now())

    def _on_update(self, update: LiveUpdate) -> None:
        self.on_text(live_text(update))


def start_take(
    take: AnswerTake,
    session_id: int | None,
    post: Callable[[AnswerFailed | RecordingStarted], object],
) -> None:
    """Start recording ``take`` (blocking: from a worker) and ``post`` how it went:
    RecordingStarted, then the live transcript is attached; or AnswerFailed (no recording
    is possible here)."""
    take.session_id = session_id
    try:
        take.start()
    except MockintError as exc:
        post(AnswerFailed(str(exc), recording_possible=False))
        return
    post(RecordingStarted(take.attempt_id or 0))
    take.attach_live()


def live_text(update: LiveUpdate) -> str:
    """The text transcribed so far."""
    return Transcript(words=update.words, duration_s=0.0).text


class PracticeSession:
    """One practice session in the store: started when first needed, ended with a recap.

    Practice goes on without one when the store refuses (``on_problem`` says why); the recap
    is then the screen's own scores."""

    def __init__(self, on_problem: Callable[[str], None]) -> None:
        self._on_problem = on_problem
        self._lock = threading.Lock()
        self._failed = False
        self._backend: Backend | None = None
        self.kind = "practice"
        self.session_id: int | None = None

    def open(self, backend: Backend, kind: str) -> None:
        self._backend, self.kind = backend, kind

    def ensure(self) -> int | None:
        """The session's id, starting it first if needed (blocking: call from workers)."""
        with self._lock:
            if self.session_id is None and not self._failed and self._backend is not None:
                try:
                    self.session_id = self._backend.start_session(self.kind)
                except Exception as exc:
                    self._failed = True
                    self._on_problem(f"Could not start a session: {exc}")
            return self.session_id

    def end(self, now: datetime, answered: list[tuple[str, int]]) -> SessionRecap:
        """End it and recap it; ``answered`` (question text, score) stands in for a recap the
        store cannot give."""
        recap = SessionRecap(())
        try:
            if self.session_id is not None and self._backend is not None:
                self._backend.end_session(self.session_id)
                recap = self._backend.session_summary(self.session_id, now)
        except Exception as exc:
            recap = SessionRecap((), (f"Could not build the summary: {exc}",))
        if not recap.lines and answered:
            lines = tuple((text, score, None, "") for text, score in answered)
            recap = SessionRecap(lines, recap.notes)
        return recap


def score_typed(
    services: Services,
    question: Question,
    text: str,
    session_id: int | None,
    follows: int | None = None,
) -> Answered:
    """Score a typed answer (no microphone) and save it as an attempt."""
    if not text.strip():
        raise MockintError("type your answer first, then press ctrl+s")
    return services.backend.score_typed(question, text, session_id, services.now(), follows)


def score_audio_file(
    services: Services,
    question: Question,
    path_text: str,
    session_id: int | None,
    model: ModelHolder | None = None,
) -> Answered:
    """Score an existing recording and keep a copy as an attempt."""
    from mockint.coach.files import TextNotAudio

    if not path_text.strip():
        raise MockintError("no file given: type the path of a recording, then press enter")
    path = Path(path_text.strip()).expanduser()
    if not path.is_file():
        raise MockintError(f"{path}: no such file; give the path of a recording (wav, mp3, m4a…)")

    def score(audio: Path, *, question: Question | None = None) -> ScoredAnswer:
        return services.score_file(audio, question, model.get() if model else None)

    try:
        return services.backend.score_file(question, path, session_id, score, services.now())
    except TextNotAudio as exc:
        raise MockintError(f"{exc}: press y to type or paste your answer instead") from exc
