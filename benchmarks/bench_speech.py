"""Speech benchmarks, side by side with plain faster-whisper: whole-process wall time and
peak RSS of `mockint score` on a 2-minute answer, model load, live after-stop latency for an
answer that ends on its last word, live vs file WER.

``run()`` returns rows of (metric, value, goal) for ``python -m benchmarks``. The answer is
the neural-voice one of ``make eval``'s sets when built, else one synthesised with espeak-ng
into ``.cache/bench/`` (not committed). ``python benchmarks/bench_speech.py prompts``
compares filler prompts on espeak-ng clips.

Environment: ``MOCKINT_BENCH_QUICK=1`` runs everything once and live at 4× real time (a
quick look during development; the real figure is real-time pace, median of 3).
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


def answer_2min() -> tuple[Path, str]:
    """The 2-minute answer read by the neural voice (from ``make eval``'s sets) when it is
    built, else the espeak-ng one; and its script."""
    from benchmarks.eval_sets import CACHE as EVAL_CACHE

    for labels in sorted(EVAL_CACHE.glob("sets/*/labels.json")):
        import json

        for clip in json.loads(labels.read_text()):
            if clip["id"] == "neural-answer-2min" and Path(clip["path"]).is_file():
                return Path(clip["path"]), clip["reference"]
    return make_answer(120)


def ending_on_last_word(path: Path) -> Path:
    """``path`` cut right after its last sound: a user who stops the moment they finish."""
    from mockint.audio.decode import decode

    out = CACHE / f"{path.stem}_abrupt.wav"
    if not out.is_file():
        import soundfile as sf

        audio = decode(path)
        voiced = np.flatnonzero(np.abs(audio) > 1e-3)
        CACHE.mkdir(parents=True, exist_ok=True)
        sf.write(str(out), audio[: voiced[-1] + 1], 16000, subtype="PCM_16")
    return out


def whole_process(command: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall seconds and peak RSS (MB) of ``command`` as a whole process, ``runs`` times."""
    walls, peaks = [], []
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _pid, _status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - started)
        peaks.append(usage.ru_maxrss / 1024)
    return walls, peaks


def run() -> list[tuple[str, str, str]]:
    """The benchmark table rows (metric, value, goal)."""
    if not shutil.which("espeak-ng") or not shutil.which("sox"):
        return [("speech benchmarks", "skipped: needs espeak-ng and sox", "")]
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    quick = os.environ.get("MOCKINT_BENCH_QUICK") == "1"
    from benchmarks.evaluate import verbatim
    from mockint.config import Config
    from mockint.pipeline import score_file
    from mockint.speech.transcriber import Transcriber

    def vwer(reference: str, hypothesis: str) -> float:
        import jiwer

        return float(jiwer.wer(" ".join(verbatim(reference)), " ".join(verbatim(hypothesis))))

    rows: list[tuple[str, str, str]] = []
    path, script = answer_2min()
    runs = 1 if quick else 3
    # Whole processes, interleaved so a drift in the machine's speed hits both alike.
    mockint_cmd = [sys.executable, "-m", "mockint", "score", str(path), "--json"]
    plain_cmd = [sys.executable, "-m", "benchmarks.plain", str(path)]
    m_wall, m_rss, p_wall, p_rss = [], [], [], []
    for _ in range(runs):
        w, r = whole_process(mockint_cmd, 1)
        m_wall += w
        m_rss += r
        w, r = whole_process(plain_cmd, 1)
        p_wall += w
        p_rss += r
    ratio = statistics.median(m / p for m, p in zip(m_wall, p_wall, strict=True))
    label = f"{path.stem}: whole process, mockint score vs plain faster-whisper"
    rows.append(
        (
            f"{label} (median of {runs})",
            f"{statistics.median(m_wall):.2f} s vs {statistics.median(p_wall):.2f} s "
            f"({ratio:.2f}×)",
            "≤ 1.0× (stretch 0.7×)",
        )
    )
    rows.append(
        (
            "  … peak RSS, mockint vs plain",
            f"{max(m_rss):.0f} MB vs {max(p_rss):.0f} MB",
            "≤ 350 MB",
        )
    )

    config = Config()
    transcriber = Transcriber(config.speech)
    transcriber.load()
    rows.append(("model load (tiny.en, int8)", f"{transcriber.load_s:.2f} s", ""))
    transcriber.warm_up()
    result = score_file(path, config=config, transcriber=transcriber)
    from benchmarks.plain import transcribe as plain_transcribe

    started = time.perf_counter()
    plain_text = plain_transcribe(path)
    plain_s = time.perf_counter() - started
    file_wer = vwer(script, result.transcript.text)
    found, total = filler_recall(script, result.transcript.text)
    rows.append(
        (
            f"{path.stem}: transcribe in process, mockint vs plain",
            f"{result.timing['transcribe_s']:.2f} s vs {plain_s:.2f} s; verbatim WER "
            f"{file_wer:.3f} vs {vwer(script, plain_text):.3f}; fillers {found}/{total} vs "
            f"{filler_recall(script, plain_text)[0]}/{total}",
            "",
        )
    )

    pace = 4.0 if quick else 1.0
    abrupt = ending_on_last_word(path)
    after, live_wers = [], []
    for _ in range(runs):
        live = score_file(abrupt, config=config, transcriber=transcriber, live=True, pace=pace)
        after.append(live.timing["after_stop_s"])
        live_wers.append(vwer(script, live.transcript.text))
    rows.append(
        (
            f"live after_stop_s, ending on its last word (median of {runs}, pace {pace:g}×)",
            _spread(after),
            "≤ 0.7 s",
        )
    )
    paused = [
        score_file(path, config=config, transcriber=transcriber, live=True, pace=pace).timing[
            "after_stop_s"
        ]
        for _ in range(1 if quick else 2)
    ]
    rows.append(("  … with a pause before stop (the tail guessed ahead)", _spread(paused), ""))
    live_wer = statistics.median(live_wers)
    rows.append(
        (
            "live vs whole-file verbatim WER, same answer",
            f"{live_wer:.3f} vs {file_wer:.3f} ({live_wer / file_wer if file_wer else 1.0:.2f}×)",
            "≤ 1.05×",
        )
    )
    rows.append(("peak RSS of this process (all of the above)", f"{peak_rss_mb():.0f} MB", ""))
    return rows


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    started = time.perf_counter()
    rows = measure_prompts() if sys.argv[1:] == ["prompts"] else run()
    for metric, value, goal in rows:
        print(f"{metric:60s} {value:40s} {goal}")
    print(f"({time.perf_counter() - started:.0f} s)")
