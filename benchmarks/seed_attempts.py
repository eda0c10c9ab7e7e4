"""Seed a data root with many realistic attempts (default 10,000) for the store benchmarks.

    python -m benchmarks.seed_attempts [--count N] [--root DIR]

Rows go straight into SQLite through the Store's schema: a year of practice over 60
questions, ~220 timed words and a full score report per scored attempt (so the database
size is realistic). No audio files are written.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

QUESTIONS = 60
WORDS_PER_ANSWER = 220
FLAGS = ("filler_heavy", "long_pauses", "hedging", "missing_result", "too_long", "too_fast")
ANSWER = (
    "so at my last job we had a release that was slipping and I um took the lead on "
    "talking to the team about what was blocking them like the tests were flaky and I "
    "think the result was we shipped two weeks later with forty percent fewer bugs"
)
VOCAB = tuple(ANSWER.split(" "))


def seed(root: Path, count: int = 10_000, *, rng_seed: int = 7) -> Path:
    """Add ``count`` attempts to the database under ``root``; returns the database path."""
    os.environ["MOCKINT_HOME"] = str(root)
    from mockint.store import Store

    rng = random.Random(rng_seed)
    start = datetime(2025, 1, 1, 8, tzinfo=UTC)
    step = timedelta(days=365) / count
    with Store.open() as store, store.transaction() as conn:
        conn.executemany(
            """INSERT INTO attempts (question_id, question_text, bank_id, question_kind,
                   status, audio_path, duration_s, transcript, words_json, report_json,
                   overall, flags, created_at, scored_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (_row(rng, i, start + step * i) for i in range(count)),
        )
        return Path(store.where)


def _row(rng: random.Random, i: int, created: datetime) -> tuple[Any, ...]:
    q = rng.randrange(QUESTIONS)
    stamp = created.isoformat(timespec="seconds")
    status = "scored" if rng.random() < 0.97 else rng.choice(("recorded", "failed"))
    audio = f"recordings/{stamp[:10]}/{i + 1}.flac"
    duration = round(rng.uniform(40, 140), 1)
    head = (f"q{q:02d}", f"Question {q}?", "bench", "behavioral", status, audio, duration)
    if status != "scored":
        return (*head, None, None, None, None, "[]", stamp, None)
    words, text = _words(rng, duration)
    overall = rng.randint(35, 95)
    flags = rng.sample(FLAGS, rng.randint(0, 3))
    report = {
        "metrics": {
            "word_count": len(words),
            "wpm": round(len(words) / duration * 60, 1),
            "fillers": {"total": 6, "per_minute": 3.9, "per_100_words": 2.6, "counts": {"um": 6}},
            "long_pauses": [{"start": 31.2, "end": 34.0}],
            "hedges": {"total": 2, "counts": {"i think": 2}},
            "star": {"situation": True, "task": True, "action": True, "result": False},
        },
        "score": {"overall": overall, "parts": {"fillers": 80, "pace": 95, "structure": 60}},
        "flags": flags,
        "tips": ["End with the result, in numbers."],
    }
    return (
        *head,
        text,
        json.dumps(words),
        json.dumps(report),
        overall,
        json.dumps(flags),
        stamp,
        stamp,
    )


def _words(rng: random.Random, duration: float) -> tuple[list[dict[str, Any]], str]:
    step = duration / WORDS_PER_ANSWER
    tokens = [rng.choice(VOCAB) for _ in range(WORDS_PER_ANSWER)]
    words = [
        {"text": t, "start": round(k * step, 3), "end": round(k * step + step * 0.8, 3)}
        for k, t in enumerate(tokens)
    ]
    return words, " ".join(tokens)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.seed_attempts")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--root", type=Path, help="data root (default: a new temp folder)")
    args = parser.parse_args(argv)
    root = args.root or Path(tempfile.mkdtemp(prefix="mockint-seed-"))
    db = seed(root, args.count)
    print(f"{args.count} attempts in {db} ({db.stat().st_size / 1e6:.1f} MB)")
    print(f"try: MOCKINT_HOME={root} mockint history")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
