"""decode(): any audio file → 16 kHz mono float32; bad files → one clear MockintError."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from mockint.audio.decode import SAMPLE_RATE, decode, duration_of, stream
from mockint.errors import MockintError


def _tone(rate: int, seconds: float, channels: int = 1) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    mono = (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    return mono if channels == 1 else np.stack([mono] * channels, axis=1)


def _write_av(path: Path, codec: str, rate: int = 44100, seconds: float = 1.0) -> Path:
    import av

    samples = _tone(rate, seconds)
    with av.open(str(path), "w") as out:
        stream = out.add_stream(codec, rate=rate, layout="mono")
        frame_len = 1152
        for at in range(0, len(samples), frame_len):
            block = samples[at : at + frame_len].reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(block, format="flt", layout="mono")
            frame.sample_rate = rate
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


@pytest.mark.parametrize(
    ("name", "rate", "channels", "subtype"),
    [
        ("mono16k.wav", 16000, 1, "PCM_16"),
        ("stereo44k.wav", 44100, 2, "PCM_16"),
        ("mono48k.flac", 48000, 1, "PCM_24"),
        ("mono16k.flac", 16000, 1, "PCM_16"),
        ("stereo22k.ogg", 22050, 2, "VORBIS"),
        ("float8k.wav", 8000, 1, "FLOAT"),
    ],
)
def test_decodes_any_rate_and_layout_to_16k_mono(
    tmp_path: Path, name: str, rate: int, channels: int, subtype: str
) -> None:
    path = tmp_path / name
    sf.write(str(path), _tone(rate, 1.5, channels), rate, subtype=subtype)
    audio = decode(path)
    assert audio.dtype == np.float32 and audio.ndim == 1
    assert abs(len(audio) / SAMPLE_RATE - 1.5) < 0.05
    assert 0.2 < float(np.max(np.abs(audio))) <= 1.0
    assert abs(duration_of(path) - 1.5) < 0.05


def test_decodes_mp3_through_pyav(tmp_path: Path) -> None:
    path = _write_av(tmp_path / "answer.mp3", "mp3", rate=44100, seconds=1.0)
    audio = decode(path)
    assert abs(len(audio) / SAMPLE_RATE - 1.0) < 0.1
    assert float(np.max(np.abs(audio))) > 0.2


def _empty_wav(path: Path) -> None:
    sf.write(str(path), np.zeros(0, dtype=np.float32), 16000, format="WAV")


def _text(path: Path) -> None:
    path.write_text("this is not audio\n" * 50)


def _zero_bytes(path: Path) -> None:
    path.write_bytes(b"")


def _truncated_flac(path: Path) -> None:
    sf.write(
        str(path),
        _tone(16000, 2.0) * 0.5
        + 0.01 * np.random.default_rng(1).standard_normal(32000).astype(np.float32),
        16000,
        format="FLAC",
    )
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize(
    ("make", "expect"),
    [
        (_empty_wav, "no audio"),
        (_text, "not an audio file"),
        (_zero_bytes, "empty"),
        (_truncated_flac, "damaged or truncated"),
    ],
)
def test_bad_files_raise_one_clear_error(tmp_path: Path, make: object, expect: str) -> None:
    path = tmp_path / "answer.flac"
    make(path)  # type: ignore[operator]
    with pytest.raises(MockintError) as err:
        decode(path)
    assert expect in str(err.value)
    assert "answer.flac" in str(err.value)
    assert "\n" not in str(err.value)


def test_salvage_keeps_audio_before_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "cut.flac"
    _truncated_flac(path)
    audio = decode(path, salvage=True)
    assert 0.3 < len(audio) / SAMPLE_RATE < 2.0


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(MockintError, match="no such file"):
        decode(tmp_path / "nope.wav")
    with pytest.raises(MockintError, match="not a file"):
        decode(tmp_path)


def test_truncated_wav_reads_what_is_there(tmp_path: Path) -> None:
    # A WAV cut off by a crash has a header promising more than is there: still readable.
    path = tmp_path / "crash.wav"
    sf.write(str(path), _tone(16000, 2.0), 16000, subtype="PCM_16")
    data = path.read_bytes()
    path.write_bytes(data[: 44 + 16000 * 2])
    assert abs(len(decode(path)) / SAMPLE_RATE - 1.0) < 0.01


def test_a_truncated_mp3_gives_only_the_audio_really_there(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    t = np.arange(16000 * 6) / 16000
    full = tmp_path / "full.mp3"
    sf.write(full, (0.3 * np.sin(2 * np.pi * 300 * t)).astype("float32"), 16000, format="MP3")
    data = full.read_bytes()
    cut = tmp_path / "cut.mp3"
    cut.write_bytes(data[: len(data) // 2])
    capfd.readouterr()
    first, second = decode(cut), decode(cut)
    assert len(first) / 16000 < 3.5  # not the 6 s the header promises, padded with garbage
    assert np.array_equal(first, second)
    assert duration_of(cut) < 3.5
    assert len(decode(full)) / 16000 == pytest.approx(6.0, abs=0.1)
    assert "Warning" not in capfd.readouterr().err  # no raw decoder chatter


@pytest.mark.parametrize(
    ("name", "rate", "subtype"),
    [("mono16k.flac", 16000, "PCM_16"), ("mono44k.wav", 44100, "PCM_16")],
)
def test_stream_reads_block_by_block_what_decode_reads_whole(
    tmp_path: Path, name: str, rate: int, subtype: str
) -> None:
    path = tmp_path / name
    sf.write(str(path), _tone(rate, 20.0), rate, subtype=subtype)
    blocks = list(stream(path))
    assert len(blocks) > 20
    assert max(len(b) for b in blocks) <= SAMPLE_RATE  # small blocks, never the whole file
    assert all(b.dtype == np.float32 and b.ndim == 1 for b in blocks)
    assert np.array_equal(np.concatenate(blocks), decode(path))


def test_stream_checks_the_file_when_called_before_anything_is_spent_on_it(
    tmp_path: Path,
) -> None:
    # `mockint score` loads the model after opening the file: a bad file must fail first.
    with pytest.raises(MockintError, match="no such file"):
        stream("/nonexistent/answer.flac")
    (tmp_path / "bad.wav").write_bytes(b"not audio at all" * 10)
    with pytest.raises(MockintError, match="not an audio file"):
        stream(tmp_path / "bad.wav")


def test_closing_a_stream_early_releases_the_file(tmp_path: Path) -> None:
    path = tmp_path / "long.flac"
    sf.write(str(path), _tone(16000, 20.0), 16000, subtype="PCM_16")
    blocks = stream(path)
    next(blocks)
    blocks.close()
    assert blocks.gi_frame is None  # finished: the decoder's with-block has run


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"not audio at all" * 10, "not an audio file")],
)
def test_stream_raises_what_decode_raises(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.wav"
    path.write_bytes(content)
    with pytest.raises(MockintError, match=message):
        list(stream(path))
