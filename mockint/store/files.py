"""The audio files of the store under ``recordings/``: private copies, deletion, clean-up."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from pathlib import Path

from mockint.errors import MockintError
from mockint.store.recovery import LOCKS_DIR, audio_files, is_live

# Hidden files the store and the recorder leave beside an attempt's audio (".12.flac.part",
# ".12.flac.partial.wav"): named after an attempt id.
OURS_HIDDEN = re.compile(r"^\.\d+\.")


def remove_recordings(recordings: Path) -> None:
    """Every recording and leftover of ours under ``recordings/``; the user's own files stay."""
    if not recordings.is_dir():
        return
    for audio in audio_files(recordings):
        unlink(audio)
    for day in recordings.iterdir():
        if not day.is_dir():
            continue
        if day.name == LOCKS_DIR:
            for lock in day.iterdir():
                if not is_live(lock):
                    unlink(lock)
            continue
        for leftover in day.iterdir():  # partial recordings, interrupted copies
            if OURS_HIDDEN.match(leftover.name) and leftover.is_file():
                unlink(leftover)
        with contextlib.suppress(OSError):
            day.rmdir()  # only if empty: unknown files are the user's, not ours


def copy_private(src: Path, dest: Path) -> None:
    """Copy to ``dest`` readable by the owner only, atomically (temp file + rename)."""
    tmp = dest.with_name(f".{dest.name}.part")
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out, src.open("rb") as inp:
            shutil.copyfileobj(inp, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, dest)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise MockintError(
            f"cannot copy {src} to {dest.parent}: {exc.strerror or exc} "
            "(check free space and permissions)"
        ) from None


def unlink(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise MockintError(f"cannot delete {path}: {exc.strerror or exc}") from None
