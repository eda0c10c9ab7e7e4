"""Accuracy of speech (`make eval`, or `python -m benchmarks.evaluate`).

By default: every evaluation set (real voices clean and at 10/5/0 dB SNR, LibriVox readers,
a neural voice with fillers, espeak-ng, clips without speech; see benchmarks/eval_sets.py
and benchmarks/corpus.py) through mockint's file path, its live path and plain
faster-whisper, side by side: verbatim WER, vocal filler P/R/F1, invented words, time.
Options: `--set NAME` (repeatable), `--no-live`, `--no-plain`, `--all-espeak` (all 48
espeak-ng clips, not the fixed 12 of :data:`ESPEAK_SUBSET`), `--live-pace N`, `-v` (one
line per clip and system), `--speech FIELD=VALUE` (any speech setting, for tuning),
`--before FIELD=VALUE` (a second file-path column, those settings changed from `--speech`'s:
before and after a change in one run).

`--scoring`: the espeak-ng corpus through `mockint score`, whole-file and live: STAR
per-part precision/recall/F1, flag accuracy, pace error, long pauses, verbal fillers
(options `--live-pace N`, default 8, `--no-live`, `--verbose`, `--only ID`).
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from benchmarks.corpus import LEAD_S, VOCAL, Clip, load_corpus

CHECKED_FLAGS = (
    "no_speech",
    "too_short",
    "too_fast",
    "too_slow",
    "filler_heavy",
    "long_pauses",
    "missing_situation",
    "missing_task",
    "missing_action",
    "missing_result",
)
STAR_PARTS = ("situation", "task", "action", "result")
LONG_PAUSE_S = 2.0

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_NUMBERS = {w: str(i) for i, w in enumerate(_UNITS.split())} | {
    w: str(10 * (i + 2)) for i, w in enumerate(_TENS.split())
}
_SPELLINGS = {"umm": "um", "uhh": "uh", "mm": "hmm", "hm": "hmm", "ahh": "ah"}


def normalise(text: str) -> list[str]:
    """Words for WER: lower case, no punctuation, numbers as digits, no vocal fillers
    (filler detection is measured on its own)."""
    text = text.lower().replace("%", " percent").replace("-", " ")
    words = re.sub(r"[^a-z0-9' ]+", " ", text).split()
    words = [_NUMBERS.get(w, w) for w in words]
    return [w for w in words if _SPELLINGS.get(w, w) not in VOCAL]


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, expected: int, found: int) -> None:
        hit = min(expected, found)
        self.tp += hit
        self.fp += found - hit
        self.fn += expected - hit

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def fmt(self) -> str:
        p, r, f = self.prf()
        return f"P {p:.2f} / R {r:.2f} / F1 {f:.2f} (tp {self.tp}, fp {self.fp}, fn {self.fn})"


@dataclass
class Results:
    wer_refs: list[str] = field(default_factory=list)
    wer_whole: list[str] = field(default_factory=list)
    wer_live: list[str] = field(default_factory=list)
    wer_groups: dict[str, list[int]] = field(default_factory=dict)
    """Indexes into the WER lists by voice and by sample rate, to show where errors come from."""
    vocal: Tally = field(default_factory=Tally)
    verbal: Tally = field(default_factory=Tally)
    pauses: Tally = field(default_factory=Tally)
    pace_errors: list[float] = field(default_factory=list)
    star: dict[str, Tally] = field(default_factory=lambda: {p: Tally() for p in STAR_PARTS})
    flags: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in CHECKED_FLAGS})
    flag_checks: int = 0
    flag_right: int = 0
    nospeech_words: int = 0
    nospeech_clips: int = 0
    transcribe_s: float = 0.0
    audio_s: float = 0.0
    after_stop: list[float] = field(default_factory=list)


PACE_MARGIN = 0.1
"""Pace flags are only checked where the reference pace is clearly on one side of a
threshold (outside ±10 %): within the margin, a label would be a coin toss."""


def reference_wpm(clip: Clip) -> float:
    """Words said per minute of speaking: the inserted pauses and the quiet before and after
    are left out, as the scorer leaves out gaps of 1 s or more."""
    speech_s = clip.duration_s - 2 * LEAD_S - sum(e - s for s, e in clip.pauses)
    return len(clip.reference.split()) / speech_s * 60


def unsure_flags(clip: Clip, slow: float = 100.0, fast: float = 180.0) -> set[str]:
    wpm = reference_wpm(clip) if clip.speech else 0.0
    unsure = set()
    if clip.speech and abs(wpm - slow) <= slow * PACE_MARGIN:
        unsure.add("too_slow")
    if clip.speech and abs(wpm - fast) <= fast * PACE_MARGIN:
        unsure.add("too_fast")
    return unsure


def expected_flags(clip: Clip) -> set[str]:
    # The corpus's own speed labels come from espeak-ng's -s setting, which is not the pace a
    # listener measures; the reference pace of the clip decides instead.
    flags = set(clip.flags) - {"too_fast", "too_slow"}
    if clip.speech:
        wpm = reference_wpm(clip)
        flags |= {"too_fast"} if wpm > 180 else set()
        flags |= {"too_slow"} if wpm < 100 else set()
    if clip.star is not None:
        flags |= {f"missing_{p}" for p in STAR_PARTS if not clip.star.get(p, False)}
    if any(end - start >= LONG_PAUSE_S for start, end in clip.pauses):
        flags.add("long_pauses")
    return flags


def _question(clip: Clip) -> Any:
    from mockint.models import Kind, Question

    # Short scripts keep the corpus quick; the length target is set so that only the
    # deliberately short answer is too short.
    target = (30, 120) if clip.script_id == "short-answer" else (15, 120)
    return Question(
        id=f"eval-{clip.script_id or clip.id}",
        text="(evaluation clip)",
        kind=Kind(clip.kind),
        bank="eval",
        target_seconds=target,
    )


def _filler_counts(result: dict[str, Any]) -> Counter[str]:
    counts = result.get("metrics", {}).get("fillers", {}).get("counts", {}) or {}
    return Counter({_SPELLINGS.get(k.lower(), k.lower()): int(v) for k, v in counts.items()})


def evaluate_clip(
    clip: Clip, whole: dict[str, Any], live: dict[str, Any] | None, res: Results
) -> str:
    metrics = whole.get("metrics", {})
    if not clip.speech:
        res.nospeech_clips += 1
        res.nospeech_words += len(whole.get("words", []))
        if live is not None:
            res.nospeech_words += len(live.get("words", []))
    else:
        if clip.variant:
            for key in (f"voice {clip.variant['voice']}", f"{clip.variant['rate']} Hz"):
                res.wer_groups.setdefault(key, []).append(len(res.wer_refs))
        res.wer_refs.append(" ".join(normalise(clip.reference)))
        res.wer_whole.append(" ".join(normalise(whole.get("transcript", ""))))
        if live is not None:
            res.wer_live.append(" ".join(normalise(live.get("transcript", ""))))
        expected = Counter(_SPELLINGS.get(f, f) for f in clip.fillers)
        found = _filler_counts(whole)
        # Vocal fillers are one class: espeak's "um" may well be heard as "uh" or "er".
        res.vocal.add(
            sum(n for f, n in expected.items() if f in VOCAL),
            sum(n for f, n in found.items() if f in VOCAL),
        )
        for word in set(expected) | set(found):
            if word not in VOCAL:
                res.verbal.add(expected.get(word, 0), found.get(word, 0))
        _score_pauses(clip, metrics.get("long_pauses", []) or [], res)
        ref_wpm = reference_wpm(clip)
        if metrics.get("wpm"):
            res.pace_errors.append(abs(float(metrics["wpm"]) - ref_wpm) / ref_wpm)
        if clip.star is not None and "star" in metrics:
            for part in STAR_PARTS:
                got = bool(metrics["star"].get(part))
                res.star[part].add(int(bool(clip.star.get(part))), int(got))
    want = expected_flags(clip)
    got_flags = set(whole.get("flags", []))
    unsure = unsure_flags(clip)
    for flag in CHECKED_FLAGS:
        if (flag.startswith("missing_") and clip.star is None) or flag in unsure:
            continue
        res.flags[flag].add(int(flag in want), int(flag in got_flags))
        res.flag_checks += 1
        res.flag_right += int((flag in want) == (flag in got_flags))
    res.transcribe_s += float(whole.get("timing", {}).get("transcribe_s", 0.0))
    res.audio_s += clip.duration_s
    if live is not None and "after_stop_s" in live.get("timing", {}):
        res.after_stop.append(float(live["timing"]["after_stop_s"]))
    wrong = sorted((want ^ got_flags) & (set(CHECKED_FLAGS) - unsure))
    return (
        f"{clip.id:28} words {len(whole.get('words', [])):4d}"
        f"  fillers {dict(_filler_counts(whole))}  flags {sorted(got_flags)}"
        + (f"  WRONG {wrong}" if wrong else "")
    )


def _score_pauses(clip: Clip, detected: list[dict[str, float]], res: Results) -> None:
    expected = [(s, e) for s, e in clip.pauses if e - s >= LONG_PAUSE_S]
    matched = {
        i
        for i, (s, e) in enumerate(expected)
        if any(d["start"] < e and d["end"] > s for d in detected)
    }
    true_detections = sum(
        1 for d in detected if any(d["start"] < e and d["end"] > s for s, e in expected)
    )
    res.pauses.tp += len(matched)
    res.pauses.fn += len(expected) - len(matched)
    res.pauses.fp += len(detected) - true_detections


def report(res: Results) -> list[tuple[str, str, str]]:
    import jiwer

    rows: list[tuple[str, str, str]] = []
    whole_wer = jiwer.wer(res.wer_refs, res.wer_whole) if res.wer_refs else 0.0
    rows.append(("WER whole-file", f"{whole_wer:.3f}", ""))
    if res.wer_live:
        live_wer = jiwer.wer(res.wer_refs, res.wer_live)
        ratio = live_wer / whole_wer if whole_wer else float("inf")
        rows.append(("WER live", f"{live_wer:.3f} ({ratio:.2f}× whole-file)", "≤ 1.15×"))
    for group, indexes in sorted(res.wer_groups.items()):
        refs = [res.wer_refs[i] for i in indexes]
        hyps = [res.wer_whole[i] for i in indexes]
        rows.append(
            (f"WER whole-file, {group} ({len(indexes)} clips)", f"{jiwer.wer(refs, hyps):.3f}", "")
        )
    rows.append(("fillers, vocal", res.vocal.fmt(), "F1 ≥ 0.9"))
    rows.append(("fillers, verbal", res.verbal.fmt(), "F1 ≥ 0.9"))
    rows.append(("long pauses (≥ 2 s)", res.pauses.fmt(), ""))
    if res.pace_errors:
        mean = sum(res.pace_errors) / len(res.pace_errors)
        rows.append(("pace error (mean |Δ| of WPM)", f"{100 * mean:.1f} %", ""))
    for part in STAR_PARTS:
        rows.append((f"STAR {part}", res.star[part].fmt(), "F1 ≥ 0.9"))
    rows.append(
        (
            "words on no-speech clips",
            f"{res.nospeech_words} in {res.nospeech_clips} clips",
            "0",
        )
    )
    if res.flag_checks:
        rows.append(
            (
                "flag accuracy",
                f"{res.flag_right / res.flag_checks:.3f} ({res.flag_right}/{res.flag_checks})",
                "",
            )
        )
    for flag, tally in res.flags.items():
        if tally.tp + tally.fp + tally.fn:
            rows.append((f"flag {flag}", tally.fmt(), ""))
    if res.audio_s:
        rows.append(("whole-file RTF over corpus", f"{res.transcribe_s / res.audio_s:.3f}", ""))
    if res.after_stop:
        srt = sorted(res.after_stop)
        rows.append(("live after_stop_s (median, paced)", f"{srt[len(srt) // 2]:.2f} s", ""))
    return rows


def scoring_main(argv: list[str]) -> int:
    """The scoring evaluation: the espeak-ng corpus through `mockint score` (whole and live)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.evaluate --scoring")
    parser.add_argument("--live-pace", type=float, default=8.0)
    parser.add_argument("--no-live", action="store_true")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--only", action="append", default=[], metavar="ID")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from mockint.config import load_config
    from mockint.pipeline import score_file
    from mockint.speech.transcriber import Transcriber

    clips = load_corpus()
    if args.only:
        clips = [c for c in clips if any(c.id.startswith(o) for o in args.only)]
    config = load_config()
    transcriber = Transcriber(config.speech)
    res = Results()
    started = time.perf_counter()
    for clip in clips:
        question = _question(clip)
        whole = score_file(
            clip.path, question=question, config=config, transcriber=transcriber
        ).to_dict()
        live = None
        if not args.no_live:
            live = score_file(
                clip.path,
                question=question,
                config=config,
                live=True,
                pace=args.live_pace,
                transcriber=transcriber,
            ).to_dict()
        line = evaluate_clip(clip, whole, live, res)
        if args.verbose:
            print(line, file=sys.stderr)
    print(
        f"{len(clips)} clips, {res.audio_s:.0f} s of audio, evaluated in "
        f"{time.perf_counter() - started:.0f} s\n"
    )
    print("| metric | value | goal |\n|---|---|---|")
    for metric, value, goal in report(res):
        print(f"| {metric} | {value} | {goal} |")
    return 0


