"""Replay of a recorded answer, with the transcript following the audio."""

from __future__ import annotations

import threading
from pathlib import Path

from textual.widget import Widget

from mockint.tui.messages import Notice, PlaybackPosition
from mockint.tui.services import Services


class Replayer:
    """Plays one file at a time in a thread worker of ``node``; posts positions to it."""

    def __init__(self, node: Widget, services: Services) -> None:
        self.node = node
        self.services = services
        self._stop = threading.Event()
        self.playing = False

    def toggle(self, path: str | Path | None) -> None:
        if self.playing:
            self.stop()
            return
        if not path or not Path(path).is_file():
            self.node.notify("There is no recording to replay for this answer.", severity="warning")
            return
        self._stop = threading.Event()
        self.playing = True
        stop = self._stop
        self.node.run_worker(
            lambda: self._play(Path(path), stop), thread=True, group="replay", exclusive=True
        )

    def stop(self) -> None:
        self._stop.set()
        self.playing = False

    def _play(self, path: Path, stop: threading.Event) -> None:
        def on_position(seconds: float) -> None:
            self.node.post_message(PlaybackPosition(seconds))

        try:
            self.services.play(path, on_position, stop)
        except Exception as exc:  # no output device: say so, keep the app
            self.node.post_message(Notice(f"Replay failed: {exc}", "error"))
        finally:
            self.playing = False
            self.node.post_message(PlaybackPosition(None))
