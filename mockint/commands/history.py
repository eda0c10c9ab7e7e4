"""`mockint history`: past attempts, newest first; one question's trend; retry unscored ones.

``--json`` prints ``{"attempts": [...], "total": N, "pending": N, "recovered": [ids]}``, and
with ``--question`` also ``"trend": {"best", "average", "latest", "scores": [...]}``.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from mockint.commands._common import whole_number
from mockint.fmt import count

if TYPE_CHECKING:
    from mockint.coach import Coach, RetryOutcome
    from mockint.store import Attempt, Trend

HELP = "past attempts, newest first; one question's trend"
DESCRIPTION = """\
Past attempts, newest first: date, question, length, score, top flags.
With --question, that question's score trend, best and average.
With --retry, transcribe and score attempts that are waiting (recorded, failed,
or recovered after a crash).

examples:
  mockint history                                  the latest attempts
  mockint history --question beh-conflict-coworker  one question's trend
  mockint history --retry                          score what is waiting"""

DEFAULT_LIMIT = 20
EMPTY = "No attempts yet. Try `mockint practice` or `mockint score answer.wav --save`."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--question", metavar="ID", help="only this question, with its trend")
    parser.add_argument("--json", action="store_true", help="print as JSON")
    parser.add_argument(
        "--limit",
        metavar="N",
        type=whole_number(0, 1_000_000_000),
        default=DEFAULT_LIMIT,
        help=f"show the N newest (default {DEFAULT_LIMIT}; 0 shows all)",
    )
    parser.add_argument(
        "--retry",
        action="store_true",
        help="transcribe and score attempts that are recorded or failed",
    )


def run(args: argparse.Namespace) -> int:
    from mockint.coach import Coach
    from mockint.config import load_config
    from mockint.errors import MockintError

    if args.limit < 0:
        raise MockintError("--limit must be 0 (all) or more")
    # The config is read only if a retry needs it: listing never does.
    with Coach.open(load_config) as coach:
        if args.retry:
            return _retry(coach, as_json=args.json)
        limit = args.limit or None
        attempts = coach.attempts(args.question, limit)
        if args.question and not attempts:
            # An id no attempt and no bank has is a typo: not "practise it with …", which fails.
            coach.catalog.question(args.question)
        trend = coach.question_trend(args.question) if args.question else None
        if args.json:
            _print_json(coach, attempts, trend)
        else:
            _notices(coach)
            if trend is not None:
                _print_question(attempts, trend)
            else:
                _print_list(coach, attempts)
    return 0


# -- text ------------------------------------------------------------------------------------


def _notices(coach: Coach) -> None:
    """Recovered and waiting attempts, on stderr so that the table stays clean."""
    recovered = coach.recovered()
    if recovered:
        n = len(recovered)
        what = "1 unfinished recording" if n == 1 else f"{n} unfinished recordings"
        pronoun = "it" if n == 1 else "them"
        print(
            f"{what} recovered: run `mockint history --retry` to score {pronoun}", file=sys.stderr
        )
    waiting = coach.count_pending() - len(recovered)
    if waiting > 0:
        noun = "attempt is" if waiting == 1 else "attempts are"
        print(
            f"{waiting} {noun} not scored yet: `mockint history --retry` scores them",
            file=sys.stderr,
        )


def _table(attempts: list[Attempt], *, with_question: bool) -> list[str]:
    from mockint.fmt import clip
    from mockint.store import display

    header = f"{'ID':>5}  {'DATE':16}  "
    header += f"{'QUESTION':28}  " if with_question else ""
    header += f"{'LENGTH':>6}  {'SCORE':>8}  FLAGS"
    lines = [header]
    for a in attempts:
        line = f"{a.id:>5}  {display.local_time(a.created_at):16}  "
        if with_question:
            line += f"{clip(a.question_id or '(no question)', 28):28}  "
        line += f"{display.duration(a.duration_s):>6}  {display.score_text(a):>8}  "
        line += ", ".join(a.flags[:3]) if a.status != "failed" else clip(a.error, 50)
        lines.append(line.rstrip())
    return lines


def _print_list(coach: Coach, attempts: list[Attempt]) -> None:
    if not attempts:
        print(EMPTY)
        return
    print("\n".join(_table(attempts, with_question=True)))
    _not_counted_note(attempts)
    total = coach.count_attempts()
    if total > len(attempts):
        print(f"\n{len(attempts)} of {count(total, 'attempt')}; `--limit 0` shows all.", end=" ")
    else:
        print()
    print("`mockint replay ID` plays one; `--question ID` shows a question's trend.")


def _not_counted_note(attempts: list[Attempt]) -> None:
    from mockint.store import display

    if any(a.overall is not None and not a.counted for a in attempts):
        print(display.NOT_COUNTED)


def _print_question(attempts: list[Attempt], trend: Trend) -> None:
    from mockint.store import display

    if not attempts:
        print(
            f"No attempts at {trend.question_id} yet. "
            f"Practice it with `mockint practice --question {trend.question_id}`."
        )
        return
    text = next((a.question_text for a in attempts if a.question_text), None)
    print(f"{trend.question_id}: {text}" if text else trend.question_id)
    scored = len(trend.points)
    summary = f"{count(trend.attempts, 'attempt')}, {scored} scored"
    if scored:
        summary += f" · best {trend.best} · average {trend.average} · latest {trend.latest}"
    print(summary)
    if scored:
        print(f"trend  {display.sparkline(trend.scores)}  (oldest → newest, last 30)")
    print()
    print("\n".join(_table(attempts, with_question=False)))
    _not_counted_note(attempts)
    if trend.attempts > len(attempts):
        print(f"\n{len(attempts)} of {count(trend.attempts, 'attempt')}; `--limit 0` shows all.")


# -- JSON ------------------------------------------------------------------------------------


def _print_json(coach: Coach, attempts: list[Attempt], trend: Trend | None) -> None:
    from mockint.commands._common import print_json

    root = coach.store.root
    data: dict[str, Any] = {
        "attempts": [a.to_dict(root=root, full=False) for a in attempts],
        "total": coach.count_attempts(trend.question_id if trend else None),
        "pending": coach.count_pending(),
        "recovered": [a.id for a in coach.recovered()],
    }
    if trend is not None:
        data["trend"] = trend.to_dict()
    print_json(data)


# -- retry -----------------------------------------------------------------------------------


def _retry(coach: Coach, *, as_json: bool) -> int:
    from mockint.commands._common import print_json

    for a in coach.adopt_orphans():
        print(f"found {a.audio_path} with no attempt: kept as attempt {a.id}", file=sys.stderr)
    if not coach.count_pending():
        if as_json:
            print_json({"retried": []})
        else:
            print("Nothing to retry: every attempt is scored.")
        return 0
    outcomes = coach.retry_pending(progress=None if as_json else _progress)
    if as_json:
        print_json({"retried": [_outcome_dict(o) for o in outcomes]})
    failed = sum(1 for o in outcomes if o.error)
    if not as_json:
        print(f"{len(outcomes) - failed} scored, {failed} failed.")
    return 1 if failed else 0


def _progress(index: int, total: int, attempt: Attempt, outcome: RetryOutcome | None) -> None:
    from mockint.store import display

    if outcome is None:
        what = attempt.question_id or "no question"
        length = display.duration(attempt.duration_s)
        print(f"[{index}/{total}] attempt {attempt.id} ({what}, {length}) … ", end="", flush=True)
    elif outcome.error:
        print(f"failed: {outcome.error}", flush=True)
    else:
        flags = f" ({', '.join(outcome.flags[:3])})" if outcome.flags else ""
        print(f"score {outcome.overall}{flags}", flush=True)


def _outcome_dict(outcome: RetryOutcome) -> dict[str, Any]:
    return {
        "id": outcome.attempt_id,
        "status": str(outcome.status),
        "overall": outcome.overall,
        "flags": list(outcome.flags),
        "error": outcome.error,
    }