# ---------------------------------------------------------------------------------------
# Side by side: mockint and plain faster-whisper on every evaluation set.

_VERBATIM_SPELLINGS = _SPELLINGS | {
    "mmm": "hmm",
    "hmmm": "hmm",
    "erm": "er",
    "ahh": "ah",
    "mr": "mister",
    "mrs": "missus",
    "ok": "okay",
}
VOCAL_FILLERS = frozenset({"um", "uh", "er", "ah", "hmm"})
"""Vocal fillers after spelling is normalised ("Umm" is "um", "Erm" is "er")."""

PHANTOMS: tuple[tuple[str, ...], ...] = (
    ("thank", "you"),
    ("thanks",),
    ("bye",),
    ("goodbye",),
    ("subtitles",),
    ("subscribe",),
    ("watching",),
    ("amara",),
)
"""Phrases Whisper invents at the end of audio or on quiet; counted where the reference has
none of them (the reference's own occurrences are subtracted)."""


def verbatim(text: str) -> list[str]:
    """Words for verbatim WER: like :func:`normalise`, but fillers stay, spelled one way."""
    text = text.lower().replace("%", " percent").replace("-", " ")
    words = re.sub(r"[^a-z0-9' ]+", " ", text).split()
    return [_NUMBERS.get(w, _VERBATIM_SPELLINGS.get(w, w)) for w in words]


