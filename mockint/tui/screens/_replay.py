"""Replay of a recorded answer, with the transcript following the audio."""

from __future__ import annotations

import threading
from pathlib import Path

from textual.widget import Widget

from mockint.fmt import clock
from mockint.tui.messages import Notice, PlaybackPosition
from mockint.tui.services import Services

LEAD_IN_S = 0.3
"""Replay starts this long before the first word: the silence before it is skipped."""


class Replayer:
    """Plays one file at a time in a thread worker of ``node``; posts positions to it.

    ``toggle`` plays, pauses and resumes: a pause remembers where it was, the end of the
    recording forgets it (the next play starts again at the first word)."""

    def __init__(self, node: Widget, services: Services) -> None:
        self.node = node
        self.services = services
        self._stop = threading.Event()
        self.playing = False
        self.position_s = 0.0
        self.resume_at: float | None = None
        """Where a paused replay goes on from; None when not paused."""
        self._path: Path | None = None

    def toggle(self, path: str | Path | None, first_word_s: float | None = None) -> None:
        if self.playing:
            self.pause()
            return
        if not path or not Path(path).is_file():
            self.node.notify("There is no recording to replay for this answer.", severity="warning")
            return
        start = max(0.0, (first_word_s or 0.0) - LEAD_IN_S)
        if self.resume_at is not None and self._path == Path(path):
            start = self.resume_at
        self._path = Path(path)
        self.resume_at = None
        self._stop = threading.Event()
        self.playing = True
        self.position_s = start
        stop = self._stop
        self.node.run_worker(
            lambda: self._play(Path(path), stop, start), thread=True, group="replay", exclusive=True
        )

    def pause(self) -> None:
        if self.playing:
            self.resume_at = self.position_s
        self._stop.set()
        self.playing = False

    def stop(self) -> None:
        """Stop and forget where it was (another answer is coming)."""
        self._stop.set()
        self.playing = False
        self.resume_at = None

    def status(self, duration_s: float) -> str:
        """``▶ 0:12 / 1:15 · p pauses``, ``⏸ paused at 0:12 · p resumes``, or nothing."""
        if self.playing:
            return f"▶ playing {clock(self.position_s)} / {clock(duration_s)} · p pauses"
        if self.resume_at is not None:
            return f"⏸ paused at {clock(self.resume_at)} · p resumes"
        return ""

    def _play(self, path: Path, stop: threading.Event, start_s: float) -> None:
        def on_position(seconds: float) -> None:
            self.position_s = seconds
            self.node.post_message(PlaybackPosition(seconds))

        try:
            self.services.play(path, on_position, stop, start_s)
        except Exception as exc:  # no output device: say so, keep the app
            self.node.post_message(Notice(f"Replay failed: {exc}", "error"))
        finally:
            if not stop.is_set():  # played to the end: the next play starts over
                self.resume_at = None
            self.playing = False
            self.node.post_message(PlaybackPosition(None))
