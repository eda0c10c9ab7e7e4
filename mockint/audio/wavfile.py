"""A WAV file that is readable at every moment, even if the process is killed mid-write.

Why WAV and not FLAC while recording: measured here, a FLAC file whose writer was SIGKILLed
has no sample count in its header and libsndfile refuses it ("array is too big"), while an
appended WAV is plain PCM after a 44-byte header. :class:`WavAppender` writes each block
straight to the file descriptor (no user-space buffer to lose), rewrites the two size fields
after every block, and fsyncs about once a second. :func:`repair_wav` fixes the sizes of a
file cut off between those two writes. Finished recordings can still be stored as FLAC:
:func:`wav_to_flac` converts one atomically; :func:`audio_duration` measures any of them.
"""

from __future__ import annotations

import contextlib
import os
import struct
import time
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    import numpy as np

HEADER_BYTES = 44
SAMPLE_BYTES = 2  # PCM 16-bit: plenty for speech, half the size of float32
_RIFF_SIZE_OFFSET = 4
_DATA_SIZE_OFFSET = 40
_UNKNOWN_SIZES = (0, 0xFFFFFFFF)  # what streaming writers put before they know the length


def wav_header(sample_rate: int, channels: int, data_bytes: int) -> bytes:
    """The canonical 44-byte header of a PCM 16-bit WAV file."""
    block_align = channels * SAMPLE_BYTES
    return (
        b"RIFF"
        + struct.pack("<I", 36 + data_bytes)
        + b"WAVEfmt "
        + struct.pack(
            "<IHHIIHH", 16, 1, channels, sample_rate, sample_rate * block_align, block_align, 16
        )
        + b"data"
        + struct.pack("<I", data_bytes)
    )


def to_pcm16(samples: np.ndarray) -> bytes:
    """Float samples (±1.0 full scale) as little-endian 16-bit PCM, clipped rather than wrapped."""
    import numpy as np  # deferred: the store measures files through this module

    clipped = np.clip(np.asarray(samples, dtype=np.float32), -1.0, 1.0)
    return (clipped * 32767.0).round().astype("<i2").tobytes()


