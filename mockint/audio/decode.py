"""Any audio file → 16 kHz mono float32, the one format the transcriber takes.

libsndfile (soundfile) reads WAV, FLAC and OGG at 16 kHz directly and fast, which covers
every recording mockint makes; anything else (MP3, M4A, other rates, stereo files PyAV is
better at) goes through PyAV, whose resampler converts to 16 kHz mono as it decodes.

Problems the user can fix (missing file, not audio, empty, damaged) raise
:class:`~mockint.errors.MockintError` naming the file and what is wrong with it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from mockint.errors import MockintError

SAMPLE_RATE = 16000
"""The rate of every array :func:`decode` returns."""

_BLOCK = 4096  # small, so a damaged file salvages all but its last few ms


def decode(path: str | Path, *, salvage: bool = False) -> np.ndarray:
    """Read ``path`` as 16 kHz mono float32 samples in [-1, 1].

    With ``salvage=True`` a file damaged part-way (e.g. a FLAC cut off by a crash) returns
    the audio before the damage instead of raising; an empty result still raises.
    """
    return _join(list(stream(path, salvage=salvage)))


def stream(path: str | Path, *, salvage: bool = False) -> Generator[np.ndarray, None, None]:
    """:func:`decode`, block by block (a fraction of a second each), so a long recording
    never has to be in memory whole. A missing, empty or unreadable file raises here, at
    the call, before the caller spends anything on it (``mockint score`` loads the model
    after); damage raises where it is found. Close the iterator to release the file early.
    """
    blocks = _blocks(path, salvage=salvage)
    first = next(blocks)  # a file with no audio raises MockintError, never StopIteration
    return _chain(first, blocks)


def _chain(
    first: np.ndarray, rest: Generator[np.ndarray, None, None]
) -> Generator[np.ndarray, None, None]:
    try:
        yield first
        yield from rest
    finally:
        rest.close()


def _blocks(path: str | Path, *, salvage: bool) -> Generator[np.ndarray, None, None]:
    p = _existing_file(path)
    if p.stat().st_size == 0:
        raise MockintError(f"{p.name}: the file is empty (0 bytes)")
    blocks = _soundfile_blocks(p, salvage=salvage)
    empty = f"{p.name}: the file holds no audio (0 samples)"
    if blocks is None:
        blocks = _av_blocks(p, salvage=salvage)
        empty = (
            f"{p.name}: no audio could be decoded: not an audio file mockint can read, "
            "or an empty one; use WAV, FLAC, MP3 or OGG"
        )
    samples = 0
    for block in blocks:
        if block.size:
            samples += block.size
            yield block
    if samples == 0:
        raise MockintError(empty)


def duration_of(path: str | Path) -> float:
    """Length of the audio in ``path`` in seconds (from the header when it can be trusted)."""
    p = _existing_file(path)
    if _is_mp3(p):
        return _counted(p)  # an MP3's header length is a promise, not a fact
    import soundfile as sf

    try:
        info = sf.info(str(p))
    except (sf.LibsndfileError, RuntimeError):
        return _counted(p)
    if info.frames <= 0 or info.samplerate <= 0:
        return _counted(p)
    return float(info.frames) / float(info.samplerate)


def _counted(p: Path) -> float:
    """Seconds of audio, counted block by block (never the whole file in memory)."""
    return sum(len(b) for b in stream(p)) / SAMPLE_RATE


def _existing_file(path: str | Path) -> Path:
    p = Path(path).expanduser()
    if not p.exists():
        raise MockintError(f"{p}: no such file")
    if not p.is_file():
        raise MockintError(f"{p}: not a file (expected an audio file: WAV, FLAC, MP3, OGG…)")
    try:
        with p.open("rb"):
            pass
    except OSError as exc:
        raise MockintError(f"{p.name}: cannot open: {exc.strerror or exc}") from None
    return p


def _soundfile_blocks(p: Path, *, salvage: bool) -> Iterator[np.ndarray] | None:
    """The fast path; None when libsndfile cannot open the file or it needs resampling."""
    import soundfile as sf

    if _is_mp3(p):
        # libsndfile (mpg123) returns a truncated MP3 at its header's length, the missing
        # part filled from a stale buffer, and prints warnings on stderr; PyAV decodes the
        # frames that are really there.
        return None
    try:
        f = sf.SoundFile(str(p))
    except (sf.LibsndfileError, RuntimeError):
        return None  # not a format libsndfile knows: PyAV may
    if f.samplerate != SAMPLE_RATE:
        f.close()
        return None  # PyAV's resampler is better than anything we would write here
    return _read_soundfile(p, f, salvage=salvage)


def _read_soundfile(p: Path, f: Any, *, salvage: bool) -> Iterator[np.ndarray]:
    import soundfile as sf

    with f:
        good = 0
        try:
            for block in f.blocks(blocksize=_BLOCK, dtype="float32", always_2d=True):
                mono = block.mean(axis=1) if block.shape[1] > 1 else block[:, 0]
                good += len(mono)
                yield np.ascontiguousarray(mono, dtype=np.float32)
        except (sf.LibsndfileError, RuntimeError) as exc:
            _damaged(p, exc, good, salvage=salvage)


def _is_mp3(p: Path) -> bool:
    """An ID3 tag or an MPEG audio frame sync at the start of the file."""
    with p.open("rb") as f:
        head = f.read(3)
    return head == b"ID3" or (len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


def _av_blocks(p: Path, *, salvage: bool) -> Iterator[np.ndarray]:
    import av

    try:
        container = av.open(str(p))
    except (av.FFmpegError, UnicodeDecodeError, ValueError) as exc:
        raise MockintError(
            f"{p.name}: not an audio file mockint can read ({_reason(exc)}); "
            "use WAV, FLAC, MP3 or OGG"
        ) from None
    with container:
        if not container.streams.audio:
            raise MockintError(f"{p.name}: the file has no audio stream")
        good = 0
        resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
        try:
            for frame in itertools.chain(container.decode(audio=0), [None]):
                for block in _resampled(resampler, frame):
                    good += len(block)
                    yield block
        except (av.FFmpegError, ValueError) as exc:
            _damaged(p, exc, good, salvage=salvage)


def _resampled(resampler: Any, frame: Any) -> list[np.ndarray]:
    return [
        f.to_ndarray().reshape(-1).astype(np.float32, copy=False) for f in resampler.resample(frame)
    ]


def _damaged(p: Path, exc: BaseException, good_samples: int, *, salvage: bool) -> None:
    """Raise for a file that fails part-way, unless salvaging what came before."""
    if salvage and good_samples > 0:
        return
    where = f" after {good_samples / SAMPLE_RATE:.1f} s" if good_samples else ""
    raise MockintError(
        f"{p.name}: the file is damaged or truncated{where} ({_reason(exc)}); "
        "re-export it, or record the answer again"
    ) from None


def _join(blocks: list[np.ndarray]) -> np.ndarray:
    if not blocks:
        return np.zeros(0, dtype=np.float32)
    return np.ascontiguousarray(np.concatenate(blocks), dtype=np.float32)


def _reason(exc: BaseException) -> str:
    text = re.sub(r"\[Errno -?\d+\]\s*", "", " ".join(str(exc).split()))
    return (text or type(exc).__name__)[:120]
