"""Speech benchmarks: model load, whole-file speed, live after-stop latency, WER, memory.

``run()`` returns rows of (metric, value, goal) for ``python -m benchmarks``. The answers are
synthesised with espeak-ng into ``.cache/bench/`` (not committed): interview sentences with
fillers and pauses of varied length, plus runs without any pause, to exercise forced cuts.

Environment: ``MOCKINT_BENCH_QUICK=1`` streams live runs at 4× real time and once (a quick
look during development; the real figure is real-time pace, median of 3).
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "bench"
FILLERS = {"um", "umm", "uh", "uhh", "er", "erm", "hmm", "ah", "mm", "uhm"}

SENTENCES = (
    "Um, so at my last job I was the lead engineer on the payments team.",
    "We had a billing system that failed almost every week.",
    "Uh, customers were charged twice, and support was flooded with tickets.",
    "My manager asked me to find the root cause and fix it for good.",
    "Hmm, the first thing I did was read six months of incident reports.",
    "I found that most failures came from one batch job that ran at midnight.",
    "So I wrote a plan to replace it with a queue and small workers.",
    "Um, I split the work into three phases so we could ship each one safely.",
    "In the first phase we added tests with real data from production.",
    "Uh, the second phase moved one customer group at a time to the new system.",
    "I talked to the support team every Friday to hear what customers said.",
    "Umm, there was one week where the new workers fell behind.",
    "I added a dashboard and an alert, and we doubled the number of workers.",
    "The third phase turned off the old batch job completely.",
    "In the end, we cut billing errors by ninety percent.",
    "Support tickets about double charges dropped from forty a week to two.",
    "Hmm, I also learned to share bad news early with my manager.",
    "If I did it again, I would write the rollback plan before the first phase.",
    "Uh, the team still uses the same dashboard today.",
    "That project is the reason I want to work on reliable systems here.",
)
PAUSES_MS = (600, 300, 900, 450, 1200, 350, 700, 250, 1000, 500)
NO_PAUSE_EVERY = 7  # every 7th sentence runs straight into the next: forced cuts


ANSWER_SENTENCES = 28
"""Sentences of the 2-minute answer read by the neural voice (benchmarks/eval_sets.py)."""


def answer_markup(sentences: int = ANSWER_SENTENCES) -> str:
    """The answer script with its pauses as ``[pN]`` markup (as in corpus_scripts.yaml)."""
    out = []
    for i in range(sentences):
        out.append(SENTENCES[i % len(SENTENCES)])
        pause_ms = 0 if i % NO_PAUSE_EVERY == NO_PAUSE_EVERY - 1 else PAUSES_MS[i % len(PAUSES_MS)]
        if pause_ms and i < sentences - 1:
            out.append(f"[p{pause_ms / 1000:g}]")
    return " ".join(out)


def make_answer(seconds: int) -> tuple[Path, str]:
    """A synthetic spoken answer of about ``seconds`` (16 kHz mono WAV) and its script."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"answer_{seconds}s.wav"
    script_path = path.with_suffix(".txt")
    if path.is_file() and script_path.is_file():
        return path, script_path.read_text()
    parts: list[np.ndarray] = []
    script: list[str] = []
    total = 0.0
    i = 0
    while total < seconds:
        text = SENTENCES[i % len(SENTENCES)]
        speech = _say(text)
        pause_ms = 0 if i % NO_PAUSE_EVERY == NO_PAUSE_EVERY - 1 else PAUSES_MS[i % len(PAUSES_MS)]
        parts += [speech, np.zeros(int(16 * pause_ms), dtype=np.float32)]
        script.append(text)
        total += (len(speech) + 16 * pause_ms) / 16000
        i += 1
    import soundfile as sf

    sf.write(str(path), np.concatenate(parts), 16000, subtype="PCM_16")
    script_path.write_text(" ".join(script))
    return path, " ".join(script)