class WavAppender:
    """Appends mono float32 blocks to a new 16-bit WAV file, keeping it valid after each block.

    The file is created exclusively (an existing recording is never overwritten) with mode
    0600: recordings are private.
    """

    def __init__(self, path: Path, sample_rate: int, *, fsync_every_s: float = 1.0) -> None:
        self.path = path
        self.sample_rate = sample_rate
        self.frames = 0
        self._fsync_every_s = fsync_every_s
        self._last_fsync = time.monotonic()
        self._fd: int | None = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.fchmod(self._fd, 0o600)  # the umask could only remove bits, but be explicit
        os.write(self._fd, wav_header(sample_rate, 1, 0))

    @property
    def duration_s(self) -> float:
        return self.frames / self.sample_rate

    def append(self, samples: np.ndarray) -> None:
        """Write one block and make the header describe it."""
        if self._fd is None:
            raise ValueError(f"{self.path} is closed")
        data = to_pcm16(samples)
        if not data:
            return
        _write_all(self._fd, data)
        self.frames += len(data) // SAMPLE_BYTES
        self._write_sizes()
        now = time.monotonic()
        if now - self._last_fsync >= self._fsync_every_s:
            # A SIGKILL cannot lose what write() handed the kernel; fsync also covers a
            # power cut, at most ~1 s behind.
            os.fsync(self._fd)
            self._last_fsync = now

    def close(self) -> None:
        """Final sizes, fsync, close. Safe to call twice."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _write_sizes(fd, self.frames * SAMPLE_BYTES)
            os.fsync(fd)
        finally:
            os.close(fd)

    def _write_sizes(self) -> None:
        assert self._fd is not None
        _write_sizes(self._fd, self.frames * SAMPLE_BYTES)


def _write_sizes(fd: int, data_bytes: int) -> None:
    os.pwrite(fd, struct.pack("<I", 36 + data_bytes), _RIFF_SIZE_OFFSET)
    os.pwrite(fd, struct.pack("<I", data_bytes), _DATA_SIZE_OFFSET)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def repair_wav(path: Path) -> bool:
    """Fix the RIFF and data sizes of a WAV file whose writer never finalised it.

    Works on any PCM WAV whose ``data`` chunk is the last one (as streaming writers leave
    them): the data size becomes whatever whole frames the file holds. Returns True if the
    header was changed, False if it was already right. Raises ValueError if ``path`` is not
    a WAV file. Never removes audio: a trailing partial frame is only left out of the size.
    """
    with open(path, "r+b") as f:
        file_size = os.fstat(f.fileno()).st_size
        head = f.read(12)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            raise ValueError(f"{path} is not a WAV file")
        block_align, data_offset, claimed = _find_chunks(f, file_size)
        available = file_size - data_offset
        claimed_end = data_offset + claimed
        # A size is trusted when it fits the file and is not a streaming placeholder; extra
        # bytes after it are then someone's trailing chunk (LIST…), not audio.
        trusted = claimed not in _UNKNOWN_SIZES and claimed_end <= file_size
        if trusted and (claimed_end == file_size or _looks_like_chunk(f, claimed_end, file_size)):
            return False
        data_bytes = available - available % block_align
        riff_size = data_offset + data_bytes - 8
        if claimed == data_bytes and _read_u32(f, _RIFF_SIZE_OFFSET) == riff_size:
            return False
        f.seek(data_offset - 4)
        f.write(struct.pack("<I", data_bytes))
        f.seek(_RIFF_SIZE_OFFSET)
        f.write(struct.pack("<I", riff_size))
        f.flush()
        os.fsync(f.fileno())
    return True


def _find_chunks(f: BinaryIO, file_size: int) -> tuple[int, int, int]:
    """(block_align, offset of the data bytes, claimed data size) of an open WAV file."""
    offset = 12
    block_align = 0
    while offset + 8 <= file_size:
        f.seek(offset)
        chunk_id = f.read(4)
        size = struct.unpack("<I", f.read(4))[0]
        if chunk_id == b"fmt ":
            fmt = f.read(min(size, 16))
            if len(fmt) >= 14:
                block_align = struct.unpack("<H", fmt[12:14])[0]
        elif chunk_id == b"data":
            if not block_align:
                raise ValueError(f"{f.name}: WAV data chunk before its fmt chunk")
            return block_align, offset + 8, size
        offset += 8 + size + (size & 1)
    raise ValueError(f"{f.name}: WAV file without a data chunk")


def _looks_like_chunk(f: BinaryIO, offset: int, file_size: int) -> bool:
    """Whether a plausible RIFF chunk header (printable id, size within the file) is there."""
    if offset + 8 > file_size:
        return False
    f.seek(offset)
    chunk_id = f.read(4)
    size = struct.unpack("<I", f.read(4))[0]
    printable = all(32 <= byte < 127 for byte in chunk_id)
    return printable and offset + 8 + size <= file_size


def _read_u32(f: BinaryIO, offset: int) -> int:
    f.seek(offset)
    value: int = struct.unpack("<I", f.read(4))[0]
    return value


def wav_to_flac(wav: Path, flac: Path) -> Path:
    """Convert a finished WAV recording to FLAC at ``flac`` (atomically), then delete the WAV.

    The FLAC appears complete or not at all: it is written to a temporary name and renamed.
    If anything fails the WAV is kept, so no audio is lost.
    """
    import soundfile

    tmp = flac.with_name(f".{flac.name}.tmp")
    try:
        with soundfile.SoundFile(str(wav)) as src:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as raw:
                with soundfile.SoundFile(
                    raw,
                    "w",
                    samplerate=src.samplerate,
                    channels=src.channels,
                    format="FLAC",
                    subtype="PCM_16",
                ) as dst:
                    for block in src.blocks(blocksize=1 << 16, dtype="int16", always_2d=True):
                        dst.write(block)
                raw.flush()
                os.fsync(raw.fileno())
        os.replace(tmp, flac)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    wav.unlink()
    return flac


def audio_duration(path: Path) -> float | None:
    """Seconds of audio in ``path`` (any format libsndfile reads), or None when unreadable."""
    import soundfile

    try:
        info = soundfile.info(str(path))
    except Exception:
        return None
    if not info.samplerate:
        return None
    return round(info.frames / info.samplerate, 3)
