"""Crash safety for recordings: which ones are live, which were cut off, which lost their row.

While an answer is being recorded its attempt row says ``recording`` and the recording
process holds an exclusive ``flock`` on ``recordings/.active/<id>.lock``. If the process is
killed the kernel drops the lock, so at the next start an unlocked ``recording`` row means
"cut off mid-answer": the audio is repaired and the attempt offered back for scoring. A row
whose lock is still held belongs to a live recording in another process (the app is open
while the CLI runs) and is left alone.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import re
import threading
from pathlib import Path

from mockint import paths
from mockint.audio.wavfile import audio_duration

log = logging.getLogger(__name__)

LOCKS_DIR = ".active"
"""Under ``recordings/``: one lock file per attempt being recorded."""

AUDIO_SUFFIXES = frozenset(
    {
        ".flac", ".wav", ".ogg", ".oga", ".opus", ".mp3", ".m4a", ".aac", ".webm", ".mp4",
        ".aiff", ".audio",
    }
)  # fmt: skip

# Other spellings of a suffix above: a stored copy always gets the one spelling.
_SUFFIX_ALIASES = {".wave": ".wav", ".aif": ".aiff", ".aifc": ".aiff"}

OUR_NAME = re.compile(r"^\d+(?:-\d+)?\.[a-z0-9]{1,8}$")
"""The names the store gives recordings: ``<attempt id>[-<n>].<suffix>``, n when the plain
name was taken (by a recording of a database moved aside)."""

DAY_FOLDER = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def stored_suffix(source: Path) -> str:
    """The suffix a copy of ``source`` is stored under: one of :data:`AUDIO_SUFFIXES`, and
    ``.audio`` for anything else (PyAV reads the content, not the name)."""
    suffix = _SUFFIX_ALIASES.get(source.suffix.lower(), source.suffix.lower())
    return suffix if suffix in AUDIO_SUFFIXES else ".audio"


def is_audio_name(name: str) -> bool:
    """A recording's file name: one the store gives, or any audio suffix (not hidden)."""
    if name.startswith("."):
        return False
    return OUR_NAME.match(name) is not None or os.path.splitext(name)[1].lower() in AUDIO_SUFFIXES


# Locks this process holds, by lock path. Process-wide rather than per Store: the app may
# open a Store per worker thread, and the lock must outlive them until the recording ends.
_held: dict[Path, int] = {}
_held_guard = threading.Lock()


def lock_path(recordings: Path, attempt_id: int) -> Path:
    return recordings / LOCKS_DIR / f"{attempt_id}.lock"


def hold_lock(path: Path) -> None:
    """Mark the recording as live for as long as this process runs (or until released)."""
    paths.ensure_private_dir(path.parent)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise
    with _held_guard:
        _held[path] = fd


def release_lock(path: Path) -> None:
    """Drop a lock this process holds (a no-op for others) and remove its file."""
    with _held_guard:
        fd = _held.pop(path, None)
    if fd is not None:
        with contextlib.suppress(OSError):
            path.unlink()
        os.close(fd)  # closing releases the flock


def release_all(folder: Path) -> None:
    """Drop every lock this process holds under ``folder`` (everything there was deleted)."""
    with _held_guard:
        mine = [p for p in _held if p.is_relative_to(folder)]
    for path in mine:
        release_lock(path)


def held_here(path: Path) -> bool:
    """Whether this process holds the lock (it is the one recording)."""
    with _held_guard:
        return path in _held


def is_live(path: Path) -> bool:
    """Whether some running process (this one included) holds the recording's lock."""
    with _held_guard:
        if path in _held:
            return True
    return flock_held(path, remove_stale=True)


def flock_held(path: Path, *, remove_stale: bool = False) -> bool:
    """Whether another open file holds an exclusive ``flock`` on ``path``; with
    ``remove_stale``, a file nobody holds is removed (its process died)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    else:
        if remove_stale:  # removed while we hold it, so no new owner is cut off
            with contextlib.suppress(OSError):
                path.unlink()
        return False
    finally:
        os.close(fd)


def repair_audio(path: Path) -> float | None:
    """Make a cut-off recording readable and return its duration (None if unreadable).

    A failed repair never loses the file: it is kept as it is and only measured.
    """
    from mockint.audio.recorder import recover_recording  # deferred: loads numpy

    try:
        return recover_recording(path)
    except Exception as exc:
        log.warning("could not repair %s: %s", path, exc)
        return audio_duration(path)


def leftovers(audio: Path) -> list[Path]:
    """Hidden files that belong to ``audio``: the recorder's partial WAV of a ``.flac``
    recording, an interrupted copy (``.<name>.part``)."""
    folder = audio.parent
    if not folder.is_dir():
        return []
    prefix = f".{audio.name}."
    return sorted(p for p in folder.iterdir() if p.name.startswith(prefix) and p.is_file())


def audio_files(recordings: Path) -> list[Path]:
    """Every audio file under ``recordings/`` (the date folders), locks and temp files aside."""
    return [Path(p) for p in audio_file_names(recordings)]


def audio_file_names(recordings: Path) -> list[str]:
    """:func:`audio_files` as plain strings: thousands of them are listed quickly."""
    found: list[str] = []
    if not recordings.is_dir():
        return found
    with os.scandir(recordings) as days:
        for day in days:
            if not day.is_dir(follow_symlinks=False) or day.name.startswith("."):
                continue
            with os.scandir(day.path) as files:
                found.extend(
                    entry.path
                    for entry in files
                    if is_audio_name(entry.name) and entry.is_file(follow_symlinks=False)
                )
    return found
