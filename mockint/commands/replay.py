"""`mockint replay`: play an attempt with its transcript printed in step with the audio.

Fillers print as ``[um]`` and hedges as ``{I think}``. ``--no-audio`` prints it all at once.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from mockint.commands._common import attempt_id

if TYPE_CHECKING:
    from mockint.models import Word
    from mockint.store import Attempt
    from mockint.store.display import Mark

HELP = "play an attempt with its transcript in step"
DESCRIPTION = """\
Play an attempt's recording with its transcript printed in step with the audio.

examples:
  mockint replay 12        attempt 12 (the ids are in `mockint history`)"""

OnPosition = Callable[[float], None]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("attempt", metavar="ATTEMPT", help="attempt id (see `mockint history`)")
    parser.add_argument("--no-audio", action="store_true", help="print the transcript only")


def run(args: argparse.Namespace) -> int:
    from mockint.coach import Coach
    from mockint.config import load_config
    from mockint.errors import MockintError
    from mockint.store import display

    with Coach.open(load_config) as coach:
        attempt = coach.attempt(attempt_id(str(args.attempt)))
    _print_header(attempt)
    marks = display.word_marks(attempt.words, attempt.report)
    audio = attempt.audio_path
    if audio is None and not args.no_audio:
        print("(a typed answer: there is no audio to play)")
    if args.no_audio or audio is None:
        printer = StepPrinter(attempt.words, marks, sys.stdout)
        printer.finish()
        _print_footer(attempt)
        return 0
    if attempt.status == "recording":
        raise MockintError(f"attempt {attempt.id} is still being recorded: replay it afterwards")
    if not audio.is_file():
        raise MockintError(
            f"the audio of attempt {attempt.id} is gone ({audio}): "
            f"`mockint replay {attempt.id} --no-audio` prints the transcript"
        )
    printer = StepPrinter(attempt.words, marks, sys.stdout)
    play_with_positions(audio, printer.advance, attempt.id)
    printer.finish()
    _print_footer(attempt)
    return 0


def _print_header(attempt: Attempt) -> None:
    from mockint.store import display

    parts = [
        f"Attempt {attempt.id}",
        display.local_time(attempt.created_at),
        attempt.question_id or "no question",
        display.duration(attempt.duration_s),
        f"score {display.score_text(attempt)}",
    ]
    print(" · ".join(parts))
    if attempt.question_text:
        print(f"Q: {attempt.question_text}")
    if attempt.words:
        print(f"({display.LEGEND})")
    print()


def _print_footer(attempt: Attempt) -> None:
    if not attempt.words:
        if attempt.transcript:
            print(attempt.transcript)
        else:
            note = f"failed: {attempt.error}" if attempt.error else f"status {attempt.status}"
            print(f"(not transcribed yet, {note}; `mockint history --retry` scores it)")
    if attempt.flags:
        print(f"\nflags: {', '.join(attempt.flags)}")


class StepPrinter:
    """Prints words as playback reaches their start time, wrapped to the terminal width.

    ``advance`` may be called from the player's thread; the lock keeps lines whole.
    """

    def __init__(
        self,
        words: Sequence[Word],
        marks: Sequence[Mark | None],
        out: TextIO,
        width: int | None = None,
    ) -> None:
        from mockint.store import display

        self._items = [
            (w.start, display.marked(w.text.strip(), t))
            for w, t in zip(words, marks, strict=True)
            if w.text.strip()
        ]
        self._out = out
        self._width = width or min(100, shutil.get_terminal_size((80, 24)).columns)
        self._next = 0
        self._column = 0
        self._lock = threading.Lock()

    def advance(self, position_s: float) -> None:
        """Print every word that starts at or before ``position_s``."""
        with self._lock:
            while self._next < len(self._items) and self._items[self._next][0] <= position_s:
                self._write(self._items[self._next][1])
                self._next += 1
            self._out.flush()

    def finish(self) -> None:
        """Print whatever is left (playback ended or was skipped) and end the line."""
        self.advance(float("inf"))
        with self._lock:
            if self._column:
                self._out.write("\n")
                self._column = 0
            self._out.flush()

    def _write(self, token: str) -> None:
        if self._column and self._column + 1 + len(token) > self._width:
            self._out.write("\n")
            self._column = 0
        elif self._column:
            self._out.write(" ")
            self._column += 1
        self._out.write(token)
        self._column += len(token)


def play_with_positions(path: Path, on_position: OnPosition, attempt_id: int) -> None:
    """Play ``path`` on the default output, calling ``on_position(seconds)`` as it goes."""
    from mockint.audio.player import play  # deferred: numpy and PortAudio
    from mockint.errors import MockintError

    stop = threading.Event()
    try:
        play(path, on_position=on_position, stop_event=stop)
    except MockintError:
        raise
    except KeyboardInterrupt:
        stop.set()
        raise
    except Exception as exc:  # no output device, PortAudio trouble, unreadable file
        raise MockintError(
            f"cannot play {path.name}: {' '.join(str(exc).split())} "
            f"(`mockint replay {attempt_id} --no-audio` prints the transcript)"
        ) from None