def _count(words: list[str], phrase: tuple[str, ...]) -> int:
    n = len(phrase)
    return sum(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1))


def invented(reference: list[str], hypothesis: list[str]) -> int:
    """Words the hypothesis invents that WER alone hides the kind of: stock phrases, and
    words said twice in a row (a seam transcribed twice). All words, on a clip without
    speech."""
    if not reference:
        return len(hypothesis)
    phantom = sum(max(0, _count(hypothesis, p) - _count(reference, p)) * len(p) for p in PHANTOMS)
    repeats = sum(a == b for a, b in itertools.pairwise(hypothesis))
    repeats -= sum(a == b for a, b in itertools.pairwise(reference))
    return phantom + max(0, repeats)


def vocal_fillers(words: list[str]) -> int:
    return sum(w in VOCAL_FILLERS for w in words)


@dataclass
class SetScore:
    """One system's figures on one set."""

    refs: list[str] = field(default_factory=list)
    hyps: list[str] = field(default_factory=list)
    fillers: Tally = field(default_factory=Tally)
    invented: int = 0
    seconds: float = 0.0
    audio_s: float = 0.0
    clips: int = 0

    def add(self, reference: str, hypothesis: str, seconds: float, audio_s: float) -> None:
        ref, hyp = verbatim(reference), verbatim(hypothesis)
        if ref:
            self.refs.append(" ".join(ref))
            self.hyps.append(" ".join(hyp))
        self.fillers.add(vocal_fillers(ref), vocal_fillers(hyp))
        self.invented += invented(ref, hyp)
        self.seconds += seconds
        self.audio_s += audio_s
        self.clips += 1

    def wer(self) -> float | None:
        import jiwer

        return float(jiwer.wer(self.refs, self.hyps)) if self.refs else None


