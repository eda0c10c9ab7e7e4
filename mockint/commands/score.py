"""`mockint score`: transcribe and score a recording (any common audio format)"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mockint.errors import MockintError

if TYPE_CHECKING:
    from mockint.config import Config
    from mockint.models import Question
    from mockint.pipeline import ScoredAnswer

HELP = "transcribe and score a recording (any common audio format), or a typed answer"
DESCRIPTION = """\
Transcribe a recording verbatim (fillers kept, every word timed) and score it; or score a
written draft with --text (no pace, pauses or seconds: only what text can show).

examples:
  mockint score answer.wav
  mockint score answer.flac --question beh-conflict-coworker --json
  mockint score answer.mp3 --live      # as if spoken into the mic; reports timing.after_stop_s
  mockint score --text draft.txt --question beh-conflict-coworker
  pbpaste | mockint score --text - --json
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "audio", metavar="AUDIO", nargs="?", help="the recording: WAV, FLAC, MP3, OGG, ..."
    )
    parser.add_argument(
        "--text", metavar="FILE", help="score a typed answer from FILE ('-' for stdin) instead"
    )
    parser.add_argument("--question", metavar="ID", help="the question it answers")
    parser.add_argument("--save", action="store_true", help="keep it as an attempt in history")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--live",
        action="store_true",
        help="feed it through the live pipeline at real-time pace, as if spoken into the mic",
    )
    # Tests and benchmarks stream faster than real time; not for users.
    parser.add_argument("--pace", type=float, default=1.0, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    from mockint.config import load_config

    if (args.audio is None) == (args.text is None):
        raise MockintError("give either a recording (AUDIO) or --text FILE, not both")
    config = load_config()
    question = _question(args.question) if args.question else None
    if args.text is not None:
        return _run_text(args, question, config)
    path = Path(args.audio)
    if args.save:
        scored, attempt_id = _score_and_save(path, question, config, args)
    else:
        scored, attempt_id = _score(path, question, config, args), None
    if args.json:
        from mockint.commands._common import print_json

        data = scored.to_dict()
        if attempt_id is not None:
            data["attempt"] = attempt_id
        print_json(data)
    else:
        print(summary(scored))
        if attempt_id is not None:
            print(f"saved as attempt {attempt_id} (`mockint replay {attempt_id}`)")
    return 0


def _run_text(args: argparse.Namespace, question: Question | None, config: Config) -> int:
    from mockint.scoring.typed import score_text, text_result

    if args.save or args.live:
        raise MockintError("--save and --live need a recording, not --text")
    try:
        text = sys.stdin.read() if args.text == "-" else Path(args.text).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise MockintError(f"{args.text}: cannot read: {exc}") from None
    report = score_text(text, question, config.scoring)
    data = text_result(args.text, text, question, report)
    if args.json:
        from mockint.commands._common import print_json

        print_json(data)
        return 0
    lines = [f"{args.text}" + (f"  ·  question {data['question']}" if data["question"] else "")]
    lines += ["", data["transcript"] or "(empty)", ""]
    lines.append(f"{report.word_count} words  ·  typed: no pace or pauses")
    parts = ", ".join(f"{k} {v}" for k, v in report.parts.items())
    lines.append(f"score {report.overall}/100" + (f"  ({parts})" if parts else ""))
    if report.flags:
        lines.append("flags: " + ", ".join(report.flags))
    lines.extend(f"tip: {tip}" for tip in report.tips)
    print("\n".join(lines))
    return 0


def summary(scored: ScoredAnswer) -> str:
    """The readable form of a result: transcript, then whatever the score report offers."""
    d = scored.to_dict()
    metrics: dict[str, Any] = d.get("metrics") or {}
    lines = [f"{d['audio']}" + (f"  ·  question {d['question']}" if d["question"] else "")]
    lines.append("")
    lines.append(d["transcript"] or "(no speech heard)")
    lines.append("")
    facts = [f"duration {_seconds(d['duration_s'])}", f"speech {_seconds(d['speech_s'])}"]
    facts.append(f"{metrics.get('word_count', len(d['words']))} words")
    if isinstance(metrics.get("wpm"), int | float):
        facts.append(f"{metrics['wpm']:.0f} wpm")
    fillers = metrics.get("fillers")
    if isinstance(fillers, dict) and "total" in fillers:
        counts = fillers.get("counts") or {}
        detail = ", ".join(f"{k} {v}" for k, v in counts.items())
        facts.append(f"{fillers['total']} fillers" + (f" ({detail})" if detail else ""))
    lines.append("  ·  ".join(facts))
    score = d.get("score") or {}
    if "overall" in score:
        parts = ", ".join(f"{k} {v}" for k, v in (score.get("parts") or {}).items())
        lines.append(f"score {score['overall']}/100" + (f"  ({parts})" if parts else ""))
    if d.get("flags"):
        lines.append("flags: " + ", ".join(d["flags"]))
    lines.extend(f"tip: {tip}" for tip in d.get("tips") or [])
    timing = d.get("timing") or {}
    if "after_stop_s" in timing:
        lines.append(f"live: result {timing['after_stop_s']:.2f} s after the end of the audio")
    return "\n".join(lines)


def _score(
    path: Path, question: Question | None, config: Config, args: argparse.Namespace
) -> ScoredAnswer:
    from mockint.audio.decode import duration_of
    from mockint.pipeline import score_file

    if sys.stderr.isatty():
        how = " live" if args.live else ""
        print(f"transcribing{how} {duration_of(path):.0f} s of audio…", file=sys.stderr)
    return score_file(path, question=question, config=config, live=args.live, pace=args.pace)


def _score_and_save(
    path: Path, question: Question | None, config: Config, args: argparse.Namespace
) -> tuple[ScoredAnswer, int]:
    """Keep the audio as an attempt FIRST, so a failed transcription loses nothing."""
    from mockint.audio.decode import duration_of
    from mockint.practice import save_scored
    from mockint.store import Store

    duration_of(path)  # a file that is not audio is refused before anything is stored
    with Store.open() as store:
        attempt = store.add_recorded_attempt(question, path)
        try:
            scored = _score(Path(attempt.audio_path or path), question, config, args)
        except MockintError as exc:
            store.mark_failed(attempt.id, str(exc))
            raise
        scored.audio = str(path)
        # Stored and counted as practice of its question, as an answer given in the app.
        save_scored(store, attempt.id, scored, config=config)
    return scored, int(attempt.id)


def _question(question_id: str) -> Question:
    from mockint.banks import load_catalog

    return load_catalog().question(question_id)


def _seconds(value: float) -> str:
    value = float(value)
    return f"{int(value // 60)}:{value % 60:04.1f}" if value >= 60 else f"{value:.1f} s"
