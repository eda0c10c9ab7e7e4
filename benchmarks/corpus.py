"""Builds the evaluation corpus: labeled spoken answers made with espeak-ng and sox.

`python -m benchmarks.corpus` (or any evaluation run) writes the clips and `labels.json`
into `.cache/corpus/<hash>/`, where the hash covers the scripts and this builder, so a
change rebuilds and an unchanged corpus is reused. Nothing here is committed but the
scripts (benchmarks/corpus_scripts.yaml) and this file.

Each answer script is spoken in several variants: voices and accents, speeds from 90 to
240 words per minute, background noise at a few levels, sample rates from 8 to 48 kHz,
mono and stereo, and WAV/FLAC/OGG/MP3. No-speech clips (silence, noise, a melody) check
that nothing is invented.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf
import yaml

HERE = Path(__file__).parent
SCRIPTS = HERE / "corpus_scripts.yaml"
CACHE = HERE.parent / ".cache" / "corpus"

LEAD_S = 0.5
"""Quiet before and after the speech, as a real recording has."""

VOCAL = {"um", "uh", "er", "ah", "erm", "hmm", "umm", "uhh", "mm"}

_PAUSE = re.compile(r"\[p(\d+(?:\.\d+)?)\]")
_FILLER = re.compile(r"\{([^}]+)\}")


@dataclass(frozen=True)
class Variant:
    voice: str
    wpm: int
    noise_db: float | None
    rate: int
    channels: int
    fmt: str


# Variant v of script s takes VOICES[(s + v) % 6] and so on: every script is heard in four
# different voices, speeds, noise levels and formats, and every value occurs across scripts.
VOICES = ["en-us", "en-gb", "en-gb-scotland", "en-us+f3", "en-gb-x-rp", "en-029"]
SPEEDS = [160, 135, 200, 240, 90, 175]
NOISES: list[float | None] = [None, -45.0, -35.0, -28.0]
FORMATS = [
    ("flac", 16000, 1),
    ("wav", 44100, 2),
    ("ogg", 8000, 1),
    ("mp3", 48000, 1),
    ("wav", 22050, 1),
]
VARIANTS_PER_SCRIPT = 4


@dataclass
class Clip:
    """One audio file of the corpus and what is known to be in it."""

    id: str
    path: str
    script_id: str | None
    kind: str
    variant: dict[str, Any] | None
    reference: str
    """What was said, fillers included, markup removed."""
    fillers: list[str] = field(default_factory=list)
    """Filler words said, in order (lower case)."""
    pauses: list[tuple[float, float]] = field(default_factory=list)
    """Inserted pauses (start, end) in seconds."""
    star: dict[str, bool] | None = None
    flags: list[str] = field(default_factory=list)
    speech: bool = True
    duration_s: float = 0.0


def _digest() -> str:
    h = hashlib.sha256(SCRIPTS.read_bytes() + Path(__file__).read_bytes())
    return h.hexdigest()[:12]


def corpus_dir() -> Path:
    return CACHE / _digest()


def load_corpus(*, rebuild: bool = False, quiet: bool = False) -> list[Clip]:
    """The corpus clips, building them first when missing (or when ``rebuild``)."""
    out = corpus_dir()
    labels = out / "labels.json"
    if labels.is_file() and not rebuild:
        return [Clip(**c) for c in json.loads(labels.read_text())]
    for tool in ("espeak-ng", "sox"):
        if not shutil.which(tool):
            raise SystemExit(f"the corpus needs {tool}: sudo apt-get install {tool}")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    clips = _build(out, quiet=quiet)
    labels.write_text(json.dumps([asdict(c) for c in clips], indent=1))
    return clips


def _build(out: Path, *, quiet: bool) -> list[Clip]:
    scripts = yaml.safe_load(SCRIPTS.read_text())["scripts"]
    clips: list[Clip] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for s, script in enumerate(scripts):
            for v in range(VARIANTS_PER_SCRIPT):
                variant = Variant(
                    voice=VOICES[(s + v) % len(VOICES)],
                    wpm=SPEEDS[(2 * s + v) % len(SPEEDS)],
                    noise_db=NOISES[(s + 3 * v) % len(NOISES)],
                    rate=FORMATS[(s + v) % len(FORMATS)][1],
                    channels=FORMATS[(s + v) % len(FORMATS)][2],
                    fmt=FORMATS[(s + v) % len(FORMATS)][0],
                )
                clip = _speak(script, variant, out, tmp, f"{script['id']}-v{v}")
                clips.append(clip)
                if not quiet:
                    print(f"  {clip.id}: {clip.duration_s:.1f} s", file=sys.stderr)
        clips.extend(_no_speech_clips(out))
    return clips


def _segments(text: str) -> tuple[list[str], list[float]]:
    parts = _PAUSE.split(" ".join(text.split()))
    return [p.strip() for p in parts[0::2]], [float(p) for p in parts[1::2]]


def _plain(markup: str) -> str:
    return _FILLER.sub(lambda m: m.group(1), markup)


def _speak(script: dict[str, Any], variant: Variant, out: Path, tmp: Path, clip_id: str) -> Clip:
    texts, pauses = _segments(script["text"])
    sr = 22050  # espeak-ng's native rate
    pieces: list[np.ndarray] = [np.zeros(int(LEAD_S * sr), dtype=np.float32)]
    pause_spans: list[tuple[float, float]] = []
    t = LEAD_S
    for i, text in enumerate(texts):
        wav = tmp / "seg.wav"
        subprocess.run(
            [
                "espeak-ng",
                "-v",
                variant.voice,
                "-s",
                str(variant.wpm),
                "-w",
                str(wav),
                _plain(text),
            ],
            check=True,
        )
        audio, sr = sf.read(wav, dtype="float32")
        pieces.append(audio)
        t += len(audio) / sr
        if i < len(pauses):
            pause_spans.append((round(t, 3), round(t + pauses[i], 3)))
            pieces.append(np.zeros(int(pauses[i] * sr), dtype=np.float32))
            t += pauses[i]
    pieces.append(np.zeros(int(LEAD_S * sr), dtype=np.float32))
    audio = np.concatenate(pieces)
    if variant.noise_db is not None:
        rng = np.random.default_rng(len(clip_id))
        audio = audio + rng.standard_normal(len(audio)).astype(np.float32) * (
            10 ** (variant.noise_db / 20)
        )
    path = out / f"{clip_id}.{variant.fmt}"
    _write(audio, sr, path, variant.rate, variant.channels)
    plain = _plain(" ".join(texts))
    return Clip(
        id=clip_id,
        path=str(path),
        script_id=script["id"],
        kind=script["kind"],
        variant=asdict(variant),
        reference=plain,
        fillers=[m.group(1).lower() for m in _FILLER.finditer(script["text"])],
        pauses=pause_spans,
        star=script.get("star"),
        flags=list(script.get("flags", [])) + _speed_flags(variant.wpm),
        duration_s=round(len(audio) / sr, 3),
    )


def _speed_flags(wpm: int) -> list[str]:
    # espeak-ng's -s is close to the words-per-minute a listener hears; only the extremes
    # are labeled, so borderline speeds never count against the scorer.
    if wpm >= 230:
        return ["too_fast"]
    if wpm <= 90:
        return ["too_slow"]
    return []


def _write(audio: np.ndarray, sr: int, path: Path, rate: int, channels: int) -> None:
    """Resample with sox (its rate converter is the reference) and write ``path``."""
    src = path.with_suffix(".src.wav")
    sf.write(src, np.clip(audio, -1, 1), sr, subtype="PCM_16")
    if path.suffix == ".mp3":
        mid = path.with_suffix(".mid.wav")
        subprocess.run(
            ["sox", str(src), "-r", str(rate), "-c", str(channels), str(mid)], check=True
        )
        _encode_mp3(mid, path)
        mid.unlink()
    else:
        subprocess.run(
            ["sox", str(src), "-r", str(rate), "-c", str(channels), str(path)], check=True
        )
    src.unlink()


def _encode_mp3(wav: Path, mp3: Path) -> None:
    import av  # sox on Debian has no MP3 writer; PyAV's bundled LAME does

    data, sr = sf.read(wav, dtype="int16", always_2d=True)
    with av.open(str(mp3), "w") as container:
        stream = container.add_stream("libmp3lame", rate=sr)
        layout = "mono" if data.shape[1] == 1 else "stereo"
        frame = av.AudioFrame.from_ndarray(
            np.ascontiguousarray(data.T.reshape(1, -1)), format="s16", layout=layout
        )
        frame.sample_rate = sr
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)


def _no_speech_clips(out: Path) -> list[Clip]:
    rng = np.random.default_rng(7)
    sr = 16000
    n = 8 * sr
    t = np.arange(n) / sr
    melody = np.zeros(n, dtype=np.float32)
    notes = [220.0, 277.2, 329.6, 440.0, 329.6, 277.2, 246.9, 293.7]
    for i, f in enumerate(notes * 2):
        start = int(i * 0.5 * sr)
        seg = t[: int(0.5 * sr)]
        tone = sum(np.sin(2 * np.pi * f * k * seg) / k for k in (1, 2, 3)) * np.exp(-3 * seg)
        melody[start : start + len(seg)] += (0.2 * tone).astype(np.float32)[: n - start]
    sources = {
        "silence": (np.zeros(n, dtype=np.float32), "flac", 16000, 1),
        "white-noise": (rng.standard_normal(n).astype(np.float32) * 0.03, "wav", 44100, 2),
        "loud-noise": (rng.standard_normal(n).astype(np.float32) * 0.1, "ogg", 16000, 1),
        "melody": (melody, "flac", 48000, 1),
    }
    clips = []
    for name, (audio, fmt, rate, channels) in sources.items():
        path = out / f"nospeech-{name}.{fmt}"
        _write(audio, sr, path, rate, channels)
        clips.append(
            Clip(
                id=f"nospeech-{name}",
                path=str(path),
                script_id=None,
                kind="personal",
                variant=None,
                reference="",
                speech=False,
                flags=["no_speech"],
                duration_s=len(audio) / sr,
            )
        )
    return clips


if __name__ == "__main__":
    built = load_corpus(rebuild="--rebuild" in sys.argv)
    print(f"{len(built)} clips in {corpus_dir()}")
