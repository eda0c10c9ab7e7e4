"""The crash-safe WAV writer, the header repair and FLAC conversion."""

from __future__ import annotations

import os
import stat
import struct
from pathlib import Path

import numpy as np
import pytest
import soundfile

from mockint.audio.wavfile import WavAppender, repair_wav, wav_header, wav_to_flac


def _tone(seconds: float) -> np.ndarray:
    t = np.arange(round(16000 * seconds)) / 16000
    return (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


def _write(path: Path, blocks: int, block_s: float = 0.05) -> WavAppender:
    wav = WavAppender(path, 16000)
    for _ in range(blocks):
        wav.append(_tone(block_s))
    return wav


def test_file_is_readable_after_every_block_without_closing(tmp_path: Path) -> None:
    path = tmp_path / "a.wav"
    wav = WavAppender(path, 16000)
    for n in range(1, 6):
        wav.append(_tone(0.05))
        data, rate = soundfile.read(path)
        assert rate == 16000 and len(data) == n * 800
    wav.close()


def test_written_samples_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "a.wav"
    signal = np.linspace(-1.2, 1.2, 1600, dtype=np.float32)  # past full scale: clipped
    wav = WavAppender(path, 16000)
    wav.append(signal)
    wav.close()
    data, _ = soundfile.read(path, dtype="float32")
    np.testing.assert_allclose(data, np.clip(signal, -1, 1), atol=1e-4)  # 16-bit steps


def test_new_file_is_private_and_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "a.wav"
    WavAppender(path, 16000).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(FileExistsError):
        WavAppender(path, 16000)


def _set_sizes(path: Path, riff: int, data: int) -> None:
    with open(path, "r+b") as f:
        f.seek(4)
        f.write(struct.pack("<I", riff))
        f.seek(40)
        f.write(struct.pack("<I", data))


@pytest.mark.parametrize(
    ("riff", "data", "extra", "frames"),
    [
        (36, 0, b"", 8000),  # killed before the first size update
        (0xFFFFFFFF, 0xFFFFFFFF, b"", 8000),  # streaming placeholders
        (36 + 3200, 3200, b"", 8000),  # killed between data write and size update
        (36, 0, b"\x01", 8000),  # a half-written sample at the end is left out
        (36 + 99999, 99999, b"", 8000),  # sizes claim more than the file holds
    ],
    ids=["zero", "placeholder", "stale", "odd-byte", "too-long"],
)
def test_repair_makes_cut_off_files_whole(
    tmp_path: Path, riff: int, data: int, extra: bytes, frames: int
) -> None:
    path = tmp_path / "cut.wav"
    _write(path, 10).close()  # 10 × 800 frames
    with open(path, "ab") as f:
        f.write(extra)
    _set_sizes(path, riff, data)
    assert repair_wav(path) is True
    assert soundfile.info(path).frames == frames
    assert repair_wav(path) is False  # idempotent


def test_repair_leaves_a_good_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "ok.wav"
    _write(path, 4).close()
    before = path.read_bytes()
    assert repair_wav(path) is False
    assert path.read_bytes() == before


def test_repair_keeps_trailing_chunks_out_of_the_audio(tmp_path: Path) -> None:
    path = tmp_path / "list.wav"
    _write(path, 4).close()
    with open(path, "ab") as f:
        f.write(b"LIST" + struct.pack("<I", 4) + b"INFO")
    _set_sizes(path, 36 + 6400 + 12, 6400)
    assert repair_wav(path) is False
    assert soundfile.info(path).frames == 3200


@pytest.mark.parametrize("content", [b"", b"not a wav file at all", b"RIFF\0\0\0\0WAVEjunk"])
def test_repair_refuses_what_is_not_wav(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.wav"
    path.write_bytes(content)
    with pytest.raises(ValueError):
        repair_wav(path)


def test_header_layout() -> None:
    header = wav_header(16000, 1, 320)
    assert len(header) == 44
    assert header[:4] == b"RIFF" and header[8:16] == b"WAVEfmt " and header[36:40] == b"data"
    assert struct.unpack("<I", header[40:44])[0] == 320


def test_wav_to_flac_is_lossless_and_removes_the_wav(tmp_path: Path) -> None:
    wav, flac = tmp_path / "a.wav", tmp_path / "a.flac"
    _write(wav, 20).close()
    expected, _ = soundfile.read(wav, dtype="int16")
    assert wav_to_flac(wav, flac) == flac
    got, rate = soundfile.read(flac, dtype="int16")
    assert rate == 16000 and np.array_equal(got, expected)
    assert not wav.exists()
    assert stat.S_IMODE(flac.stat().st_mode) == 0o600
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_wav_to_flac_failure_keeps_the_wav(tmp_path: Path) -> None:
    wav = tmp_path / "a.wav"
    _write(wav, 2).close()
    with pytest.raises(Exception):  # noqa: B017 - any failure; the point is what is left
        wav_to_flac(wav, tmp_path / "missing-dir" / "a.flac")
    assert wav.exists()
