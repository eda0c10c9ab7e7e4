"""`mockint score`: transcribe and score a recording (any common audio format)"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mockint.errors import MockintError
from mockint.fmt import count, phrase

if TYPE_CHECKING:
    from mockint.answer import ScoredAnswer

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


NO_QUESTION = "(no --question: scored as a story, with STAR; --question ID fits it to its question)"
"""Said when no question is given: a "tell me about yourself" would otherwise be told, with
no reason shown, that it lacks a situation and a task."""


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
    from mockint.coach import Coach
    from mockint.coach.files import TextNotAudio, refusing_text
    from mockint.config import load_config

    if args.audio is None and args.text is None:
        raise MockintError(
            "give a recording to score (mockint score answer.wav) or a written answer "
            "(mockint score --text answer.txt)"
        )
    if args.audio is not None and args.text is not None:
        raise MockintError("give either a recording (AUDIO) or --text FILE, not both")
    if args.text is not None:
        return _run_text(args)
    path = Path(args.audio)
    if not args.live:
        from mockint.speech.transcriber import limit_heap_growth

        # This process only scores one file: memory over latency (see MMAP_THRESHOLD). Set
        # here, not in the pipeline, so the app's live answers never pay for it.
        limit_heap_growth()
    with Coach.open(load_config()) as coach:
        question = coach.catalog.question(args.question) if args.question else None
        try:
            if sys.stderr.isatty():
                from mockint.audio.decode import duration_of

                with refusing_text(path):
                    seconds = duration_of(path)
                how = " live" if args.live else ""
                print(f"transcribing{how} {seconds:.0f} s of audio…", file=sys.stderr)
            answered = coach.score_file(
                path, question, save=args.save, live=args.live, pace=args.pace
            )
        except TextNotAudio as exc:
            raise MockintError(
                f"{exc}; to score a written answer: mockint score --text {path}"
            ) from exc
    scored = answered.scored
    # Saved or not, the result names the file the user gave, not the store's copy.
    scored.audio = str(path)
    if args.json:
        from mockint.commands._common import print_json

        data = scored.to_dict()
        if answered.attempt_id is not None:
            data["attempt"] = answered.attempt_id
        print_json(data)
    else:
        print(summary(scored))
        if (attempt_id := answered.attempt_id) is not None:
            print(f"saved as attempt {attempt_id} (`mockint replay {attempt_id}`)")
    return 0


def _run_text(args: argparse.Namespace) -> int:
    from mockint.coach import Coach
    from mockint.config import load_config
    from mockint.scoring.typed import score_text, text_result

    if args.save or args.live:
        raise MockintError("--save and --live need a recording, not --text")
    config = load_config()
    with Coach.open(config, recover=False) as coach:
        question = coach.catalog.question(args.question) if args.question else None
    text = _read_text(args.text)
    if not text.strip():
        if args.text == "-":
            raise MockintError("no answer came in on standard input: pipe one in, or give a file")
        raise MockintError(f"{args.text} is empty: write your answer in it, then score it again")
    report = score_text(text, question, config.scoring)
    data = text_result(args.text, text, question, report)
    if args.json:
        from mockint.commands._common import print_json

        print_json(data)
        return 0
    lines = [f"{args.text}" + (f"  ·  question {data['question']}" if data["question"] else "")]
    if question is None:
        lines.append(NO_QUESTION)
    lines += ["", data["transcript"] or "(empty)", ""]
    lines.append(f"{report.word_count} words  ·  typed: no pace or pauses")
    parts = ", ".join(f"{k} {v}" for k, v in report.parts.items())
    lines.append(f"score {report.overall}/100" + (f"  ({parts})" if parts else ""))
    if report.flags:
        lines.append("flags: " + ", ".join(report.flags))
    lines.extend(f"tip: {tip}" for tip in report.tips)
    print("\n".join(lines))
    return 0


def _read_text(name: str) -> str:
    """The typed answer in ``name`` (``-``: standard input); one-line errors, never errno."""
    if name == "-":
        return sys.stdin.read()
    path = Path(name)
    if not path.exists():
        raise MockintError(f"{name}: no such file")
    if path.is_dir():
        raise MockintError(f"{name}: a folder, not a text file with your answer")
    try:
        return path.read_text("utf-8")
    except UnicodeDecodeError:
        raise MockintError(
            f"{name}: not UTF-8 text (a recording? score it with: mockint score {name})"
        ) from None
    except OSError as exc:
        raise MockintError(f"{name}: cannot read: {exc.strerror or exc}") from None


def summary(scored: ScoredAnswer) -> str:
    """The readable form of a result: transcript, then what the score report says."""
    t, report = scored.transcript, scored.report
    question = f"  ·  question {scored.question.id}" if scored.question else ""
    lines = [f"{scored.audio}{question}", *([] if scored.question else [NO_QUESTION])]
    lines += ["", t.text or "(no speech heard)", ""]
    facts = [f"duration {_seconds(t.duration_s)}", f"speech {_seconds(t.speech_s)}"]
    facts.append(f"{report.word_count} words")
    wpm = report.metrics.get("wpm")
    if wpm is not None:
        facts.append(f"{wpm:.0f} wpm")
    if report.fillers is not None:
        detail = ", ".join(f"{phrase(k)} {v}" for k, v in report.fillers.counts.items())
        facts.append(count(report.fillers.total, "filler") + (f" ({detail})" if detail else ""))
    lines.append("  ·  ".join(facts))
    parts = ", ".join(f"{k} {v}" for k, v in report.parts.items())
    lines.append(f"score {report.overall}/100" + (f"  ({parts})" if parts else ""))
    if report.flags:
        lines.append("flags: " + ", ".join(report.flags))
    lines.extend(f"tip: {tip}" for tip in report.tips)
    if "after_stop_s" in scored.timing:
        after = scored.timing["after_stop_s"]
        lines.append(f"live: result {after:.2f} s after the end of the audio")
    return "\n".join(lines)


def _seconds(value: float) -> str:
    value = float(value)
    return f"{int(value // 60)}:{value % 60:04.1f}" if value >= 60 else f"{value:.1f} s"
