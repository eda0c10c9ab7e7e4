"""The audio files of the store under ``recordings/``: private copies, deletion, clean-up.

A stored file is never overwritten: copies are linked into place (``link`` fails when the
name exists, like ``O_EXCL``), and the store picks names no file or row uses yet.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import secrets
import shutil
from pathlib import Path

from mockint.errors import MockintError
from mockint.store.recovery import DAY_FOLDER, LOCKS_DIR, OUR_NAME, flock_held, is_live

# Hidden files the store and the recorder leave beside an attempt's audio (".12.flac.part",
# ".12.flac.partial.wav", ".12.wav.3f9a.part"): named after an attempt id.
OURS_HIDDEN = re.compile(r"^\.\d+(?:-\d+)?\.")
PART = ".part"


def remove_recordings(recordings: Path) -> int:
    """Every file of ours under ``recordings/`` (recordings, partial recordings, interrupted
    copies, stale locks); the user's own files stay. Returns how many files went."""
    if not recordings.is_dir():
        return 0
    removed = 0
    for day in recordings.iterdir():
        if day.name == LOCKS_DIR and day.is_dir():
            for lock in day.iterdir():
                if not is_live(lock):
                    unlink(lock)
            continue
        if not DAY_FOLDER.match(day.name) or day.is_symlink() or not day.is_dir():
            continue
        for file in day.iterdir():
            ours = OUR_NAME.match(file.name) or OURS_HIDDEN.match(file.name)
            if ours and (file.is_file() or file.is_symlink()) and not _copy_in_progress(file):
                unlink(file)
                removed += 1
        with contextlib.suppress(OSError):
            day.rmdir()  # only if empty: unknown files are the user's, not ours
    return removed


def remove_stale_copies(recordings: Path) -> None:
    """Interrupted copies (``.<name>.<token>.part``) whose process is gone: a killed
    ``score --save`` must not leave a hidden copy of a long recording forever."""
    if not recordings.is_dir():
        return
    with os.scandir(recordings) as days:
        for day in days:
            if not DAY_FOLDER.match(day.name) or not day.is_dir(follow_symlinks=False):
                continue
            with os.scandir(day.path) as files:
                for entry in files:
                    file = Path(entry.path)
                    stale = OURS_HIDDEN.match(entry.name) and entry.name.endswith(PART)
                    if stale and not _copy_in_progress(file):
                        with contextlib.suppress(OSError):
                            file.unlink()


def _copy_in_progress(path: Path) -> bool:
    """Whether a live process holds the copy's lock (see :func:`copy_private`)."""
    return path.name.endswith(PART) and flock_held(path)


def copy_private(src: Path, dest: Path) -> None:
    """Copy to ``dest`` readable by the owner only, atomically, never over an existing file.

    The copy goes to a hidden temp file locked while it is written (so a clean-up can tell
    a live copy from one a killed process left), then is linked to ``dest``.
    """
    tmp = dest.with_name(f".{dest.name}.{secrets.token_hex(4)}{PART}")
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as out, src.open("rb") as inp:
            fcntl.flock(out.fileno(), fcntl.LOCK_EX)
            shutil.copyfileobj(inp, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
            os.chmod(tmp, 0o600)
            os.link(tmp, dest)  # fails if dest exists: a recording is never replaced
    except OSError as exc:
        raise MockintError(
            f"cannot copy {src} to {dest.parent}: {exc.strerror or exc} "
            "(check free space and permissions)"
        ) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def unlink(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise MockintError(f"cannot delete {path}: {exc.strerror or exc}") from None