SET_ORDER = (
    "real clean",
    "real 10 dB",
    "real 5 dB",
    "real 0 dB",
    "librivox",
    "neural",
    "espeak",
    "no speech",
)


ESPEAK_SUBSET = (
    "star-migration-v0",  # en-us, 160 wpm, 16 kHz FLAC
    "star-conflict-v1",  # en-gb-scotland, 240 wpm, 8 kHz OGG
    "star-no-result-v3",  # en-029, 135 wpm, 16 kHz FLAC
    "star-we-heavy-v0",  # en-us+f3, 160 wpm, 48 kHz MP3
    "filler-ramble-v0",  # en-gb-x-rp, 200 wpm, 22 kHz WAV
    "star-pauses-v2",  # en-gb, 160 wpm, 8 kHz OGG
    "like-both-ways-v0",  # en-us, 160 wpm, 44.1 kHz stereo WAV
    "about-me-v2",  # en-us+f3, 90 wpm, 22 kHz WAV
    "technical-shortener-v3",  # en-029, 135 wpm, 44.1 kHz stereo WAV
    "weakness-v1",  # en-gb-x-rp, 135 wpm, 16 kHz FLAC
    "short-answer-v3",  # en-gb, 175 wpm, 48 kHz MP3
    "star-sales-v3",  # en-gb-scotland, 135 wpm, 22 kHz WAV
)
"""The espeak-ng clips of the side-by-side table: 12 of the 48, each script once, every
voice twice, every sample rate and speaking rate, so the whole table runs in reasonable
time on 2 cores (``--all-espeak`` for all 48)."""