def _say(text: str) -> np.ndarray:
    from mockint.audio.decode import decode

    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(raw), text], check=True)
        out = Path(tmp) / "out.wav"
        subprocess.run(
            [
                "sox",
                "-D",
                str(raw),
                "-r",
                "16000",
                "-c",
                "1",
                "-b",
                "16",
                str(out),
                "gain",
                "-n",
                "-3",
            ],
            check=True,
        )
        audio = decode(out)
    # espeak leaves little silence around a sentence: trim it so pauses are what we set.
    voiced = np.flatnonzero(np.abs(audio) > 1e-3)
    return audio[voiced[0] : voiced[-1] + 1] if voiced.size else audio


def words_of(text: str, *, fillers: bool = True) -> list[str]:
    """Lower-case words without punctuation; numbers spelled as digits count as words."""
    words = re.sub(r"[^a-z0-9' ]+", " ", text.lower()).split()
    return [w for w in words if fillers or w not in FILLERS]


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate over words other than fillers (filler recall is measured apart)."""
    import jiwer

    ref = " ".join(words_of(reference, fillers=False))
    hyp = " ".join(words_of(_numbers_as_words(hypothesis), fillers=False))
    return float(jiwer.wer(ref, hyp))


def _numbers_as_words(text: str) -> str:
    # The scripts spell numbers; Whisper writes digits.
    table = {"90%": "ninety percent", "90": "ninety", "40": "forty", "2": "two", "6": "six"}
    return re.sub(r"\d+%?", lambda m: table.get(m.group(0), m.group(0)), text)


def filler_recall(reference: str, hypothesis: str) -> tuple[int, int]:
    """(fillers found, fillers in the script), capped per script."""
    ref = sum(w in FILLERS for w in words_of(reference))
    hyp = sum(w in FILLERS for w in words_of(hypothesis))
    return min(ref, hyp), ref


FILLER_CLIPS = (
    "Um, I think the main reason I applied is the team. Uh, I really like how you ship "
    "small changes every day.",
    "So, uh, the project was late by two months. Um, I talked to each engineer and we cut "
    "the scope in half.",
    "Hmm, that is a good question. I would say my biggest weakness is, um, saying no to people.",
    "Umm, we had a customer who was very angry about an outage. I called him, uh, the same "
    "day and explained what happened.",
    "Well, uh, I started by reading the logs. Then, um, I found that the cache was full, and "
    "I fixed the eviction policy.",
    "Uh, in five years I want to lead a small team. Um, and I want to keep writing code, "
    "hmm, at least some of the time.",
    "Erm, my manager asked me to review the budget. I found, uh, three contracts we did not "
    "need anymore.",
    "Ah, the hardest bug I fixed was a race condition. Um, two threads wrote to the same "
    "file, uh, at the same time.",
)
PROMPTS = {
    "none": "",
    "fillers (default)": "Um, uh, so, like, I mean, you know, er, hmm.",
    "openai": "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking.",
    "um-uh": "Um, uh, hmm, I mean, so, um, uh.",
    "sentence": "Um, so, uh, I think, hmm, we did it.",
}


def measure_prompts() -> list[tuple[str, str, str]]:
    """Filler recall and WER of each candidate prompt on filler-laden clips (and star)."""
    from mockint.audio.decode import decode
    from mockint.speech.config import SpeechConfig
    from mockint.speech.transcriber import Transcriber

    clips = [(_say(text), text) for text in FILLER_CLIPS]
    star = ROOT / "tests" / "fixtures" / "speech" / "star.flac"
    star_text = re.sub(
        r"<[^>]+>",
        " ",
        (star.parent / "make.sh").read_text().split("say star.flac '")[1].split("'")[0],
    )
    clips.append((decode(star), star_text))
    rows = []
    for name, prompt in PROMPTS.items():
        t = Transcriber(SpeechConfig(filler_prompt=prompt))
        refs, hyps, found, total = [], [], 0, 0
        for audio, text in clips:
            hyp = " ".join(w.text for w in t.transcribe_long(audio))
            f, n = filler_recall(text, hyp)
            found, total = found + f, total + n
            refs.append(text)
            hyps.append(hyp)
        rate = statistics.mean(wer(r, h) for r, h in zip(refs, hyps, strict=True))
        rows.append((f"prompt {name}", f"fillers {found}/{total}, mean WER {rate:.3f}", ""))
    return rows


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s ({', '.join(f'{v:.2f}' for v in values)})"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run() -> list[tuple[str, str, str]]:
    """The benchmark table rows (metric, value, goal)."""
    if not shutil.which("espeak-ng") or not shutil.which("sox"):
        return [("speech benchmarks", "skipped: needs espeak-ng and sox", "")]
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    quick = os.environ.get("MOCKINT_BENCH_QUICK") == "1"
    from mockint.config import Config
    from mockint.pipeline import score_file
    from mockint.speech.transcriber import Transcriber

    rows: list[tuple[str, str, str]] = []
    config = Config()
    transcriber = Transcriber(config.speech)
    transcriber.load()
    rows.append(("model load (tiny.en, int8)", f"{transcriber.load_s:.2f} s", ""))
    transcriber.warm_up()

    whole: dict[int, tuple[float, str]] = {}
    for seconds in (60, 120):
        path, script = make_answer(seconds)
        result = score_file(path, config=config, transcriber=transcriber)
        rtf = result.timing["transcribe_s"] / result.duration_s
        whole[seconds] = (wer(script, result.transcript.text), result.transcript.text)
        found, total = filler_recall(script, result.transcript.text)
        rows.append(
            (
                f"whole-file {seconds} s answer",
                f"{result.timing['transcribe_s']:.2f} s (RTF {rtf:.3f}), "
                f"WER {whole[seconds][0]:.3f}, fillers {found}/{total}",
                "",
            )
        )

    path, script = make_answer(120)
    pace, repeats = (4.0, 1) if quick else (1.0, 3)
    after: list[float] = []
    live_wers: list[float] = []
    for _ in range(repeats):
        result = score_file(path, config=config, transcriber=transcriber, live=True, pace=pace)
        after.append(result.timing["after_stop_s"])
        live_wers.append(wer(script, result.transcript.text))
    # The same answer, stopped the moment the last word ends (no pause before stop): the
    # worst case, where the whole last chunk is left to transcribe after stop.
    from mockint.audio.decode import decode

    audio = decode(path)
    voiced = np.flatnonzero(np.abs(audio) > 1e-3)
    abrupt = CACHE / "answer_120s_abrupt.wav"
    if not abrupt.is_file():
        import soundfile as sf

        sf.write(str(abrupt), audio[: voiced[-1] + 1], 16000, subtype="PCM_16")
    worst = [
        score_file(abrupt, config=config, transcriber=transcriber, live=True, pace=pace).timing[
            "after_stop_s"
        ]
        for _ in range(repeats)
    ]
    label = f"live after_stop_s, 120 s answer (median of {repeats}, pace {pace:g}×)"
    rows.append((label, _spread(after), "≤ 0.7 s"))
    rows.append(("  … stopped right at the last word (no pause before stop)", _spread(worst), ""))
    live_wer = statistics.median(live_wers)
    ratio = live_wer / whole[120][0] if whole[120][0] else float("inf") if live_wer else 1.0
    rows.append(
        (
            "live vs whole-file WER, 120 s",
            f"{live_wer:.3f} vs {whole[120][0]:.3f} ({ratio:.2f}×)",
            "≤ 1.15×",
        )
    )
    rows.append(("peak RSS", f"{peak_rss_mb():.0f} MB", "≤ 350 MB"))
    return rows


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    started = time.perf_counter()
    rows = measure_prompts() if sys.argv[1:] == ["prompts"] else run()
    for metric, value, goal in rows:
        print(f"{metric:60s} {value:40s} {goal}")
    print(f"({time.perf_counter() - started:.0f} s)")