def _all_clips(sets: list[str], *, all_espeak: bool = False) -> list[Any]:
    from benchmarks.eval_sets import EvalClip, load_sets

    clips = list(load_sets())
    if "espeak" in sets or "no speech" in sets:
        for c in load_corpus(quiet=True):
            if c.speech and not all_espeak and c.id not in ESPEAK_SUBSET:
                continue
            group = "espeak" if c.speech else "no speech"
            clips.append(EvalClip(c.id, c.path, group, c.reference, c.speech))
    return [c for c in clips if c.set in sets]


def _plain_text(audio: Any) -> str:
    from benchmarks.plain import model

    segments, _info = model().transcribe(audio, language="en", word_timestamps=True)
    return " ".join(w.word.strip() for s in segments for w in (s.words or ()) if w.word.strip())


def _live_text(transcriber: Any, audio: Any, pace: float) -> str:
    from mockint.pipeline import feed_at_pace
    from mockint.speech.live import LiveTranscriber

    live = LiveTranscriber(transcriber)
    feed_at_pace(audio, live.feed, pace=pace)
    return live.finish().text


def _fmt(v: float | None) -> str:
    return "–" if v is None else f"{v:.3f}"


def _with_settings(cfg: Any, items: list[str]) -> Any:
    """``cfg`` with ``FIELD=VALUE`` items applied (any SpeechConfig field, typed as it is)."""
    import dataclasses

    for item in items:
        name, value = item.split("=", 1)
        kind = type(getattr(cfg, name))
        # bool("0") is True: a switch is off as 0, false or no.
        typed = value.lower() not in ("0", "false", "no") if kind is bool else kind(value)
        cfg = dataclasses.replace(cfg, **{name: typed})
    return cfg


def side_by_side(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.evaluate", description=__doc__)
    parser.add_argument("--set", action="append", default=[], choices=SET_ORDER)
    parser.add_argument("--no-live", action="store_true")
    parser.add_argument("--no-plain", action="store_true")
    parser.add_argument("--all-espeak", action="store_true")
    parser.add_argument("--live-pace", type=float, default=0.0)
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--speech", action="append", default=[], metavar="FIELD=VALUE")
    parser.add_argument("--before", action="append", default=[], metavar="FIELD=VALUE")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from mockint.audio.decode import SAMPLE_RATE, decode
    from mockint.speech.config import SpeechConfig
    from mockint.speech.transcriber import Transcriber

    cfg = _with_settings(SpeechConfig(), args.speech)
    transcriber = Transcriber(cfg)
    transcriber.warm_up()
    before = None
    if args.before:  # a second file path, the same clips: before and after in one run
        before = Transcriber(_with_settings(cfg, args.before))
        before.warm_up()
    systems = ["mockint"] + ([] if before is None else ["before"])
    systems += [] if args.no_plain else ["plain"]
    systems += [] if args.no_live else ["live"]
    sets = args.set or list(SET_ORDER)
    scores = {(s, n): SetScore() for s in sets for n in systems}
    started = time.perf_counter()
    for clip in _all_clips(sets, all_espeak=args.all_espeak):
        audio = decode(clip.path)
        for name in systems:
            t0 = time.perf_counter()
            if name == "plain":
                text = _plain_text(audio)
            elif name == "live":
                text = _live_text(transcriber, audio, args.live_pace)
            else:
                text = (before if name == "before" else transcriber).transcribe_file(clip.path).text
            seconds = time.perf_counter() - t0
            scores[clip.set, name].add(clip.reference, text, seconds, len(audio) / SAMPLE_RATE)
            if args.verbose:
                print(f"{clip.id:24} {name:8} {text}", file=sys.stderr)
    print(f"evaluated in {time.perf_counter() - started:.0f} s; speech settings {cfg}")
    if before is not None:
        print(f"before: {', '.join(args.before)}")
    print()
    live, was = "live" in systems, "before" in systems
    head = "| set | clips | WER plain |" + (" before |" if was else "") + " WER mockint |"
    head += " WER live |" if live else ""
    head += " vocal fillers P/R/F1 plain | mockint | invented plain | mockint |"
    head += " time plain |" + (" before |" if was else "") + " mockint |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for s in sets:
        m, p = scores[s, "mockint"], scores.get((s, "plain"), SetScore())
        b = scores.get((s, "before"))
        row = [s, str(m.clips), _fmt(p.wer())]
        row += [] if b is None else [_fmt(b.wer())]
        row.append(_fmt(m.wer()))
        if live:
            row.append(_fmt(scores[s, "live"].wer()))
        prf = [f"{x:.2f}" for x in p.fillers.prf()], [f"{x:.2f}" for x in m.fillers.prf()]
        row += ["/".join(prf[0]), "/".join(prf[1]), str(p.invented), str(m.invented)]
        row += [f"{p.seconds:.1f} s"] + ([] if b is None else [f"{b.seconds:.1f} s"])
        row.append(f"{m.seconds:.1f} s")
        print("| " + " | ".join(row) + " |")
    return 0


def main(argv: list[str]) -> int:
    if "--scoring" in argv:
        return scoring_main([a for a in argv if a != "--scoring"])
    return side_by_side(argv)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
